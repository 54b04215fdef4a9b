using System.Globalization;
using Jishi.App.Accounts;
using Jishi.App.Alerts;
using Jishi.App.Data;
using Jishi.App.Dues;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Dues;
using Jishi.Domain.Members;
using Jishi.Domain.Rules;

namespace Jishi.App.Tests.Dues;

/// <summary>The dues account of an organisation (ledger), its yearly publication and report (D-20, OrgWARN in the
/// alerts) and the Table 2 supplement counts, on a real database: a year's figures reconcile to the cent between the
/// monthly sheets, the ledger and the report.</summary>
public abstract class DuesLedgerTests : UseCaseTest
{
    private OrgFixture tree = null!;

    private Caller Branch => ManagerOf(tree.BranchA);

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private Task<DuesAssessmentRecord> Base(Member m, string from, DuesCategory category, decimal? @base, NewDuesRelief? relief = null) =>
        new SetDuesBase(Db(Branch), Time).Handle(m.Id, new NewDuesBase(from, category, @base, Relief: relief));

    private Task<DuesPaymentRecord> Pay(Member m, string paid, string from, string to, decimal amount) =>
        new RecordDuesPayment(Db(Branch), Time).Handle(new NewDuesPayment(m.Id, D(paid), from, to, amount));

    private Task<DuesLedgerEntryRecord> Entry(Caller caller, string orgId, DuesLedgerEntryKind kind, string date, decimal amount,
        DuesSpendingCategory? category = null, string? to = null, string item = "摘要") =>
        new RecordDuesLedgerEntry(Db(caller), Time).Handle(new NewDuesLedgerEntry(orgId, kind, D(date), amount, item, category, to));

    private Task<DuesLedgerYear> Ledger(Caller caller, string orgId, int year) => new GetDuesLedger(Db(caller), Time).Handle(orgId, year);

    /// <summary>张伟 pays 40.00 a month through 2025 (one month recorded wrong and reversed, one with a voluntary 1000),
    /// 李娜 pays 0.20 a month for the first half.</summary>
    private async Task<(Member Zhang, Member Li)> AYearOfDuesAsync()
    {
        tree = await BuildTreeAsync();
        var zhang = await CreateMemberAsync(tree.BranchA, "张伟");
        var li = await CreateMemberAsync(tree.BranchA, "李娜");
        await Base(zhang, "2025-01", DuesCategory.Salaried, 4000m);
        await Base(li, "2025-01", DuesCategory.Student, null);
        foreach (var month in Enumerable.Range(1, 12))
        {
            var ym = $"2025-{month:D2}";
            var amount = month == 6 ? 1040m : 40m;
            var p = await Pay(zhang, $"{ym}-15", ym, ym, month == 3 ? 400m : amount);
            if (month == 3)
            {
                await new ReverseDuesPayment(Db(Branch), Time).Handle(p.Id, new NewDuesReversal(D("2025-03-16"), "多记一个零"));
                await Pay(zhang, "2025-03-16", ym, ym, 40m);
            }

            if (month <= 6)
            {
                await Pay(li, $"{ym}-15", ym, ym, 0.20m);
            }
        }

        return (zhang, li);
    }

