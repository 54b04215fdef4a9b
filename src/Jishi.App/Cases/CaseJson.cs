using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jishi.Domain.Development;

namespace Jishi.App.Cases;

/// <summary>
/// How event content is written (canonical: camelCase, enums by name, nulls omitted, compact) and how the hash
/// chain is computed. The stored strings are what is hashed, so any change to a stored row breaks the chain.
/// </summary>
public static class CaseJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>For client input: an unknown field is an error (never silently dropped).</summary>
    public static readonly JsonSerializerOptions Strict = new(Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static CaseEvent ToEvent(CaseEventRecord r) => new(r.Seq, r.Type, r.Date,
        JsonSerializer.Deserialize<EventData>(r.DataJson, Options)!,
        r.OverridesJson == EmptyList ? [] : JsonSerializer.Deserialize<List<Override>>(r.OverridesJson, Options)!,
        r.ExceptionsJson == EmptyList ? [] : JsonSerializer.Deserialize<List<RuleException>>(r.ExceptionsJson, Options)!);

    /// <summary>How an empty list is stored (most steps have no overrides and no exceptions).</summary>
    private const string EmptyList = "[]";

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>SHA-256 over the previous hash and the event's canonical content.</summary>
    public static string Hash(string prevHash, string caseId, int seq, CaseEventType type, DateOnly date,
        DateTimeOffset recordedAt, string recordedBy, RulesVersion version, string dataJson, string overridesJson,
        string exceptionsJson) =>
        Hash(prevHash, caseId, seq, type.ToString(), date, recordedAt, recordedBy, version.ToString(), dataJson, overridesJson, exceptionsJson);

    /// <summary>The canonical form of every procedure's events (one line per part, in this order), hashed with SHA-256.</summary>
    public static string Hash(string prevHash, string procedureId, int seq, string type, DateOnly date,
        DateTimeOffset recordedAt, string recordedBy, string version, string dataJson, string overridesJson,
        string exceptionsJson)
    {
        var canonical = string.Join('\n', prevHash, procedureId, seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
            type, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            recordedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), recordedBy,
            version, dataJson, overridesJson, exceptionsJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Whether a chain of events (in order) links from the genesis hash to <paramref name="head"/>: the first
    /// sequence number that does not, or null.</summary>
    public static (bool Valid, int? FirstInvalidSeq, string Head) CheckChain<T>(IReadOnlyList<T> events, Func<T, int> seq,
        Func<T, string> prevHash, Func<T, string> storedHash, Func<T, string> recompute, string head, int count)
    {
        var prev = GenesisHash;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (seq(e) != i + 1 || prevHash(e) != prev || recompute(e) != storedHash(e))
            {
                return (false, seq(e), head);
            }

            prev = storedHash(e);
        }

        return prev == head && events.Count == count ? (true, null, prev) : (false, events.Count + 1, head);
    }

    public static string Hash(CaseEventRecord r) => Hash(r.PrevHash, r.CaseId, r.Seq, r.Type, r.Date, r.RecordedAt,
        r.RecordedBy, r.RulesVersion, r.DataJson, r.OverridesJson, r.ExceptionsJson);
}
