using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Procedures;
using Jishi.Domain.Procedures;

namespace Jishi.App.LostContacts;

public sealed class VerifyLostContactIntegrity(JishiDbContext db)
{
    public async Task<VerifyCaseIntegrity.Result> Handle(string id, CancellationToken ct = default)
    {
        var (head, events) = await ProcedureLog.Load(db, ProcedureKind.LostContact, id, track: false, "失联党员登记", ct);
        return ProcedureLog.Verify(head, events);
    }
}
