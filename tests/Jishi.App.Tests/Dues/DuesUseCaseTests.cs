using Jishi.App.Accounts;
using Jishi.App.Data;
using Jishi.App.Dues;
using Jishi.App.Mobility;
using Jishi.App.Procedures;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Dues;
using Jishi.Domain.Members;
using Jishi.Domain.Mobility;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Dues;

/// <summary>党费 through the use cases on a real database: assessment (D-02 … D-07), payments with receipts (D-08 …
/// D-19), counter-entries (D-18) and the monthly sheet (D-13).</summary>
public abstract class DuesUseCaseTests : UseCaseTest
{
    private OrgFixture tree = null!;

    private Caller Branch => ManagerOf(tree.BranchA);

    private async Task<Member> SetUpAsync(string name = "张伟")
    {
        tree = await BuildTreeAsync();
        return await CreateMemberAsync(tree.BranchA, name); // full member since 2011 (probation from 2010-07-01)
    }

    private Task<DuesAssessmentRecord> Base(Member m, string from, DuesCategory category, decimal? @base, NewDuesRelief? relief = null,
        Caller? caller = null) =>
        new SetDuesBase(Db(caller ?? Branch), Time).Handle(m.Id, new NewDuesBase(from, category, @base, Relief: relief));

    private Task<DuesPaymentRecord> Pay(Member m, string paid, string from, string to, decimal amount, Caller? caller = null,
        DuesPayer? by = null, string? payer = null, IReadOnlyList<Domain.Development.Override>? overrides = null, string? at = null) =>
        new RecordDuesPayment(Db(caller ?? Branch), Time).Handle(new NewDuesPayment(m.Id, DateOnly.Parse(paid, System.Globalization.CultureInfo.InvariantCulture),
            from, to, amount, by, payer, PaidAtOrgId: at, Overrides: overrides));

    [Fact]
    public async Task TheBaseGivesTheRateOfItsBand_AndTheSameMonthAgainReplacesIt_D02()
    {
        var m = await SetUpAsync();
        var a = await Base(m, "2026-01", DuesCategory.Salaried, 3000.01m);
        Assert.Equal((0.01m, 30.00m), (a.Rate, a.MonthlyAmount));
        var again = await Base(m, "2026-01", DuesCategory.Salaried, 3000.00m);
        Assert.Equal(15.00m, again.MonthlyAmount);
        Assert.Equal(1, await CountAsync<DuesAssessmentRecord>());
        await Base(m, "2026-07", DuesCategory.Salaried, 6000m); // D-10: from the month the new pay is received
        var sheet = await new GetDuesSheet(Db(Branch), Time).Handle(tree.BranchA.Id, "2026-06");
        Assert.Equal(15.00m, Assert.Single(sheet.Items).Due);
        Assert.Equal(90.00m, Assert.Single((await new GetDuesSheet(Db(Branch), Time).Handle(tree.BranchA.Id, "2026-07")).Items).Due);

        var bad = await Assert.ThrowsAsync<InvalidInputException>(() => Base(m, "2026-7", DuesCategory.Salaried, 3000m));
        Assert.Equal("from", Assert.Single(bad.Errors).Field);
    }

    [Fact]
    public async Task Relief_ApprovedByTheCommitteeAbove_IsRecorded_AndWithoutItIsRefusedAndChangesNothing_D07()
    {
        var m = await SetUpAsync();
        var byBranch = new NewDuesRelief(DuesReliefKind.Exemption, null, new DateOnly(2026, 3, 2), tree.BranchA.Id, new DateOnly(2026, 3, 10));
        var e = await Assert.ThrowsAsync<RuleViolationException>(() => Base(m, "2026-04", DuesCategory.Retired, 2600m, byBranch));
        Assert.Equal("D-07-hardship", Assert.Single(e.Refusals).Rule);
        Assert.Equal(0, await CountAsync<DuesAssessmentRecord>());

        var a = await Base(m, "2026-04", DuesCategory.Retired, 2600m, byBranch with { ApprovedByOrgId = tree.Township.Id });
        Assert.Equal((13.00m, 0m), (a.StandardAmount, a.MonthlyAmount));
        var sheet = await new GetDuesSheet(Db(Branch), Time).Handle(tree.BranchA.Id, "2026-11");
        Assert.Equal(0, Assert.Single(sheet.Items).ArrearsMonths); // 免交 months are never in arrears
    }

