using Jishi.App.Dues;
using Jishi.Domain.Dues;

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
        dues.MapGet("/sheet", Sheet).WithSummary("党费收缴表：组织及其下级组织某月每名党员的基数、比例、应交、已交、欠交月数");
    }

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

    private static async Task<DuesSheet> Sheet(string? orgId, string? month, GetDuesSheet useCase, CancellationToken ct) =>
        await useCase.Handle(orgId, month, ct);

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
