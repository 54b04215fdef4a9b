using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Jishi.App.Data;
using Jishi.Domain.Accounts;
using Jishi.Domain.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Accounts;

public sealed record NewUser(string? UserName, string? DisplayName, string? OrgId, Role? Role, string? Password = null);

public sealed record IssuedToken(ApiToken Record, string Token);

public sealed partial class CreateUser(JishiDbContext db, TimeProvider time)
{
    public const int MinPasswordLength = 8;

    [GeneratedRegex("^[A-Za-z0-9._-]{3,64}$")]
    private static partial Regex UserNamePattern();

    public async Task<User> Handle(NewUser input, CancellationToken ct = default)
    {
        Accounts.EnsureAdmin(db.Caller);
        var v = new Validation();
        var userName = v.Required("userName", input.UserName, 64, "用户名");
        if (userName.Length > 0 && !UserNamePattern().IsMatch(userName))
        {
            v.Add("userName", "用户名应为 3–64 个字母、数字或 . _ -");
        }

        var displayName = v.Required("displayName", input.DisplayName, 100, "显示名称");
        var role = v.Required("role", input.Role, "角色");
        if (input.Role is not null and not Role.Admin && string.IsNullOrWhiteSpace(input.OrgId))
        {
            v.Add("orgId", "Manager 和 Viewer 必须绑定一个组织");
        }

        if (input.Password is { } pw && pw.Length < MinPasswordLength)
        {
            v.Add("password", $"密码至少 {MinPasswordLength} 个字符");
        }

        v.ThrowIfInvalid();
        string? orgId = null;
        if (!string.IsNullOrWhiteSpace(input.OrgId))
        {
            orgId = await db.Orgs.Where(o => o.Id == input.OrgId).Select(o => o.Id).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("组织", input.OrgId, "orgId");
        }

        var existing = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            throw new ConflictException($"用户名 {userName} 已存在", existing);
        }

        var user = new User
        {
            Id = Ids.New(time),
            UserName = userName,
            DisplayName = displayName,
            OrgId = orgId,
            Role = role,
            CreatedAt = time.GetUtcNow(),
        };
        if (input.Password is { } password)
        {
            user.PasswordHash = Accounts.Hasher.HashPassword(user, password);
        }

        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }
}

/// <summary>Issues a bearer token for a user; only its SHA-256 digest is kept, the token is shown once.</summary>
public sealed class CreateToken(JishiDbContext db, TimeProvider time)
{
    public async Task<IssuedToken> Handle(string userId, string? label = null, CancellationToken ct = default)
    {
        if (db.Caller.UserId != userId)
        {
            Accounts.EnsureAdmin(db.Caller);
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException("用户", userId);
        var token = "jsk_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new ApiToken
        {
            Id = Ids.New(time),
            UserId = user.Id,
            TokenHash = Accounts.HashToken(token),
            Prefix = token[..10],
            Label = label,
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiTokens.Add(record);
        await db.SaveChangesAsync(ct);
        return new IssuedToken(record, token);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed class ListUsers(JishiDbContext db)
{
    public async Task<IReadOnlyList<User>> Handle(CancellationToken ct = default)
    {
        Accounts.EnsureAdmin(db.Caller);
        return await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
    }
}

/// <summary>Resolves callers from credentials: a bearer token, or a user name and password (with lockout).</summary>
public sealed class SignIn(JishiDbContext db, TimeProvider time)
{
    public async Task<Caller?> ByToken(string token, CancellationToken ct = default)
    {
        var hash = Accounts.HashToken(token);
        var userId = await db.ApiTokens.AsNoTracking().Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Select(t => t.UserId).FirstOrDefaultAsync(ct);
        return userId is null ? null : await ByUserId(userId, ct);
    }

    public async Task<Caller?> ByUserId(string userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && !u.IsDisabled, ct);
        return user is null ? null : await ToCaller(user, ct);
    }

    /// <summary>The caller, or a Chinese reason why the login is refused (wrong password, locked).</summary>
    public async Task<(Caller? Caller, string? Error)> ByPassword(string? userName, string? password, CancellationToken ct = default)
    {
        const string Wrong = "用户名或密码错误";
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return (null, "请输入用户名和密码");
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName.Trim(), ct);
        if (user is null || user.IsDisabled || user.PasswordHash is null)
        {
            return (null, Wrong);
        }

        var now = time.GetUtcNow();
        if (user.IsLockedOut(now))
        {
            return (null, $"连续输错密码次数过多，账户已锁定至 {ChinaTime.ToChina(user.LockedUntil!.Value):HH:mm}");
        }

        var result = Accounts.Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            user.RecordFailedLogin(now);
            await db.SaveChangesAsync(ct);
            return (null, user.IsLockedOut(now) ? "连续输错密码次数过多，账户已锁定 15 分钟" : Wrong);
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Accounts.Hasher.HashPassword(user, password);
        }

        user.RecordSuccessfulLogin();
        await db.SaveChangesAsync(ct);
        return (await ToCaller(user, ct), null);
    }

    private async Task<Caller> ToCaller(User user, CancellationToken ct)
    {
        var orgPath = user.OrgId is null ? null
            : await db.Orgs.IgnoreQueryFilters().Where(o => o.Id == user.OrgId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        return new Caller(user.Id, user.UserName, user.DisplayName, user.Role, user.OrgId, orgPath);
    }
}

/// <summary>Sets a user's password (CLI and administrators).</summary>
public sealed class SetPassword(JishiDbContext db)
{
    public async Task Handle(string userName, string password, CancellationToken ct = default)
    {
        Accounts.EnsureAdmin(db.Caller);
        if (password.Length < CreateUser.MinPasswordLength)
        {
            throw new InvalidInputException("password", $"密码至少 {CreateUser.MinPasswordLength} 个字符");
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct) ?? throw new NotFoundException("用户", userName);
        user.PasswordHash = Accounts.Hasher.HashPassword(user, password);
        user.RecordSuccessfulLogin();
        await db.SaveChangesAsync(ct);
    }
}

internal static class Accounts
{
    public static readonly PasswordHasher<User> Hasher = new();

    public static string HashToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static void EnsureAdmin(Caller caller)
    {
        if (!caller.IsAdmin)
        {
            throw new ForbiddenException("只有管理员（Admin）可以管理用户和令牌");
        }
    }
}