    [Fact]
    public async Task Payments_GetTheBranchsReceiptNumbers_AndTheSheetShowsPaidAndArrears()
    {
        var m = await SetUpAsync();
        var other = await CreateMemberAsync(tree.BranchA, "李娜");
        await Base(m, "2026-01", DuesCategory.Salaried, 4000m);
        await Base(other, "2026-01", DuesCategory.Student, null);

        var first = await Pay(m, "2026-01-20", "2026-01", "2026-01", 40m);
        var second = await Pay(m, "2026-02-20", "2026-02", "2026-02", 40m);
        Assert.Equal(("2026-0001", "2026-0002"), (first.Receipt, second.Receipt));

        var sheet = await new GetDuesSheet(Db(Branch), Time).Handle(tree.BranchA.Id, "2026-02");
        Assert.Equal(2, sheet.Totals.Members);
        var line = sheet.Items.Single(l => l.MemberId == m.Id);
        Assert.Equal((40m, 40m, true, 0), (line.Due, line.Paid, line.PaidThisMonth, line.ArrearsMonths));
        var student = sheet.Items.Single(l => l.MemberId == other.Id);
        Assert.Equal((0.20m, false, 1), (student.Due, student.PaidThisMonth, student.ArrearsMonths));
        Assert.Equal(8, Assert.Single((await new GetDuesSheet(Db(Branch), Time).Handle(tree.BranchA.Id, "2026-11")).Items, l => l.MemberId == m.Id).ArrearsMonths);
        Assert.Equal(8, (await new GetMemberDues(Db(Branch), Time).Handle(m.Id)).Arrears.Count); // 2026-03 … 2026-10: November is not late yet

        var twice = await Assert.ThrowsAsync<InvalidInputException>(() => Pay(m, "2026-03-01", "2026-02", "2026-03", 80m));
        Assert.Equal("coversFrom", Assert.Single(twice.Errors).Field);
        var short_ = await Assert.ThrowsAsync<InvalidInputException>(() => Pay(m, "2026-03-01", "2026-03", "2026-03", 39.99m));
        Assert.Equal("amount", Assert.Single(short_.Errors).Field);
    }

    [Fact]
    public async Task ABackPaymentOfSevenMonths_IsAWarning_RecordedOnlyWithAReason_D16()
    {
        var m = await SetUpAsync();
        await Base(m, "2025-01", DuesCategory.Salaried, 2000m);
        var e = await Assert.ThrowsAsync<RuleViolationException>(() => Pay(m, "2026-07-05", "2025-12", "2026-06", 70m));
        var r = Assert.Single(e.Refusals);
        Assert.Equal(("D-16-back-payment", RuleSeverity.Warn), (r.Rule, r.Severity));
        Assert.Equal(0, await CountAsync<DuesPaymentRecord>());

        var p = await Pay(m, "2026-07-05", "2025-12", "2026-06", 70m, overrides: [new("D-16-back-payment", "外出务工期间无法交纳，返乡后一次补交")]);
        Assert.Contains("D-16-back-payment", p.OverridesJson, StringComparison.Ordinal);
        Assert.Equal(7, (await new GetMemberDues(Db(Branch), Time).Handle(m.Id)).Payments.Single().Payment.Months.Count());
    }

    [Fact]
    public async Task TheOrganisationNeverPaysForTheMember_D14_AndAProxyIsNamed_D17()
    {
        var m = await SetUpAsync();
        await Base(m, "2026-01", DuesCategory.Salaried, 2000m);
        var e = await Assert.ThrowsAsync<RuleViolationException>(() => Pay(m, "2026-01-20", "2026-01", "2026-01", 10m, by: DuesPayer.Organisation));
        Assert.Equal("D-14-collection-integrity", Assert.Single(e.Refusals).Rule);
        var unnamed = await Assert.ThrowsAsync<InvalidInputException>(() => Pay(m, "2026-01-20", "2026-01", "2026-01", 10m, by: DuesPayer.Relative));
        Assert.Equal("payerName", Assert.Single(unnamed.Errors).Field);
        Assert.Equal(0, await CountAsync<DuesPaymentRecord>());
        Assert.Equal("张伟之妻", (await Pay(m, "2026-01-20", "2026-01", "2026-01", 10m, by: DuesPayer.Relative, payer: "张伟之妻")).PayerName);
    }

