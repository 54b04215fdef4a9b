using Jishi.App.Alerts;
using Jishi.App.Data;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Jishi.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Members;

/// <summary>
/// T-12-graduates (WARN, 第三十四条): the organisation that keeps a graduate's relation owes its transfer by graduation
/// + 24 months, while it still holds it (the member in this registry, at the same organisation as when the graduation
/// was recorded). Shown in the alerts as that organisation's obligation, naming the member.
/// </summary>
public sealed class GraduateObligations : IOrgObligations
{
    public async Task<IReadOnlyList<OrgObligation>> DueBy(JishiDbContext db, Organisation? under, DateOnly horizon, CancellationToken ct)
    {
        // graduation + 24 months <= horizon; a few days of slack for month ends, judged exactly below.
        var latest = horizon.AddMonths(-GraduateRules.KeepMonths).AddDays(3);
        var members = db.Members.AsNoTracking()
            .Where(m => m.GraduationDate != null && m.GraduationDate <= latest && m.LeftDate == null && m.GraduationOrgId == m.OrgId);
        if (under is not null)
        {
            var upper = Organisation.SubtreeUpperBound(under.Path);
            members = members.Where(m => m.OrgPath.CompareTo(under.Path) >= 0 && m.OrgPath.CompareTo(upper) < 0);
        }

        var rows = await members.Select(m => new { m.Id, m.Name, m.OrgId, m.GraduationDate }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.OrgId).Distinct().ToList();
        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. rows.Select(r => (r, due: GraduateRules.KeepUntil(r.GraduationDate!.Value)))
            .Where(x => x.due <= horizon)
            .Select(x => new OrgObligation(x.r.OrgId, orgs.GetValueOrDefault(x.r.OrgId, x.r.OrgId), RuleIds.T12Graduates, x.due,
                $"毕业生 {x.r.Name}（{x.r.GraduationDate:yyyy-MM-dd} 毕业）组织关系保留至 {x.due:yyyy-MM-dd}，逾期应转出", x.r.Id))];
    }
}
