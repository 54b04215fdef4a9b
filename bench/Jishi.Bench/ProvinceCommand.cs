using System.Diagnostics;
using System.Globalization;
using Jishi.App.Data;

namespace Jishi.Bench;

/// <summary>
/// <c>province</c>: generates and loads a province (<see cref="GenerateBench"/>), then runs every province-scale
/// benchmark against it and prints each figure beside the raw engine doing the same work in the same run, with the
/// target of product issue #6: recording steps (<see cref="RecordBench"/>), alerts and the case list
/// (<see cref="QueryBench"/>), HTTP under load and the server's memory (<see cref="HttpBench"/>).
/// </summary>
public static class ProvinceCommand
{
    /// <summary>Steps and alerts are dated on the day after the last generated step (a Friday, a working day).</summary>
    private static readonly DateOnly StepDate = new(2026, 11, 20);

    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options, ISet<string> flags)
    {
        if (BenchMain.Engine(options, out var provider, out var connection) is { } engineError)
        {
            return Fail(engineError);
        }

        int Number(string name, int fallback, int min) =>
            int.TryParse(options.GetValueOrDefault(name, fallback.ToString(CultureInfo.InvariantCulture)), NumberStyles.Integer,
                CultureInfo.InvariantCulture, out var v) && v >= min ? v : throw new ArgumentException($"--{name} must be a number of at least {min}");

        int members, seed, events, workers, connections, seconds, iterations;
        try
        {
            members = Number("members", 1_000_000, 20);
            seed = Number("seed", 1, 0);
            events = Number("events", 4000, 10);
            workers = Number("workers", 4, 1);
            connections = Number("connections", 50, 1);
            seconds = Number("seconds", 20, 1);
            iterations = Number("iterations", 20, 1);
        }
        catch (ArgumentException e)
        {
            return Fail(e.Message);
        }

        var server = options.GetValueOrDefault("server") ?? DefaultServer();
        var started = Stopwatch.StartNew();
        Console.WriteLine($"province: {members:N0} members, provider {provider}, seed {seed}; {Environment.ProcessorCount} CPUs, load average {LoadAverage()}");
        Console.WriteLine();
        DatabaseSettings settings;
        if (flags.Contains("reuse"))
        {
            settings = GenerateBench.Existing(provider, connection, members, seed, options.GetValueOrDefault("output"));
            Console.WriteLine($"generate: reusing the database generated earlier ({settings.Describe()})");
        }
        else
        {
            settings = await GenerateBench.RunAsync(provider, connection, members, seed, options.GetValueOrDefault("output"));
        }

        GC.Collect();
        Console.WriteLine();
        Console.WriteLine($"record: RecordCaseEvent against a raw INSERT of the same rows (load average {LoadAverage()})");
        var record = await RecordBench.RunAsync(settings, events, workers, StepDate, flags.Contains("queries"));
        Console.WriteLine($"  use case: {record.EventsPerSecond:N0} steps/s; {record.Latency}");
        Console.WriteLine($"            per step: {record.SqlPerEvent:F1} SQL commands, {record.CpuMsPerEvent:F2} ms CPU (whole process), {record.AllocKiBPerEvent:F0} KiB allocated; refused {record.Refused}");
        Console.WriteLine($"  raw:      {record.RawPerSecond:N0} rows/s; {record.RawLatency}");

        Console.WriteLine();
        Console.WriteLine($"queries: use case against the same SQL sent raw, {iterations} calls each after 3 warm-up calls (load average {LoadAverage()})");
        var queries = await QueryBench.RunAsync(settings, StepDate, iterations);
        foreach (var q in queries)
        {
            Console.WriteLine($"  {q.Name}: {q.Items:N0} items");
            Console.WriteLine($"    use case {q.UseCase}");
            Console.WriteLine($"    raw      {q.Raw}");
        }

        Console.WriteLine();
        HttpBench.Result? http = null;
        if (flags.Contains("no-http"))
        {
            Console.WriteLine("http: skipped (--no-http)");
        }
        else if (!File.Exists(server))
        {
            Console.WriteLine($"http: the server {server} is not built (dotnet build -c Release src/Jishi.Web, or --server <Jishi.Web.dll>); skipped");
        }
        else
        {
            Console.WriteLine($"http: wrk, {connections} connections, {seconds} s per request kind, against {server} (load average {LoadAverage()})");
            http = await HttpBench.RunAsync(settings, server, connections, seconds, StepDate);
        }

        Console.WriteLine();
        Console.WriteLine($"summary: {members:N0} members, {provider} (load average {LoadAverage()}, {started.Elapsed.TotalMinutes:F1} min in all)");
        Console.WriteLine($"  {"figure",-52}{"value",14}{"raw engine",14}{"ratio",8}  target");
        Line($"record steps/s ({record.Workers} workers)", record.EventsPerSecond, record.RawPerSecond, "N0", provider == "Sqlite" ? ">= 2,000" : ">= 1,000",
            record.EventsPerSecond >= (provider == "Sqlite" ? 2000 : 1000));
        Line("record p50 ms", record.Latency.P50, record.RawLatency.P50, "F2", "", null);
        Line("record p99 ms", record.Latency.P99, record.RawLatency.P99, "F2", "< 25", record.Latency.P99 < 25);
        foreach (var q in queries)
        {
            var (target, met) = q.Name.StartsWith("alerts: whole", StringComparison.Ordinal) ? ("p50 < 2,000 ms", q.UseCase.P50 < 2000)
                : q.Name.StartsWith("alerts: one branch", StringComparison.Ordinal) ? ("p50 < 20 ms", q.UseCase.P50 < 20)
                : ("", (bool?)null);
            Line(Short(q.Name) + " p50 ms", q.UseCase.P50, q.Raw.P50, "F2", target, met);
            Line(Short(q.Name) + " p99 ms", q.UseCase.P99, q.Raw.P99, "F2", "", null);
        }

        if (http is not null)
        {
            Line($"HTTP GET case req/s ({http.Connections} conn)", http.Get.RequestsPerSecond, http.RawGetPerSecond, "N0", "", null);
            Line("HTTP GET case p50 ms", http.Get.P50, http.RawGet.P50, "F2", "", null);
            Line("HTTP GET case p99 ms", http.Get.P99, http.RawGet.P99, "F2", "< 30", http.Get.P99 < 30);
            Line($"HTTP POST event req/s ({http.Connections} conn)", http.Post.RequestsPerSecond, record.RawPerSecond, "N0", "", null);
            Line("HTTP POST event p50 ms", http.Post.P50, record.RawLatency.P50, "F2", "", null);
            Line("HTTP POST event p99 ms", http.Post.P99, record.RawLatency.P99, "F2", "", null);
            Line("HTTP non-2xx answers (GET + POST)", http.Get.Non2xx + http.Post.Non2xx, 0, "N0", "0", http.Get.Non2xx + http.Post.Non2xx == 0);
            Line("server VmRSS after load, MiB", http.RssKiB / 1024.0, 0, "N0", "< 1,024", http.RssKiB < 1024 * 1024);
            Line("server peak VmHWM, MiB", http.PeakRssKiB / 1024.0, 0, "N0", "", null);
        }

        return 0;
    }

    private static string Short(string name) => name.Split(" (", 2)[0].Split(", page", 2)[0];

    private static void Line(string name, double value, double raw, string format, string target, bool? met)
    {
        var ratio = raw > 0 ? (value / raw).ToString("F2", CultureInfo.InvariantCulture) : "";
        var rawText = raw > 0 ? raw.ToString(format, CultureInfo.InvariantCulture) : "";
        var verdict = met is null ? "" : met.Value ? " — met" : " — NOT met";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-52}{value.ToString(format, CultureInfo.InvariantCulture),14}{rawText,14}{ratio,8}  {target}{verdict}"));
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>The server built beside the bench: the same artifacts layout, or the project's own bin folder.</summary>
    private static string DefaultServer()
    {
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var configuration = Path.GetFileName(here);
        var artifacts = Path.GetFullPath(Path.Combine(here, "..", "..", "Jishi.Web", configuration, "Jishi.Web.dll"));
        return File.Exists(artifacts) ? artifacts : Path.Combine(here, "Jishi.Web.dll");
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: province: " + message);
        return 2;
    }
}