    [Fact]
    public async Task AYearReconcilesToTheCent_BetweenTheMonthlySheets_TheLedger_AndTheReport()
    {
        await AYearOfDuesAsync();
        await Entry(Branch, tree.BranchA.Id, DuesLedgerEntryKind.Interest, "2025-06-21", 0.37m, item: "第二季度利息");
        var remitted = await Entry(Branch, tree.BranchA.Id, DuesLedgerEntryKind.Remitted, "2025-07-01", 1000m, item: "上缴大额党费");
        Assert.Equal(tree.GeneralBranch.Id, remitted.CounterpartOrgId); // the parent, unless named
        await Entry(Branch, tree.BranchA.Id, DuesLedgerEntryKind.Spent, "2025-10-12", 60.50m, DuesSpendingCategory.EducationMaterials, item: "订阅党员教育刊物");

        var sheets = new List<decimal>();
        foreach (var month in Enumerable.Range(1, 12))
        {
            sheets.Add((await new GetDuesSheet(Db(Branch), Time).Handle(tree.BranchA.Id, $"2025-{month:D2}")).Totals.Received);
        }

        var l = await Ledger(Branch, tree.BranchA.Id, 2025);
        Assert.Equal(12 * 40m + 1000m + 6 * 0.20m, l.Collected); // the wrong 400 and its counter-entry cancel
        Assert.Equal(sheets.Sum(), l.Collected);
        Assert.Equal(sheets, l.Months.Select(m => m.Collected));
        Assert.Equal((0m, 0.37m, 1000m, 60.50m), (l.Opening, l.Interest, l.Remitted, l.Spent));
        Assert.Equal(1000m, l.ForwardToCentre); // D-19
        Assert.Equal(l.Collected + 0.37m - 1000m - 60.50m, l.Closing);
        Assert.Equal(l.Closing, l.Months[^1].Balance);
        Assert.Equal(60.50m, l.SpentByCategory.Single(c => c.Category == DuesSpendingCategory.EducationMaterials).Amount);
        Assert.Equal(l.Collected + 0.37m - 1000m, l.Kept);

        // The general branch sees the remittance as received from below; next year opens with this year's balance.
        var above = await Ledger(ManagerOf(tree.GeneralBranch), tree.GeneralBranch.Id, 2025);
        Assert.Equal((1000m, 1000m), (above.ReceivedFromBelow, above.Closing));
        Assert.True(Assert.Single(above.Entries).In);
        Assert.Equal(l.Closing, (await Ledger(Branch, tree.BranchA.Id, 2026)).Opening);

        var report = await new RecordDuesYearReport(Db(Branch), Time).Handle(new NewDuesYearReport(tree.BranchA.Id, 2025, DuesYearReportKind.Report, D("2026-01-20")));
        Assert.Equal((l.Opening, l.Collected, l.Interest, l.Remitted, l.Spent, l.Closing),
            (report.Opening, report.Collected, report.Interest, report.Remitted, report.Spent, report.Closing));
        await Entry(Branch, tree.BranchA.Id, DuesLedgerEntryKind.Spent, "2025-12-30", 10m, DuesSpendingCategory.Training, item: "补记培训支出");
        var kept = Assert.Single((await Ledger(Branch, tree.BranchA.Id, 2025)).Reports);
        Assert.Equal(report.Closing, kept.Closing); // the report keeps the figures it was made with
        await Assert.ThrowsAsync<ConflictException>(() => new RecordDuesYearReport(Db(Branch), Time)
            .Handle(new NewDuesYearReport(tree.BranchA.Id, 2025, DuesYearReportKind.Report, D("2026-01-21"))));
    }

    [Fact]
    public async Task MoneyNotInTheAccount_CannotBeSpentRemittedOrAllocated_AndARefusedEntryStoresNothing()
    {
        await AYearOfDuesAsync();
        var balance = (await Ledger(Branch, tree.BranchA.Id, 2026)).Closing;
        var over = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Entry(Branch, tree.BranchA.Id, DuesLedgerEntryKind.Spent, "2026-03-01", balance + 0.01m, DuesSpendingCategory.Training));
        Assert.Equal("amount", Assert.Single(over.Errors).Field);
        Assert.Equal(balance, (await Entry(Branch, tree.BranchA.Id, DuesLedgerEntryKind.Spent, "2026-03-01", balance, DuesSpendingCategory.Training)).Amount);

