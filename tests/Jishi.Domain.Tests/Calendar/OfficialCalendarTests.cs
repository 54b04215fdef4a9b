using System.Text.Json;
using Jishi.Domain.Calendar;
using static Jishi.Domain.Tests.Calendar.CalendarTestFiles;

namespace Jishi.Domain.Tests.Calendar;

/// <summary>
/// The shipped calendar file against the holiday-cn facts 2013–2026, read here without the production parser. A
/// notice may arrange days of the previous December (2019 → 2018-12-29..31), so facts are indexed by date over all
/// files.
/// </summary>
public sealed class OfficialCalendarTests
{
    private const int FirstYear = 2013;
    private const int LastYear = 2026;

    private static readonly Lazy<Dictionary<DateOnly, bool>> Facts = new(ReadFacts);

    [Fact]
    public void OfficialCalendar_EveryDate2013To2026_AgreesWithTheFacts()
    {
        var mismatches = new List<string>();
        for (var date = new DateOnly(FirstYear, 1, 1); date.Year <= LastYear; date = date.AddDays(1))
        {
            var expected = ExpectedWorkingDay(date);
            if (Official.IsWorkingDay(date) != expected)
            {
                mismatches.Add($"{date:yyyy-MM-dd} expected {(expected ? "working" : "off")}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void OfficialCalendar_YearlyTotals_AgreeWithTheFacts()
    {
        for (var year = FirstYear; year <= LastYear; year++)
        {
            var expected = 0;
            for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
            {
                expected += ExpectedWorkingDay(date) ? 1 : 0;
            }

            Assert.Equal(
                (year, expected),
                (year, Official.CountWorkingDays(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))));
        }
    }

    [Theory]
    // 2026: 261 weekdays − 19 weekday holidays (元旦 2, 春节 6, 清明 1, 劳动 3, 端午 1, 中秋 1, 国庆 5)
    //       + 6 worked weekend days (01-04, 02-14, 02-28, 05-09, 09-20, 10-10) = 248.
    [InlineData(2026, 248)]
    [InlineData(2025, 248)]
    [InlineData(2024, 251)]
    [InlineData(2018, 250)]
    [InlineData(2013, 250)]
    public void OfficialCalendar_YearlyTotal_MatchesTheHandCount(int year, int expected) =>
        Assert.Equal(expected, Official.CountWorkingDays(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)));

    [Fact]
    public void OfficialCalendar_LoadsExactlyThePublishedYears() =>
        Assert.Equal(Enumerable.Range(FirstYear, LastYear - FirstYear + 1), Official.LoadedYears);

    [Fact]
    public void CalendarImportedFromHolidayCnFiles_AgreesWithTheOfficialCalendarOnEveryDate()
    {
        var imported = new WorkingDayCalendar(Enumerable.Range(FirstYear, LastYear - FirstYear + 1)
            .SelectMany(year => CalendarFile.ParseHolidayCn(File.ReadAllText(HolidayCnFile(year)))));

        Assert.Equal(Official.LoadedYears, imported.LoadedYears);
        for (var date = new DateOnly(FirstYear, 1, 1); date.Year <= LastYear; date = date.AddDays(1))
        {
            Assert.True(Official.IsWorkingDay(date) == imported.IsWorkingDay(date), $"{date:yyyy-MM-dd}");
        }
    }

    private static bool ExpectedWorkingDay(DateOnly date) =>
        Facts.Value.TryGetValue(date, out var isOffDay)
            ? !isOffDay
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static Dictionary<DateOnly, bool> ReadFacts()
    {
        var facts = new Dictionary<DateOnly, bool>();
        for (var year = FirstYear; year <= LastYear; year++)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(HolidayCnFile(year)));
            Assert.Equal(year, document.RootElement.GetProperty("year").GetInt32());
            foreach (var day in document.RootElement.GetProperty("days").EnumerateArray())
            {
                var date = Date(day.GetProperty("date").GetString()!);
                var isOffDay = day.GetProperty("isOffDay").GetBoolean();
                Assert.True(
                    facts.TryAdd(date, isOffDay) || facts[date] == isOffDay,
                    $"{date:yyyy-MM-dd} is contradictory in the facts");
            }
        }

        return facts;
    }
}
