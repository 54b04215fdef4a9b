using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jishi.Web.Tests;

/// <summary>One HTTP answer: status, media type, body text, and the body parsed as JSON when it is JSON.</summary>
public sealed class Reply(int status, string? mediaType, string body, HttpResponseMessage response)
{
    public int Status { get; } = status;

    public string? MediaType { get; } = mediaType;

    public string Body { get; } = body;

    public HttpResponseMessage Response { get; } = response;

    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }

    /// <summary>The <c>id</c> of the created or returned resource.</summary>
    public string Id => Json.GetProperty("id").GetString()!;

    public override string ToString() => $"{Status} {MediaType} {Body}";
}

/// <summary>An authenticated client of the v1 API, with helpers that create organisations, people and members.</summary>
public sealed class ApiClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public HttpClient Http { get; } = http;

    public Task<Reply> GetAsync(string url) => SendAsync(HttpMethod.Get, url, null);

    /// <summary>GETs <paramref name="url"/>, asserts 200 (showing the reply otherwise) and returns the JSON body.</summary>
    public async Task<JsonElement> GetOkAsync(string url)
    {
        var reply = await GetAsync(url);
        Assert.True(reply.Status == 200, $"GET {url}: {reply}");
        return reply.Json;
    }

    public Task<Reply> PostAsync(string url, object body) => SendAsync(HttpMethod.Post, url, Serialize(body));

    public Task<Reply> PatchAsync(string url, object body) => SendAsync(HttpMethod.Patch, url, Serialize(body));

    public Task<Reply> PutAsync(string url, object body) => SendAsync(HttpMethod.Put, url, Serialize(body));

    public Task<Reply> DeleteAsync(string url) => SendAsync(HttpMethod.Delete, url, null);

    /// <summary>Sends <paramref name="json"/> exactly as given (for malformed or hand-written bodies).</summary>
    public Task<Reply> PostRawAsync(string url, string json) => SendAsync(HttpMethod.Post, url, json);

    public Task<Reply> PatchRawAsync(string url, string json) => SendAsync(HttpMethod.Patch, url, json);

    public async Task<string> CreateOrgAsync(string name, string type, string? parentId = null)
    {
        var reply = await PostAsync("/api/v1/orgs", new { name, type, parentId });
        Assert.True(reply.Status == 201, reply.ToString());
        return reply.Id;
    }

    public async Task<string> CreatePersonAsync(string name, string idNumber, string? orgId)
    {
        var reply = await PostAsync("/api/v1/people", new { name, idNumber, orgId });
        Assert.True(reply.Status == 201, reply.ToString());
        return reply.Id;
    }

    public async Task<string> CreateMemberAsync(string personId, string orgId, string status = "FullMember")
    {
        var reply = await PostAsync("/api/v1/members", new { personId, orgId, status });
        Assert.True(reply.Status == 201, reply.ToString());
        return reply.Id;
    }

    private static string Serialize(object body) => JsonSerializer.Serialize(body, Options);

    private async Task<Reply> SendAsync(HttpMethod method, string url, string? json)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Reply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response);
    }
}
