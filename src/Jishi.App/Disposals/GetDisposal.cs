using Jishi.App.Data;
using Jishi.App.Procedures;
using Jishi.Domain.Disposals;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Disposals;

public sealed class GetDisposal(JishiDbContext db)
{
    public async Task<DisposalView> Handle(string id, CancellationToken ct = default)
    {
        var definition = DisposalProcedure.Instance;
        var (head, events, progress) = await ProcedureSteps.Load(db, definition, id, null, track: false, "组织处置", ct);
        var row = await db.Disposals.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        return new DisposalView(ProcedureSteps.View(definition, head, row, events, progress));
    }
}
