namespace Jishi.Web.Tests.Api;

public sealed class CalendarEndpointsTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    // Counted by hand from the State Council's 2026 arrangement (data/holidays-cn/2026.json):
    // 春节: 02-14 (Sat) and 02-28 (Sat) are worked, 02-15..02-23 are off; 02-24..02-27 are ordinary weekdays
    //   → 02-14, 02-24, 02-25, 02-26, 02-27, 02-28 = 6.
    // 国庆/中秋: 09-20 (Sun) worked; 09-21..09-24 weekdays; 09-25..09-27 off; 09-28..09-30 weekdays; 10-01..10-07 off;
    //   10-08, 10-09 weekdays; 10-10 (Sat) worked → 09-28..10-10 = 3 + 2 + 1 = 6; 09-20..10-10 = 1 + 4 + 6 = 11.
    // 元旦: 2025-12-29..31 Mon–Wed worked; 2026-01-01..03 off; 01-04 (Sun) worked; 01-05 Mon → 5.
    // The whole of 2026: 261 weekdays − 19 weekday holidays + 6 worked weekend days = 248.
    [Theory]
    [InlineData("2026-02-14", "2026-02-28", 6)]
    [InlineData("2026-02-15", "2026-02-23", 0)]
    [InlineData("2026-02-14", "2026-02-14", 1)]
    [InlineData("2026-02-28", "2026-02-28", 1)]
    [InlineData("2026-09-28", "2026-10-10", 6)]
    [InlineData("2026-09-20", "2026-10-10", 11)]
    [InlineData("2026-09-20", "2026-09-20", 1)]
    [InlineData("2026-10-10", "2026-10-10", 1)]
    [InlineData("2025-12-29", "2026-01-05", 5)]
    [InlineData("2026-01-01", "2026-12-31", 248)]
    public async Task WorkingDays_CountsInclusivelyUnderTheOfficialCalendar(string from, string to, int expected)
    {
        var reply = await admin.GetAsync($"/api/v1/calendar/working-days?from={from}&to={to}");

        Assert.True(reply.Status == 200, reply.ToString());
        Assert.Equal("application/json", reply.MediaType);
        var json = reply.Json;
        Assert.Equal(from, json.GetProperty("from").GetString());
        Assert.Equal(to, json.GetProperty("to").GetString());
        Assert.Equal(expected, json.GetProperty("workingDays").GetInt32());
    }

    [Theory]
    [InlineData("2026-12-31", "2027-01-01")]
    [InlineData("2027-01-04", "2027-01-08")]
    [InlineData("2026-02-14", "2028-02-14")]
    public async Task ARangeReachingAYearNotLoaded_IsRefusedByG03(string from, string to)
    {
        var reply = await admin.GetAsync($"/api/v1/calendar/working-days?from={from}&to={to}");

        Problem.AssertRefused(reply, "G-03-working-days");
    }

    [Fact]
    public async Task FromAfterTo_Is400()
    {
        var reply = await admin.GetAsync("/api/v1/calendar/working-days?from=2026-02-28&to=2026-02-14");

        var problem = Problem.Assert(reply, 400);
        Assert.True(problem.TryGetProperty("errors", out _), reply.Body);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-2-14")]
    [InlineData("20260214")]
    [InlineData("yesterday")]
    [InlineData("")]
    public async Task ABadFromDate_Is400NamingFrom(string from)
    {
        var reply = await admin.GetAsync($"/api/v1/calendar/working-days?from={Uri.EscapeDataString(from)}&to=2026-02-28");

        Problem.AssertInvalid(reply, "from");
    }

    [Fact]
    public async Task AMissingFrom_Is400NamingFrom()
    {
        var reply = await admin.GetAsync("/api/v1/calendar/working-days?to=2026-02-28");

        Problem.AssertInvalid(reply, "from");
    }

    [Fact]
    public async Task ABadToDate_Is400NamingTo()
    {
        var reply = await admin.GetAsync("/api/v1/calendar/working-days?from=2026-02-14&to=2026-13-01");

        Problem.AssertInvalid(reply, "to");
    }

    [Fact]
    public async Task WorkingDays_WithoutAToken_Is401()
    {
        var reply = await new ApiClient(factory.Anonymous()).GetAsync("/api/v1/calendar/working-days?from=2026-02-14&to=2026-02-28");

        Problem.Assert(reply, 401);
    }

    [Fact]
    public async Task AViewer_MayCountWorkingDays()
    {
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");
        var viewer = await factory.UserAsync("Viewer", county);

        var reply = await viewer.GetAsync("/api/v1/calendar/working-days?from=2026-02-14&to=2026-02-28");

        Assert.Equal(200, reply.Status);
        Assert.Equal(6, reply.Json.GetProperty("workingDays").GetInt32());
    }
}
