using Jishi.Domain.Development;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Development;

/// <summary>发展对象的确定和考察 (R-13 … R-17) and the rules version by step date .</summary>
public sealed class CandidateRulesTests
{
    private static CaseRun ProposedOn(string proposal, CaseKit? kit = null) =>
        (kit ?? new CaseKit()).Open(new CasePlan { ProposalDate = CaseKit.Date(proposal) });

    [Theory]
    [InlineData("2025-03-10", "2026-03-09")]
    [InlineData("2024-02-29", "2025-02-27")]
    [InlineData("2025-08-31", "2026-08-30")]
    public void CandidateProposed_OneDayBeforeTheFirstAnniversary_IsRefusedByR13MinOneYear(string activist, string proposal)
    {
        var run = new CaseKit().Open(new CasePlan { ActivistDate = CaseKit.Date(activist), ProposalDate = CaseKit.Date(proposal).AddDays(1) })
            .RecordUntil(CaseEventType.CandidateProposed);

        Verdict.OnlyRefusedBy(run.DecideNext(CaseEventType.CandidateProposed, proposal), "R-13-candidate-min-1-year", RuleSeverity.Block);
    }

    [Theory]
    [InlineData("2025-03-10", "2026-03-10")]
    [InlineData("2024-02-29", "2025-02-28")]
    [InlineData("2025-08-31", "2026-08-31")]
    public void CandidateProposed_OnTheFirstAnniversary_IsAccepted(string activist, string proposal)
    {
        var run = new CaseKit().Open(new CasePlan { ActivistDate = CaseKit.Date(activist), ProposalDate = CaseKit.Date(proposal) })
            .RecordUntil(CaseEventType.CandidateProposed);

        Verdict.Accepted(run.DecideNext(CaseEventType.CandidateProposed, proposal));
    }

    [Theory]
    [InlineData(false, OpinionSource.NonMember)]
    [InlineData(false, OpinionSource.Member)]
    [InlineData(false, OpinionSource.Mentor)]
    [InlineData(true, OpinionSource.PartyCell)]
    public void CandidateProposed_WithoutTheOpinionsOfARequiredSource_IsRefusedByR13CandidateOpinions(bool branchHasCells, OpinionSource missing)
    {
        var run = new CaseKit { BranchHasCells = branchHasCells }.Open().RecordUntil(CaseEventType.OpinionsCollected);
        var opinions = run.Next(CaseEventType.OpinionsCollected);
        run.Record(opinions.Type, opinions.Date, opinions.Data with { Sources = opinions.Data.Sources!.Where(s => s != missing).ToList() });
        var step = run.Next(CaseEventType.CandidateProposed);

        var refusal = Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-13-candidate-opinions", RuleSeverity.Block);

        Assert.Contains(CandidateRules.Label(missing), refusal.Message);
    }

    [Theory]
    [InlineData(CaseKit.General)]
    [InlineData(CaseKit.Branch)]
    [InlineData(CaseKit.CountyOrgDept)]
    public void CandidateConsented_ByABodyThatIsNotTheHigherCommittee_IsRefusedByR13UpperConsent(string org)
    {
        var run = new CaseKit { WithGeneralBranch = true }.Open().RecordUntil(CaseEventType.CandidateConsented);
        var step = run.Next(CaseEventType.CandidateConsented);

        var decision = run.Decide(step.Type, step.Date, new EventData { ConsentingOrgId = org });

        Verdict.OnlyRefusedBy(decision, "R-13-candidate-upper-consent", RuleSeverity.Block);
    }

    [Fact]
    public void CandidateConsented_BeforeTheBranchDiscussion_IsRefusedByR13UpperConsent()
    {
        var run = new CaseKit().Open().Without(CaseEventType.CandidateProposed).RecordUntil(CaseEventType.CandidateConsented);
        var step = run.Next(CaseEventType.CandidateConsented);

        Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-13-candidate-upper-consent", RuleSeverity.Block);
    }

