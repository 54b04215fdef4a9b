using Jishi.App.Data;
using Jishi.Domain.Dues;
using Jishi.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Dues;

/// <summary>One member's line of the monthly collection sheet (收缴登记表).</summary>
public sealed record DuesSheetLine(string MemberId, string Name, string OrgId, DuesCategory? Category, decimal? Base, decimal? Rate,
    decimal Due, decimal Paid, bool PaidThisMonth, IReadOnlyList<string> Receipts, int ArrearsMonths, int LongestArrearsRun,
    DuesReliefKind? Relief);

/// <param name="Collected">The dues of the month paid (the month's amount of each member who paid for it, whenever).</param>
/// <param name="Received">What the organisations of the sheet received in the month by date paid, for any months,
/// voluntary extras and counter-entries included: the month's line of their ledgers.</param>
public sealed record DuesSheetTotals(int Members, int Paid, int Unassessed, int InArrears, decimal Due, decimal Collected, decimal Received);

public sealed record DuesSheet(string OrgId, string Month, IReadOnlyList<DuesSheetLine> Items, DuesSheetTotals Totals);

/// <summary>
/// The monthly collection sheet of an organisation and everything below it (API.md GET /dues/sheet): each member in
/// the registry that month with their base, rate and amount due, what was paid for the month (payments not reversed),
/// and the months in arrears before it (D-13; six in a row feed the M-15 lapse flag).
/// </summary>
public sealed class GetDuesSheet(JishiDbContext db, TimeProvider time)
{
    public async Task<DuesSheet> Handle(string? orgId, string? month, CancellationToken ct = default)
    {
        var v = new Validation();
        var id = v.Required("orgId", orgId, 20, "组织");
        var m = DuesMonth.Parse(month ?? DuesMonth.Of(ChinaTime.Today(time)).ToString());
        if (m is null)
        {
            v.Add("month", $"应为 YYYY-MM 格式的月份，填写的是“{month}”");
        }

        v.ThrowIfInvalid();
        var the = m!.Value;
        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("组织", id, "orgId");
        var upper = Domain.Organisations.Organisation.SubtreeUpperBound(org.Path);
        var members = await Owing(db, org, the, ct);
        var book = await DuesBook.LoadSubtreeAsync(db, org, ct, receiptsOf: the);
        var lines = members.Select(x => Line(book, x, the)).ToList();
        var (first, last) = (the.FirstDay, the.LastDay);
        var received = (await db.DuesPayments.AsNoTracking()
                .Where(p => p.OrgPath.CompareTo(org.Path) >= 0 && p.OrgPath.CompareTo(upper) < 0 && p.PaidDate >= first && p.PaidDate <= last)
                .Select(p => p.Amount).ToListAsync(ct))
            .Sum();
        var totals = new DuesSheetTotals(lines.Count, lines.Count(l => l.PaidThisMonth), lines.Count(l => l.Category is null),
            lines.Count(l => l.ArrearsMonths > 0), lines.Sum(l => l.Due), lines.Sum(l => l.Paid), received);
        return new DuesSheet(org.Id, the.ToString(), lines, totals);
    }

    /// <summary>The members of <paramref name="org"/> and everything below it who owe dues in <paramref name="month"/>:
    /// in the registry that month (D-08: from the month of the admission assembly; a member who left, until then).</summary>
    internal static async Task<List<Member>> Owing(JishiDbContext db, Domain.Organisations.Organisation org, DuesMonth month, CancellationToken ct)
    {
        var upper = Domain.Organisations.Organisation.SubtreeUpperBound(org.Path);
        return (await db.Members.AsNoTracking()
                .Where(x => x.OrgPath.CompareTo(org.Path) >= 0 && x.OrgPath.CompareTo(upper) < 0
                    && (x.Status == MemberStatus.ProbationaryMember || x.Status == MemberStatus.FullMember || x.LeftDate != null))
                .OrderBy(x => x.Name).ThenBy(x => x.Id).ToListAsync(ct))
            .Where(x => RecordDuesPayment.FirstDueMonth(x) is { } f && f <= month && (x.LeftDate is null || x.LeftDate >= month.FirstDay))
            .ToList();
    }

    internal static DuesSheetLine Line(DuesBook book, Member x, DuesMonth month)
    {
        var a = book.InForce(x.Id, month);
        var covering = book.Standing(x.Id).Where(p => p.Months.Contains(month)).ToList();
        var arrears = Arrears(book, x, month);
        return new DuesSheetLine(x.Id, x.Name, x.OrgId, a?.Category, a?.Base, a?.Rate, a?.MonthlyAmount ?? 0m,
            covering.Count > 0 ? a?.MonthlyAmount ?? 0m : 0m, covering.Count > 0, // a month is paid once (or not at all)
            [.. covering.Select(p => p.Receipt)], arrears.Count, DuesArrears.LongestRun(arrears), a?.ReliefKind);
    }

    /// <summary>Months before <paramref name="month"/> owed and not paid: from the first month dues were assessed (and
    /// owed, D-08) — nothing is owed before an assessment says how much — to the month before; 免交 months never.</summary>
    internal static IReadOnlyList<DuesMonth> Arrears(DuesBook book, Member x, DuesMonth month)
    {
        if (RecordDuesPayment.FirstDueMonth(x) is not { } first)
        {
            return [];
        }

        var assessedFrom = book.InForceMonths(x.Id).FirstOrDefault();
        if (assessedFrom == default)
        {
            return [];
        }

        var from = assessedFrom > first ? assessedFrom : first;
        var before = month.AddMonths(-1);
        return before < from
            ? []
            : DuesArrears.Unpaid(from, book.PaidMonths(x.Id), month.FirstDay, book.Exempt(x.Id, from, before));
    }
}
