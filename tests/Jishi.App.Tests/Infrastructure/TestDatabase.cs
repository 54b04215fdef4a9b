using Jishi.App.Accounts;
using Jishi.App.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jishi.App.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database for one test: a copy of a migrated SQLite template file, or a PostgreSQL database
/// cloned from a migrated template database (<c>CREATE DATABASE … TEMPLATE …</c>). Each template is migrated once per
/// test run; the clone is dropped when the test ends.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    protected TestDatabase(DatabaseSettings settings)
    {
        Settings = settings;
    }

    public DatabaseSettings Settings { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => await SqliteTestDatabase.CreateAsync(),
        DatabaseProvider.Postgres => await PostgresTestDatabase.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>A new context acting as <paramref name="caller"/> (the unscoped system administrator by default).</summary>
    public JishiDbContext Open(Caller? caller = null) => JishiDatabase.Open(Settings, caller ?? Caller.System); // a test acts as the system unless it names a caller

    public abstract ValueTask DisposeAsync();

    protected static string NewName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..16];
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "jishi-app-tests", NewName("run_"));

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    private readonly string directory;

    private SqliteTestDatabase(DatabaseSettings settings, string directory)
        : base(settings)
    {
        this.directory = directory;
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var template = await Template.Value;
        var directory = Path.Combine(Root, NewName("t_"));
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "jishi.db");
        File.Copy(template, file);
        // No pooling: every context really closes the file, so the directory can be removed afterwards.
        return new SqliteTestDatabase(
            new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False", directory), directory);
    }

    public override ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind does no harm.
        }

        return ValueTask.CompletedTask;
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var directory = Path.Combine(Root, "template");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "jishi.db");
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False", directory);
        await using (var db = JishiDatabase.Open(settings, Caller.System))
        {
            await JishiDatabase.MigrateAsync(db);
        }

        // The last connection has closed: the WAL is checkpointed into the file, which can now be copied.
        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return file;
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    public const string EnvironmentVariable = "JISHI_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    private readonly string name;

    private PostgresTestDatabase(DatabaseSettings settings, string name)
        : base(settings)
    {
        this.name = name;
    }

    /// <summary>The admin connection string; its absence fails the test (PostgreSQL tests never skip).</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"The PostgreSQL use-case tests need the environment variable {EnvironmentVariable} with an admin " +
                "connection string that may create databases, e.g. " +
                $"{EnvironmentVariable}=\"Host=127.0.0.1;Port=55432;Username=jishi;Database=postgres\". " +
                "It is not set, so these tests fail rather than skip.");

    public static async Task<TestDatabase> CreateAsync()
    {
        var template = await Template.Value;
        var name = NewName("jishi_t_");
        await ExecuteAdminAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, ConnectionStringFor(name, pooling: true),
            Path.GetTempPath());
        return new PostgresTestDatabase(settings, name);
    }

    public override async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(Settings.ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static string ConnectionStringFor(string database, bool pooling) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = pooling }.ConnectionString;

    private static async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Migrates a template database once per test run (one per process, so parallel runs never share it).</summary>
    private static async Task<string> CreateTemplateAsync()
    {
        var template = NewName("jishi_tpl_");
        await ExecuteAdminAsync($"CREATE DATABASE {template}");
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, ConnectionStringFor(template, pooling: false),
            Path.GetTempPath());
        await using (var db = JishiDatabase.Open(settings, Caller.System))
        {
            await JishiDatabase.MigrateAsync(db);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                ExecuteAdminAsync($"DROP DATABASE IF EXISTS {template} WITH (FORCE)").GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // Best effort on the way out.
            }
        };
        return template;
    }
}
