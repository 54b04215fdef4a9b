using Jishi.App.Data;
using Jishi.App.OrgLife;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Demo;

/// <summary>
/// The county's last 党员党性分析 campaign (L-08), through <see cref="ArrangePartySpiritAnalysis"/> and
/// <see cref="RecordPartySpiritParticipation"/>: held from September to November five years ago, with every member of
/// the township's branches taking part but the last of each. Five years after it ended the next is owed, so the county
/// has an obligation in its alerts from the end of November this year.
/// </summary>
public sealed class SeedDemoPartySpirit(JishiDbContext db, TimeProvider time)
{
    public async Task<int> Handle(CancellationToken ct = default)
    {
        if (await db.PartySpiritAnalyses.IgnoreQueryFilters().AnyAsync(ct))
        {
            return 0;
        }

        var county = await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Type == OrgType.CountyCommittee, ct);
        var town = await db.Orgs.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(o => o.Type == OrgType.TownshipCommittee && o.HasAdmissionApprovalAuthority, ct);
        if (county is null || town is null)
        {
            return 0;
        }

        var year = ChinaTime.Today(time).Year - PartySpiritAnalysisRules.EveryYears;
        var analysis = await new ArrangePartySpiritAnalysis(db, time).Handle(county.Id, new NewPartySpiritAnalysis(
            new DateOnly(year, 9, 1), new DateOnly(year, 11, 30), "对照党章党规找差距，集中开展党员党性分析"), ct);
        var upper = Organisation.SubtreeUpperBound(town.Path);
        var members = await db.Members.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.LeftDate == null && m.OrgPath.CompareTo(town.Path) >= 0 && m.OrgPath.CompareTo(upper) < 0)
            .Select(m => new { m.Id, m.OrgId, m.Name }).ToListAsync(ct);
        var taking = members.GroupBy(m => m.OrgId)
            .SelectMany(g => g.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal).SkipLast(1))
            .Select(m => m.Id).ToList();
        return taking.Count == 0 ? 0
            : await new RecordPartySpiritParticipation(db, time).Handle(analysis.Id, new NewPartySpiritParticipation(new DateOnly(year, 10, 15), taking), ct);
    }
}
