using Jishi.Domain.Calendar;
using Jishi.Domain.Rules;
using static Jishi.Domain.Tests.Calendar.CalendarTestFiles;

namespace Jishi.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static WorkingDayCalendar Calendar => Official;

    [Theory]
    [InlineData("2026-02-12", true)] // Thursday
    [InlineData("2026-02-13", true)] // Friday before the holiday
    [InlineData("2026-02-14", true)] // Saturday, 调休 worked
    [InlineData("2026-02-15", false)] // Sunday, 春节
    [InlineData("2026-02-16", false)] // Monday, 春节
    [InlineData("2026-02-17", false)] // 初一
    [InlineData("2026-02-20", false)] // Friday, 春节
    [InlineData("2026-02-21", false)] // Saturday, 春节
    [InlineData("2026-02-23", false)] // Monday, last day of 春节
    [InlineData("2026-02-24", true)] // Tuesday, back to work
    [InlineData("2026-02-28", true)] // Saturday, 调休 worked
    [InlineData("2026-03-01", false)] // plain Sunday
    public void IsWorkingDay_SpringFestival2026_FollowsTheNoticeIncludingWorkedSaturdays(string date, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(Date(date)));

    [Theory]
    [InlineData("2026-09-19", false)] // plain Saturday
    [InlineData("2026-09-20", true)] // Sunday, 调休 worked
    [InlineData("2026-09-25", false)] // Friday, 中秋节
    [InlineData("2026-09-28", true)]
    [InlineData("2026-09-30", true)]
    [InlineData("2026-10-01", false)]
    [InlineData("2026-10-02", false)]
    [InlineData("2026-10-03", false)]
    [InlineData("2026-10-04", false)]
    [InlineData("2026-10-05", false)]
    [InlineData("2026-10-06", false)]
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-08", true)] // Thursday: the 2026 notice ends the holiday on 10-07
    [InlineData("2026-10-10", true)] // Saturday, 调休 worked
    [InlineData("2026-10-11", false)] // plain Sunday
    public void IsWorkingDay_NationalDay2026_OffFirstToSeventhAndWorkedOnTwentiethSeptemberAndTenthOctober(
        string date, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(Date(date)));

    [Theory]
    [InlineData("2024-02-29", true)] // leap day, Thursday
    [InlineData("2018-12-29", true)] // Saturday worked under the 2019 notice
    [InlineData("2018-12-31", false)] // Monday off under the 2019 notice
    [InlineData("2015-09-03", false)] // 抗日战争胜利 70 周年纪念日
    public void IsWorkingDay_SpecialDays_FollowTheNotices(string date, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(Date(date)));

    [Theory]
    [InlineData("2026-02-01", "2026-02-28", 16)] // February 2026: 20 weekdays − 6 holidays + 2 worked Saturdays
    [InlineData("2026-02-13", "2026-02-24", 3)] // Fri 13, Sat 14, Tue 24
    [InlineData("2026-09-14", "2026-09-27", 10)] // includes worked Sunday 20, excludes 中秋 Friday 25
    [InlineData("2026-09-28", "2026-10-11", 6)] // 28, 29, 30, 8, 9, 10
    [InlineData("2026-10-01", "2026-10-01", 0)]
    [InlineData("2026-10-08", "2026-10-08", 1)]
    [InlineData("2026-01-31", "2026-02-01", 0)] // month boundary over a weekend
    [InlineData("2026-04-30", "2026-05-01", 1)] // month boundary into 劳动节
    [InlineData("2025-12-31", "2026-01-05", 3)] // year boundary: 12-31, 01-04 (worked Sunday), 01-05
    [InlineData("2024-02-28", "2024-03-01", 3)] // over the leap day
    [InlineData("2024-02-01", "2024-02-29", 18)] // February 2024 with 春节 and two worked Sundays
    [InlineData("2018-12-29", "2018-12-31", 1)] // arranged by the 2019 notice
    [InlineData("2026-01-01", "2026-12-31", 248)]
    [InlineData("2016-01-01", "2025-12-31", 2495)] // ten years
    [InlineData("2013-01-01", "2026-12-31", 3492)] // every loaded year
    public void CountWorkingDays_InclusiveRange_ExcludesHolidaysAndCountsWorkedWeekends(
        string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.CountWorkingDays(Date(from), Date(to)));

    [Fact]
    public void CountWorkingDays_SpringFestival2026_ExcludesHolidaysAndCountsWorkedSaturdays()
    {
        // 02-15 (Sun) .. 02-23 (Mon) are all off; Saturdays 02-14 and 02-28 are worked.
        Assert.Equal(0, Calendar.CountWorkingDays(Date("2026-02-15"), Date("2026-02-23")));
        Assert.Equal(1, Calendar.CountWorkingDays(Date("2026-02-14"), Date("2026-02-14")));
        Assert.Equal(1, Calendar.CountWorkingDays(Date("2026-02-28"), Date("2026-02-28")));
        // February 2026: 20 weekdays − 6 weekday holidays (16..20, 23) + 2 worked Saturdays.
        Assert.Equal(20 - 6 + 2, Calendar.CountWorkingDays(Date("2026-02-01"), Date("2026-02-28")));
    }

    [Fact]
    public void CountWorkingDays_ToBeforeFrom_IsInvalidInputOnTo()
    {
        var exception = Assert.Throws<InvalidInputException>(
            () => Calendar.CountWorkingDays(Date("2026-03-02"), Date("2026-03-01")));
        Assert.Equal("to", Assert.Single(exception.Errors).Field);
    }

    [Theory]
    [InlineData("2026-02-13", 5, "2026-02-26")] // 公示 from the Friday before 春节: 13, 14, 24, 25, 26
    [InlineData("2026-04-03", 5, "2026-04-10")] // Friday before 清明节
    [InlineData("2026-09-18", 5, "2026-09-23")] // over the worked Sunday 09-20
    [InlineData("2026-09-30", 5, "2026-10-12")] // 30, 8, 9, 10 (worked Saturday), 12
    [InlineData("2026-10-01", 5, "2026-10-13")] // starts on a holiday: day 1 is 10-08
    [InlineData("2026-03-07", 1, "2026-03-09")] // starts on a Saturday
    [InlineData("2026-03-09", 1, "2026-03-09")] // a working start is day 1
    [InlineData("2025-12-26", 10, "2026-01-09")] // across the year end and 元旦
    [InlineData("2026-01-01", 248, "2026-12-31")]
    public void AddWorkingDays_PeriodBeginningOnStart_EndsOnTheNthWorkingDay(string start, int days, string expected) =>
        Assert.Equal(Date(expected), Calendar.AddWorkingDays(Date(start), days));

    [Fact]
    public void AddWorkingDays_AgreesWithCountWorkingDaysForEveryStartIn2025()
    {
        for (var start = Date("2025-01-01"); start.Year == 2025; start = start.AddDays(1))
        {
            foreach (var days in new[] { 1, 5, 20, 100 })
            {
                var end = Calendar.AddWorkingDays(start, days);
                Assert.True(Calendar.IsWorkingDay(end), $"{start} + {days} → {end} is not a working day");
                Assert.Equal(days, Calendar.CountWorkingDays(start, end));
            }
        }
    }

    [Fact]
    public void AddWorkingDays_ZeroDays_IsInvalidInput()
    {
        var exception = Assert.Throws<InvalidInputException>(() => Calendar.AddWorkingDays(Date("2026-03-09"), 0));
        Assert.Equal("workingDays", Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void CountWorkingDays_RangeCrossingInto2027_IsRefusedUnderG03NamingTheYear() =>
        AssertRefusedFor(2027, () => Calendar.CountWorkingDays(Date("2026-12-01"), Date("2027-01-31")));

    [Fact]
    public void CountWorkingDays_RangeStartingBefore2013_IsRefusedUnderG03NamingTheYear() =>
        AssertRefusedFor(2012, () => Calendar.CountWorkingDays(Date("2012-12-24"), Date("2013-01-10")));

    [Fact]
    public void IsWorkingDay_LeapDay2028_IsRefusedBecause2028IsNotLoaded() =>
        AssertRefusedFor(2028, () => Calendar.IsWorkingDay(Date("2028-02-29")));

    [Fact]
    public void AddWorkingDays_PeriodRunningInto2027_IsRefusedRatherThanCountingPlainWeekdays() =>
        AssertRefusedFor(2027, () => Calendar.AddWorkingDays(Date("2026-12-28"), 10));

    [Fact]
    public void CountWorkingDays_SeveralMissingYears_NamesThemAll()
    {
        var exception = Assert.Throws<RuleViolationException>(
            () => Calendar.CountWorkingDays(Date("2026-06-01"), Date("2028-06-01")));
        Assert.Contains("2027、2028 年", Assert.Single(exception.Refusals).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadedYears_OfficialCalendar_Are2013To2026AndNot2027()
    {
        Assert.Equal(Enumerable.Range(2013, 14), Calendar.LoadedYears);
        Assert.True(Calendar.IsLoaded(2026));
        Assert.False(Calendar.IsLoaded(2027));
    }

    [Fact]
    public void Constructor_ArrangementsOfTheSameYear_AreMerged()
    {
        var calendar = new WorkingDayCalendar(
        [
            new CalendarYear(2026, [new CalendarDay(Date("2026-10-01"), "国庆节", true)]),
            new CalendarYear(2026, [new CalendarDay(Date("2026-10-10"), "国庆节", false)]),
        ]);

        Assert.False(calendar.IsWorkingDay(Date("2026-10-01")));
        Assert.True(calendar.IsWorkingDay(Date("2026-10-10")));
        Assert.Equal([2026], calendar.LoadedYears);
    }

    [Fact]
    public void Constructor_DayListedAsHolidayAndAsWorkingDay_IsInvalidInput()
    {
        var exception = Assert.Throws<InvalidInputException>(() => new WorkingDayCalendar(
        [
            new CalendarYear(2026, [new CalendarDay(Date("2026-10-10"), "国庆节", true)]),
            new CalendarYear(2026, [new CalendarDay(Date("2026-10-10"), "国庆节", false)]),
        ]));
        Assert.Equal("years[1].days[0].date", Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void Constructor_DayOutsideItsYear_IsInvalidInput()
    {
        var exception = Assert.Throws<InvalidInputException>(() => new WorkingDayCalendar(
            [new CalendarYear(2026, [new CalendarDay(Date("2025-10-01"), "国庆节", true)])]));
        Assert.Equal("years[0].days[0].date", Assert.Single(exception.Errors).Field);
    }

    private static void AssertRefusedFor(int missingYear, Action act)
    {
        var exception = Assert.Throws<RuleViolationException>(act);
        var refusal = Assert.Single(exception.Refusals);
        Assert.Equal("G-03-working-days", refusal.Rule);
        Assert.Equal(RuleSeverity.Block, refusal.Severity);
        Assert.Equal("通用约定 G-03", refusal.Article);
        Assert.Equal($"{missingYear} 年的国务院办公厅节假日安排尚未载入，无法计算工作日", refusal.Message);
    }
}
