using Jishi.App.Data;
using Jishi.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.People;

public sealed class GetPerson(JishiDbContext db)
{
    public async Task<Person> Handle(string id, CancellationToken ct = default) =>
        await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("人员", id);
}
