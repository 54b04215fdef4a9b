using Jishi.Domain.Development;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Development;

/// <summary>直接接收 and 追认: decided outside the branch procedure, by the Central Committee or a
/// provincial committee.</summary>
public sealed class SpecialAdmissionRulesTests
{
    private static EventData Direct(string by = CaseKit.Province, DevelopmentStage admittedAs = DevelopmentStage.ProbationaryMember,
        string? probationStart = "2026-05-20", string? partyAgeStart = null) => new()
        {
            DecidingOrgId = by,
            Note = "在抗洪抢险中表现突出，经省委研究决定直接接收",
            AdmittedAs = admittedAs,
            ProbationStartDate = probationStart is null ? null : CaseKit.Date(probationStart),
            PartyAgeStartDate = partyAgeStart is null ? null : CaseKit.Date(partyAgeStart),
        };

    private static EventData Posthumous(string reviewedBy = CaseKit.Committee, string approvedBy = CaseKit.Province,
        string branchDecision = "2026-05-10", params PosthumousCondition[] without) => new()
        {
            Conditions = Enum.GetValues<PosthumousCondition>().Except(without).ToList(),
            BranchDecisionDate = CaseKit.Date(branchDecision),
            ReviewingOrgId = reviewedBy,
            ApprovingOrgId = approvedBy,
        };

    // ---- R-26-direct-admission ----

    [Theory]
    [InlineData(CaseKit.Province)]
    [InlineData(CaseKit.Central)]
    public void DirectlyAdmitted_AsAProbationaryMemberByAProvincialOrTheCentralCommittee_StartsProbationOnTheStatedDate(string by)
    {
        var run = new CaseKit().Open();

        var decision = run.Record(CaseEventType.DirectlyAdmitted, "2026-06-01", Direct(by));

        Verdict.NotRefusedBy(decision, "R-26-direct-admission");
        Assert.Equal(DevelopmentStage.ProbationaryMember, run.State.Stage);
        Assert.Equal(CaseStatus.Open, run.State.Status);
        Assert.Equal(CaseKit.Date("2026-05-20"), run.State.ProbationStartDate);
        Assert.Equal(CaseKit.Date("2027-05-20"), run.State.ExpiryDate);
        Assert.Equal(CaseKit.Date("2026-06-01"), run.State.ApprovalDate);
    }

    [Fact]
    public void DirectlyAdmitted_AsAProbationaryMemberWithoutAStatedStart_StartsProbationOnTheDecisionDate()
    {
        var run = new CaseKit().Open();

        run.Record(CaseEventType.DirectlyAdmitted, "2026-06-01", Direct(probationStart: null));

        Assert.True(run.State.ProbationStartDate == CaseKit.Date("2026-06-01"), "R-26-direct-admission: the decision as issued");
    }

    [Theory]
    [InlineData(CaseKit.County)]
    [InlineData(CaseKit.Committee)]
    [InlineData(CaseKit.CountyOrgDept)]
    [InlineData(CaseKit.Branch)]
    public void DirectlyAdmitted_ByABodyBelowTheProvincialLevel_IsRefusedByR26(string by)
    {
        var run = new CaseKit().Open();

        var decision = run.Decide(CaseEventType.DirectlyAdmitted, "2026-06-01", Direct(by));

        Verdict.OnlyRefusedBy(decision, "R-26-direct-admission", RuleSeverity.Block);
    }

    [Fact]
    public void DirectlyAdmitted_AsAFullMember_MakesTheCaseAFullMemberWithTheStatedPartyAge()
    {
        var run = new CaseKit().Open();

        run.Record(CaseEventType.DirectlyAdmitted, "2026-06-01",
            Direct(admittedAs: DevelopmentStage.FullMember, probationStart: null, partyAgeStart: "2026-05-25"));

        Assert.Equal(DevelopmentStage.FullMember, run.State.Stage);
        Assert.True(run.State.PartyAgeStartDate == CaseKit.Date("2026-05-25"), "R-26-direct-admission: party age as stated");
        Assert.Null(run.State.ProbationStartDate);
    }

    [Theory]
    [InlineData(DevelopmentStage.Activist)]
    [InlineData(DevelopmentStage.Candidate)]
    public void DirectlyAdmitted_FromALaterStage_BypassesTheBranchGates(DevelopmentStage stage)
    {
        var run = new CaseKit().Open().To(stage == DevelopmentStage.Activist ? Milestone.Activist : Milestone.Candidate);
        Assert.Equal(stage, run.State.Stage);

        var decision = run.Decide(CaseEventType.DirectlyAdmitted, "2026-06-10", Direct());

        Verdict.Accepted(decision);
        Verdict.NotRefusedBy(decision, "R-26-direct-admission");
    }