    [Fact]
    public async Task TheSheetsArrears_FromPaidRunsMergedInTheDatabase_AreTheMembersOwnArrears_WithPaymentsOutOfOrderAndOneReversed_D13()
    {
        var m = await SetUpAsync();
        var other = await CreateMemberAsync(tree.BranchA, "李娜"); // pays nothing: all months in arrears, one run
        await Base(m, "2026-01", DuesCategory.Salaried, 2000m);
        await Base(other, "2026-01", DuesCategory.Salaried, 2000m);
        await Pay(m, "2026-10-31", "2026-09", "2026-10", 20m); // recorded first, covers the latest months
        await Pay(m, "2026-01-20", "2026-01", "2026-01", 10m);
        var quarter = await Pay(m, "2026-06-30", "2026-04", "2026-06", 30m);
        await Pay(m, "2026-08-20", "2026-08", "2026-08", 10m);
        await new ReverseDuesPayment(Db(Branch), Time).Handle(quarter.Id, new NewDuesReversal(new DateOnly(2026, 7, 1), "应为五月一个月"));
        var may = await Pay(m, "2026-11-01", "2026-05", "2026-05", 10m);

        async Task<DuesSheetLine> Line(string month, string memberId) =>
            Assert.Single((await new GetDuesSheet(Db(Branch), Time).Handle(tree.BranchA.Id, month)).Items, l => l.MemberId == memberId);

        var november = await Line("2026-11", m.Id);
        var own = (await new GetMemberDues(Db(Branch), Time).Handle(m.Id)).Arrears; // read from every payment, not from runs
        Assert.Equal(["2026-02", "2026-03", "2026-04", "2026-06", "2026-07"], own.Select(x => x.ToString()));
        Assert.Equal((5, 3), (november.ArrearsMonths, november.LongestArrearsRun)); // February to April in a row
        Assert.Equal((4, 3), ((await Line("2026-07", m.Id)).ArrearsMonths, (await Line("2026-07", m.Id)).LongestArrearsRun));
        Assert.Equal((0, 0), ((await Line("2026-02", m.Id)).ArrearsMonths, (await Line("2026-02", m.Id)).LongestArrearsRun));

        var april = await Line("2026-04", m.Id); // the reversed quarter covers April: not paid, no receipt
        Assert.Equal((false, 0), (april.PaidThisMonth, april.Receipts.Count));
        var mayLine = await Line("2026-05", m.Id);
        Assert.Equal((true, may.Receipt), (mayLine.PaidThisMonth, Assert.Single(mayLine.Receipts)));
        Assert.Equal((10, 10), ((await Line("2026-11", other.Id)).ArrearsMonths, (await Line("2026-11", other.Id)).LongestArrearsRun));

        // The runs kept with the payments, and the same runs derived from the payments alone (the migration's backfill).
        var kept = await Db().DuesPaidMonths.AsNoTracking().ToDictionaryAsync(x => x.MemberId, x => x.Runs);
        Assert.Equal(new Dictionary<string, string> { [m.Id] = "2026-01~2026-01,2026-05~2026-05,2026-08~2026-10" }, kept);
        await Db().DuesPaidMonths.ExecuteDeleteAsync();
        Assert.Equal(1, await Db().Database.ExecuteSqlRawAsync(DuesPaidMonths.BackfillSql(Provider == DatabaseProvider.Sqlite)));
        Assert.Equal(kept, await Db().DuesPaidMonths.AsNoTracking().ToDictionaryAsync(x => x.MemberId, x => x.Runs));
    }

