using Jishi.App.Accounts;
using Jishi.App.Calendar;
using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.LostContacts;
using Jishi.App.Members;
using Jishi.App.Procedures;
using Jishi.App.Tests.Infrastructure;
using Jishi.App.Transfers;
using Jishi.Domain.Development;
using Jishi.Domain.LostContacts;
using Jishi.Domain.Members;
using Jishi.Domain.Membership;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.LostContacts;

/// <summary>失联党员 through the use cases on a real database: search, 停止党籍 decided and approved, restoration or
/// removal, with their effects on the member's history, flags and voting rights (G-08).</summary>
public abstract class LostContactUseCaseTests : UseCaseTest
{
    private OrgFixture tree = null!;
    private OfficialCalendar calendar = null!;

    private Caller Township => ManagerOf(tree.Township);

    private async Task SetUpAsync()
    {
        tree = await BuildTreeAsync();
        calendar = new OfficialCalendar();
        await calendar.InitialiseAsync(Db(), Time);
    }

    private Task<LostContactView> Report(Member member, DateOnly lostSince, DateOnly? date = null, Caller? caller = null)
    {
        var db = Db(caller ?? Township);
        return new ReportLostContact(db, new LostContactFacts(db, Time), Time).Handle(new NewProcedureEvent<LostContactEvent>(nameof(Reported),
            date ?? lostSince.AddDays(20), new Reported { MemberId = member.Id, LostSinceDate = lostSince, Circumstance = LostContactCircumstance.WorkingAway },
            [], []));
    }

    private Task<LostContactView> Step(string id, LostContactEvent data, DateOnly date, Caller? caller = null, int? expectedVersion = null,
        IReadOnlyList<RuleException>? exceptions = null)
    {
        var db = Db(caller ?? Township);
        return new RecordLostContactEvent(db, new LostContactFacts(db, Time), Time)
            .Handle(id, new NewProcedureEvent<LostContactEvent>(data.GetType().Name, date, data, [], exceptions ?? []), expectedVersion);
    }

    private async Task<IReadOnlySet<string>> VotersOf(Organisation branch, DateOnly date)
    {
        var applicant = await CreatePersonAsync("申请人" + date.DayNumber, branch);
        var c = new CaseRecord { Id = "c-" + branch.Id, PersonId = applicant.Id, PersonName = applicant.Name, OrgId = branch.Id, OrgPath = branch.Path };
        var ctx = await new CaseFacts(Db(), calendar, Time).Load(c, new CaseState(), CaseEventType.AdmissionVoteHeld, date, new EventData(), default);
        return ctx.EligibleVoterIds;
    }

    private async Task<Member> MemberAsync(string id) => await Db().Members.IgnoreQueryFilters().AsNoTracking().FirstAsync(m => m.Id == id);

    private static readonly SearchLogged Search = new() { Method = "联系家属和原工作单位", Result = "均不知其下落" };

