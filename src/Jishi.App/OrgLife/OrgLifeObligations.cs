using Jishi.App.Alerts;
using Jishi.App.Data;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.OrgLife;

/// <summary>L-01-frequencies (OrgWARN): every period of last year and this year that ended without its required
/// meetings, and this year's open periods ending by the horizon, of each branch-like organisation in scope.</summary>
public sealed class OrgLifeObligations : IOrgObligations
{
    public async Task<IReadOnlyList<OrgObligation>> DueBy(JishiDbContext db, Organisation? under, DateOnly horizon, CancellationToken ct)
    {
        var from = under?.Path ?? "";
        var to = under is null ? "\uffff" : Organisation.SubtreeUpperBound(under.Path);
        var types = OrgTypes.BranchLike.ToList();
        var orgs = await db.Orgs.AsNoTracking().Where(o => types.Contains(o.Type) && o.Path.CompareTo(from) >= 0 && o.Path.CompareTo(to) < 0)
            .ToListAsync(ct);
        if (orgs.Count == 0)
        {
            return [];
        }

        var names = orgs.ToDictionary(o => o.Id, o => o.Name);
        var today = horizon; // a period ending by the horizon and not met is owed by then
        var due = new List<OrgObligation>();
        var (items, _) = await GetOrgLife.For(db, orgs, [horizon.Year - 1, horizon.Year], today, ct);
        foreach (var i in items.Where(i => i.State is PeriodState.Missed or PeriodState.Open && i.DueDate <= horizon))
        {
            due.Add(new OrgObligation(i.OrgId, names[i.OrgId], RuleIds.L01Frequencies, i.DueDate,
                $"{i.Period} 应召开{i.Type.Label()} {i.Required} 次，已召开 {i.Held} 次", $"{i.Period}-{i.Type}"));
        }

        return due;
    }
}
