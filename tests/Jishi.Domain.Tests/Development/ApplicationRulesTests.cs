using Jishi.Domain.Development;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Development;

/// <summary>申请入党 and the decision that makes an applicant an activist (R-08-activist-selection, G-07).</summary>
public sealed class ApplicationRulesTests
{
    private static readonly OrgFacts BranchOrg = new(CaseKit.Branch, "第一党支部", OrgType.Branch, CaseKit.Committee, true, false, false, true);

    private static readonly OrgFacts MobileOrg = new(CaseKit.MobileOrg, "驻某市流动党员党支部", OrgType.MobileMemberOrg, CaseKit.County,
        false, false, false, true);

    private static List<Refusal> Check(CaseKit kit, string relation, string received, OrgFacts? org = null)
    {
        var r = Enum.Parse<ReceivingOrgRelation>(relation);
        var receiving = org ?? (r == ReceivingOrgRelation.MobileMemberOrg ? MobileOrg : BranchOrg);
        return ApplicationRules.CheckApplication(kit.Person, receiving, r, CaseKit.Date(received)).ToList();
    }

    [Theory]
    [InlineData("2008-05-10", "2026-05-09")]
    [InlineData("2008-02-29", "2026-02-27")]
    public void ApplicationReceived_TheDayBeforeThe18thBirthday_IsRefusedByR05Age18(string born, string received)
    {
        var kit = new CaseKit { BirthDate = CaseKit.Date(born) };

        var refusal = Assert.Single(Check(kit, "UnitOrg", received));

        Assert.Equal("R-05-age-18", refusal.Rule);
        Assert.Equal(RuleSeverity.Block, refusal.Severity);
    }

    [Theory]
    [InlineData("2008-05-10", "2026-05-10")]
    [InlineData("2008-05-10", "2026-05-11")]
    [InlineData("2008-02-29", "2026-02-28")]
    [InlineData("2008-02-29", "2026-03-01")]
    public void ApplicationReceived_OnOrAfterThe18thBirthday_IsAccepted(string born, string received)
    {
        var kit = new CaseKit { BirthDate = CaseKit.Date(born) };

        Assert.Empty(Check(kit, "UnitOrg", received));
    }

    [Theory]
    [InlineData("某某科技有限公司", true, false, "UnitOrg")]
    [InlineData("某某小店", false, false, "UnitLocationOrg")]
    [InlineData("某某小店", false, false, "SupervisingDepartmentOrg")]
    [InlineData("某某小店", false, false, "ResidenceOrg")]
    [InlineData(null, null, false, "ResidenceOrg")]
    [InlineData("某某科技有限公司", true, true, "MobileMemberOrg")]
    [InlineData("某某小店", false, true, "MobileMemberOrg")]
    [InlineData(null, null, true, "MobileMemberOrg")]
    [InlineData(null, null, true, "ResidenceOrg")]
    [InlineData("某某小店", null, true, "MobileMemberOrg")]
    public void ApplicationReceived_ByAnOrganisationOfTheApplicantsSituation_IsAccepted(string? unit, bool? unitHasPartyOrg, bool mobile,
        string relation)
    {
        var kit = new CaseKit { UnitName = unit, UnitHasPartyOrg = unitHasPartyOrg, IsMobile = mobile };

        Assert.Empty(Check(kit, relation, "2026-06-01"));
    }

    [Theory]
    [InlineData("某某科技有限公司", true, false, "UnitLocationOrg")]
    [InlineData("某某科技有限公司", true, false, "SupervisingDepartmentOrg")]
    [InlineData("某某科技有限公司", true, false, "ResidenceOrg")]
    [InlineData("某某小店", false, false, "UnitOrg")]
    [InlineData(null, null, false, "UnitOrg")]
    [InlineData(null, null, false, "UnitLocationOrg")]
    [InlineData(null, null, false, "SupervisingDepartmentOrg")]
    [InlineData("某某科技有限公司", true, false, "MobileMemberOrg")]
    [InlineData(null, null, false, "MobileMemberOrg")]
    [InlineData("某某科技有限公司", true, true, "ResidenceOrg")]
    public void ApplicationReceived_ByAnOrganisationOutsideTheApplicantsSituation_IsRefusedByR06(string? unit, bool? unitHasPartyOrg,
        bool mobile, string relation)
    {
        var kit = new CaseKit { UnitName = unit, UnitHasPartyOrg = unitHasPartyOrg, IsMobile = mobile };

        var refusal = Assert.Single(Check(kit, relation, "2026-06-01"));

        Assert.Equal(("R-06-where-to-apply", RuleSeverity.Block), (refusal.Rule, refusal.Severity));
    }

