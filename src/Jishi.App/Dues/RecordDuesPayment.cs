using System.Text.Json;
using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Dues;
using Jishi.Domain.Members;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Dues;

/// <summary>POST /dues/payments (API.md "Dues").</summary>
public sealed record NewDuesPayment(
    string? MemberId,
    DateOnly? PaidDate,
    string? CoversFrom,
    string? CoversTo,
    decimal? Amount,
    DuesPayer? PaidBy = null,
    string? PayerName = null,
    DuesPaymentMethod? Method = null,
    string? PaidAtOrgId = null,
    string? Note = null,
    IReadOnlyList<Override>? Overrides = null);

/// <summary>
/// Records a dues payment with its receipt number, after the payment rules (D-08, D-12, D-14, D-16, D-17) — a refused
/// payment records nothing. Paid at the formal branch, or by a holder of a 流动党员活动证 at the inflow branch, whose
/// manager may record it though the member's record is not in their scope (D-17).
/// </summary>
public sealed class RecordDuesPayment(JishiDbContext db, TimeProvider time)
{
    public async Task<DuesPaymentRecord> Handle(NewDuesPayment input, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var v = new Validation();
        var memberId = v.Required("memberId", input.MemberId, 20, "党员");
        var paidDate = v.Required("paidDate", input.PaidDate, "交纳日期");
        var from = Month(v, "coversFrom", input.CoversFrom);
        var to = Month(v, "coversTo", input.CoversTo);
        var amount = v.Required("amount", input.Amount, "交纳金额（元）");
        var payerName = v.Optional("payerName", input.PayerName, 100, "代交人");
        var note = v.Optional("note", input.Note, 200, "备注");
        var paidBy = input.PaidBy ?? DuesPayer.Self;
        if (paidBy is DuesPayer.Relative or DuesPayer.OtherMember && payerName is null)
        {
            v.Add("payerName", "代交须填写代交人姓名");
        }

        foreach (var e in Gate.Validate(input.Overrides ?? [], []))
        {
            v.Add(e.Field, e.Message);
        }

        v.ThrowIfInvalid();

        var (member, paidAt, withCard) = await Where(memberId, input.PaidAtOrgId, ct);
        var book = await DuesBook.LoadAsync(db, [member.Id], ct);
        var first = FirstDueMonth(member);
        var due = from <= to ? DuesMonth.Range(from, to).Sum(m => book.DueIn(member.Id, m)) : 0m;
        var facts = new DuesPaymentFacts(paidDate, from, to, amount, paidBy, input.Method ?? DuesPaymentMethod.Cash, due, first,
            book.PaidMonths(member.Id), PaidAtFormalBranch: paidAt.Id == member.OrgId, PaidAtInflowBranchWithActivityCard: withCard, today);
        var errors = DuesPaymentRules.Fields(facts).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var gate = Gate.Resolve(DuesPaymentRules.Check(facts), input.Overrides ?? [], []);
        if (gate.Remaining.Count > 0)
        {
            throw new RuleViolationException(gate.Remaining);
        }

        var row = new DuesPaymentRecord
        {
            Id = Ids.New(time),
            MemberId = member.Id,
            MemberName = member.Name,
            OrgId = paidAt.Id,
            OrgPath = paidAt.Path,
            PaidDate = paidDate,
            CoversFrom = from.ToString(),
            CoversTo = to.ToString(),
            Amount = amount,
            DueAmount = due,
            VoluntaryExtra = DuesPaymentRules.VoluntaryExtra(facts),
            PaidBy = paidBy,
            PayerName = payerName,
            Method = facts.Method,
            Note = note,
            OverridesJson = gate.UsedOverrides.Count > 0 ? JsonSerializer.Serialize(gate.UsedOverrides, CaseJsonOptions) : null,
            RecordedAt = time.GetUtcNow(),
            RecordedBy = db.Caller.UserId,
        };
        return await DuesReceipts.SaveAsync(db, row, ct); // the collecting organisation is in the caller's scope
    }

    internal static readonly JsonSerializerOptions CaseJsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>D-08: dues are owed from the month of the admission assembly (预备期开始), or, for a member entered with
    /// only the date of full membership, from that month.</summary>
    internal static DuesMonth? FirstDueMonth(Member m) =>
        m.ProbationStartDate is { } p ? DuesMonth.Of(p) : m.PartyAgeStartDate is { } f ? DuesMonth.Of(f) : null;

    private static DuesMonth Month(Validation v, string field, string? text)
    {
        if (DuesMonth.Parse(text) is { } m)
        {
            return m;
        }

        v.Add(field, text is null ? "必须填写月份（YYYY-MM）" : $"应为 YYYY-MM 格式的月份，填写的是“{text}”");
        return default;
    }

    /// <summary>The member and where the dues are paid: the formal branch by default; another organisation in the caller's
    /// scope; or the inflow branch of an open mobile-member record with an activity card, which may record it for a
    /// member outside its scope.</summary>
    private async Task<(Member Member, Domain.Organisations.Organisation PaidAt, bool WithCard)> Where(string memberId, string? paidAtOrgId,
        CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        var inflow = await db.Mobility.AsNoTracking()
            .Where(r => r.MemberId == memberId && r.IsOpen && r.ActivityCardNo != null && r.InflowOrgId != null)
            .Select(r => r.InflowOrgId).FirstOrDefaultAsync(ct);
        member ??= inflow is not null && (paidAtOrgId ?? inflow) == inflow
            ? await db.Members.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct)
            : null;
        if (member is null)
        {
            throw new NotFoundException("党员", memberId, "memberId");
        }

        if (member.Status is not (MemberStatus.ProbationaryMember or MemberStatus.FullMember) || member.LeftDate is not null)
        {
            throw new InvalidInputException("memberId", $"{member.Name} 不在党员名册中（{member.Status}），不交纳党费");
        }

        var orgId = paidAtOrgId ?? (db.Caller.ScopePath is { } scope && !member.OrgPath.StartsWith(scope, StringComparison.Ordinal) ? inflow! : member.OrgId);
        var paidAt = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
            ?? throw new NotFoundException("收缴党费的组织", orgId, "paidAtOrgId");
        return (member, paidAt, inflow == paidAt.Id);
    }
}

/// <summary>收据号 per collecting organisation and year, "2026-0001", unique (a clash between two writers is a 409).</summary>
internal static class DuesReceipts
{
    public static async Task<DuesPaymentRecord> SaveAsync(JishiDbContext db, DuesPaymentRecord row, CancellationToken ct)
    {
        var year = row.PaidDate.Year;
        var last = await db.DuesPayments.IgnoreQueryFilters().Where(p => p.OrgId == row.OrgId && p.ReceiptYear == year)
            .MaxAsync(p => (int?)p.ReceiptNo, ct) ?? 0;
        row.ReceiptYear = year;
        row.ReceiptNo = last + 1;
        row.Receipt = $"{year:D4}-{last + 1:D4}";
        db.DuesPayments.Add(row);
        await DuesPaidMonths.StageAsync(db, row, ct);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("收据号、冲正记录或该党员的交纳记录已被同时写入，请重试");
        }

        return row;
    }
}
