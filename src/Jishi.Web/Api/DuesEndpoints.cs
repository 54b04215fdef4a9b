using Jishi.App;
using Jishi.App.Dues;
using Jishi.Domain.Dues;
using Jishi.Web.Documents;

namespace Jishi.Web.Api;

/// <summary>党费 (API.md "Dues"; RULES.md §5 D-01 … D-15, MANAGEMENT.md D-16 onwards).</summary>
public static class DuesEndpoints
{
    public static void MapDuesEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/members/{id}/dues-base", SetBase).WithTags("Dues")
            .WithSummary("党员从某月起的党费计算基数：baseType（Salaried、AnnualSalary、SelfEmployed、Retired、Farmer、Student、Unemployed、OnRelief、Dibao），"
                + "base（元/月，税后），amount（农民党员 0.20–1.00 元），relief（少交或免交：须支部研究、上级党委批准，D-07）；返回 rate、monthlyAmount（D-02 至 D-07，P-15 四舍五入到分）");
        api.MapGet("/members/{id}/dues", MemberDues).WithTags("Dues").WithSummary("党员的党费：历次核定、交纳和冲正记录、欠交月份（D-13）");
        var dues = api.MapGroup("/dues").WithTags("Dues");
        dues.MapPost("/payments", Pay)
            .WithSummary("记录交纳党费（收据号按收缴组织和年度编号）：D-08 预备党员自支部大会之月起交纳，D-12 预交须支部同意（WARN），D-14 不得垫交或扣缴（BLOCK），"
                + "D-16 一次补交超过 6 个月（WARN），D-17 在正式组织关系所在支部以外交纳（WARN，持活动证在流入地交纳除外），D-19 一次自愿多交 1000 元以上须上缴中央");
        dues.MapPost("/payments/{id}/reversal", Reverse).WithSummary("冲正一笔交纳记录（D-18：交纳记录不修改、不删除，以冲正记录更正）");
        dues.MapGet("/sheet", Sheet).Produces<DuesSheet>()
            .WithSummary("党费收缴表：组织及其下级组织某月每名党员的基数、比例、应交、已交、欠交月数；format=xlsx 为 Excel 登记表，format=pdf 为 A4 横向打印的 PDF");
        dues.MapGet("/ledger", Ledger).WithSummary("组织党费账户的年度账：上年结存、收缴、利息、下级上缴、上级下拨、上缴、下拨、按用途的支出、结存，逐月和逐笔");
        dues.MapPost("/ledger/entries", AddEntry)
            .WithSummary("记一笔党费账目：kind Interest 利息、Remitted 上缴上级党委（默认上一级）、Allocated 下拨下级组织、Spent 支出（须填 category 用途）；余额不足不能支出、上缴或下拨");
        dues.MapPost("/ledger/entries/{id}/reversal", ReverseEntry).WithSummary("冲正一笔党费账目（D-18：不修改、不删除）");
        dues.MapPost("/ledger/reports", Report)
            .WithSummary("记录年度党费收缴情况已向党员公布（Publication）或已向上级党组织书面报告（Report），保存当时的账目数字（D-20，次年 1 月 31 日前）");
        dues.MapPost("/reassessment", Reassess)
            .WithSummary("年度重新核定：一个组织的党员自某月起的党费基数一次提交（items：memberId、baseType、base、amount、relief），每行按 D-02 至 D-07 核定；任何一行有误或不符合规定则全部不记录，错误按行指出（items[3].base）");
        dues.MapGet("/supplement", Supplement).WithSummary("年报表 2 补充资料：按标准交纳、经批准少交、免交、一次性多交 1000 元以上的党员人数");
    }

    private static async Task<DuesLedgerResponse> Ledger(string? orgId, int? year, GetDuesLedger useCase, CancellationToken ct) =>
        DuesLedgerResponse.Of(await useCase.Handle(orgId, year, ct));

    private static async Task<IResult> AddEntry(NewDuesLedgerEntry body, RecordDuesLedgerEntry useCase, CancellationToken ct)
    {
        var e = await useCase.Handle(body, ct);
        return Results.Created($"/api/v1/dues/ledger?orgId={e.OrgId}&year={e.Date.Year}", DuesLedgerEntryResponse.Of(e, inFor: null, reversed: false, null));
    }

    private static async Task<IResult> ReverseEntry(string id, NewDuesReversal body, ReverseDuesLedgerEntry useCase, CancellationToken ct)
    {
        var e = await useCase.Handle(id, body, ct);
        return Results.Created($"/api/v1/dues/ledger?orgId={e.OrgId}&year={e.Date.Year}", DuesLedgerEntryResponse.Of(e, inFor: null, reversed: false, null));
    }

    private static async Task<IResult> Report(NewDuesYearReport body, RecordDuesYearReport useCase, CancellationToken ct)
    {
        var r = await useCase.Handle(body, ct);
        return Results.Created($"/api/v1/dues/ledger?orgId={r.OrgId}&year={r.Year}", DuesYearReportResponse.Of(r));
    }

    private static async Task<DuesReassessmentResponse> Reassess(NewDuesReassessment body, ReassessDues useCase, CancellationToken ct) =>
        new([.. (await useCase.Handle(body, ct)).Select(DuesAssessmentResponse.Of)]);

    private static async Task<DuesSupplement> Supplement(string? orgId, int? year, GetDuesSupplement useCase, CancellationToken ct) =>
        await useCase.Handle(orgId, year, ct);

    private static async Task<DuesAssessmentResponse> SetBase(string id, NewDuesBase body, SetDuesBase useCase, CancellationToken ct) =>
        DuesAssessmentResponse.Of(await useCase.Handle(id, body, ct));

    private static async Task<IResult> Pay(NewDuesPayment body, RecordDuesPayment useCase, CancellationToken ct)
    {
        var p = await useCase.Handle(body, ct);
        return Results.Created($"/api/v1/members/{p.MemberId}/dues", DuesPaymentResponse.From(p, reversed: false));
    }

    private static async Task<IResult> Reverse(string id, NewDuesReversal body, ReverseDuesPayment useCase, CancellationToken ct)
    {
        var p = await useCase.Handle(id, body, ct);
        return Results.Created($"/api/v1/members/{p.MemberId}/dues", DuesPaymentResponse.From(p, reversed: false));
    }

    private static async Task<IResult> Sheet(string? orgId, string? month, string? format, GetDuesSheet useCase, DuesDocuments documents,
        CancellationToken ct)
    {
        switch (format)
        {
            case null or "" or "json":
                return Results.Ok(await useCase.Handle(orgId, month, ct));
            case "xlsx":
                var sheet = await documents.LoadAsync(orgId, month, ct);
                return Results.File(DuesDocuments.Xlsx(sheet), DuesDocuments.XlsxType, DuesDocuments.FileName(sheet, "xlsx"));
            case "pdf":
                var printed = await documents.LoadAsync(orgId, month, ct);
                return Results.File(await documents.PdfAsync(printed, ct), "application/pdf", DuesDocuments.FileName(printed, "pdf"));
            default:
                var v = new Validation();
                v.Add("format", $"应为 json、xlsx 或 pdf，填写的是“{format}”");
                v.ThrowIfInvalid();
                return Results.Empty;
        }
    }

    private static async Task<MemberDuesResponse> MemberDues(string id, GetMemberDues useCase, CancellationToken ct)
    {
        var d = await useCase.Handle(id, ct);
        return new MemberDuesResponse(d.MemberId, d.Name, d.FirstDueMonth?.ToString(), [.. d.Assessments.Select(DuesAssessmentResponse.Of)],
            [.. d.Payments.Select(p => DuesPaymentResponse.From(p.Payment, p.Reversed))], [.. d.Arrears.Select(m => m.ToString())]);
    }
}

