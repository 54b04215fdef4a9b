using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Jishi.Bench;

/// <summary>A minimal client of the v1 API with a bearer token: every call must succeed, or the bench stops with the reply.</summary>
public sealed class Api(HttpClient http, string token)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public HttpClient Http { get; } = http;

    public async Task<JsonElement> PostAsync(string url, object body, int expected = 201)
    {
        using var request = Request(HttpMethod.Post, url);
        request.Content = new StringContent(JsonSerializer.Serialize(body, Options), Encoding.UTF8, "application/json");
        return await SendAsync(request, expected);
    }

    public async Task<JsonElement> GetAsync(string url)
    {
        using var request = Request(HttpMethod.Get, url);
        return await SendAsync(request, 200);
    }

    /// <summary>A step on the case: <c>{type, date, …fields}</c>.</summary>
    public Task<JsonElement> StepAsync(string caseId, string type, string date, object? fields = null)
    {
        var body = fields is null ? new JsonObject() : JsonSerializer.SerializeToNode(fields, Options)!.AsObject();
        body["type"] = type;
        body["date"] = date;
        return PostAsync($"/api/v1/cases/{caseId}/events", body);
    }

    public HttpRequestMessage Request(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, int expected)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != expected)
        {
            throw new InvalidOperationException(
                $"{request.Method} {request.RequestUri}: expected {expected}, got {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
