using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Procedures;
using Jishi.Domain.Procedures;

namespace Jishi.App.Disposals;

public sealed class VerifyDisposalIntegrity(JishiDbContext db)
{
    public async Task<VerifyCaseIntegrity.Result> Handle(string id, CancellationToken ct = default)
    {
        var (head, events) = await ProcedureLog.Load(db, ProcedureKind.Disposal, id, track: false, "组织处置", ct);
        return ProcedureLog.Verify(head, events);
    }
}
