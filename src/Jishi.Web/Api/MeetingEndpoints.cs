using Jishi.App.OrgLife;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Rules;
using Jishi.Web.Documents;

namespace Jishi.Web.Api;

/// <summary>组织生活 (API.md "Organisational life, appraisal, disposal"; MANAGEMENT.md §3 L-01 … L-03).</summary>
public static class MeetingEndpoints
{
    public static void MapMeetingEndpoints(this RouteGroupBuilder api)
    {
        var meetings = api.MapGroup("/meetings").WithTags("OrgLife");
        meetings.MapPost("/", Record)
            .WithSummary("记录一次组织生活会议：type（MeetingType）、date、topics[]、combines[]（同时计入的类型，如主题党日与支部党员大会）、"
                + "attendance[]（memberId、status：Present 出席 / Leave 请假 / Absent 缺席 / Excused 不计入应到，请假和不计入应到须填 reason）、"
                + "decisions[]、minutes、place；返回应到、实到、请假、缺席人数")
            .WithDescription("签到表须列出会议当日本组织的全体党员且不含他人（L-02，党小组会列本支部党员即可）；支委会的 attendance 是委员名单，"
                + "有决定事项时须半数以上委员到会（L-03）。党小组会记在党小组（orgId 为党小组）。");
        meetings.MapGet("/", List).WithSummary("组织及其下级组织的会议，按日期倒序；type 含同时计入的类型，from、to 为日期范围");
        meetings.MapGet("/{id}", Get).Produces<MeetingResponse>().WithSummary("一次会议及其签到表；format=pdf 为可打印的会议签到表（A4）");
        api.MapGet("/orgs/{id}/org-life", OrgLifeMatrix).WithTags("OrgLife")
            .WithSummary("组织生活落实情况（L-01）：一年中每类会议每个周期应开次数、已开次数、是否达到（period 为 2026-03、2026-Q1 或 2026）");
    }

    private static async Task<IResult> Record(NewMeeting body, RecordMeeting useCase, CancellationToken ct)
    {
        var m = await useCase.Handle(body, ct);
        return Results.Created($"/api/v1/meetings/{m.Id}", MeetingResponse.Of(m, withRoster: true));
    }

    private static async Task<MeetingList> List(string? orgId, MeetingType? type, DateOnly? from, DateOnly? to, ListMeetings useCase,
        CancellationToken ct) =>
        new([.. (await useCase.Handle(orgId, type, from, to, ct)).Select(m => MeetingResponse.Of(m, withRoster: false))]);

    private static async Task<IResult> Get(string id, string? format, GetMeeting useCase, MeetingDocuments documents, CancellationToken ct)
    {
        if (format is not (null or "" or "json" or "pdf"))
        {
            throw new InvalidInputException("format", $"应为 json 或 pdf，填写的是“{format}”");
        }

        return format == "pdf" ? await AttendancePdf(id, useCase, documents, ct) : Results.Ok(MeetingResponse.Of(await useCase.Handle(id, ct), withRoster: true));
    }

    /// <summary>The printable attendance sheet (会议签到表) of a meeting; the meeting page links it under /ui.</summary>
    public static async Task<IResult> AttendancePdf(string id, GetMeeting useCase, MeetingDocuments documents, CancellationToken ct)
    {
        var meeting = await useCase.Handle(id, ct);
        return Results.File(await documents.AttendancePdfAsync(meeting, ct), "application/pdf", MeetingDocuments.FileName(meeting));
    }

    private static async Task<OrgLife> OrgLifeMatrix(string id, int? year, GetOrgLife useCase, CancellationToken ct) =>
        await useCase.Handle(id, year, ct);
}

public sealed record AttendanceResponse(string MemberId, string Name, AttendanceStatus Status, string? Reason);

public sealed record MeetingResponse(string Id, string OrgId, MeetingType Type, IReadOnlyList<MeetingType> Combines, DateOnly Date,
    string? Place, IReadOnlyList<string> Topics, IReadOnlyList<string> Decisions, string? Minutes, int Expected, int Present, int Leave,
    int Absent, int Excused, IReadOnlyList<AttendanceResponse>? Attendance, DateTimeOffset RecordedAt, string RecordedBy)
{
    public static MeetingResponse Of(MeetingRecord m, bool withRoster) =>
        new(m.Id, m.OrgId, m.Type, [.. m.CountsFor().Skip(1)], m.Date, m.Place, m.Topics.Split('\n'),
            m.Decisions?.Split('\n') ?? [], m.Minutes, m.Expected, m.Present, m.Leave, m.Absent, m.Excused,
            withRoster ? [.. m.Attendance.OrderBy(a => a.MemberName, StringComparer.Ordinal).Select(a => new AttendanceResponse(a.MemberId, a.MemberName, a.Status, a.Reason))] : null,
            m.RecordedAt, m.RecordedBy);
}

public sealed record MeetingList(IReadOnlyList<MeetingResponse> Items);
