using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jishi.App.Cases;
using Jishi.App.Procedures;
using Jishi.App.Transfers;
using Jishi.Domain.Development;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;

namespace Jishi.Web.Api;

/// <summary>How every procedure's steps are read from and written to JSON (API.md "Procedures"): the envelope
/// (type, date, overrides, exceptions) and exactly the fields of that type's own record, rejected field by field.</summary>
public static class ProcedureJson
{
    private static readonly string[] Envelope = ["type", "date", "overrides", "exceptions"];

    /// <summary>Reads a step posted to <c>/{collection}/{id}/events</c>; the opening type is not one of them.</summary>
    public static NewProcedureEvent<TEvent> ParseEvent<TEvent>(JsonElement body, IReadOnlyDictionary<string, Type> types, string openingType, string label)
        where TEvent : class
    {
        var obj = Object(body);
        var errors = new List<FieldError>();
        Type? recordType = null;
        var typeName = "";
        if (obj["type"] is not JsonValue t || t.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(new FieldError("type", "必须填写事件类型（字符串）"));
        }
        else if (!types.TryGetValue(typeName = t.GetValue<string>(), out recordType) || typeName == openingType)
        {
            recordType = null;
            errors.Add(new FieldError("type", $"“{typeName}”不是可记录的{label}事件类型；应为 {string.Join("、", types.Keys.Where(k => k != openingType))} 之一"));
        }

        var date = Date(obj, "date", "日期", errors, required: true);
        return Finish<TEvent>(obj, typeName, recordType, date ?? default, errors);
    }

    /// <summary>Reads the body that opens a procedure (POST /{collection}): its date in <paramref name="dateField"/>
    /// (or today when <paramref name="dateRequired"/> is false and it is absent), the rest the opening type's fields.</summary>
    public static NewProcedureEvent<TEvent> ParseOpening<TEvent>(JsonElement body, string openingType, Type recordType, string dateField,
        string dateLabel, bool dateRequired, DateOnly today)
        where TEvent : class
    {
        var obj = Object(body);
        var errors = new List<FieldError>();
        var date = Date(obj, dateField, dateLabel, errors, dateRequired);
        obj.Remove(dateField);
        return Finish<TEvent>(obj, openingType, recordType, date ?? today, errors);
    }

    private static NewProcedureEvent<TEvent> Finish<TEvent>(JsonObject obj, string typeName, Type? recordType, DateOnly date, List<FieldError> errors)
        where TEvent : class
    {
        var overrides = CaseEndpoints.Part<List<Override>>(obj, "overrides", errors) ?? [];
        var exceptions = CaseEndpoints.Part<List<RuleException>>(obj, "exceptions", errors) ?? [];
        foreach (var key in Envelope)
        {
            obj.Remove(key);
        }

        TEvent? data = null;
        if (recordType is not null)
        {
            try
            {
                data = (TEvent?)obj.Deserialize(recordType, CaseJson.Strict);
            }
            catch (JsonException e)
            {
                errors.Add(CaseEndpoints.JsonError(e));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new NewProcedureEvent<TEvent>(typeName, date, data!, overrides, exceptions);
    }

    private static DateOnly? Date(JsonObject obj, string field, string label, List<FieldError> errors, bool required)
    {
        var node = obj[field];
        if (node is null)
        {
            if (required)
            {
                errors.Add(new FieldError(field, $"必须填写{label}，格式 YYYY-MM-DD"));
            }

            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String
            && DateOnly.TryParseExact(v.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        errors.Add(new FieldError(field, $"{label}格式应为 YYYY-MM-DD，且为真实日期"));
        return null;
    }

    private static JsonObject Object(JsonElement body) => body.ValueKind == JsonValueKind.Object
        ? JsonObject.Create(body)!
        : throw new InvalidInputException("body", "请求体应为 JSON 对象");

    public static IReadOnlyList<ProcedureEventResponse> Events(IEnumerable<ProcedureEventRecord> events) =>
        events.Select(e => new ProcedureEventResponse(e.Seq, e.Type, e.Date, App.ChinaTime.ToChina(e.RecordedAt), e.RecordedBy,
            e.RecordedByName, e.RulesVersion, Json(e.DataJson), Json(e.OverridesJson), Json(e.ExceptionsJson), e.Hash)).ToList();

    public static IReadOnlyList<DeadlineResponse> Deadlines(IEnumerable<ProcedureDeadline> deadlines) =>
        deadlines.Select(d => new DeadlineResponse(d.Rule, d.DueDate, d.Satisfied, d.CompletedDate)).ToList();

    private static JsonElement Json(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
