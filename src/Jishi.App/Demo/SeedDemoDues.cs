using Jishi.App.Data;
using Jishi.App.Dues;
using Jishi.Domain.Development;
using Jishi.Domain.Dues;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Demo;

/// <summary>
/// Gives the members of the township's first two branches (up to sixteen each) a year of dues, through the use cases and their rules:
/// assessed from December of last year (salaried across the bands, retirees, a farmer, a student, one reduction
/// approved by the township committee), paid month by month up to last month, with one member six months and more
/// in arrears, one two months behind, one back payment of seven months (D-16, with its reason), one quarter paid
/// ahead with the branch's consent (D-12), one month paid by a relative, one wrong payment reversed and paid again,
/// and one voluntary extra of 1000 元 (D-19); the first branch's ledger has interest, a remittance and a spending,
/// and last year's publication, so the alerts show the rest of last year's D-20 obligations. Dates are relative to
/// today.
/// </summary>
public sealed class SeedDemoDues(JishiDbContext db, TimeProvider time)
{
    private static readonly (DuesCategory Category, decimal? Base, decimal? Amount)[] Bases =
    [
        (DuesCategory.Salaried, 2800m, null), (DuesCategory.Salaried, 3600m, null), (DuesCategory.Salaried, 4850m, null),
        (DuesCategory.Retired, 2600m, null), (DuesCategory.Salaried, 5200m, null), (DuesCategory.Salaried, 7600m, null),
        (DuesCategory.Retired, 5600m, null), (DuesCategory.Farmer, null, 0.50m), (DuesCategory.Salaried, 12000m, null),
        (DuesCategory.Student, null, null), (DuesCategory.Salaried, 3000m, null), (DuesCategory.SelfEmployed, 4200m, null),
    ];

    public async Task<int> Handle(CancellationToken ct = default)
    {
        if (await db.DuesAssessments.IgnoreQueryFilters().AnyAsync(ct))
        {
            return 0;
        }

        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var town = orgs.FirstOrDefault(o => o.Type == OrgType.TownshipCommittee && o.HasAdmissionApprovalAuthority);
        if (town is null)
        {
            return 0;
        }

        var branchIds = orgs.Where(o => o.Type == OrgType.Branch && o.Path.StartsWith(town.Path, StringComparison.Ordinal))
            .OrderBy(o => o.Path).Select(o => o.Id).ToList();
        var members = await db.Members.IgnoreQueryFilters().AsNoTracking()
            .Where(m => (m.Status == MemberStatus.FullMember || m.Status == MemberStatus.ProbationaryMember) && m.LeftDate == null
                && branchIds.Contains(m.OrgId))
            .ToListAsync(ct);
        var today = ChinaTime.Today(time);
        var last = DuesMonth.Of(today).AddMonths(-1);
        var start = new DuesMonth(last.Year - 1, 12);

        // The patterns go by position in each branch: those who owe the whole year first, then by name, so that the same
        // registry always gives the same sheet (ids are random, names and dates are not).
        members = [.. members.OrderBy(m => m.OrgPath, StringComparer.Ordinal)
            .ThenBy(m => RecordDuesPayment.FirstDueMonth(m) is { } f && f <= start ? 0 : 1)
            .ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal)];
        var branches = members.Select(m => m.OrgId).Distinct().Take(2).ToList();
        members = [.. members.Where(m => branches.Contains(m.OrgId)).GroupBy(m => m.OrgId).SelectMany(g => g.Take(16))]; // a sheet's worth each
        if (members.Count < 9)
        {
            return 0;
        }

        var payments = 0;
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            if (RecordDuesPayment.FirstDueMonth(m) is not { } firstDue || firstDue > last)
            {
                continue;
            }

            var from = firstDue > start ? firstDue : start;
            var (category, @base, amount) = Bases[i % Bases.Length];
            var relief = i == 3
                ? new NewDuesRelief(DuesReliefKind.Reduction, 5.00m, start.FirstDay.AddDays(-20), town.Id, start.FirstDay.AddDays(-12))
                : null;
            var assessed = await new SetDuesBase(db, time).Handle(m.Id, new NewDuesBase(from.ToString(), category, @base, amount, relief), ct);
            if (assessed.MonthlyAmount == 0m)
            {
                continue;
            }

