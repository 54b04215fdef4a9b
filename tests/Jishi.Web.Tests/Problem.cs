using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jishi.Web.Tests;

/// <summary>Assertions on RFC 9457 problem details (API.md "Errors").</summary>
public static partial class Problem
{
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    /// <summary>Asserts the status, the <c>application/problem+json</c> media type and the body's <c>status</c>.</summary>
    public static JsonElement Assert(Reply reply, int status)
    {
        Xunit.Assert.True(reply.Status == status, $"expected {status}, got {reply}");
        Xunit.Assert.Equal("application/problem+json", reply.MediaType);
        var json = reply.Json;
        Xunit.Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Xunit.Assert.Equal(status, json.GetProperty("status").GetInt32());
        return json;
    }

    /// <summary>A 400 whose <c>errors</c> name <paramref name="field"/> with at least one non-empty message.</summary>
    public static JsonElement AssertInvalid(Reply reply, string field)
    {
        var json = Assert(reply, 400);
        var errors = json.GetProperty("errors");
        Xunit.Assert.True(errors.TryGetProperty(field, out var messages),
            $"errors should name \"{field}\": {errors.GetRawText()}");
        Xunit.Assert.Equal(JsonValueKind.Array, messages.ValueKind);
        Xunit.Assert.NotEmpty(messages.EnumerateArray());
        Xunit.Assert.All(messages.EnumerateArray(), m => Xunit.Assert.False(string.IsNullOrWhiteSpace(m.GetString())));
        return json;
    }

    /// <summary>A 422 whose first refusal is <paramref name="rule"/> with the contract's fields; returns it.</summary>
    public static JsonElement AssertRefused(Reply reply, string rule, string severity = "Block")
    {
        var json = Assert(reply, 422);
        var refusals = json.GetProperty("refusals");
        Xunit.Assert.Equal(JsonValueKind.Array, refusals.ValueKind);
        var first = refusals[0];
        Xunit.Assert.Equal(rule, first.GetProperty("rule").GetString());
        Xunit.Assert.Equal(severity, first.GetProperty("severity").GetString());
        Xunit.Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("article").GetString()));
        AssertChinese(first.GetProperty("message").GetString());
        return first;
    }

    public static void AssertChinese(string? text)
    {
        Xunit.Assert.False(string.IsNullOrWhiteSpace(text));
        Xunit.Assert.Matches(Chinese(), text);
    }
}
