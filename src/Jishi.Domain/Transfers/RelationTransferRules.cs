using System.Globalization;
using Jishi.Domain.Development;
using Jishi.Domain.Organisations;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Transfers;

/// <summary>
/// The rules of 组织关系转接 (MANAGEMENT.md §1): S8《党员教育管理工作条例》第二十五条, the letter's style (S10) and
/// practice on validity (S11). Each rule is a named method citing its id; T-01 (one open Formal transfer) is a
/// uniqueness check of the application (409 with the existing transfer).
/// </summary>
public static class RelationTransferRules
{
    /// <summary>T-04-validity: 有效期 default (design default; 10 and 30 are both used).</summary>
    public const int DefaultValidityDays = 30;

    /// <summary>T-04-validity: at most 3 months without an exception.</summary>
    public const int MaxValidityDays = 90;

    /// <summary>T-08-pending-review: a received letter decided within 30 days (design default).</summary>
    public const int PendingReviewDays = 30;

    /// <summary>T-08-pending-review: still undecided a further 15 days on, the matter goes to the common higher
    /// organisation (design default).</summary>
    public const int EscalationDays = 15;

    /// <summary>The deadline of the escalation of T-08 (the common higher organisation's).</summary>
    public const string PendingReviewEscalated = RuleIds.T08PendingReviewEscalated;

    private const string Article25 = "《党员教育管理工作条例》第二十五条";

    /// <summary>The fields each step needs, judged on the step alone (400).</summary>
    public static IEnumerable<FieldError> Fields(TransferEvent data)
    {
        switch (data)
        {
            case Issued i:
                if (string.IsNullOrWhiteSpace(i.MemberId))
                {
                    yield return new FieldError("memberId", "必须填写转出的党员");
                }

                if (i.Kind is null)
                {
                    yield return new FieldError("kind", "必须填写类别：Formal（组织关系介绍信）或 Certificate（党员证明信）");
                }

                if (string.IsNullOrWhiteSpace(i.Reason))
                {
                    yield return new FieldError("reason", "必须填写转接原因（如工作单位变动、经常居住地变动、外出学习工作）");
                }

                if (string.IsNullOrWhiteSpace(i.IssuingOrgId))
                {
                    yield return new FieldError("issuingOrgId", "必须填写开具介绍信的党组织");
                }

                if (string.IsNullOrWhiteSpace(i.ToOrgId) == string.IsNullOrWhiteSpace(i.ToOrgName))
                {
                    yield return new FieldError(string.IsNullOrWhiteSpace(i.ToOrgId) ? "toOrgId" : "toOrgName",
                        "接收组织二选一：本系统内的组织填 toOrgId，系统外的组织填 toOrgName");
                }

                if (i.ToOrgName is { Length: > 200 })
                {
                    yield return new FieldError("toOrgName", "接收组织名称不能超过 200 字");
                }

                if (i.ValidityDays is < 1)
                {
                    yield return new FieldError("validityDays", "有效期应为正整数天数（默认 30 天）");
                }

                if (ParseMonth(i.DuesPaidThrough) is null)
                {
                    yield return new FieldError("duesPaidThrough", "必须填写党费交至年月，格式 YYYY-MM（T-09）");
                }

                if (i.ExpectedStayMonths is < 0)
                {
                    yield return new FieldError("expectedStayMonths", "外出时间应为不小于 0 的月数");
                }

                if (i.Serial is not null)
                {
                    yield return new FieldError("serial", "介绍信编号由系统按开具党委和年度编排，不能提交");
                }

                break;
            case ValidityExtended x:
                if (x.Days is null or < 1 or > MaxValidityDays)
                {
                    yield return new FieldError("days", $"延长的天数应在 1 到 {MaxValidityDays} 之间");
                }

                if (string.IsNullOrWhiteSpace(x.Basis))
                {
                    yield return new FieldError("basis", "延长有效期须写明依据（所在党支部出具的证明和本人申请，T-05）");
                }

                break;
            case Withdrawn w when string.IsNullOrWhiteSpace(w.Reason):
                yield return new FieldError("reason", "撤回须写明理由");
                break;
        }
    }

