using Jishi.App.Accounts;
using Jishi.App.Alerts;
using Jishi.App.Calendar;
using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Members;
using Jishi.App.Procedures;
using Jishi.App.Tests.Infrastructure;
using Jishi.App.Transfers;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Jishi.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Members;

/// <summary>T-12-graduates through the use cases on a real database: the graduation recorded on the member, the keeping
/// organisation's obligation in the alerts at graduation + 24 months, gone once the relation is transferred.</summary>
public abstract class GraduationUseCaseTests : UseCaseTest
{
    private OrgFixture tree = null!;
    private Organisation school = null!;
    private Organisation schoolBranch = null!;

    private Caller Keeper => ManagerOf(tree.Township);

    private async Task SetUpAsync()
    {
        tree = await BuildTreeAsync();
        school = await CreateOrgAsync("中共安和县第一中学委员会", OrgType.PrimaryCommittee, tree.County, approves: true);
        schoolBranch = await CreateOrgAsync("教师第一党支部", OrgType.Branch, school);
    }

    private Task<Member> Graduate(Member member, DateOnly? date, bool? placed = false, Caller? caller = null) =>
        new RecordGraduation(Db(caller ?? Keeper), Time).Handle(member.Id, new NewGraduation(date, placed));

    private async Task<IReadOnlyList<ListAlerts.Alert>> GraduateAlerts(DateOnly asOf, int withinDays, Caller? caller = null) =>
        [.. (await new ListAlerts(Db(caller ?? Keeper), Time).Handle(null, asOf, withinDays)).Where(a => a.Rule == RuleIds.T12Graduates)];

    [Fact]
    public async Task AGraduatesRelation_KeptMoreThan24Months_IsTheKeepersOverdueObligation_T12()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "张华");
        var recorded = await Graduate(member, new DateOnly(2024, 7, 1));
        Assert.Equal(new DateOnly(2024, 7, 1), recorded.GraduationDate);
        Assert.Equal(tree.BranchA.Id, recorded.GraduationOrgId);

        // T-12-graduates: graduated 2024-07-01 → due 2026-07-01, overdue from 2026-07-02.
        Assert.Empty(await GraduateAlerts(new DateOnly(2026, 6, 16), 14));
        var onTheDay = Assert.Single(await GraduateAlerts(new DateOnly(2026, 7, 1), 0));
        Assert.Equal((new DateOnly(2026, 7, 1), false, tree.BranchA.Id), (onTheDay.DueDate, onTheDay.Overdue, onTheDay.Obligation!.OrgId));
        Assert.Contains("张华", onTheDay.Obligation.Detail, StringComparison.Ordinal);
        Assert.True(Assert.Single(await GraduateAlerts(new DateOnly(2026, 7, 2), 0)).Overdue);
        Assert.Contains(MemberFlags.GraduateRelationOverdue, await new MemberFlags(Db(), Time).Handle(recorded));

        // Out of the keeper's scope the obligation is not listed.
        Assert.Empty(await GraduateAlerts(Today, 0, ManagerOf(tree.BranchB)));
    }

    [Fact]
    public async Task OnceTheRelationIsTransferredOut_TheObligationIsGone_T12()
    {
        // T-12-graduates: the relation moved to another organisation by an accepted transfer → no longer the keeper's.
        await SetUpAsync();
        var calendar = new OfficialCalendar();
        await calendar.InitialiseAsync(Db(), Time);
        var member = await CreateMemberAsync(tree.BranchA, "周敏");
        await Graduate(member, new DateOnly(2024, 6, 30), placed: true);
        Assert.Single(await GraduateAlerts(Today, 0));

        var db = Db(Keeper);
        var letter = await new IssueTransfer(db, new TransferFacts(db, Time), Time).Handle(new NewTransfer(new Issued
        {
            MemberId = member.Id,
            Kind = TransferKind.Formal,
            Reason = "毕业生落实工作单位",
            IssuingOrgId = tree.Township.Id,
            ToOrgId = schoolBranch.Id,
            DuesPaidThrough = "2026-10",
        }, new DateOnly(2026, 11, 10), [], []));
        foreach (var (step, date) in new (TransferEvent, DateOnly)[] { (new Received(), new DateOnly(2026, 11, 12)), (new Accepted(), new DateOnly(2026, 11, 15)) })
        {
            var rdb = Db(ManagerOf(school));
            await new RecordTransferEvent(rdb, new TransferFacts(rdb, Time), new RecordCaseEvent(rdb, new CaseFacts(rdb, calendar, Time), Time), Time)
                .Handle(letter.Head.Id, new NewProcedureEvent<TransferEvent>(step.GetType().Name, date, step, [], []), null);
        }

        Assert.Empty(await GraduateAlerts(Today, 0, AdminUser));
        var moved = await Db().Members.IgnoreQueryFilters().AsNoTracking().FirstAsync(m => m.Id == member.Id);
        Assert.DoesNotContain(MemberFlags.GraduateRelationOverdue, await new MemberFlags(Db(), Time).Handle(moved));
    }

    [Fact]
    public async Task BadInput_IsNamedByItsField_AFutureDateIsRefused_AndAViewerCannotWrite_T12()
    {
        // T-12-graduates: the graduation date is required and not after today (G-05-dates).
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "吴刚");
        AssertSingleField(await Assert.ThrowsAsync<InvalidInputException>(() => Graduate(member, null)), "graduationDate");
        var future = await Assert.ThrowsAsync<RuleViolationException>(() => Graduate(member, Today.AddDays(1)));
        Assert.Equal(RuleIds.G05Dates, Assert.Single(future.Refusals).Rule);
        await Assert.ThrowsAsync<ForbiddenException>(() => Graduate(member, new DateOnly(2025, 7, 1), caller: ViewerOf(tree.Township)));
        await Assert.ThrowsAsync<NotFoundException>(() => Graduate(member, new DateOnly(2025, 7, 1), caller: ManagerOf(tree.BranchB)));
        Assert.Null((await Db().Members.IgnoreQueryFilters().AsNoTracking().FirstAsync(m => m.Id == member.Id)).GraduationDate);
    }
}

public sealed class GraduationUseCaseTests_Sqlite : GraduationUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class GraduationUseCaseTests_Postgres : GraduationUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
