using Jishi.Domain.Development;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;

namespace Jishi.Domain.LostContacts;

/// <summary>
/// The rules of 失联党员 (MANAGEMENT.md §2): S8《党员教育管理工作条例》第二十四条 and the local procedure [P] (branch
/// assembly decides, the primary committee approves; restoration approved at county level). Each rule is a named
/// method citing its id. One open case per member is a uniqueness check of the application (409).
/// </summary>
public static class LostContactRules
{
    /// <summary>F-05-suspension: 失去联系满6个月.</summary>
    public const int SuspensionAfterMonths = 6;

    /// <summary>F-07 / F-08: 停止党籍2年.</summary>
    public const int RemovalAfterYears = 2;

    private const string Article24 = "《党员教育管理工作条例》第二十四条";

    public static IEnumerable<FieldError> Fields(LostContactEvent data, DateOnly date)
    {
        if (data.Note is { Length: > 1000 })
        {
            yield return new FieldError("note", "备注不能超过 1000 字");
        }

        switch (data)
        {
            case Reported r:
                if (string.IsNullOrWhiteSpace(r.MemberId))
                {
                    yield return new FieldError("memberId", "必须填写失去联系的党员");
                }

                if (r.LostSinceDate is null)
                {
                    yield return new FieldError("lostSinceDate", "必须填写失去联系之日，格式 YYYY-MM-DD");
                }
                else if (r.LostSinceDate > date)
                {
                    yield return new FieldError("lostSinceDate", $"失去联系之日不能晚于登记日期 {date:yyyy-MM-dd}");
                }

                if (r.Circumstance is null)
                {
                    yield return new FieldError("circumstance", $"必须填写失联情形：{string.Join("、", Enum.GetNames<LostContactCircumstance>())}");
                }

                break;
            case SearchLogged s:
                if (string.IsNullOrWhiteSpace(s.Method) || s.Method.Length > 200)
                {
                    yield return new FieldError("method", "必须填写查找方式（如联系家属、原单位、公安机关协查，不超过 200 字）");
                }

                if (string.IsNullOrWhiteSpace(s.Result) || s.Result.Length > 1000)
                {
                    yield return new FieldError("result", "必须填写查找结果（不超过 1000 字）");
                }

                break;
            case SuspensionDecided d:
                if (string.IsNullOrWhiteSpace(d.DecidingOrgId))
                {
                    yield return new FieldError("decidingOrgId", "必须填写作出停止党籍决定的党组织（党支部党员大会或上级党组织）");
                }

                if (string.IsNullOrWhiteSpace(d.Basis))
                {
                    yield return new FieldError("basis", "必须写明决定的依据（如党员大会决议）");
                }

                break;
            case RemovalDecided d:
                if (string.IsNullOrWhiteSpace(d.DecidingOrgId))
                {
                    yield return new FieldError("decidingOrgId", "必须填写作出除名决定的党组织（党支部党员大会）");
                }

                if (string.IsNullOrWhiteSpace(d.Basis))
                {
                    yield return new FieldError("basis", "必须写明决定的依据（如党员大会决议）");
                }

                break;
            case SuspensionApproved { ApprovingOrgId: null or "" }:
            case RestorationApproved { ApprovingOrgId: null or "" }:
            case RemovalApproved { ApprovingOrgId: null or "" }:
                yield return new FieldError("approvingOrgId", "必须填写批准的党组织");
                break;
            case RestorationApplied a when string.IsNullOrWhiteSpace(a.Statement):
                yield return new FieldError("statement", "必须摘录本人书面申请的内容");
                break;
        }
    }

    public static IEnumerable<Refusal> Check(LostContactEvent data, DateOnly date, LostContactProgress p, LostContactContext ctx)
    {
        IEnumerable<Refusal?> refusals = data switch
        {
            Reported => [Member(ctx)],
            SuspensionDecided => [NotBeforePrevious(date, p), .. Suspension(date, p, ctx, decided: false)],
            SuspensionApproved => [NotBeforePrevious(date, p), .. Suspension(date, p, ctx, decided: true)],
            RestorationApplied => [NotBeforePrevious(date, p)],
            RestorationApproved => [NotBeforePrevious(date, p), .. Restoration(date, p, ctx)],
            RemovalDecided => [NotBeforePrevious(date, p), .. Removal(date, p, ctx, decided: false)],
            RemovalApproved => [NotBeforePrevious(date, p), .. Removal(date, p, ctx, decided: true)],
            SearchLogged or Found => [NotBeforePrevious(date, p)],
            _ => [],
        };
        return refusals.OfType<Refusal>();
    }

