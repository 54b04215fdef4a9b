using Jishi.App.Data;
using Jishi.Domain.Dues;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Dues;

/// <summary>少交或免交 as a client sends it (D-07).</summary>
public sealed record NewDuesRelief(DuesReliefKind? Kind, decimal? Amount, DateOnly? BranchDecisionDate, string? ApprovedByOrgId,
    DateOnly? ApprovalDate);

/// <summary>PUT /members/{id}/dues-base: the member's dues from a month on (API.md "Dues").</summary>
public sealed record NewDuesBase(string? From, DuesCategory? BaseType, decimal? Base, decimal? Amount = null, NewDuesRelief? Relief = null);

/// <summary>
/// Assesses a member's dues from a month on by the 2008 rules (D-01 … D-07): one assessment per member and month —
/// recording the same month again replaces it; a later month's applies from that month (D-10).
/// </summary>
public sealed class SetDuesBase(JishiDbContext db, TimeProvider time)
{
    public async Task<DuesAssessmentRecord> Handle(string memberId, NewDuesBase input, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var v = new Validation();
        var from = DuesMonth.Parse(input.From);
        if (from is null)
        {
            v.Add("from", $"应为 YYYY-MM 格式的月份，填写的是“{input.From}”");
        }
        else if (from > DuesMonth.Of(today).AddMonths(12))
        {
            v.Add("from", $"起始月份 {from} 超过一年以后");
        }

        var category = v.Required("baseType", input.BaseType, "党费计算类别（baseType）");
        if (input.Relief is { Kind: null })
        {
            v.Add("relief.kind", "少交或免交须指明 Reduction 或 Exemption");
        }

        v.NotAfterToday("relief.branchDecisionDate", input.Relief?.BranchDecisionDate, today, "支部研究日期");
        v.NotAfterToday("relief.approvalDate", input.Relief?.ApprovalDate, today, "上级党委批准日期");
        v.ThrowIfInvalid();

        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId, ct) ?? throw new NotFoundException("党员", memberId);
        if (member.Status is not (MemberStatus.ProbationaryMember or MemberStatus.FullMember) || member.LeftDate is not null)
        {
            throw new InvalidInputException("memberId", $"{member.Name} 不在党员名册中（{member.Status}），不交纳党费");
        }

        var relief = input.Relief is { Kind: { } kind } r
            ? new DuesRelief(kind, r.Amount, r.BranchDecisionDate, r.ApprovedByOrgId, r.ApprovalDate)
            : null;
        var approvedAbove = false;
        if (relief?.ApprovedByOrgId is { } approverId)
        {
            var approver = await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Id == approverId, ct)
                ?? throw new NotFoundException("批准的党委", approverId, "relief.approvedByOrgId");
            approvedAbove = member.OrgPath.StartsWith(approver.Path, StringComparison.Ordinal) && member.OrgPath != approver.Path
                && approver.Type.IsCommittee();
        }

        var (assessment, errors, refusals) = DuesRules.Assess(from!.Value, category, input.Base, input.Amount, relief, approvedAbove);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        if (refusals.Count > 0)
        {
            throw new RuleViolationException(refusals);
        }

        var a = assessment!;
        var month = from.Value.ToString();
        var row = await db.DuesAssessments.FirstOrDefaultAsync(x => x.MemberId == member.Id && x.FromMonth == month, ct);
        if (row is null)
        {
            row = new DuesAssessmentRecord
            {
                Id = Ids.New(time),
                MemberId = member.Id,
                OrgId = member.OrgId,
                OrgPath = member.OrgPath,
                FromMonth = month,
                RecordedBy = db.Caller.UserId,
            };
            db.DuesAssessments.Add(row);
        }

        row.OrgId = member.OrgId;
        row.OrgPath = member.OrgPath;
        row.Category = a.Category;
        row.Base = a.Base;
        row.Rate = a.Rate;
        row.StandardAmount = a.StandardAmount;
        row.MonthlyAmount = a.MonthlyAmount;
        row.ReliefKind = relief?.Kind;
        row.ReliefAmount = relief?.Amount;
        row.ReliefBranchDecisionDate = relief?.BranchDecisionDate;
        row.ReliefApprovedByOrgId = relief?.ApprovedByOrgId;
        row.ReliefApprovalDate = relief?.ApprovalDate;
        row.RecordedAt = time.GetUtcNow();
        row.RecordedBy = db.Caller.UserId;
        await db.SaveChangesAsync(ct);
        return row;
    }

}
