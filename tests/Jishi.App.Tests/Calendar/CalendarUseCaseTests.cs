using Jishi.App.Calendar;
using Jishi.App.Data;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Calendar;

public abstract class CalendarUseCaseTests : UseCaseTest
{
    /// <summary>
    /// A made-up 2027 notice in the holiday-cn format. 2027 has 261 weekdays (it starts and ends on a Friday); the file
    /// takes off four of them (Fri 01-01, Mon–Wed 02-08..10) and adds one working Saturday (02-13): 258 working days.
    /// </summary>
    private const string MadeUp2027 = """
        {"year":2027,"papers":["https://example.invalid/2027"],"days":[
          {"name":"元旦","date":"2027-01-01","isOffDay":true},
          {"name":"春节","date":"2027-02-08","isOffDay":true},
          {"name":"春节","date":"2027-02-09","isOffDay":true},
          {"name":"春节","date":"2027-02-10","isOffDay":true},
          {"name":"春节","date":"2027-02-13","isOffDay":false}
        ]}
        """;

    private async Task<OfficialCalendar> InitialisedCalendarAsync()
    {
        var calendar = new OfficialCalendar();
        await calendar.InitialiseAsync(Db(), Time);
        return calendar;
    }

    [Fact]
    public async Task InitialiseAsync_OnAnEmptyDatabase_LoadsTheShippedYears2013To2026()
    {
        var calendar = await InitialisedCalendarAsync();

        Assert.Equal(14, calendar.Current.LoadedYears.Count);
        Assert.Equal(Enumerable.Range(2013, 14), calendar.Current.LoadedYears);
        Assert.Equal(248, calendar.Current.CountWorkingDays(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal(14, await Db().CalendarYears.CountAsync());
        Assert.False(calendar.Current.IsLoaded(2027));
    }

    [Fact]
    public async Task InitialiseAsync_Twice_StoresEachYearOnce()
    {
        await InitialisedCalendarAsync();

        var again = await InitialisedCalendarAsync();

        Assert.Equal(14, again.Current.LoadedYears.Count);
        Assert.Equal(14, await Db().CalendarYears.CountAsync());
    }

    [Fact]
    public async Task ImportCalendarYear_OfAValid2027File_MakesItCountableAndSurvivesAReload()
    {
        var calendar = await InitialisedCalendarAsync();
        var e = Assert.Throws<RuleViolationException>(
            () => calendar.Current.CountWorkingDays(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)));
        Assert.Equal("G-03-working-days", Assert.Single(e.Refusals).Rule);

        var imported = await new ImportCalendarYear(Db(), calendar, Time).Handle(MadeUp2027, "国办发明电〔2026〕X号（测试）");

        Assert.Equal(2027, imported.Year);
        Assert.Equal(5, imported.Days.Count);
        Assert.Equal(258, calendar.Current.CountWorkingDays(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)));
        Assert.True(calendar.Current.IsWorkingDay(new DateOnly(2027, 2, 13)));
        Assert.False(calendar.Current.IsWorkingDay(new DateOnly(2027, 2, 8)));
        Assert.Equal(15, calendar.Current.LoadedYears.Count);

        var reloaded = await InitialisedCalendarAsync();
        Assert.True(reloaded.Current.IsLoaded(2027));
        Assert.Equal(258, reloaded.Current.CountWorkingDays(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)));
        Assert.Equal(248, reloaded.Current.CountWorkingDays(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        var record = await Db().CalendarYears.AsNoTracking().SingleAsync(c => c.Year == 2027);
        Assert.Equal("国办发明电〔2026〕X号（测试）", record.Source);
        Assert.Equal(Now, record.ImportedAt);
    }

    [Fact]
    public async Task ImportCalendarYear_WithAnEmptyDaysList_IsRefusedAndNothingIsStored()
    {
        var calendar = await InitialisedCalendarAsync();

        var e = await Assert.ThrowsAsync<InvalidInputException>(
            () => new ImportCalendarYear(Db(), calendar, Time).Handle("""{"year":2027,"days":[]}"""));

        AssertSingleField(e, "days");
        Assert.False(calendar.Current.IsLoaded(2027));
        Assert.Equal(14, await Db().CalendarYears.CountAsync());
    }

    [Fact]
    public async Task ImportCalendarYear_ByNonAdmin_IsForbiddenAndNothingIsStored()
    {
        var tree = await BuildTreeAsync();
        var calendar = await InitialisedCalendarAsync();

        await Assert.ThrowsAsync<ForbiddenException>(
            () => new ImportCalendarYear(Db(ManagerOf(tree.County)), calendar, Time).Handle(MadeUp2027));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => new ImportCalendarYear(Db(ViewerOf(tree.County)), calendar, Time).Handle(MadeUp2027));

        Assert.False(calendar.Current.IsLoaded(2027));
        Assert.Equal(14, await Db().CalendarYears.CountAsync());
    }

    [Fact]
    public async Task ImportCalendarYear_OfAYearAlreadyStored_ReplacesIt()
    {
        var calendar = await InitialisedCalendarAsync();
        await new ImportCalendarYear(Db(), calendar, Time).Handle(MadeUp2027);

        await new ImportCalendarYear(Db(), calendar, Time).Handle(
            """{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""");

        Assert.Equal(260, calendar.Current.CountWorkingDays(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)));
        Assert.Equal(15, await Db().CalendarYears.CountAsync());
        var reloaded = await InitialisedCalendarAsync();
        Assert.Equal(260, reloaded.Current.CountWorkingDays(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)));
    }
}

public sealed class CalendarUseCaseTests_Sqlite : CalendarUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class CalendarUseCaseTests_Postgres : CalendarUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