    public static Refusal? Member(LostContactContext ctx) => ctx.MemberHasLeft
        ? Refusal.Block(RuleIds.F05Suspension, Article24, $"{ctx.MemberName} 已不在本系统党员名册中，不能登记为失联党员")
        : null;

    /// <summary>F-05-suspension: 失去联系满6个月 (G-01), at least one search recorded, a probationary member handled by
    /// 取消预备党员资格 instead; the decision by the member's branch (assembly) or a higher organisation, the approval by
    /// a committee above the branch after the decision.</summary>
    public static IEnumerable<Refusal?> Suspension(DateOnly date, LostContactProgress p, LostContactContext ctx, bool decided)
    {
        if (ctx.MemberStatus == MemberStatus.ProbationaryMember)
        {
            yield return Refusal.Block(RuleIds.F05Suspension, Article24,
                $"{ctx.MemberName} 是预备党员：失去联系的预备党员应在其发展个案中取消预备党员资格，而不是停止党籍");
        }

        if (date < p.SuspensionFrom)
        {
            yield return Refusal.Block(RuleIds.F05Suspension, Article24,
                $"失去联系之日为 {p.LostSinceDate:yyyy-MM-dd}，满6个月之日为 {p.SuspensionFrom:yyyy-MM-dd}；{date:yyyy-MM-dd} 尚不能停止党籍");
        }

        if (p.SearchCount == 0)
        {
            yield return Refusal.Block(RuleIds.F05Suspension, Article24, "没有查找记录：停止党籍前须“通过各种方式查找”，并记录查找情况");
        }

        if (!decided)
        {
            if (!ctx.NamedOrgIsMemberOrgOrAbove)
            {
                yield return Refusal.Block(RuleIds.F05Suspension, Article24,
                    $"停止党籍应由 {ctx.MemberName} 所在党支部（党员大会）或其上级党组织决定，“{ctx.NamedOrg?.Name}”不是");
            }

            yield break;
        }

        if (p.SuspensionDecidedDate is null)
        {
            yield return Refusal.Block(RuleIds.F05Suspension, Article24, "没有停止党籍的决定记录：应先由党支部党员大会（或上级党组织）作出决定，再报党委审批");
        }

        if (!(ctx.NamedOrgIsAbove && ctx.NamedOrg!.IsCommittee))
        {
            yield return Refusal.Block(RuleIds.F05Suspension, Article24,
                $"停止党籍应报 {ctx.MemberOrg.Name} 的上级党委审批，“{ctx.NamedOrg?.Name}”不是其上级党委");
        }
    }

    /// <summary>F-07-restoration: a written application, approval at county level (a county-or-above committee or
    /// organisation department above the member's branch); after the 2 years (G-02) only by exception.</summary>
    public static IEnumerable<Refusal?> Restoration(DateOnly date, LostContactProgress p, LostContactContext ctx)
    {
        if (p.RestorationAppliedDate is null)
        {
            yield return Refusal.Block(RuleIds.F07Restoration, Article24, "没有本人恢复党籍的书面申请记录");
        }

        var n = ctx.NamedOrg;
        if (!(ctx.NamedOrgIsAbove && (n!.IsCountyOrAbove || n.Type.IsOrgDepartment())))
        {
            yield return Refusal.Block(RuleIds.F07Restoration, Article24,
                $"恢复党籍应经党支部和上级党委审查后由县级组织部门或县级以上党委批准，“{n?.Name}”不是 {ctx.MemberOrg.Name} 之上的县级以上党委或组织部门");
        }

        if (ctx.EndedMembership is { } ended)
        {
            yield return NoRestoration(ctx.MemberName, ended);
        }

        if (p.TwoYearsAfterSuspension is { } end && date > end)
        {
            yield return Refusal.BlockWithException(RuleIds.F07Restoration, Article24,
                $"停止党籍于 {p.SuspendedDate:yyyy-MM-dd}，2年期满于 {end:yyyy-MM-dd}；期满后恢复党籍须有特殊情况的说明");
        }
    }

