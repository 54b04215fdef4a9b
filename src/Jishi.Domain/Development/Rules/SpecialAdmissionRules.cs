using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>直接接收和追认 — 《细则》第二十六、二十七条 .</summary>
public static class SpecialAdmissionRules
{
    public static IEnumerable<Refusal> Check(RuleInput x) => x.Type switch
    {
        CaseEventType.DirectlyAdmitted => [.. DirectAdmission(x)],
        CaseEventType.PosthumouslyAdmitted => [.. PosthumousAdmission(x)],
        CaseEventType.ApplicationReceived or CaseEventType.ApplicationTalkHeld or CaseEventType.NominationRecorded
            or CaseEventType.ActivistDesignated or CaseEventType.ActivistFiled or CaseEventType.MentorAssigned
            or CaseEventType.ActivistAssessed or CaseEventType.OpinionsCollected or CaseEventType.CandidateProposed
            or CaseEventType.CandidateConsented or CaseEventType.PublicNoticeEnded or CaseEventType.CandidateListed
            or CaseEventType.SponsorsAssigned or CaseEventType.PoliticalReviewConcluded
            or CaseEventType.TrainingCompleted or CaseEventType.BranchReviewPassed or CaseEventType.PreReviewPassed
            or CaseEventType.AdmissionFormIssued or CaseEventType.AdmissionVoteHeld or CaseEventType.AdmissionSubmitted
            or CaseEventType.IntermediateReviewed or CaseEventType.ApprovalTalkHeld or CaseEventType.AdmissionApproved
            or CaseEventType.AdmissionRejected or CaseEventType.AdmissionFiled or CaseEventType.DecisionAnnounced
            or CaseEventType.AssignedToBranchAndCell or CaseEventType.OathTaken or CaseEventType.ProbationAssessed
            or CaseEventType.FullMembershipRequested or CaseEventType.ConfirmationVoteHeld
            or CaseEventType.ConfirmationApproved or CaseEventType.ActivistTransferred
            or CaseEventType.TransferredMaterialsReviewed or CaseEventType.ProbationaryTransferred
            or CaseEventType.ConfirmationPostponed or CaseEventType.ProbationDisciplineRecorded
            or CaseEventType.NonRecognitionDecided or CaseEventType.ArchiveSubmitted or CaseEventType.AttachmentAdded => [],
        _ => throw new ArgumentOutOfRangeException(nameof(x), x.Type, null),
    };

    /// <summary>R-26-direct-admission (第二十六条): only the Central Committee or a provincial committee may admit directly,
    /// in special circumstances; the branch-level gates do not apply.</summary>
    public static IEnumerable<Refusal> DirectAdmission(RuleInput x)
    {
        var org = x.Ctx.Org(x.Data.DecidingOrgId)!;
        if (org.Type is not (OrgType.CentralCommittee or OrgType.ProvincialCommittee))
        {
            yield return Refusal.Block(RuleIds.R26DirectAdmission, "第二十六条",
                $"只有中央和省、自治区、直辖市委员会可以直接接收党员：“{org.Name}”（{org.Type.Label()}）不能");
        }
    }

    /// <summary>R-27-posthumous-admission (第二十七条): all five conditions, decided by the unit's party organisation,
    /// reviewed by the higher committee and approved by a provincial committee.</summary>
    public static IEnumerable<Refusal> PosthumousAdmission(RuleInput x)
    {
        var given = x.Data.Conditions ?? [];
        var missing = Enum.GetValues<PosthumousCondition>().Where(c => !given.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            yield return Refusal.Block(RuleIds.R27PosthumousAdmission, "第二十七条", "追认党员必须严格掌握，尚未确认的条件：" + string.Join("、", missing.Select(Label)));
        }

        if (x.Data.BranchDecisionDate is { } decided && decided > x.Date)
        {
            yield return Refusal.Block(RuleIds.R27PosthumousAdmission, "第二十七条", "所在单位党组织讨论决定应在省级党委批准之前");
        }

        var reviewing = x.Ctx.Org(x.Data.ReviewingOrgId)!;
        if (!reviewing.IsCommittee || !CommonRules.IsInChain(x.Ctx, reviewing))
        {
            yield return Refusal.Block(RuleIds.R27PosthumousAdmission, "第二十七条", $"应经上级党委审查：“{reviewing.Name}”不是本组织的上级党委");
        }

        var approving = x.Ctx.Org(x.Data.ApprovingOrgId)!;
        if (approving.Type != OrgType.ProvincialCommittee)
        {
            yield return Refusal.Block(RuleIds.R27PosthumousAdmission, "第二十七条", $"追认党员须报省一级党委批准：“{approving.Name}”（{approving.Type.Label()}）不是");
        }
    }

    public static string Label(PosthumousCondition c) => c switch
    {
        PosthumousCondition.HeroicSacrifice => "在中国特色社会主义事业中为党和人民利益英勇献身",
        PosthumousCondition.OutstandingDeeds => "事迹突出",
        PosthumousCondition.WideInfluence => "在一定范围内有较大影响",
        PosthumousCondition.ConsistentGoodConduct => "生前一贯表现良好",
        PosthumousCondition.HadApplied => "曾向党组织提出过入党要求",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, null),
    };
}