public sealed record DuesAssessmentResponse(string MemberId, string From, DuesCategory BaseType, decimal? Base, decimal? Rate,
    decimal StandardAmount, decimal MonthlyAmount, DuesReliefKind? Relief, decimal? ReliefAmount, DateOnly? ReliefBranchDecisionDate,
    string? ReliefApprovedByOrgId, DateOnly? ReliefApprovalDate)
{
    public static DuesAssessmentResponse Of(DuesAssessmentRecord a) => new(a.MemberId, a.FromMonth, a.Category, a.Base, a.Rate,
        a.StandardAmount, a.MonthlyAmount, a.ReliefKind, a.ReliefAmount, a.ReliefBranchDecisionDate, a.ReliefApprovedByOrgId, a.ReliefApprovalDate);
}

/// <summary>A payment; <c>forwardToCentre</c> when its voluntary extra is 1000 元 or more (D-19).</summary>
public sealed record DuesPaymentResponse(string Id, string Receipt, string MemberId, string MemberName, string OrgId, DateOnly PaidDate,
    string CoversFrom, string CoversTo, decimal Amount, decimal DueAmount, decimal VoluntaryExtra, bool ForwardToCentre, DuesPayer PaidBy,
    string? PayerName, DuesPaymentMethod Method, string? Note, string? ReversesPaymentId, bool Reversed)
{
    public static DuesPaymentResponse From(DuesPaymentRecord p, bool reversed) => new(p.Id, p.Receipt, p.MemberId, p.MemberName, p.OrgId,
        p.PaidDate, p.CoversFrom, p.CoversTo, p.Amount, p.DueAmount, p.VoluntaryExtra, p.VoluntaryExtra >= DuesPaymentRules.LargeVoluntary,
        p.PaidBy, p.PayerName, p.Method, p.Note, p.ReversesPaymentId, reversed);
}