    [Fact]
    public async Task AWrongPaymentIsReversedByACounterEntry_ItsMonthsAreOwedAgain_AndItIsReversedOnce_D18()
    {
        var m = await SetUpAsync();
        await Base(m, "2026-10", DuesCategory.Salaried, 2000m);
        var p = await Pay(m, "2026-10-20", "2026-10", "2026-10", 1010m);
        Assert.Equal(1000m, p.VoluntaryExtra); // D-19: forwarded to the Centre

        var counter = await new ReverseDuesPayment(Db(Branch), Time).Handle(p.Id, new NewDuesReversal(new DateOnly(2026, 10, 21), "金额记错"));
        Assert.Equal((-1010m, p.Id, "2026-0002"), (counter.Amount, counter.ReversesPaymentId, counter.Receipt));
        var line = Assert.Single((await new GetDuesSheet(Db(Branch), Time).Handle(tree.BranchA.Id, "2026-11")).Items);
        Assert.Equal((1, false), (line.ArrearsMonths, line.PaidThisMonth));
        var history = await new GetMemberDues(Db(Branch), Time).Handle(m.Id);
        Assert.Equal([true, false], history.Payments.Select(x => x.Reversed));

        await Assert.ThrowsAsync<ConflictException>(() => new ReverseDuesPayment(Db(Branch), Time).Handle(p.Id, new NewDuesReversal(new DateOnly(2026, 10, 22), "再次")));
        await Assert.ThrowsAsync<InvalidInputException>(() => new ReverseDuesPayment(Db(Branch), Time).Handle(counter.Id, new NewDuesReversal(new DateOnly(2026, 10, 22), "再次")));
        Assert.Equal(2, await CountAsync<DuesPaymentRecord>());
        Assert.Equal(10m, (await Pay(m, "2026-10-25", "2026-10", "2026-10", 10m)).Amount); // the month may be paid again
    }

    [Fact]
    public async Task AProbationaryMemberOwesFromTheMonthOfTheAssembly_D08()
    {
        tree = await BuildTreeAsync();
        var person = await CreatePersonAsync("陈静", tree.BranchA);
        var m = await new App.Members.CreateMember(Db(), Time).Handle(new App.Members.NewMember(person.Id, tree.BranchA.Id, MemberStatus.ProbationaryMember,
            ProbationStartDate: new DateOnly(2026, 5, 20)));
        await Base(m, "2026-05", DuesCategory.Salaried, 2000m);
        var e = await Assert.ThrowsAsync<RuleViolationException>(() => Pay(m, "2026-06-01", "2026-04", "2026-05", 20m));
        Assert.Equal("D-08-probationary-start", Assert.Single(e.Refusals).Rule);
        Assert.Equal("2026-0001", (await Pay(m, "2026-06-01", "2026-05", "2026-05", 10m)).Receipt);
        Assert.Empty((await new GetDuesSheet(Db(Branch), Time).Handle(tree.BranchA.Id, "2026-04")).Items);
    }

    [Fact]
    public async Task AnActivityCardHolder_PaysAtTheInflowBranch_WhoseManagerRecordsIt_D17()
    {
        var m = await SetUpAsync();
        await Base(m, "2026-01", DuesCategory.Salaried, 2000m);
        var school = await CreateOrgAsync("中共安和县第一中学委员会", OrgType.PrimaryCommittee, tree.County, approves: true);
        var schoolBranch = await CreateOrgAsync("教师第一党支部", OrgType.Branch, school);
        var inflow = ManagerOf(school);
        await Assert.ThrowsAsync<NotFoundException>(() => Pay(m, "2026-04-10", "2026-04", "2026-04", 10m, caller: inflow));

        var db = Db(ManagerOf(tree.Township));
        await new RegisterOutflow(db, new MobilityFacts(db, Time), Time).Handle(new NewProcedureEvent<MobilityEvent>(nameof(OutflowRegistered),
            new DateOnly(2026, 3, 1), new OutflowRegistered
            {
                MemberId = m.Id,
                Destination = "安和县城区",
                Reason = "务工经商",
                Category = MobileCategory.RuralMobile,
                InflowOrgId = schoolBranch.Id,
                ActivityCardNo = "341122-2026-0008",
            }, [], []));

        var p = await Pay(m, "2026-04-10", "2026-04", "2026-04", 10m, caller: inflow);
        Assert.Equal((schoolBranch.Id, "2026-0001"), (p.OrgId, p.Receipt));
        var line = Assert.Single((await new GetDuesSheet(Db(Branch), Time).Handle(tree.BranchA.Id, "2026-04")).Items);
        Assert.True(line.PaidThisMonth); // the formal branch's sheet counts it
        var elsewhere = await Assert.ThrowsAsync<RuleViolationException>(() => Pay(m, "2026-05-10", "2026-05", "2026-05", 10m, at: tree.Township.Id,
            caller: ManagerOf(tree.Township)));
        Assert.Equal("D-17-proxy-and-place", Assert.Single(elsewhere.Refusals).Rule);
    }
}

public sealed class DuesUseCaseTests_Sqlite : DuesUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class DuesUseCaseTests_Postgres : DuesUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
