using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jishi.Bench;

/// <summary>
/// The case page of a case with 40 events: GET /cases/{id} (static server-side rendering with the cookie login,
/// including every database query) and GET /api/v1/cases/{id} (JSON with a bearer token), each timed sequentially
/// with a stopwatch around the whole request and the reading of the body, after a warm-up.
/// </summary>
public static partial class CasePageBench
{
    private const double TargetMs = 100;
    private const string Password = "bench-Passw0rd!";

    public static async Task RunAsync(string provider, string? adminConnection, int iterations, int warmUp, bool listQueries)
    {
        PrintMachine(provider, iterations, warmUp);
        using var probe = DbProbe.Start();
        using var host = new BenchHost(provider, adminConnection);
        var setup = Stopwatch.StartNew();
        using var apiHttp = host.Client();
        var admin = new Api(apiHttp, host.BootstrapToken);
        _ = await admin.GetAsync("/api/v1/orgs?parentId=");
        Console.WriteLine($"host       started in {setup.Elapsed.TotalMilliseconds:F0} ms; data: {host.Where}");

        var recording = Stopwatch.StartNew();
        var journey = await CaseJourney.RecordAsync(admin);
        recording.Stop();

        // A Manager of the branch, with a password for the login form and a token for the API.
        var user = await admin.PostAsync("/api/v1/users", new
        {
            userName = "bench-manager",
            displayName = "基准测试",
            orgId = journey.Branch,
            role = "Manager",
            password = Password,
        });
        var userId = user.GetProperty("id").GetString()!;
        var token = (await admin.PostAsync($"/api/v1/users/{userId}/tokens", new { })).GetProperty("token").GetString()!;
        var manager = new Api(apiHttp, token);

        var @case = await manager.GetAsync($"/api/v1/cases/{journey.CaseId}");
        var events = @case.GetProperty("events").GetArrayLength();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"case       {journey.CaseId}: {events} events, stage {@case.GetProperty("stage").GetString()}, status {@case.GetProperty("status").GetString()}, version {@case.GetProperty("version").GetInt32()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recording  {CaseJourney.EventCount - 1} steps (+ the case) through the API took {recording.Elapsed.TotalMilliseconds:F0} ms, incl. organisations, registry, person"));
        if (events != CaseJourney.EventCount)
        {
            throw new InvalidOperationException($"the case has {events} events, not {CaseJourney.EventCount}");
        }

        using var browser = host.Client();
        await LogInAsync(browser, "bench-manager", Password);

        var pageUrl = $"/cases/{journey.CaseId}";
        var html = await GetPageAsync(browser, pageUrl);
        var htmlBytes = System.Text.Encoding.UTF8.GetByteCount(html);
        var timelineItems = EventItem().Count(html);
        if (!html.Contains($"纪实记录 {CaseJourney.EventCount} 条", StringComparison.Ordinal) || timelineItems != CaseJourney.EventCount)
        {
            throw new InvalidOperationException($"the page does not show the {CaseJourney.EventCount} events ({timelineItems} timeline items)");
        }

        var jsonBytes = (await GetBytesAsync(apiHttp, manager, journey.CaseId)).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"page       {pageUrl}: {htmlBytes:N0} bytes of HTML (UTF-8), {timelineItems} timeline items; JSON {jsonBytes:N0} bytes"));

        for (var i = 0; i < warmUp; i++)
        {
            await GetPageAsync(browser, pageUrl);
            await GetBytesAsync(apiHttp, manager, journey.CaseId);
        }

        var page = await MeasureAsync(probe, iterations, () => GetPageAsync(browser, pageUrl));
        var json = await MeasureAsync(probe, iterations, () => GetBytesAsync(apiHttp, manager, journey.CaseId));

        Console.WriteLine();
        Console.WriteLine($"GET /cases/{{id}}        (HTML, cookie)  {page.Stats}");
        Console.WriteLine($"                                        {page.PerRequest}");
        Console.WriteLine($"GET /api/v1/cases/{{id}} (JSON, bearer)  {json.Stats}");
        Console.WriteLine($"                                        {json.PerRequest}");

        if (listQueries)
        {
            await ListQueriesAsync(probe, "GET /cases/{id}", () => GetPageAsync(browser, pageUrl));
            await ListQueriesAsync(probe, "GET /api/v1/cases/{id}", () => GetBytesAsync(apiHttp, manager, journey.CaseId));
        }

        Console.WriteLine();
        Console.WriteLine($"load       {LoadAverage()} (at the end; /proc/loadavg)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"VERDICT ({provider}): case page p99 = {page.Stats.P99:F2} ms (target < {TargetMs:F0} ms) — {(page.Stats.P99 < TargetMs ? "met" : "NOT met")}"));
    }

    private static void PrintMachine(string provider, int iterations, int warmUp)
    {
        Console.WriteLine("Jishi.Bench case-page — the case page of a case with 40 events");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machine    {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}"));
#if DEBUG
        const string configuration = "Debug (figures not representative: use -c Release)";
#else
        const string configuration = "Release";
#endif
        Console.WriteLine($"build      {configuration}; server GC {System.Runtime.GCSettings.IsServerGC}; started {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss zzz}");
        Console.WriteLine($"load       {LoadAverage()} (at the start; /proc/loadavg: 1, 5, 15 min)");
        Console.WriteLine($"provider   {provider}; in-process TestServer (no sockets); {warmUp} warm-up requests each, then {iterations} sequential requests each");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    internal static async Task LogInAsync(HttpClient browser, string userName, string password)
    {
        using var form = await browser.GetAsync("/login");
        var text = await form.Content.ReadAsStringAsync();
        var input = AntiforgeryInput().Match(text);
        if (!form.IsSuccessStatusCode || !input.Success)
        {
            throw new InvalidOperationException($"GET /login: {(int)form.StatusCode}, no __RequestVerificationToken");
        }

        var antiforgery = ValueAttribute().Match(input.Value).Groups[1].Value;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(antiforgery),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        using var reply = await browser.PostAsync("/login", body);
        if ((int)reply.StatusCode is not (301 or 302 or 303) || reply.Headers.Location?.OriginalString.Contains("login", StringComparison.OrdinalIgnoreCase) != false)
        {
            throw new InvalidOperationException(
                $"POST /login: {(int)reply.StatusCode} {reply.Headers.Location} {await reply.Content.ReadAsStringAsync()}");
        }
    }

    internal static async Task<string> GetPageAsync(HttpClient browser, string url)
    {
        using var response = await browser.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 200)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return html;
    }

    private static async Task<byte[]> GetBytesAsync(HttpClient http, Api api, string caseId)
    {
        using var request = api.Request(HttpMethod.Get, $"/api/v1/cases/{caseId}");
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if ((int)response.StatusCode != 200)
        {
            throw new InvalidOperationException($"GET /api/v1/cases/{caseId}: {(int)response.StatusCode}");
        }

        return bytes;
    }

    private sealed record Measurement(Stats Stats, string PerRequest);

    private static async Task<Measurement> MeasureAsync<T>(DbProbe probe, int iterations, Func<Task<T>> request)
    {
        var times = new double[iterations];
        var (commandsBefore, dbBefore) = probe.Snapshot();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var gcBefore = GC.CollectionCount(0);
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await request();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / iterations;
        var (commandsAfter, dbAfter) = probe.Snapshot();
        var allocated = (GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore) / (double)iterations;
        var stats = Stats.Of(times);
        var commands = (commandsAfter - commandsBefore) / (double)iterations;
        var db = (dbAfter - dbBefore).TotalMilliseconds / iterations;
        var perRequest = string.Create(CultureInfo.InvariantCulture,
            $"per request: {cpu:F2} ms CPU (whole process), {commands:F1} SQL commands, {db:F2} ms executing them ({db / stats.Mean:P0} of the mean), ~{allocated / 1024:F0} KiB allocated; {GC.CollectionCount(0) - gcBefore} gen-0 GCs in all");
        return new Measurement(stats, perRequest);
    }

    private static async Task ListQueriesAsync<T>(DbProbe probe, string label, Func<Task<T>> request)
    {
        probe.ByCommand.Clear();
        probe.RecordText = true;
        await request();
        probe.RecordText = false;
        Console.WriteLine();
        Console.WriteLine($"SQL commands of one {label} (execution time; slowest first):");
        foreach (var (sql, (count, time)) in probe.ByCommand.OrderByDescending(kv => kv.Value.Time))
        {
            var oneLine = Whitespace().Replace(sql, " ");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {time.TotalMilliseconds,7:F3} ms  x{count}  {(oneLine.Length > 160 ? oneLine[..160] + "…" : oneLine)}"));
        }
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("<li class=\"event[ \"]")]
    private static partial Regex EventItem();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
