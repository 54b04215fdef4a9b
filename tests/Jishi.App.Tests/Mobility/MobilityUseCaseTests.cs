using Jishi.App.Accounts;
using Jishi.App.Calendar;
using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Members;
using Jishi.App.Mobility;
using Jishi.App.Procedures;
using Jishi.App.Tests.Infrastructure;
using Jishi.App.Transfers;
using Jishi.Domain.Development;
using Jishi.Domain.Members;
using Jishi.Domain.Mobility;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Mobility;

/// <summary>流动党员 through the use cases on a real database: a member of 城关镇 branch A works away, at a branch of
/// another primary committee (安和一中党委); each side records its own steps.</summary>
public abstract class MobilityUseCaseTests : UseCaseTest
{
    private OrgFixture tree = null!;
    private Organisation school = null!;
    private Organisation schoolBranch = null!;

    private Caller Outflow => ManagerOf(tree.Township);

    private Caller Inflow => ManagerOf(school);

    private async Task SetUpAsync()
    {
        tree = await BuildTreeAsync();
        school = await CreateOrgAsync("中共安和县第一中学委员会", OrgType.PrimaryCommittee, tree.County, approves: true);
        schoolBranch = await CreateOrgAsync("教师第一党支部", OrgType.Branch, school);
    }

    private Task<MobilityView> Register(Member member, DateOnly left, string? inflowOrgId = null, string? card = null, Caller? caller = null)
    {
        var db = Db(caller ?? Outflow);
        return new RegisterOutflow(db, new MobilityFacts(db, Time), Time).Handle(new NewProcedureEvent<MobilityEvent>(nameof(OutflowRegistered), left,
            new OutflowRegistered
            {
                MemberId = member.Id,
                Destination = "安和县城区",
                Reason = "务工经商",
                Category = MobileCategory.RuralMobile,
                InflowOrgId = inflowOrgId,
                ActivityCardNo = card,
            }, [], []));
    }

    private Task<MobilityView> Step(string id, MobilityEvent data, DateOnly date, Caller? caller = null, int? expectedVersion = null)
    {
        var db = Db(caller ?? Outflow);
        return new RecordMobilityEvent(db, new MobilityFacts(db, Time), Time)
            .Handle(id, new NewProcedureEvent<MobilityEvent>(data.GetType().Name, date, data, [], []), expectedVersion);
    }

    private async Task<IReadOnlyList<string>> FlagsOf(Member member) => await new MemberFlags(Db(), Time).Handle(member);

