using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Jishi.Web.Components.Cases;
using Jishi.Web.Tests.Cases;

namespace Jishi.Web.Tests.Alerts;

public sealed class AlertsWebTests_Sqlite(JishiFactory factory) : AlertsWebTests(factory), IClassFixture<JishiFactory>;

public sealed class AlertsWebTests_Postgres(PostgresJishiFactory fixture) : AlertsWebTests(fixture.Factory), IClassFixture<PostgresJishiFactory>
{
    [Fact]
    public void TheApplicationRunsOnPostgres() => Assert.True(Factory.UsesPostgres);
}

/// <summary>
/// The start page, the alerts page and the calendar feed, over data created through the API. A user bound to branch A
/// sees A's three cases (deadline R-07: received + 1 month; today is 2026-11-22): one overdue (11-01), one due soon
/// (12-01), one later (12-20); branch B's overdue case is outside the user's scope.
/// </summary>
public abstract partial class AlertsWebTests(JishiFactory factory)
{
    private const string Rule = "R-07-talk-within-1-month";
    private const string Password = "feed-pass-1234";
    private const string OddName = @"王,小;明\甲";
    private const string LongName = "欧阳长长长长长长长长长长长长长长长长长长长长长长长长长长名字";

    protected JishiFactory Factory { get; } = factory;

    private sealed record World(string BranchA, string BranchB, string Overdue, string DueSoon, string Later, string Outside, string UserName);