    [Fact]
    public void ApplicationReceived_AsMobileMemberOrgByAnOrganisationThatIsNotOne_IsRefusedByR06()
    {
        var kit = new CaseKit { IsMobile = true };

        var refusal = Assert.Single(Check(kit, "MobileMemberOrg", "2026-06-01", BranchOrg));

        Assert.Equal(("R-06-where-to-apply", RuleSeverity.Block), (refusal.Rule, refusal.Severity));
    }

    [Theory]
    [InlineData("UnitOrg")]
    [InlineData("UnitLocationOrg")]
    [InlineData("ResidenceOrg")]
    public void ApplicationReceived_WhenItIsUnknownWhetherTheUnitHasAPartyOrganisation_IsRefusedByR06(string relation)
    {
        var kit = new CaseKit { UnitName = "某某小店", UnitHasPartyOrg = null };

        var refusal = Assert.Single(Check(kit, relation, "2026-06-01"));

        Assert.Equal(("R-06-where-to-apply", RuleSeverity.Block), (refusal.Rule, refusal.Severity));
        Assert.Contains("是否建立党组织", refusal.Message);
    }

    [Theory]
    [InlineData("2026-01-31", "2026-01-31")]
    [InlineData("2026-01-31", "2026-02-28")]
    [InlineData("2026-03-15", "2026-04-15")]
    [InlineData("2024-01-31", "2024-02-29")]
    public void ApplicationTalkHeld_WithinOneCalendarMonthOfReceipt_IsAccepted(string received, string talk)
    {
        var run = new CaseKit().Open(new CasePlan { ActivistDate = CaseKit.Date(received).AddDays(40) });

        Verdict.Accepted(run.Decide(CaseEventType.ApplicationTalkHeld, talk, CaseData.Talk()));
    }

    [Theory]
    [InlineData("2026-01-31", "2026-03-01")]
    [InlineData("2026-03-15", "2026-04-16")]
    [InlineData("2024-01-31", "2024-03-01")]
    public void ApplicationTalkHeld_AfterOneCalendarMonth_IsWarnedByR07AndPassesWithAnOverride(string received, string talk)
    {
        var run = new CaseKit().Open(new CasePlan { ActivistDate = CaseKit.Date(received).AddDays(40) });

        Verdict.OnlyRefusedBy(run.Decide(CaseEventType.ApplicationTalkHeld, talk, CaseData.Talk()), "R-07-talk-within-1-month", RuleSeverity.Warn);
        var passed = run.Record(CaseEventType.ApplicationTalkHeld, talk, CaseData.Talk(), [new Override("R-07-talk-within-1-month", "谈话人出差")]);

        Assert.Equal("R-07-talk-within-1-month", Assert.Single(passed.AcceptedOverrides).Rule);
        Assert.Single(run.State.Last(CaseEventType.ApplicationTalkHeld)!.Overrides);
    }

    [Fact]
    public void ApplicationTalkHeld_WithAnOverrideWithoutReason_IsA400NamingTheField()
    {
        var run = new CaseKit().Open(new CasePlan { ActivistDate = CaseKit.Date("2026-03-12") });

        var decision = run.Decide(CaseEventType.ApplicationTalkHeld, "2026-03-01", CaseData.Talk(), [new Override("R-07-talk-within-1-month", " ")]);

        Assert.Equal("overrides[0].reason", Assert.Single(decision.Errors).Field);
    }

    [Fact]
    public void ApplicationTalkHeld_WithoutAnInterviewer_IsA400NamingTheField()
    {
        var run = new CaseKit().Open();

        var decision = run.Decide(CaseEventType.ApplicationTalkHeld, run.Next(CaseEventType.ApplicationTalkHeld).Date, new EventData());

        Assert.Equal("interviewerMemberIds", Assert.Single(decision.Errors).Field);
        Assert.Empty(decision.Refusals);
    }

