using Jishi.App.Data;
using Jishi.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Accounts;

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