    [Fact]
    public async Task AMemberWorksAway_EachSideRecordsItsSteps_AndBothRegistersShowIt()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "王强");
        var v = await Register(member, new DateOnly(2026, 3, 1), schoolBranch.Id);
        Assert.Equal(MobilityState.Away, v.Progress.State);
        Assert.Contains(MemberFlags.Mobile, await FlagsOf(member)); // F-01-mobile-definition: away since 2026-03-01, six months reached

        Assert.Single((await new ListMobility(Db(Outflow)).Handle(null, "Outflow", null, 1, 50)).Items, r => r.Id == v.Head.Id);
        Assert.Empty((await new ListMobility(Db(Outflow)).Handle(null, "Inflow", null, 1, 50)).Items);
        Assert.Single((await new ListMobility(Db(Inflow)).Handle(null, "Inflow", null, 1, 50)).Items, r => r.Id == v.Head.Id);

        // The inflow side registers the member and appraises them (F-04); the outflow side keeps in touch (F-02).
        v = await Step(v.Head.Id, new InflowRegistered { InflowOrgId = schoolBranch.Id, ContactPerson = "李老师 0000-1234567" }, new DateOnly(2026, 3, 10), Inflow);
        Assert.Equal(MobilityState.AtInflowOrg, v.Progress.State);
        var wrongSide = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Step(v.Head.Id, new ContactLogged { Method = ContactMethod.Phone, Summary = "电话" }, new DateOnly(2026, 4, 1), Inflow));
        Assert.Contains(wrongSide.Refusals, r => r.Rule == "F-02-contact");
        var otherSide = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Step(v.Head.Id, new InflowAppraised { Year = 2026, Grade = AppraisalGrade.Qualified }, new DateOnly(2026, 11, 1), Outflow));
        Assert.Contains(otherSide.Refusals, r => r.Rule == "F-04-inflow-appraisal");
        v = await Step(v.Head.Id, new ContactLogged { Method = ContactMethod.Phone, Summary = "电话了解工作情况" }, new DateOnly(2026, 4, 1));
        v = await Step(v.Head.Id, new InflowAppraised { Year = 2026, Grade = AppraisalGrade.Qualified }, new DateOnly(2026, 11, 1), Inflow);
        Assert.Equal(4, v.Head.Version);

        // F-02-contact: Q2 contact done; the Q3 contact is overdue and is the outstanding deadline in the table.
        var deadline = await Db().CaseDeadlines.IgnoreQueryFilters().AsNoTracking().SingleAsync(d => d.CaseId == v.Head.Id);
        Assert.Equal(("F-02-contact", new DateOnly(2026, 9, 30), ProcedureKind.Mobility), (deadline.Rule, deadline.DueDate, deadline.Kind));
        Assert.Equal(tree.BranchA.Path, deadline.OrgPath);
        Assert.True((await new VerifyMobilityIntegrity(Db()).Handle(v.Head.Id)).Valid);

        v = await Step(v.Head.Id, new Returned(), new DateOnly(2026, 11, 20));
        Assert.Equal(MobilityState.Returned, v.Progress.State);
        Assert.Empty(await Db().CaseDeadlines.IgnoreQueryFilters().Where(d => d.CaseId == v.Head.Id).ToListAsync());
        Assert.DoesNotContain(MemberFlags.Mobile, await FlagsOf(member));
        Assert.Empty((await new ListMobility(Db(Outflow)).Handle(null, "Outflow", null, 1, 50)).Items);
        Assert.Single((await new ListMobility(Db(Outflow)).Handle(null, "Outflow", MobilityState.Returned, 1, 50)).Items);
    }

    [Fact]
    public async Task F01_AwayLessThanSixMonths_IsFlaggedAway_NotYetMobile()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "陈亮");
        await Register(member, new DateOnly(2026, 5, 23)); // six months on 2026-11-23, the day after today
        var flags = await FlagsOf(member);
        Assert.Contains(MemberFlags.Away, flags);
        Assert.DoesNotContain(MemberFlags.Mobile, flags);
    }

    [Fact]
    public async Task F03_ACardHolder_VotesAtTheFormalBranch_NeverAtTheInflowBranch()
    {
        await SetUpAsync();
        var calendar = new OfficialCalendar();
        await calendar.InitialiseAsync(Db(), Time);
        var member = await CreateMemberAsync(tree.BranchA, "刘洋");
        var v = await Register(member, new DateOnly(2026, 3, 1), schoolBranch.Id, card: "341122-2026-0007");
        await Step(v.Head.Id, new InflowRegistered { InflowOrgId = schoolBranch.Id }, new DateOnly(2026, 3, 5), Inflow);
        Assert.Contains(MemberFlags.ActivityCard, await FlagsOf(member));
        var applicant = await CreatePersonAsync("申请人", schoolBranch);

        async Task<IReadOnlySet<string>> VotersOf(Organisation branch)
        {
            var c = new CaseRecord { Id = "c-" + branch.Id, PersonId = applicant.Id, PersonName = applicant.Name, OrgId = branch.Id, OrgPath = branch.Path };
            return (await new CaseFacts(Db(), calendar, Time).Load(c, new CaseState(), CaseEventType.AdmissionVoteHeld, Today, new EventData(), default))
                .EligibleVoterIds;
        }

        Assert.DoesNotContain(member.Id, await VotersOf(schoolBranch));
        Assert.Contains(member.Id, await VotersOf(tree.BranchA));
    }

    [Fact]
    public async Task F03_ActivityCard_ASecondCardIsRefused_AndChangesNothing()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "黄海");
        var v = await Register(member, new DateOnly(2026, 3, 1), card: "341122-2026-0008");
        var before = await CountAsync<ProcedureEventRecord>();
        var e = await Assert.ThrowsAsync<RuleViolationException>(() => Step(v.Head.Id, new ActivityCardIssued { CardNo = "341122-2026-0009" }, new DateOnly(2026, 4, 1)));
        Assert.Equal("F-03-activity-card", Assert.Single(e.Refusals).Rule);
        Assert.Equal(before, await CountAsync<ProcedureEventRecord>());
        Assert.Equal("341122-2026-0008", (await new GetMobility(Db(), Time).Handle(v.Head.Id)).Record.ActivityCardNo);
    }

    [Fact]
    public async Task OneOpenRecordPerMember_IfMatch_Fields_AndScope()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "林峰");
        var v = await Register(member, new DateOnly(2026, 6, 1));
        var dup = await Assert.ThrowsAsync<ConflictException>(() => Register(member, new DateOnly(2026, 6, 2)));
        Assert.Equal(v.Head.Id, dup.ExistingId);
        await Assert.ThrowsAsync<ConflictException>(() =>
            Step(v.Head.Id, new ContactLogged { Method = ContactMethod.Phone, Summary = "x" }, new DateOnly(2026, 7, 1), expectedVersion: 7));

        var db = Db(Outflow);
        var bad = await Assert.ThrowsAsync<InvalidInputException>(() => new RegisterOutflow(db, new MobilityFacts(db, Time), Time)
            .Handle(new NewProcedureEvent<MobilityEvent>(nameof(OutflowRegistered), Today, new OutflowRegistered { MemberId = member.Id, Reason = "学习" }, [], [])));
        AssertSingleField(bad, "destination");

        await Assert.ThrowsAsync<NotFoundException>(() => new GetMobility(Db(ManagerOf(tree.BranchB)), Time).Handle(v.Head.Id));
        var outsider = await CreateMemberAsync(tree.BranchA, "外人");
        await Assert.ThrowsAsync<NotFoundException>(() => Register(outsider, Today, caller: ManagerOf(tree.BranchB)));
        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => Register(outsider, Today, inflowOrgId: "o-none"));
        Assert.Equal("inflowOrgId", unknown.Field);
    }

    [Fact]
    public async Task InflowRegistration_ByTheOutflowSide_ToAnOrganisationOutsideTheSystem_KeepsEverythingWithTheOutflowSide()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "何平");
        var v = await Register(member, new DateOnly(2026, 8, 1));
        v = await Step(v.Head.Id, new InflowRegistered { InflowOrgName = "广东省深圳市某科技园区党委" }, new DateOnly(2026, 8, 20));
        Assert.Equal("广东省深圳市某科技园区党委", v.Record.InflowOrgName);
        Assert.Null(v.Record.InflowOrgPath);
        v = await Step(v.Head.Id, new InflowAppraised { Year = 2026, Grade = AppraisalGrade.Excellent }, new DateOnly(2026, 11, 20));
        Assert.Equal(3, v.Head.Version);
    }
}

public sealed class MobilityUseCaseTests_Sqlite : MobilityUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class MobilityUseCaseTests_Postgres : MobilityUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