    [Theory]
    [InlineData(TalkTopic.Family)]
    [InlineData(TalkTopic.Motivation)]
    [InlineData(TalkTopic.IntroducedMemberStandards)]
    public void ApplicationTalkHeld_MissingAContentItem_IsWarnedByR07TalkContent(TalkTopic missing)
    {
        var run = new CaseKit().Open(new CasePlan { ActivistDate = CaseKit.Date("2026-09-01") });

        var refusal = Verdict.OnlyRefusedBy(run.Decide(CaseEventType.ApplicationTalkHeld, run.Next(CaseEventType.ApplicationTalkHeld).Date,
            CaseData.Talk(missing)), "R-07-talk-content", RuleSeverity.Warn);

        Assert.Contains(ApplicationRules.Label(missing), refusal.Message);
    }

    [Fact]
    public void ActivistDesignated_WithoutAnApplicationTalk_IsRefusedByR07()
    {
        var run = new CaseKit().Open().Without(CaseEventType.ApplicationTalkHeld).RecordUntil(CaseEventType.ActivistDesignated);

        var decision = run.DecideNext(CaseEventType.ActivistDesignated, CaseKit.Iso(run.Next(CaseEventType.ActivistDesignated).Date));

        Verdict.OnlyRefusedBy(decision, "R-07-talk-within-1-month", RuleSeverity.Block);
    }

    [Fact]
    public void ActivistDesignated_WithoutANomination_IsRefusedByR08ActivistSelection()
    {
        var run = new CaseKit().Open().Without(CaseEventType.NominationRecorded).RecordUntil(CaseEventType.ActivistDesignated);

        var decision = run.DecideNext(CaseEventType.ActivistDesignated, CaseKit.Iso(run.Next(CaseEventType.ActivistDesignated).Date));

        Verdict.OnlyRefusedBy(decision, "R-08-activist-selection", RuleSeverity.Block);
    }

    [Fact]
    public void ActivistDesignated_WithTalkAndNomination_MovesTheCaseToActivistOnTheDecisionDate()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.ActivistDesignated);
        var step = run.Next(CaseEventType.ActivistDesignated);

        Verdict.Accepted(run.Record(step.Type, step.Date, step.Data));

        Assert.Equal(DevelopmentStage.Activist, run.State.Stage);
        Assert.Equal(step.Date, run.State.ActivistDate);
    }

    [Theory]
    [InlineData(CaseEventType.ActivistDesignated, true, DecidingBody.BranchAssembly)]
    [InlineData(CaseEventType.ActivistDesignated, false, DecidingBody.BranchCommitteeMeeting)]
    [InlineData(CaseEventType.CandidateProposed, true, DecidingBody.BranchAssembly)]
    [InlineData(CaseEventType.CandidateProposed, false, DecidingBody.BranchCommitteeMeeting)]
    [InlineData(CaseEventType.BranchReviewPassed, true, DecidingBody.BranchAssembly)]
    [InlineData(CaseEventType.BranchReviewPassed, false, DecidingBody.BranchCommitteeMeeting)]
    public void BranchDecision_ByTheWrongBodyForTheBranch_IsRefusedByG07(CaseEventType type, bool branchHasCommittee, DecidingBody body)
    {
        var run = new CaseKit { BranchHasCommittee = branchHasCommittee }.Open().RecordUntil(type);
        var step = run.Next(type);

        var decision = run.Decide(type, step.Date, step.Data with { DecidedBy = body });

        Verdict.OnlyRefusedBy(decision, "G-07-branch-committee-substitute", RuleSeverity.Block);
    }

    [Theory]
    [InlineData(CaseEventType.ActivistDesignated, true, DecidingBody.BranchCommitteeMeeting)]
    [InlineData(CaseEventType.ActivistDesignated, false, DecidingBody.BranchAssembly)]
    [InlineData(CaseEventType.BranchReviewPassed, false, DecidingBody.BranchAssembly)]
    public void BranchDecision_ByTheRightBodyForTheBranch_IsAccepted(CaseEventType type, bool branchHasCommittee, DecidingBody body)
    {
        var run = new CaseKit { BranchHasCommittee = branchHasCommittee }.Open().RecordUntil(type);
        var step = run.Next(type);

        Verdict.Accepted(run.Decide(type, step.Date, step.Data with { DecidedBy = body }));
    }
}
