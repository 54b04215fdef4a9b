using System.Net;
using System.Text.RegularExpressions;

namespace Jishi.Web.Tests.Pages;

/// <summary>One rendered page: status, the HTML (entities decoded) and the redirect target, if any.</summary>
public sealed record PageReply(int Status, string Html, string? Location)
{
    /// <summary>The form names (<c>_handler</c>) of the post-back forms on the page.</summary>
    public IReadOnlyList<string> Forms => WebSession.Handlers(Html);

    public override string ToString() => $"{Status} {Location} {Html}";
}

/// <summary>
/// A browser-like session of the server-rendered UI: logs in by posting the login form (cookies kept, redirects not
/// followed), GETs pages and posts their forms with the form's own <c>_handler</c> and antiforgery token.
/// </summary>
public sealed partial class WebSession(HttpClient http)
{
    public HttpClient Http { get; } = http;

    /// <summary>Logs in through <c>/login</c> and asserts the redirect that follows a successful login.</summary>
    public static async Task<WebSession> LogInAsync(JishiFactory factory, string userName, string password)
    {
        var http = factory.Anonymous();
        http.DefaultRequestHeaders.Accept.ParseAdd("text/html"); // as a browser does: an error status keeps the page
        var session = new WebSession(http);
        var login = await session.GetAsync("/login");
        Assert.Equal(200, login.Status);
        Assert.Contains("login", login.Forms);
        var reply = await session.SendFormAsync("/login", new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Token(login.Html),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        Assert.True(reply.Status == 302, $"login of {userName}: {reply}");
        return session;
    }

    public async Task<PageReply> GetAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        return await ReadAsync(response);
    }

    /// <summary>GETs <paramref name="url"/>, checks that it has the form <paramref name="formName"/>, and posts the
    /// form back to the same address with <paramref name="fields"/>, the form name and the page's antiforgery token.</summary>
    public async Task<PageReply> PostFormAsync(string url, string formName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await GetAsync(url);
        Assert.True(page.Status == 200, $"GET {url}: {page}");
        Assert.True(page.Forms.Contains(formName), $"GET {url} has no form {formName}: forms {string.Join(", ", page.Forms)}");
        var body = new List<KeyValuePair<string, string>>
        {
            new("_handler", formName),
            new("__RequestVerificationToken", Token(page.Html)),
        };
        body.AddRange(fields);
        return await SendFormAsync(url, body);
    }

    public static IReadOnlyList<string> Handlers(string html) =>
        InputTags().Matches(html).Select(m => m.Value).Where(tag => tag.Contains("name=\"_handler\"", StringComparison.Ordinal))
            .Select(tag => ValueAttribute().Match(tag).Groups[1].Value).ToList();

    private static string Token(string html)
    {
        var tag = InputTags().Matches(html).Select(m => m.Value)
            .FirstOrDefault(tag => tag.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal));
        Assert.True(tag is not null, "the page has no antiforgery token");
        return ValueAttribute().Match(tag).Groups[1].Value;
    }

    private async Task<PageReply> SendFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await Http.PostAsync(url, content);
        return await ReadAsync(response);
    }

    private static async Task<PageReply> ReadAsync(HttpResponseMessage response)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery + l.Fragment : l.OriginalString) : null;
        return new PageReply((int)response.StatusCode, html, location);
    }

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTags();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
