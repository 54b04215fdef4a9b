using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Jishi.App;
using Jishi.App.Accounts;
using Jishi.App.Calendar;
using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Rules;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Jishi.Bench;

/// <summary>
/// Recording steps through the real use case (<see cref="RecordCaseEvent"/>: every rule, append, hash, projection,
/// deadlines, one transaction per step) with <c>workers</c> concurrent callers, each on its own cases; then a raw insert
/// of the same rows (same table, same columns, one transaction per row, same number of workers) in the same run. The
/// steps are <c>ActivistAssessed</c> on open activist cases and <c>ProbationAssessed</c> on open probationary cases:
/// repeatable steps the transition table allows at any time in those stages.
/// </summary>
public static class RecordBench
{
    /// <summary>The raw rows go to the same cases with sequence numbers from here up; they are deleted afterwards.</summary>
    private const int RawSeqOffset = 1_000_000;

    public sealed record Result(int Events, int Workers, double Seconds, Stats Latency, int Refused, double RawSeconds, Stats RawLatency,
        string Durability, double SqlPerEvent, double CpuMsPerEvent, double AllocKiBPerEvent)
    {
        public double EventsPerSecond => Events / Seconds;

        public double RawPerSecond => Events / RawSeconds;
    }

    public static ServiceProvider Services(DatabaseSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJishiData(settings);
        services.AddJishiUseCases();
        return services.BuildServiceProvider();
    }

    /// <summary>A unit of work as one request has, acting as the system caller (the bench is not scoped).</summary>
    public static AsyncServiceScope SystemScope(IServiceProvider provider)
    {
        var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerScope>().Current = Caller.System;
        return scope;
    }