        var noCategory = await Assert.ThrowsAsync<InvalidInputException>(() => Entry(Branch, tree.BranchA.Id, DuesLedgerEntryKind.Spent, "2026-03-01", 1m));
        Assert.Equal("category", Assert.Single(noCategory.Errors).Field);
        var cents = await Assert.ThrowsAsync<InvalidInputException>(() => Entry(Branch, tree.BranchA.Id, DuesLedgerEntryKind.Interest, "2026-03-01", 0.001m));
        Assert.Equal("amount", Assert.Single(cents.Errors).Field);
        var sideways = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Entry(Branch, tree.BranchA.Id, DuesLedgerEntryKind.Remitted, "2026-03-01", 1m, to: tree.BranchB.Id));
        Assert.Equal("counterpartOrgId", Assert.Single(sideways.Errors).Field);
        var future = await Assert.ThrowsAsync<RuleViolationException>(() => Entry(Branch, tree.BranchA.Id, DuesLedgerEntryKind.Interest, "2026-11-23", 1m));
        Assert.Equal("G-05-dates", Assert.Single(future.Refusals).Rule);
        await Assert.ThrowsAsync<NotFoundException>(() => Entry(Branch, tree.BranchB.Id, DuesLedgerEntryKind.Interest, "2026-03-01", 1m));
        Assert.Equal(1, await CountAsync<DuesLedgerEntryRecord>());
    }

    [Fact]
    public async Task AWrongEntryIsReversedOnce_ByItsOwnOrganisation_D18()
    {
        await AYearOfDuesAsync();
        var e = await Entry(Branch, tree.BranchA.Id, DuesLedgerEntryKind.Remitted, "2026-01-05", 100m);
        var general = ManagerOf(tree.GeneralBranch);
        var allocated = await Entry(general, tree.GeneralBranch.Id, DuesLedgerEntryKind.Allocated, "2026-01-05", 30m, to: tree.BranchA.Id);
        Assert.Equal(30m, (await Ledger(Branch, tree.BranchA.Id, 2026)).ReceivedFromAbove);
        // The receiving branch sees the allocation but does not keep that account.
        await Assert.ThrowsAsync<NotFoundException>(() => new ReverseDuesLedgerEntry(Db(Branch), Time)
            .Handle(allocated.Id, new NewDuesReversal(D("2026-01-06"), "对方冲正")));
        await new ReverseDuesLedgerEntry(Db(general), Time).Handle(allocated.Id, new NewDuesReversal(D("2026-01-06"), "下拨对象有误"));
        var counter = await new ReverseDuesLedgerEntry(Db(Branch), Time).Handle(e.Id, new NewDuesReversal(D("2026-01-06"), "金额记错"));
        Assert.Equal((-100m, e.Id), (counter.Amount, counter.ReversesEntryId));
        await Assert.ThrowsAsync<ConflictException>(() => new ReverseDuesLedgerEntry(Db(Branch), Time)
            .Handle(e.Id, new NewDuesReversal(D("2026-01-07"), "再次")));
        var l = await Ledger(Branch, tree.BranchA.Id, 2026);
        Assert.Equal(0m, l.Remitted);
        Assert.Equal((0m, 0m), (l.Remitted, l.ReceivedFromAbove));
        Assert.Equal([true, true, false, false], l.Entries.Select(x => x.Reversed));
        var g = await Ledger(general, tree.GeneralBranch.Id, 2026);
        Assert.Equal((0m, 0m, 0m), (g.ReceivedFromBelow, g.Allocated, g.Closing));
    }

    [Fact]
    public async Task TheYearsPublicationAndReport_AreOrganisationObligationsDueOn31January_UntilRecorded_D20()
    {
        await AYearOfDuesAsync();
        Task<IReadOnlyList<ListAlerts.Alert>> AlertsAsync(Caller c, string asOf, int within) =>
            new ListAlerts(Db(c), Time).Handle(null, D(asOf), within);
        static List<ListAlerts.Alert> Dues(IEnumerable<ListAlerts.Alert> a) => [.. a.Where(x => x.Rule == "D-20-publication-and-report")];

        Assert.Empty(Dues(await AlertsAsync(Branch, "2026-01-16", 14))); // due 2026-01-31, beyond the horizon 01-30
        var soon = Dues(await AlertsAsync(Branch, "2026-01-17", 14));
        Assert.Equal(2, soon.Count);
        Assert.All(soon, a => Assert.Equal((D("2026-01-31"), false, tree.BranchA.Id, (string?)null), (a.DueDate, a.Overdue, a.Obligation!.OrgId, a.CaseId)));
        Assert.Contains(soon, a => a.Obligation!.Detail.Contains("向党员公布", StringComparison.Ordinal));
        Assert.True(Dues(await AlertsAsync(Branch, "2026-02-01", 0)).All(a => a.Overdue));
        Assert.Empty(Dues(await AlertsAsync(ManagerOf(tree.BranchB), "2026-02-01", 0))); // another branch's obligation is not in its scope
        Assert.Equal(2, Dues(await AlertsAsync(ManagerOf(tree.Township), "2026-02-01", 0)).Count);

        await new RecordDuesYearReport(Db(Branch), Time).Handle(new NewDuesYearReport(tree.BranchA.Id, 2025, DuesYearReportKind.Publication, D("2025-12-28")));
        Assert.Equal("向上级党组织书面报告", Assert.Single(Dues(await AlertsAsync(Branch, "2026-02-01", 0))).Obligation!.Detail[^10..]);
        await new RecordDuesYearReport(Db(Branch), Time).Handle(new NewDuesYearReport(tree.BranchA.Id, 2025, DuesYearReportKind.Report, D("2026-02-02")));
        Assert.Empty(Dues(await AlertsAsync(Branch, "2026-11-22", 14))); // 2026's are due 2027-01-31

        var early = await Assert.ThrowsAsync<InvalidInputException>(() => new RecordDuesYearReport(Db(Branch), Time)
            .Handle(new NewDuesYearReport(tree.BranchA.Id, 2026, DuesYearReportKind.Publication, D("2026-11-30"))));
        Assert.Equal("date", Assert.Single(early.Errors).Field);
    }

    [Fact]
    public async Task TheTable2SupplementCounts_PaidToStandard_Reduced_Exempt_AndLargeVoluntary()
    {
        var (zhang, li) = await AYearOfDuesAsync(); // 张伟 paid every month (and 1000 extra once); 李娜 only half the year
        var wang = await CreateMemberAsync(tree.BranchA, "王芳");
        await Base(wang, "2025-01", DuesCategory.Retired, 2600m,
            new NewDuesRelief(DuesReliefKind.Exemption, null, D("2024-12-20"), tree.Township.Id, D("2024-12-28")));
        var zhao = await CreateMemberAsync(tree.BranchA, "赵磊");
        await Base(zhao, "2025-01", DuesCategory.Retired, 2600m,
            new NewDuesRelief(DuesReliefKind.Reduction, 5m, D("2024-12-20"), tree.Township.Id, D("2024-12-28")));

        var s = await new GetDuesSupplement(Db(Branch), Time).Handle(tree.BranchA.Id, 2025);
        Assert.Equal((4, 1, 1, 1, 1, 1), (s.Members, s.PaidToStandard, s.Reduced, s.Exempt, s.LargeVoluntary, s.NotPaidInFull));
        Assert.Equal(s.Members, s.PaidToStandard + s.Reduced + s.Exempt + s.NotPaidInFull);
        _ = (zhang, li);
    }

    [Fact]
    public async Task TheYearlyReassessmentOfABranch_IsOneForm_AllOrNothing_WithErrorsByLine_D02()
    {
        var (zhang, li) = await AYearOfDuesAsync();
        var other = await CreateMemberAsync(tree.BranchB, "孙强");
        var db = Db(Branch);
        var use = new ReassessDues(db, new SetDuesBase(db, Time));
        NewDuesReassessment Form(decimal zhangBase, string otherId) => new(tree.BranchA.Id, "2026-01",
        [
            new(zhang.Id, DuesCategory.Salaried, zhangBase),
            new(li.Id, DuesCategory.Student, null),
            new(otherId, DuesCategory.Salaried, 3000m),
        ]);

        var bad = await Assert.ThrowsAsync<InvalidInputException>(() => use.Handle(Form(-1m, other.Id)));
        Assert.Equal(["items[0].base", "items[2].memberId"], bad.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Equal(2, await CountAsync<DuesAssessmentRecord>()); // the 2025 ones only: nothing was recorded

        var fresh = Db(Branch);
        var saved = await new ReassessDues(fresh, new SetDuesBase(fresh, Time)).Handle(Form(5000.01m, zhang.Id) with
        {
            Items = [new(zhang.Id, DuesCategory.Salaried, 5000.01m), new(li.Id, DuesCategory.Student, null)],
        });
        Assert.Equal([75.00m, 0.20m], saved.Select(a => a.MonthlyAmount));
        Assert.Equal(75.00m, (await new GetDuesSheet(Db(Branch), Time).Handle(tree.BranchA.Id, "2026-01")).Items.Single(l => l.MemberId == zhang.Id).Due);
    }
}

public sealed class DuesLedgerTests_Sqlite : DuesLedgerTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class DuesLedgerTests_Postgres : DuesLedgerTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
