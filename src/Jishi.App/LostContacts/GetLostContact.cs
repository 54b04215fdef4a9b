using Jishi.App.Data;
using Jishi.App.Procedures;
using Jishi.Domain.LostContacts;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.LostContacts;

public sealed class GetLostContact(JishiDbContext db)
{
    public async Task<LostContactView> Handle(string id, CancellationToken ct = default)
    {
        var definition = LostContactProcedure.Instance;
        var (head, events, progress) = await ProcedureSteps.Load(db, definition, id, null, track: false, "失联党员登记", ct);
        var row = await db.LostContacts.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        return new LostContactView(ProcedureSteps.View(definition, head, row, events, progress));
    }
}
