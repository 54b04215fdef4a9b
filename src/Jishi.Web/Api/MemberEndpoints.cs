using Jishi.App;
using Jishi.App.Members;

namespace Jishi.Web.Api;

public static class MemberEndpoints
{
    public static void MapMemberEndpoints(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");
        members.MapPost("/", Create).WithSummary("党员名册登记");
        members.MapGet("/{id}", Get).WithSummary("党员详情（含处分及其影响期，G-16）");
        members.MapGet("/", List).WithSummary("组织及其下级组织的党员名册");
        members.MapPost("/{id}/sanctions", AddSanction).WithSummary("记录党纪处分（影响期按 G-16 计算）；matterRef 为所处理事项的编号，同一事项不再组织处置（X-05-no-double-measure）")
            .WithDescription("decidingOrgId? 为作出处分决定的组织（本人所在组织或其上级）；为党支部时须填 assemblyVote {eligibleVoterCount, presentVoterCount, "
                + "votesFor, votesAgainst?, abstentions?}（支部党员大会表决），实到 2A > N 方可表决、赞成 2Y > N 方为通过，否则 422 L-04-assembly-votes，不记录处分；"
                + "人数不一致（实到多于应到、票数多于实到）400。不填 decidingOrgId 的按上级党委决定记录，不要求表决情况。");
        members.MapPut("/{id}/graduation", RecordGraduation)
            .WithSummary("记录毕业生的毕业日期（T-12-graduates，第三十四条）：{graduationDate, placed?}；组织关系保留一般不超过2年，毕业满24个月仍由本组织保留即提醒转出")
            .WithDescription("graduationDate 必填且不晚于今天（G-05）；placed 为是否已落实工作单位。已离开本系统名册的党员 422 T-12-graduates。再次记录即更正。");
        members.MapGet("/{id}/history", History).WithSummary("党员的组织关系和党籍变动记录（N-01：发展、转正、转入、转出、停止党籍、恢复、出党、死亡……，从不删除）");
    }

    private static async Task<IResult> Create(NewMember body, CreateMember useCase, GetMember get, TimeProvider time,
        CancellationToken ct)
    {
        var member = await useCase.Handle(body, ct);
        var view = await get.Handle(member.Id, ct);
        return Results.Created($"/api/v1/members/{member.Id}", MemberResponse.From(view.Member, view.Person, ChinaTime.Today(time)));
    }

    private static async Task<MemberResponse> Get(string id, GetMember useCase, MemberFlags flags, TimeProvider time, CancellationToken ct)
    {
        var view = await useCase.Handle(id, ct);
        return MemberResponse.From(view.Member, view.Person, ChinaTime.Today(time), await flags.Handle(view.Member, ct));
    }

    private static async Task<MemberResponse> RecordGraduation(string id, NewGraduation body, RecordGraduation useCase, GetMember get, MemberFlags flags,
        TimeProvider time, CancellationToken ct)
    {
        await useCase.Handle(id, body, ct);
        var view = await get.Handle(id, ct);
        return MemberResponse.From(view.Member, view.Person, ChinaTime.Today(time), await flags.Handle(view.Member, ct));
    }

    private static async Task<MemberHistoryResponse> History(string id, GetMemberHistory useCase, CancellationToken ct)
    {
        var items = await useCase.Handle(id, ct);
        return new MemberHistoryResponse(items.Select(h => new MemberHistoryItem(h.Date, h.Change, h.OrgId, h.Detail, h.ProcedureId, h.WholeUnit)).ToList());
    }

    private static async Task<Page<MemberResponse>> List(string? orgId, string? q, int? page, int? pageSize,
        ListMembers useCase, TimeProvider time, CancellationToken ct)
    {
        var (p, size) = Paging.Check(page, pageSize);
        var (items, total) = await useCase.Handle(orgId, q, p, size, ct);
        var today = ChinaTime.Today(time);
        return new Page<MemberResponse>(items.Select(v => MemberResponse.From(v.Member, v.Person, today)).ToList(), total);
    }

    private static async Task<IResult> AddSanction(string id, NewSanction body, AddSanction useCase, TimeProvider time,
        CancellationToken ct)
    {
        var sanction = await useCase.Handle(id, body, ct);
        return Results.Created($"/api/v1/members/{id}", SanctionResponse.From(sanction, ChinaTime.Today(time)));
    }
}

/// <summary>One history entry; <c>wholeUnit</c> marks 整建制转入/转出 (T-11-whole-unit).</summary>
public sealed record MemberHistoryItem(DateOnly Date, Domain.Membership.MembershipChange Change, string OrgId, string? Detail, string? ProcedureId,
    bool WholeUnit = false);

public sealed record MemberHistoryResponse(IReadOnlyList<MemberHistoryItem> Items);
