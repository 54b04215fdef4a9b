using Jishi.Domain.Development;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Development;

/// <summary>预备党员的接收: pre-review and the 志愿书, the assembly (R-19 … R-21), submission and approval
/// (R-21 … R-25, G-14).</summary>
public sealed class AdmissionRulesTests
{
    private static Decision DecideNextWith(CaseRun run, CaseEventType type, Func<EventData, EventData> change)
    {
        var step = run.Next(type);
        return run.Decide(type, step.Date, change(step.Data));
    }

    [Fact]
    public void PreReviewPassed_WithoutTheBranchCommitteesStrictReview_IsRefusedByR18BranchStrictReview()
    {
        var run = new CaseKit().Open().Without(CaseEventType.BranchReviewPassed).RecordUntil(CaseEventType.PreReviewPassed);

        Verdict.OnlyRefusedBy(DecideNextWith(run, CaseEventType.PreReviewPassed, d => d), "R-18-branch-strict-review", RuleSeverity.Block);
    }

    [Theory]
    [InlineData(CaseKit.General, true, true)]
    [InlineData(CaseKit.Committee, false, false)]
    [InlineData(CaseKit.Branch, false, true)]
    [InlineData(CaseKit.CountyOrgDept, false, true)]
    public void PreReviewPassed_ByAnOrganisationWithoutApprovalAuthorityAboveTheBranch_IsRefusedByR18PreReview(string reviewer,
        bool withGeneralBranch, bool committeeHasAuthority)
    {
        var run = new CaseKit { WithGeneralBranch = withGeneralBranch, CommitteeHasApprovalAuthority = committeeHasAuthority }
            .Open().RecordUntil(CaseEventType.PreReviewPassed);

        var decision = DecideNextWith(run, CaseEventType.PreReviewPassed, d => d with { ReviewingOrgId = reviewer });

        Verdict.OnlyRefusedBy(decision, "R-18-prereview", RuleSeverity.Block);
    }

