using Jishi.Domain.Dues;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.OrgLife;

public sealed class LapseAndAppraisalRulesTests
{
    private static DuesMonth M(int y, int m) => new(y, m);

    private static List<DuesMonth> Months(DuesMonth from, DuesMonth to)
    {
        var list = new List<DuesMonth>();
        for (var x = from; x <= to; x = x.AddMonths(1))
        {
            list.Add(x);
        }

        return list;
    }

    [Fact]
    public void AMonthCountsOnceItHasEnded_M15()
    {
        Assert.Equal(M(2026, 6), LapseRules.LastCounted(new DateOnly(2026, 6, 30)));
        Assert.Equal(M(2026, 5), LapseRules.LastCounted(new DateOnly(2026, 6, 29)));
        Assert.Equal(M(2026, 1), LapseRules.LastCounted(new DateOnly(2026, 2, 1)));
    }

    [Fact]
    public void DuesPaidThrough2025_12_NothingSince_IsALapseCandidateAtTheEndOfJune2026_M15()
    {
        // The catalog's test: last dues month paid 2025-12, no payments Jan–Jun 2026 → flagged at the end of June 2026.
        var unpaid = Months(M(2026, 1), M(2026, 6));
        var atEnd = LapseRules.DuesRun(unpaid, LapseRules.LastCounted(new DateOnly(2026, 6, 30)), new HashSet<DuesMonth>());
        Assert.Equal((6, M(2026, 1), LapseLevel.LapseCandidate), (atEnd.Months, atEnd.Since, atEnd.Level));
        var dayBefore = LapseRules.DuesRun(unpaid, LapseRules.LastCounted(new DateOnly(2026, 6, 29)), new HashSet<DuesMonth>());
        Assert.Equal((5, LapseLevel.EarlyWarning), (dayBefore.Months, dayBefore.Level));
    }

    [Fact]
    public void AJustifiedMonth_EndsTheRun_AndThreeMonthsAreTheEarlyWarning_M15()
    {
        var unpaid = Months(M(2026, 1), M(2026, 6));
        var run = LapseRules.DuesRun(unpaid, M(2026, 6), new HashSet<DuesMonth> { M(2026, 3) });
        Assert.Equal((3, M(2026, 4), LapseLevel.EarlyWarning), (run.Months, run.Since, run.Level));
        Assert.Null(LapseRules.DuesRun(unpaid, M(2026, 6), new HashSet<DuesMonth> { M(2026, 4) }).Level); // May and June: 2
    }

    [Fact]
    public void OrgLife_SixMonthsWithoutTakingPart_SinceTheMemberWasFirstOnARoster_IsALapseCandidate_M15()
    {
        var months = new Dictionary<DuesMonth, MonthAttendance>
        {
            [M(2025, 12)] = MonthAttendance.Took,
            [M(2026, 1)] = MonthAttendance.Absent,
            [M(2026, 3)] = MonthAttendance.Absent, // February: the branch held nothing — the member still did not take part
            [M(2026, 6)] = MonthAttendance.Absent,
        };
        var run = LapseRules.OrgLifeRun(months, M(2026, 6), new HashSet<DuesMonth>());
        Assert.Equal((6, M(2026, 1), LapseLevel.LapseCandidate), (run.Months, run.Since, run.Level));

        // Present (or on leave with a reason) in April: the run starts again in May.
        months[M(2026, 4)] = MonthAttendance.Took;
        Assert.Equal(2, LapseRules.OrgLifeRun(months, M(2026, 6), new HashSet<DuesMonth>()).Months);
    }

    [Fact]
    public void OrgLife_NoRunBeforeTheFirstRoster_NorWithoutASingleAbsence_M15()
    {
        // First on a roster in April 2026: at most three months by June.
        var late = new Dictionary<DuesMonth, MonthAttendance> { [M(2026, 4)] = MonthAttendance.Absent };
        Assert.Equal(3, LapseRules.OrgLifeRun(late, M(2026, 6), new HashSet<DuesMonth>()).Months);
        // The branch stopped meeting after the member's last attendance: that is the branch's matter (L-01), not the member's.
        var quiet = new Dictionary<DuesMonth, MonthAttendance> { [M(2025, 6)] = MonthAttendance.Took };
        Assert.Equal(0, LapseRules.OrgLifeRun(quiet, M(2026, 6), new HashSet<DuesMonth>()).Months);
        Assert.Equal(0, LapseRules.OrgLifeRun(new Dictionary<DuesMonth, MonthAttendance>(), M(2026, 6), new HashSet<DuesMonth>()).Months);
    }

    private static readonly Dictionary<string, string> Names = new() { ["a"] = "王明", ["b"] = "李娜", ["x"] = "赵强" };

    [Fact]
    public void GradesWithoutACommitteeOrAssemblyRecord_AreRefused_L05()
    {
        var roster = new HashSet<string> { "a", "b" };
        var none = Assert.Single(AppraisalRules.Check(2026, null, null, ["a"], roster, Names));
        Assert.Equal(("L-05-appraisal", RuleSeverity.Block), (none.Rule, none.Severity));
        var themeDay = Assert.Single(AppraisalRules.Check(2026, [MeetingType.ThemePartyDay, MeetingType.DemocraticAppraisal],
            new DateOnly(2026, 12, 1), ["a"], roster, Names));
        Assert.Contains("主题党日", themeDay.Message, StringComparison.Ordinal);
        Assert.Empty(AppraisalRules.Check(2026, [MeetingType.DemocraticAppraisal, MeetingType.BranchAssembly], new DateOnly(2026, 12, 1),
            ["a", "b"], roster, Names));
        Assert.Empty(AppraisalRules.Check(2026, [MeetingType.BranchCommitteeMeeting], new DateOnly(2027, 3, 31), ["a"], roster, Names));
    }

    [Fact]
    public void TheDecisionFallsInTheYearOrTheFirstQuarterAfter_AndGradesOnlyTheBranchsMembersOnce_L05()
    {
        var roster = new HashSet<string> { "a", "b" };
        Assert.Contains("次年第一季度", Assert.Single(AppraisalRules.Check(2026, [MeetingType.BranchAssembly], new DateOnly(2027, 4, 1), ["a"], roster, Names)).Message,
            StringComparison.Ordinal);
        Assert.Single(AppraisalRules.Check(2026, [MeetingType.BranchAssembly], new DateOnly(2025, 12, 31), ["a"], roster, Names));
        Assert.Contains("王明", Assert.Single(AppraisalRules.Check(2026, [MeetingType.BranchAssembly], new DateOnly(2026, 12, 1), ["a", "a"], roster, Names)).Message,
            StringComparison.Ordinal);
        Assert.Contains("赵强", Assert.Single(AppraisalRules.Check(2026, [MeetingType.BranchAssembly], new DateOnly(2026, 12, 1), ["a", "x"], roster, Names)).Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("32", false)]
    [InlineData("31.5", true)]
    [InlineData("0", true)]
    [InlineData("40", false)]
    public void ThirtyTwoHoursAYear_L07(string hours, bool flagged) =>
        Assert.Equal(flagged, AppraisalRules.TrainingShort(decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture)));
}
