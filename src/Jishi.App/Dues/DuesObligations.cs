using Jishi.App.Alerts;
using Jishi.App.Data;
using Jishi.Domain.Dues;
using Jishi.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Dues;

/// <summary>
/// D-20-publication-and-report (OrgWARN): every organisation that collected members' dues in a year publishes them to
/// its members, and every organisation with a dues account that moved in a year (payments or ledger entries) reports
/// in writing to its higher committee — both by 31 January of the next year, until recorded.
/// </summary>
public sealed class DuesObligations : IOrgObligations
{
    public async Task<IReadOnlyList<OrgObligation>> DueBy(JishiDbContext db, Organisation? under, DateOnly horizon, CancellationToken ct)
    {
        var lastYear = horizon.Year - 1;
        if (DuesYearReports.DueDate(lastYear) > horizon)
        {
            lastYear--;
        }

        var end = new DateOnly(lastYear, 12, 31);
        var from = under?.Path ?? "";
        var to = under is null ? "\uffff" : Organisation.SubtreeUpperBound(under.Path);
        var collected = await db.DuesPayments.AsNoTracking()
            .Where(p => p.PaidDate <= end && p.OrgPath.CompareTo(from) >= 0 && p.OrgPath.CompareTo(to) < 0)
            .Select(p => new { p.OrgId, p.PaidDate.Year }).Distinct().ToListAsync(ct);
        var moved = await db.DuesLedger.AsNoTracking()
            .Where(e => e.Date <= end && e.OrgPath.CompareTo(from) >= 0 && e.OrgPath.CompareTo(to) < 0)
            .Select(e => new { e.OrgId, e.Date.Year }).Distinct().ToListAsync(ct);
        if (collected.Count == 0 && moved.Count == 0)
        {
            return [];
        }

        var filed = (await db.DuesYearReports.AsNoTracking().Where(r => r.Year <= lastYear)
                .Select(r => new { r.OrgId, r.Year, r.Kind }).ToListAsync(ct))
            .Select(r => (r.OrgId, r.Year, r.Kind)).ToHashSet();
        var ids = collected.Select(c => c.OrgId).Concat(moved.Select(m => m.OrgId)).Distinct().ToList();
        var orgs = await db.Orgs.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var due = new List<OrgObligation>();
        foreach (var (orgId, year) in collected.Select(c => (c.OrgId, c.Year)).Distinct())
        {
            if (orgs.TryGetValue(orgId, out var org) && !filed.Contains((orgId, year, DuesYearReportKind.Publication)))
            {
                due.Add(new OrgObligation(orgId, org.Name, DuesYearReports.Rule, DuesYearReports.DueDate(year), $"{year} 年度党费收缴情况向党员公布",
                    $"{year}-{DuesYearReportKind.Publication}"));
            }
        }

        foreach (var (orgId, year) in collected.Select(c => (c.OrgId, c.Year)).Concat(moved.Select(m => (m.OrgId, m.Year))).Distinct())
        {
            if (orgs.TryGetValue(orgId, out var org) && org.ParentId is not null && !filed.Contains((orgId, year, DuesYearReportKind.Report)))
            {
                due.Add(new OrgObligation(orgId, org.Name, DuesYearReports.Rule, DuesYearReports.DueDate(year),
                    $"{year} 年度党费收缴、使用和管理情况向上级党组织书面报告", $"{year}-{DuesYearReportKind.Report}"));
            }
        }

        return due;
    }
}
