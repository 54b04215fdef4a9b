using Jishi.Domain.Calendar;
using Jishi.Domain.Development;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Disposals;

/// <summary>
/// The rules of 不合格党员组织处置 (MANAGEMENT.md §4, X-01…X-08): 党章第九条, 《党员教育管理工作条例》第三十、三十一条
/// and S12. Each rule is a named method citing its id. X-08-no-quota holds by construction: nothing here or in the
/// application counts a ratio or quota of disposals. One open case per member is a uniqueness check of the application (409).
/// </summary>
public static class DisposalRules
{
    /// <summary>X-03: 限期改正时间一般为6个月.</summary>
    public const int DefaultCorrectionMonths = 6;

    /// <summary>X-03: 最长不超过1年.</summary>
    public const int MaxCorrectionMonths = 12;

    /// <summary>X-03 (design default): a review recorded more than this many days after the deadline is late (WARN).</summary>
    public const int ReviewGraceDays = 30;

    /// <summary>X-06: 受到劝其退党或者除名处置的，5年内不得重新入党.</summary>
    public const int ReadmissionBarYears = 5;

    private const string S12 = "《中国共产党党员组织处置办法（试行）》";
    private const string Article9 = "党章第九条";
    private const string Article30 = "《党员教育管理工作条例》第三十条";
    private const string Article31 = "《党员教育管理工作条例》第三十一条";

    /// <summary>X-03: the default deadline of a correction ordered on <paramref name="start"/> (G-01).</summary>
    public static DateOnly DefaultCorrectionDeadline(DateOnly start) => StatutoryPeriod.MonthsAfter(start, DefaultCorrectionMonths);

    /// <summary>The measures a case may be opened with on each ground (X-02): 限期改正 on the grounds of S12 art. 6;
    /// direct 除名 only on 第三十一条 cases 1 and 3; 自行脱党 (case 6) and 退党 by their own measures. 劝退 and 劝而不退除名
    /// are never proposed at the start: they follow 限期改正 and 劝退 inside the case.</summary>
    public static IReadOnlyList<DisposalMeasure> OpeningMeasures(DisposalGround ground) => ground switch
    {
        DisposalGround.LostPartyConditions or DisposalGround.AsksToLeaveDegenerate => [DisposalMeasure.Removal],
        DisposalGround.Lapse6Months => [DisposalMeasure.RemovalAsLapsed],
        DisposalGround.RequestsToLeave => [DisposalMeasure.RemovalOnRequest],
        _ => [DisposalMeasure.CorrectionWithinDeadline],
    };

    /// <summary>Whether the measure ends the membership when carried out (劝退 accepted, or any 除名).</summary>
    public static bool EndsMembership(DisposalMeasure m) => m != DisposalMeasure.CorrectionWithinDeadline;

    public static IEnumerable<FieldError> Fields(DisposalEvent data, DateOnly date, DisposalProgress p)
    {
        if (data.Note is { Length: > 1000 })
        {
            yield return new FieldError("note", "备注不能超过 1000 字");
        }

        switch (data)
        {
            case DisposalProposed r:
                if (string.IsNullOrWhiteSpace(r.MemberId))
                {
                    yield return new FieldError("memberId", "必须填写受处置的党员");
                }

                if (r.Ground is null)
                {
                    yield return new FieldError("ground", $"必须填写处置事由：{string.Join("、", Enum.GetNames<DisposalGround>())}");
                }

                if (r.Measure is null)
                {
                    yield return new FieldError("measure", $"必须填写拟采取的措施：{string.Join("、", Enum.GetNames<DisposalMeasure>())}");
                }

                if (r.MatterRef is { Length: > 100 })
                {
                    yield return new FieldError("matterRef", "事项编号不能超过 100 字");
                }

                if (r.Reason is { Length: > 1000 })
                {
                    yield return new FieldError("reason", "事实和理由不能超过 1000 字");
                }

                break;
            case FiledWithCommittee f when string.IsNullOrWhiteSpace(f.FiledWithOrgId):
                yield return new FieldError("filedWithOrgId", "必须填写备案的基层党委");
                break;
            case Investigated i when string.IsNullOrWhiteSpace(i.Findings) || i.Findings.Length > 2000:
                yield return new FieldError("findings", "必须写明调查核实的事实（不超过 2000 字）");
                break;
            case TalkHeld t:
                if (string.IsNullOrWhiteSpace(t.Interviewers) || t.Interviewers.Length > 200)
                {
                    yield return new FieldError("interviewers", "必须填写谈话人（不超过 200 字）");
                }

                if (string.IsNullOrWhiteSpace(t.Summary) || t.Summary.Length > 2000)
                {
                    yield return new FieldError("summary", "必须写明谈话情况和本人意见（不超过 2000 字）");
                }

                break;
            case CorrectionOrdered c:
                if (c.Deadline is { } d && d <= date)
                {
                    yield return new FieldError("deadline", $"改正期限应晚于决定日期 {date:yyyy-MM-dd}");
                }

                if (c.HelpMeasures is { Length: > 1000 })
                {
                    yield return new FieldError("helpMeasures", "帮助教育措施不能超过 1000 字");
                }

                break;
            case CorrectionReviewed r when r.Result is null:
                yield return new FieldError("result", $"必须填写审查结果：{string.Join("、", Enum.GetNames<CorrectionOutcome>())}");
                break;
            case AssemblyDecided a:
                foreach (var e in VoteFields(a))
                {
                    yield return e;
                }

                break;
            case Approved { ApprovingOrgId: null or "" }:
            case NotApproved { ApprovingOrgId: null or "" }:
                yield return new FieldError("approvingOrgId", "必须填写审批的上级党委");
                break;
            case Notified n:
                if (p.Measure == DisposalMeasure.PersuadeToWithdraw && n.Response is null)
                {
                    yield return new FieldError("response", "劝退须记录本人的答复：Withdrew（退党）或 Refused（劝而不退）");
                }
                else if (p.Measure != DisposalMeasure.PersuadeToWithdraw && n.Response is not null)
                {
                    yield return new FieldError("response", "只有劝退需要记录本人是否退党；除名经批准即通知本人");
                }

                break;
            case Appealed a when string.IsNullOrWhiteSpace(a.Statement) || a.Statement.Length > 2000:
                yield return new FieldError("statement", "必须摘录申诉的内容（不超过 2000 字）");
                break;
        }
    }