    public static IEnumerable<Refusal> Check(TransferEvent data, DateOnly date, TransferProgress p, TransferContext ctx)
    {
        IEnumerable<Refusal?> refusals = data switch
        {
            Issued i => [.. Issue(i, date, ctx)],
            Received => [LateAcceptance(date, p), NotBeforeIssue(date, p)],
            Accepted a => [LateAcceptance(date, p), NotBeforeIssue(date, p), Acceptor(a, ctx), .. Placement(a, p, ctx), MemberStillThere(p, ctx)],
            Rejected r => [RejectionReason(r), NotBeforeIssue(date, p)],
            ReceiptReturned => [NotBeforeIssue(date, p)],
            Withdrawn => [NotBeforeIssue(date, p)],
            ValidityExtended => [ExtendedOnce(p), NotBeforeIssue(date, p)],
            _ => [],
        };
        return refusals.OfType<Refusal>();
    }

    private static IEnumerable<Refusal?> Issue(Issued i, DateOnly date, TransferContext ctx)
    {
        yield return Issuer(ctx.IssuingOrg);
        yield return Validity(i.ValidityDays ?? DefaultValidityDays);
        yield return DuesThrough(date, ParseMonth(i.DuesPaidThrough)!.Value);
        yield return DuesThroughLedger(ParseMonth(i.DuesPaidThrough)!.Value, ctx.LedgerPaidThrough);
        yield return CertificateStay(i);
        if (ctx.MemberHasLeft)
        {
            yield return Refusal.Block(RuleIds.T01SingleRelation, Article25, $"{ctx.MemberName} 已不在本系统党员名册中，不能开具介绍信");
        }
        else if (!ctx.MemberUnderIssuingOrg)
        {
            yield return Refusal.Block(RuleIds.T01SingleRelation, Article25,
                $"{ctx.MemberName} 的组织关系不在“{ctx.IssuingOrg.Name}”及其下级组织，只能由其组织关系所在的党委开具");
        }

        if (ctx.ToOrg is { } to && to.Id == ctx.MemberOrgId)
        {
            yield return Refusal.Block(RuleIds.T01SingleRelation, Article25, $"接收组织“{to.Name}”就是 {ctx.MemberName} 现在的组织");
        }

        if (ctx.ToOrg is { } target && !CanHoldRelation(target))
        {
            yield return Refusal.Block(RuleIds.T01SingleRelation, Article25,
                $"“{target.Name}”（{target.Type.Label()}）不能接收党员组织关系：应为党委、党总支、党支部等基层组织");
        }
    }

    /// <summary>T-03-issuer-and-acceptor (第二十五条): a primary committee with approval authority, or a county-or-above
    /// organisation department, issues and accepts; a branch may prepare and propose (WARN otherwise).</summary>
    public static Refusal? Issuer(OrgFacts org) => IsTransferAuthority(org) ? null : Refusal.Warn(RuleIds.T03IssuerAndAcceptor, Article25,
        $"“{org.Name}”（{org.Type.Label()}）不是具有审批预备党员权限的基层党委或县级以上组织部门，组织关系一般由其上级党委开具");

    /// <summary>T-03-issuer-and-acceptor on acceptance: the accepting committee (named, or the nearest with approval
    /// authority above the receiving organisation).</summary>
    public static Refusal? Acceptor(Accepted a, TransferContext ctx)
    {
        if (ctx.ToOrg is null)
        {
            return null; // outside the system: the receiving committee is not ours to judge
        }

        var acceptor = a.AcceptingOrgId is { } id ? ctx.Org(id) : ctx.ToOrgChain.FirstOrDefault(IsTransferAuthority);
        return acceptor is not null && IsTransferAuthority(acceptor) ? null : Refusal.Warn(RuleIds.T03IssuerAndAcceptor, Article25,
            acceptor is null
                ? $"“{ctx.ToOrg.Name}”之上没有具有审批预备党员权限的基层党委，接收组织关系应由其上级党委办理"
                : $"“{acceptor.Name}”（{acceptor.Type.Label()}）不是具有审批预备党员权限的基层党委或县级以上组织部门");
    }

    public static bool IsTransferAuthority(OrgFacts o) =>
        (o.IsCommittee && o.HasAdmissionApprovalAuthority)
        || o.Type.IsOrgDepartment();

    /// <summary>Where a formal relation may be held: a committee, general branch, branch or other specific party
    /// organisation (T-01; S8 第二十五条), not a department, cell or leading party group.</summary>
    public static bool CanHoldRelation(OrgFacts o) => o.IsCommittee || o.Type.IsBranchLike();

