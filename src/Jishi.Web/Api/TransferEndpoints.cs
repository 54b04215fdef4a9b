using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jishi.App.Cases;
using Jishi.App.Procedures;
using Jishi.App.Transfers;
using Jishi.Domain.Development;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;
using Jishi.Domain.Transfers;
using Jishi.Web.Components.Cases;
using Jishi.Web.Components.Documents;
using Jishi.Web.Documents;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Jishi.Web.Api;

/// <summary>组织关系转接 (API.md "Organisational relation transfers", T-rules): collection <c>transfers</c>.</summary>
public static class TransferEndpoints
{
    private static readonly string[] Envelope = ["type", "date", "overrides", "exceptions"];

    public static void MapTransferEndpoints(this RouteGroupBuilder api)
    {
        var transfers = api.MapGroup("/transfers").WithTags("Transfers");
        transfers.MapPost("/", Issue).WithSummary("开具组织关系介绍信（Formal）或党员证明信（Certificate）")
            .WithDescription("{memberId, kind, reason, issuingOrgId, toOrgId? | toOrgName?, issuedDate, validityDays?（默认 30，T-04）, "
                + "duesPaidThrough: \"YYYY-MM\"（T-09）, expectedStayMonths?（T-02）, overrides?, exceptions?}。每名党员只能有一份未办结的介绍信"
                + "（T-01，409 附 existingId）；编号按开具党委和年度编排（第 号）。");
        transfers.MapGet("/{id}", Get).WithSummary("转接：状态（Expired = 过有效期未接收）、版本、全程纪实事件及哈希、期限（T-04、T-07、T-08）");
        transfers.MapGet("/", List).WithSummary("转入（direction=In）/转出（Out）登记簿，orgId 含下级组织，state 筛选");
        transfers.MapPost("/{id}/events", Record)
            .WithSummary("记录一个步骤：Received、Accepted（acceptingOrgId?, branchId?, introductionProvided?）、Rejected（reasonCode, reason；T-06）、"
                + "ReceiptReturned（T-07）、Withdrawn（reason）、ValidityExtended（days, basis；T-05）")
            .WithDescription("接收方记录 Received、Accepted、Rejected、ReceiptReturned，开具方记录 Withdrawn、ValidityExtended（T-03）。"
                + "Formal 介绍信被接收即在接收日转移组织关系（T-10），预备党员的发展个案随之转移（R-34）；可带 If-Match。");
        transfers.MapGet("/{id}/integrity", Integrity).WithSummary("校验转接事件的哈希链");
        transfers.MapGet("/{id}/letter.pdf", Letter)
            .WithSummary("打印介绍信 PDF（A4 一页）：存根、介绍信（或党员证明信）、回执三联，每联注明编号（第 号），联间骑缝线注明编号")
            .WithDescription("党费交至年月和有效期天数用大写数字；本系统外的接收组织按开具时填写的名称打印。公民身份号码仅对系统管理员完整显示。");
    }

    private static async Task<IResult> Issue(JsonElement body, IssueTransfer useCase, CancellationToken ct)
    {
        var (letter, date, overrides, exceptions) = ParseIssue(body);
        var view = await useCase.Handle(new NewTransfer(letter, date, overrides, exceptions), ct);
        return Results.Created($"/api/v1/transfers/{view.Head.Id}", TransferResponse.From(view));
    }

    private static async Task<IResult> Get(string id, GetTransfer useCase, HttpContext http, CancellationToken ct)
    {
        var view = await useCase.Handle(id, ct);
        http.Response.Headers.ETag = $"\"{view.Head.Version}\"";
        return Results.Ok(TransferResponse.From(view));
    }

    private static async Task<Page<TransferSummary>> List(string? orgId, string? direction, TransferState? state, int? page, int? pageSize,
        ListTransfers useCase, TimeProvider time, CancellationToken ct)
    {
        var (p, size) = Paging.Check(page, pageSize);
        var (items, total) = await useCase.Handle(orgId, direction, state, p, size, ct);
        var today = App.ChinaTime.Today(time);
        return new Page<TransferSummary>(items.Select(t => TransferSummary.From(t, today)).ToList(), total);
    }

    private static async Task<IResult> Record(string id, JsonElement body, HttpContext http, RecordTransferEvent useCase, CancellationToken ct)
    {
        var step = ProcedureJson.ParseEvent<TransferEvent>(body, TransferProcedure.Instance.EventTypes, nameof(Issued), "转接");
        var version = CaseEndpoints.ParseIfMatch(http.Request.Headers.IfMatch.ToString());
        var view = await useCase.Handle(id, step, version, ct);
        http.Response.Headers.ETag = $"\"{view.Head.Version}\"";
        return Results.Created($"/api/v1/transfers/{id}", TransferResponse.From(view));
    }

