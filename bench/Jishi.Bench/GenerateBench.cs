using System.Diagnostics;
using System.Globalization;
using Jishi.App.Accounts;
using Jishi.App.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Jishi.Bench;

/// <summary>
/// <c>generate</c>: builds a deterministic province-sized record (<see cref="GenerateData"/>) in memory, creates a fresh
/// database with the application's EF migrations, loads every table through the engine's fast path and prints rows,
/// seconds and rows per second per table, the total and the size on disk. SQLite: one connection,
/// <c>journal_mode=WAL</c>, <c>synchronous=OFF</c> during the load, a transaction per 50,000 rows, one prepared INSERT
/// per table reused. PostgreSQL: a fresh database <c>jishi_gen_&lt;seed&gt;_&lt;members&gt;</c> (dropped first if it exists)
/// loaded with binary COPY. The database is kept, for the benches that read it.
/// </summary>
public static class GenerateBench
{
    private const int SqliteBatch = 50_000;

    /// <summary>Generates and loads the record; returns where it is, for the benches that read it.</summary>
    public static async Task<DatabaseSettings> RunAsync(string provider, string? adminConnection, int members, int seed, string? output)
    {
        Console.WriteLine($"generate: {members:N0} members, seed {seed}, provider {provider}");
        var overall = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        var data = GenerateData.Build(members, seed);
        Console.WriteLine($"  built in memory in {clock.Elapsed.TotalSeconds:F1} s (not part of the load figures)");

        DatabaseSettings settings;
        string where;
        if (provider == "Postgres")
        {
            var database = $"jishi_gen_{seed}_{members}";
            using (var admin = new NpgsqlConnection(adminConnection))
            {
                admin.Open();
                using var drop = admin.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
                drop.ExecuteNonQuery();
                using var create = admin.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{database}\"";
                create.ExecuteNonQuery();
            }

            var builder = new NpgsqlConnectionStringBuilder(adminConnection) { Database = database };
            settings = new DatabaseSettings(DatabaseProvider.Postgres, builder.ConnectionString, Path.GetTempPath());
            where = $"{builder.Host}:{builder.Port}/{database}";
        }
        else
        {
            var directory = Path.GetFullPath(output ?? Path.Combine(Path.GetTempPath(), "jishi-gen", $"{seed}-{members}"));
            Directory.CreateDirectory(directory);
            var file = Path.Combine(directory, "jishi.db");
            foreach (var stale in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(stale);
            }

            settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}", directory);
            where = file;
        }

        clock.Restart();
        await using (var db = JishiDatabase.Open(settings, Caller.System))
        {
            await JishiDatabase.MigrateAsync(db);
        }

        Console.WriteLine($"  schema: EF migrations applied in {clock.Elapsed.TotalSeconds:F1} s → {where}");
        if (provider == "Sqlite")
        {
            Console.WriteLine("  SQLite load: one connection, PRAGMA journal_mode=WAL, synchronous=OFF and cache_size of 1 GiB during the load (FULL and 2 MiB after),");
            Console.WriteLine($"  a transaction per {SqliteBatch:N0} rows, one prepared parameterised INSERT per table");
        }
        else
        {
            Console.WriteLine("  PostgreSQL load: binary COPY … FROM STDIN per table, into the migrated (indexed) tables");
        }

        Console.WriteLine();
        Console.WriteLine($"  {"table",-16}{"rows",12}{"seconds",10}{"rows/s",12}");
        var totalRows = 0L;
        var total = Stopwatch.StartNew();
        if (provider == "Sqlite")
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using var connection = new SqliteConnection(settings.ConnectionString);
            await connection.OpenAsync();
            // A page cache of about 1 GiB for the load (the default is 2 MiB): the random-order indexes of people and members
            // otherwise re-read their pages from the file for every row once they outgrow it.
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576;");
            foreach (var table in data.Tables)
            {
                var t = Stopwatch.StartNew();
                await LoadSqliteAsync(connection, table);
                Report(table, t.Elapsed);
                totalRows += table.Rows.Count;
            }

