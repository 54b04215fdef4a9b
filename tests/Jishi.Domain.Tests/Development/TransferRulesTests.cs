using Jishi.Domain.Development;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Development;

/// <summary>Transfers of activists and probationary members, postponement of the confirmation discussion
/// and non-recognition of a transferred-in member .</summary>
public sealed class TransferRulesTests
{
    private static EventData ActivistTransfer(string to = CaseKit.SecondBranch) => new()
    {
        ToOrgId = to,
        ReportedToOriginalOrg = true,
        Materials = [DocumentType.ApplicationLetter, DocumentType.ActivistRecordForm],
    };

    private static EventData ProbationaryTransfer(string to = CaseKit.SecondBranch) => new()
    {
        ToOrgId = to,
        ReportedToOriginalOrg = true,
        IntroductionProvided = true,
    };

    private static EventData Review(bool? continues = null, string by = CaseKit.SecondBranch) =>
        new() { ReviewingOrgId = by, ContinuesTrainingTime = continues };

    private static EventData Postponement(string until) => new() { PostponedDiscussionDate = CaseKit.Date(until), Note = "转入时间较短，需进一步考察" };

    /// <summary>Default plan: activist 2025-04-21, assessments 2025-10-16 and 2026-04-16, opinions 2026-05-18, proposal
    /// 2026-05-21.</summary>
    private static CaseRun ActivistBeforeTheOpinions(CaseKit kit) => kit.Open().RecordUntil(CaseEventType.OpinionsCollected);

    /// <summary>Activist 2025-06-01, proposal 2026-06-01: assessments 2025-11-26 and 2026-05-27, opinions 2026-05-29.</summary>
    private static CaseRun ActivistFrom2025_06_01(CaseKit kit) =>
        kit.Open(new CasePlan { ActivistDate = CaseKit.Date("2025-06-01"), ProposalDate = CaseKit.Date("2026-06-01") })
            .RecordUntil(CaseEventType.OpinionsCollected);

    /// <summary>Assembly 2025-07-01: approval 2025-07-11, oath 2025-07-16, expiry 2026-07-01; the request 2026-06-11,
    /// opinions 2026-06-21, branch review 2026-06-26, confirmation vote 2026-07-01.</summary>
    private static CaseRun ProbationerAfterTheOath(CaseKit kit) =>
        kit.Open(new CasePlan { AssemblyDate = CaseKit.Date("2025-07-01") }).To(Milestone.OathTaken);

    private static CaseRun TransferredProbationer(CaseKit kit, bool reviewed)
    {
        var run = ProbationerAfterTheOath(kit);
        run.Record(CaseEventType.ProbationaryTransferred, "2025-12-01", ProbationaryTransfer());
        kit.AtSecondBranch = true;
        if (reviewed)
        {
            run.Record(CaseEventType.TransferredMaterialsReviewed, "2025-12-10", Review());
        }

        return run;
    }

    // ---- R-12-activist-transfer ----

