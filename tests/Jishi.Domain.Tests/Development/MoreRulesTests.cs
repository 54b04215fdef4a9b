using Jishi.Domain.Development;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Development;

/// <summary>Political review content and mobile consultation, the oath organiser, discipline during
/// probation, the confirmation vote's quorum and ballot (G-09, G-12), the candidate branch discussion,
/// temporary organisations and the derived probation and party-age dates .</summary>
public sealed class MoreRulesTests
{
    private static CaseRun Assembly(string assembly, CaseKit? kit = null, int? extension = null, string? confirmationApproval = null) =>
        (kit ?? new CaseKit()).Open(new CasePlan
        {
            AssemblyDate = CaseKit.Date(assembly),
            ExtensionMonths = extension,
            ConfirmationApprovalDate = confirmationApproval is null ? null : CaseKit.Date(confirmationApproval),
        });

    // ---- R-16-content ----

    [Theory]
    [InlineData(PoliticalReviewItem.FaithAndConviction)]
    [InlineData(PoliticalReviewItem.TwoEstablishments)]
    [InlineData(PoliticalReviewItem.AttitudeToPartyLine)]
    [InlineData(PoliticalReviewItem.PoliticalHistory)]
    [InlineData(PoliticalReviewItem.LawAndMorality)]
    [InlineData(PoliticalReviewItem.FamilyAndRelations)]
    public void PoliticalReviewConcluded_Under2026RulesWithoutOneItem_IsWarnedByR16ContentNamingIt(PoliticalReviewItem missing)
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.PoliticalReviewConcluded);
        var step = run.Next(CaseEventType.PoliticalReviewConcluded);
        Assert.True(step.Date >= RulesVersions.Rules2026Effective);

        var decision = run.Decide(step.Type, step.Date,
            step.Data with { ReviewItems = Enum.GetValues<PoliticalReviewItem>().Where(i => i != missing).ToList() });

        var refusal = Verdict.OnlyRefusedBy(decision, "R-16-content", RuleSeverity.Warn);
        Assert.Contains(CandidateRules.Label(missing), refusal.Message);
    }

    [Fact]
    public void PoliticalReviewConcluded_Under2026RulesWithNoItems_IsWarnedOnceByR16ContentNamingAllSix()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.PoliticalReviewConcluded);
        var step = run.Next(CaseEventType.PoliticalReviewConcluded);

        var decision = run.Decide(step.Type, step.Date, step.Data with { ReviewItems = null });

        var refusal = Verdict.OnlyRefusedBy(decision, "R-16-content", RuleSeverity.Warn);
        Assert.All(Enum.GetValues<PoliticalReviewItem>(), i => Assert.Contains(CandidateRules.Label(i), refusal.Message));
        var overridden = run.Decide(step.Type, step.Date, step.Data with { ReviewItems = null }, [new Override("R-16-content", "政审材料随后补充")]);
        Verdict.Accepted(overridden);
        Assert.Equal("R-16-content", Assert.Single(overridden.AcceptedOverrides).Rule);
    }

    [Theory]
    [InlineData("2026-05-10", false)]
    [InlineData("2026-05-11", true)]
    public void PoliticalReviewConcluded_WithTheFourItemsOf2014_IsWarnedByR16ContentOnlyFrom2026_05_11(string date, bool warned)
    {
        // Assembly 2026-05-20: pre-review 2026-05-10, proposal 2026-03-31, listed in April (2014 rules).
        var run = Assembly("2026-05-20").RecordUntil(CaseEventType.PoliticalReviewConcluded);
        var step = run.Next(CaseEventType.PoliticalReviewConcluded);
        IReadOnlyList<PoliticalReviewItem> fourOf2014 =
        [
            PoliticalReviewItem.AttitudeToPartyLine, PoliticalReviewItem.PoliticalHistory, PoliticalReviewItem.LawAndMorality,
            PoliticalReviewItem.FamilyAndRelations,
        ];

        var decision = run.Decide(step.Type, date, step.Data with { ReviewItems = fourOf2014 });

        if (warned)
        {
            var refusal = Verdict.OnlyRefusedBy(decision, "R-16-content", RuleSeverity.Warn);
            Assert.Contains(CandidateRules.Label(PoliticalReviewItem.FaithAndConviction), refusal.Message);
            Assert.Contains(CandidateRules.Label(PoliticalReviewItem.TwoEstablishments), refusal.Message);
            Assert.DoesNotContain(CandidateRules.Label(PoliticalReviewItem.PoliticalHistory), refusal.Message);
        }
        else
        {
            Verdict.Accepted(decision);
        }
    }

    [Fact]
    public void PoliticalReviewConcluded_Before2026_05_11WithNoItemsAtAll_IsNotWarnedByR16Content()
    {
        var run = Assembly("2026-03-10").RecordUntil(CaseEventType.PoliticalReviewConcluded);
        var step = run.Next(CaseEventType.PoliticalReviewConcluded);
        Assert.True(step.Date < RulesVersions.Rules2026Effective);

        var decision = run.Decide(step.Type, step.Date, step.Data with { ReviewItems = [] });

        Verdict.Accepted(decision);
        Verdict.NotRefusedBy(decision, "R-16-content");
    }

    // ---- R-16-mobile-consultation ----

    [Theory]
    [InlineData(new ConsultedOrg[0])]
    [InlineData(new[] { ConsultedOrg.HukouOrg })]
    [InlineData(new[] { ConsultedOrg.ResidenceOrg })]
    public void PreReviewPassed_ForAMobilePersonWithoutBothConsultations_IsRefusedByR16MobileConsultation(ConsultedOrg[] consulted)
    {
        var run = new CaseKit { IsMobile = true }.Open().RecordUntil(CaseEventType.PoliticalReviewConcluded);
        var review = run.Next(CaseEventType.PoliticalReviewConcluded);
        run.Record(review.Type, review.Date, review.Data with { ConsultedOrgs = consulted });
        run.RecordUntil(CaseEventType.PreReviewPassed);
        var step = run.Next(CaseEventType.PreReviewPassed);

        var decision = run.Decide(step.Type, step.Date, step.Data);

        Verdict.OnlyRefusedBy(decision, "R-16-mobile-consultation", RuleSeverity.Block);
    }

    [Fact]
    public void PreReviewPassed_ForAMobilePersonWithBothConsultations_IsAccepted()
    {
        var run = new CaseKit { IsMobile = true }.Open().RecordUntil(CaseEventType.PreReviewPassed);
        var step = run.Next(CaseEventType.PreReviewPassed);

        var decision = run.Decide(step.Type, step.Date, step.Data);

        Verdict.Accepted(decision);
        Verdict.NotRefusedBy(decision, "R-16-mobile-consultation");
    }

    [Fact]
    public void PreReviewPassed_ForAMobilePerson_JudgesTheConsultationsOfTheLastReviewOnly()
    {
        var run = new CaseKit { IsMobile = true }.Open().RecordUntil(CaseEventType.PoliticalReviewConcluded);
        var review = run.Next(CaseEventType.PoliticalReviewConcluded);
        run.Record(review.Type, review.Date, review.Data);
        run.Record(review.Type, review.Date.AddDays(1), review.Data with { ConsultedOrgs = [ConsultedOrg.ResidenceOrg] });
        run.RecordUntil(CaseEventType.PreReviewPassed);
        var step = run.Next(CaseEventType.PreReviewPassed);

        var refusal = Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-16-mobile-consultation", RuleSeverity.Block);
        Assert.Contains("户籍所在地", refusal.Message);
    }

    [Fact]
    public void PreReviewPassed_ForAPersonWhoIsNotMobileWithoutConsultations_IsNotRefusedByR16MobileConsultation()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.PoliticalReviewConcluded);
        var review = run.Next(CaseEventType.PoliticalReviewConcluded);
        run.Record(review.Type, review.Date, review.Data with { ConsultedOrgs = null });
        run.RecordUntil(CaseEventType.PreReviewPassed);
        var step = run.Next(CaseEventType.PreReviewPassed);

        var decision = run.Decide(step.Type, step.Date, step.Data);

        Verdict.Accepted(decision);
        Verdict.NotRefusedBy(decision, "R-16-mobile-consultation");
    }

    // ---- R-29-oath-organiser ----

    [Theory]
    [InlineData(null)]
    [InlineData(CaseKit.Cell)]
    [InlineData(CaseKit.CountyOrgDept)]
    public void OathTaken_Under2026RulesWithoutAnOrganiserOrByAPartyCell_IsWarnedByR29OathOrganiser(string? organiser)
    {
        // Default plan: approved 2026-07-20.
        var run = new CaseKit().Open().To(Milestone.Approved);

        var decision = run.Decide(CaseEventType.OathTaken, "2026-07-25", new EventData { OrganizerOrgId = organiser });

        Verdict.OnlyRefusedBy(decision, "R-29-oath-organiser", RuleSeverity.Warn);
    }

    [Theory]
    [InlineData(CaseKit.Branch)]
    [InlineData(CaseKit.Committee)]
    [InlineData(CaseKit.County)]
    public void OathTaken_Under2026RulesOrganisedByTheBranchOrACommittee_IsAccepted(string organiser)
    {
        var run = new CaseKit().Open().To(Milestone.Approved);

        var decision = run.Decide(CaseEventType.OathTaken, "2026-07-25", new EventData { OrganizerOrgId = organiser });

        Verdict.Accepted(decision);
        Verdict.NotRefusedBy(decision, "R-29-oath-organiser");
    }

    [Fact]
    public void OathTaken_OrganisedByTheGeneralBranch_IsAccepted()
    {
        var run = new CaseKit { WithGeneralBranch = true }.Open().To(Milestone.Approved);

        var decision = run.Decide(CaseEventType.OathTaken, "2026-07-25", new EventData { OrganizerOrgId = CaseKit.General });

        Verdict.Accepted(decision);
        Verdict.NotRefusedBy(decision, "R-29-oath-organiser");
    }

    [Fact]
    public void OathTaken_Under2014RulesWithoutAnOrganiser_IsNotWarnedByR29OathOrganiser()
    {
        // Assembly 2025-07-01: approved 2025-07-11.
        var run = Assembly("2025-07-01").To(Milestone.Approved);

        var decision = run.Decide(CaseEventType.OathTaken, "2025-07-16", new EventData());

        Verdict.Accepted(decision);
        Verdict.NotRefusedBy(decision, "R-29-oath-organiser");
    }

    // ---- R-31-discipline-during-probation ----

    private static CaseRun DisciplinedBeforeTheVote(DisciplineSeriousness seriousness)
    {
        var run = Assembly("2025-07-01").To(Milestone.OathTaken);
        run.Record(CaseEventType.ProbationDisciplineRecorded, "2026-03-01",
            new EventData { Seriousness = seriousness, Note = "违反廉洁纪律" });
        return run.RecordUntil(CaseEventType.ConfirmationVoteHeld);
    }

    [Theory]
    [InlineData(ConfirmationOutcome.ConfirmOnTime, null)]
    [InlineData(ConfirmationOutcome.ExtendProbation, 6)]
    public void ConfirmationVoteHeld_AfterASeriousBreachProposingAnythingButCancellation_IsRefusedByR31Discipline(ConfirmationOutcome proposed,
        int? months)
    {
        var run = DisciplinedBeforeTheVote(DisciplineSeriousness.Serious);
        Assert.True(run.State.SeriousBreachDuringProbation);

        var decision = run.Decide(CaseEventType.ConfirmationVoteHeld, "2026-07-01",
            CaseData.ConfirmationVote(CaseKit.Date("2026-07-01"), 10, proposed, months));

        Verdict.OnlyRefusedBy(decision, "R-31-discipline-during-probation", RuleSeverity.Block);
    }

    [Fact]
    public void ConfirmationVoteHeld_AfterASeriousBreachProposingCancellation_IsAccepted_AndTheApprovalCancelsProbation()
    {
        var run = DisciplinedBeforeTheVote(DisciplineSeriousness.Serious);

        var decision = run.Record(CaseEventType.ConfirmationVoteHeld, "2026-07-01",
            CaseData.ConfirmationVote(CaseKit.Date("2026-07-01"), 10, ConfirmationOutcome.CancelProbation));
        run.Record(CaseEventType.ConfirmationApproved, "2026-07-10",
            CaseData.ConfirmationApproval(CaseKit.Date("2026-07-01"), ConfirmationOutcome.CancelProbation));

        Verdict.NotRefusedBy(decision, "R-31-discipline-during-probation");
        Assert.Equal(CaseStatus.ProbationCancelled, run.State.Status);
    }

    [Fact]
    public void ConfirmationVoteHeld_AfterAMinorBreachProposingOnTimeConfirmation_IsAccepted()
    {
        var run = DisciplinedBeforeTheVote(DisciplineSeriousness.Minor);

        var decision = run.Decide(CaseEventType.ConfirmationVoteHeld, "2026-07-01",
            CaseData.ConfirmationVote(CaseKit.Date("2026-07-01"), 10, ConfirmationOutcome.ConfirmOnTime));

        Verdict.Accepted(decision);
        Verdict.NotRefusedBy(decision, "R-31-discipline-during-probation");
    }

    [Fact]
    public void ConfirmationVoteHeld_AfterASeriousBreachProposingCancellationWithoutAQuorum_IsStillRefusedByTheVoteRules()
    {
        var run = DisciplinedBeforeTheVote(DisciplineSeriousness.Serious);

        var decision = run.Decide(CaseEventType.ConfirmationVoteHeld, "2026-07-01",
            CaseData.ConfirmationVote(CaseKit.Date("2026-07-01"), 10, ConfirmationOutcome.CancelProbation) with { PresentVoterCount = 5, VotesFor = 5 });

        Verdict.OnlyRefusedBy(decision, "G-09-quorum", RuleSeverity.Block);
        Verdict.NotRefusedBy(decision, "R-31-discipline-during-probation");
    }

    [Fact]
    public void ProbationDisciplineRecorded_WithoutTheSeriousness_IsAFieldError()
    {
        var run = Assembly("2025-07-01").To(Milestone.OathTaken);

        var decision = run.Decide(CaseEventType.ProbationDisciplineRecorded, "2026-03-01", new EventData { Note = "违反廉洁纪律" });

        Assert.Equal("seriousness", Assert.Single(decision.Errors).Field);
        Assert.False(decision.IsAccepted, "R-31-discipline-during-probation: 情节 is recorded");
    }

    // ---- G-09-quorum, G-12-secret-ballot on the confirmation vote ----

    [Theory]
    [InlineData(16, 8, true)]
    [InlineData(16, 9, false)]
    [InlineData(15, 7, true)]
    [InlineData(15, 8, false)]
    [InlineData(7, 3, true)]
    [InlineData(7, 4, false)]
    [InlineData(2, 1, true)]
    [InlineData(2, 2, false)]
    public void ConfirmationVoteHeld_WithPresentVotersNotMoreThanHalfOfTheEligible_IsRefusedByG09Quorum(int eligible, int present, bool refused)
    {
        var run = Assembly("2025-07-01", new CaseKit { EligibleVoterIds = CaseKit.Voters(eligible) }).RecordUntil(CaseEventType.ConfirmationVoteHeld);
        var data = CaseData.Vote(CaseKit.Date("2026-07-01"), eligible, present, votesFor: present) with
        {
            ProposedOutcome = ConfirmationOutcome.ConfirmOnTime,
        };

        var decision = run.Decide(CaseEventType.ConfirmationVoteHeld, "2026-07-01", data);

        if (refused)
        {
            Verdict.OnlyRefusedBy(decision, "G-09-quorum", RuleSeverity.Block);
        }
        else
        {
            Verdict.Accepted(decision);
            Assert.Equal(AssemblyResult.Passed, decision.Data.Result);
        }
    }

    [Fact]
    public void AdmissionVoteHeld_WithoutAQuorum_IsRefusedByR19QuorumRatherThanG09()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionVoteHeld);
        var step = run.Next(CaseEventType.AdmissionVoteHeld);

        var decision = run.Decide(step.Type, step.Date, step.Data with { PresentVoterCount = 5, VotesFor = 5 });

        Verdict.OnlyRefusedBy(decision, "R-19-quorum", RuleSeverity.Block);
        Verdict.NotRefusedBy(decision, "G-09-quorum");
    }

    [Theory]
    [InlineData(VoteMethod.ShowOfHands)]
    [InlineData(VoteMethod.NamedBallot)]
    public void ConfirmationVoteHeld_NotBySecretBallot_IsRefusedByG12SecretBallot(VoteMethod method)
    {
        var run = Assembly("2025-07-01").RecordUntil(CaseEventType.ConfirmationVoteHeld);
        var step = run.Next(CaseEventType.ConfirmationVoteHeld);

        var decision = run.Decide(step.Type, step.Date, step.Data with { VoteMethod = method });

        Verdict.OnlyRefusedBy(decision, "G-12-secret-ballot", RuleSeverity.Block);
    }

    [Theory]
    [InlineData(VoteMethod.ShowOfHands)]
    [InlineData(VoteMethod.NamedBallot)]
    public void AdmissionVoteHeld_NotBySecretBallot_IsRefusedByR20SecretBallot(VoteMethod method)
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionVoteHeld);
        var step = run.Next(CaseEventType.AdmissionVoteHeld);

        var decision = run.Decide(step.Type, step.Date, step.Data with { VoteMethod = method });

        Verdict.OnlyRefusedBy(decision, "R-20-secret-ballot", RuleSeverity.Block);
        Verdict.NotRefusedBy(decision, "G-12-secret-ballot");
    }

    // ---- R-13-candidate-branch-discussion ----

    [Theory]
    [InlineData("2026-05-21")]
    [InlineData("2026-01-12")]
    public void CandidateListed_WithoutACandidateProposal_IsRefusedByR13CandidateBranchDiscussion(string plannedProposal)
    {
        var run = new CaseKit().Open(new CasePlan { ProposalDate = CaseKit.Date(plannedProposal) })
            .Without(CaseEventType.CandidateProposed, CaseEventType.CandidateConsented, CaseEventType.PublicNoticeEnded)
            .RecordUntil(CaseEventType.CandidateListed);
        var step = run.Next(CaseEventType.CandidateListed);

        var decision = run.Decide(step.Type, step.Date, step.Data);

        Verdict.OnlyRefusedBy(decision, "R-13-candidate-branch-discussion", RuleSeverity.Block);
    }

    // ---- R-22-temporary-org ----

    private static readonly RuleException TemporaryOrgException =
        new("R-22-temporary-org", "省委组织部关于援建项目临时党委发展党员的规定", "某某县委", CaseKit.Date("2026-06-15"));

    [Fact]
    public void AdmissionVoteHeld_InATemporaryOrg_IsRefusedByR22TemporaryOrgWithException()
    {
        var run = new CaseKit { BranchType = OrgType.TemporaryOrg }.Open().RecordUntil(CaseEventType.AdmissionVoteHeld);
        var step = run.Next(CaseEventType.AdmissionVoteHeld);

        var decision = run.Decide(step.Type, step.Date, step.Data);

        Verdict.OnlyRefusedBy(decision, "R-22-temporary-org", RuleSeverity.BlockWithException);
    }

    [Fact]
    public void AdmissionVoteHeld_InATemporaryOrgWithAnExceptionRecord_IsAccepted()
    {
        var run = new CaseKit { BranchType = OrgType.TemporaryOrg }.Open().RecordUntil(CaseEventType.AdmissionVoteHeld);
        var step = run.Next(CaseEventType.AdmissionVoteHeld);

        var decision = run.Decide(step.Type, step.Date, step.Data, exceptions: [TemporaryOrgException]);

        Verdict.Accepted(decision);
        Assert.Equal(TemporaryOrgException, Assert.Single(decision.AcceptedExceptions));
        Assert.Equal(AssemblyResult.Passed, decision.Data.Result);
    }

    [Fact]
    public void AdmissionVoteHeld_InATemporaryOrgWithAnExceptionForAnotherRule_IsStillRefusedByR22()
    {
        var run = new CaseKit { BranchType = OrgType.TemporaryOrg }.Open().RecordUntil(CaseEventType.AdmissionVoteHeld);
        var step = run.Next(CaseEventType.AdmissionVoteHeld);

        var decision = run.Decide(step.Type, step.Date, step.Data, exceptions: [TemporaryOrgException with { Rule = "R-17-training-required" }]);

        Verdict.OnlyRefusedBy(decision, "R-22-temporary-org", RuleSeverity.BlockWithException);
    }

    [Theory]
    [InlineData("basis")]
    [InlineData("decidedBy")]
    [InlineData("decisionDate")]
    [InlineData("rule")]
    public void AdmissionVoteHeld_InATemporaryOrgWithAnIncompleteExceptionRecord_IsAFieldError(string field)
    {
        var run = new CaseKit { BranchType = OrgType.TemporaryOrg }.Open().RecordUntil(CaseEventType.AdmissionVoteHeld);
        var step = run.Next(CaseEventType.AdmissionVoteHeld);
        var incomplete = field switch
        {
            "basis" => TemporaryOrgException with { Basis = " " },
            "decidedBy" => TemporaryOrgException with { DecidedBy = null },
            "decisionDate" => TemporaryOrgException with { DecisionDate = null },
            _ => TemporaryOrgException with { Rule = null },
        };

        var decision = run.Decide(step.Type, step.Date, step.Data, exceptions: [incomplete]);

        Assert.Equal($"exceptions[0].{field}", Assert.Single(decision.Errors).Field);
        Assert.False(decision.IsAccepted, "R-22-temporary-org: the exception record is complete");
    }

    [Fact]
    public void AdmissionVoteHeld_InABranch_IsNotRefusedByR22TemporaryOrg()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionVoteHeld);
        var step = run.Next(CaseEventType.AdmissionVoteHeld);

        var decision = run.Decide(step.Type, step.Date, step.Data);

        Verdict.Accepted(decision);
        Verdict.NotRefusedBy(decision, "R-22-temporary-org");
    }

    // ---- R-31-probation-period, R-33-party-age (derived on CaseState) ----

    [Theory]
    [InlineData("2025-07-01", "2026-06-30", "2026-07-01")]
    [InlineData("2024-02-29", "2025-02-27", "2025-02-28")]
    public void CaseState_AfterApproval_DerivesTheProbationPeriodFromTheAssemblyDate(string assembly, string end, string expiry)
    {
        var run = Assembly(assembly).To(Milestone.Approved);

        Assert.True(run.State.ProbationStartDate == CaseKit.Date(assembly), $"R-31-probation-period: start {run.State.ProbationStartDate}");
        Assert.True(run.State.ProbationEndDate == CaseKit.Date(end), $"R-31-probation-period: end {run.State.ProbationEndDate}, expected {end}");
        Assert.True(run.State.ExpiryDate == CaseKit.Date(expiry), $"R-31-probation-period: expiry {run.State.ExpiryDate}, expected {expiry}");
    }

    [Theory]
    [InlineData("2025-07-01", null, "2026-07-01")]
    [InlineData("2025-07-01", "2026-09-01", "2026-07-01")]
    [InlineData("2024-02-29", null, "2025-02-28")]
    public void CaseState_AfterOnTimeConfirmation_StartsPartyAgeOnTheExpiryDate(string assembly, string? approval, string partyAge)
    {
        var run = Assembly(assembly, confirmationApproval: approval).To(Milestone.Confirmed);

        Assert.Equal(DevelopmentStage.FullMember, run.State.Stage);
        Assert.True(run.State.PartyAgeStartDate == CaseKit.Date(partyAge),
            $"R-33-party-age: expected {partyAge}, got {run.State.PartyAgeStartDate}");
    }

    [Fact]
    public void CaseState_AfterConfirmationFollowingASixMonthExtension_StartsPartyAgeOnTheExtendedExpiryDate()
    {
        var run = Assembly("2025-07-01", new CaseKit { Today = CaseKit.Date("2027-03-01") }, extension: 6).To(Milestone.Confirmed);
        Assert.Equal(CaseKit.Date("2027-01-01"), run.State.ExtendedExpiryDate);
        run.Record(CaseEventType.BranchReviewPassed, "2027-01-02", new EventData { DecidedBy = DecidingBody.BranchCommitteeMeeting });
        run.Record(CaseEventType.ConfirmationVoteHeld, "2027-01-05", CaseData.ConfirmationVote(CaseKit.Date("2027-01-05"), 10, ConfirmationOutcome.Confirm));

        run.Record(CaseEventType.ConfirmationApproved, "2027-02-10", CaseData.ConfirmationApproval(CaseKit.Date("2027-01-05"), ConfirmationOutcome.Confirm));

        Assert.Equal(DevelopmentStage.FullMember, run.State.Stage);
        Assert.True(run.State.PartyAgeStartDate == CaseKit.Date("2027-01-01"),
            $"R-33-party-age: after the extension, from the extended expiry, got {run.State.PartyAgeStartDate}");
        Assert.True(run.State.ExpiryDate == CaseKit.Date("2026-07-01"), "R-31-probation-period: the original expiry is unchanged");
    }
}
