using System.Text.Json;
using Jishi.App.Cases;
using Jishi.App.LostContacts;
using Jishi.Domain.LostContacts;
using Jishi.Domain.Procedures;

namespace Jishi.Web.Api;

/// <summary>失联党员 (API.md "Mobile members and lost contact", F-05…F-08): collection <c>lost-contacts</c>.</summary>
public static class LostContactEndpoints
{
    public static void MapLostContactEndpoints(this RouteGroupBuilder api)
    {
        var lost = api.MapGroup("/lost-contacts").WithTags("LostContacts");
        lost.MapPost("/", Report).WithSummary("登记失联党员")
            .WithDescription("{memberId, lostSinceDate, circumstance（LostContactCircumstance）, date?（登记日期，默认今天）, note?}。"
                + "每名党员只能有一份未结束的失联登记（409 附 existingId）。");
        lost.MapGet("/{id}", Get).WithSummary("失联党员登记：状态、版本、全程纪实事件及哈希、期限（F-05 满6个月停止党籍，F-08 停止党籍满2年）");
        lost.MapGet("/", List).WithSummary("失联党员名单，orgId 含下级组织；默认只列未结束的，state、duration（Table 43 的时长段）筛选；失联最久的在前");
        lost.MapPost("/{id}/events", Record)
            .WithSummary("记录一个步骤：SearchLogged（method, result）、Found、SuspensionDecided（decidingOrgId, basis；F-05）、"
                + "SuspensionApproved（approvingOrgId；F-05）、RestorationApplied（statement；F-07）、RestorationApproved（approvingOrgId；F-07）、"
                + "RemovalDecided（decidingOrgId, basis；F-08）、RemovalApproved（approvingOrgId；F-08）")
            .WithDescription("停止党籍经批准即记入党员变动（Suspended），不再计入有表决权的党员（F-06、G-08）；恢复党籍记 Restored；除名记 Removed。可带 If-Match。");
        lost.MapGet("/{id}/integrity", Integrity).WithSummary("校验失联党员登记事件的哈希链");
    }

    private static async Task<IResult> Report(JsonElement body, ReportLostContact useCase, TimeProvider time, CancellationToken ct)
    {
        var input = ProcedureJson.ParseOpening<LostContactEvent>(body, nameof(Reported), typeof(Reported), "date", "登记日期",
            dateRequired: false, App.ChinaTime.Today(time));
        var view = await useCase.Handle(input, ct);
        return Results.Created($"/api/v1/lost-contacts/{view.Head.Id}", LostContactResponse.From(view));
    }

    private static async Task<IResult> Get(string id, GetLostContact useCase, HttpContext http, CancellationToken ct)
    {
        var view = await useCase.Handle(id, ct);
        http.Response.Headers.ETag = $"\"{view.Head.Version}\"";
        return Results.Ok(LostContactResponse.From(view));
    }

    private static async Task<Page<LostContactSummary>> List(string? orgId, LostContactState? state, LostContactDuration? duration, int? page,
        int? pageSize, ListLostContacts useCase, TimeProvider time, CancellationToken ct)
    {
        var (p, size) = Paging.Check(page, pageSize);
        var (items, total) = await useCase.Handle(orgId, state, duration, p, size, ct);
        var today = App.ChinaTime.Today(time);
        return new Page<LostContactSummary>(items.Select(r => LostContactSummary.From(r, today)).ToList(), total);
    }

    private static async Task<IResult> Record(string id, JsonElement body, HttpContext http, RecordLostContactEvent useCase, CancellationToken ct)
    {
        var step = ProcedureJson.ParseEvent<LostContactEvent>(body, LostContactProcedure.Instance.EventTypes, nameof(Reported), "失联党员登记");
        var version = CaseEndpoints.ParseIfMatch(http.Request.Headers.IfMatch.ToString());
        var view = await useCase.Handle(id, step, version, ct);
        http.Response.Headers.ETag = $"\"{view.Head.Version}\"";
        return Results.Created($"/api/v1/lost-contacts/{id}", LostContactResponse.From(view));
    }

    private static async Task<VerifyCaseIntegrity.Result> Integrity(string id, VerifyLostContactIntegrity useCase, CancellationToken ct) =>
        await useCase.Handle(id, ct);
}

/// <summary>A lost-contact case in the one shape of every procedure (API.md "Procedures").</summary>
public sealed record LostContactResponse(
    string Id, ProcedureKind Kind, string MemberId, string? PersonId, string MemberName, string OrgId, string State, int Version,
    DateOnly ReportedDate, DateOnly LostSinceDate, LostContactCircumstance Circumstance, int SearchCount, DateOnly SuspensionFrom,
    DateOnly? SuspendedDate, DateOnly? ClosedDate, IReadOnlyList<ProcedureEventResponse> Events, IReadOnlyList<DeadlineResponse> Deadlines,
    IReadOnlyList<string> NextSteps, string HeadHash)
{
    public static LostContactResponse From(LostContactView v)
    {
        var (r, p) = (v.Record, v.Progress);
        return new LostContactResponse(r.Id, ProcedureKind.LostContact, r.MemberId, v.Head.PersonId, r.MemberName, r.OrgId, p.State.ToString(),
            v.Head.Version, p.ReportedDate, p.LostSinceDate, p.Circumstance, p.SearchCount, p.SuspensionFrom, p.SuspendedDate, p.ClosedDate,
            ProcedureJson.Events(v.Procedure.Events), ProcedureJson.Deadlines(v.Procedure.Deadlines), v.Procedure.NextSteps, v.Head.HeadHash);
    }
}

public sealed record LostContactSummary(string Id, ProcedureKind Kind, string MemberId, string MemberName, string OrgId, DateOnly LostSinceDate,
    LostContactCircumstance Circumstance, LostContactDuration Duration, string State, int SearchCount, DateOnly? SuspendedDate)
{
    public static LostContactSummary From(LostContactRecord r, DateOnly today) => new(r.Id, ProcedureKind.LostContact, r.MemberId, r.MemberName,
        r.OrgId, r.LostSinceDate, r.Circumstance, ListLostContacts.DurationOf(r.LostSinceDate, today), r.State.ToString(), r.SearchCount,
        r.SuspendedDate);
}
