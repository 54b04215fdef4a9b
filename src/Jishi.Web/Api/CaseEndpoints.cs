using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jishi.App;
using Jishi.App.Alerts;
using Jishi.App.Cases;
using Jishi.Domain.Development;
using Jishi.Domain.Rules;

namespace Jishi.Web.Api;

public static class CaseEndpoints
{
    private static readonly string[] Computed = ["result", "countedVotesFor", "validWrittenOpinionsFor"];
    private static readonly string[] Envelope = ["type", "date", "overrides", "exceptions"];

    public static void MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Development cases");
        cases.MapPost("/", Open).WithSummary("收到入党申请书，建立发展党员个案（R-05 年满十八岁、R-06 向哪个党组织申请；每人只能有一个在办个案）");
        cases.MapGet("/{id}", Get).WithSummary("个案：阶段、状态、版本、关键日期、全程纪实（事件及哈希）、当前适用的期限");
        cases.MapGet("/", List).WithSummary("个案列表（orgId 含下级组织；stage、status、q 姓名）");
        cases.MapPost("/{id}/events", Record)
            .WithSummary("记录一个步骤：{type, date, …字段, overrides?, exceptions?}；可带 If-Match: \"<version>\"")
            .WithDescription("字段见 API.md 事件表。违反规则 → 422，refusals 列出全部适用的规则；Warn 以 overrides [{rule, reason}] 放行，"
                + "BlockWithException 以 exceptions [{rule, basis, decidedBy, decisionDate}] 放行，Block 不能放行。"
                + "result、countedVotesFor、validWrittenOpinionsFor 由系统计算（G-10、G-11），不能提交。");
        cases.MapGet("/{id}/integrity", Integrity).WithSummary("校验个案事件的哈希链（任何绕过接口的修改都会使 valid 为 false）");
        api.MapGet("/alerts", Alerts).WithTags("Alerts").WithSummary("权限范围内在办个案已逾期（Overdue）或 withinDays 天内到期（DueSoon）的期限");
    }

    private static async Task<IResult> Open(NewCase body, OpenCase useCase, CancellationToken ct)
    {
        var view = await useCase.Handle(body, ct);
        return Results.Created($"/api/v1/cases/{view.Case.Id}", CaseResponse.From(view));
    }

    private static async Task<IResult> Get(string id, GetCase useCase, HttpContext http, CancellationToken ct)
    {
        var view = await useCase.Handle(id, ct);
        http.Response.Headers.ETag = $"\"{view.Case.Version}\"";
        return Results.Ok(CaseResponse.From(view));
    }

    private static async Task<Page<CaseSummary>> List(string? orgId, DevelopmentStage? stage, string? status, string? q, int? page,
        int? pageSize, ListCases useCase, CancellationToken ct)
    {
        var (p, size) = Paging.Check(page, pageSize);
        var (items, total) = await useCase.Handle(orgId, stage, status, q, p, size, ct);
        return new Page<CaseSummary>(items.Select(CaseSummary.From).ToList(), total);
    }

    private static async Task<IResult> Record(string id, JsonElement body, HttpContext http, RecordCaseEvent useCase, CancellationToken ct)
    {
        var step = ParseEvent(body);
        var version = ParseIfMatch(http.Request.Headers.IfMatch.ToString());
        var view = await useCase.Handle(id, step, version, ct);
        http.Response.Headers.ETag = $"\"{view.Case.Version}\"";
        return Results.Created($"/api/v1/cases/{id}", CaseResponse.From(view));
    }

    private static async Task<VerifyCaseIntegrity.Result> Integrity(string id, VerifyCaseIntegrity useCase, CancellationToken ct) =>
        await useCase.Handle(id, ct);

    private static async Task<AlertsResponse> Alerts(string? orgId, string? asOf, int? withinDays, ListAlerts useCase, CancellationToken ct)
    {
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            day = DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new InvalidInputException("asOf", $"“{asOf}”不是有效日期：应为 YYYY-MM-DD");
        }

        var alerts = await useCase.Handle(orgId, day, withinDays ?? 14, ct);
        return new AlertsResponse(alerts.Select(a => new AlertItem(a.CaseId, a.Rule, a.DueDate, a.Overdue ? "Overdue" : "DueSoon",
            a.Obligation is null ? a.Kind.ToString() : "OrgObligation", a.Obligation?.OrgId, a.Obligation?.Detail)).ToList());
    }

    /// <summary>Reads a step from the request body: type, date, overrides and exceptions, and the step's own fields.
    /// An unknown field, or a figure the server computes, is refused with the field named.</summary>
    public static NewCaseEvent ParseEvent(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInputException("body", "请求体应为 JSON 对象");
        }

        var obj = JsonObject.Create(body)!;
        var errors = new List<FieldError>();
        CaseEventType type = default;
        DateOnly date = default;
        if (obj["type"] is not JsonValue t || t.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(new FieldError("type", "必须填写事件类型（字符串）"));
        }
        else if (!Enum.TryParse(t.GetValue<string>(), out type) || !Enum.IsDefined(type) || type == CaseEventType.ApplicationReceived
                 || int.TryParse(t.GetValue<string>(), out _))
        {
            errors.Add(new FieldError("type", $"“{t.GetValue<string>()}”不是可记录的事件类型；应为 "
                + string.Join("、", Enum.GetNames<CaseEventType>().Where(n => n is not (nameof(CaseEventType.ApplicationReceived)
                    or nameof(CaseEventType.AttachmentAdded)))) + " 之一"));
        }
        else if (type == CaseEventType.AttachmentAdded)
        {
            errors.Add(new FieldError("type", "材料通过 POST /api/v1/cases/{id}/attachments 上传，由系统记录 AttachmentAdded"));
        }

        if (obj["date"] is not JsonValue dv || dv.GetValueKind() != JsonValueKind.String
            || !DateOnly.TryParseExact(dv.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add(new FieldError("date", "必须填写日期，格式 YYYY-MM-DD，且为真实日期"));
        }

        foreach (var key in Computed.Where(obj.ContainsKey))
        {
            errors.Add(new FieldError(key, "由系统根据表决数据计算，不能提交"));
        }

        var overrides = Part<List<Override>>(obj, "overrides", errors) ?? [];
        var exceptions = Part<List<RuleException>>(obj, "exceptions", errors) ?? [];
        foreach (var key in Envelope.Concat(Computed))
        {
            obj.Remove(key);
        }

        EventData? data = null;
        try
        {
            data = obj.Deserialize<EventData>(CaseJson.Strict);
        }
        catch (JsonException e)
        {
            errors.Add(JsonError(e));
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new NewCaseEvent(type, date, data!, overrides, exceptions);
    }

    internal static T? Part<T>(JsonObject obj, string key, List<FieldError> errors)
        where T : class
    {
        if (obj[key] is null)
        {
            return null;
        }

        try
        {
            return obj[key].Deserialize<T>(CaseJson.Strict);
        }
        catch (JsonException e)
        {
            var inner = JsonError(e);
            errors.Add(new FieldError(key + (inner.Field == "body" ? "" : inner.Field.StartsWith('[') ? inner.Field : "." + inner.Field), inner.Message));
            return null;
        }
    }

    /// <summary>A field error from System.Text.Json's exception: the unknown property, or the value at the path.</summary>
    internal static FieldError JsonError(JsonException e)
    {
        const string Marker = "The JSON property '";
        var message = e.Message;
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            var name = message[(at + Marker.Length)..];
            name = name[..name.IndexOf('\'', StringComparison.Ordinal)];
            return new FieldError(name, "未知字段：此事件类型没有该字段（请检查拼写，见 API.md 事件表）");
        }

        var problem = Problems.ToProblem(e);
        var errors = problem is Microsoft.AspNetCore.Http.HttpValidationProblemDetails v ? v.Errors : null;
        var first = errors?.FirstOrDefault();
        return first is { } f ? new FieldError(f.Key, f.Value[0]) : new FieldError("body", "JSON 格式错误");
    }

    internal static int? ParseIfMatch(string header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var text = header.Trim().TrimStart('W', '/').Trim('"');
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new InvalidInputException("If-Match", $"If-Match 应为个案版本号，例如 \"3\"；收到 {header}");
    }
}