    /// <summary>T-04-validity: at most 90 days, unless an exception is recorded (branch certificate + application).</summary>
    public static Refusal? Validity(int days) => days <= MaxValidityDays ? null : Refusal.BlockWithException(RuleIds.T04Validity, "中组发〔2004〕10号",
        $"有效期 {days} 天超过 {MaxValidityDays} 天（一般为 30 天，最长不超过 3 个月）；特殊情况须有所在党支部证明和本人申请");

    /// <summary>T-05-late-acceptance: received or accepted after the expiry date → WARN (the member re-applies with a
    /// branch certificate; record the reason).</summary>
    public static Refusal? LateAcceptance(DateOnly date, TransferProgress p) => date <= p.ExpiryDate ? null : Refusal.Warn(
        RuleIds.T05LateAcceptance, "组通字〔2006〕45号", $"介绍信有效期至 {p.ExpiryDate:yyyy-MM-dd}，{date:yyyy-MM-dd} 已过期 {date.DayNumber - p.ExpiryDate.DayNumber} 天；"
        + "过期应由本人持所在党支部证明重新办理，或延长有效期后接收");

    /// <summary>T-05-late-acceptance: the validity is extended once.</summary>
    public static Refusal? ExtendedOnce(TransferProgress p) => p.ValidityWasExtended ? Refusal.Block(RuleIds.T05LateAcceptance, "组通字〔2006〕45号",
        $"有效期已延长过一次（现至 {p.ExpiryDate:yyyy-MM-dd}），不能再次延长；请重新开具") : null;

    /// <summary>T-06-no-refusal-without-reason (第二十五条 "不得无故拒转拒接"): a rejection names a configured reason code
    /// and the reason in words.</summary>
    public static Refusal? RejectionReason(Rejected r)
    {
        var missing = new List<string>();
        if (r.ReasonCode is null)
        {
            missing.Add($"理由代码（{string.Join("、", Enum.GetNames<TransferRejectionReason>())}）");
        }

        if (string.IsNullOrWhiteSpace(r.Reason))
        {
            missing.Add("具体理由");
        }

        return missing.Count == 0 ? null : Refusal.Block(RuleIds.T06NoRefusalWithoutReason, Article25,
            "党组织不得无故拒转拒接党员组织关系：不予接收须写明" + string.Join("和", missing));
    }

    /// <summary>T-09-dues-through: dues paid at least through the month before the letter is issued (WARN).</summary>
    public static Refusal? DuesThrough(DateOnly issued, DateOnly paidThroughMonth)
    {
        var required = new DateOnly(issued.Year, issued.Month, 1).AddMonths(-1);
        return paidThroughMonth >= required ? null : Refusal.Warn(RuleIds.T09DuesThrough, "中组发〔2008〕3号",
            $"党费交至 {paidThroughMonth:yyyy-MM}，开具介绍信（{issued:yyyy-MM-dd}）前应至少交至 {required:yyyy-MM}");
    }

    /// <summary>T-09-dues-through, second half: the month the letter says dues are paid through is not later than the
    /// system's own dues record shows (when it keeps one for the member).</summary>
    public static Refusal? DuesThroughLedger(DateOnly paidThroughMonth, DateOnly? ledger) =>
        ledger is { } l && paidThroughMonth > l
            ? Refusal.Warn(RuleIds.T09DuesThrough, "中组发〔2008〕3号",
                $"介绍信写党费交至 {paidThroughMonth:yyyy-MM}，本系统的党费记录只交至 {l:yyyy-MM}，请核对或补交后再开具")
            : null;

    /// <summary>T-02-when-to-transfer: a 党员证明信 is for a stay of 6 months or less; longer at a fixed place → a formal
    /// transfer is due (WARN).</summary>
    public static Refusal? CertificateStay(Issued i) => i is { Kind: TransferKind.Certificate, ExpectedStayMonths: > 6 }
        ? Refusal.Warn(RuleIds.T02WhenToTransfer, Article25,
            $"外出 {i.ExpectedStayMonths} 个月，超过 6 个月且地点相对固定的，应当转移组织关系（开具组织关系介绍信），而非党员证明信")
        : null;

    /// <summary>T-10-effect-of-acceptance: the member is moved from where the letter was issued — all or nothing.</summary>
    public static Refusal? MemberStillThere(TransferProgress p, TransferContext ctx) =>
        p.Kind != TransferKind.Formal || (ctx.MemberUnderIssuingOrg && !ctx.MemberHasLeft) ? null : Refusal.Block(
            RuleIds.T10EffectOfAcceptance, Article25, $"{ctx.MemberName} 的组织关系已不在开具介绍信的“{ctx.IssuingOrg.Name}”，不能按本介绍信接收");

