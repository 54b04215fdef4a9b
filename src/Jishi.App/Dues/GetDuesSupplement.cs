using Jishi.App.Data;
using Jishi.Domain.Dues;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Dues;

/// <summary>The dues lines of the annual statistics' Table 2 supplement (补充资料, S15): of the members in the registry
/// at the year's end (or today, for the current year), how many paid to the standard, paid less or nothing by
/// approval (D-07), and paid a voluntary 1000 元 or more at once (D-19).</summary>
/// <param name="PaidToStandard">按标准交纳: assessed, no relief in the year, and every month owed in it paid.</param>
/// <param name="Reduced">经批准少交: a reduction in force in some month of the year.</param>
/// <param name="Exempt">免交: an exemption in force in some month of the year.</param>
/// <param name="LargeVoluntary">一次性多交1000元以上: a payment of the year (not reversed) with such an extra.</param>
/// <param name="NotPaidInFull">The members with no relief who are not paid to the standard: months of the year owed
/// and not paid, or never assessed. (A member with both a reduction and an exemption in the year counts under both.)</param>
public sealed record DuesSupplement(string OrgId, int Year, int Members, int PaidToStandard, int Reduced, int Exempt, int LargeVoluntary,
    int NotPaidInFull);

/// <summary>GET /dues/supplement?orgId=&amp;year=: counted by the formal organisation, for it and everything below it.</summary>
public sealed class GetDuesSupplement(JishiDbContext db, TimeProvider time)
{
    public async Task<DuesSupplement> Handle(string? orgId, int? year, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var v = new Validation();
        var id = v.Required("orgId", orgId, 20, "组织");
        var y = year ?? today.Year;
        if (y < 2000 || y > today.Year)
        {
            v.Add("year", $"年度应在 2000 到 {today.Year} 之间，填写的是 {y}");
        }

        v.ThrowIfInvalid();
        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("组织", id, "orgId");
        var last = y == today.Year ? DuesMonth.Of(today) : new DuesMonth(y, 12);
        var members = await GetDuesSheet.Owing(db, org, last, ct);
        var book = await DuesBook.LoadSubtreeAsync(db, org, ct);
        int standard = 0, reduced = 0, exempt = 0, large = 0, rest = 0;
        foreach (var m in members)
        {
            var months = DuesMonth.Range(new DuesMonth(y, 1), last).ToList();
            var reliefs = months.Select(x => book.InForce(m.Id, x)?.ReliefKind).ToList();
            var isReduced = reliefs.Contains(DuesReliefKind.Reduction);
            var isExempt = reliefs.Contains(DuesReliefKind.Exemption);
            reduced += isReduced ? 1 : 0;
            exempt += isExempt ? 1 : 0;
            large += book.Standing(m.Id).Any(p => p.PaidDate.Year == y && p.VoluntaryExtra >= DuesPaymentRules.LargeVoluntary) ? 1 : 0;
            // As on the sheet, nothing is owed before the first assessment says how much (nor before D-08's month).
            var assessedFrom = book.InForceMonths(m.Id).FirstOrDefault();
            var first = new[] { months[0], RecordDuesPayment.FirstDueMonth(m) ?? months[0], assessedFrom }.Max();
            var owed = DuesMonth.Range(first, last).Where(x => m.LeftDate is null || x.FirstDay <= m.LeftDate).ToList();
            var paid = book.PaidMonths(m.Id).ToHashSet();
            var toStandard = !isReduced && !isExempt && assessedFrom != default && owed.All(paid.Contains);
            standard += toStandard ? 1 : 0;
            rest += !toStandard && !isReduced && !isExempt ? 1 : 0;
        }

        return new DuesSupplement(org.Id, y, members.Count, standard, reduced, exempt, large, rest);
    }
}
