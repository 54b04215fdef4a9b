using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>预备党员的教育考察和转正 — 《细则》第二十八至三十三条 (R-28 … R-33).</summary>
public static class ProbationRules
{
    public static IEnumerable<Refusal> Check(RuleInput x)
    {
        IEnumerable<Refusal?> refusals = x.Type switch
        {
            CaseEventType.DecisionAnnounced => [Announcement(x)],
            CaseEventType.AssignedToBranchAndCell => [AssignedBranch(x)],
            CaseEventType.OathTaken => [.. Oath(x)],
            CaseEventType.OpinionsCollected when x.State.Stage == DevelopmentStage.ProbationaryMember => [OpinionPurpose(x)],
            CaseEventType.ConfirmationVoteHeld =>
            [
                SeriousBreach(x, x.Data.ProposedOutcome),
                OathBeforeConfirmation(x), TimelyDiscussion(x), .. ConfirmationProcedure(x), .. Outcome(x, x.Data.ProposedOutcome),
                ActivistRules.MobileOrgCapability(x),
            ],
            CaseEventType.ConfirmationApproved =>
            [
                SeriousBreach(x, x.Data.ConfirmationOutcome),
                .. DecisionProcedure(x), .. AdmissionRules.ApprovalAuthority(x),
                .. AdmissionRules.CollectiveApproval(x, approving: true, RuleIds.R31DecisionProcedure, "第三十一条"),
                .. Outcome(x, x.Data.ConfirmationOutcome), ApprovalWithinThreeMonths(x),
            ],
            CaseEventType.ApplicationReceived or CaseEventType.ApplicationTalkHeld or CaseEventType.NominationRecorded
                or CaseEventType.ActivistDesignated or CaseEventType.ActivistFiled or CaseEventType.MentorAssigned
                or CaseEventType.ActivistAssessed or CaseEventType.OpinionsCollected or CaseEventType.CandidateProposed
                or CaseEventType.CandidateConsented or CaseEventType.PublicNoticeEnded or CaseEventType.CandidateListed
                or CaseEventType.SponsorsAssigned or CaseEventType.PoliticalReviewConcluded
                or CaseEventType.TrainingCompleted or CaseEventType.BranchReviewPassed or CaseEventType.PreReviewPassed
                or CaseEventType.AdmissionFormIssued or CaseEventType.AdmissionVoteHeld
                or CaseEventType.AdmissionSubmitted or CaseEventType.IntermediateReviewed
                or CaseEventType.ApprovalTalkHeld or CaseEventType.AdmissionApproved or CaseEventType.AdmissionRejected
                or CaseEventType.AdmissionFiled or CaseEventType.ProbationAssessed
                or CaseEventType.FullMembershipRequested or CaseEventType.ActivistTransferred
                or CaseEventType.TransferredMaterialsReviewed or CaseEventType.ProbationaryTransferred
                or CaseEventType.ConfirmationPostponed or CaseEventType.ProbationDisciplineRecorded
                or CaseEventType.NonRecognitionDecided or CaseEventType.DirectlyAdmitted
                or CaseEventType.PosthumouslyAdmitted or CaseEventType.ArchiveSubmitted or CaseEventType.AttachmentAdded => [],
            _ => throw new ArgumentOutOfRangeException(nameof(x), x.Type, null),
        };
        return refusals.OfType<Refusal>();
    }

    /// <summary>DecisionAnnounced must announce the decision the case has (R-24-notify, R-24-not-approved-notify, R-33-notify-and-talk).</summary>
    public static Refusal? Announcement(RuleInput x)
    {
        var expected = x.State.Status switch
        {
            CaseStatus.NotRecognized => AnnouncedDecision.NotRecognized,
            CaseStatus.AdmissionNotApproved => AnnouncedDecision.NotApproved,
            CaseStatus.ProbationCancelled => AnnouncedDecision.NotApproved,
            CaseStatus.Open or CaseStatus.ApplicationRefused or CaseStatus.ActivistRemoved
                or CaseStatus.AdmissionNotPassed or CaseStatus.Withdrawn or CaseStatus.Removed or CaseStatus.Expelled
                or CaseStatus.Deceased or CaseStatus.Archived =>
                x.State.Stage == DevelopmentStage.FullMember ? AnnouncedDecision.Confirmation : AnnouncedDecision.Admission,
            _ => throw new ArgumentOutOfRangeException(nameof(x), x.State.Status, null),
        };
        return x.Data.Decision == expected ? null : Refusal.Block(
            x.State.Stage == DevelopmentStage.FullMember ? RuleIds.R33NotifyAndTalk : RuleIds.R24Notify,
            x.State.Stage == DevelopmentStage.FullMember ? "第三十三条" : "第二十四条",
            $"个案当前应通知和宣布的是 {expected}，所报为 {x.Data.Decision}");
    }

