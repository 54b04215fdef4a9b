using Jishi.Domain.Development;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Development;

/// <summary>预备党员: oath, probation period and confirmation (R-31 … R-33), derived dates on <see cref="CaseState"/>.</summary>
public sealed class ProbationRulesTests
{
    private static EventData Oath() => new() { OrganizerOrgId = CaseKit.Committee };

    private static CaseRun Assembly(string assembly, CaseKit? kit = null, int? extension = null, string? confirmationApproval = null) =>
        (kit ?? new CaseKit()).Open(new CasePlan
        {
            AssemblyDate = CaseKit.Date(assembly),
            ExtensionMonths = extension,
            ConfirmationApprovalDate = confirmationApproval is null ? null : CaseKit.Date(confirmationApproval),
        });

    [Fact]
    public void OathTaken_DatedBeforeTheApproval_IsRefusedByR29OathRequired()
    {
        var run = new CaseKit().Open().To(Milestone.Approved);

        var decision = run.Decide(CaseEventType.OathTaken, run.State.ApprovalDate!.Value.AddDays(-1), Oath());

        Verdict.RefusedBy(decision, "R-29-oath-required", RuleSeverity.Block);
    }

    [Fact]
    public void OathTaken_WhileStillACandidate_IsRefusedByTheTransitionTable()
    {
        var run = new CaseKit().Open().To(Milestone.AssemblyPassed);

        var decision = run.Decide(CaseEventType.OathTaken, run.State.AssemblyDate!.Value.AddDays(1), new EventData());

        Verdict.OnlyRefusedBy(decision, TransitionTable.RuleId, RuleSeverity.Block);
    }

    [Theory]
    [InlineData("2026-07-20")]
    [InlineData("2026-08-20")]
    public void OathTaken_WithinOneMonthOfAnApprovalUnderThe2026Rules_IsAccepted(string oath)
    {
        // Default plan: approved 2026-07-20.
        var run = new CaseKit().Open().To(Milestone.Approved);

        Verdict.Accepted(run.Decide(CaseEventType.OathTaken, oath, Oath()));
    }

    [Theory]
    [InlineData("2026-08-21")]
    [InlineData("2026-11-20")]
    public void OathTaken_MoreThanOneMonthAfterAnApprovalUnderThe2026Rules_IsWarnedByR29(string oath)
    {
        var run = new CaseKit().Open().To(Milestone.Approved);

        Verdict.OnlyRefusedBy(run.Decide(CaseEventType.OathTaken, oath, Oath()), "R-29-oath-within-1-month", RuleSeverity.Warn);
    }

    [Theory]
    [InlineData("2025-09-20")]
    [InlineData("2025-09-21")]
    [InlineData("2026-03-01")]
    public void OathTaken_MoreThanOneMonthAfterAnApprovalOn2025_08_20_IsNotWarnedUnderThe2014Rules(string oath)
    {
        var run = Assembly("2025-08-10").To(Milestone.Approved);
        Assert.Equal(CaseKit.Date("2025-08-20"), run.State.ApprovalDate);

        Verdict.Accepted(run.Decide(CaseEventType.OathTaken, oath, Oath()));
    }

    [Theory]
    [InlineData("2026-07-01", false)]
    [InlineData("2026-10-01", false)]
    [InlineData("2026-07-02", true)]
    [InlineData("2026-06-30", true)]
    public void OathTaken_OnACommemorationDayByAMemberApprovedOn2026_04_10_IsNotWarned(string oath, bool warned)
    {
        var run = Assembly("2026-03-31").To(Milestone.Approved);
        Assert.Equal(CaseKit.Date("2026-04-10"), run.State.ApprovalDate);

        var decision = run.Decide(CaseEventType.OathTaken, oath, Oath());

        if (warned)
        {
            Verdict.OnlyRefusedBy(decision, "R-29-oath-within-1-month", RuleSeverity.Warn);
        }
        else
        {
            Verdict.Accepted(decision);
        }
    }

    [Fact]
    public void OathTaken_AfterTheLastDayOfProbation_IsRefusedByR29OathRequired()
    {
        // Assembly 2025-07-01: probation ends 2026-06-30.
        var run = Assembly("2025-07-01").To(Milestone.Approved);

        Verdict.OnlyRefusedBy(run.Decide(CaseEventType.OathTaken, "2026-06-30", Oath()), "R-29-oath-within-1-month", RuleSeverity.Warn);
        Verdict.RefusedBy(run.Decide(CaseEventType.OathTaken, "2026-07-01", Oath()), "R-29-oath-required", RuleSeverity.Block);
    }

