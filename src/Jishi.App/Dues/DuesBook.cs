using Jishi.App.Data;
using Jishi.Domain.Dues;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Dues;

/// <summary>What the stored dues say of a set of members: the assessment in force in a month, the months paid (by
/// payments not reversed), the months due. One place for the sheet, the member's history and the payment rules.</summary>
public sealed class DuesBook
{
    private readonly ILookup<string, DuesAssessmentRecord> assessments;
    private readonly ILookup<string, DuesPaymentRecord> payments;
    private readonly HashSet<string> reversed;
    private readonly IReadOnlyDictionary<string, string>? runs;

    private DuesBook(IEnumerable<DuesAssessmentRecord> assessments, IReadOnlyList<DuesPaymentRecord> payments,
        IReadOnlyDictionary<string, string>? runs = null)
    {
        this.runs = runs;
        this.assessments = assessments.OrderByDescending(a => a.FromMonth, StringComparer.Ordinal).ToLookup(a => a.MemberId);
        reversed = payments.Where(p => p.ReversesPaymentId is not null).Select(p => p.ReversesPaymentId!).ToHashSet();
        this.payments = payments.ToLookup(p => p.MemberId);
    }

    /// <summary>The dues of the members whose organisation lies in the subtree of <paramref name="org"/> — selected
    /// by a join on the members' path, not by a list of ids (which SQLite would prepare as one parameter per member);
    /// of the payments only what the caller reads: for the sheet of <paramref name="receiptsOf"/> the months paid as runs
    /// and the payments covering that month; else every payment's months, date paid and voluntary extra.</summary>
    public static async Task<DuesBook> LoadSubtreeAsync(JishiDbContext db, Domain.Organisations.Organisation org, CancellationToken ct,
        DuesMonth? receiptsOf = null)
    {
        var upper = Domain.Organisations.Organisation.SubtreeUpperBound(org.Path);
        var members = db.Members.IgnoreQueryFilters().Where(m => m.OrgPath.CompareTo(org.Path) >= 0 && m.OrgPath.CompareTo(upper) < 0)
            .Select(m => m.Id);
        var a = await db.DuesAssessments.IgnoreQueryFilters().AsNoTracking().Where(x => members.Contains(x.MemberId)).ToListAsync(ct);
        var payments = db.DuesPayments.IgnoreQueryFilters().AsNoTracking().Where(x => members.Contains(x.MemberId));
        if (receiptsOf is { } month)
        {
            // A sheet: the months each member has paid as runs (one short text a member, kept with the payments: a member
            // who pays every month has one run, not twelve rows), and the payments covering the sheet's month.
            var runs = await db.DuesPaidMonths.IgnoreQueryFilters().AsNoTracking().Where(x => members.Contains(x.MemberId))
                .Select(x => new { x.MemberId, x.Runs }).ToDictionaryAsync(x => x.MemberId, x => x.Runs, ct);
            var m = month.ToString();
            var covering = await payments.Where(x => x.CoversFrom.CompareTo(m) <= 0 && x.CoversTo.CompareTo(m) >= 0)
                .Select(x => new DuesPaymentRecord
                {
                    Id = x.Id,
                    Receipt = x.Receipt,
                    MemberId = x.MemberId,
                    MemberName = "",
                    OrgId = "",
                    OrgPath = "",
                    CoversFrom = x.CoversFrom,
                    CoversTo = x.CoversTo,
                    ReversesPaymentId = x.ReversesPaymentId,
                    RecordedBy = "",
                }).ToListAsync(ct);
            return new DuesBook(a, covering, runs);
        }

        // Only what the counts read of a payment: the months, the date and the extra.
        var p = await payments.Select(x => new DuesPaymentRecord
        {
            Id = x.Id,
            Receipt = x.Receipt,
            MemberId = x.MemberId,
            MemberName = "",
            OrgId = x.OrgId,
            OrgPath = "",
            PaidDate = x.PaidDate,
            CoversFrom = x.CoversFrom,
            CoversTo = x.CoversTo,
            VoluntaryExtra = x.VoluntaryExtra,
            ReversesPaymentId = x.ReversesPaymentId,
            RecordedBy = "",
        }).ToListAsync(ct);
        return new DuesBook(a, p);
    }

    public static async Task<DuesBook> LoadAsync(JishiDbContext db, IReadOnlyCollection<string> memberIds, CancellationToken ct)
    {
        var a = await db.DuesAssessments.IgnoreQueryFilters().AsNoTracking().Where(x => memberIds.Contains(x.MemberId)).ToListAsync(ct);
        var p = await db.DuesPayments.IgnoreQueryFilters().AsNoTracking().Where(x => memberIds.Contains(x.MemberId)).ToListAsync(ct);
        return new DuesBook(a, p);
    }

    /// <summary>The assessment in force in <paramref name="month"/>: the latest from that month or before.</summary>
    public DuesAssessmentRecord? InForce(string memberId, DuesMonth month) =>
        assessments[memberId].FirstOrDefault(a => string.CompareOrdinal(a.FromMonth, month.ToString()) <= 0);

    /// <summary>The months the member's assessments start from, earliest first.</summary>
    public IEnumerable<DuesMonth> InForceMonths(string memberId) => assessments[memberId].Select(a => a.From).OrderBy(m => m);

    public decimal DueIn(string memberId, DuesMonth month) => InForce(memberId, month)?.MonthlyAmount ?? 0m;

    /// <summary>Payments that count: neither a counter-entry nor reversed by one.</summary>
    public IEnumerable<DuesPaymentRecord> Standing(string memberId) =>
        payments[memberId].Where(p => p.ReversesPaymentId is null && !reversed.Contains(p.Id));

    public IEnumerable<DuesPaymentRecord> All(string memberId) => payments[memberId];

    public bool IsReversed(DuesPaymentRecord p) => reversed.Contains(p.Id);

    public IReadOnlyList<DuesMonth> PaidMonths(string memberId) => runs is null
        ? [.. Standing(memberId).SelectMany(p => p.Months).Distinct()]
        : [.. PaidMonthRuns.Decode(runs.GetValueOrDefault(memberId))];


    /// <summary>Months with nothing to pay (免交 in force): never in arrears.</summary>
    public IEnumerable<DuesMonth> Exempt(string memberId, DuesMonth first, DuesMonth last) =>
        DuesMonth.Range(first, last).Where(m => InForce(memberId, m) is { MonthlyAmount: 0m });

    /// <summary>T-09: the last month through which every month owed (from <paramref name="firstDue"/> and the first
    /// assessment) is paid or exempt, looking no further than <paramref name="limit"/>; the month before the first owed
    /// when that one is unpaid; null when the member was never assessed (the system keeps no dues for them).</summary>
    public DuesMonth? PaidThrough(string memberId, DuesMonth firstDue, DuesMonth limit)
    {
        var assessedFrom = InForceMonths(memberId).FirstOrDefault();
        if (assessedFrom == default)
        {
            return null;
        }

        var paid = PaidMonths(memberId).ToHashSet();
        var month = assessedFrom > firstDue ? assessedFrom : firstDue;
        while (month <= limit && (paid.Contains(month) || DueIn(memberId, month) == 0m))
        {
            month = month.AddMonths(1);
        }

        return month.AddMonths(-1);
    }
}
