using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Jishi.App.Alerts;
using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jishi.Bench;

/// <summary>
/// The read use cases at province scale, each timed through the use case (a fresh scope per call, as a request has) and
/// as the same SQL sent raw on one open connection in the same run: <see cref="ListAlerts"/> for the whole province,
/// one county and one branch, and <see cref="ListCases"/> for one county filtered by stage and status (first page of 20).
/// </summary>
public static class QueryBench
{
    public sealed record Row(string Name, int Items, Stats UseCase, Stats Raw);

    public static async Task<IReadOnlyList<Row>> RunAsync(DatabaseSettings settings, DateOnly asOf, int iterations)
    {
        await using var provider = RecordBench.Services(settings);
        Organisation county;
        Organisation branch;
        await using (var scope = RecordBench.SystemScope(provider))
        {
            var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
            // The county and the branch with the most open deadlines: the heaviest of their kind.
            var paths = await db.CaseDeadlines.AsNoTracking().GroupBy(d => d.OrgPath).Select(g => new { g.Key, Count = g.Count() })
                .OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(1).ToListAsync();
            var branchId = paths[0].Key.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
            branch = await db.Orgs.AsNoTracking().FirstAsync(o => o.Id == branchId);
            var counties = await db.Orgs.AsNoTracking().Where(o => o.Type == OrgType.CountyCommittee).OrderBy(o => o.Id).ToListAsync();
            county = counties.First(c => branch.Path.StartsWith(c.Path, StringComparison.Ordinal));
        }

        var horizon = asOf.AddDays(14);
        var rows = new List<Row>();
        await using var connection = RecordBench.Connect(settings);
        await connection.OpenAsync();
        var sqlite = settings.Provider == DatabaseProvider.Sqlite;
        object Day(DateOnly d) => sqlite ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d;

        foreach (var (name, org) in new (string, Organisation?)[] { ("alerts: whole province", null), ($"alerts: one county ({county.Name})", county), ($"alerts: one branch ({branch.Name})", branch) })
        {
            var count = 0;
            var useCase = await TimeAsync(iterations, async () =>
            {
                await using var scope = RecordBench.SystemScope(provider);
                count = (await scope.ServiceProvider.GetRequiredService<ListAlerts>().Handle(org?.Id, asOf, 14)).Count;
            });
            var sql = "SELECT \"CaseId\", \"Rule\", \"DueDate\", \"OrgPath\" FROM case_deadlines WHERE \"DueDate\" <= @h" +
                (org is null ? "" : " AND \"OrgPath\" >= @p AND \"OrgPath\" < @u") + " ORDER BY \"DueDate\", \"CaseId\" LIMIT 10000";
            var raw = await TimeAsync(iterations, async () =>
            {
                await using var command = Command(connection, sql, ("@h", Day(horizon)), ("@p", org?.Path), ("@u", org is null ? null : Organisation.SubtreeUpperBound(org.Path)));
                await ReadAllAsync(command);
            });
            rows.Add(new Row(name, count, useCase, raw));
        }

        {
            var count = 0;
            var total = 0;
            var useCase = await TimeAsync(iterations, async () =>
            {
                await using var scope = RecordBench.SystemScope(provider);
                var (items, t) = await scope.ServiceProvider.GetRequiredService<ListCases>().Handle(county.Id, DevelopmentStage.Activist, "Open", null, 1, 20);
                count = items.Count;
                total = t;
            });
            const string where = "\"OrgPath\" >= @p AND \"OrgPath\" < @u AND \"Stage\" = @s AND \"Status\" = @st";
            var raw = await TimeAsync(iterations, async () =>
            {
                var parameters = new (string, object?)[] { ("@p", county.Path), ("@u", Organisation.SubtreeUpperBound(county.Path)), ("@s", "Activist"), ("@st", "Open") };
                await using (var c = Command(connection, $"SELECT COUNT(*) FROM cases WHERE {where}", parameters))
                {
                    await c.ExecuteScalarAsync();
                }

                await using var page = Command(connection, $"SELECT * FROM cases WHERE {where} ORDER BY \"Id\" DESC LIMIT 20 OFFSET 0", parameters);
                await ReadAllAsync(page);
            });
            rows.Add(new Row($"case list: one county, Activist, Open, page 1 of {total:N0}", count, useCase, raw));
        }

        return rows;
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                command.Parameters.Add(p);
            }
        }

        return command;
    }

    private static async Task ReadAllAsync(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
        }
    }

    /// <summary>Three warm-up calls, then <paramref name="iterations"/> timed calls one after another.</summary>
    private static async Task<Stats> TimeAsync(int iterations, Func<Task> call)
    {
        for (var i = 0; i < 3; i++)
        {
            await call();
        }

        var times = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await call();
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        return Stats.Of(times);
    }
}