    /// <summary>R-28-assign-branch-and-cell (第二十八条): the probationary member is assigned to a branch (and a cell
    /// belonging to that branch).</summary>
    public static Refusal? AssignedBranch(RuleInput x)
    {
        var branch = x.Ctx.Org(x.Data.BranchId)!;
        if (!branch.Type.IsBranchLike())
        {
            return Refusal.Block(RuleIds.R28AssignBranchAndCell, "第二十八条", $"“{branch.Name}”不是党支部");
        }

        var cell = x.Ctx.Org(x.Data.CellId);
        return cell is null || cell.ParentId == branch.Id ? null : Refusal.Block(RuleIds.R28AssignBranchAndCell, "第二十八条",
            $"党小组“{cell.Name}”不属于“{branch.Name}”");
    }

    /// <summary>R-29-oath-required, R-29-oath-within-1-month (第二十九条): the oath after approval and within probation;
    /// generally within one month of approval (2026 rules; a collective oath on 七一 or 国庆 is the stated exception).</summary>
    public static IEnumerable<Refusal> Oath(RuleInput x)
    {
        var approval = x.State.ApprovalDate!.Value;
        if (x.Date < approval)
        {
            yield return Refusal.Block(RuleIds.R29OathRequired, "第二十九条", $"入党宣誓日期 {x.Day(x.Date)} 早于党委批准之日 {x.Day(approval)}");
        }

        if (x.State.ProbationEndDate is { } end && x.Date > end)
        {
            yield return Refusal.Block(RuleIds.R29OathRequired, "第二十九条", $"入党宣誓应在预备期内（至 {x.Day(end)}）进行");
        }

        if (OathOrganiser(x) is { } organiser)
        {
            yield return organiser;
        }

        var due = approval.AddMonths(1);
        var commemoration = (x.Date.Month, x.Date.Day) is (7, 1) or (10, 1);
        if (x.Is2026 && x.Date > due && !commemoration)
        {
            yield return Refusal.Warn(RuleIds.R29OathWithin1Month, "第二十九条",
                $"入党宣誓一般在批准后一个月内（至迟 {x.Day(due)}）进行，实际 {x.Day(x.Date)}");
        }
    }

    /// <summary>R-29-oath-organiser (第二十九条): organised by the primary committee or the branch (incl. through a general
    /// branch), or collectively by a committee at county level or above (WARN otherwise, or when not recorded).</summary>
    public static Refusal? OathOrganiser(RuleInput x)
    {
        if (!x.Is2026)
        {
            return null;
        }

        var org = x.Ctx.Org(x.Data.OrganizerOrgId);
        if (org is null)
        {
            return Refusal.Warn(RuleIds.R29OathOrganiser, "第二十九条", "未记录组织入党宣誓的党组织");
        }

        return org.IsCommittee || org.Type.IsBranch() || org.Type == Organisations.OrgType.GeneralBranch
            ? null
            : Refusal.Warn(RuleIds.R29OathOrganiser, "第二十九条",
                $"入党宣誓仪式一般由基层党委或者党支部（党总支）组织：所报为“{org.Name}”");
    }

    /// <summary>R-31-discipline-during-probation (第三十一条): after a 情节较重 breach only cancellation is possible.</summary>
    public static Refusal? SeriousBreach(RuleInput x, ConfirmationOutcome? outcome) =>
        x.State.SeriousBreachDuringProbation && outcome is not null and not ConfirmationOutcome.CancelProbation
            ? Refusal.Block(RuleIds.R31DisciplineDuringProbation, "第三十一条",
                "预备党员违犯党的纪律、情节较重的，应当取消预备党员资格")
            : null;

    public static Refusal? OpinionPurpose(RuleInput x) => x.Data.Purpose == Development.OpinionPurpose.Confirmation ? null :
        Refusal.Block(RuleIds.R32ConfirmationProcedure, "第三十二条", "预备期内征求意见的用途应为转正（Confirmation）");

    public static Refusal? OathBeforeConfirmation(RuleInput x) =>
        x.State.Of(CaseEventType.OathTaken).Any() ? null : Refusal.Block(RuleIds.R29OathRequired, "第二十九条",
            "预备党员必须面向党旗进行入党宣誓：尚无宣誓记录，不能讨论转正");

    /// <summary>R-31-timely-discussion (第三十一条): not before the (extended) expiry date.</summary>
    public static Refusal? TimelyDiscussion(RuleInput x)
    {
        var expiry = x.State.CurrentExpiryDate!.Value;
        return x.Date >= expiry ? null : Refusal.Block(RuleIds.R31TimelyDiscussion, "第三十一条",
            $"预备期满后方可讨论转正：预备期满之日为 {x.Day(expiry)}，所报讨论日期为 {x.Day(x.Date)}");
    }

