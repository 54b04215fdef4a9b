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
/// </summary>
public sealed class JishiFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "jishi-web-tests", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Time { get; } = new(Now);

    public string BootstrapToken { get; } = "boot-" + Guid.NewGuid().ToString("N");

    public string DataDirectory => dataDirectory;

    /// <summary>A client that sends no credentials and does not follow redirects.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

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
        builder.UseSetting("Jishi:Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Jishi", "");
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