    /// <summary>The figures of the assembly's vote: all five given, not negative, A ≤ N and 赞成 + 反对 + 弃权 ≤ A
    /// (<see cref="AssemblyVotes.Figures"/>, L-04-assembly-votes).</summary>
    private static IEnumerable<FieldError> VoteFields(AssemblyDecided a)
    {
        foreach (var (field, value) in new[]
                 {
                     ("eligibleVoterCount", a.EligibleVoterCount), ("presentVoterCount", a.PresentVoterCount), ("votesFor", a.VotesFor),
                     ("votesAgainst", a.VotesAgainst), ("abstentions", a.Abstentions),
                 })
        {
            if (value is null)
            {
                yield return new FieldError(field, "必须填写不小于 0 的人数");
            }
        }

        foreach (var e in AssemblyVotes.Figures("", a.EligibleVoterCount, a.PresentVoterCount, a.VotesFor, a.VotesAgainst, a.Abstentions))
        {
            yield return e;
        }

        if (a.MemberStatement is { Length: > 2000 })
        {
            yield return new FieldError("memberStatement", "本人意见不能超过 2000 字");
        }
    }

    public static IEnumerable<Refusal> Check(DisposalEvent data, DateOnly date, DisposalProgress p, DisposalContext ctx)
    {
        IEnumerable<Refusal?> refusals = data switch
        {
            DisposalProposed r => [Member(ctx), Sequence(r), NoDoubleMeasure(r, ctx)],
            FiledWithCommittee => [NotBeforePrevious(date, p), Filing(ctx)],
            Investigated or TalkHeld => [NotBeforePrevious(date, p), PriorFiling(p, data)],
            CorrectionOrdered c => [NotBeforePrevious(date, p), PriorFiling(p, data), SequenceOfCorrection(p), CorrectionDeadline(date, c)],
            CorrectionReviewed r => [NotBeforePrevious(date, p), .. Review(date, r, p)],
            AssemblyDecided a => [NotBeforePrevious(date, p), PriorFiling(p, data), SequenceOfDecision(p), .. Decision(a, ctx)],
            Approved or NotApproved => [NotBeforePrevious(date, p), Approval(ctx)],
            Notified or Appealed => [NotBeforePrevious(date, p)],
            _ => [],
        };
        return refusals.OfType<Refusal>();
    }

    public static Refusal? Member(DisposalContext ctx) => ctx.MemberHasLeft
        ? Refusal.Block(RuleIds.X01PriorFiling, S12, $"{ctx.MemberName} 已不在本系统党员名册中，不能启动组织处置")
        : null;

    /// <summary>X-01-prior-filing (S12): the branch's proposal is filed (备案) with the primary committee above it
    /// before any investigation or measure.</summary>
    public static Refusal? PriorFiling(DisposalProgress p, DisposalEvent step) => p.FiledDate is not null ? null
        : Refusal.Block(RuleIds.X01PriorFiling, S12,
            $"处置意见尚未报基层党委事前备案（FiledWithCommittee）：备案前不能{Label(step)}");

