using Jishi.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Procedures;

/// <summary>The outstanding deadlines of the procedures listed on a page (one query), earliest first, for the
/// registers' 期限 column: a list shows what the engine computed and never recomputes a rule.</summary>
public sealed class OutstandingDeadlines(JishiDbContext db)
{
    public sealed record Due(string Rule, DateOnly DueDate);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Due>>> Handle(IEnumerable<string> procedureIds, CancellationToken ct = default)
    {
        var ids = procedureIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<Due>>();
        }

        var rows = await db.CaseDeadlines.IgnoreQueryFilters().AsNoTracking().Where(d => ids.Contains(d.CaseId))
            .Select(d => new { d.CaseId, d.Rule, d.DueDate }).ToListAsync(ct);
        return rows.GroupBy(r => r.CaseId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<Due>)g.OrderBy(r => r.DueDate).Select(r => new Due(r.Rule, r.DueDate)).ToList());
    }
}