public sealed record CaseDates(
    DateOnly ApplicationReceivedDate, DateOnly? ActivistDate, DateOnly? CandidateListedDate, DateOnly? PreReviewPassedDate,
    DateOnly? AssemblyDate, DateOnly? ApprovalDate, DateOnly? ProbationStartDate, DateOnly? ExpiryDate,
    DateOnly? ExtendedExpiryDate, DateOnly? PartyAgeStartDate);

public sealed record CaseEventResponse(
    int Seq, CaseEventType Type, DateOnly Date, DateTimeOffset RecordedAt, string RecordedBy, string RecordedByName,
    RulesVersion RulesVersion, JsonElement Data, JsonElement Overrides, JsonElement Exceptions, string Hash);

public sealed record DeadlineResponse(string Rule, DateOnly DueDate, bool Satisfied, DateOnly? CompletedDate);

public sealed record CaseResponse(
    string Id, string PersonId, string PersonName, string OrgId, DevelopmentStage Stage, CaseStatus Status, int Version,
    ReceivingOrgRelation ReceivingOrgRelation, CaseDates Dates, IReadOnlyList<CaseEventResponse> Events,
    IReadOnlyList<DeadlineResponse> Deadlines, IReadOnlyList<CaseEventType> NextSteps, string HeadHash)
{
    public static CaseResponse From(CaseView v)
    {
        var c = v.Case;
        return new CaseResponse(c.Id, c.PersonId, c.PersonName, c.OrgId, c.Stage, c.Status, c.Version, c.ReceivingOrgRelation,
            DatesOf(c),
            v.Events.Select(e => new CaseEventResponse(e.Seq, e.Type, e.Date, ChinaTime.ToChina(e.RecordedAt), e.RecordedBy,
                e.RecordedByName, e.RulesVersion, Parse(e.DataJson), Parse(e.OverridesJson), Parse(e.ExceptionsJson), e.Hash)).ToList(),
            v.Deadlines.Select(d => new DeadlineResponse(d.Rule, d.DueDate, d.Satisfied, d.CompletedDate)).ToList(), v.NextSteps, c.HeadHash);
    }

    public static CaseDates DatesOf(CaseRecord c) => new(c.ApplicationReceivedDate, c.ActivistDate, c.CandidateListedDate,
        c.PreReviewPassedDate, c.AssemblyDate, c.ApprovalDate, c.ProbationStartDate, c.ExpiryDate, c.ExtendedExpiryDate,
        c.PartyAgeStartDate);

    private static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}

public sealed record CaseSummary(
    string Id, string PersonId, string PersonName, string OrgId, DevelopmentStage Stage, CaseStatus Status, int Version,
    CaseDates Dates, DateTimeOffset UpdatedAt)
{
    public static CaseSummary From(CaseRecord c) => new(c.Id, c.PersonId, c.PersonName, c.OrgId, c.Stage, c.Status, c.Version,
        CaseResponse.DatesOf(c), ChinaTime.ToChina(c.UpdatedAt));
}

/// <summary>An alert: a procedure's deadline (<c>caseId</c>, <c>kind</c> the procedure's), or an organisation's
/// obligation (<c>kind: "OrgObligation"</c>, <c>orgId</c>, <c>detail</c> what is owed).</summary>
public sealed record AlertItem(string? CaseId, string Rule, DateOnly DueDate, string State, string Kind,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? OrgId = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Detail = null);

public sealed record AlertsResponse(IReadOnlyList<AlertItem> Items);