    [Fact]
    public void DirectlyAdmitted_WithoutTheSpecialCircumstances_IsAFieldErrorOnNote()
    {
        var run = new CaseKit().Open();

        var decision = run.Decide(CaseEventType.DirectlyAdmitted, "2026-06-01", Direct() with { Note = " " });

        Assert.Equal("note", Assert.Single(decision.Errors).Field);
        Assert.False(decision.IsAccepted, "R-26-direct-admission: 特殊情况 must be stated");
    }

    [Theory]
    [InlineData(DevelopmentStage.Candidate)]
    [InlineData(DevelopmentStage.Applicant)]
    public void DirectlyAdmitted_AsSomethingOtherThanAMember_IsAFieldErrorOnAdmittedAs(DevelopmentStage admittedAs)
    {
        var run = new CaseKit().Open();

        var decision = run.Decide(CaseEventType.DirectlyAdmitted, "2026-06-01", Direct(admittedAs: admittedAs));

        Assert.Equal("admittedAs", Assert.Single(decision.Errors).Field);
        Assert.False(decision.IsAccepted, "R-26-direct-admission: admitted as a probationary or full member");
    }

    [Fact]
    public void DirectlyAdmitted_AfterTheAdmissionWasApproved_IsRefusedByTheTransitionTable()
    {
        var run = new CaseKit().Open().To(Milestone.Approved);

        Verdict.OnlyRefusedBy(run.Decide(CaseEventType.DirectlyAdmitted, "2026-07-21", Direct()), TransitionTable.RuleId, RuleSeverity.Block);
        Assert.True(run.State.Stage == DevelopmentStage.ProbationaryMember, "R-26-direct-admission applies before membership only");
    }

    [Fact]
    public void DirectlyAdmitted_AsAProbationaryMember_MayBeAnnouncedAsAnAdmission()
    {
        var run = new CaseKit().Open();
        run.Record(CaseEventType.DirectlyAdmitted, "2026-06-01", Direct());

        var decision = run.Decide(CaseEventType.DecisionAnnounced, "2026-06-05", new EventData { Decision = AnnouncedDecision.Admission });

        Verdict.Accepted(decision);
        Verdict.NotRefusedBy(decision, "R-26-direct-admission");
    }

    /// <summary>Regression (fixed): after a direct admission as a full member, <see cref="Deadlines.Of"/>
    /// lists the approval follow-ups R-24-notify, R-25-filing-to-org-dept, R-28-assign-branch-and-cell and
    /// R-29-oath-within-1-month, none of which can ever be completed: at FullMember the transition table allows only
    /// DecisionAnnounced and NonRecognitionDecided, and DecisionAnnounced(Admission) is refused there (the announcement
    /// expected at FullMember is Confirmation). RULES.md R-26: the branch-level gates R-08…R-25 do not apply.</summary>
    [Fact]
    public void Deadlines_AfterADirectAdmissionAsAFullMember_AskForNoStepTheCaseCanNeverRecord()
    {
        var run = new CaseKit().Open();
        run.Record(CaseEventType.DirectlyAdmitted, "2026-06-01",
            Direct(admittedAs: DevelopmentStage.FullMember, probationStart: null, partyAgeStart: "2026-06-01"));
        var legal = TransitionTable.LegalAt(run.State.Stage, run.State.Status).ToList();
        Assert.DoesNotContain(CaseEventType.AdmissionFiled, legal);
        Assert.DoesNotContain(CaseEventType.AssignedToBranchAndCell, legal);
        Assert.DoesNotContain(CaseEventType.OathTaken, legal);
        Verdict.RefusedBy(run.Decide(CaseEventType.DecisionAnnounced, "2026-06-05", new EventData { Decision = AnnouncedDecision.Admission }),
            "R-33-notify-and-talk", RuleSeverity.Block);

        var deadlines = Deadlines.Of(run.State).Select(d => d.Rule).ToList();

        // R-26-direct-admission: R-08…R-25 do not apply; ask for steps that are not legal at FullMember.
        Assert.DoesNotContain("R-24-notify", deadlines);
        Assert.DoesNotContain("R-25-filing-to-org-dept", deadlines);
        Assert.DoesNotContain("R-28-assign-branch-and-cell", deadlines);
        Assert.DoesNotContain("R-29-oath-within-1-month", deadlines);
    }

    // ---- R-27-posthumous-admission ----

