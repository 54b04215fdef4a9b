using Jishi.App.Data;
using Jishi.Domain.Development;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Cases;

public sealed class GetCase(JishiDbContext db)
{
    public async Task<CaseView> Handle(string id, CancellationToken ct = default)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("个案", id);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Seq).ToListAsync(ct);
        return View(c, events, CaseState.Replay(events.Select(CaseJson.ToEvent)));
    }

    /// <summary>The view of a case from its record and the state replayed from those events.</summary>
    internal static CaseView View(CaseRecord c, IReadOnlyList<CaseEventRecord> events, CaseState state) =>
        new(c, events, Deadlines.Of(state), TransitionTable.LegalAt(state.Stage, state.Status).ToList(), state);
}
