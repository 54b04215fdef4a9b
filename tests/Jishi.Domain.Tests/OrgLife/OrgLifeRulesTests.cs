using Jishi.Domain.OrgLife;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.OrgLife;

public class OrgLifeRulesTests
{
    private static readonly DateOnly From = new(2026, 1, 1);

    private static PeriodState Quarter(int q, int held, DateOnly today) =>
        OrgLifeRules.StateOf(new MeetingPeriod(MeetingFrequency.Quarterly, 2026, q), 1, held, today, From);

    [Fact]
    public void L01_Frequencies_AssembliesInJanuaryAndMay_MeetQ1AndQ2_AndQ3IsMissedOnTheFirstOfOctober()
    {
        var assemblies = new[] { new DateOnly(2026, 1, 15), new DateOnly(2026, 5, 10) };
        int Held(int q) => assemblies.Count(d => MeetingPeriod.Of(MeetingFrequency.Quarterly, d).Number == q);
        var today = new DateOnly(2026, 10, 1);
        Assert.Equal(
            [PeriodState.Met, PeriodState.Met, PeriodState.Missed, PeriodState.Open],
            Enumerable.Range(1, 4).Select(q => Quarter(q, Held(q), today)));
        Assert.Equal(PeriodState.Open, Quarter(3, 0, new DateOnly(2026, 9, 30))); // the quarter's last day: still open
        Assert.Equal(PeriodState.NotDue, Quarter(4, 0, new DateOnly(2026, 9, 30)));
    }

    [Fact]
    public void L01_PeriodsBeforeTheRecordStarts_AreNotDue_AndTheirNamesFollowTheFrequency()
    {
        var march = new MeetingPeriod(MeetingFrequency.Monthly, 2026, 3);
        Assert.Equal(PeriodState.NotDue, OrgLifeRules.StateOf(march, 1, 0, new DateOnly(2026, 11, 22), new DateOnly(2026, 4, 1)));
        Assert.Equal(PeriodState.Missed, OrgLifeRules.StateOf(march, 1, 0, new DateOnly(2026, 11, 22), new DateOnly(2026, 3, 31)));
        Assert.Equal(("2026-03", "2026-Q4", "2026"), (march.ToString(), MeetingPeriod.Of(MeetingFrequency.Quarterly, new DateOnly(2026, 12, 31)).ToString(),
            MeetingPeriod.Of(MeetingFrequency.Yearly, new DateOnly(2026, 6, 1)).ToString()));
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)),
            (new MeetingPeriod(MeetingFrequency.Quarterly, 2026, 4).First, new MeetingPeriod(MeetingFrequency.Quarterly, 2026, 4).Last));
        Assert.Equal(MeetingFrequency.Quarterly, OrgLifeRules.FrequencyOf(MeetingType.BranchAssembly));
        Assert.Equal(MeetingFrequency.Monthly, OrgLifeRules.FrequencyOf(MeetingType.ThemePartyDay));
    }

    private static IReadOnlyList<Refusal> Committee(int size, int present, bool decisions = true)
    {
        var lines = Enumerable.Range(0, size)
            .Select(i => new AttendanceLine($"m{i}", i < present ? AttendanceStatus.Present : AttendanceStatus.Absent, null)).ToList();
        var members = lines.Select(l => l.MemberId).ToHashSet();
        return [.. OrgLifeRules.CheckRoster(MeetingType.BranchCommitteeMeeting, lines, members, new Dictionary<string, string>(), decisions)];
    }

    [Fact]
    public void L03_CommitteeQuorum_HalfTheMembersIsEnough_FewerRefusesDecisions()
    {
        Assert.Empty(Committee(5, 3));
        Assert.Equal(RuleIds.L03CommitteeQuorum, Assert.Single(Committee(5, 2)).Rule);
        Assert.Empty(Committee(4, 2)); // G-04: "半数以上" includes half
        Assert.Equal(RuleSeverity.Block, Assert.Single(Committee(4, 1)).Severity);
        Assert.Empty(Committee(4, 1, decisions: false)); // no decision taken: recorded as held
    }

    [Fact]
    public void L02_Attendance_TheRosterIsEveryMemberOnTheDate_NoOneMissing_NoStranger_NoOneTwice()
    {
        var members = new HashSet<string> { "a", "b", "c" };
        var names = new Dictionary<string, string> { ["a"] = "王明", ["b"] = "李娜", ["c"] = "张伟", ["x"] = "赵强" };
        IReadOnlyList<Refusal> Check(params AttendanceLine[] lines) =>
            [.. OrgLifeRules.CheckRoster(MeetingType.BranchAssembly, lines, members, names, recordsDecisions: true)];
        AttendanceLine L(string id, AttendanceStatus s = AttendanceStatus.Present) => new(id, s, s == AttendanceStatus.Present ? null : "事由");

        Assert.Empty(Check(L("a"), L("b", AttendanceStatus.Leave), L("c", AttendanceStatus.Excused)));
        var missing = Assert.Single(Check(L("a"), L("b")));
        Assert.Equal(RuleIds.L02Attendance, missing.Rule);
        Assert.Contains("张伟", missing.Message, StringComparison.Ordinal);
        Assert.Contains("赵强", Assert.Single(Check(L("a"), L("b"), L("c"), L("x"))).Message, StringComparison.Ordinal);
        Assert.Contains("王明", Assert.Single(Check(L("a"), L("a"), L("b"), L("c"))).Message, StringComparison.Ordinal);
        // A cell meeting lists some of the branch's members (the registry has no cells' members), never a stranger.
        Assert.Empty(OrgLifeRules.CheckRoster(MeetingType.CellMeeting, [L("a")], members, names, false));
        Assert.Single(OrgLifeRules.CheckRoster(MeetingType.CellMeeting, [L("x")], members, names, false));
    }

    [Fact]
    public void L02_TheCounts_ExpectedIsAllButTheExcused()
    {
        var c = AttendanceCounts.Of([
            new("a", AttendanceStatus.Present, null), new("b", AttendanceStatus.Present, null), new("c", AttendanceStatus.Leave, "出差"),
            new("d", AttendanceStatus.Absent, null), new("e", AttendanceStatus.Excused, "年老体弱"),
        ]);
        Assert.Equal(new AttendanceCounts(4, 2, 1, 1, 1), c);
    }
}
