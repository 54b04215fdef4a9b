using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Jishi.App.Data;
using Npgsql;

namespace Jishi.Bench;

/// <summary>
/// HTTP under load against the real server: <c>dotnet Jishi.Web.dll</c> (Release) started as its own process on
/// loopback with the generated database, then <c>wrk</c> with <c>connections</c> connections for <c>seconds</c> each:
/// <c>GET /api/v1/cases/{id}</c> over a pool of cases, and <c>POST /api/v1/cases/{id}/events</c> (a repeatable
/// assessment step) over a pool of open activist and probationary cases, split between wrk's threads so that no two
/// requests in flight name the same case. Every non-2xx answer is counted as a failure. The server's resident memory
/// (<c>VmRSS</c>, and the peak <c>VmHWM</c>) is read from /proc after the load. The raw figure beside GET is the same two
/// reads (the case row and its events) sent straight to the engine by as many concurrent connections for the same time.
/// </summary>
public static partial class HttpBench
{
    public sealed record WrkResult(double RequestsPerSecond, double P50, double P99, long Requests, long Non2xx, string Errors);

    public sealed record Result(WrkResult Get, WrkResult Post, double RawGetPerSecond, Stats RawGet, long RssKiB, long PeakRssKiB, int Connections, int Seconds);

    public static async Task<Result?> RunAsync(DatabaseSettings settings, string serverDll, int connections, int seconds, DateOnly date)
    {
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.WriteLine("  HTTP: wrk is not installed (apt-get install -y wrk); skipped");
            return null;
        }

        var work = Directory.CreateTempSubdirectory("jishi-wrk-").FullName;
        var (getIds, postSteps) = await PoolsAsync(settings);
        await File.WriteAllLinesAsync(Path.Combine(work, "get.txt"), getIds);
        await File.WriteAllLinesAsync(Path.Combine(work, "post.txt"), postSteps);
        await File.WriteAllTextAsync(Path.Combine(work, "get.lua"), GetScript);
        await File.WriteAllTextAsync(Path.Combine(work, "post.lua"), PostScript.Replace("{date}", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var port = 5600 + Random.Shared.Next(300);
        var token = "bench-" + Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("dotnet", [serverDll])
        {
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Jishi__DataDirectory"] = settings.DataDirectory;
        start.Environment["Jishi__Database__Provider"] = settings.Provider.ToString();
        start.Environment["ConnectionStrings__Jishi"] = settings.ConnectionString;
        start.Environment["Jishi__SeedDemo"] = "false";
        start.Environment["Jishi__BootstrapAdminToken"] = token;
        using var server = Process.Start(start)!;
        var output = new ConcurrentQueue<string>();
        server.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        server.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var up = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }

                if (server.HasExited || up.Elapsed > TimeSpan.FromMinutes(3))
                {
                    throw new InvalidOperationException("the server did not start:\n" + string.Join('\n', output));
                }

                await Task.Delay(250);
            }

            Console.WriteLine($"  server: pid {server.Id}, http://127.0.0.1:{port}, up in {up.Elapsed.TotalSeconds:F1} s; RSS idle {Rss(server.Id).Rss:N0} KiB");
            var url = $"http://127.0.0.1:{port}";
            // Warm-up at full load on the same pools (10 s of GET, 5 s of POST), so that the JIT has compiled the hot
            // paths and the thread pool has grown before anything is measured.
            await WrkAsync(work, "get.lua", connections, 10, url, token, "get.txt");
            await WrkAsync(work, "post.lua", connections, 5, url, token, "post.txt");
            var get = await WrkAsync(work, "get.lua", connections, seconds, url, token, "get.txt");
            Console.WriteLine($"  GET  /api/v1/cases/{{id}}: {get.RequestsPerSecond:N0} req/s, p50 {get.P50:F2} ms, p99 {get.P99:F2} ms, {get.Requests:N0} requests, non-2xx {get.Non2xx}{get.Errors}");
            var post = await WrkAsync(work, "post.lua", connections, seconds, url, token, "post.txt");
            Console.WriteLine($"  POST /api/v1/cases/{{id}}/events: {post.RequestsPerSecond:N0} req/s, p50 {post.P50:F2} ms, p99 {post.P99:F2} ms, {post.Requests:N0} requests, non-2xx {post.Non2xx}{post.Errors}");
            await Task.Delay(2000);
            var (rss, peak) = Rss(server.Id);
            Console.WriteLine($"  server memory after load: VmRSS {rss / 1024.0:F0} MiB, peak VmHWM {peak / 1024.0:F0} MiB");
            var (rawPerSecond, rawStats) = await RawGetAsync(settings, getIds, connections, Math.Min(seconds, 10));
            Console.WriteLine($"  raw GET (case row + events, {connections} connections): {rawPerSecond:N0} /s, p50 {rawStats.P50:F2} ms, p99 {rawStats.P99:F2} ms");
            return new Result(get, post, rawPerSecond, rawStats, rss, peak, connections, seconds);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill();
                await server.WaitForExitAsync();
            }

