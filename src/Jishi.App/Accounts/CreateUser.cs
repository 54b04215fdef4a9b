using System.Text.RegularExpressions;
using Jishi.App.Data;
using Jishi.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Accounts;

public sealed record NewUser(string? UserName, string? DisplayName, string? OrgId, Role? Role, string? Password = null);

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