    /// <summary>X-07-no-restoration (第二十四条 "原则上不能恢复党籍"): a membership ended by 劝退, 除名, 自行脱党, 退党 or
    /// 开除 is not restored but by an exception; re-entry is a new development case (X-06).</summary>
    public static Refusal NoRestoration(string memberName, EndedMembership ended) =>
        Refusal.BlockWithException(RuleIds.X07NoRestoration, Article24,
            $"{memberName} 已于 {ended.Date:yyyy-MM-dd} 出党（{ended.Detail}）：原则上不能恢复党籍，可重新申请入党（5年内不得重新入党）");

    /// <summary>F-08-removal-as-lapsed: 停止党籍满2年 (G-02) and still unreachable → decided by the branch assembly and
    /// approved by the higher committee (X-04).</summary>
    public static IEnumerable<Refusal?> Removal(DateOnly date, LostContactProgress p, LostContactContext ctx, bool decided)
    {
        if (p.TwoYearsAfterSuspension is { } end && date < end)
        {
            yield return Refusal.Block(RuleIds.F08RemovalAsLapsed, Article24,
                $"停止党籍于 {p.SuspendedDate:yyyy-MM-dd}，满2年之日为 {end:yyyy-MM-dd}；{date:yyyy-MM-dd} 尚不能按自行脱党除名");
        }

        if (!decided)
        {
            if (!ctx.NamedOrgIsMemberOrgOrAbove)
            {
                yield return Refusal.Block(RuleIds.F08RemovalAsLapsed, Article24,
                    $"除名应由 {ctx.MemberName} 所在党支部党员大会讨论决定，“{ctx.NamedOrg?.Name}”不是其所在或上级党组织");
            }

            yield break;
        }

        if (p.RemovalDecidedDate is null)
        {
            yield return Refusal.Block(RuleIds.F08RemovalAsLapsed, Article24, "没有除名的决定记录：应先由党支部党员大会作出决定，再报上级党委批准");
        }

        if (!(ctx.NamedOrgIsAbove && ctx.NamedOrg!.IsCommittee))
        {
            yield return Refusal.Block(RuleIds.F08RemovalAsLapsed, Article24,
                $"除名应报 {ctx.MemberOrg.Name} 的上级党委批准，“{ctx.NamedOrg?.Name}”不是其上级党委");
        }
    }

    private static Refusal? NotBeforePrevious(DateOnly date, LostContactProgress p)
    {
        var last = p.Events.Count > 0 ? p.Events[^1].Date : p.ReportedDate;
        return date >= last ? null : Refusal.Block(RuleIds.G05Dates, "通用约定 G-05",
            $"日期 {date:yyyy-MM-dd} 早于本案上一步骤的日期 {last:yyyy-MM-dd}：请按实际发生顺序记录");
    }

    /// <summary>The deadlines of a lost-contact case, owed by the member's organisation: 停止党籍 once 失联满6个月
    /// (F-05, "应当停止其党籍"), and the outcome 2 years after it (F-08: restored or removed).</summary>
    public static IReadOnlyList<ProcedureDeadline> Deadlines(LostContactProgress p)
    {
        var list = new List<ProcedureDeadline>();
        if (p.State == LostContactState.Closed && p.SuspendedDate is null)
        {
            list.Add(new(RuleIds.F05Suspension, p.SuspensionFrom, p.ClosedDate));
            return list;
        }

        list.Add(new(RuleIds.F05Suspension, p.SuspensionFrom, p.SuspendedDate));
        if (p.TwoYearsAfterSuspension is { } end)
        {
            list.Add(new(RuleIds.F08RemovalAsLapsed, end, p.ClosedDate));
        }

        return list;
    }
}
