using Jishi.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Cases;

/// <summary>Verifies a case's hash chain from the stored rows (API.md "integrity").</summary>
public sealed class VerifyCaseIntegrity(JishiDbContext db)
{
    public sealed record Result(bool Valid, int EventCount, string HeadHash, int? FirstInvalidSeq);

    public async Task<Result> Handle(string caseId, CancellationToken ct = default)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("个案", caseId);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Seq).ToListAsync(ct);
        return Check(c, events);
    }

    /// <summary>The chain of <paramref name="events"/> (in order) recomputed against the case's head.</summary>
    public static Result Check(CaseRecord c, IReadOnlyList<CaseEventRecord> events)
    {
        var (valid, first, head) = CaseJson.CheckChain(events, e => e.Seq, e => e.PrevHash, e => e.Hash, CaseJson.Hash, c.HeadHash, c.EventCount);
        return new Result(valid, events.Count, head, first);
    }
}
