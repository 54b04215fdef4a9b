namespace Jishi.Web.Tests;

public sealed class ProgramTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    [Fact]
    public async Task Health_WithoutAToken_Answers200()
    {
        using var http = factory.Anonymous();

        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task TheDatabase_IsTheSqliteFileOfTheConfiguredDataDirectory()
    {
        using var http = factory.Anonymous();
        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "jishi.db")));
    }

    [Fact]
    public async Task OpenApiDocument_WithoutAToken_Answers200AndDescribesTheOrgEndpoints()
    {
        using var http = factory.Anonymous();

        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("/api/v1/orgs", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_IsAChineseHtmlPage()
    {
        using var http = factory.Anonymous();

        using var response = await http.GetAsync(new Uri("/login", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("登录", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownApiPath_Is404ProblemJson()
    {
        var reply = await factory.Admin().GetAsync("/api/v1/no-such-resource");

        Problem.Assert(reply, 404);
    }

    [Fact]
    public async Task AnEmptyBody_Is400NamingBody()
    {
        var reply = await factory.Admin().PostRawAsync("/api/v1/orgs", "");

        Problem.AssertInvalid(reply, "body");
    }

    [Fact]
    public async Task HomePage_WithoutACookie_RedirectsToLogin()
    {
        using var http = factory.Anonymous();

        using var response = await http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(302, (int)response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        Assert.StartsWith("/login", response.Headers.Location.IsAbsoluteUri
            ? response.Headers.Location.PathAndQuery
            : response.Headers.Location.OriginalString, StringComparison.Ordinal);
    }
}