    [Fact]
    public async Task Feed_IsTextCalendar_WithOneEventPerOutstandingDeadlineOfTheUsersScope()
    {
        var w = await CreateWorldAsync();
        using var browser = await LogInAsync(w.UserName);
        var (url, token) = await CreateFeedAsync(browser);

        using var response = await GetFeedAsync(token);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.StartsWith("http://localhost/feeds/jcf_", url, StringComparison.Ordinal);
        var text = Unfold(body);
        var events = Events(text);
        Assert.Equal(3, events.Count);
        Assert.Equal([$"{w.Overdue}-{Rule}@jishi", $"{w.DueSoon}-{Rule}@jishi", $"{w.Later}-{Rule}@jishi"],
            events.Select(e => Property(e, "UID")));
        Assert.DoesNotContain(w.Outside, body, StringComparison.Ordinal);
        Assert.Equal(["20261101", "20261201", "20261220"], events.Select(e => Property(e, "DTSTART;VALUE=DATE")));
        Assert.All(events, e => Assert.Equal("20261122T020000Z", Property(e, "DTSTAMP")));
        Assert.StartsWith("逾期：", Property(events[0], "SUMMARY"), StringComparison.Ordinal);
        Assert.StartsWith("到期：", Property(events[1], "SUMMARY"), StringComparison.Ordinal);
        Assert.EndsWith(" · " + LongName, Property(events[1], "SUMMARY"), StringComparison.Ordinal);
        Assert.Contains(Rule, Property(events[1], "DESCRIPTION"), StringComparison.Ordinal);
        Assert.Contains($"http://localhost/cases/{w.DueSoon}", Property(events[1], "DESCRIPTION"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_HasTheDeadlinesOfEveryProcedure_EachLinkingToItsOwnPage()
    {
        var w = await CreateWorldAsync();
        var admin = Factory.Admin();
        var person = await admin.CreatePersonAsync("孙失联", IdNumbers.Unique(), w.BranchA);
        var member = (await admin.PostAsync("/api/v1/members",
            new { personId = person, orgId = w.BranchA, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id;
        var lost = await admin.PostAsync("/api/v1/lost-contacts", new { memberId = member, lostSinceDate = "2026-01-31", circumstance = "WorkingAway", date = "2026-02-20" });
        Assert.True(lost.Status == 201, lost.ToString());
        using var browser = await LogInAsync(w.UserName);
        var (_, token) = await CreateFeedAsync(browser);

        using var response = await GetFeedAsync(token);
        var events = Events(Unfold(await response.Content.ReadAsStringAsync()));

        var suspension = Assert.Single(events, e => Property(e, "UID") == $"{lost.Id}-F-05-suspension@jishi");
        Assert.Equal("20260731", Property(suspension, "DTSTART;VALUE=DATE")); // six months after 2026-01-31 (G-01)
        Assert.Equal("逾期：失联满6个月停止党籍（F-05） · 孙失联", Property(suspension, "SUMMARY"));
        Assert.Contains($"http://localhost/lost-contacts/{lost.Id}", Property(suspension, "DESCRIPTION"), StringComparison.Ordinal);
        Assert.Contains("党员：孙失联", Property(suspension, "DESCRIPTION"), StringComparison.Ordinal);
        Assert.Equal(4, events.Count); // the three cases' deadlines and this one; nothing of the other branch
    }

    [Fact]
    public async Task Feed_HasTheOrganisationsObligationsOfTheAlerts_OneStableEventPerOrgRuleAndPeriod_LinkingToWhereTheyAreMet()
    {
        var w = await CreateWorldAsync();
        var admin = Factory.Admin();
        // L-01-frequencies: a branch assembly on 2026-01-15 starts the record of branch A's (and B's) organisational life;
        // the quarters after it went without one.
        foreach (var branch in new[] { w.BranchA, w.BranchB })
        {
            var person = await admin.CreatePersonAsync("组织生活党员", IdNumbers.Unique(), branch);
            var member = (await admin.PostAsync("/api/v1/members",
                new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id;
            var meeting = await admin.PostAsync("/api/v1/meetings", new
            {
                orgId = branch,
                type = "BranchAssembly",
                date = "2026-01-15",
                topics = new[] { "学习党章" },
                attendance = new object[] { new { memberId = member, status = "Present" } },
            });
            Assert.True(meeting.Status == 201, meeting.ToString());
        }

        var alerts = await admin.GetOkAsync($"/api/v1/alerts?orgId={w.BranchA}");
        Assert.Contains(alerts.GetProperty("items").EnumerateArray(), a => a.GetProperty("rule").GetString() == "L-01-frequencies");
        using var browser = await LogInAsync(w.UserName);
        var (_, token) = await CreateFeedAsync(browser);

        using var response = await GetFeedAsync(token);
        var events = Events(Unfold(await response.Content.ReadAsStringAsync()));

        var q2 = Assert.Single(events, e => Property(e, "UID") == $"{w.BranchA}-L-01-frequencies-2026-Q2-BranchAssembly@jishi");
        Assert.Equal("20260630", Property(q2, "DTSTART;VALUE=DATE"));
        Assert.StartsWith("逾期：", Property(q2, "SUMMARY"), StringComparison.Ordinal);
        Assert.EndsWith(" · 第一党支部", Property(q2, "SUMMARY"), StringComparison.Ordinal);
        Assert.Contains("L-01-frequencies", Property(q2, "DESCRIPTION"), StringComparison.Ordinal);
        Assert.Contains($"http://localhost/orgs/{w.BranchA}", Property(q2, "DESCRIPTION"), StringComparison.Ordinal);
        Assert.Equal($"http://localhost/orgs/{w.BranchA}", Property(q2, "URL"));
        Assert.Contains(events, e => Property(e, "UID") == $"{w.BranchA}-L-01-frequencies-2026-Q3-BranchAssembly@jishi");
        Assert.DoesNotContain(events, e => Property(e, "UID").StartsWith(w.BranchB, StringComparison.Ordinal));
        Assert.Equal(events.Count, events.Select(e => Property(e, "UID")).Distinct().Count());
        Assert.Equal(3, events.Count(e => Property(e, "UID").EndsWith("-R-07-talk-within-1-month@jishi", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Feed_UsesCrlf_FoldsAt75Octets_AndEscapesText()
    {
        var w = await CreateWorldAsync();
        using var browser = await LogInAsync(w.UserName);
        var (_, token) = await CreateFeedAsync(browser);

        using var response = await GetFeedAsync(token);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var body = Encoding.UTF8.GetString(bytes);

        Assert.EndsWith("END:VCALENDAR\r\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", body.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", body.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = body.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.Contains(lines, l => l.StartsWith(' '));
        var overdue = Events(Unfold(body))[0];
        Assert.Equal($@"逾期：{Escaped(Labels.Deadline(Rule))} · 王\,小\;明\\甲", Property(overdue, "SUMMARY"));
        Assert.Contains(@"\n个案：http://localhost/cases/" + w.Overdue, Property(overdue, "DESCRIPTION"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_ARevokedToken_Is404()
    {
        var w = await CreateWorldAsync();
        using var browser = await LogInAsync(w.UserName);
        var (_, token) = await CreateFeedAsync(browser);
        using (var before = await GetFeedAsync(token))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var page = await PostFormAsync(browser, "/alerts", "revoke-feeds");
        Assert.Contains("已撤销 1 个订阅地址", page, StringComparison.Ordinal);

        using var after = await GetFeedAsync(token);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task AFeedToken_UsedAsAnApiBearerToken_Is401()
    {
        var w = await CreateWorldAsync();
        using var browser = await LogInAsync(w.UserName);
        var (_, token) = await CreateFeedAsync(browser);

        var reply = await Factory.As(token).GetAsync("/api/v1/cases");

        Assert.Equal(401, reply.Status);
    }

    [Fact]
    public async Task Feed_AnUnknownToken_OrAnApiToken_Is404()
    {
        var w = await CreateWorldAsync();
        var admin = Factory.Admin();
        var users = await admin.GetOkAsync("/api/v1/users");
        var userId = users.EnumerateArray().First(u => u.GetProperty("userName").GetString() == w.UserName).GetProperty("id").GetString();
        var apiToken = (await admin.PostAsync($"/api/v1/users/{userId}/tokens", new { })).Json.GetProperty("token").GetString()!;

        using var unknown = await GetFeedAsync("jcf_" + new string('A', 43));
        using var notAFeedToken = await GetFeedAsync(apiToken);
        using var garbage = await GetFeedAsync("x");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAFeedToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
    }

    [Fact]
    public async Task AlertsPage_ListsOverdueAndDueSoonDeadlinesOfTheUsersScope()
    {
        var w = await CreateWorldAsync();
        using var browser = await LogInAsync(w.UserName);

        var html = await GetPageAsync(browser, "/alerts");

        Assert.Contains("<h1>期限提醒</h1>", html, StringComparison.Ordinal);
        Assert.Contains("已逾期", html, StringComparison.Ordinal);
        Assert.Contains("即将到期", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cases/{w.Overdue}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cases/{w.DueSoon}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(w.Later, html, StringComparison.Ordinal);
        Assert.DoesNotContain(w.Outside, html, StringComparison.Ordinal);
        Assert.Contains("逾期 21 天", html, StringComparison.Ordinal);
        Assert.Contains("还剩 9 天", html, StringComparison.Ordinal);
        Assert.Contains(LongName, html, StringComparison.Ordinal);
        Assert.Contains(Rule, html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(w.Overdue, StringComparison.Ordinal) < html.IndexOf(w.DueSoon, StringComparison.Ordinal));
        Assert.Contains("订阅日历", html, StringComparison.Ordinal);

        var wider = await GetPageAsync(browser, "/alerts?withinDays=30");
        Assert.Contains($"href=\"/cases/{w.Later}\"", wider, StringComparison.Ordinal);
        var outside = await GetPageAsync(browser, $"/alerts?orgId={w.BranchB}");
        Assert.Contains("class=\"error\"", outside, StringComparison.Ordinal);
        Assert.DoesNotContain(w.Outside, outside, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ShowsTheFiguresAndRecentStepsOfTheUsersScope()
    {
        var w = await CreateWorldAsync();
        using var browser = await LogInAsync(w.UserName);

        var html = await GetPageAsync(browser, "/");

        Assert.Contains("<h1>工作台</h1>", html, StringComparison.Ordinal);
        Assert.Contains("data-stage=\"Applicant\">3<", html, StringComparison.Ordinal);
        Assert.Contains("data-stage=\"Activist\">0<", html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"overdue\">1<", html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"due-soon\">1<", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/cases?stage=Applicant&amp;status=Open\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/alerts", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cases/{w.Overdue}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cases/{w.Later}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(w.Outside, html, StringComparison.Ordinal);
        Assert.Contains("收到入党申请书", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-20", html, StringComparison.Ordinal);
    }

    private async Task<World> CreateWorldAsync()
    {
        var admin = Factory.Admin();
        var county = await admin.PostAsync("/api/v1/orgs", new { name = "某县委", type = "CountyCommittee", hasAdmissionApprovalAuthority = true });
        Assert.True(county.Status == 201, county.ToString());
        var primary = await admin.PostAsync("/api/v1/orgs", new
        {
            name = "某公司党委",
            type = "PrimaryCommittee",
            parentId = county.Id,
            hasAdmissionApprovalAuthority = true,
            hasCommittee = true,
        });
        Assert.True(primary.Status == 201, primary.ToString());
        var a = await admin.PostAsync("/api/v1/orgs", new { name = "第一党支部", type = "Branch", parentId = primary.Id, hasCommittee = true });
        var b = await admin.PostAsync("/api/v1/orgs", new { name = "第二党支部", type = "Branch", parentId = primary.Id, hasCommittee = true });
        Assert.True(a.Status == 201 && b.Status == 201, a + " " + b);

        var overdue = await OpenCaseAsync(admin, OddName, a.Id, "2026-10-01");
        var dueSoon = await OpenCaseAsync(admin, LongName, a.Id, "2026-11-01");
        var later = await OpenCaseAsync(admin, "李后", a.Id, "2026-11-20");
        var outside = await OpenCaseAsync(admin, "赵外", b.Id, "2026-10-01");

        var userName = $"u{Guid.NewGuid():N}"[..20];
        var user = await admin.PostAsync("/api/v1/users", new { userName, displayName = "支部书记", orgId = a.Id, role = "Viewer", password = Password });
        Assert.True(user.Status == 201, user.ToString());
        return new World(a.Id, b.Id, overdue, dueSoon, later, outside, userName);
    }

    private static async Task<string> OpenCaseAsync(ApiClient admin, string name, string orgId, string received)
    {
        var personId = await admin.CreatePersonAsync(name, IdNumbers.Unique(), orgId);
        var reply = await admin.PostAsync("/api/v1/cases", new
        {
            personId,
            orgId,
            applicationReceivedDate = received,
            receivingOrgRelation = "ResidenceOrg",
        });
        Assert.True(reply.Status == 201, reply.ToString());
        return reply.Id;
    }

    /// <summary>Logs in through the login form; the returned client keeps the authentication cookie.</summary>
    private async Task<HttpClient> LogInAsync(string userName)
    {
        var http = Factory.Anonymous();
        var page = await GetPageAsync(http, "/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        });
        using var response = await http.PostAsync(new Uri("/login", UriKind.Relative), form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return http;
    }

    private static async Task<(string Url, string Token)> CreateFeedAsync(HttpClient browser)
    {
        var html = await PostFormAsync(browser, "/alerts", "create-feed");
        var match = FeedUrlPattern().Match(html);
        Assert.True(match.Success, html);
        return (WebUtility.HtmlDecode(match.Groups[1].Value), match.Groups[2].Value);
    }

    private async Task<HttpResponseMessage> GetFeedAsync(string token)
    {
        using var http = Factory.Anonymous();
        return await http.GetAsync(new Uri($"/feeds/{token}.ics", UriKind.Relative));
    }

    private static async Task<string> GetPageAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }

    private static async Task<string> PostFormAsync(HttpClient http, string url, string handler)
    {
        var page = await GetPageAsync(http, url);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        });
        using var response = await http.PostAsync(new Uri(url, UriKind.Relative), form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {url} ({handler}): {(int)response.StatusCode} {html}");
        return html;
    }

    private static string AntiforgeryToken(string html)
    {
        var input = AntiforgeryInputPattern().Match(html);
        Assert.True(input.Success, "no antiforgery token in: " + html);
        return WebUtility.HtmlDecode(ValuePattern().Match(input.Value).Groups[1].Value);
    }

    private static string Escaped(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal);

    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);

    private static List<string> Events(string unfolded) =>
        unfolded.Split("BEGIN:VEVENT\r\n").Skip(1).Select(e => e[..e.IndexOf("END:VEVENT", StringComparison.Ordinal)]).ToList();

    private static string Property(string vevent, string name) =>
        vevent.Split("\r\n").Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..];

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex AntiforgeryInputPattern();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValuePattern();

    [GeneratedRegex("value=\"(https?://[^\"]+/feeds/(jcf_[A-Za-z0-9_-]+)\\.ics)\"")]
    private static partial Regex FeedUrlPattern();
}
