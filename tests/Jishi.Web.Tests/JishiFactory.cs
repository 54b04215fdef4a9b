using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Jishi.Web.Tests;

/// <summary>
/// The web application on a fresh SQLite file in its own temporary data directory, without demo data, with a random
/// bootstrap administrator token and the clock fixed at 2026-11-22T02:00:00Z (10:00 in China: today is 2026-11-22).
/// <see cref="OnPostgres"/> runs the same application on a fresh PostgreSQL database instead.
/// </summary>
public sealed class JishiFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "jishi-web-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The environment variable with an administrator connection string of a PostgreSQL server, used by
    /// <see cref="OnPostgres"/> to create (and on dispose drop) a fresh database.</summary>
    public const string PostgresVariable = "JISHI_TEST_POSTGRES";

    private readonly string? postgresAdmin;
    private readonly string? postgresDatabase;
    private readonly string? postgresConnectionString;

    public JishiFactory()
    {
    }

    private JishiFactory(string postgresAdminConnectionString)
    {
        postgresAdmin = postgresAdminConnectionString;
        postgresDatabase = "jishi_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new Npgsql.NpgsqlConnection(postgresAdmin))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{postgresDatabase}\"";
            create.ExecuteNonQuery();
        }

        postgresConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(postgresAdmin) { Database = postgresDatabase }.ConnectionString;
    }

    /// <summary>The application on a fresh PostgreSQL database created through <see cref="PostgresVariable"/>.
    /// Without that variable this throws: PostgreSQL tests fail, they are never skipped.</summary>
    public static JishiFactory OnPostgres()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set: the PostgreSQL tests need an administrator connection string, e.g. " +
                $"{PostgresVariable}=\"Host=127.0.0.1;Port=55432;Username=jishi;Database=postgres\". They fail rather than skip.");
        }

        return new JishiFactory(admin);
    }

    /// <summary>Whether this factory runs on PostgreSQL (otherwise SQLite in <see cref="DataDirectory"/>).</summary>
    public bool UsesPostgres => postgresConnectionString is not null;

    public FakeTimeProvider Time { get; } = new(Now);

    public string BootstrapToken { get; } = "boot-" + Guid.NewGuid().ToString("N");

    public string DataDirectory => dataDirectory;

    /// <summary>A client that sends no credentials and does not follow redirects.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>A client that authenticates with <paramref name="token"/>.</summary>
    public ApiClient As(string token)
    {
        var http = Anonymous();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiClient(http);
    }

    /// <summary>The bootstrap administrator.</summary>
    public ApiClient Admin() => As(BootstrapToken);

    /// <summary>Creates a user bound to <paramref name="orgId"/> through the API and returns a client with its token.</summary>
    public async Task<ApiClient> UserAsync(string role, string? orgId)
    {
        var admin = Admin();
        var user = await admin.PostAsync("/api/v1/users", new
        {
            userName = $"u{Guid.NewGuid():N}"[..20],
            displayName = "测试用户",
            orgId,
            role,
        });
        Assert.Equal(201, user.Status);
        var token = await admin.PostAsync($"/api/v1/users/{user.Id}/tokens", new { });
        Assert.Equal(201, token.Status);
        return As(token.Json.GetProperty("token").GetString()!);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Jishi:DataDirectory", dataDirectory);
        builder.UseSetting("Jishi:SeedDemo", "false");
        builder.UseSetting("Jishi:BootstrapAdminToken", BootstrapToken);
        builder.UseSetting("Jishi:Database:Provider", UsesPostgres ? "Postgres" : "Sqlite");
        builder.UseSetting("ConnectionStrings:Jishi", postgresConnectionString ?? "");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (postgresDatabase is not null)
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                using var connection = new Npgsql.NpgsqlConnection(postgresAdmin);
                connection.Open();
                using var drop = connection.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)";
                drop.ExecuteNonQuery();
            }

            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open: the temporary directory is left for the system to clean.
            }
        }
    }
}