    [Fact]
    public async Task Suspension_Approved_SuspendsTheMember_F06_AndRestoration_F07_GivesTheirRightsBack_FromThoseDates()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "赵刚");
        var v = await Report(member, new DateOnly(2026, 1, 10));
        await Step(v.Head.Id, Search, new DateOnly(2026, 2, 15));
        await Step(v.Head.Id, new SuspensionDecided { DecidingOrgId = tree.BranchA.Id, Basis = "党支部党员大会决议" }, new DateOnly(2026, 7, 10));
        v = await Step(v.Head.Id, new SuspensionApproved { ApprovingOrgId = tree.Township.Id }, new DateOnly(2026, 7, 15));

        Assert.Equal(LostContactState.Suspended, v.Progress.State);
        Assert.Equal(new DateOnly(2026, 7, 15), (await MemberAsync(member.Id)).SuspendedDate);
        var history = await new GetMemberHistory(Db(AdminUser)).Handle(member.Id);
        Assert.Contains(history, h => h.Change == MembershipChange.Suspended && h.Date == new DateOnly(2026, 7, 15) && h.ProcedureId == v.Head.Id);
        Assert.Contains(MemberFlags.Suspended, await new MemberFlags(Db(), Time).Handle(await MemberAsync(member.Id)));

        // F-06-suspended-rights: not counted among eligible voters from the approval date (G-08).
        Assert.Contains(member.Id, await VotersOf(tree.BranchA, new DateOnly(2026, 7, 14)));
        Assert.DoesNotContain(member.Id, await VotersOf(tree.BranchA, new DateOnly(2026, 7, 15)));

        await Step(v.Head.Id, new RestorationApplied { Statement = "本人已返回，申请恢复党籍" }, new DateOnly(2026, 9, 1));
        v = await Step(v.Head.Id, new RestorationApproved { ApprovingOrgId = tree.County.Id }, new DateOnly(2026, 10, 1), ManagerOf(tree.County));
        Assert.Equal(LostContactState.Closed, v.Progress.State);
        Assert.Null((await MemberAsync(member.Id)).SuspendedDate);
        Assert.Contains(await new GetMemberHistory(Db(AdminUser)).Handle(member.Id), h => h.Change == MembershipChange.Restored);

        // F-07-restoration: rights from the restoration date; the suspension still holds for the dates between.
        Assert.DoesNotContain(member.Id, await VotersOf(tree.BranchA, new DateOnly(2026, 9, 30)));
        Assert.Contains(member.Id, await VotersOf(tree.BranchA, new DateOnly(2026, 10, 1)));
        Assert.True((await new VerifyLostContactIntegrity(Db()).Handle(v.Head.Id)).Valid);
        Assert.Empty((await new ListLostContacts(Db(Township), Time).Handle(tree.Township.Id, null, null, 1, 50)).Items);
        Assert.Single((await new ListLostContacts(Db(Township), Time).Handle(tree.Township.Id, LostContactState.Closed, null, 1, 50)).Items);
    }

    [Fact]
    public async Task F05_Suspension_BeforeSixMonths_IsRefused_AndChangesNothing()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "钱进");
        var v = await Report(member, new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 20));
        await Step(v.Head.Id, Search, new DateOnly(2026, 2, 1));
        var searched = await new GetLostContact(Db()).Handle(v.Head.Id);
        var events = await CountAsync<ProcedureEventRecord>();

        // Lost since 2025-12-31: six months are reached on 2026-06-30 (G-01), so the day before is refused.
        var e = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Step(v.Head.Id, new SuspensionDecided { DecidingOrgId = tree.BranchA.Id, Basis = "党员大会决议" }, new DateOnly(2026, 6, 29)));
        var refusal = Assert.Single(e.Refusals);
        Assert.Equal("F-05-suspension", refusal.Rule);
        Assert.Contains("2026-06-30", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("第二十四条", refusal.Article, StringComparison.Ordinal);
        Assert.Equal(events, await CountAsync<ProcedureEventRecord>());

        // A wrong approver (a branch, not the committee above) is refused too, after a valid decision.
        await Step(v.Head.Id, new SuspensionDecided { DecidingOrgId = tree.BranchA.Id, Basis = "党员大会决议" }, new DateOnly(2026, 6, 30));
        var decided = await new GetLostContact(Db()).Handle(v.Head.Id);
        var wrong = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Step(v.Head.Id, new SuspensionApproved { ApprovingOrgId = tree.BranchB.Id }, new DateOnly(2026, 7, 1)));
        Assert.Contains(wrong.Refusals, r => r.Rule == "F-05-suspension");
        Assert.Null((await MemberAsync(member.Id)).SuspendedDate);
        Assert.DoesNotContain(await new GetMemberHistory(Db(AdminUser)).Handle(member.Id), h => h.Change == MembershipChange.Suspended);
        Assert.Equal(searched.Head.Version + 1, decided.Head.Version);
        Assert.Equal(decided.Head.Version, (await new GetLostContact(Db()).Handle(v.Head.Id)).Head.Version);
    }

    [Fact]
    public async Task F05_Suspension_WithoutASearch_IsRefused()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "孙立");
        var v = await Report(member, new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 20));
        var e = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Step(v.Head.Id, new SuspensionDecided { DecidingOrgId = tree.BranchA.Id, Basis = "党员大会决议" }, new DateOnly(2026, 7, 1)));
        Assert.Contains(e.Refusals, r => r.Rule == "F-05-suspension" && r.Message.Contains("查找", StringComparison.Ordinal));
    }

    [Fact]
    public async Task F08_RemovalAsLapsed_AfterTwoYears_RemovesTheMemberFromTheRegistry_WithTheHistoryKept()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "周全");
        var v = await Report(member, new DateOnly(2023, 3, 1));
        await Step(v.Head.Id, Search, new DateOnly(2023, 4, 1));
        await Step(v.Head.Id, new SuspensionDecided { DecidingOrgId = tree.BranchA.Id, Basis = "党员大会决议" }, new DateOnly(2023, 9, 5));
        await Step(v.Head.Id, new SuspensionApproved { ApprovingOrgId = tree.Township.Id }, new DateOnly(2023, 9, 10));
        var early = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Step(v.Head.Id, new RemovalDecided { DecidingOrgId = tree.BranchA.Id, Basis = "党员大会决议" }, new DateOnly(2025, 9, 9)));
        Assert.Contains(early.Refusals, r => r.Rule == "F-08-removal-as-lapsed");

        await Step(v.Head.Id, new RemovalDecided { DecidingOrgId = tree.BranchA.Id, Basis = "党员大会决议" }, new DateOnly(2025, 9, 10));
        v = await Step(v.Head.Id, new RemovalApproved { ApprovingOrgId = tree.Township.Id }, new DateOnly(2025, 9, 20));
        Assert.Equal(LostContactState.Removed, v.Progress.State);
        var removed = await MemberAsync(member.Id);
        Assert.Equal(new DateOnly(2025, 9, 20), removed.LeftDate);
        Assert.Contains(await new GetMemberHistory(Db(AdminUser)).Handle(member.Id),
            h => h.Change == MembershipChange.Removed && h.Detail!.Contains("自行脱党", StringComparison.Ordinal));
        Assert.DoesNotContain((await new ListMembers(Db(Township)).Handle(tree.BranchA.Id, null, 1, 50)).Items, m => m.Member.Id == member.Id);
        Assert.Contains(MemberFlags.Left, await new MemberFlags(Db(), Time).Handle(removed));
    }

    [Fact]
    public async Task OneOpenCasePerMember_IfMatch_AndScope()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "吴敏");
        var v = await Report(member, new DateOnly(2026, 8, 1));
        var dup = await Assert.ThrowsAsync<ConflictException>(() => Report(member, new DateOnly(2026, 8, 2)));
        Assert.Equal(v.Head.Id, dup.ExistingId);

        await Assert.ThrowsAsync<ConflictException>(() => Step(v.Head.Id, Search, new DateOnly(2026, 9, 1), expectedVersion: v.Head.Version + 1));
        Assert.Equal(2, (await Step(v.Head.Id, Search, new DateOnly(2026, 9, 1), expectedVersion: v.Head.Version)).Head.Version);

        // A manager of another branch neither sees nor records it; a viewer of the branch cannot record.
        await Assert.ThrowsAsync<NotFoundException>(() => new GetLostContact(Db(ManagerOf(tree.BranchB))).Handle(v.Head.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => Step(v.Head.Id, Search, new DateOnly(2026, 9, 2), ManagerOf(tree.BranchB)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Step(v.Head.Id, Search, new DateOnly(2026, 9, 2), ViewerOf(tree.BranchA)));
        Assert.Empty((await new ListLostContacts(Db(ManagerOf(tree.BranchB)), Time).Handle(null, null, null, 1, 50)).Items);
        Assert.Contains(MemberFlags.LostContact, await new MemberFlags(Db(), Time).Handle(member));
    }

    [Fact]
    public async Task Fields_AreCheckedBeforeAnything_AndAnUnknownOrgIs404WithItsField()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "郑和");
        var db = Db(Township);
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => new ReportLostContact(db, new LostContactFacts(db, Time), Time)
            .Handle(new NewProcedureEvent<LostContactEvent>(nameof(Reported), Today, new Reported { MemberId = member.Id, LostSinceDate = Today.AddDays(1) }, [], [])));
        Assert.Equal(["lostSinceDate", "circumstance"], e.Errors.Select(x => x.Field).ToArray());

        var v = await Report(member, new DateOnly(2026, 1, 1));
        await Step(v.Head.Id, Search, new DateOnly(2026, 2, 1));
        var nf = await Assert.ThrowsAsync<NotFoundException>(() =>
            Step(v.Head.Id, new SuspensionDecided { DecidingOrgId = "o-nowhere", Basis = "x" }, new DateOnly(2026, 7, 2)));
        Assert.Equal("decidingOrgId", nf.Field);
    }

    [Fact]
    public async Task TheList_ByDurationBand_LongestLostFirst()
    {
        await SetUpAsync();
        var recent = await CreateMemberAsync(tree.BranchA, "近期");
        var year = await CreateMemberAsync(tree.BranchA, "一年多");
        var half = await CreateMemberAsync(tree.BranchB, "半年多");
        await Report(recent, new DateOnly(2026, 9, 1));
        await Report(year, new DateOnly(2025, 5, 1));
        await Report(half, new DateOnly(2026, 5, 22)); // 6 months on 2026-11-22, exactly
        var list = new ListLostContacts(Db(Township), Time);
        Assert.Equal(["一年多", "半年多", "近期"], (await list.Handle(null, null, null, 1, 50)).Items.Select(r => r.MemberName).ToArray());
        Assert.Equal(["半年多"], (await list.Handle(null, null, LostContactDuration.SixMonthsToOneYear, 1, 50)).Items.Select(r => r.MemberName).ToArray());
        Assert.Equal(["一年多"], (await list.Handle(null, null, LostContactDuration.OneToFiveYears, 1, 50)).Items.Select(r => r.MemberName).ToArray());
        Assert.Equal(LostContactDuration.SixMonthsToOneYear, ListLostContacts.DurationOf(new DateOnly(2026, 5, 22), Today));
        Assert.Equal(LostContactDuration.UnderSixMonths, ListLostContacts.DurationOf(new DateOnly(2026, 5, 23), Today));
        Assert.Equal(["近期"], (await list.Handle(tree.BranchA.Id, null, LostContactDuration.UnderSixMonths, 1, 50)).Items.Select(r => r.MemberName).ToArray());
    }
}

public sealed class LostContactUseCaseTests_Sqlite : LostContactUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class LostContactUseCaseTests_Postgres : LostContactUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
