using Jishi.Domain.Calendar;
using static Jishi.Domain.Tests.Calendar.CalendarTestFiles;

namespace Jishi.Domain.Tests.Calendar;

public sealed class StatutoryPeriodTests
{
    [Theory]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2024-01-31", 1, "2024-02-29")]
    [InlineData("2026-03-15", 1, "2026-04-15")]
    [InlineData("2026-03-31", 1, "2026-04-30")]
    [InlineData("2025-12-31", 2, "2026-02-28")]
    [InlineData("2026-08-31", 6, "2027-02-28")]
    [InlineData("2026-05-20", 12, "2027-05-20")]
    [InlineData("2026-05-20", 0, "2026-05-20")]
    public void MonthsAfter_CountsCalendarMonthsAndClampsToMonthEnd(string baseDate, int months, string expected) =>
        Assert.Equal(Date(expected), StatutoryPeriod.MonthsAfter(Date(baseDate), months));

    [Theory]
    [InlineData("2024-02-29", 1, "2025-02-28")]
    [InlineData("2024-02-29", 4, "2028-02-29")]
    [InlineData("2026-01-31", 1, "2027-01-31")]
    [InlineData("2023-03-01", 1, "2024-03-01")]
    public void YearsAfter_CountsCalendarYearsWithLeapDayFallingBackToTwentyEighthFebruary(
        string baseDate, int years, string expected) =>
        Assert.Equal(Date(expected), StatutoryPeriod.YearsAfter(Date(baseDate), years));

    [Theory]
    [InlineData("2026-02-27", "2026-02-28", true)]
    [InlineData("2026-02-28", "2026-02-28", true)]
    [InlineData("2026-03-01", "2026-02-28", false)]
    public void IsOnOrBefore_AnActOnTheDeadlineItselfIsInTime(string actual, string deadline, bool expected) =>
        Assert.Equal(expected, StatutoryPeriod.IsOnOrBefore(Date(actual), Date(deadline)));

    [Fact]
    public void MonthsAfter_NegativeMonths_IsAProgrammingError() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryPeriod.MonthsAfter(Date("2026-01-31"), -1));
}
