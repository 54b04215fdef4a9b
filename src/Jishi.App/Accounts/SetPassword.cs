using Jishi.App.Data;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Accounts;

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