    [Fact]
    public void ActivistTransferred_ReportedWithTheApplicationLetterAndTheRecordForm_IsAccepted()
    {
        var run = ActivistBeforeTheOpinions(new CaseKit());

        Verdict.Accepted(run.Decide(CaseEventType.ActivistTransferred, "2026-04-20", ActivistTransfer()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    public void ActivistTransferred_WithoutTheReportToTheOriginalOrg_IsWarnedByR12(bool? reported)
    {
        var run = ActivistBeforeTheOpinions(new CaseKit());

        var decision = run.Decide(CaseEventType.ActivistTransferred, "2026-04-20", ActivistTransfer() with { ReportedToOriginalOrg = reported });

        Verdict.OnlyRefusedBy(decision, "R-12-activist-transfer", RuleSeverity.Warn);
    }

    [Theory]
    [InlineData(DocumentType.ApplicationLetter)]
    [InlineData(DocumentType.ActivistRecordForm)]
    public void ActivistTransferred_WithoutOneOfTheRequiredMaterials_IsWarnedByR12NamingIt(DocumentType missing)
    {
        var run = ActivistBeforeTheOpinions(new CaseKit());
        var materials = new[] { DocumentType.ApplicationLetter, DocumentType.ActivistRecordForm, DocumentType.TalkRecord }.Where(d => d != missing)
            .ToList();

        var decision = run.Decide(CaseEventType.ActivistTransferred, "2026-04-20", ActivistTransfer() with { Materials = materials });

        var refusal = Verdict.OnlyRefusedBy(decision, "R-12-activist-transfer", RuleSeverity.Warn);
        Assert.Contains(AdmissionRules.Label(missing), refusal.Message);
    }

    [Fact]
    public void ActivistTransferred_WithoutAnyMaterialsOrReport_IsWarnedTwiceByR12_AndPassesWithAnOverride()
    {
        var run = ActivistBeforeTheOpinions(new CaseKit());
        var data = new EventData { ToOrgId = CaseKit.SecondBranch };

        var decision = run.Decide(CaseEventType.ActivistTransferred, "2026-04-20", data);

        Verdict.OnlyRefusedBy(decision, "R-12-activist-transfer", RuleSeverity.Warn);
        Assert.Equal(2, decision.Refusals.Count);
        var passed = run.Record(CaseEventType.ActivistTransferred, "2026-04-20", data, [new Override("R-12-activist-transfer", "原单位党组织已撤销，材料由上级党委转交")]);
        Assert.Equal("R-12-activist-transfer", Assert.Single(passed.AcceptedOverrides).Rule);
    }

    [Theory]
    [InlineData(CaseKit.Branch)]
    [InlineData(CaseKit.Committee)]
    [InlineData(CaseKit.Cell)]
    public void ActivistTransferred_ToTheSameOrgOrToAnOrgThatIsNotABranch_IsRefusedByR12(string to)
    {
        var run = ActivistBeforeTheOpinions(new CaseKit());

        var decision = run.Decide(CaseEventType.ActivistTransferred, "2026-04-20", ActivistTransfer(to));

        Verdict.OnlyRefusedBy(decision, "R-12-activist-transfer", RuleSeverity.Block);
    }

    [Fact]
    public void ActivistTransferred_WithoutTheReceivingOrg_IsAFieldError()
    {
        var run = ActivistBeforeTheOpinions(new CaseKit());

        var decision = run.Decide(CaseEventType.ActivistTransferred, "2026-04-20", ActivistTransfer() with { ToOrgId = null });

        Assert.Contains(decision.Errors, e => e.Field == "toOrgId");
        Assert.False(decision.IsAccepted, "R-12-activist-transfer: a transfer names the receiving org");
    }

    [Fact]
    public void CandidateProposed_AfterATransferWhoseMaterialsWereNotReviewed_IsRefusedByR12()
    {
        var kit = new CaseKit();
        var run = ActivistBeforeTheOpinions(kit);
        run.Record(CaseEventType.ActivistTransferred, "2026-04-20", ActivistTransfer());
        kit.AtSecondBranch = true;
        run.RecordUntil(CaseEventType.CandidateProposed);
        var step = run.Next(CaseEventType.CandidateProposed);

        Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-12-activist-transfer", RuleSeverity.Block);
    }

    [Fact]
    public void CandidateProposed_AfterTheReceivingOrgReviewedTheMaterials_IsAccepted()
    {
        var kit = new CaseKit();
        var run = ActivistBeforeTheOpinions(kit);
        run.Record(CaseEventType.ActivistTransferred, "2026-04-20", ActivistTransfer());
        kit.AtSecondBranch = true;
        run.Record(CaseEventType.TransferredMaterialsReviewed, "2026-04-25", Review(continues: true));
        run.RecordUntil(CaseEventType.CandidateProposed);
        var step = run.Next(CaseEventType.CandidateProposed);

        var decision = run.Decide(step.Type, step.Date, step.Data);

        Verdict.Accepted(decision);
        Verdict.NotRefusedBy(decision, "R-12-activist-transfer");
    }

    /// <summary>Regression (fixed): RULES.md R-12 "BLOCK R-13 at the new org until (c) exists" and §7
    /// (Activist → Candidate is gated by "R-12 (if transferred)"); TransferRules.ReviewedBeforeProposal is wired to
    /// CandidateProposed only, so an activist transferred after the proposal is listed by the receiving org without its
    /// review of the materials (and TransferredMaterialsReviewed is not a legal step at Candidate afterwards).</summary>
    [Fact]
    public void CandidateListed_AfterATransferWhoseMaterialsWereNotReviewed_IsRefusedByR12()
    {
        var kit = new CaseKit();
        var run = kit.Open().RecordThrough(CaseEventType.CandidateProposed);
        run.Record(CaseEventType.ActivistTransferred, "2026-05-21", ActivistTransfer());
        kit.AtSecondBranch = true;
        run.RecordUntil(CaseEventType.CandidateListed);
        var step = run.Next(CaseEventType.CandidateListed);

        Verdict.RefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-12-activist-transfer", RuleSeverity.Block);
    }

    [Theory]
    [InlineData("2026-05-31", true)]
    [InlineData("2026-06-01", false)]
    public void CandidateProposed_AfterAReviewContinuingTheTrainingTime_CountsTheYearFromTheOriginalActivistDate(string proposal, bool refused)
    {
        var kit = new CaseKit();
        var run = ActivistFrom2025_06_01(kit);
        run.Record(CaseEventType.ActivistTransferred, "2026-05-27", ActivistTransfer());
        kit.AtSecondBranch = true;
        var review = run.Record(CaseEventType.TransferredMaterialsReviewed, "2026-05-28", Review(continues: true));
        Assert.Empty(review.AcceptedOverrides);
        Assert.True(run.State.ActivistDate == CaseKit.Date("2025-06-01"), "R-12-activist-transfer: 培养教育时间连续计算");
        run.RecordUntil(CaseEventType.CandidateProposed);

        var decision = run.DecideNext(CaseEventType.CandidateProposed, proposal);

        if (refused)
        {
            Verdict.OnlyRefusedBy(decision, "R-13-candidate-min-1-year", RuleSeverity.Block);
        }
        else
        {
            Verdict.Accepted(decision);
        }
    }

    [Fact]
    public void TransferredMaterialsReviewed_RestartingTheTrainingTime_IsWarnedByR12()
    {
        var kit = new CaseKit();
        var run = ActivistFrom2025_06_01(kit);
        run.Record(CaseEventType.ActivistTransferred, "2026-05-27", ActivistTransfer());
        kit.AtSecondBranch = true;

        var decision = run.Decide(CaseEventType.TransferredMaterialsReviewed, "2026-05-28", Review(continues: false));

        Verdict.OnlyRefusedBy(decision, "R-12-activist-transfer", RuleSeverity.Warn);
    }

    [Fact]
    public void TransferredMaterialsReviewed_RestartingTheTrainingTimeWithAnOverride_MovesTheActivistDateToTheReviewDate()
    {
        var kit = new CaseKit();
        var run = ActivistFrom2025_06_01(kit);
        run.Record(CaseEventType.ActivistTransferred, "2026-05-27", ActivistTransfer());
        kit.AtSecondBranch = true;

        run.Record(CaseEventType.TransferredMaterialsReviewed, "2026-05-28", Review(continues: false),
            [new Override("R-12-activist-transfer", "原单位培养考察记录不完整，重新计算培养时间")]);
        run.RecordUntil(CaseEventType.CandidateProposed);

        Assert.True(run.State.ActivistDate == CaseKit.Date("2026-05-28"), "R-12-activist-transfer: 重新计算培养教育时间");
        // One year from the original 2025-06-01 no longer suffices: the year runs from 2026-05-28.
        var refusal = Verdict.OnlyRefusedBy(run.DecideNext(CaseEventType.CandidateProposed, "2026-06-01"), "R-13-candidate-min-1-year",
            RuleSeverity.Block);
        Assert.Contains("2027-05-28", refusal.Message);
    }

    [Fact]
    public void TransferredMaterialsReviewed_WithNoTransferPending_IsRefusedByR12()
    {
        var run = ActivistBeforeTheOpinions(new CaseKit());

        var decision = run.Decide(CaseEventType.TransferredMaterialsReviewed, "2026-04-25", Review(continues: true, by: CaseKit.Branch));

        Verdict.OnlyRefusedBy(decision, "R-12-activist-transfer", RuleSeverity.Block);
    }

    [Fact]
    public void TransferredMaterialsReviewed_ASecondTimeForTheSameTransfer_IsRefusedByR12()
    {
        var kit = new CaseKit();
        var run = ActivistBeforeTheOpinions(kit);
        run.Record(CaseEventType.ActivistTransferred, "2026-04-20", ActivistTransfer());
        kit.AtSecondBranch = true;
        run.Record(CaseEventType.TransferredMaterialsReviewed, "2026-04-25", Review(continues: true));

        var decision = run.Decide(CaseEventType.TransferredMaterialsReviewed, "2026-04-26", Review(continues: true));

        Verdict.OnlyRefusedBy(decision, "R-12-activist-transfer", RuleSeverity.Block);
    }

    [Fact]
    public void TransferredMaterialsReviewed_ByAnOrgOtherThanTheReceivingOne_IsRefusedByR12()
    {
        var kit = new CaseKit();
        var run = ActivistBeforeTheOpinions(kit);
        run.Record(CaseEventType.ActivistTransferred, "2026-04-20", ActivistTransfer());
        kit.AtSecondBranch = true;

        var decision = run.Decide(CaseEventType.TransferredMaterialsReviewed, "2026-04-25", Review(continues: true, by: CaseKit.Branch));

        Verdict.OnlyRefusedBy(decision, "R-12-activist-transfer", RuleSeverity.Block);
    }

    [Fact]
    public void TransferredMaterialsReviewed_OfAnActivistWithoutSayingWhetherTheTimeContinues_IsAFieldError()
    {
        var kit = new CaseKit();
        var run = ActivistBeforeTheOpinions(kit);
        run.Record(CaseEventType.ActivistTransferred, "2026-04-20", ActivistTransfer());
        kit.AtSecondBranch = true;

        var decision = run.Decide(CaseEventType.TransferredMaterialsReviewed, "2026-04-25", Review(continues: null));

        Assert.Contains(decision.Errors, e => e.Field == "continuesTrainingTime");
        Assert.False(decision.IsAccepted, "R-12-activist-transfer: the review states whether the training time continues");
    }

    // ---- R-34-probationary-transfer, R-34-review-and-nonrecognition ----

    [Fact]
    public void ProbationaryTransferred_ReportedAndIntroduced_IsAccepted()
    {
        var run = ProbationerAfterTheOath(new CaseKit());

        var decision = run.Decide(CaseEventType.ProbationaryTransferred, "2025-12-01", ProbationaryTransfer());

        Verdict.Accepted(decision);
        Verdict.NotRefusedBy(decision, "R-34-probationary-transfer");
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(null, true)]
    [InlineData(true, null)]
    public void ProbationaryTransferred_WithoutTheReportOrTheIntroduction_IsWarnedByR34(bool? reported, bool? introduced)
    {
        var run = ProbationerAfterTheOath(new CaseKit());

        var decision = run.Decide(CaseEventType.ProbationaryTransferred, "2025-12-01",
            ProbationaryTransfer() with { ReportedToOriginalOrg = reported, IntroductionProvided = introduced });

        Verdict.OnlyRefusedBy(decision, "R-34-probationary-transfer", RuleSeverity.Warn);
        Assert.Single(decision.Refusals);
    }

    [Fact]
    public void ProbationaryTransferred_WithoutReportAndIntroduction_IsWarnedTwiceByR34()
    {
        var run = ProbationerAfterTheOath(new CaseKit());

        var decision = run.Decide(CaseEventType.ProbationaryTransferred, "2025-12-01", new EventData { ToOrgId = CaseKit.SecondBranch });

        Verdict.OnlyRefusedBy(decision, "R-34-probationary-transfer", RuleSeverity.Warn);
        Assert.Equal(2, decision.Refusals.Count);
    }

    [Fact]
    public void ProbationaryTransferred_ToTheSameBranch_IsRefusedByR34()
    {
        var run = ProbationerAfterTheOath(new CaseKit());

        var decision = run.Decide(CaseEventType.ProbationaryTransferred, "2025-12-01", ProbationaryTransfer(CaseKit.Branch));

        Verdict.OnlyRefusedBy(decision, "R-34-probationary-transfer", RuleSeverity.Block);
    }

    [Fact]
    public void ConfirmationVoteHeld_AfterAProbationaryTransferWithoutTheReview_IsRefusedByR34ReviewAndNonRecognition()
    {
        // The branch committee's review is itself refused without the receiving org's review (see the next test), so the
        // vote is refused for both R-34 and the missing R-32 review.
        var run = TransferredProbationer(new CaseKit(), reviewed: false).Without(CaseEventType.BranchReviewPassed)
            .RecordUntil(CaseEventType.ConfirmationVoteHeld);
        var step = run.Next(CaseEventType.ConfirmationVoteHeld);

        Verdict.RefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-34-review-and-nonrecognition", RuleSeverity.Block);
    }

    /// <summary>Regression (fixed): RULES.md R-34-review-and-nonrecognition "the receiving org records a
    /// strict review of the 入党材料 before any 转正 step (BLOCK R-32 until done)"; the branch committee's review of the
    /// confirmation (R-32 step 3) is accepted while the transferred materials are unreviewed.</summary>
    [Fact]
    public void BranchReviewPassed_ForConfirmationAfterAProbationaryTransferWithoutTheReview_IsRefusedByR34()
    {
        var run = TransferredProbationer(new CaseKit(), reviewed: false).RecordUntil(CaseEventType.BranchReviewPassed);
        var step = run.Next(CaseEventType.BranchReviewPassed);
        Assert.Equal(DevelopmentStage.ProbationaryMember, run.State.Stage);

        Verdict.RefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-34-review-and-nonrecognition", RuleSeverity.Block);
    }

    /// <summary>Regression (fixed): RULES.md §7 gates ProbationaryMember → FullMember with "R-34 (if
    /// transferred)"; a member transferred between the branch vote and the committee's approval is confirmed by
    /// ConfirmationApproved without the receiving org's review (ReviewedBeforeConfirmation is wired to the vote only).</summary>
    [Fact]
    public void ConfirmationApproved_AfterAProbationaryTransferFollowingTheVoteWithoutTheReview_IsRefusedByR34()
    {
        var kit = new CaseKit();
        var run = ProbationerAfterTheOath(kit).RecordThrough(CaseEventType.ConfirmationVoteHeld);
        run.Record(CaseEventType.ProbationaryTransferred, "2026-07-02", ProbationaryTransfer());
        kit.AtSecondBranch = true;
        var step = run.Next(CaseEventType.ConfirmationApproved);

        Verdict.RefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-34-review-and-nonrecognition", RuleSeverity.Block);
    }

    [Fact]
    public void ConfirmationVoteHeld_AfterAProbationaryTransferAndTheReview_IsAccepted()
    {
        var run = TransferredProbationer(new CaseKit(), reviewed: true).RecordUntil(CaseEventType.ConfirmationVoteHeld);
        var step = run.Next(CaseEventType.ConfirmationVoteHeld);

        var decision = run.Decide(step.Type, step.Date, step.Data);

        Verdict.Accepted(decision);
        Verdict.NotRefusedBy(decision, "R-34-review-and-nonrecognition");
    }

    [Fact]
    public void TransferredMaterialsReviewed_OfAProbationerNotTransferred_IsRefusedByR34()
    {
        var run = ProbationerAfterTheOath(new CaseKit());

        var decision = run.Decide(CaseEventType.TransferredMaterialsReviewed, "2025-12-10", Review(by: CaseKit.Branch));

        Verdict.OnlyRefusedBy(decision, "R-34-review-and-nonrecognition", RuleSeverity.Block);
    }

    [Theory]
    [InlineData(CaseKit.Committee)]
    [InlineData(CaseKit.CommitteeOrgDept)]
    [InlineData(CaseKit.SecondBranch)]
    [InlineData(CaseKit.County)]
    public void NonRecognitionDecided_ForATransferredInMemberWithoutACountyOrgDepartment_IsRefusedByR34(string decidedBy)
    {
        var run = TransferredProbationer(new CaseKit(), reviewed: true);

        var decision = run.Decide(CaseEventType.NonRecognitionDecided, "2026-01-10",
            new EventData { DecidingOrgId = decidedBy, Note = "入党材料缺失，无法认定其预备党员身份" });

        Verdict.OnlyRefusedBy(decision, "R-34-review-and-nonrecognition", RuleSeverity.Block);
    }

    [Fact]
    public void NonRecognitionDecided_ForATransferredInMemberApprovedByTheCountyOrgDepartment_ClosesTheCaseAsNotRecognized()
    {
        var run = TransferredProbationer(new CaseKit(), reviewed: true);

        var decision = run.Record(CaseEventType.NonRecognitionDecided, "2026-01-10",
            new EventData { DecidingOrgId = CaseKit.CountyOrgDept, Note = "入党材料缺失，无法认定其预备党员身份" });

        Verdict.NotRefusedBy(decision, "R-34-review-and-nonrecognition");
        Assert.Equal(CaseStatus.NotRecognized, run.State.Status);
        Assert.Equal(DevelopmentStage.ProbationaryMember, run.State.Stage);
    }

    [Fact]
    public void NonRecognitionDecided_ThenOnlyTheAnnouncementOfNonRecognitionMayBeRecorded()
    {
        var run = TransferredProbationer(new CaseKit(), reviewed: true);
        run.Record(CaseEventType.NonRecognitionDecided, "2026-01-10",
            new EventData { DecidingOrgId = CaseKit.CountyOrgDept, Note = "入党材料缺失，无法认定其预备党员身份" });

        Assert.Equal(new[] { CaseEventType.DecisionAnnounced }, TransitionTable.LegalAt(run.State.Stage, run.State.Status).ToArray());
        Verdict.OnlyRefusedBy(run.Decide(CaseEventType.ProbationAssessed, "2026-01-11", new EventData { Summary = "表现良好" }),
            TransitionTable.RuleId, RuleSeverity.Block);
        Verdict.OnlyRefusedBy(run.Decide(CaseEventType.FullMembershipRequested, "2026-01-11", new EventData()),
            TransitionTable.RuleId, RuleSeverity.Block);
        Verdict.RefusedBy(run.Decide(CaseEventType.DecisionAnnounced, "2026-01-11", new EventData { Decision = AnnouncedDecision.Admission }),
            "R-24-notify", RuleSeverity.Block);
        Verdict.Accepted(run.Decide(CaseEventType.DecisionAnnounced, "2026-01-11", new EventData { Decision = AnnouncedDecision.NotRecognized }));
        Assert.True(run.State.Status == CaseStatus.NotRecognized, "R-34-review-and-nonrecognition: 不予承认");
    }

    [Theory]
    [InlineData(CaseKit.Branch)]
    [InlineData(CaseKit.Cell)]
    public void NonRecognitionDecided_ForAMemberNotTransferred_ByABranch_IsRefusedByR41(string decidedBy)
    {
        var run = ProbationerAfterTheOath(new CaseKit());

        var decision = run.Decide(CaseEventType.NonRecognitionDecided, "2026-01-10",
            new EventData { DecidingOrgId = decidedBy, Note = "违反规定吸收入党，经综合分析研判不符合党员条件" });

        Verdict.OnlyRefusedBy(decision, "R-41-nonrecognition", RuleSeverity.Block);
    }

    [Fact]
    public void NonRecognitionDecided_WithoutTheAnalysisNote_IsAFieldError()
    {
        var run = ProbationerAfterTheOath(new CaseKit());

        var decision = run.Decide(CaseEventType.NonRecognitionDecided, "2026-01-10", new EventData { DecidingOrgId = CaseKit.CountyOrgDept });

        Assert.Contains(decision.Errors, e => e.Field == "note");
        Assert.False(decision.IsAccepted, "R-41-nonrecognition: 综合分析研判 is recorded");
    }

    // ---- R-35-postponement ----

    [Fact]
    public void ConfirmationPostponed_ForAMemberNotTransferredDuringProbation_IsRefusedByR35()
    {
        var run = ProbationerAfterTheOath(new CaseKit());

        var decision = run.Decide(CaseEventType.ConfirmationPostponed, "2026-06-01", Postponement("2026-10-01"));

        Verdict.OnlyRefusedBy(decision, "R-35-postponement", RuleSeverity.Block);
    }

    [Theory]
    [InlineData("2026-07-01", false)]
    [InlineData("2026-12-31", false)]
    [InlineData("2027-01-01", false)]
    [InlineData("2027-01-02", true)]
    [InlineData("2027-07-01", true)]
    public void ConfirmationPostponed_ForATransferredInMemberWithExpiry2026_07_01_IsAllowedUntil2027_01_01(string until, bool refused)
    {
        var run = TransferredProbationer(new CaseKit(), reviewed: true);
        Assert.Equal(CaseKit.Date("2026-07-01"), run.State.ExpiryDate);

        var decision = run.Decide(CaseEventType.ConfirmationPostponed, "2026-06-01", Postponement(until));

        if (refused)
        {
            Verdict.OnlyRefusedBy(decision, "R-35-postponement", RuleSeverity.Block);
        }
        else
        {
            Verdict.Accepted(decision);
        }
    }

    [Fact]
    public void ConfirmationPostponed_WithoutAReason_IsAFieldError()
    {
        var run = TransferredProbationer(new CaseKit(), reviewed: true);

        var decision = run.Decide(CaseEventType.ConfirmationPostponed, "2026-06-01", Postponement("2026-12-01") with { Note = null });

        Assert.Contains(decision.Errors, e => e.Field == "note");
        Assert.False(decision.IsAccepted, "R-35-postponement: the reason is recorded");
    }

    [Fact]
    public void Deadlines_AfterAPostponementTo2027_01_01_ShowTheR35DiscussionDueOnThePostponedDate()
    {
        var run = TransferredProbationer(new CaseKit(), reviewed: true);
        run.Record(CaseEventType.ConfirmationPostponed, "2026-06-01", Postponement("2027-01-01"));

        var deadlines = Deadlines.Of(run.State);

        Assert.Equal(CaseKit.Date("2027-01-01"), run.State.PostponedDiscussionDate);
        var postponed = Assert.Single(deadlines, d => d.Rule == "R-35-postponement");
        Assert.Equal(CaseKit.Date("2027-01-01"), postponed.DueDate);
        Assert.True(postponed.Outstanding);
        Assert.DoesNotContain(deadlines, d => d.Rule == "R-31-timely-discussion");
    }

    [Theory]
    [InlineData("2027-01-01", false)]
    [InlineData("2027-01-02", true)]
    public void ConfirmationVoteHeld_AfterAPostponement_IsRefusedByR35LaterThanSixMonthsAfterTheExpiry(string vote, bool refused)
    {
        var run = TransferredProbationer(new CaseKit { Today = CaseKit.Date("2027-03-01") }, reviewed: true);
        run.Record(CaseEventType.ConfirmationPostponed, "2026-06-01", Postponement("2026-12-01"));
        run.RecordUntil(CaseEventType.ConfirmationVoteHeld);

        var decision = run.Decide(CaseEventType.ConfirmationVoteHeld, vote,
            CaseData.ConfirmationVote(CaseKit.Date(vote), 10, ConfirmationOutcome.ConfirmOnTime));

        if (refused)
        {
            Verdict.OnlyRefusedBy(decision, "R-35-postponement", RuleSeverity.Block);
        }
        else
        {
            Verdict.Accepted(decision);
        }
    }

    [Fact]
    public void ConfirmationApproved_AfterAPostponedDiscussion_StartsPartyAgeOnTheOriginalExpiryDate()
    {
        var run = TransferredProbationer(new CaseKit { Today = CaseKit.Date("2027-03-01") }, reviewed: true);
        run.Record(CaseEventType.ConfirmationPostponed, "2026-06-01", Postponement("2027-01-01"));
        run.RecordUntil(CaseEventType.ConfirmationVoteHeld);
        run.Record(CaseEventType.ConfirmationVoteHeld, "2026-12-01", CaseData.ConfirmationVote(CaseKit.Date("2026-12-01"), 10, ConfirmationOutcome.ConfirmOnTime));
        var r35 = Assert.Single(Deadlines.Of(run.State), d => d.Rule == "R-35-postponement");
        Assert.Equal(CaseKit.Date("2026-12-01"), r35.CompletedDate);
        Assert.True(r35.Satisfied);

        run.Record(CaseEventType.ConfirmationApproved, "2026-12-15",
            CaseData.ConfirmationApproval(CaseKit.Date("2026-12-01"), ConfirmationOutcome.ConfirmOnTime));

        Assert.Equal(DevelopmentStage.FullMember, run.State.Stage);
        Assert.True(run.State.PartyAgeStartDate == CaseKit.Date("2026-07-01"),
            $"R-33-party-age / R-35-postponement: party age from the original expiry, got {run.State.PartyAgeStartDate}");
        Assert.False(run.State.ExtensionUsed, "R-35-postponement: a postponement is not an extension");
    }
}
