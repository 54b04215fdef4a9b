using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>Transfers, postponement and non-recognition — 《细则》第十二、三十四、三十五、四十一条 .</summary>
public static class TransferRules
{
    public static IEnumerable<Refusal> Check(RuleInput x)
    {
        IEnumerable<Refusal?> refusals = x.Type switch
        {
            CaseEventType.ActivistTransferred => [.. ActivistTransfer(x)],
            CaseEventType.ProbationaryTransferred => [.. ProbationaryTransfer(x)],
            CaseEventType.TransferredMaterialsReviewed => [.. Review(x)],
            CaseEventType.CandidateProposed or CaseEventType.CandidateListed => [ReviewedBeforeProposal(x)],
            CaseEventType.ConfirmationVoteHeld => [ReviewedBeforeConfirmation(x), PostponementLimit(x)],
            // The organisation's confirmation decisions wait for its review; the person's request does not.
            CaseEventType.ConfirmationApproved => [ReviewedBeforeConfirmation(x)],
            CaseEventType.BranchReviewPassed when x.State.Stage == DevelopmentStage.ProbationaryMember => [ReviewedBeforeConfirmation(x)],
            CaseEventType.ConfirmationPostponed => [.. Postponement(x)],
            CaseEventType.NonRecognitionDecided => [NonRecognitionBody(x)],
            CaseEventType.ApplicationReceived or CaseEventType.ApplicationTalkHeld or CaseEventType.NominationRecorded
                or CaseEventType.ActivistDesignated or CaseEventType.ActivistFiled or CaseEventType.MentorAssigned
                or CaseEventType.ActivistAssessed or CaseEventType.OpinionsCollected or CaseEventType.CandidateConsented
                or CaseEventType.PublicNoticeEnded or CaseEventType.SponsorsAssigned
                or CaseEventType.PoliticalReviewConcluded or CaseEventType.TrainingCompleted
                or CaseEventType.BranchReviewPassed or CaseEventType.PreReviewPassed
                or CaseEventType.AdmissionFormIssued or CaseEventType.AdmissionVoteHeld
                or CaseEventType.AdmissionSubmitted or CaseEventType.IntermediateReviewed
                or CaseEventType.ApprovalTalkHeld or CaseEventType.AdmissionApproved or CaseEventType.AdmissionRejected
                or CaseEventType.AdmissionFiled or CaseEventType.DecisionAnnounced
                or CaseEventType.AssignedToBranchAndCell or CaseEventType.OathTaken or CaseEventType.ProbationAssessed
                or CaseEventType.FullMembershipRequested or CaseEventType.ProbationDisciplineRecorded
                or CaseEventType.DirectlyAdmitted or CaseEventType.PosthumouslyAdmitted
                or CaseEventType.ArchiveSubmitted or CaseEventType.AttachmentAdded => [],
            _ => throw new ArgumentOutOfRangeException(nameof(x), x.Type, null),
        };
        return refusals.OfType<Refusal>();
    }

    /// <summary>R-12-activist-transfer (第十二条): the activist reports to the original organisation, which passes the
    /// application letter and the 登记表 to the receiving one (WARN if either is missing).</summary>
    public static IEnumerable<Refusal> ActivistTransfer(RuleInput x)
    {
        if (Destination(x, RuleIds.R12ActivistTransfer, "第十二条") is { } bad)
        {
            yield return bad;
        }

        if (x.Data.ReportedToOriginalOrg != true)
        {
            yield return Refusal.Warn(RuleIds.R12ActivistTransfer, "第十二条", "未记录入党积极分子向原单位党组织报告");
        }

        var required = new List<DocumentType> { DocumentType.ApplicationLetter, DocumentType.ActivistRecordForm };
        var missing = required.Where(d => !(x.Data.Materials ?? []).Contains(d)).ToList();
        if (missing.Count > 0)
        {
            yield return Refusal.Warn(RuleIds.R12ActivistTransfer, "第十二条",
                "原单位党组织应将材料转交接收单位党组织，尚缺：" + string.Join("、", missing.Select(AdmissionRules.Label)));
        }
    }

    /// <summary>R-34-probationary-transfer (第三十四条): the probationary member reports to the original organisation,
    /// which introduces the education and assessment to the receiving one (WARN).</summary>
    public static IEnumerable<Refusal> ProbationaryTransfer(RuleInput x)
    {
        if (Destination(x, RuleIds.R34ProbationaryTransfer, "第三十四条") is { } bad)
        {
            yield return bad;
        }

        if (x.Data.ReportedToOriginalOrg != true)
        {
            yield return Refusal.Warn(RuleIds.R34ProbationaryTransfer, "第三十四条", "未记录预备党员向原单位党组织报告");
        }

        if (x.Data.IntroductionProvided != true)
        {
            yield return Refusal.Warn(RuleIds.R34ProbationaryTransfer, "第三十四条", "未记录原单位党组织向接收单位党组织介绍培养教育和考察情况");
        }
    }

    private static Refusal? Destination(RuleInput x, string rule, string article)
    {
        var to = x.Ctx.Org(x.Data.ToOrgId)!;
        return to.Id == x.Ctx.CaseOrg.Id
            ? Refusal.Block(rule, article, "接收单位党组织与原单位党组织相同")
            : to.Type.IsBranchLike() ? null
            : Refusal.Block(rule, article, $"“{to.Name}”（{to.Type.Label()}）不是党支部，不能接收");
    }

