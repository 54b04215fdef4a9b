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
        api.MapGet("/members/lapse", Lapse).WithTags("OrgLife")
            .WithSummary("M-15：连续6个月不参加组织生活或不交纳党费（无正当理由）的党员，及连续3个月的预警（P-11）；只作提示，不作任何处理");
        api.MapPost("/members/{id}/lapse-exemptions", Exempt).WithTags("OrgLife")
            .WithSummary("记录正当理由（JustifiedReason，所列月份不计入连续月数）或年老体弱（ElderlyOrInfirm，L-06，不以组织生活出席情况提示）");
        api.MapPost("/appraisals", Appraise).WithTags("OrgLife")
            .WithSummary("记录年度民主评议党员的等次（L-05）：须以本组织支委会或支部党员大会的会议记录为依据（decidedAtMeetingId），否则 422；不设任何等次的比例或指标");
        api.MapGet("/appraisals", Appraisals).WithTags("OrgLife").WithSummary("组织及其下级组织的民主评议记录和等次");
        api.MapGet("/appraisals/{id}", GetAppraisal).Produces<AppraisalResponse>().WithTags("OrgLife")
            .WithSummary("一次民主评议及其等次；format=pdf 为可打印的民主评议党员结果汇总表（A4）");
        api.MapPost("/members/{id}/training", Train).WithTags("OrgLife").WithSummary("记录党员参加集中学习培训的学时（L-07）");
        api.MapGet("/training", Training).WithTags("OrgLife")
            .WithSummary("组织及其下级组织党员一年的培训学时；少于 32 学时的附 L-07 警告");
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

    private static async Task<LapseList> Lapse(string? orgId, DateOnly? asOf, ListLapse useCase, CancellationToken ct) =>
        await useCase.Handle(orgId, asOf, ct);

    private static async Task<IResult> Exempt(string id, NewLapseExemption body, RecordLapseExemption useCase, CancellationToken ct)
    {
        var e = await useCase.Handle(id, body, ct);
        return Results.Created($"/api/v1/members/{e.MemberId}", new { e.Id, e.MemberId, e.Kind, from = e.FromMonth, to = e.ToMonth, e.Reason });
    }

    private static async Task<IResult> Appraise(NewAppraisal body, RecordAppraisal useCase, CancellationToken ct)
    {
        var a = await useCase.Handle(body, ct);
        return Results.Created($"/api/v1/appraisals/{a.Id}", AppraisalResponse.Of(a));
    }

    private static async Task<AppraisalList> Appraisals(string? orgId, int? year, ListAppraisals useCase, CancellationToken ct) =>
        new([.. (await useCase.Handle(orgId, year, ct)).Select(AppraisalResponse.Of)]);

    private static async Task<IResult> GetAppraisal(string id, string? format, GetAppraisal useCase, AppraisalDocuments documents, CancellationToken ct)
    {
        if (format is not (null or "" or "json" or "pdf"))
        {
            throw new InvalidInputException("format", $"应为 json 或 pdf，填写的是“{format}”");
        }

        return format == "pdf" ? await AppraisalSummaryPdf(id, useCase, documents, ct) : Results.Ok(AppraisalResponse.Of(await useCase.Handle(id, ct)));
    }

    /// <summary>The printable 民主评议党员结果汇总表 of an appraisal; the appraisal page links it under /ui.</summary>
    public static async Task<IResult> AppraisalSummaryPdf(string id, GetAppraisal useCase, AppraisalDocuments documents, CancellationToken ct)
    {
        var appraisal = await useCase.Handle(id, ct);
        return Results.File(await documents.SummaryPdfAsync(appraisal, ct), "application/pdf", AppraisalDocuments.FileName(appraisal));
    }

    private static async Task<IResult> Train(string id, NewTraining body, RecordTraining useCase, CancellationToken ct)
    {
        var t = await useCase.Handle(id, body, ct);
        return Results.Created($"/api/v1/members/{t.MemberId}", new { t.Id, t.MemberId, t.Date, t.Hours, t.Subject });
    }

    private static async Task<TrainingYear> Training(string? orgId, int? year, GetTrainingYear useCase, CancellationToken ct) =>
        await useCase.Handle(orgId, year, ct);

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

public sealed record GradeResponse(string MemberId, string Name, AppraisalGrade Grade);

/// <summary>An appraisal with its grades and their counts per grade (Table 8 columns; never a share or a quota).</summary>
public sealed record AppraisalResponse(string Id, string OrgId, int Year, string DecidedAtMeetingId, DateOnly DecidedOn,
    IReadOnlyList<GradeResponse> Grades, IReadOnlyDictionary<AppraisalGrade, int> Counts, DateTimeOffset RecordedAt, string RecordedBy)
{
    public static AppraisalResponse Of(AppraisalRecord a) =>
        new(a.Id, a.OrgId, a.Year, a.DecidedAtMeetingId, a.DecidedOn,
            [.. a.Grades.OrderBy(g => g.MemberName, StringComparer.Ordinal).Select(g => new GradeResponse(g.MemberId, g.MemberName, g.Grade))],
            Enum.GetValues<AppraisalGrade>().ToDictionary(g => g, g => a.Grades.Count(x => x.Grade == g)), a.RecordedAt, a.RecordedBy);
}

public sealed record AppraisalList(IReadOnlyList<AppraisalResponse> Items);
