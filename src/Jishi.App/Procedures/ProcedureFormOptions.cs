using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Procedures;

/// <summary>
/// The choices a procedure's step form offers: the members of the caller's scope (or of <c>memberOrgPath</c>'s
/// committee) who are still in the registry, and the organisations of the system by path — a mobile member's inflow
/// organisation or the committee approving a suspension may sit outside the caller's own subtree.
/// </summary>
public sealed class ProcedureFormOptions(JishiDbContext db)
{
    public async Task<CaseOptions> Handle(string? memberOrgPath = null, CancellationToken ct = default)
    {
        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking()
            .OrderBy(o => o.Path).Take(600).ToListAsync(ct);
        var names = orgs.ToDictionary(o => o.Id, o => o.Name);
        var members = db.Members.AsNoTracking().Where(m => m.LeftDate == null);
        if (memberOrgPath is not null)
        {
            var upper = Organisation.SubtreeUpperBound(memberOrgPath);
            members = members.Where(m => m.OrgPath.CompareTo(memberOrgPath) >= 0 && m.OrgPath.CompareTo(upper) < 0);
        }

        var rows = await members.OrderBy(m => m.OrgPath).ThenBy(m => m.Name).Take(1000).ToListAsync(ct);
        var minDepth = orgs.Count == 0 ? 0 : orgs.Min(o => o.Depth);
        return new CaseOptions(
            rows.Select(m => new Choice(m.Id, $"{m.Name}（{names.GetValueOrDefault(m.OrgId, "其他组织")}）")).ToList(),
            orgs.Select(o => new Choice(o.Id, new string('　', o.Depth - minDepth) + o.Name + "（" + o.Type.Label() + "）")).ToList(),
            [], [], 0);
    }
}
