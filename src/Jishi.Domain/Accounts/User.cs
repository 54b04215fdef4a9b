namespace Jishi.Domain.Accounts;

/// <summary>What a user may do: Admin everything; Manager read and record in its subtree; Viewer read only.</summary>
public enum Role
{
    Admin,
    Manager,
    Viewer,
}

/// <summary>A user account, bound to an organisation subtree (all organisations for an Admin without one).</summary>
public sealed class User
{
    public const int MaxFailedLogins = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public required string Id { get; init; }

    public required string UserName { get; init; }

    public required string DisplayName { get; set; }

    public string? OrgId { get; set; }

    public Role Role { get; set; }

    public string? PasswordHash { get; set; }

    public int FailedLoginCount { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a failed password; the fifth in a row locks the account for 15 minutes.</summary>
    public void RecordFailedLogin(DateTimeOffset now)
    {
        FailedLoginCount++;
        if (FailedLoginCount >= MaxFailedLogins)
        {
            LockedUntil = now + LockoutDuration;
            FailedLoginCount = 0;
        }
    }

    public void RecordSuccessfulLogin()
    {
        FailedLoginCount = 0;
        LockedUntil = null;
    }
}

/// <summary>A bearer token of a user. Only its SHA-256 digest is stored; the token itself is shown once.</summary>
public sealed class ApiToken
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required string TokenHash { get; init; }

    /// <summary>The first characters of the token, so that a user can tell tokens apart.</summary>
    public required string Prefix { get; init; }

    public string? Label { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }
}
