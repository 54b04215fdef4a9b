using Jishi.App.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Jishi.Bench;

/// <summary>
/// The web application hosted in-process (TestServer) on a fresh SQLite file in a temporary data directory, or on a
/// fresh PostgreSQL database created from an administrator connection string (dropped on dispose). No demo data, a
/// random bootstrap administrator token, the real clock, the Production environment and logging at Warning (so that
/// console logging of every SQL command does not end up in the figures).
/// </summary>
public sealed class BenchHost : WebApplicationFactory<Program>
{
    private readonly string? postgresAdmin;
    private readonly string? postgresDatabase;
    private readonly string? postgresConnectionString;

    public BenchHost(string provider, string? adminConnectionString)
    {
        Provider = provider;
        if (provider == "Postgres")
        {
            postgresAdmin = adminConnectionString;
            postgresDatabase = "jishi_bench_" + Guid.NewGuid().ToString("N");
            using (var connection = new NpgsqlConnection(postgresAdmin))
            {
                connection.Open();
                using var create = connection.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{postgresDatabase}\"";
                create.ExecuteNonQuery();
            }

            postgresConnectionString = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = postgresDatabase }.ConnectionString;
        }
    }

    public string Provider { get; }

    /// <summary>The application's database, for a bench that loads rows into it or reads it beside the host.</summary>
    public DatabaseSettings Settings => postgresConnectionString is null
        ? new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(DataDirectory, "jishi.db")}", DataDirectory)
        : new DatabaseSettings(DatabaseProvider.Postgres, postgresConnectionString, DataDirectory);

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "jishi-bench", Guid.NewGuid().ToString("N"));

    public string BootstrapToken { get; } = "boot-" + Guid.NewGuid().ToString("N");

    /// <summary>Where the data lives, for the printout (no password: the administrator string is not echoed).</summary>
    public string Where
    {
        get
        {
            if (postgresDatabase is null)
            {
                return Path.Combine(DataDirectory, "jishi.db");
            }

            var admin = new NpgsqlConnectionStringBuilder(postgresAdmin);
            return $"{admin.Host}:{admin.Port}/{postgresDatabase}";
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(logging => logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning));
        builder.UseSetting("Jishi:DataDirectory", DataDirectory);
        builder.UseSetting("Jishi:SeedDemo", "false");
        builder.UseSetting("Jishi:BootstrapAdminToken", BootstrapToken);
        builder.UseSetting("Jishi:Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Jishi", postgresConnectionString ?? "");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(postgresAdmin);
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)";
            drop.ExecuteNonQuery();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temporary directory is left for the system to clean.
        }
    }
}