    /// <summary>X-01-prior-filing: filed with a committee (党委) above the member's organisation.</summary>
    public static Refusal? Filing(DisposalContext ctx) => ctx.NamedOrgIsCommitteeAbove ? null
        : Refusal.Block(RuleIds.X01PriorFiling, S12,
            $"处置意见应报 {ctx.MemberOrg.Name} 的上级基层党委备案，“{ctx.NamedOrg?.Name}”不是其上级党委");

    /// <summary>X-02-sequence (S2 (十五); 第三十一条): education and 限期改正 before 劝退, 劝退 before 劝而不退除名; a case
    /// opens with the measure its ground allows (<see cref="OpeningMeasures"/>).</summary>
    public static Refusal? Sequence(DisposalProposed r)
    {
        if (r is not { Ground: { } ground, Measure: { } measure })
        {
            return null;
        }

        var allowed = OpeningMeasures(ground);
        if (allowed.Contains(measure))
        {
            return null;
        }

        var why = measure switch
        {
            DisposalMeasure.PersuadeToWithdraw => "劝退须在教育和限期改正之后：应先提出限期改正，期满仍无转变的再劝退",
            DisposalMeasure.Removal => "除名只能直接适用于第三十一条第一、三项（丧失党员条件、思想蜕化坚持退党）；其他情形应先限期改正、再劝退，劝而不退的才除名",
            DisposalMeasure.RemovalAsLapsed => "按自行脱党除名只适用于连续6个月不参加组织生活、不交纳党费、不做党所分配的工作（Lapse6Months）",
            DisposalMeasure.RemovalOnRequest => "退党除名只适用于本人要求退党（RequestsToLeave）",
            _ => "此事由不适用限期改正",
        };
        return Refusal.Block(RuleIds.X02Sequence, Article31, $"事由 {ground} 应采取的措施为 {string.Join("、", allowed)}，不能以 {measure} 开始：{why}");
    }

    /// <summary>X-02-sequence: 限期改正 only while the measure is still 限期改正 (once not corrected it is 劝退).</summary>
    public static Refusal? SequenceOfCorrection(DisposalProgress p) => p.Measure == DisposalMeasure.CorrectionWithinDeadline && p.CorrectionResult is null
        ? null
        : Refusal.Block(RuleIds.X02Sequence, Article31, $"本案措施为 {p.Measure}，不再限期改正");

    /// <summary>X-02-sequence: the assembly decides 劝退 only after a correction not made, 除名 only on a direct ground or
    /// after 劝退 refused; 限期改正 is ordered, never voted.</summary>
    public static Refusal? SequenceOfDecision(DisposalProgress p) => p.Measure switch
    {
        DisposalMeasure.CorrectionWithinDeadline => Refusal.Block(RuleIds.X02Sequence, Article30,
            "限期改正由党支部决定改正期限（CorrectionOrdered），期满仍无转变的才能由支部大会讨论劝退"),
        DisposalMeasure.PersuadeToWithdraw when p.CorrectionResult != CorrectionOutcome.NotCorrected => Refusal.Block(RuleIds.X02Sequence, Article31,
            "劝退须在限期改正期满仍无转变之后"),
        DisposalMeasure.Removal when !p.WithdrawalRefused && !OpeningMeasures(p.Ground).Contains(DisposalMeasure.Removal) => Refusal.Block(
            RuleIds.X02Sequence, Article31, "除名须在劝退而本人不退之后（劝而不退除名），或属第三十一条第一、三项"),
        _ => null,
    };

    /// <summary>X-05-no-double-measure (S12 art. 4): no 组织处置 for a matter a 党纪处分 already dealt with.</summary>
    public static Refusal? NoDoubleMeasure(DisposalProposed r, DisposalContext ctx) =>
        string.IsNullOrWhiteSpace(r.MatterRef) ? null
        : ctx.SanctionedMatters.FirstOrDefault(m => string.Equals(m.MatterRef.Trim(), r.MatterRef.Trim(), StringComparison.OrdinalIgnoreCase)) is { } s
            ? Refusal.Block(RuleIds.X05NoDoubleMeasure, S12 + "第四条",
                $"事项 {s.MatterRef} 已于 {s.ApprovedDate:yyyy-MM-dd} 给予 {ctx.MemberName} {s.SanctionLabel} 处分：同一事项已受党纪处分的，不再进行组织处置")
            : null;

