using Jishi.App.Accounts;
using Jishi.App.Alerts;
using Jishi.App.Data;
using Jishi.App.Organisations;
using Jishi.App.OrgLife;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Rules;

namespace Jishi.App.Tests.OrgLife;

/// <summary>组织生活 through the use cases on a real database: the roster on the meeting's date (L-02), the committee's
/// quorum (L-03), the matrix and the missed periods as obligations (L-01).</summary>
public abstract class MeetingUseCaseTests : UseCaseTest
{
    private OrgFixture tree = null!;

    private Caller Branch => ManagerOf(tree.BranchA);

    private async Task<List<Member>> SetUpAsync()
    {
        tree = await BuildTreeAsync();
        return [await CreateMemberAsync(tree.BranchA, "王明"), await CreateMemberAsync(tree.BranchA, "李娜"), await CreateMemberAsync(tree.BranchA, "张伟")];
    }

    private Task<MeetingRecord> Hold(Organisation org, MeetingType type, string date, IEnumerable<NewAttendance> roster,
        IReadOnlyList<string>? decisions = null, IReadOnlyList<MeetingType>? combines = null) =>
        new RecordMeeting(Db(ManagerOf(org)), Time).Handle(new NewMeeting(org.Id, type, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            ["学习党章"], [.. roster], combines, decisions));

    private static IEnumerable<NewAttendance> All(IEnumerable<Member> ms) => ms.Select(m => new NewAttendance(m.Id, AttendanceStatus.Present));

    [Fact]
    public async Task AMeetingWithEveryMember_IsRecordedWithItsCounts_L02()
    {
        var ms = await SetUpAsync();
        var m = await Hold(tree.BranchA, MeetingType.BranchAssembly, "2026-11-10",
            [new(ms[0].Id, AttendanceStatus.Present), new(ms[1].Id, AttendanceStatus.Leave, "出差"), new(ms[2].Id, AttendanceStatus.Excused, "年老体弱")],
            combines: [MeetingType.ThemePartyDay]);
        Assert.Equal((2, 1, 1, 0, 1), (m.Expected, m.Present, m.Leave, m.Absent, m.Excused));
        var read = await new GetMeeting(Db(Branch)).Handle(m.Id);
        Assert.Equal(["张伟", "李娜", "王明"], read.Attendance.Select(a => a.MemberName).Order(StringComparer.Ordinal));
        Assert.Single(await new ListMeetings(Db(Branch)).Handle(tree.BranchA.Id, MeetingType.ThemePartyDay, null, null));
        Assert.Empty(await new ListMeetings(Db(Branch)).Handle(tree.BranchA.Id, MeetingType.PartyLecture, null, null));
    }

    [Fact]
    public async Task ARosterMissingAMember_OrNamingAStranger_IsRefused_AndNothingIsRecorded_L02()
    {
        var ms = await SetUpAsync();
        var stranger = await CreateMemberAsync(tree.BranchB, "赵强");
        var missing = await Assert.ThrowsAsync<RuleViolationException>(() => Hold(tree.BranchA, MeetingType.BranchAssembly, "2026-11-10", All(ms.Take(2))));
        Assert.Equal("L-02-attendance", Assert.Single(missing.Refusals).Rule);
        Assert.Contains("张伟", Assert.Single(missing.Refusals).Message, StringComparison.Ordinal);
        var extra = await Assert.ThrowsAsync<RuleViolationException>(() => Hold(tree.BranchA, MeetingType.BranchAssembly, "2026-11-10", All([.. ms, stranger])));
        Assert.Contains("赵强", Assert.Single(extra.Refusals).Message, StringComparison.Ordinal);
        var noReason = await Assert.ThrowsAsync<InvalidInputException>(() => Hold(tree.BranchA, MeetingType.BranchAssembly, "2026-11-10",
            [new(ms[0].Id, AttendanceStatus.Leave), .. All(ms.Skip(1))]));
        Assert.Equal("attendance[0].reason", Assert.Single(noReason.Errors).Field);
        Assert.Equal(0, await CountAsync<MeetingRecord>());
        Assert.Equal(0, await CountAsync<MeetingAttendanceRecord>());
    }

    [Fact]
    public async Task ACommitteeMeetingDecidesOnlyWithHalfItsMembers_AndOnlyWhereTheBranchHasACommittee_L03()
    {
        var ms = await SetUpAsync();
        var noCommittee = await Assert.ThrowsAsync<InvalidInputException>(() => Hold(tree.BranchA, MeetingType.BranchCommitteeMeeting, "2026-11-10", All(ms)));
        Assert.Equal("type", Assert.Single(noCommittee.Errors).Field);
        await new UpdateOrg(Db()).Handle(tree.BranchA.Id, new OrgChanges(HasCommittee: true));
        IEnumerable<NewAttendance> Present(int n) => ms.Select((m, i) => new NewAttendance(m.Id, i < n ? AttendanceStatus.Present : AttendanceStatus.Absent));
        var low = await Assert.ThrowsAsync<RuleViolationException>(() => Hold(tree.BranchA, MeetingType.BranchCommitteeMeeting, "2026-11-10", Present(1), ["发展对象人选"]));
        Assert.Equal("L-03-committee-quorum", Assert.Single(low.Refusals).Rule);
        Assert.Equal(2, (await Hold(tree.BranchA, MeetingType.BranchCommitteeMeeting, "2026-11-10", Present(2), ["发展对象人选"])).Present);
    }

    [Fact]
    public async Task TheMatrix_CountsCombinedMeetings_AndEveryMissedPeriodIsAnObligationInTheAlerts_L01()
    {
        var ms = await SetUpAsync();
        await Hold(tree.BranchA, MeetingType.BranchAssembly, "2026-01-15", All(ms), combines: [MeetingType.ThemePartyDay]);
        await Hold(tree.BranchA, MeetingType.BranchAssembly, "2026-05-10", All(ms));
        var life = await new GetOrgLife(Db(Branch), Time).Handle(tree.BranchA.Id, 2026);
        Assert.Equal(new DateOnly(2026, 1, 15), life.RecordedFrom);
        var assembly = life.Items.Where(i => i.Type == MeetingType.BranchAssembly).Select(i => (i.Period, i.State)).ToList();
        Assert.Equal([("2026-Q1", PeriodState.Met), ("2026-Q2", PeriodState.Met), ("2026-Q3", PeriodState.Missed), ("2026-Q4", PeriodState.Open)], assembly);
        Assert.Equal(PeriodState.Met, life.Items.Single(i => i.Type == MeetingType.ThemePartyDay && i.Period == "2026-01").State);
        Assert.DoesNotContain(life.Items, i => i.Type is MeetingType.BranchCommitteeMeeting or MeetingType.CellMeeting); // no committee, no cells

        var owed = (await new ListAlerts(Db(Branch), Time).Handle(null, null, 0)).Where(a => a.Obligation?.Rule == "L-01-frequencies").ToList();
        Assert.Contains(owed, a => a.Obligation!.Detail.StartsWith("2026-Q3 应召开支部党员大会", StringComparison.Ordinal));
        Assert.DoesNotContain(owed, a => a.Obligation!.Detail.StartsWith("2026-Q1 应召开支部党员大会", StringComparison.Ordinal));
        Assert.All(owed, a => Assert.Equal(tree.BranchA.Id, a.Obligation!.OrgId)); // the other branches' record has not begun
    }
}

public sealed class MeetingUseCaseTests_Sqlite : MeetingUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class MeetingUseCaseTests_Postgres : MeetingUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