    /// <summary>The receiving organisation's review (认真审查) of the transferred materials; restarting the activist's
    /// training time instead of continuing it needs a reason (R-12, WARN).</summary>
    public static IEnumerable<Refusal> Review(RuleInput x)
    {
        var pending = x.State.UnreviewedTransfer;
        var rule = x.State.Stage == DevelopmentStage.Activist ? RuleIds.R12ActivistTransfer : RuleIds.R34ReviewAndNonrecognition;
        var article = x.State.Stage == DevelopmentStage.Activist ? "第十二条" : "第三十四条";
        if (pending is null)
        {
            yield return Refusal.Block(rule, article, "没有待审查的转接材料");
            yield break;
        }

        if (x.Data.ReviewingOrgId != x.Ctx.CaseOrg.Id)
        {
            yield return Refusal.Block(rule, article, $"材料应由接收单位党组织“{x.Ctx.CaseOrg.Name}”审查");
        }

        if (x.State.Stage == DevelopmentStage.Activist && x.Data.ContinuesTrainingTime == false)
        {
            yield return Refusal.Warn(RuleIds.R12ActivistTransfer, "第十二条",
                $"培养教育时间可以连续计算；接收单位决定自 {x.Day(x.Date)} 重新计算，须说明理由");
        }
    }

    /// <summary>R-12-activist-transfer (第十二条): the receiving organisation reviews the materials before it proposes the
    /// activist as a candidate.</summary>
    public static Refusal? ReviewedBeforeProposal(RuleInput x) =>
        x.State.UnreviewedTransfer is { Type: CaseEventType.ActivistTransferred } t
            ? Refusal.Block(RuleIds.R12ActivistTransfer, "第十二条",
                $"入党积极分子于 {x.Day(t.Date)} 转入，接收单位党组织尚未审查转来的材料，不能研究或列为发展对象")
            : null;

    /// <summary>R-34-review-and-nonrecognition (第三十四条): the receiving organisation reviews the admission materials
    /// before any confirmation step.</summary>
    public static Refusal? ReviewedBeforeConfirmation(RuleInput x) =>
        x.State.UnreviewedTransfer is { Type: CaseEventType.ProbationaryTransferred } t
            ? Refusal.Block(RuleIds.R34ReviewAndNonrecognition, "第三十四条",
                $"预备党员于 {x.Day(t.Date)} 转入，接收单位党组织尚未严格审查其入党材料，不能审查、讨论或审批其转正")
            : null;

    /// <summary>R-35-postponement (第三十五条): only for a probationary member transferred in during probation, and the
    /// discussion no later than six months after the expiry date.</summary>
    public static IEnumerable<Refusal> Postponement(RuleInput x)
    {
        if (!x.State.TransferredDuringProbation)
        {
            yield return Refusal.Block(RuleIds.R35Postponement, "第三十五条", "只有预备期内转入的预备党员，才可以推迟讨论其转正问题");
        }

        var expiry = x.State.ExpiryDate!.Value;
        var latest = expiry.AddMonths(6);
        if (x.Data.PostponedDiscussionDate is { } d && d > latest)
        {
            yield return Refusal.Block(RuleIds.R35Postponement, "第三十五条",
                $"推迟讨论的时间最长不超过六个月：预备期满 {x.Day(expiry)}，至迟 {x.Day(latest)}，所报 {x.Day(d)}");
        }
    }

    public static Refusal? PostponementLimit(RuleInput x)
    {
        if (x.State.PostponedDiscussionDate is null || x.State.ExtensionUsed)
        {
            return null;
        }

        var latest = x.State.ExpiryDate!.Value.AddMonths(6);
        return x.Date <= latest ? null : Refusal.Block(RuleIds.R35Postponement, "第三十五条",
            $"推迟讨论转正不得超过预备期满后六个月（至迟 {x.Day(latest)}），所报讨论日期 {x.Day(x.Date)}");
    }

    /// <summary>R-34-review-and-nonrecognition, R-41-nonrecognition (第三十四、四十一条): a transferred-in probationary
    /// member's membership is not recognised only with the approval of a county-or-above organisation department;
    /// otherwise the deciding body is a committee or an organisation department.</summary>
    public static Refusal? NonRecognitionBody(RuleInput x)
    {
        var org = x.Ctx.Org(x.Data.DecidingOrgId)!;
        if (x.State.TransferredDuringProbation)
        {
            return org.Type.IsCountyOrAboveOrgDepartment()
                || (org.Type == OrgType.OrgDepartment && x.Ctx.Org(org.ParentId) is { IsCountyOrAbove: true })
                ? null
                : Refusal.Block(RuleIds.R34ReviewAndNonrecognition, "第三十四条",
                    $"对转入的预备党员不予承认，须经县级以上党委组织部门批准：“{org.Name}”（{org.Type.Label()}）不是");
        }

        return org.IsCommittee || org.Type.IsOrgDepartment()
            ? null
            : Refusal.Block(RuleIds.R41Nonrecognition, "第四十一条", $"不予承认党员身份应由党委或组织部门决定：“{org.Name}”（{org.Type.Label()}）不是");
    }
}