    [Fact]
    public void ConfirmationVoteHeld_WithoutAnOath_IsRefusedByR29OathRequired()
    {
        var run = Assembly("2025-07-01").Without(CaseEventType.OathTaken).RecordUntil(CaseEventType.ConfirmationVoteHeld);
        var step = run.Next(CaseEventType.ConfirmationVoteHeld);

        Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-29-oath-required", RuleSeverity.Block);
    }

    [Theory]
    [InlineData("2025-07-01", "2026-06-30", "2026-07-01")]
    [InlineData("2024-02-29", "2025-02-27", "2025-02-28")]
    [InlineData("2025-12-31", "2026-12-30", "2026-12-31")]
    public void AdmissionApproved_ProbationStartsOnTheAssemblyDate_AndEndsTheDayBeforeTheFirstAnniversary(string assembly, string end,
        string expiry)
    {
        var run = Assembly(assembly, new CaseKit { Today = CaseKit.Date("2026-12-31") }).To(Milestone.Approved);

        Assert.Equal(CaseKit.Date(assembly), run.State.ProbationStartDate);
        Assert.Equal(CaseKit.Date(end), run.State.ProbationEndDate);
        Assert.Equal(CaseKit.Date(expiry), run.State.ExpiryDate);
        Assert.Equal(CaseKit.Date(expiry), run.State.CurrentExpiryDate);
        Assert.NotEqual(run.State.ApprovalDate, run.State.ProbationStartDate);
    }

    [Fact]
    public void CaseState_BeforeApproval_HasNoProbationDates()
    {
        var run = new CaseKit().Open().To(Milestone.AssemblyPassed);

        Assert.NotNull(run.State.AssemblyDate);
        Assert.Null(run.State.ProbationStartDate);
        Assert.Null(run.State.ExpiryDate);
    }

    [Theory]
    [InlineData("2026-06-30")]
    [InlineData("2026-06-01")]
    public void ConfirmationVoteHeld_BeforeTheExpiryDate_IsRefusedByR31TimelyDiscussion(string vote)
    {
        var run = Assembly("2025-07-01").RecordUntil(CaseEventType.FullMembershipRequested);
        run.Record(CaseEventType.FullMembershipRequested, "2026-05-20", new EventData());
        run.Record(CaseEventType.OpinionsCollected, "2026-05-25", CaseData.ConfirmationOpinions(false));
        run.Record(CaseEventType.BranchReviewPassed, "2026-05-30", new EventData { DecidedBy = DecidingBody.BranchCommitteeMeeting });

        var decision = run.Decide(CaseEventType.ConfirmationVoteHeld, vote,
            CaseData.ConfirmationVote(CaseKit.Date(vote), 10, ConfirmationOutcome.ConfirmOnTime));

        Verdict.OnlyRefusedBy(decision, "R-31-timely-discussion", RuleSeverity.Block);
    }

    [Fact]
    public void ConfirmationVoteHeld_OnTheExpiryDate_IsAccepted()
    {
        var run = Assembly("2025-07-01").RecordUntil(CaseEventType.ConfirmationVoteHeld);

        Verdict.Accepted(run.Decide(CaseEventType.ConfirmationVoteHeld, "2026-07-01",
            CaseData.ConfirmationVote(CaseKit.Date("2026-07-01"), 10, ConfirmationOutcome.ConfirmOnTime)));
    }

    [Theory]
    [InlineData(CaseEventType.FullMembershipRequested)]
    [InlineData(CaseEventType.BranchReviewPassed)]
    public void ConfirmationVoteHeld_WithoutTheRequestOrTheBranchReview_IsRefusedByR32(CaseEventType missing)
    {
        var run = Assembly("2025-07-01").To(Milestone.OathTaken).Without(missing).RecordUntil(CaseEventType.ConfirmationVoteHeld);
        var step = run.Next(CaseEventType.ConfirmationVoteHeld);

        Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-32-confirmation-procedure", RuleSeverity.Block);
    }

