using System.Text.Json;
using Jishi.App.Cases;
using Jishi.App.Mobility;
using Jishi.Domain.Mobility;
using Jishi.Domain.Procedures;

namespace Jishi.Web.Api;

/// <summary>流动党员 (API.md "Mobile members and lost contact", F-01…F-04): collection <c>mobility</c>.</summary>
public static class MobilityEndpoints
{
    public static void MapMobilityEndpoints(this RouteGroupBuilder api)
    {
        var mobility = api.MapGroup("/mobility").WithTags("Mobility");
        mobility.MapPost("/", Register).WithSummary("流出登记：党员未转移组织关系外出（F-01）")
            .WithDescription("{memberId, leftDate, destination, reason, category?（MobileCategory）, inflowOrgId?, activityCardNo?（F-03）, phone?, "
                + "expectedReturnDate?, abroadKind?（None | Study | Research | Settled；T-13-abroad）, note?}。每名党员只能有一份未结束的流动登记（409 附 existingId）。外出满6个月即为流动党员（F-01）。");
        mobility.MapGet("/{id}", Get).WithSummary("流动党员登记：状态、版本、全程纪实事件及哈希、期限（F-02 每季度联系，出国（境）T-13 每半年联系及审查；F-03 活动证年审）、prompts（T-13 出国（境）审查提示）");
        mobility.MapGet("/", List).WithSummary("流出（direction=Outflow）/流入（Inflow）登记簿，orgId 含下级组织；默认只列未结束的，state 筛选");
        mobility.MapPost("/{id}/events", Record)
            .WithSummary("记录一个步骤：ContactLogged（method, summary；F-02）、InflowRegistered（inflowOrgId | inflowOrgName, contactPerson?）、"
                + "ActivityCardIssued（cardNo；F-03）、ActivityCardChecked（year；F-03）、InflowAppraised（year, grade；F-04）、InflowDeparted（conduct?）、"
                + "AbroadReviewed（conclusion；T-13-abroad，出国（境）定居或学习研究超过5年的审查结论，不自动停止党籍）、Returned、Ended（reason）")
            .WithDescription("流入地党组织（在本系统内时）记录 InflowRegistered、InflowAppraised、InflowDeparted；其余由正式组织关系所在党组织记录。可带 If-Match。");
        mobility.MapGet("/{id}/integrity", Integrity).WithSummary("校验流动党员登记事件的哈希链");
    }

    private static async Task<IResult> Register(JsonElement body, RegisterOutflow useCase, TimeProvider time, CancellationToken ct)
    {
        var input = ProcedureJson.ParseOpening<MobilityEvent>(body, nameof(OutflowRegistered), typeof(OutflowRegistered), "leftDate", "外出日期",
            dateRequired: true, App.ChinaTime.Today(time));
        var view = await useCase.Handle(input, ct);
        return Results.Created($"/api/v1/mobility/{view.Head.Id}", MobilityResponse.From(view));
    }

    private static async Task<IResult> Get(string id, GetMobility useCase, HttpContext http, CancellationToken ct)
    {
        var view = await useCase.Handle(id, ct);
        http.Response.Headers.ETag = $"\"{view.Head.Version}\"";
        return Results.Ok(MobilityResponse.From(view));
    }

    private static async Task<Page<MobilitySummary>> List(string? orgId, string? direction, MobilityState? state, int? page, int? pageSize,
        ListMobility useCase, TimeProvider time, CancellationToken ct)
    {
        var (p, size) = Paging.Check(page, pageSize);
        var (items, total) = await useCase.Handle(orgId, direction, state, p, size, ct);
        var today = App.ChinaTime.Today(time);
        return new Page<MobilitySummary>(items.Select(r => MobilitySummary.From(r, today)).ToList(), total);
    }