            // Back to SQLite's default (FULL) before the connection returns to the pool, where the application may reuse it.
            await ExecuteAsync(connection, "PRAGMA synchronous=FULL; PRAGMA cache_size=-2000; PRAGMA wal_checkpoint(TRUNCATE);");
        }
        else
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync();
            foreach (var table in data.Tables)
            {
                var t = Stopwatch.StartNew();
                await LoadPostgresAsync(connection, table);
                Report(table, t.Elapsed);
                totalRows += table.Rows.Count;
            }

            await using var analyze = new NpgsqlCommand("ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync();
        }

        total.Stop();
        Console.WriteLine($"  {"total",-16}{totalRows,12:N0}{total.Elapsed.TotalSeconds,10:F2}{totalRows / total.Elapsed.TotalSeconds,12:N0}");
        Console.WriteLine();
        var size = provider == "Sqlite"
            ? SqliteSize(where)
            : await PostgresSizeAsync(settings.ConnectionString);
        Console.WriteLine($"  size on disk: {size / 1024.0 / 1024.0:F1} MiB ({size:N0} bytes{(provider == "Sqlite" ? ", file after checkpoint" : ", pg_database_size")})");
        Console.WriteLine($"  generation + schema + load: {overall.Elapsed.TotalSeconds:F1} s ({members:N0} members, {totalRows:N0} rows)");
        Console.WriteLine($"  database kept: {where}");
        await CheckAsync(settings, data);
        return settings;
    }

    /// <summary>Where <see cref="RunAsync"/> put the record of these members and seed, without generating it again.</summary>
    public static DatabaseSettings Existing(string provider, string? adminConnection, int members, int seed, string? output)
    {
        if (provider == "Postgres")
        {
            var builder = new NpgsqlConnectionStringBuilder(adminConnection) { Database = $"jishi_gen_{seed}_{members}" };
            return new DatabaseSettings(DatabaseProvider.Postgres, builder.ConnectionString, Path.GetTempPath());
        }

        var directory = Path.GetFullPath(output ?? Path.Combine(Path.GetTempPath(), "jishi-gen", $"{seed}-{members}"));
        var file = Path.Combine(directory, "jishi.db");
        return File.Exists(file)
            ? new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}", directory)
            : throw new FileNotFoundException($"no generated database at {file}");
    }

    /// <summary>Reads the record back through the application's context (type mapping) and verifies the hash chain of
    /// the first 500 cases with the application's own <see cref="Jishi.App.Cases.VerifyCaseIntegrity"/>.</summary>
    private static async Task CheckAsync(DatabaseSettings settings, GenerateData data)
    {
        await using var db = JishiDatabase.Open(settings, Caller.System);
        _ = await db.Orgs.AsNoTracking().Take(500).ToListAsync();
        _ = await db.People.AsNoTracking().Take(500).ToListAsync();
        _ = await db.Members.AsNoTracking().Take(500).ToListAsync();
        _ = await db.CaseDeadlines.AsNoTracking().Take(500).ToListAsync();
        var verify = new Jishi.App.Cases.VerifyCaseIntegrity(db);
        var ids = data.Cases.Rows.Take(500).Select(r => (string)r[0]!).ToList();
        var valid = 0;
        foreach (var id in ids)
        {
            if ((await verify.Handle(id)).Valid)
            {
                valid++;
            }
        }

        Console.WriteLine($"  check: rows read back through JishiDbContext; hash chain valid for {valid}/{ids.Count} cases (VerifyCaseIntegrity)");
    }

    private static void Report(TableRows table, TimeSpan elapsed) =>
        Console.WriteLine($"  {table.Name,-16}{table.Rows.Count,12:N0}{elapsed.TotalSeconds,10:F2}{(table.Rows.Count == 0 ? 0 : table.Rows.Count / elapsed.TotalSeconds),12:N0}");

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One table through one prepared INSERT, a transaction per 50,000 rows (shared with <c>dues</c>).</summary>
    internal static async Task LoadSqliteAsync(SqliteConnection connection, TableRows table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = table.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
        SqliteTransaction? transaction = null;
        try
        {
            for (var r = 0; r < table.Rows.Count; r++)
            {
                if (r % SqliteBatch == 0)
                {
                    if (transaction is not null)
                    {
                        await transaction.CommitAsync();
                        await transaction.DisposeAsync();
                    }

                    transaction = connection.BeginTransaction();
                    command.Transaction = transaction;
                    if (r == 0)
                    {
                        command.Prepare();
                    }
                }

                var row = table.Rows[r];
                for (var c = 0; c < parameters.Length; c++)
                {
                    parameters[c].Value = row[c] ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync();
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync();
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>One table through binary COPY (shared with <c>dues</c>).</summary>
    internal static async Task LoadPostgresAsync(NpgsqlConnection connection, TableRows table)
    {
        var copy = $"COPY {table.Name} ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await connection.BeginBinaryImportAsync(copy);
        foreach (var row in table.Rows)
        {
            await writer.StartRowAsync();
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is null)
                {
                    await writer.WriteNullAsync();
                    continue;
                }

                switch (table.Columns[c].Kind)
                {
                    case ColumnKind.Text:
                        await writer.WriteAsync((string)row[c]!, NpgsqlDbType.Varchar);
                        break;
                    case ColumnKind.Int:
                        await writer.WriteAsync((int)row[c]!, NpgsqlDbType.Integer);
                        break;
                    case ColumnKind.Bool:
                        await writer.WriteAsync((bool)row[c]!, NpgsqlDbType.Boolean);
                        break;
                    case ColumnKind.Decimal:
                        await writer.WriteAsync((decimal)row[c]!, NpgsqlDbType.Numeric);
                        break;
                    case ColumnKind.Date:
                        await writer.WriteAsync((DateOnly)row[c]!, NpgsqlDbType.Date);
                        break;
                    case ColumnKind.Timestamp:
                        await writer.WriteAsync((DateTimeOffset)row[c]!, NpgsqlDbType.TimestampTz);
                        break;
                }
            }
        }

        await writer.CompleteAsync();
    }

    private static long SqliteSize(string file) =>
        new[] { file, file + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    private static async Task<long> PostgresSizeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