    /// <summary>R-32-confirmation-procedure (第三十二条): the request, opinions, the branch committee's review, then the vote.</summary>
    public static IEnumerable<Refusal> ConfirmationProcedure(RuleInput x)
    {
        if (!x.State.Of(CaseEventType.FullMembershipRequested).Any())
        {
            yield return Refusal.Block(RuleIds.R32ConfirmationProcedure, "第三十二条", "本人尚未提出书面转正申请");
        }

        if (CandidateRules.OpinionSources(x, Development.OpinionPurpose.Confirmation, RuleIds.R32ConfirmationProcedure, "第三十二条",
                "讨论转正前") is { } opinions)
        {
            yield return opinions;
        }

        var since = x.State.Events.LastOrDefault(e => e.Type == CaseEventType.ConfirmationApproved)?.Seq ?? 0;
        if (!x.State.OfAtStage(CaseEventType.BranchReviewPassed, DevelopmentStage.ProbationaryMember).Any(e => e.Seq > since))
        {
            yield return Refusal.Block(RuleIds.R32ConfirmationProcedure, "第三十二条", "支部委员会尚未对转正进行审查");
        }

        // The resolution's content, by analogy with R-21 (第三十二条第二款): WARN for each missing item.
        if (string.IsNullOrWhiteSpace(x.Data.ResolutionText))
        {
            yield return Refusal.Warn(RuleIds.R32ConfirmationProcedure, "第三十二条", "转正决议缺少预备党员的表现等内容");
        }

        if (string.IsNullOrWhiteSpace(x.Data.SecretaryMemberId))
        {
            yield return Refusal.Warn(RuleIds.R32ConfirmationProcedure, "第三十二条", "转正决议未记录签名的党支部书记");
        }
    }

    /// <summary>R-31-outcomes, R-31-extension (第三十一条): on time, extend (once, 6–12 months) or cancel; after an
    /// extension only confirm or cancel.</summary>
    public static IEnumerable<Refusal> Outcome(RuleInput x, ConfirmationOutcome? outcome)
    {
        var allowed = x.State.ExtensionUsed
            ? new[] { ConfirmationOutcome.Confirm, ConfirmationOutcome.CancelProbation }
            : [ConfirmationOutcome.ConfirmOnTime, ConfirmationOutcome.ExtendProbation, ConfirmationOutcome.CancelProbation];
        if (outcome is { } o && !allowed.Contains(o))
        {
            yield return Refusal.Block(o == ConfirmationOutcome.ExtendProbation ? RuleIds.R31Extension : RuleIds.R31Outcomes, "第三十一条",
                x.State.ExtensionUsed
                    ? $"预备期已延长过一次（{x.State.ExtensionMonths} 个月），期满只能转为正式党员或取消预备党员资格"
                    : "未延长预备期的，结果应为按期转正、延长预备期或取消预备党员资格");
        }

        if (outcome == ConfirmationOutcome.ExtendProbation && x.Data.ExtensionMonths is { } l && (l < 6 || l > 12))
        {
            yield return Refusal.Block(RuleIds.R31Extension, "第三十一条", $"延长预备期不能少于半年，最长不超过一年：所报 {l} 个月");
        }
    }

    /// <summary>R-31-decision-procedure (第三十一条): the committee approves what the branch assembly resolved.</summary>
    public static IEnumerable<Refusal> DecisionProcedure(RuleInput x)
    {
        var vote = x.State.LastConfirmationVote;
        var since = x.State.Events.LastOrDefault(e => e.Type == CaseEventType.ConfirmationApproved)?.Seq ?? 0;
        if (vote is null || vote.Seq < since || vote.Data.Result != AssemblyResult.Passed)
        {
            yield return Refusal.Block(RuleIds.R31DecisionProcedure, "第三十一条", "转正、延长或取消须经支部大会讨论通过后报上级党委审批：尚无通过的支部大会决议");
            yield break;
        }

        if (vote.Data.ProposedOutcome != x.Data.ConfirmationOutcome
            || (x.Data.ConfirmationOutcome == ConfirmationOutcome.ExtendProbation && vote.Data.ExtensionMonths != x.Data.ExtensionMonths))
        {
            yield return Refusal.Block(RuleIds.R31DecisionProcedure, "第三十一条",
                $"审批结果（{x.Data.ConfirmationOutcome}）与支部大会决议（{vote.Data.ProposedOutcome}" +
                (vote.Data.ExtensionMonths is { } m ? $"，{m} 个月" : "") + "）不一致");
        }
    }

    /// <summary>R-33-confirmation-approval-3-months (第三十三条): within three months of receiving the report (WARN).</summary>
    public static Refusal? ApprovalWithinThreeMonths(RuleInput x)
    {
        var received = x.Data.ReportReceivedDate ?? x.State.LastConfirmationVote?.Date;
        if (received is null)
        {
            return null;
        }

        var due = received.Value.AddMonths(3);
        return x.Date <= due ? null : Refusal.Warn(RuleIds.R33ConfirmationApproval3Months, "第三十三条",
            $"党委应在收到转正决议（{x.Day(received.Value)}）后三个月内（至迟 {x.Day(due)}）审批，实际 {x.Day(x.Date)}");
    }
}
