using Jishi.Domain.Accounts;

namespace Jishi.App.Accounts;

/// <summary>Who is acting: the user, the role and the organisation subtree the user is bound to.</summary>
public sealed record Caller(string UserId, string UserName, string DisplayName, Role Role, string? OrgId, string? OrgPath)
{
    public static readonly Caller System = new("system", "system", "系统", Role.Admin, null, null);

    /// <summary>The bootstrap administrator of <c>Jishi:BootstrapAdminToken</c>.</summary>
    /// <summary>Nobody signed in: sees nothing, writes nothing.</summary>
    public static readonly Caller Anonymous = new("anonymous", "anonymous", "未登录", Role.Viewer, null, null);

    public static readonly Caller BootstrapAdmin = new("bootstrap", "bootstrap", "系统管理员", Role.Admin, null, null);

    /// <summary>The path of the subtree the caller may see; null for all organisations.</summary>
    public string? ScopePath => Role == Role.Admin ? null : OrgPath ?? "/~none/";

    public bool CanWrite => Role != Role.Viewer;

    public bool IsAdmin => Role == Role.Admin;
}

/// <summary>
/// The caller of the current unit of work. Every query of <see cref="Data.JishiDbContext"/> is filtered by it
/// (404 outside scope) and every save checks it (403 for a Viewer writing): one place, for API, UI and CLI.
/// Until someone is put into it the caller is <see cref="Caller.Anonymous"/>: a unit of work that forgets to say who
/// acts sees nothing and writes nothing; the system acts only where it is named (start-up, the CLI).
/// </summary>
public sealed class CallerScope
{
    public Caller Current { get; set; } = Caller.Anonymous;
}
