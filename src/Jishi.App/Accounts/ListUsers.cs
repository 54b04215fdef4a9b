using Jishi.App.Data;
using Jishi.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Accounts;

public sealed class ListUsers(JishiDbContext db)
{
    public async Task<IReadOnlyList<User>> Handle(CancellationToken ct = default)
    {
        Accounts.EnsureAdmin(db.Caller);
        return await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
    }
}
