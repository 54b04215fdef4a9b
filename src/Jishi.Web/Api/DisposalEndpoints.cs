using System.Text.Json;
using Jishi.App.Cases;
using Jishi.App.Disposals;
using Jishi.Domain.Disposals;
using Jishi.Domain.Procedures;

namespace Jishi.Web.Api;

/// <summary>不合格党员组织处置 (API.md "Organisational life, appraisal, disposal", X-01…X-08): collection <c>disposals</c>.</summary>
public static class DisposalEndpoints
{
    public static void MapDisposalEndpoints(this RouteGroupBuilder api)
    {
        var disposals = api.MapGroup("/disposals").WithTags("Disposals");
        disposals.MapPost("/", Propose).WithSummary("党支部提出处置意见（X-02-sequence、X-05-no-double-measure）")
            .WithDescription("{memberId, ground（DisposalGround）, measure（DisposalMeasure）, startDate, matterRef?, reason?, note?}。"
                + "事由决定可以开始的措施（X-02-sequence）：限期改正（CorrectionWithinDeadline）；第三十一条第一、三项直接除名（Removal）；"
                + "自行脱党除名（RemovalAsLapsed）；退党除名（RemovalOnRequest）。劝退只在限期改正期满仍无转变后、劝而不退除名只在劝退被拒后，于本案中转入。"
                + "matterRef 与该党员党纪处分的事项编号相同的，拒绝（X-05-no-double-measure）。每名党员只能有一份未结束的处置（409 附 existingId）。");
        disposals.MapGet("/{id}", Get).WithSummary("组织处置：状态、当前措施、版本、全程纪实事件及哈希、期限（X-03-correction-deadline 期满审查）");
        disposals.MapGet("/", List).WithSummary("组织处置登记，orgId 含下级组织；state、measure 筛选；只计数，不设比例（X-08-no-quota）");
        disposals.MapPost("/{id}/events", Record)
            .WithSummary("记录一个步骤：FiledWithCommittee（filedWithOrgId；X-01-prior-filing）、Investigated（findings）、TalkHeld（interviewers, summary）、"
                + "CorrectionOrdered（deadline?，默认6个月、最长1年；X-03-correction-deadline）、CorrectionReviewed（result: Corrected | NotCorrected）、"
                + "AssemblyDecided（eligibleVoterCount, presentVoterCount, votesFor, votesAgainst, abstentions, memberAttendance, memberStatement；"
                + "X-04-decision-and-approval、G-08-voting-rights、L-04-assembly-votes）、Approved / NotApproved（approvingOrgId；X-04-decision-and-approval）、"
                + "Notified（劝退时 response: Withdrew | Refused）、Appealed（statement）")
            .WithDescription("备案前不能调查、谈话或采取措施（X-01-prior-filing）。NotCorrected 转为劝退；劝退通知时本人 Refused 转为除名，须再经支部大会决定、上级批准、通知。"
                + "劝退本人退党或除名经通知即记入党员变动（Removed，日期为批准之日），党员不删除；此后5年内不得重新入党（X-06-readmission-bar），"
                + "原则上不能恢复党籍（X-07-no-restoration）。可带 If-Match。");
        disposals.MapGet("/{id}/integrity", Integrity).WithSummary("校验组织处置事件的哈希链");
    }

    private static async Task<IResult> Propose(JsonElement body, ProposeDisposal useCase, TimeProvider time, CancellationToken ct)
    {
        var input = ProcedureJson.ParseOpening<DisposalEvent>(body, nameof(DisposalProposed), typeof(DisposalProposed), "startDate", "处置开始日期",
            dateRequired: true, App.ChinaTime.Today(time));
        var view = await useCase.Handle(input, ct);
        return Results.Created($"/api/v1/disposals/{view.Head.Id}", DisposalResponse.From(view));
    }

    private static async Task<IResult> Get(string id, GetDisposal useCase, HttpContext http, CancellationToken ct)
    {
        var view = await useCase.Handle(id, ct);
        http.Response.Headers.ETag = $"\"{view.Head.Version}\"";
        return Results.Ok(DisposalResponse.From(view));
    }

    private static async Task<Page<DisposalSummary>> List(string? orgId, DisposalState? state, DisposalMeasure? measure, int? page, int? pageSize,
        ListDisposals useCase, CancellationToken ct)
    {
        var (p, size) = Paging.Check(page, pageSize);
        var (items, total) = await useCase.Handle(orgId, state, measure, p, size, ct);
        return new Page<DisposalSummary>(items.Select(DisposalSummary.From).ToList(), total);
    }

    private static async Task<IResult> Record(string id, JsonElement body, HttpContext http, RecordDisposalEvent useCase, CancellationToken ct)
    {
        var step = ProcedureJson.ParseEvent<DisposalEvent>(body, DisposalProcedure.Instance.EventTypes, nameof(DisposalProposed), "组织处置");
        var version = CaseEndpoints.ParseIfMatch(http.Request.Headers.IfMatch.ToString());
        var view = await useCase.Handle(id, step, version, ct);
        http.Response.Headers.ETag = $"\"{view.Head.Version}\"";
        return Results.Created($"/api/v1/disposals/{id}", DisposalResponse.From(view));
    }

    private static async Task<VerifyCaseIntegrity.Result> Integrity(string id, VerifyDisposalIntegrity useCase, CancellationToken ct) =>
        await useCase.Handle(id, ct);
}

/// <summary>A disposal case in the one shape of every procedure (API.md "Procedures"), with its ground and measure.</summary>
public sealed record DisposalResponse(
    string Id, ProcedureKind Kind, string MemberId, string? PersonId, string MemberName, string OrgId, string State, int Version,
    DisposalGround Ground, DisposalMeasure ProposedMeasure, DisposalMeasure Measure, string? MatterRef, DateOnly StartDate,
    DateOnly? CorrectionDeadline, DateOnly? ApprovedDate, DateOnly? ClosedDate, DateOnly? ReadmissionBarUntil,
    IReadOnlyList<ProcedureEventResponse> Events, IReadOnlyList<DeadlineResponse> Deadlines, IReadOnlyList<string> NextSteps, string HeadHash)
{
    public static DisposalResponse From(DisposalView v)
    {
        var (r, p) = (v.Record, v.Progress);
        return new DisposalResponse(r.Id, ProcedureKind.Disposal, r.MemberId, v.Head.PersonId, r.MemberName, r.OrgId, p.State.ToString(), v.Head.Version,
            p.Ground, p.ProposedMeasure, p.Measure, p.MatterRef, p.StartDate, p.CorrectionDeadline, p.ApprovedDate, p.ClosedDate, p.ReadmissionBarUntil,
            ProcedureJson.Events(v.Procedure.Events), ProcedureJson.Deadlines(v.Procedure.Deadlines), v.Procedure.NextSteps, v.Head.HeadHash);
    }
}

public sealed record DisposalSummary(string Id, ProcedureKind Kind, string MemberId, string MemberName, string OrgId, DisposalGround Ground,
    DisposalMeasure Measure, string State, DateOnly StartDate, DateOnly? CorrectionDeadline, DateOnly? ClosedDate)
{
    public static DisposalSummary From(DisposalRecord r) => new(r.Id, ProcedureKind.Disposal, r.MemberId, r.MemberName, r.OrgId, r.Ground, r.Measure,
        r.State.ToString(), r.StartDate, r.CorrectionDeadline, r.ClosedDate);
}
