using Jishi.App.Data;
using Jishi.Domain.Development;

namespace Jishi.App.Cases;

/// <summary>What the case still needs today before its next stage-moving steps (shown on the case page).</summary>
public sealed class CaseReadiness(JishiDbContext db, CaseFacts facts, TimeProvider time)
{
    public async Task<IReadOnlyList<StepReadiness>> Handle(CaseView view, CancellationToken ct = default)
    {
        _ = db;
        var state = view.State;
        var today = ChinaTime.Today(time);
        var ctx = await facts.Load(view.Case, state, null, today, null, ct);
        return Readiness.Of(state, ctx, today);
    }
}