            payments += await PayAsync(i, m, from, last, assessed.MonthlyAmount, ct);
        }

        await LedgerAsync(branches[0], start, last, today, ct);
        return payments;
    }

    /// <summary>One member's year: the pattern of member <paramref name="i"/> (see the class summary), else every month
    /// on the 15th.</summary>
    private async Task<int> PayAsync(int i, Member m, DuesMonth from, DuesMonth last, decimal due, CancellationToken ct)
    {
        var count = 0;
        var months = DuesMonth.Range(from, last).ToList();
        async Task Pay(DuesMonth paidIn, int day, DuesMonth first, DuesMonth to, decimal amount, DuesPayer? by = null, string? payer = null,
            string? note = null, params Override[] overrides)
        {
            var date = new DateOnly(paidIn.Year, paidIn.Month, Math.Min(day, paidIn.LastDay.Day));
            date = m.ProbationStartDate is { } admitted && date < admitted ? admitted : date; // not before the assembly (D-08)
            await new RecordDuesPayment(db, time).Handle(new NewDuesPayment(m.Id, date, first.ToString(), to.ToString(), amount, by, payer,
                Note: note, Overrides: overrides), ct);
            count++;
        }

        for (var k = 0; k < months.Count; k++)
        {
            var month = months[k];
            var behind = months.Count - k; // 1 for last month
            switch (i)
            {
                case 1 when behind <= 7: // seven months unpaid: feeds the six-month lapse flag (M-15)
                case 2 when behind <= 2:
                    continue;
                case 4 when behind is >= 4 and <= 10 && months.Count >= 10: // seven months paid at once on coming back (D-16)
                    if (behind == 4)
                    {
                        await Pay(month.AddMonths(1), 10, months[k - 6], month, 7 * due, note: "外出务工返乡后一次补交",
                            overrides: new Override(RuleIds.D16BackPayment, "外出务工期间无法按月交纳，返乡后一次补交"));
                    }

                    continue;
                case 5 when behind <= 3 && months.Count >= 3: // the last quarter paid ahead with the branch's consent (D-12)
                    if (behind == 3)
                    {
                        await Pay(month, 3, month, last, 3 * due, note: "经支部同意按季度交纳",
                            overrides: new Override(RuleIds.D12PaymentTiming, "长期在外地项目工作，经支部同意按季度交纳"));
                    }

                    continue;
                case 6 when behind == 2:
                    await Pay(month, 15, month, month, due, DuesPayer.Relative, $"{m.Name}之子", "住院期间由儿子代交");
                    continue;
                case 7 when behind == 3 && k > 0:
                    var wrong = await new RecordDuesPayment(db, time).Handle(new NewDuesPayment(m.Id, new DateOnly(month.Year, month.Month, 15),
                        month.ToString(), month.ToString(), due * 10), ct);
                    await new ReverseDuesPayment(db, time).Handle(wrong.Id, new NewDuesReversal(new DateOnly(month.Year, month.Month, 16), "金额多记一位"), ct);
                    count += 2;
                    await Pay(month, 16, month, month, due);
                    continue;
                case 8 when behind == 5:
                    await Pay(month, 1, month, month, due + 1000m, note: "七一自愿多交党费");
                    continue;
                default:
                    await Pay(month, 15, month, month, due);
                    continue;
            }
        }

        return count;
    }

    /// <summary>The first branch's ledger: last December's interest, a remittance of half the balance to the committee
    /// above at the start of last month, a training expense; and last year's publication to the members.</summary>
    private async Task LedgerAsync(string branchId, DuesMonth start, DuesMonth last, DateOnly today, CancellationToken ct)
    {
        var branch = await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == branchId, ct);
        await new RecordDuesLedgerEntry(db, time).Handle(new NewDuesLedgerEntry(branch.Id, DuesLedgerEntryKind.Interest,
            start.LastDay.AddDays(-10), 0.12m, "第四季度结息"), ct);
        var balance = (await GetDuesLedger.For(db, branch, last.Year, ct)).Closing;
        if (balance >= 20m && branch.ParentId is not null)
        {
            var remit = decimal.Round(balance / 2, 2);
            await new RecordDuesLedgerEntry(db, time).Handle(new NewDuesLedgerEntry(branch.Id, DuesLedgerEntryKind.Remitted,
                last.FirstDay, remit, "按规定上缴党费", Voucher: $"{last.Year}-JZ-01"), ct);
            await new RecordDuesLedgerEntry(db, time).Handle(new NewDuesLedgerEntry(branch.Id, DuesLedgerEntryKind.Spent,
                last.FirstDay.AddDays(3), Math.Min(decimal.Round(balance / 5, 2), balance - remit), "订购党员学习资料",
                DuesSpendingCategory.EducationMaterials, Voucher: $"{last.Year}-JZ-02"), ct);
        }

        var publication = new DateOnly(start.Year, 12, 28);
        if (publication <= today)
        {
            await new RecordDuesYearReport(db, time).Handle(new NewDuesYearReport(branch.Id, start.Year, DuesYearReportKind.Publication,
                publication, "在支部党员大会上公布"), ct);
        }
    }
}