    /// <summary>The three-part letter as A4 PDF, in the caller's scope as GET /transfers/{id} (also served to the
    /// transfer page under <c>/ui</c>).</summary>
    internal static async Task<IResult> Letter(string id, GetTransferLetter useCase, HtmlRenderer renderer, PdfPrinter printer, CancellationToken ct)
    {
        var letter = await useCase.Handle(id, ct);
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<TransferLetterDoc>(
            ParameterView.FromDictionary(new Dictionary<string, object?> { ["Letter"] = letter }))).ToHtmlString());
        var t = letter.Transfer;
        return Results.File(await printer.PrintAsync(html, ct), "application/pdf", $"{Labels.Of(t.Kind)}-{t.Serial}.pdf");
    }

    private static async Task<VerifyCaseIntegrity.Result> Integrity(string id, VerifyTransferIntegrity useCase, CancellationToken ct) =>
        await useCase.Handle(id, ct);

    private static (Issued Letter, DateOnly? Date, List<Override> Overrides, List<RuleException> Exceptions) ParseIssue(JsonElement body)
    {
        var obj = Object(body);
        var errors = new List<FieldError>();
        DateOnly? date = null;
        if (obj["issuedDate"] is JsonValue dv && dv.GetValueKind() == JsonValueKind.String)
        {
            date = DateOnly.TryParseExact(dv.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : null;
            if (date is null)
            {
                errors.Add(new FieldError("issuedDate", "开具日期格式应为 YYYY-MM-DD，且为真实日期"));
            }
        }
        else if (obj["issuedDate"] is not null)
        {
            errors.Add(new FieldError("issuedDate", "开具日期格式应为 YYYY-MM-DD"));
        }

        var overrides = CaseEndpoints.Part<List<Override>>(obj, "overrides", errors) ?? [];
        var exceptions = CaseEndpoints.Part<List<RuleException>>(obj, "exceptions", errors) ?? [];
        obj.Remove("issuedDate");
        obj.Remove("overrides");
        obj.Remove("exceptions");
        var letter = Deserialize<Issued>(obj, errors);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return (letter!, date, overrides, exceptions);
    }

    private static JsonObject Object(JsonElement body) => body.ValueKind == JsonValueKind.Object
        ? JsonObject.Create(body)!
        : throw new InvalidInputException("body", "请求体应为 JSON 对象");

    private static T? Deserialize<T>(JsonObject obj, List<FieldError> errors)
        where T : class
    {
        try
        {
            return obj.Deserialize<T>(CaseJson.Strict);
        }
        catch (JsonException e)
        {
            errors.Add(CaseEndpoints.JsonError(e));
            return null;
        }
    }
}

public sealed record ProcedureEventResponse(int Seq, string Type, DateOnly Date, DateTimeOffset RecordedAt, string RecordedBy, string RecordedByName,
    string RulesVersion, JsonElement Data, JsonElement Overrides, JsonElement Exceptions, string Hash);

/// <summary>A transfer in the one shape of every procedure (API.md "Procedures") with its letter's terms.</summary>
public sealed record TransferResponse(
    string Id, ProcedureKind Kind, string MemberId, string MemberName, string OrgId, string State, int Version,
    TransferKind TransferKind, string Serial, string Reason, string IssuingOrgId, string FromOrgId, string? ToOrgId, string ToOrgName,
    DateOnly IssuedDate, int ValidityDays, DateOnly ExpiryDate, string DuesPaidThrough, DateOnly? ReceivedDate, DateOnly? AcceptedDate,
    DateOnly? ReceiptReturnedDate, IReadOnlyList<ProcedureEventResponse> Events, IReadOnlyList<DeadlineResponse> Deadlines,
    IReadOnlyList<string> NextSteps, string HeadHash)
{
    public static TransferResponse From(TransferView v)
    {
        var t = v.Transfer;
        var p = v.Progress;
        return new TransferResponse(t.Id, ProcedureKind.Transfer, t.MemberId, t.MemberName, t.IssuingOrgId, v.State.ToString(), v.Head.Version,
            t.Kind, t.Serial, t.Reason, t.IssuingOrgId, t.FromOrgId, t.ToOrgId, t.ToOrgName, t.IssuedDate, t.ValidityDays, p.ExpiryDate,
            t.DuesPaidThrough, p.ReceivedDate, p.AcceptedDate, p.ReceiptReturnedDate,
            ProcedureJson.Events(v.Events), ProcedureJson.Deadlines(v.Deadlines), v.NextSteps, v.Head.HeadHash);
    }
}

public sealed record TransferSummary(string Id, ProcedureKind Kind, string MemberId, string MemberName, TransferKind TransferKind, string Serial,
    string State, string IssuingOrgId, string? ToOrgId, string ToOrgName, DateOnly IssuedDate, DateOnly ExpiryDate, DateOnly? AcceptedDate)
{
    public static TransferSummary From(TransferRecord t, DateOnly today) => new(t.Id, ProcedureKind.Transfer, t.MemberId, t.MemberName, t.Kind,
        t.Serial, (t.IsOpen && today > t.ExpiryDate ? TransferState.Expired : t.State).ToString(), t.IssuingOrgId, t.ToOrgId, t.ToOrgName,
        t.IssuedDate, t.ExpiryDate, t.AcceptedDate);
}