    [Theory]
    [InlineData(CaseKit.Committee)]
    [InlineData(CaseKit.County)]
    public void PosthumouslyAdmitted_WithAllConditionsReviewedByAHigherCommitteeAndApprovedByTheProvince_IsAFullMemberDeceased(string reviewedBy)
    {
        var run = new CaseKit().Open();

        var decision = run.Record(CaseEventType.PosthumouslyAdmitted, "2026-06-01", Posthumous(reviewedBy));

        Verdict.NotRefusedBy(decision, "R-27-posthumous-admission");
        Assert.Equal(DevelopmentStage.FullMember, run.State.Stage);
        Assert.Equal(CaseStatus.Deceased, run.State.Status);
    }

    [Theory]
    [InlineData(PosthumousCondition.HeroicSacrifice)]
    [InlineData(PosthumousCondition.OutstandingDeeds)]
    [InlineData(PosthumousCondition.WideInfluence)]
    [InlineData(PosthumousCondition.ConsistentGoodConduct)]
    [InlineData(PosthumousCondition.HadApplied)]
    public void PosthumouslyAdmitted_WithOneConditionMissing_IsRefusedByR27NamingIt(PosthumousCondition missing)
    {
        var run = new CaseKit().Open();

        var decision = run.Decide(CaseEventType.PosthumouslyAdmitted, "2026-06-01", Posthumous(without: missing));

        var refusal = Verdict.OnlyRefusedBy(decision, "R-27-posthumous-admission", RuleSeverity.Block);
        Assert.Contains(SpecialAdmissionRules.Label(missing), refusal.Message);
    }

    [Theory]
    [InlineData(CaseKit.County)]
    [InlineData(CaseKit.Committee)]
    [InlineData(CaseKit.Central)]
    [InlineData(CaseKit.CountyOrgDept)]
    public void PosthumouslyAdmitted_ApprovedByABodyThatIsNotAProvincialCommittee_IsRefusedByR27(string approvedBy)
    {
        var run = new CaseKit().Open();

        var decision = run.Decide(CaseEventType.PosthumouslyAdmitted, "2026-06-01", Posthumous(approvedBy: approvedBy));

        Verdict.OnlyRefusedBy(decision, "R-27-posthumous-admission", RuleSeverity.Block);
    }

    [Theory]
    [InlineData(CaseKit.Branch)]
    [InlineData(CaseKit.SecondBranch)]
    [InlineData(CaseKit.CountyOrgDept)]
    [InlineData(CaseKit.Cell)]
    public void PosthumouslyAdmitted_ReviewedByAnOrgThatIsNotACommitteeAbove_IsRefusedByR27(string reviewedBy)
    {
        var run = new CaseKit().Open();

        var decision = run.Decide(CaseEventType.PosthumouslyAdmitted, "2026-06-01", Posthumous(reviewedBy));

        Verdict.OnlyRefusedBy(decision, "R-27-posthumous-admission", RuleSeverity.Block);
    }

    [Fact]
    public void PosthumouslyAdmitted_WithTheBranchDecisionAfterTheApproval_IsRefusedByR27()
    {
        var run = new CaseKit().Open();

        var decision = run.Decide(CaseEventType.PosthumouslyAdmitted, "2026-06-01", Posthumous(branchDecision: "2026-06-02"));

        Verdict.OnlyRefusedBy(decision, "R-27-posthumous-admission", RuleSeverity.Block);
    }

    [Fact]
    public void PosthumouslyAdmitted_WithoutTheBranchDecisionDate_IsAFieldError()
    {
        var run = new CaseKit().Open();

        var decision = run.Decide(CaseEventType.PosthumouslyAdmitted, "2026-06-01", Posthumous() with { BranchDecisionDate = null });

        Assert.Equal("branchDecisionDate", Assert.Single(decision.Errors).Field);
        Assert.False(decision.IsAccepted, "R-27-posthumous-admission: the unit's party organisation decides first");
    }

    [Fact]
    public void PosthumouslyAdmitted_ClosesTheCaseToEveryFurtherStep()
    {
        var run = new CaseKit().Open();
        run.Record(CaseEventType.PosthumouslyAdmitted, "2026-06-01", Posthumous());

        Assert.Empty(TransitionTable.LegalAt(run.State.Stage, run.State.Status));
        Verdict.OnlyRefusedBy(run.Decide(CaseEventType.DecisionAnnounced, "2026-06-02", new EventData { Decision = AnnouncedDecision.Admission }),
            TransitionTable.RuleId, RuleSeverity.Block);
        Assert.True(run.State.Status == CaseStatus.Deceased, "R-27-posthumous-admission");
    }
}