    [Fact]
    public void PublicNoticeEnded_ForANoticeStartingBeforeTheConsent_IsRefusedByR13UpperConsent()
    {
        // Proposal Tue 2026-06-02, consent Wed 2026-06-03.
        var run = ProposedOn("2026-06-02").RecordUntil(CaseEventType.PublicNoticeEnded);

        var decision = run.Decide(CaseEventType.PublicNoticeEnded, "2026-06-12", CaseData.Notice(CaseKit.Date("2026-06-02")));

        Verdict.OnlyRefusedBy(decision, "R-13-candidate-upper-consent", RuleSeverity.Block);
    }

    [Theory]
    [InlineData("2026-06-02", "2026-06-04", "2026-06-09", 4)]
    [InlineData("2026-09-28", "2026-09-30", "2026-10-09", 3)]
    [InlineData("2026-09-28", "2026-09-30", "2026-10-11", 4)]
    [InlineData("2026-04-28", "2026-04-30", "2026-05-08", 4)]
    [InlineData("2026-05-06", "2026-05-08", "2026-05-12", 4)]
    public void PublicNoticeEnded_WithFewerThanFiveWorkingDays_IsRefusedByR13PublicNotice(string proposal, string start, string end,
        int workingDays)
    {
        var run = ProposedOn(proposal).RecordUntil(CaseEventType.PublicNoticeEnded);

        var refusal = Verdict.OnlyRefusedBy(run.Decide(CaseEventType.PublicNoticeEnded, end, CaseData.Notice(CaseKit.Date(start))),
            "R-13-candidate-public-notice", RuleSeverity.Block);

        Assert.Equal(workingDays, CaseKit.Calendar.CountWorkingDays(CaseKit.Date(start), CaseKit.Date(end)));
        Assert.Contains($"只有 {workingDays} 个工作日", refusal.Message);
    }

    [Theory]
    [InlineData("2026-06-02", "2026-06-04", "2026-06-10")] // Thu … Wed: 06-04, 06-05, 06-08, 06-09, 06-10
    [InlineData("2026-09-28", "2026-09-30", "2026-10-12")] // 09-30, 10-08, 10-09, Sat 10-10 (调休), 10-12
    [InlineData("2026-05-06", "2026-05-08", "2026-05-13")] // 05-08, Sat 05-09 (调休), 05-11, 05-12, 05-13
    [InlineData("2026-04-28", "2026-04-30", "2026-05-09")] // 04-30, 劳动节 05-01…05-05, 05-06, 05-07, 05-08, Sat 05-09 (调休)
    public void PublicNoticeEnded_OnTheEarliestValidEndDate_IsAccepted(string proposal, string start, string earliestEnd)
    {
        var run = ProposedOn(proposal).RecordUntil(CaseEventType.PublicNoticeEnded);

        Verdict.Accepted(run.Decide(CaseEventType.PublicNoticeEnded, earliestEnd, CaseData.Notice(CaseKit.Date(start))));
    }

    [Theory]
    [InlineData("2026-06-04", "2026-06-10")]
    [InlineData("2026-09-30", "2026-10-12")]
    [InlineData("2026-02-13", "2026-02-26")]
    [InlineData("2026-04-30", "2026-05-09")]
    public void OfficialCalendar_FiveWorkingDaysFromTheStart_EndOnTheEarliestValidNoticeEnd(string start, string end)
    {
        Assert.Equal(CaseKit.Date(end), CaseKit.Calendar.AddWorkingDays(CaseKit.Date(start), 5));
    }

    [Fact]
    public void CandidateListed_MobilePersonWithANoticeOnlyAtTheOutflowPlace_IsRefusedByR13MobileDualNotice()
    {
        var run = new CaseKit { IsMobile = true }.Open().RecordThrough(CaseEventType.PublicNoticeEnded).Without(CaseEventType.PublicNoticeEnded);
        var step = run.Next(CaseEventType.CandidateListed);

        var refusal = Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-13-mobile-dual-notice", RuleSeverity.Block);

        Assert.Contains("流入地", refusal.Message);
    }

