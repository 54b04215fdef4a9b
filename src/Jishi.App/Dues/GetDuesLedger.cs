using Jishi.App.Data;
using Jishi.Domain.Dues;
using Jishi.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Dues;

/// <summary>A year of an organisation's dues account: what came in (members' payments, interest, remittances from
/// below, allocations from above), what went out (remitted up, allocated down, spent by category) and the balance.
/// <see cref="Kept"/> is the year's income that stayed in the account before spending.</summary>
public sealed record DuesLedgerYear(
    string OrgId,
    string OrgName,
    int Year,
    decimal Opening,
    decimal Collected,
    decimal Interest,
    decimal ReceivedFromBelow,
    decimal ReceivedFromAbove,
    decimal Remitted,
    decimal Allocated,
    decimal Spent,
    IReadOnlyList<DuesLedgerSpending> SpentByCategory,
    decimal Closing,
    decimal ForwardToCentre,
    IReadOnlyList<DuesLedgerMonth> Months,
    IReadOnlyList<DuesLedgerLine> Entries,
    IReadOnlyList<DuesYearReportRecord> Reports)
{
    public decimal Kept => Collected + Interest + ReceivedFromBelow + ReceivedFromAbove - Remitted - Allocated;
}

public sealed record DuesLedgerSpending(DuesSpendingCategory Category, decimal Amount);

/// <summary>One month of the account: members' payments received that month (by date paid, counter-entries
/// included), the other income, what went out, and the balance at the month's end.</summary>
public sealed record DuesLedgerMonth(string Month, decimal Collected, decimal OtherIncome, decimal Out, decimal Balance);

/// <summary>A ledger entry as the organisation sees it: <c>In</c> when it adds to this account (interest, a remittance
/// from below, an allocation from above), else out.</summary>
public sealed record DuesLedgerLine(DuesLedgerEntryRecord Entry, bool In, bool Reversed, string? CounterpartName);

/// <summary>GET /dues/ledger?orgId=&amp;year= (API.md "Dues"): the organisation's own account for the year.</summary>
public sealed class GetDuesLedger(JishiDbContext db, TimeProvider time)
{
    public async Task<DuesLedgerYear> Handle(string? orgId, int? year, CancellationToken ct = default)
    {
        var v = new Validation();
        var id = v.Required("orgId", orgId, 20, "组织");
        var today = ChinaTime.Today(time);
        var y = year ?? today.Year;
        if (y is < 2000 || y > today.Year)
        {
            v.Add("year", $"年度应在 2000 到 {today.Year} 之间，填写的是 {y}");
        }

        v.ThrowIfInvalid();
        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("组织", id, "orgId");
        return await For(db, org, y, ct);
    }

    /// <summary>The ledger of <paramref name="org"/> (already judged in scope) for <paramref name="year"/>.</summary>
    internal static async Task<DuesLedgerYear> For(JishiDbContext db, Organisation org, int year, CancellationToken ct)
    {
        var end = new DateOnly(year, 12, 31);
        var start = new DateOnly(year, 1, 1);
        var payments = await db.DuesPayments.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.OrgId == org.Id && p.PaidDate <= end)
            .Select(p => new { p.PaidDate, p.Amount, p.VoluntaryExtra }).ToListAsync(ct);
        var entries = await db.DuesLedger.IgnoreQueryFilters().AsNoTracking()
            .Where(e => (e.OrgId == org.Id || e.CounterpartOrgId == org.Id) && e.Date <= end).ToListAsync(ct);
        var reports = await db.DuesYearReports.AsNoTracking().Where(r => r.OrgId == org.Id && r.Year == year)
            .OrderBy(r => r.Kind).ToListAsync(ct);

        decimal Income(DuesLedgerEntryRecord e) => In(e, org.Id) ? e.Amount : -e.Amount;
        var before = payments.Where(p => p.PaidDate < start).Sum(p => p.Amount) + entries.Where(e => e.Date < start).Sum(Income);
        var ofYear = entries.Where(e => e.Date >= start).ToList();
        decimal Sum(DuesLedgerEntryKind kind, bool own) =>
            ofYear.Where(e => e.Kind == kind && (own ? e.OrgId == org.Id : e.CounterpartOrgId == org.Id)).Sum(e => e.Amount);
        var collected = payments.Where(p => p.PaidDate >= start).Sum(p => p.Amount);
        var spent = Sum(DuesLedgerEntryKind.Spent, own: true);
        var closing = before + collected + ofYear.Sum(Income);
        var byCategory = Enum.GetValues<DuesSpendingCategory>()
            .Select(c => new DuesLedgerSpending(c, ofYear.Where(e => e.Kind == DuesLedgerEntryKind.Spent && e.OrgId == org.Id && e.Category == c).Sum(e => e.Amount)))
            .ToList();
        // Large voluntary payments (D-19) are forwarded to the Centre; a counter-entry takes its share back out.
        var forward = payments.Where(p => p.PaidDate >= start && Math.Abs(p.VoluntaryExtra) >= DuesPaymentRules.LargeVoluntary).Sum(p => p.VoluntaryExtra);

        var months = new List<DuesLedgerMonth>();
        var balance = before;
        foreach (var m in DuesMonth.Range(new DuesMonth(year, 1), new DuesMonth(year, 12)))
        {
            var got = payments.Where(p => DuesMonth.Of(p.PaidDate) == m).Sum(p => p.Amount);
            var inMonth = ofYear.Where(e => DuesMonth.Of(e.Date) == m).ToList();
            var other = inMonth.Where(e => In(e, org.Id)).Sum(e => e.Amount);
            var @out = inMonth.Where(e => !In(e, org.Id)).Sum(e => e.Amount);
            balance += got + other - @out;
            months.Add(new DuesLedgerMonth(m.ToString(), got, other, @out, balance));
        }

        var reversed = entries.Where(e => e.ReversesEntryId is not null).Select(e => e.ReversesEntryId!).ToHashSet();
        var others = ofYear.Select(e => e.OrgId == org.Id ? e.CounterpartOrgId : e.OrgId).OfType<string>().Distinct().ToList();
        var names = await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => others.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var lines = ofYear.OrderBy(e => e.Date).ThenBy(e => e.RecordedAt)
            .Select(e => new DuesLedgerLine(e, In(e, org.Id), reversed.Contains(e.Id),
                (e.OrgId == org.Id ? e.CounterpartOrgId : e.OrgId) is { } o ? names.GetValueOrDefault(o) : null))
            .ToList();

        return new DuesLedgerYear(org.Id, org.Name, year, before, collected, Sum(DuesLedgerEntryKind.Interest, own: true),
            Sum(DuesLedgerEntryKind.Remitted, own: false), Sum(DuesLedgerEntryKind.Allocated, own: false),
            Sum(DuesLedgerEntryKind.Remitted, own: true), Sum(DuesLedgerEntryKind.Allocated, own: true), spent, byCategory, closing, forward,
            months, lines, reports);
    }

    /// <summary>Whether the entry adds to <paramref name="orgId"/>'s account: its own interest, or a remittance or an
    /// allocation of which it is the receiving side.</summary>
    internal static bool In(DuesLedgerEntryRecord e, string orgId) => e.Kind switch
    {
        DuesLedgerEntryKind.Interest => e.OrgId == orgId,
        DuesLedgerEntryKind.Remitted or DuesLedgerEntryKind.Allocated => e.CounterpartOrgId == orgId,
        DuesLedgerEntryKind.Spent => false,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, null),
    };
}
