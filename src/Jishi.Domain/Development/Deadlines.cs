using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>A statutory (or configured practice, P-xx) deadline that applies to a case now: its due date, and the date
/// the step it asks for was recorded (null while outstanding). It is met when that step came on or before the due date.</summary>
public sealed record Deadline(string Rule, DateOnly DueDate, DateOnly? CompletedDate)
{
    public bool Satisfied => CompletedDate <= DueDate;

    public bool Outstanding => CompletedDate is null;
}

/// <summary>
/// The deadlines of a case, derived from its state: each with the rule it comes from, its due date (G-01 calendar
/// months, inclusive) and whether the step it asks for has been recorded. Practice thresholds of RULES.md §6 (P-01,
/// P-02, P-04 … P-07: 30 days) apply where the regulations say only "及时".
/// </summary>
public static class Deadlines
{
    public const int PracticeDays = 30;

    public static IReadOnlyList<Deadline> Of(CaseState s)
    {
        var list = new List<Deadline>();
        if (s.Status == CaseStatus.NotRecognized && s.Last(CaseEventType.NonRecognitionDecided) is { } decided)
        {
            list.Add(new(RuleIds.R41Nonrecognition, decided.Date.AddDays(PracticeDays),
                s.Of(CaseEventType.DecisionAnnounced).Where(e => e.Data.Decision == AnnouncedDecision.NotRecognized)
                    .Select(e => (DateOnly?)e.Date).FirstOrDefault()));
            return list;
        }

        if (s.Status != CaseStatus.Open && s.Status is not (CaseStatus.AdmissionNotApproved or CaseStatus.ProbationCancelled))
        {
            return list;
        }

        DateOnly? Done(CaseEventType t) => s.Of(t).Select(e => (DateOnly?)e.Date).FirstOrDefault();
        DateOnly? DoneWhere(CaseEventType t, Func<CaseEvent, bool> p) => s.Of(t).Where(p).Select(e => (DateOnly?)e.Date).FirstOrDefault();

        var direct = s.DirectlyAdmitted; // the branch-level gates R-08 … R-25 do not apply
        if (s.ApplicationReceivedDate is { } received && (!direct || s.Of(CaseEventType.ApplicationTalkHeld).Any()))
        {
            list.Add(new(RuleIds.R07TalkWithin1Month, received.AddMonths(1), Done(CaseEventType.ApplicationTalkHeld)));
        }

        if (s.ActivistDate is { } activist && !direct)
        {
            list.Add(new(RuleIds.R08ActivistFiling, activist.AddDays(PracticeDays), Done(CaseEventType.ActivistFiled)));
            list.Add(new(RuleIds.R09MentorCountAndStatus, activist.AddDays(PracticeDays), Done(CaseEventType.MentorAssigned)));
            if (s.Stage == DevelopmentStage.Activist)
            {
                var last = s.Of(CaseEventType.ActivistAssessed).Select(e => e.Date).DefaultIfEmpty(activist).Max();
                list.Add(new(RuleIds.R11HalfYearlyAssessment, last.AddMonths(6), null));
            }
        }

        if (s.PreReviewPassedDate is { } notice && RulesVersions.InForceOn(notice) == RulesVersion.Rules2026)
        {
            list.Add(new(RuleIds.R19AssemblyWithin1Month, notice.AddMonths(1), s.AssemblyDate));
        }

        if (s.AssemblyDate is { } assembly)
        {
            var report = s.Of(CaseEventType.AdmissionSubmitted).Select(e => (DateOnly?)e.Date).LastOrDefault() ?? assembly;
            list.Add(new(RuleIds.R25ApprovalWithin3Months, report.AddMonths(3), s.ApprovalDate));
        }

        if (s.Status == CaseStatus.AdmissionNotApproved && s.ApprovalDate is { } rejected)
        {
            list.Add(new(RuleIds.R24NotApprovedNotify, rejected.AddDays(PracticeDays),
                DoneWhere(CaseEventType.DecisionAnnounced, e => e.Data.Decision == AnnouncedDecision.NotApproved)));
            return list;
        }

        if (s.Stage >= DevelopmentStage.ProbationaryMember && s.ApprovalDate is { } directDate && direct)
        {
            if (s.Stage == DevelopmentStage.ProbationaryMember)
            {
                list.Add(new(RuleIds.R29OathWithin1Month, directDate.AddMonths(1), Done(CaseEventType.OathTaken)));
            }
        }
        else if (s.Stage >= DevelopmentStage.ProbationaryMember && s.ApprovalDate is { } approval)
        {
            list.Add(new(RuleIds.R24Notify, approval.AddDays(PracticeDays),
                DoneWhere(CaseEventType.DecisionAnnounced, e => e.Data.Decision == AnnouncedDecision.Admission)));
            list.Add(new(RuleIds.R25FilingToOrgDept, approval.AddDays(PracticeDays), Done(CaseEventType.AdmissionFiled)));
            list.Add(new(RuleIds.R28AssignBranchAndCell, approval.AddDays(PracticeDays), Done(CaseEventType.AssignedToBranchAndCell)));
            list.Add(new(RuleIds.R29OathWithin1Month, approval.AddMonths(1), Done(CaseEventType.OathTaken)));
        }

        if (s.Stage == DevelopmentStage.ProbationaryMember && s.Status == CaseStatus.Open && s.CurrentExpiryDate is { } expiry)
        {
            var discussBy = s.PostponedDiscussionDate is { } postponed && !s.ExtensionUsed ? postponed : expiry.AddDays(PracticeDays);
            list.Add(new(s.PostponedDiscussionDate is not null && !s.ExtensionUsed ? RuleIds.R35Postponement : RuleIds.R31TimelyDiscussion, discussBy,
                DoneWhere(CaseEventType.ConfirmationVoteHeld, e => e.Date >= expiry)));
            if (s.LastConfirmationVote is { Data.Result: AssemblyResult.Passed } vote && vote.Date >= expiry)
            {
                list.Add(new(RuleIds.R33ConfirmationApproval3Months, vote.Date.AddMonths(3), null));
            }
        }

        if (s.Stage == DevelopmentStage.FullMember && s.Last(CaseEventType.ConfirmationApproved) is { } confirmed)
        {
            list.Add(new(RuleIds.R33NotifyAndTalk, confirmed.Date.AddDays(PracticeDays),
                DoneWhere(CaseEventType.DecisionAnnounced, e => e.Data.Decision == AnnouncedDecision.Confirmation)));
        }

        return list;
    }
}