            Directory.Delete(work, recursive: true);
        }
    }

    private static (long Rss, long Peak) Rss(int pid)
    {
        long Field(string[] lines, string name) => long.Parse(lines.First(l => l.StartsWith(name, StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return (Field(status, "VmRSS:"), Field(status, "VmHWM:"));
    }

    /// <summary>GET: 5,000 cases of every stage. POST: open activist and probationary cases (not those the recording bench used,
    /// which took the lowest ids), each with the step its stage allows.</summary>
    private static async Task<(List<string> Get, List<string> Post)> PoolsAsync(DatabaseSettings settings)
    {
        await using var connection = RecordBench.Connect(settings);
        await connection.OpenAsync();
        async Task<List<string>> Read(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var list = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                list.Add(reader.GetString(0));
            }

            return list;
        }

        var get = await Read("SELECT \"Id\" FROM cases ORDER BY substr(\"HeadHash\", 1, 8) LIMIT 5000");
        var post = await Read("SELECT \"Id\" || ' ' || CASE WHEN \"Stage\" = 'Activist' THEN 'ActivistAssessed' ELSE 'ProbationAssessed' END FROM cases " +
            "WHERE \"Status\" = 'Open' AND \"Stage\" IN ('Activist', 'ProbationaryMember') ORDER BY \"Id\" DESC LIMIT 40000");
        return (get, post);
    }

    private static async Task<WrkResult> WrkAsync(string work, string script, int connections, int seconds, string url, string token, string pool)
    {
        var threads = Math.Min(2, connections);
        var start = new ProcessStartInfo("wrk", ["-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s", "--latency", "--timeout", "10s", "-s", Path.Combine(work, script), url, "--", Path.Combine(work, pool), token,
            threads.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var wrk = Process.Start(start)!;
        var text = await wrk.StandardOutput.ReadToEndAsync() + await wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        double Ms(string label)
        {
            var m = Regex.Match(text, $@"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            var v = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => v / 1000, "s" => v * 1000, _ => v };
        }

        try
        {
            var rps = double.Parse(RequestsPerSec().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
            var requests = long.Parse(RequestsIn().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
            var non2xx = NonSuccess().Match(text) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            var errors = SocketErrors().Match(text) is { Success: true } e ? "; " + e.Value.Trim() : "";
            return new WrkResult(rps, Ms("50"), Ms("99"), requests, non2xx, errors);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("could not read wrk's output:\n" + text);
        }
    }

    private static async Task<(double PerSecond, Stats Latency)> RawGetAsync(DatabaseSettings settings, List<string> ids, int connections, int seconds)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
        }

        var latencies = new ConcurrentBag<double>();
        var stop = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            await using var connection = RecordBench.Connect(settings);
            await connection.OpenAsync();
            await using var c = connection.CreateCommand();
            c.CommandText = "SELECT * FROM cases WHERE \"Id\" = @id";
            var p1 = c.CreateParameter();
            p1.ParameterName = "@id";
            c.Parameters.Add(p1);
            await using var e = connection.CreateCommand();
            e.CommandText = "SELECT * FROM case_events WHERE \"CaseId\" = @id ORDER BY \"Seq\"";
            var p2 = e.CreateParameter();
            p2.ParameterName = "@id";
            e.Parameters.Add(p2);
            var i = w;
            while (stop.Elapsed < deadline)
            {
                var t = Stopwatch.GetTimestamp();
                p1.Value = p2.Value = ids[i % ids.Count];
                i += connections;
                foreach (var command in new[] { c, e })
                {
                    await using var reader = await command.ExecuteReaderAsync();
                    var values = new object[reader.FieldCount];
                    while (await reader.ReadAsync())
                    {
                        reader.GetValues(values);
                    }
                }

                latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        })));
        return (latencies.Count / stop.Elapsed.TotalSeconds, Stats.Of(latencies.ToList()));
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSec();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsIn();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors:[^\n]*")]
    private static partial Regex SocketErrors();

    // wrk's Lua: setup() numbers the threads; each thread keeps the lines of the pool whose index falls to it and goes
    // round them in order. Arguments after "--": pool file, bearer token, thread count.
    private const string Common = """
        local counter = 1
        local threads = {}
        function setup(thread)
          table.insert(threads, thread)
          thread:set("tid", #threads - 1)
        end
        function init(args)
          local n = tonumber(args[3])
          mine = {}
          local i = 0
          for line in io.lines(args[1]) do
            if i % n == tid then table.insert(mine, line) end
            i = i + 1
          end
          wrk.headers["Authorization"] = "Bearer " .. args[2]
          wrk.headers["Content-Type"] = "application/json"
        end
        local function next_line()
          local line = mine[counter]
          counter = counter + 1
          if counter > #mine then counter = 1 end
          return line
        end

        """;

    private const string GetScript = Common + """
        function request()
          return wrk.format("GET", "/api/v1/cases/" .. next_line())
        end
        """;

    private const string PostScript = Common + """
        function request()
          local id, step = next_line():match("^(%S+) (%S+)$")
          local body = '{"type":"' .. step .. '","date":"{date}","summary":"表现良好，按时参加组织生活"}'
          return wrk.format("POST", "/api/v1/cases/" .. id .. "/events", nil, body)
        end
        """;
}