    public static async Task<Result> RunAsync(DatabaseSettings settings, int events, int workers, DateOnly date, bool listQueries = false)
    {
        await using var provider = Services(settings);
        string durability;
        List<(string Id, DevelopmentStage Stage)> cases;
        await using (var scope = RecordBench.SystemScope(provider))
        {
            var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
            await provider.GetRequiredService<OfficialCalendar>().InitialiseAsync(db, TimeProvider.System);
            durability = await DurabilityAsync(db);
            // Enough cases that no case gets more than a few steps: half activists, half probationary members.
            var perStage = Math.Max(workers, events / 4);
            var activists = await db.Cases.AsNoTracking()
                .Where(c => c.Stage == DevelopmentStage.Activist && c.Status == CaseStatus.Open)
                .OrderBy(c => c.Id).Select(c => c.Id).Take(perStage).ToListAsync();
            var probationary = await db.Cases.AsNoTracking()
                .Where(c => c.Stage == DevelopmentStage.ProbationaryMember && c.Status == CaseStatus.Open)
                .OrderBy(c => c.Id).Select(c => c.Id).Take(perStage).ToListAsync();
            cases = activists.Select(id => (id, DevelopmentStage.Activist))
                .Concat(probationary.Select(id => (id, DevelopmentStage.ProbationaryMember))).ToList();
        }

        Console.WriteLine($"  recording: {events:N0} steps, {workers} concurrent workers, {cases.Count:N0} cases (activist and probationary), step date {date:yyyy-MM-dd}");
        Console.WriteLine($"  durability: {durability}");

        // Warm-up: the JIT and the connection pool, on cases the measured run does not use.
        var warmCases = cases.Take(Math.Min(200, cases.Count / 4)).ToList();
        cases = cases.Skip(warmCases.Count).ToList();
        // The SQL commands of a step are counted during the warm-up: EF Core's diagnostic events cost CPU of their own.
        var probe = DbProbe.Start();
        probe.RecordText = listQueries;
        var before = probe.Snapshot();
        foreach (var (id, stage) in warmCases)
        {
            await RecordOneAsync(provider, id, stage, date);
        }

        var after = probe.Snapshot();
        probe.Dispose();
        var sqlPerStep = (double)(after.Commands - before.Commands) / Math.Max(1, warmCases.Count);
        foreach (var (text, (count, time)) in probe.ByCommand.OrderByDescending(c => c.Value.Time))
        {
            Console.WriteLine($"    {(double)count / warmCases.Count,5:F2} × per step, {time.TotalMilliseconds / warmCases.Count,6:F3} ms per step: {text.ReplaceLineEndings(" ")[..Math.Min(150, text.Length)]}");
        }

        // Each worker has its own slice of the cases and goes round it, so no two workers touch the same case.
        var latencies = new ConcurrentBag<double>();
        var recorded = new ConcurrentBag<CaseEventRecord>();
        var refused = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var userBefore = Process.GetCurrentProcess().UserProcessorTime;
        var allocBefore = GC.GetTotalAllocatedBytes(precise: false);
        var clock = Stopwatch.StartNew();
        var perWorker = events / workers;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = cases.Where((_, i) => i % workers == w).ToList();
            for (var i = 0; i < perWorker; i++)
            {
                var (id, stage) = mine[i % mine.Count];
                var t = Stopwatch.GetTimestamp();
                try
                {
                    recorded.Add(await RecordOneAsync(provider, id, stage, date));
                    latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
                catch (Exception e) when (e is RuleViolationException or ConflictException)
                {
                    if (Interlocked.Increment(ref refused) <= 3)
                    {
                        Console.WriteLine($"    refused: {id}: {e.Message}");
                    }
                }
            }
        })));
        clock.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var user = (Process.GetCurrentProcess().UserProcessorTime - userBefore).TotalMilliseconds;
        var alloc = (GC.GetTotalAllocatedBytes(precise: false) - allocBefore) / 1024.0;
        var done = Math.Max(1, recorded.Count);
        Console.WriteLine($"    CPU per step: {user / done:F2} ms user, {(cpu - user) / done:F2} ms system");


        // The same rows, raw: one INSERT of the same 13 columns in its own transaction, the same number of workers.
        var rows = recorded.ToList();
        var rawLatencies = new ConcurrentBag<double>();
        // SQLite: the raw writers queue in the process as the application's saves do (SqliteJishiDbContext), rather than
        // meeting SQLITE_BUSY and sleeping in Microsoft.Data.Sqlite's retry.
        using var sqliteWriter = new SemaphoreSlim(1, 1);
        var rawClock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            await using var connection = Connect(settings);
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO case_events (\"CaseId\", \"Seq\", \"Type\", \"Date\", \"RecordedAt\", \"RecordedBy\", \"RecordedByName\", " +
                "\"RulesVersion\", \"DataJson\", \"OverridesJson\", \"ExceptionsJson\", \"PrevHash\", \"Hash\") " +
                "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)";
            var parameters = Enumerable.Range(0, 13).Select(i =>
            {
                var p = insert.CreateParameter();
                p.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                insert.Parameters.Add(p);
                return p;
            }).ToArray();
            var sqlite = settings.Provider == DatabaseProvider.Sqlite;
            foreach (var r in rows.Where((_, i) => i % workers == w))
            {
                var t = Stopwatch.GetTimestamp();
                if (sqlite)
                {
                    await sqliteWriter.WaitAsync();
                }

                await using var transaction = await connection.BeginTransactionAsync();
                insert.Transaction = transaction;
                parameters[0].Value = r.CaseId;
                parameters[1].Value = r.Seq + RawSeqOffset;
                parameters[2].Value = r.Type.ToString();
                parameters[3].Value = sqlite ? r.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : r.Date;
                parameters[4].Value = sqlite ? r.RecordedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture) : r.RecordedAt;
                parameters[5].Value = r.RecordedBy;
                parameters[6].Value = r.RecordedByName;
                parameters[7].Value = r.RulesVersion.ToString();
                parameters[8].Value = r.DataJson;
                parameters[9].Value = r.OverridesJson;
                parameters[10].Value = r.ExceptionsJson;
                parameters[11].Value = r.PrevHash;
                parameters[12].Value = r.Hash;
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                if (sqlite)
                {
                    sqliteWriter.Release();
                }

                rawLatencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        })));
        rawClock.Stop();
        await using (var connection = Connect(settings))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM case_events WHERE \"Seq\" >= {RawSeqOffset}";
            await delete.ExecuteNonQueryAsync();
        }

        return new Result(recorded.Count, workers, clock.Elapsed.TotalSeconds, Stats.Of(latencies.ToList()), refused, rawClock.Elapsed.TotalSeconds,
            Stats.Of(rawLatencies.ToList()), durability, sqlPerStep, cpu / done, alloc / done);
    }

    public static DbConnection Connect(DatabaseSettings settings) => settings.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(settings.ConnectionString)
        : new NpgsqlConnection(settings.ConnectionString);

    /// <summary>One step through the use case, in its own scope (as one HTTP request has), acting as the system caller.</summary>
    private static async Task<CaseEventRecord> RecordOneAsync(IServiceProvider provider, string caseId, DevelopmentStage stage, DateOnly date)
    {
        await using var scope = RecordBench.SystemScope(provider);
        var record = scope.ServiceProvider.GetRequiredService<RecordCaseEvent>();
        var type = stage == DevelopmentStage.Activist ? CaseEventType.ActivistAssessed : CaseEventType.ProbationAssessed;
        var view = await record.Handle(caseId, new NewCaseEvent(type, date, new EventData { Summary = "表现良好，按时参加组织生活" }, [], []), null);
        return view.Events[^1];
    }

    /// <summary>What makes each commit durable, read back from the engine on the application's own connection.</summary>
    private static async Task<string> DurabilityAsync(JishiDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            async Task<string> Ask(string sql)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }

            if (db.Database.IsSqlite())
            {
                var sync = await Ask("PRAGMA synchronous") switch { "0" => "OFF", "1" => "NORMAL", "2" => "FULL", "3" => "EXTRA", var s => s };
                return $"SQLite journal_mode={await Ask("PRAGMA journal_mode")}, synchronous={sync} (the application's connection settings; FULL syncs the WAL at every commit)";
            }

            return $"PostgreSQL fsync={await Ask("SHOW fsync")}, synchronous_commit={await Ask("SHOW synchronous_commit")}, wal_sync_method={await Ask("SHOW wal_sync_method")}";
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