public sealed record MemberDuesResponse(string MemberId, string Name, string? FirstDueMonth, IReadOnlyList<DuesAssessmentResponse> Assessments,
    IReadOnlyList<DuesPaymentResponse> Payments, IReadOnlyList<string> Arrears);

/// <summary>The year of an organisation's dues account (GET /dues/ledger).</summary>
public sealed record DuesLedgerResponse(string OrgId, string OrgName, int Year, decimal Opening, decimal Collected, decimal Interest,
    decimal ReceivedFromBelow, decimal ReceivedFromAbove, decimal Remitted, decimal Allocated, decimal Kept, decimal Spent,
    IReadOnlyList<DuesLedgerSpending> SpentByCategory, decimal Closing, decimal ForwardToCentre, IReadOnlyList<DuesLedgerMonth> Months,
    IReadOnlyList<DuesLedgerEntryResponse> Entries, IReadOnlyList<DuesYearReportResponse> Reports)
{
    public static DuesLedgerResponse Of(DuesLedgerYear l) => new(l.OrgId, l.OrgName, l.Year, l.Opening, l.Collected, l.Interest,
        l.ReceivedFromBelow, l.ReceivedFromAbove, l.Remitted, l.Allocated, l.Kept, l.Spent, l.SpentByCategory, l.Closing, l.ForwardToCentre,
        l.Months, [.. l.Entries.Select(e => DuesLedgerEntryResponse.Of(e.Entry, e.In, e.Reversed, e.CounterpartName))],
        [.. l.Reports.Select(DuesYearReportResponse.Of)]);
}

/// <summary>A ledger entry; in a ledger, <c>direction</c> says whether it adds to that organisation's account.</summary>
public sealed record DuesLedgerEntryResponse(string Id, string OrgId, DateOnly Date, DuesLedgerEntryKind Kind, DuesSpendingCategory? Category,
    string? CounterpartOrgId, string? CounterpartName, decimal Amount, string Item, string? Voucher, string? ReversesEntryId, bool Reversed,
    string? Direction)
{
    public static DuesLedgerEntryResponse Of(DuesLedgerEntryRecord e, bool? inFor, bool reversed, string? counterpartName) => new(e.Id, e.OrgId,
        e.Date, e.Kind, e.Category, e.CounterpartOrgId, counterpartName, e.Amount, e.Item, e.Voucher, e.ReversesEntryId, reversed,
        inFor switch { true => "In", false => "Out", null => null });
}

public sealed record DuesYearReportResponse(string Id, string OrgId, int Year, DuesYearReportKind Kind, DateOnly Date, string? Note,
    decimal Opening, decimal Collected, decimal Interest, decimal ReceivedFromBelow, decimal ReceivedFromAbove, decimal Remitted,
    decimal Allocated, decimal Spent, decimal Closing)
{
    public static DuesYearReportResponse Of(DuesYearReportRecord r) => new(r.Id, r.OrgId, r.Year, r.Kind, r.Date, r.Note, r.Opening,
        r.Collected, r.Interest, r.ReceivedFromBelow, r.ReceivedFromAbove, r.Remitted, r.Allocated, r.Spent, r.Closing);
}

public sealed record DuesReassessmentResponse(IReadOnlyList<DuesAssessmentResponse> Items);