    [Fact]
    public void CandidateListed_MobilePersonWithNoticesStartingOnDifferentDays_IsWarnedByR13MobileDualNotice()
    {
        // Proposal Mon 2026-06-01, consent Tue 06-02.
        var run = ProposedOn("2026-06-01", new CaseKit { IsMobile = true }).RecordUntil(CaseEventType.PublicNoticeEnded)
            .Without(CaseEventType.PublicNoticeEnded, CaseEventType.PublicNoticeEnded);
        run.Record(CaseEventType.PublicNoticeEnded, "2026-06-10", CaseData.Notice(CaseKit.Date("2026-06-02"), NoticePlace.OutflowPlace));
        run.Record(CaseEventType.PublicNoticeEnded, "2026-06-10", CaseData.Notice(CaseKit.Date("2026-06-03"), NoticePlace.InflowPlace));

        var decision = run.Decide(CaseEventType.CandidateListed, "2026-06-11", new EventData());

        Verdict.OnlyRefusedBy(decision, "R-13-mobile-dual-notice", RuleSeverity.Warn);
        Verdict.Accepted(run.Decide(CaseEventType.CandidateListed, "2026-06-11", new EventData(),
            [new Override("R-13-mobile-dual-notice", "流入地党组织次日方收到公示材料")]));
    }