    private static async Task<IResult> Record(string id, JsonElement body, HttpContext http, RecordMobilityEvent useCase, CancellationToken ct)
    {
        var step = ProcedureJson.ParseEvent<MobilityEvent>(body, MobilityProcedure.Instance.EventTypes, nameof(OutflowRegistered), "流动党员登记");
        var version = CaseEndpoints.ParseIfMatch(http.Request.Headers.IfMatch.ToString());
        var view = await useCase.Handle(id, step, version, ct);
        http.Response.Headers.ETag = $"\"{view.Head.Version}\"";
        return Results.Created($"/api/v1/mobility/{id}", MobilityResponse.From(view));
    }

    private static async Task<VerifyCaseIntegrity.Result> Integrity(string id, VerifyMobilityIntegrity useCase, CancellationToken ct) =>
        await useCase.Handle(id, ct);
}

/// <summary>A mobile member's record in the one shape of every procedure (API.md "Procedures").</summary>
public sealed record MobilityResponse(
    string Id, ProcedureKind Kind, string MemberId, string? PersonId, string MemberName, string OrgId, string State, int Version,
    DateOnly LeftDate, string Destination, string Reason, MobileCategory? Category, string? Phone, DateOnly? ExpectedReturnDate,
    string? InflowOrgId, string? InflowOrgName, DateOnly? InflowDate, string? ActivityCardNo, DateOnly? ActivityCardIssuedDate,
    IReadOnlyCollection<int> ActivityCardCheckedYears, DateOnly? LastContactDate, bool Mobile, DateOnly? ClosedDate,
    IReadOnlyList<ProcedureEventResponse> Events, IReadOnlyList<DeadlineResponse> Deadlines, IReadOnlyList<string> NextSteps, string HeadHash,
    AbroadKind AbroadKind, DateOnly? AbroadReviewedDate, string? AbroadReviewConclusion, IReadOnlyList<PromptResponse> Prompts)
{
    public static MobilityResponse From(MobilityView v)
    {
        var (r, p) = (v.Record, v.Progress);
        return new MobilityResponse(r.Id, ProcedureKind.Mobility, r.MemberId, v.Head.PersonId, r.MemberName, r.FormalOrgId, p.State.ToString(),
            v.Head.Version, p.LeftDate, p.Destination, p.Reason, p.Category, p.Phone, p.ExpectedReturnDate, r.InflowOrgId, r.InflowOrgName,
            p.InflowDate, p.ActivityCardNo, p.ActivityCardIssuedDate, p.CheckedYears, p.LastContactDate, v.IsMobile, p.ClosedDate,
            ProcedureJson.Events(v.Procedure.Events), ProcedureJson.Deadlines(v.Procedure.Deadlines), v.Procedure.NextSteps,
            v.Head.HeadHash, p.AbroadKind, p.AbroadReviewedDate, p.AbroadReviewConclusion, [.. v.Prompts.Select(PromptResponse.From)]);
    }
}

/// <summary>A WARN the record raises on today's date without a step being proposed (e.g. T-13-abroad's review).</summary>
public sealed record PromptResponse(string Rule, string Severity, string Article, string Message)
{
    public static PromptResponse From(Jishi.Domain.Rules.Refusal r) => new(r.Rule, r.Severity.ToString(), r.Article, r.Message);
}

public sealed record MobilitySummary(string Id, ProcedureKind Kind, string MemberId, string MemberName, string FormalOrgId, string? InflowOrgId,
    string? InflowOrgName, DateOnly LeftDate, string Destination, string Reason, MobileCategory? Category, string? ActivityCardNo, string State,
    bool Mobile, DateOnly? LastContactDate, AbroadKind AbroadKind = AbroadKind.None)
{
    public static MobilitySummary From(MobilityRecord r, DateOnly today) => new(r.Id, ProcedureKind.Mobility, r.MemberId, r.MemberName,
        r.FormalOrgId, r.InflowOrgId, r.InflowOrgName, r.LeftDate, r.Destination, r.Reason, r.Category, r.ActivityCardNo, r.State.ToString(),
        r.IsOpen && today >= r.LeftDate.AddMonths(MobilityRules.MobileAfterMonths), r.LastContactDate, r.AbroadKind);
}