    [Fact]
    public void ConfirmationVoteHeld_ByShowOfHands_IsRefusedByG12SecretBallot()
    {
        var run = Assembly("2025-07-01").RecordUntil(CaseEventType.ConfirmationVoteHeld);
        var step = run.Next(CaseEventType.ConfirmationVoteHeld);

        Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data with { VoteMethod = VoteMethod.ShowOfHands }),
            "G-12-secret-ballot", RuleSeverity.Block);
    }

    [Theory]
    [InlineData(6, "2026-12-31", "2027-01-01")]
    [InlineData(12, "2027-06-30", "2027-07-01")]
    public void ConfirmationApproved_ExtendingFromA2025_07_01Start_SetsTheExtendedExpiry(int months, string extendedEnd, string extendedExpiry)
    {
        var run = Assembly("2025-07-01", extension: months).To(Milestone.Confirmed);

        Assert.Equal(DevelopmentStage.ProbationaryMember, run.State.Stage);
        Assert.Equal(months, run.State.ExtensionMonths);
        Assert.Equal(CaseKit.Date(extendedExpiry), run.State.ExtendedExpiryDate);
        Assert.Equal(CaseKit.Date(extendedEnd), run.State.ExtendedExpiryDate!.Value.AddDays(-1));
        Assert.Equal(CaseKit.Date(extendedExpiry), run.State.CurrentExpiryDate);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(13)]
    [InlineData(0)]
    public void ConfirmationVoteHeld_ProposingAnExtensionShorterThanSixOrLongerThanTwelveMonths_IsRefusedByR31Extension(int months)
    {
        var run = Assembly("2025-07-01").RecordUntil(CaseEventType.ConfirmationVoteHeld);

        var decision = run.Decide(CaseEventType.ConfirmationVoteHeld, "2026-07-01",
            CaseData.ConfirmationVote(CaseKit.Date("2026-07-01"), 10, ConfirmationOutcome.ExtendProbation, months));

        Verdict.OnlyRefusedBy(decision, "R-31-extension", RuleSeverity.Block);
    }

    [Fact]
    public void ConfirmationVoteHeld_ProposingASecondExtension_IsRefusedByR31Extension()
    {
        var run = Assembly("2025-07-01", new CaseKit { Today = CaseKit.Date("2027-03-01") }, extension: 6).To(Milestone.Confirmed);
        run.Record(CaseEventType.BranchReviewPassed, "2027-01-02", new EventData { DecidedBy = DecidingBody.BranchCommitteeMeeting });

        var decision = run.Decide(CaseEventType.ConfirmationVoteHeld, "2027-01-05",
            CaseData.ConfirmationVote(CaseKit.Date("2027-01-05"), 10, ConfirmationOutcome.ExtendProbation, 6));

        Verdict.OnlyRefusedBy(decision, "R-31-extension", RuleSeverity.Block);
    }

    [Fact]
    public void ConfirmationVoteHeld_ConfirmOnTimeAfterAnExtension_IsRefusedByR31Outcomes()
    {
        var run = Assembly("2025-07-01", new CaseKit { Today = CaseKit.Date("2027-03-01") }, extension: 6).To(Milestone.Confirmed);
        run.Record(CaseEventType.BranchReviewPassed, "2027-01-02", new EventData { DecidedBy = DecidingBody.BranchCommitteeMeeting });

        var decision = run.Decide(CaseEventType.ConfirmationVoteHeld, "2027-01-05",
            CaseData.ConfirmationVote(CaseKit.Date("2027-01-05"), 10, ConfirmationOutcome.ConfirmOnTime));

        Verdict.OnlyRefusedBy(decision, "R-31-outcomes", RuleSeverity.Block);
    }

    [Fact]
    public void ConfirmationVoteHeld_AfterAnExtensionBeforeTheExtendedExpiry_IsRefusedByR31TimelyDiscussion()
    {
        var run = Assembly("2025-07-01", new CaseKit { Today = CaseKit.Date("2027-03-01") }, extension: 6).To(Milestone.Confirmed);
        run.Record(CaseEventType.BranchReviewPassed, "2026-12-20", new EventData { DecidedBy = DecidingBody.BranchCommitteeMeeting });

        var decision = run.Decide(CaseEventType.ConfirmationVoteHeld, "2026-12-31",
            CaseData.ConfirmationVote(CaseKit.Date("2026-12-31"), 10, ConfirmationOutcome.Confirm));

        Verdict.OnlyRefusedBy(decision, "R-31-timely-discussion", RuleSeverity.Block);
    }

    [Theory]
    [InlineData("2026-09-01")]
    [InlineData("2026-07-11")]
    public void ConfirmationApproved_OnTimeForA2025_07_01Assembly_StartsPartyAgeOnTheExpiryDateWhateverTheApprovalDate(string approval)
    {
        var run = Assembly("2025-07-01", confirmationApproval: approval).To(Milestone.Confirmed);

        Assert.Equal(DevelopmentStage.FullMember, run.State.Stage);
        Assert.Equal(CaseKit.Date("2026-07-01"), run.State.PartyAgeStartDate);
    }

    [Fact]
    public void ConfirmationApproved_AfterASixMonthExtension_StartsPartyAgeOnTheExtendedExpiryDate()
    {
        var run = Assembly("2025-07-01", new CaseKit { Today = CaseKit.Date("2027-03-01") }, extension: 6).To(Milestone.Confirmed);
        run.Record(CaseEventType.BranchReviewPassed, "2027-01-02", new EventData { DecidedBy = DecidingBody.BranchCommitteeMeeting });
        run.Record(CaseEventType.ConfirmationVoteHeld, "2027-01-05",
            CaseData.ConfirmationVote(CaseKit.Date("2027-01-05"), 10, ConfirmationOutcome.Confirm));

        run.Record(CaseEventType.ConfirmationApproved, "2027-02-10",
            CaseData.ConfirmationApproval(CaseKit.Date("2027-01-05"), ConfirmationOutcome.Confirm));

        Assert.Equal(DevelopmentStage.FullMember, run.State.Stage);
        Assert.Equal(CaseKit.Date("2027-01-01"), run.State.PartyAgeStartDate);
    }

    [Fact]
    public void ConfirmationApproved_WithAnOutcomeDifferentFromTheBranchResolution_IsRefusedByR31DecisionProcedure()
    {
        var run = Assembly("2025-07-01").RecordUntil(CaseEventType.ConfirmationApproved);
        var step = run.Next(CaseEventType.ConfirmationApproved);

        var decision = run.Decide(step.Type, step.Date, step.Data with { Outcome = nameof(ConfirmationOutcome.ExtendProbation), ExtensionMonths = 6 });

        Verdict.OnlyRefusedBy(decision, "R-31-decision-procedure", RuleSeverity.Block);
    }

    [Theory]
    [InlineData("2026-10-01", false)]
    [InlineData("2026-10-02", true)]
    public void ConfirmationApproved_MoreThanThreeMonthsAfterTheReport_IsWarnedByR33(string approval, bool warned)
    {
        var run = Assembly("2025-07-01").RecordUntil(CaseEventType.ConfirmationApproved);
        var step = run.Next(CaseEventType.ConfirmationApproved);

        var decision = run.Decide(step.Type, approval, step.Data);

        if (warned)
        {
            Verdict.OnlyRefusedBy(decision, "R-33-confirmation-approval-3-months", RuleSeverity.Warn);
        }
        else
        {
            Verdict.Accepted(decision);
        }
    }

    [Fact]
    public void ConfirmationApproved_CancellingProbation_ClosesTheCaseSoThatOnlyTheAnnouncementMayFollow()
    {
        var kit = new CaseKit();
        var run = Assembly("2025-07-01", kit).RecordUntil(CaseEventType.ConfirmationVoteHeld);
        run.Record(CaseEventType.ConfirmationVoteHeld, "2026-07-01",
            CaseData.ConfirmationVote(CaseKit.Date("2026-07-01"), 10, ConfirmationOutcome.CancelProbation));
        run.Record(CaseEventType.ConfirmationApproved, "2026-07-10",
            CaseData.ConfirmationApproval(CaseKit.Date("2026-07-01"), ConfirmationOutcome.CancelProbation));

        Assert.Equal(CaseStatus.ProbationCancelled, run.State.Status);
        Verdict.OnlyRefusedBy(run.Decide(CaseEventType.ProbationAssessed, "2026-07-11", new EventData { Summary = "x" }),
            TransitionTable.RuleId, RuleSeverity.Block);
        Verdict.Accepted(run.Decide(CaseEventType.DecisionAnnounced, "2026-07-11", new EventData { Decision = AnnouncedDecision.NotApproved }));
    }
}