    [Theory]
    [InlineData(NoticePlace.OutflowPlace)]
    [InlineData(NoticePlace.InflowPlace)]
    public void PublicNoticeEnded_AtAMobilePlaceForAPersonWhoIsNotMobile_IsRefusedByR13MobileDualNotice(NoticePlace place)
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.PublicNoticeEnded);
        var step = run.Next(CaseEventType.PublicNoticeEnded);

        var decision = run.Decide(step.Type, step.Date, step.Data with { Place = place });

        Verdict.OnlyRefusedBy(decision, "R-13-mobile-dual-notice", RuleSeverity.Block);
    }

    [Fact]
    public void CandidateListed_OnTheNoticeEndDate_IsRefusedByR13CandidateListing()
    {
        var run = new CaseKit().Open().RecordThrough(CaseEventType.PublicNoticeEnded);
        var end = run.State.Last(CaseEventType.PublicNoticeEnded)!.Date;

        var decision = run.Decide(CaseEventType.CandidateListed, end, new EventData());

        Verdict.OnlyRefusedBy(decision, "R-13-candidate-listing", RuleSeverity.Block);
        Verdict.Accepted(run.Decide(CaseEventType.CandidateListed, end.AddDays(1), new EventData()));
    }

    [Fact]
    public void CandidateListed_AfterANoticeWhoseOutcomeIsImpact_IsRefusedByR13CandidateListing()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.PublicNoticeEnded);
        var notice = run.Next(CaseEventType.PublicNoticeEnded);
        run.Record(notice.Type, notice.Date, notice.Data with { Outcome = nameof(PublicNoticeOutcome.Impact) });
        var step = run.Next(CaseEventType.CandidateListed);

        Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-13-candidate-listing", RuleSeverity.Block);
    }

    [Fact]
    public void PublicNoticeEnded_WithAnOutcomeThatIsNotAValue_IsA400NamingTheField()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.PublicNoticeEnded);
        var notice = run.Next(CaseEventType.PublicNoticeEnded);

        var decision = run.Decide(notice.Type, notice.Date, notice.Data with { Outcome = "Maybe" });

        Assert.NotEmpty(decision.Errors);
        Assert.All(decision.Errors, e => Assert.Equal("outcome", e.Field));
        Assert.Empty(decision.Refusals);
    }

    [Fact]
    public void CandidateListed_OnMarch1st2026AfterConsentWithoutANotice_IsAcceptedUnderThe2014Rules()
    {
        var run = ProposedOn("2026-02-20").Without(CaseEventType.PublicNoticeEnded).RecordUntil(CaseEventType.CandidateListed);

        var decision = run.Decide(CaseEventType.CandidateListed, "2026-03-01", new EventData());

        Verdict.Accepted(decision);
        Assert.Equal(RulesVersion.Rules2014, RulesVersions.InForceOn(CaseKit.Date("2026-03-01")));
    }

    [Fact]
    public void CandidateListed_OnJune1st2026AfterConsentWithoutANotice_IsRefusedByR13PublicNoticeUnderThe2026Rules()
    {
        var run = ProposedOn("2026-05-20").Without(CaseEventType.PublicNoticeEnded).RecordUntil(CaseEventType.CandidateListed);

        var decision = run.Decide(CaseEventType.CandidateListed, "2026-06-01", new EventData());

        Verdict.OnlyRefusedBy(decision, "R-13-candidate-public-notice", RuleSeverity.Block);
    }

    [Theory]
    [InlineData("2026-02-20", "2026-03-01")]
    [InlineData("2026-05-20", "2026-06-01")]
    public void CandidateListed_WithoutTheHigherCommitteesConsentOrFiling_IsRefusedByR13UpperConsent(string proposal, string listed)
    {
        var run = ProposedOn(proposal).Without(CaseEventType.CandidateConsented, CaseEventType.PublicNoticeEnded)
            .RecordUntil(CaseEventType.CandidateListed);

        Verdict.OnlyRefusedBy(run.Decide(CaseEventType.CandidateListed, listed, new EventData()), "R-13-candidate-upper-consent",
            RuleSeverity.Block);
    }

    [Fact]
    public void SponsorsAssigned_OnlyOneSponsor_IsRefusedByR14TwoSponsors()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.SponsorsAssigned);
        var step = run.Next(CaseEventType.SponsorsAssigned);

        Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, CaseData.Sponsors(CaseKit.MentorA)), "R-14-two-sponsors", RuleSeverity.Block);
    }

    [Theory]
    [InlineData(CaseKit.MentorA, CaseKit.MentorA)]
    [InlineData(CaseKit.MentorA, CaseKit.Probationary)]
    public void SponsorsAssigned_ADuplicateOrNotAFullMember_IsRefusedByR14TwoSponsors(string first, string second)
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.SponsorsAssigned);
        var step = run.Next(CaseEventType.SponsorsAssigned);

        Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, CaseData.Sponsors(first, second)), "R-14-two-sponsors", RuleSeverity.Block);
    }

    [Fact]
    public void SponsorsAssigned_AMemberUnderDisciplinaryProbation_IsRefusedByR14()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.SponsorsAssigned);
        var step = run.Next(CaseEventType.SponsorsAssigned);

        var decision = run.Decide(step.Type, step.Date, CaseData.Sponsors(CaseKit.MentorA, CaseKit.UnderDisciplinaryProbation));

        Verdict.OnlyRefusedBy(decision, "R-14-sponsor-disciplinary-probation", RuleSeverity.Block);
    }

    [Theory]
    [InlineData("2025-06-01", "2026-06-01", true)]
    [InlineData("2025-06-01", "2026-06-02", false)]
    public void SponsorsAssigned_AMemberWithAWarningUnderThe2026Rules_IsWarnedByR14OnlyWithinTheEffectPeriod(string warningApproved,
        string assigned, bool warned)
    {
        // Default plan: listed 2026-05-29.
        var run = new CaseKit { WarningApproved = CaseKit.Date(warningApproved) }.Open().RecordUntil(CaseEventType.SponsorsAssigned);

        var decision = run.Decide(CaseEventType.SponsorsAssigned, assigned, CaseData.Sponsors(CaseKit.MentorA, CaseKit.Warned));

        if (warned)
        {
            Verdict.OnlyRefusedBy(decision, "R-14-sponsor-sanction-effect-period", RuleSeverity.Warn);
        }
        else
        {
            Verdict.Accepted(decision);
        }
    }

    [Theory]
    [InlineData("2026-03-01")]
    [InlineData("2026-03-02")]
    public void SponsorsAssigned_AMemberWithAWarningApprovedOn2025_03_01BeforeMay11th2026_IsNotWarnedUnderThe2014Rules(string assigned)
    {
        // R-14's example (警告 2025-03-01 → WARN on 2026-03-01) falls before the 2026 rules took effect (R-44: no sponsor
        // sanction-period warning under the 2014 rules). Listed 2026-01-17.
        var run = ProposedOn("2026-01-10", new CaseKit { WarningApproved = CaseKit.Date("2025-03-01") })
            .RecordUntil(CaseEventType.SponsorsAssigned);

        Verdict.Accepted(run.Decide(CaseEventType.SponsorsAssigned, assigned, CaseData.Sponsors(CaseKit.MentorA, CaseKit.Warned)));
    }

    [Fact]
    public void AdmissionVoteHeld_WithASponsorWarnedAfterTheAssignment_IsWarnedByR14OnTheAssemblyDate()
    {
        // G-15: the sponsors are re-checked on the assembly date. Assigned 2026-05-30 (no sanction yet), 警告 approved
        // 2026-06-15, assembly 2026-07-10.
        var run = new CaseKit { WarningApproved = CaseKit.Date("2026-06-15") }.Open().RecordUntil(CaseEventType.SponsorsAssigned);
        var step = run.Next(CaseEventType.SponsorsAssigned);
        Verdict.Accepted(run.Record(step.Type, step.Date, CaseData.Sponsors(CaseKit.MentorA, CaseKit.Warned)));
        run.RecordUntil(CaseEventType.AdmissionVoteHeld);
        var vote = run.Next(CaseEventType.AdmissionVoteHeld);

        var decision = run.Decide(vote.Type, vote.Date, vote.Data with
        {
            Procedure = new AssemblyProcedure(true, true, [new(CaseKit.MentorA, true), new(CaseKit.Warned, true)]),
        });

        Verdict.OnlyRefusedBy(decision, "R-14-sponsor-sanction-effect-period", RuleSeverity.Warn);
    }

    [Fact]
    public void PreReviewPassed_AfterAPoliticalReviewConcludedNotQualified_IsRefusedByR16()
    {
        var run = new CaseKit().Open().RecordThrough(CaseEventType.BranchReviewPassed);
        var prereview = run.Next(CaseEventType.PreReviewPassed);
        run.Record(CaseEventType.PoliticalReviewConcluded, prereview.Date, CaseData.PoliticalReview(PoliticalReviewConclusion.NotQualified));

        Verdict.OnlyRefusedBy(run.Decide(prereview.Type, prereview.Date, prereview.Data), "R-16-political-review-required", RuleSeverity.Block);
    }

    [Fact]
    public void BranchReviewPassed_WithoutAPoliticalReviewConclusion_IsRefusedByR16()
    {
        var run = new CaseKit().Open().Without(CaseEventType.PoliticalReviewConcluded).RecordUntil(CaseEventType.BranchReviewPassed);
        var step = run.Next(CaseEventType.BranchReviewPassed);

        Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-16-political-review-required", RuleSeverity.Block);
    }

    [Fact]
    public void PoliticalReviewConcluded_WithoutInquiryOrAReasonForNone_IsWarnedByR16Methods()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.PoliticalReviewConcluded);
        var step = run.Next(CaseEventType.PoliticalReviewConcluded);

        var decision = run.Decide(step.Type, step.Date, step.Data with { Methods = [PoliticalReviewMethod.TalkWithPerson] });

        Verdict.OnlyRefusedBy(decision, "R-16-methods-and-inquiry", RuleSeverity.Warn);
        Verdict.Accepted(run.Decide(step.Type, step.Date, step.Data with
        {
            Methods = [PoliticalReviewMethod.TalkWithPerson],
            Note = "听取本人介绍和查阅有关材料后情况清楚",
        }));
    }

    [Theory]
    [InlineData(2, 24)]
    [InlineData(3, 18)]
    [InlineData(3, null)]
    [InlineData(null, 24)]
    public void TrainingCompleted_ThreeDaysOr24ClassHours_IsAccepted(int? days, int? hours)
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.TrainingCompleted);
        var step = run.Next(CaseEventType.TrainingCompleted);

        Verdict.Accepted(run.Decide(step.Type, step.Date, step.Data with { Days = days, ClassHours = hours }));
    }

    [Theory]
    [InlineData(2, 20)]
    [InlineData(2, 23)]
    [InlineData(null, 23)]
    public void TrainingCompleted_ShorterThanThreeDaysAnd24ClassHours_IsWarnedByR17Duration(int? days, int? hours)
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.TrainingCompleted);
        var step = run.Next(CaseEventType.TrainingCompleted);

        Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data with { Days = days, ClassHours = hours }),
            "R-17-training-duration", RuleSeverity.Warn);
    }

    [Fact]
    public void TrainingCompleted_OrganisedByTheBranchOrStartedBeforeTheListing_IsWarnedByR17OrganiserAndMode()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.TrainingCompleted);
        var step = run.Next(CaseEventType.TrainingCompleted);

        Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data with { OrganizerOrgId = CaseKit.Branch }),
            "R-17-training-organiser-and-mode", RuleSeverity.Warn);
        Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data with { StartDate = run.State.CandidateListedDate!.Value.AddDays(-1) }),
            "R-17-training-organiser-and-mode", RuleSeverity.Warn);
    }

    [Fact]
    public void PreReviewPassed_WithoutTraining_IsRefusedByR17TrainingRequiredUnlessAnExceptionIsRecorded()
    {
        var run = new CaseKit().Open().Without(CaseEventType.TrainingCompleted).RecordUntil(CaseEventType.PreReviewPassed);
        var step = run.Next(CaseEventType.PreReviewPassed);
        var exception = new RuleException("R-17-training-required", "因抗洪抢险一线任务未能参加集中培训（第十七条“除个别特殊情况外”）",
            CaseKit.Committee, step.Date);

        Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-17-training-required", RuleSeverity.BlockWithException);
        var passed = run.Decide(step.Type, step.Date, step.Data, exceptions: [exception]);

        Verdict.Accepted(passed);
        Assert.Equal(exception, Assert.Single(passed.AcceptedExceptions));
    }

    [Fact]
    public void PreReviewPassed_WithoutTrainingAndAnOverrideInsteadOfAnException_IsStillRefused()
    {
        var run = new CaseKit().Open().Without(CaseEventType.TrainingCompleted).RecordUntil(CaseEventType.PreReviewPassed);
        var step = run.Next(CaseEventType.PreReviewPassed);

        var decision = run.Decide(step.Type, step.Date, step.Data, [new Override("R-17-training-required", "特殊情况")]);

        Verdict.OnlyRefusedBy(decision, "R-17-training-required", RuleSeverity.BlockWithException);
    }

    [Fact]
    public void PreReviewPassed_WithAnExceptionRecordWithoutBasis_IsA400NamingTheField()
    {
        var run = new CaseKit().Open().Without(CaseEventType.TrainingCompleted).RecordUntil(CaseEventType.PreReviewPassed);
        var step = run.Next(CaseEventType.PreReviewPassed);

        var decision = run.Decide(step.Type, step.Date, step.Data, exceptions: [new RuleException("R-17-training-required", null, CaseKit.Committee, step.Date)]);

        Assert.Equal("exceptions[0].basis", Assert.Single(decision.Errors).Field);
    }
}
