using Jishi.App.OrgLife;

namespace Jishi.Web.Api;

/// <summary>党员党性分析 (MANAGEMENT.md L-08 = RULES M-14-party-spirit-analysis-5y): campaigns arranged by county-or-above
/// committees every five years, and each member's participation.</summary>
public static class PartySpiritEndpoints
{
    public static void MapPartySpiritEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/orgs/{id}/party-spirit-analyses", Arrange).WithTags("OrgLife")
            .WithSummary("县级以上党委安排一次党员党性分析活动（L-08）：startDate、endDate、theme；其他组织安排的返回 422");
        api.MapGet("/orgs/{id}/party-spirit-analyses", Overview).WithTags("OrgLife")
            .WithSummary("组织适用的党性分析活动（本级及上级安排的，和下级党委安排的），各附本组织范围内的参加人数和党员人数；"
                + "lastEndDate、nextDueDate：每 5 年集中开展一次（L-08），逾期列入期限提醒");
        api.MapGet("/party-spirit-analyses/{id}", Roll).WithTags("OrgLife")
            .WithSummary("一次党性分析活动在 orgId（缺省为安排的党委）范围内的党员名单，及各人参加的日期");
        api.MapPost("/party-spirit-analyses/{id}/participants", Participate).WithTags("OrgLife")
            .WithSummary("记录党员参加党性分析活动（L-08）：date 在活动期间内，memberIds[] 为安排党委所属组织的党员，每人一次；全部通过才记录");
    }

    private static async Task<IResult> Arrange(string id, NewPartySpiritAnalysis body, ArrangePartySpiritAnalysis useCase, CancellationToken ct)
    {
        var a = await useCase.Handle(id, body, ct);
        return Results.Created($"/api/v1/party-spirit-analyses/{a.Id}", PartySpiritAnalysisResponse.Of(a, null, null));
    }

    private static async Task<PartySpiritOverviewResponse> Overview(string id, GetPartySpiritAnalyses useCase, CancellationToken ct)
    {
        var o = await useCase.Handle(id, ct);
        return new(o.OrgId, o.LastEnded, o.NextDue, o.Arranges,
            [.. o.Items.Select(i => PartySpiritAnalysisResponse.Of(i.Analysis, i.Participants, i.Members) with { OrgName = i.OrgName })]);
    }

    private static async Task<PartySpiritRollResponse> Roll(string id, string? orgId, GetPartySpiritRoll useCase, CancellationToken ct)
    {
        var r = await useCase.Handle(id, orgId, ct);
        return new(PartySpiritAnalysisResponse.Of(r.Analysis, r.Members.Count(m => m.Date is not null), r.Members.Count), r.OrgId,
            [.. r.Members.Select(m => new PartySpiritMemberResponse(m.MemberId, m.Name, m.OrgId, m.Date))]);
    }

    private static async Task<IResult> Participate(string id, NewPartySpiritParticipation body, RecordPartySpiritParticipation useCase,
        CancellationToken ct)
    {
        var n = await useCase.Handle(id, body, ct);
        return Results.Created($"/api/v1/party-spirit-analyses/{id}", new { analysisId = id, recorded = n });
    }
}

public sealed record PartySpiritAnalysisResponse(string Id, string OrgId, string? OrgName, DateOnly StartDate, DateOnly EndDate, string Theme,
    int? Participants, int? Members, DateTimeOffset RecordedAt, string RecordedBy)
{
    public static PartySpiritAnalysisResponse Of(PartySpiritAnalysisRecord a, int? participants, int? members) =>
        new(a.Id, a.OrgId, null, a.StartDate, a.EndDate, a.Theme, participants, members, a.RecordedAt, a.RecordedBy);
}

public sealed record PartySpiritOverviewResponse(string OrgId, DateOnly? LastEndDate, DateOnly NextDueDate, bool Arranges,
    IReadOnlyList<PartySpiritAnalysisResponse> Items);

public sealed record PartySpiritMemberResponse(string MemberId, string Name, string OrgId, DateOnly? Date);

public sealed record PartySpiritRollResponse(PartySpiritAnalysisResponse Analysis, string OrgId, IReadOnlyList<PartySpiritMemberResponse> Members);