    [Fact]
    public void PreReviewPassed_ByTheCountyCommitteeWithApprovalAuthority_IsAccepted()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.PreReviewPassed);

        Verdict.Accepted(DecideNextWith(run, CaseEventType.PreReviewPassed, d => d with { ReviewingOrgId = CaseKit.County }));
    }

    [Fact]
    public void AdmissionFormIssued_BeforeThePreReview_IsRefusedByR18FormIssuance()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.PreReviewPassed);
        var date = run.Next(CaseEventType.PreReviewPassed).Date;

        var decision = run.Decide(CaseEventType.AdmissionFormIssued, date, new EventData { Serial = "GD-2026-000123" });

        Verdict.OnlyRefusedBy(decision, "R-18-admission-form-issuance", RuleSeverity.Block);
    }

    [Theory]
    [InlineData(SerialState.Issued)]
    [InlineData(SerialState.Voided)]
    public void AdmissionFormIssued_WithASerialAlreadyIssuedOrVoided_IsRefusedByR18FormIssuance(SerialState serialState)
    {
        var kit = new CaseKit();
        var run = kit.Open().RecordUntil(CaseEventType.AdmissionFormIssued);
        kit.SerialState = serial => serial == "GD-2026-000123" ? serialState : SerialState.Available;

        Verdict.OnlyRefusedBy(DecideNextWith(run, CaseEventType.AdmissionFormIssued, d => d), "R-18-admission-form-issuance", RuleSeverity.Block);
        Verdict.Accepted(DecideNextWith(run, CaseEventType.AdmissionFormIssued, d => d with { Serial = "GD-2026-000124" }));
    }

    [Fact]
    public void AdmissionVoteHeld_WithoutAnIssuedAdmissionForm_IsRefusedByR18FormIssuance()
    {
        var run = new CaseKit().Open().Without(CaseEventType.AdmissionFormIssued).RecordUntil(CaseEventType.AdmissionVoteHeld);

        Verdict.OnlyRefusedBy(DecideNextWith(run, CaseEventType.AdmissionVoteHeld, d => d), "R-18-admission-form-issuance", RuleSeverity.Block);
    }

    [Theory]
    [InlineData("2026-07-10", true)]
    [InlineData("2026-07-11", false)]
    [InlineData("2026-04-11", true)]
    [InlineData("2026-04-10", false)]
    public void AdmissionVoteHeld_OnAssembly2026_04_10_IsWarnedByR18LeavingOnlyForADepartureWithinThreeMonths(string departure, bool warned)
    {
        var kit = new CaseKit();
        var run = kit.Open(new CasePlan { AssemblyDate = CaseKit.Date("2026-04-10") }).RecordUntil(CaseEventType.AdmissionVoteHeld);
        kit.ExpectedDepartureDate = CaseKit.Date(departure);

        var decision = DecideNextWith(run, CaseEventType.AdmissionVoteHeld, d => d);

        if (warned)
        {
            Verdict.OnlyRefusedBy(decision, "R-18-leaving-within-3-months", RuleSeverity.Warn);
        }
        else
        {
            Verdict.Accepted(decision);
        }
    }

    [Theory]
    [InlineData("2026-04-10", "2026-07-10", true)]
    [InlineData("2026-04-10", "2026-07-11", false)]
    [InlineData("2026-11-30", "2027-02-28", true)]
    [InlineData("2026-11-30", "2027-03-01", false)]
    public void PreReviewPassed_ForACandidateLeavingWithinThreeMonths_IsWarnedByR18Leaving(string prereview, string departure, bool warned)
    {
        var kit = new CaseKit { ExpectedDepartureDate = CaseKit.Date(departure), Today = CaseKit.Date("2026-12-31") };
        var run = kit.Open(new CasePlan { PreReviewDate = CaseKit.Date(prereview) }).RecordUntil(CaseEventType.PreReviewPassed);

        var decision = DecideNextWith(run, CaseEventType.PreReviewPassed, d => d);

        if (warned)
        {
            Verdict.OnlyRefusedBy(decision, "R-18-leaving-within-3-months", RuleSeverity.Warn);
        }
        else
        {
            Verdict.Accepted(decision);
        }
    }

    [Theory]
    [InlineData("2026-05-31")]
    [InlineData("2026-06-15")]
    [InlineData("2026-06-30")]
    public void AdmissionVoteHeld_WithinOneMonthOfThePreReviewNotice_IsAccepted(string assembly)
    {
        var run = new CaseKit().Open(new CasePlan { PreReviewDate = CaseKit.Date("2026-05-31"), AssemblyDate = CaseKit.Date("2026-06-30") })
            .Without(CaseEventType.AdmissionFormIssued);
        run.RecordThrough(CaseEventType.PreReviewPassed).Record(CaseEventType.AdmissionFormIssued, "2026-05-31", new EventData { Serial = "GD-1" });

        Verdict.Accepted(run.Decide(CaseEventType.AdmissionVoteHeld, assembly, CaseData.Vote(CaseKit.Date(assembly), 10, 10, 10)));
    }

    [Theory]
    [InlineData("2026-07-01")]
    [InlineData("2026-08-15")]
    public void AdmissionVoteHeld_MoreThanOneMonthAfterThePreReviewNotice_IsWarnedByR19(string assembly)
    {
        var run = new CaseKit().Open(new CasePlan { PreReviewDate = CaseKit.Date("2026-05-31"), AssemblyDate = CaseKit.Date("2026-06-30") })
            .RecordUntil(CaseEventType.AdmissionVoteHeld);

        var decision = run.Decide(CaseEventType.AdmissionVoteHeld, assembly, CaseData.Vote(CaseKit.Date(assembly), 10, 10, 10));

        Verdict.OnlyRefusedBy(decision, "R-19-assembly-within-1-month", RuleSeverity.Warn);
    }

    [Fact]
    public void AdmissionVoteHeld_BeforeThePreReviewNotice_IsRefusedByR19()
    {
        var run = new CaseKit().Open(new CasePlan { PreReviewDate = CaseKit.Date("2026-05-31") }).RecordUntil(CaseEventType.AdmissionVoteHeld);

        var decision = run.Decide(CaseEventType.AdmissionVoteHeld, "2026-05-30", CaseData.Vote(CaseKit.Date("2026-05-30"), 10, 10, 10));

        Verdict.RefusedBy(decision, "R-19-assembly-within-1-month", RuleSeverity.Block);
    }

    [Fact]
    public void AdmissionVoteHeld_MoreThanOneMonthAfterAPreReviewUnderThe2014Rules_IsAccepted()
    {
        var run = new CaseKit().Open(new CasePlan { PreReviewDate = CaseKit.Date("2026-03-01"), AssemblyDate = CaseKit.Date("2026-04-15") })
            .RecordUntil(CaseEventType.AdmissionVoteHeld);

        Verdict.Accepted(DecideNextWith(run, CaseEventType.AdmissionVoteHeld, d => d));
    }

    [Theory]
    [InlineData(VoteMethod.ShowOfHands)]
    [InlineData(VoteMethod.NamedBallot)]
    public void AdmissionVoteHeld_NotBySecretBallot_IsRefusedByR20SecretBallot(VoteMethod method)
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionVoteHeld);

        Verdict.OnlyRefusedBy(DecideNextWith(run, CaseEventType.AdmissionVoteHeld, d => d with { VoteMethod = method }),
            "R-20-secret-ballot", RuleSeverity.Block);
    }

    [Fact]
    public void AdmissionVoteHeld_WithoutTheSecondSponsorsIntroduction_IsRefusedByR20Procedure()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionVoteHeld);

        var decision = DecideNextWith(run, CaseEventType.AdmissionVoteHeld,
            d => d with { Procedure = d.Procedure! with { SponsorIntroductions = [new SponsorIntroduction(CaseKit.MentorA, true)] } });

        Verdict.OnlyRefusedBy(decision, "R-20-procedure", RuleSeverity.Block);
    }

    [Fact]
    public void AdmissionVoteHeld_WithASponsorIntroducingInWriting_IsWarnedByR20Procedure()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionVoteHeld);

        var decision = DecideNextWith(run, CaseEventType.AdmissionVoteHeld, d => d with
        {
            Procedure = d.Procedure! with
            {
                SponsorIntroductions = [new SponsorIntroduction(CaseKit.MentorA, true), new SponsorIntroduction(CaseKit.MentorB, false)],
            },
        });

        Verdict.OnlyRefusedBy(decision, "R-20-procedure", RuleSeverity.Warn);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void AdmissionVoteHeld_WithoutTheCandidatesReportOrTheCommitteesReport_IsRefusedByR20Procedure(bool candidateReported,
        bool committeeReported)
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionVoteHeld);

        var decision = DecideNextWith(run, CaseEventType.AdmissionVoteHeld, d => d with
        {
            Procedure = d.Procedure! with { CandidateReported = candidateReported, CommitteeReported = committeeReported },
        });

        Verdict.OnlyRefusedBy(decision, "R-20-procedure", RuleSeverity.Block);
    }

    [Fact]
    public void AdmissionVoteHeld_WithoutTheResolutionText_IsRefusedByR21ResolutionContent()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionVoteHeld);

        Verdict.OnlyRefusedBy(DecideNextWith(run, CaseEventType.AdmissionVoteHeld, d => d with { ResolutionText = " " }),
            "R-21-resolution-content", RuleSeverity.Block);
    }

    [Fact]
    public void AdmissionVoteHeld_WithoutTheSecretarysSignature_IsRefusedByR21ResolutionContent()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionVoteHeld);

        Verdict.OnlyRefusedBy(DecideNextWith(run, CaseEventType.AdmissionVoteHeld, d => d with { SecretaryMemberId = null }),
            "R-21-resolution-content", RuleSeverity.Block);
    }

    [Theory]
    [InlineData(DocumentType.ActivistRecordForm)]
    [InlineData(DocumentType.AdmissionForm)]
    [InlineData(DocumentType.ApplicationLetter)]
    [InlineData(DocumentType.PoliticalReviewFile)]
    public void AdmissionSubmitted_WithoutARequiredMaterial_IsRefusedByR21SubmissionPackage(DocumentType missing)
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionSubmitted);

        var decision = DecideNextWith(run, CaseEventType.AdmissionSubmitted, d => d with { Materials = d.Materials!.Where(m => m != missing).ToList() });

        Verdict.OnlyRefusedBy(decision, "R-21-submission-package", RuleSeverity.Block);
    }

    [Fact]
    public void AdmissionSubmitted_WithoutTheActivistRecordFormUnderThe2014Rules_IsAccepted()
    {
        var run = new CaseKit().Open(new CasePlan { AssemblyDate = CaseKit.Date("2026-01-12") }).RecordUntil(CaseEventType.AdmissionSubmitted);

        Verdict.Accepted(DecideNextWith(run, CaseEventType.AdmissionSubmitted,
            d => d with { Materials = d.Materials!.Where(m => m != DocumentType.ActivistRecordForm).ToList() }));
    }

    [Theory]
    [InlineData(CaseKit.Branch)]
    [InlineData(CaseKit.General)]
    [InlineData(CaseKit.CountyOrgDept)]
    public void AdmissionSubmitted_ToABodyThatIsNotAHigherCommittee_IsRefusedByR21SubmissionPackage(string org)
    {
        var run = new CaseKit { WithGeneralBranch = true }.Open().RecordUntil(CaseEventType.AdmissionSubmitted);

        Verdict.OnlyRefusedBy(DecideNextWith(run, CaseEventType.AdmissionSubmitted, d => d with { SubmittedToOrgId = org }),
            "R-21-submission-package", RuleSeverity.Block);
    }

    [Fact]
    public void AdmissionApproved_WithAGeneralBranchBetweenAndNoIntermediateReview_IsRefusedByR22IntermediateReview()
    {
        var run = new CaseKit { WithGeneralBranch = true }.Open().Without(CaseEventType.IntermediateReviewed)
            .RecordUntil(CaseEventType.AdmissionApproved);

        Verdict.OnlyRefusedBy(DecideNextWith(run, CaseEventType.AdmissionApproved, d => d), "R-22-intermediate-review", RuleSeverity.Block);
    }

    [Fact]
    public void IntermediateReviewed_ByTheApprovingCommittee_IsRefusedByR22IntermediateReview()
    {
        var run = new CaseKit { WithGeneralBranch = true }.Open().RecordUntil(CaseEventType.IntermediateReviewed);

        Verdict.OnlyRefusedBy(DecideNextWith(run, CaseEventType.IntermediateReviewed, d => d with { ReviewingOrgId = CaseKit.Committee }),
            "R-22-intermediate-review", RuleSeverity.Block);
    }

    [Fact]
    public void AdmissionApproved_ByTheCountyOverATownshipSubordinateCommitteeThatDidNotReview_IsRefusedByR22IntermediateReview()
    {
        var kit = new CaseKit();
        var run = kit.Open().RecordUntil(CaseEventType.AdmissionApproved);
        kit.CommitteeIsUnderTownship = true;

        Verdict.OnlyRefusedBy(DecideNextWith(run, CaseEventType.AdmissionApproved, d => d with { ApprovingOrgId = CaseKit.County }),
            "R-22-intermediate-review", RuleSeverity.Block);
    }

    [Theory]
    [InlineData(CaseKit.Branch, false, false, true)]
    [InlineData(CaseKit.General, true, false, true)]
    [InlineData(CaseKit.Committee, false, true, true)]
    [InlineData(CaseKit.Committee, false, false, false)]
    [InlineData(CaseKit.CountyOrgDept, false, false, true)]
    [InlineData(CaseKit.MobileOrg, false, false, true)]
    public void AdmissionApproved_ByAnOrganisationThatMayNotApprove_IsRefusedByG14(string approver, bool withGeneralBranch,
        bool committeeUnderTownship, bool committeeHasAuthority)
    {
        var kit = new CaseKit { WithGeneralBranch = withGeneralBranch };
        var run = kit.Open().RecordUntil(CaseEventType.AdmissionApproved);
        kit.CommitteeIsUnderTownship = committeeUnderTownship;
        kit.CommitteeHasApprovalAuthority = committeeHasAuthority;

        var decision = DecideNextWith(run, CaseEventType.AdmissionApproved, d => d with { ApprovingOrgId = approver });

        Verdict.RefusedBy(decision, "G-14-approval-authority", RuleSeverity.Block);
        Assert.All(decision.Refusals, r => Assert.Contains(r.Rule, new[] { "G-14-approval-authority", "R-22-intermediate-review" }));
    }

    [Fact]
    public void AdmissionApproved_ByTheCountyCommitteeAboveTheBranch_IsAccepted()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionApproved);

        Verdict.Accepted(DecideNextWith(run, CaseEventType.AdmissionApproved, d => d with { ApprovingOrgId = CaseKit.County }));
    }

    [Fact]
    public void AdmissionApproved_WithoutThePreApprovalTalk_IsRefusedByR23()
    {
        var run = new CaseKit().Open().Without(CaseEventType.ApprovalTalkHeld).RecordUntil(CaseEventType.AdmissionApproved);

        Verdict.OnlyRefusedBy(DecideNextWith(run, CaseEventType.AdmissionApproved, d => d), "R-23-pre-approval-talk", RuleSeverity.Block);
    }

    [Fact]
    public void AdmissionApproved_AfterATalkHeldBeforeTheAssembly_IsWarnedByR23()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionVoteHeld);
        var assembly = run.Next(CaseEventType.AdmissionVoteHeld).Date;
        run.Record(CaseEventType.ApprovalTalkHeld, assembly.AddDays(-1), CaseData.ApprovalTalk());
        run.Without(CaseEventType.ApprovalTalkHeld).RecordUntil(CaseEventType.AdmissionApproved);

        Verdict.OnlyRefusedBy(DecideNextWith(run, CaseEventType.AdmissionApproved, d => d), "R-23-pre-approval-talk", RuleSeverity.Warn);
    }

    [Fact]
    public void AdmissionApproved_WithNoMoreThanHalfTheCommitteeInFavour_IsRefusedByR24CollectiveApproval()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionApproved);

        var decision = DecideNextWith(run, CaseEventType.AdmissionApproved, d => d with { CommitteeMemberCount = 7, PresentCount = 6, VotesFor = 3 });

        Verdict.OnlyRefusedBy(decision, "R-24-collective-approval", RuleSeverity.Block);
    }

    [Fact]
    public void AdmissionApproved_WithNoMoreThanHalfTheCommitteePresent_IsWarnedAndRefusedByR24CollectiveApproval()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionApproved);

        var decision = DecideNextWith(run, CaseEventType.AdmissionApproved, d => d with { CommitteeMemberCount = 8, PresentCount = 4, VotesFor = 4 });

        Verdict.RefusedBy(decision, "R-24-collective-approval", RuleSeverity.Warn);
        Verdict.RefusedBy(decision, "R-24-collective-approval", RuleSeverity.Block);
    }

    [Fact]
    public void AdmissionApproved_WithMorePresentThanCommitteeMembers_IsA400NamingTheField()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionApproved);

        var decision = DecideNextWith(run, CaseEventType.AdmissionApproved, d => d with { CommitteeMemberCount = 5, PresentCount = 6, VotesFor = 5 });

        Assert.Equal("presentCount", Assert.Single(decision.Errors).Field);
    }

    [Theory]
    [InlineData("2026-04-15", null)]
    [InlineData("2026-04-16", RuleSeverity.Warn)]
    [InlineData("2026-07-15", RuleSeverity.Warn)]
    [InlineData("2026-07-16", RuleSeverity.Block)]
    public void AdmissionApproved_RelativeToAReportReceivedOn2026_01_15_IsJudgedByR25(string approval, RuleSeverity? severity)
    {
        // Assembly 2026-01-12, report submitted and received 2026-01-15.
        var run = new CaseKit().Open(new CasePlan { AssemblyDate = CaseKit.Date("2026-01-12") }).RecordUntil(CaseEventType.AdmissionApproved);

        var decision = run.Decide(CaseEventType.AdmissionApproved, approval, CaseData.Approval(CaseKit.Date("2026-01-15")));

        if (severity is { } s)
        {
            Verdict.OnlyRefusedBy(decision, "R-25-approval-within-3-months", s);
        }
        else
        {
            Verdict.Accepted(decision);
        }
    }

    [Theory]
    [InlineData("2026-04-16", true)]
    [InlineData("2026-07-16", false)]
    public void AdmissionApproved_LateWithASpecialReason_PassesOnlyWithinSixMonths(string approval, bool passes)
    {
        var run = new CaseKit().Open(new CasePlan { AssemblyDate = CaseKit.Date("2026-01-12") }).RecordUntil(CaseEventType.AdmissionApproved);

        var decision = run.Decide(CaseEventType.AdmissionApproved, approval, CaseData.Approval(CaseKit.Date("2026-01-15")),
            [new Override("R-25-approval-within-3-months", "党委换届，特殊情况")]);

        Assert.Equal(passes, decision.IsAccepted);
    }

    [Fact]
    public void AdmissionApproved_WithoutAReportReceivedDate_CountsFromTheSubmission()
    {
        var run = new CaseKit().Open(new CasePlan { AssemblyDate = CaseKit.Date("2026-01-12") }).RecordUntil(CaseEventType.AdmissionApproved);

        Verdict.Accepted(run.Decide(CaseEventType.AdmissionApproved, "2026-04-15", CaseData.Approval(null)));
        Verdict.OnlyRefusedBy(run.Decide(CaseEventType.AdmissionApproved, "2026-04-16", CaseData.Approval(null)),
            "R-25-approval-within-3-months", RuleSeverity.Warn);
    }

    [Fact]
    public void AdmissionApproved_AfterAVoteThatDidNotPass_IsRefusedByR20PassThreshold()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionVoteHeld);
        var vote = run.Next(CaseEventType.AdmissionVoteHeld);
        var held = run.Record(vote.Type, vote.Date, CaseData.Vote(vote.Date, 10, 10, 5, against: 5));
        Assert.Equal(AssemblyResult.NotPassed, held.Data.Result);
        run.Without(CaseEventType.AdmissionSubmitted).RecordUntil(CaseEventType.AdmissionApproved);

        Verdict.RefusedBy(DecideNextWith(run, CaseEventType.AdmissionApproved, d => d), "R-20-pass-threshold", RuleSeverity.Block);
        Assert.Equal(DevelopmentStage.Candidate, run.State.Stage);
        Assert.Null(run.State.AssemblyDate);
    }
}