    /// <summary>T-10-effect-of-acceptance: the branch named on acceptance lies under the receiving organisation and may
    /// hold relations.</summary>
    public static IEnumerable<Refusal?> Placement(Accepted a, TransferProgress p, TransferContext ctx)
    {
        if (a.BranchId is null)
        {
            yield break;
        }

        if (!p.IsInsideSystem)
        {
            yield return Refusal.Block(RuleIds.T10EffectOfAcceptance, Article25, "接收组织不在本系统内，不能指定编入的党支部");
        }
        else if (!ctx.BranchUnderToOrg || ctx.Org(a.BranchId) is not { } branch)
        {
            yield return Refusal.Block(RuleIds.T10EffectOfAcceptance, Article25, "编入的党支部应为接收组织或其下级组织");
        }
        else if (!CanHoldRelation(branch))
        {
            yield return Refusal.Block(RuleIds.T10EffectOfAcceptance, Article25, $"“{branch.Name}”（{branch.Type.Label()}）不能接收党员组织关系");
        }
    }

    private static Refusal? NotBeforeIssue(DateOnly date, TransferProgress p)
    {
        var last = p.Events.Count > 0 ? p.Events[^1].Date : p.IssuedDate;
        return date >= last ? null : Refusal.Block(RuleIds.G05Dates, "通用约定 G-05",
            $"日期 {date:yyyy-MM-dd} 早于本转接上一步骤的日期 {last:yyyy-MM-dd}：请按实际发生顺序记录");
    }

    /// <summary>The deadlines of a transfer: the letter's validity for the sender (T-04), the receiving
    /// organisation's decision (T-08), its escalation to <paramref name="commonHigherOrgId"/> 15 days later (T-08; none
    /// when null, e.g. a letter to an organisation outside the system) and the 回执 within one month of acceptance
    /// (T-07, G-01).</summary>
    public static IReadOnlyList<ProcedureDeadline> Deadlines(TransferProgress p, string? commonHigherOrgId = null)
    {
        var list = new List<ProcedureDeadline>();
        if (p.State is TransferState.Withdrawn)
        {
            return list;
        }

        var receiver = p.ToOrgId ?? p.IssuingOrgId;
        list.Add(new(RuleIds.T04Validity, p.ExpiryDate, p.IsOpen ? null : p.DecidedDate ?? p.ClosedDate, p.IssuingOrgId));
        if (p.ReceivedDate is { } received)
        {
            var due = received.AddDays(PendingReviewDays);
            list.Add(new(RuleIds.T08PendingReview, due, p.DecidedDate, receiver));
            if (p.IsInsideSystem && commonHigherOrgId is not null)
            {
                list.Add(new(PendingReviewEscalated, due.AddDays(EscalationDays), p.DecidedDate, commonHigherOrgId));
            }
        }

        if (p.AcceptedDate is { } accepted)
        {
            list.Add(new(RuleIds.T07Receipt, accepted.AddMonths(1), p.ReceiptReturnedDate, receiver));
        }

        return list;
    }

    /// <summary>
    /// T-08-pending-review: the path of the common higher organisation of a transfer inside the system — the lowest
    /// organisation that holds both the issuing and the receiving organisation in its subtree and lies above the
    /// receiving one (so when the issuing committee is above the receiver, it is the issuing committee; when the
    /// receiver is above the issuer, the receiver's parent). Null for a letter to an organisation outside the system,
    /// or when the two lie in different trees.
    /// </summary>
    public static string? CommonHigherOrgPath(string issuingPath, string? receivingPath)
    {
        if (receivingPath is null)
        {
            return null;
        }

        var issuing = issuingPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var receiving = receivingPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var common = 0;
        while (common < issuing.Length && common < receiving.Length && issuing[common] == receiving[common])
        {
            common++;
        }

        if (common == receiving.Length)
        {
            common--; // the receiver holds the issuer: its own parent is the higher organisation
        }

        return common <= 0 ? null : "/" + string.Join('/', receiving[..common]) + "/";
    }

    /// <summary>The organisation id a materialised path ends with ("/a/b/" → "b").</summary>
    public static string OrgIdOfPath(string path) => path.TrimEnd('/')[(path.TrimEnd('/').LastIndexOf('/') + 1)..];

    /// <summary>"YYYY-MM" as the first day of that month, or null.</summary>
    public static DateOnly? ParseMonth(string? month) =>
        month is { Length: 7 } && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;
}
