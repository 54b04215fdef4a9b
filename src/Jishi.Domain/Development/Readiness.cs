using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>What still stands between a case and its next stage-moving steps, as of a date.</summary>
public sealed record StepReadiness(CaseEventType Step, IReadOnlyList<Refusal> Missing);

/// <summary>
/// Why a step is not available yet: for the steps that move the case on, runs the same named rule methods that gate
/// them (only those that depend on the record so far, not on the step's own fields) and reports what they would
/// refuse today. The UI shows this so that nothing is disabled silently; recording the step still goes through
/// <see cref="CaseEngine.Decide"/>.
/// </summary>
public static class Readiness
{
    public static IReadOnlyList<StepReadiness> Of(CaseState state, CaseContext ctx, DateOnly date)
    {
        if (state.Status != CaseStatus.Open)
        {
            return [];
        }

        RuleInput X(CaseEventType type) => new(state, type, date, new EventData(), ctx);
        var steps = state.Stage switch
        {
            DevelopmentStage.Applicant =>
            [
                (CaseEventType.ActivistDesignated, new[]
                {
                    ApplicationRules.TalkBeforeActivist(X(CaseEventType.ActivistDesignated)),
                    ActivistRules.Nomination(X(CaseEventType.ActivistDesignated)),
                }),
            ],
            DevelopmentStage.Activist =>
            [
                (CaseEventType.CandidateProposed, new[]
                {
                    CandidateRules.MinOneYear(X(CaseEventType.CandidateProposed)),
                    ActivistRules.FilingExists(X(CaseEventType.CandidateProposed)),
                    ActivistRules.MentorOpinionsBeforeDiscussion(X(CaseEventType.CandidateProposed)),
                    CandidateRules.Opinions(X(CaseEventType.CandidateProposed)),
                    TransferRules.ReviewedBeforeProposal(X(CaseEventType.CandidateProposed)),
                }),
                (CaseEventType.CandidateListed, CandidateRules.Listing(X(CaseEventType.CandidateListed)).ToArray()),
            ],
            DevelopmentStage.Candidate when state.PreReviewPassedDate is null =>
            [
                (CaseEventType.PreReviewPassed, new[]
                {
                    AdmissionRules.BranchStrictReview(X(CaseEventType.PreReviewPassed)),
                    CandidateRules.PoliticalReviewQualified(X(CaseEventType.PreReviewPassed)),
                    CandidateRules.MobileConsultation(X(CaseEventType.PreReviewPassed)),
                    CandidateRules.TrainingDone(X(CaseEventType.PreReviewPassed)),
                }),
            ],
            DevelopmentStage.Candidate when state.AssemblyDate is null =>
            [
                (CaseEventType.AdmissionVoteHeld, new[]
                {
                    AdmissionRules.FormIssuedBeforeAssembly(X(CaseEventType.AdmissionVoteHeld)),
                    AdmissionRules.SponsorsAssigned(X(CaseEventType.AdmissionVoteHeld)),
                }),
            ],
            DevelopmentStage.Candidate =>
            [
                (CaseEventType.AdmissionApproved, new[]
                {
                    AdmissionRules.Submitted(X(CaseEventType.AdmissionApproved)),
                    AdmissionRules.ApprovalTalk(X(CaseEventType.AdmissionApproved)).FirstOrDefault(r => r.Severity == RuleSeverity.Block),
                }),
            ],
            DevelopmentStage.ProbationaryMember =>
            [
                (CaseEventType.ConfirmationVoteHeld, new[]
                {
                    ProbationRules.OathBeforeConfirmation(X(CaseEventType.ConfirmationVoteHeld)),
                    ProbationRules.TimelyDiscussion(X(CaseEventType.ConfirmationVoteHeld)),
                    TransferRules.ReviewedBeforeConfirmation(X(CaseEventType.ConfirmationVoteHeld)),
                }.Concat(ProbationRules.ConfirmationProcedure(X(CaseEventType.ConfirmationVoteHeld)).Where(r => r.Severity == RuleSeverity.Block))
                    .ToArray()),
            ],
            DevelopmentStage.FullMember => Array.Empty<(CaseEventType, Refusal?[])>(),
            _ => throw new ArgumentOutOfRangeException(nameof(state), state.Stage, null),
        };

        return steps.Select(s => new StepReadiness(s.Item1, s.Item2.OfType<Refusal>().ToList())).ToList();
    }
}