    /// <summary>X-03-correction-deadline (S12; 第三十条 "限期改正时间不超过1年"): deadline − start ≤ 12 months (G-01).</summary>
    public static Refusal? CorrectionDeadline(DateOnly start, CorrectionOrdered c)
    {
        var deadline = c.Deadline ?? DefaultCorrectionDeadline(start);
        var latest = StatutoryPeriod.MonthsAfter(start, MaxCorrectionMonths);
        return StatutoryPeriod.IsOnOrBefore(deadline, latest) ? null
            : Refusal.Block(RuleIds.X03CorrectionDeadline, Article30,
                $"限期改正自 {start:yyyy-MM-dd} 起，最长到 {latest:yyyy-MM-dd}（不超过1年），所定期限 {deadline:yyyy-MM-dd} 超过了");
    }

    /// <summary>X-03-correction-deadline: the review is due at the deadline — "not corrected" only once it has passed, a
    /// review more than 30 days after it a WARN (design default).</summary>
    public static IEnumerable<Refusal> Review(DateOnly date, CorrectionReviewed r, DisposalProgress p)
    {
        if (p.CorrectionDeadline is not { } deadline)
        {
            yield break;
        }

        if (r.Result == CorrectionOutcome.NotCorrected && date < deadline)
        {
            yield return Refusal.Block(RuleIds.X03CorrectionDeadline, Article31,
                $"改正期限到 {deadline:yyyy-MM-dd}：期满之前不能认定“期满后仍无转变”");
        }

        var late = deadline.AddDays(ReviewGraceDays);
        if (date > late)
        {
            yield return Refusal.Warn(RuleIds.X03CorrectionDeadline, S12,
                $"改正期限于 {deadline:yyyy-MM-dd} 届满，应及时审查；{date:yyyy-MM-dd} 已超过期满后 {ReviewGraceDays} 日（{late:yyyy-MM-dd}）");
        }
    }

    /// <summary>X-04-decision-and-approval (党章第九条; S7 第十一条): the branch assembly's vote with the quorum of
    /// L-04-assembly-votes (2A &gt; N; a vote with 2Y ≤ N is the outcome NotPassed, not a refusal) and N as the registry
    /// gives it (G-08), the member present or notified, and the member's statement.</summary>
    public static IEnumerable<Refusal?> Decision(AssemblyDecided a, DisposalContext ctx)
    {
        var n = a.EligibleVoterCount!.Value;
        if (ctx.EligibleVoterCount is { } registry && registry != n)
        {
            yield return Refusal.Block(RuleIds.G08VotingRights, "党章第七条",
                $"应到会有表决权的党员应为 {registry} 人（党员名册中本支部会议当日的正式党员，不含受处置的党员本人），填报 {n} 人");
        }

        yield return AssemblyVotes.Quorum(n, a.PresentVoterCount!.Value);
        if (a.MemberAttendance is null)
        {
            yield return Refusal.Block(RuleIds.X04DecisionAndApproval, Article9,
                $"支部大会讨论时应通知 {ctx.MemberName} 到会：须记录本人到会（Present）或已通知未到会（NotifiedAbsent）");
        }

        if (string.IsNullOrWhiteSpace(a.MemberStatement))
        {
            yield return Refusal.Block(RuleIds.X04DecisionAndApproval, Article9,
                $"须记录 {ctx.MemberName} 本人的意见（申辩）；未到会的，记录其书面意见或未提出意见的情况");
        }
    }

    /// <summary>X-04-decision-and-approval: approved (or not) by a committee above the member's organisation.</summary>
    public static Refusal? Approval(DisposalContext ctx) => ctx.NamedOrgIsCommitteeAbove ? null
        : Refusal.Block(RuleIds.X04DecisionAndApproval, Article9,
            $"劝退、除名应报 {ctx.MemberOrg.Name} 的上级党委审批，“{ctx.NamedOrg?.Name}”不是其上级党委");

    private static Refusal? NotBeforePrevious(DateOnly date, DisposalProgress p)
    {
        var last = p.Events.Count > 0 ? p.Events[^1].Date : p.StartDate;
        return date >= last ? null : Refusal.Block(RuleIds.G05Dates, "通用约定 G-05",
            $"日期 {date:yyyy-MM-dd} 早于本案上一步骤的日期 {last:yyyy-MM-dd}：请按实际发生顺序记录");
    }

    private static string Label(DisposalEvent e) => e switch
    {
        Investigated => "调查核实",
        TalkHeld => "组织谈话",
        CorrectionOrdered => "决定限期改正",
        AssemblyDecided => "提交支部大会讨论决定",
        _ => "采取措施",
    };

    /// <summary>The deadlines of a disposal case: the review of a 限期改正 at its deadline (X-03).</summary>
    public static IReadOnlyList<ProcedureDeadline> Deadlines(DisposalProgress p) =>
        p.CorrectionDeadline is { } deadline ? [new(RuleIds.X03CorrectionDeadline, deadline, p.CorrectionReviewedDate)] : [];
}
