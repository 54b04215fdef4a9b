using Jishi.Domain.Development;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Development;

/// <summary>入党积极分子: filing (R-08-activist-filing) and mentors .</summary>
public sealed class ActivistRulesTests
{
    [Theory]
    [InlineData(CaseKit.Branch, false)]
    [InlineData(CaseKit.General, true)]
    [InlineData(CaseKit.CountyOrgDept, false)]
    [InlineData(CaseKit.MobileOrg, false)]
    public void ActivistFiled_WithAnOrganisationThatIsNotAHigherCommittee_IsRefusedByR08ActivistFiling(string org, bool withGeneralBranch)
    {
        var run = new CaseKit { WithGeneralBranch = withGeneralBranch }.Open().RecordUntil(CaseEventType.ActivistFiled);

        var decision = run.Decide(CaseEventType.ActivistFiled, run.Next(CaseEventType.ActivistFiled).Date, new EventData { FiledWithOrgId = org });

        Verdict.OnlyRefusedBy(decision, "R-08-activist-filing", RuleSeverity.Block);
    }

    [Theory]
    [InlineData(CaseKit.Committee, false)]
    [InlineData(CaseKit.Committee, true)]
    [InlineData(CaseKit.County, false)]
    public void ActivistFiled_WithAHigherCommittee_IsAccepted(string org, bool withGeneralBranch)
    {
        var run = new CaseKit { WithGeneralBranch = withGeneralBranch }.Open().RecordUntil(CaseEventType.ActivistFiled);

        Verdict.Accepted(run.Decide(CaseEventType.ActivistFiled, run.Next(CaseEventType.ActivistFiled).Date, new EventData { FiledWithOrgId = org }));
    }

    [Fact]
    public void CandidateProposed_WithoutTheActivistFiling_IsRefusedByR08ActivistFiling()
    {
        var run = new CaseKit().Open().Without(CaseEventType.ActivistFiled).RecordUntil(CaseEventType.CandidateProposed);
        var step = run.Next(CaseEventType.CandidateProposed);

        Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-08-activist-filing", RuleSeverity.Block);
    }

    [Fact]
    public void MentorAssigned_AThirdMentor_IsRefusedByR09MentorCount()
    {
        var run = new CaseKit().Open().RecordThrough(CaseEventType.MentorAssigned);
        var date = run.State.Last(CaseEventType.MentorAssigned)!.Date.AddDays(1);

        var decision = run.Decide(CaseEventType.MentorAssigned, date, CaseData.Mentors(CaseKit.Member(3)));

        Verdict.OnlyRefusedBy(decision, "R-09-mentor-count-and-status", RuleSeverity.Block);
    }

    [Fact]
    public void MentorAssigned_ThreeMentorsAtOnce_IsRefusedByR09MentorCount()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.MentorAssigned);

        var decision = run.Decide(CaseEventType.MentorAssigned, run.Next(CaseEventType.MentorAssigned).Date,
            CaseData.Mentors(CaseKit.Member(1), CaseKit.Member(2), CaseKit.Member(3)));

        Verdict.OnlyRefusedBy(decision, "R-09-mentor-count-and-status", RuleSeverity.Block);
    }

    [Fact]
    public void MentorAssigned_ASecondMentorLater_IsAccepted()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.MentorAssigned);
        var date = run.Next(CaseEventType.MentorAssigned).Date;
        run.Record(CaseEventType.MentorAssigned, date, CaseData.Mentors(CaseKit.MentorA));

        Verdict.Accepted(run.Decide(CaseEventType.MentorAssigned, date.AddDays(10), CaseData.Mentors(CaseKit.MentorB)));
    }

    [Fact]
    public void MentorAssigned_AProbationaryMember_IsRefusedByR09MentorStatus()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.MentorAssigned);

        var decision = run.Decide(CaseEventType.MentorAssigned, run.Next(CaseEventType.MentorAssigned).Date,
            CaseData.Mentors(CaseKit.MentorA, CaseKit.Probationary));

        Verdict.OnlyRefusedBy(decision, "R-09-mentor-count-and-status", RuleSeverity.Block);
    }

    [Fact]
    public void MentorAssigned_AMemberUnderDisciplinaryProbation_IsWarnedByR09MentorQualification()
    {
        var run = new CaseKit().Open(new CasePlan { ActivistDate = CaseKit.Date("2026-09-01") }).RecordUntil(CaseEventType.MentorAssigned);

        var decision = run.Decide(CaseEventType.MentorAssigned, run.Next(CaseEventType.MentorAssigned).Date,
            CaseData.Mentors(CaseKit.MentorA, CaseKit.UnderDisciplinaryProbation));

        Verdict.OnlyRefusedBy(decision, "R-09-mentor-qualification", RuleSeverity.Warn);
    }

    [Theory]
    [InlineData("2025-06-01", "2026-06-01", true)]
    [InlineData("2025-06-01", "2026-06-02", false)]
    [InlineData("2026-06-01", "2026-06-01", true)]
    [InlineData("2025-05-31", "2026-05-31", true)]
    [InlineData("2025-01-01", "2025-06-01", false)] // in the effect period, but the qualification rule is new in 2026 (D11, R-44)
    public void MentorAssigned_AMemberWithAWarning_IsWarnedByR09MentorQualificationOnlyWithinTheEffectPeriod(string warningApproved,
        string assigned, bool warned)
    {
        var kit = new CaseKit { WarningApproved = CaseKit.Date(warningApproved) };
        var run = kit.Open(new CasePlan { ActivistDate = CaseKit.Date(assigned).AddDays(-4) }).RecordUntil(CaseEventType.MentorAssigned);

        var decision = run.Decide(CaseEventType.MentorAssigned, assigned, CaseData.Mentors(CaseKit.MentorA, CaseKit.Warned));

        if (warned)
        {
            Verdict.OnlyRefusedBy(decision, "R-09-mentor-qualification", RuleSeverity.Warn);
        }
        else
        {
            Verdict.Accepted(decision);
        }
    }

    [Fact]
    public void MentorAssigned_WithoutTheQualificationAttestation_IsWarnedByR09MentorQualification()
    {
        var run = new CaseKit().Open(new CasePlan { ActivistDate = CaseKit.Date("2026-09-01") }).RecordUntil(CaseEventType.MentorAssigned);

        var decision = run.Decide(CaseEventType.MentorAssigned, run.Next(CaseEventType.MentorAssigned).Date,
            CaseData.Mentors(CaseKit.MentorA) with { QualificationAttested = null });

        Verdict.OnlyRefusedBy(decision, "R-09-mentor-qualification", RuleSeverity.Warn);
    }

    [Fact]
    public void CandidateProposed_WithoutAnOpinionFromEachMentor_IsRefusedByR09MentorDuties()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.OpinionsCollected);
        run.Record(CaseEventType.OpinionsCollected, run.Next(CaseEventType.OpinionsCollected).Date,
            CaseData.ListingOpinions(false, CaseKit.MentorA));
        var step = run.Next(CaseEventType.CandidateProposed);

        var refusal = Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-09-mentor-duties", RuleSeverity.Block);

        Assert.Contains("党员2", refusal.Message);
    }

    [Fact]
    public void OpinionsCollected_WithAMentorOpinionFromSomeoneWhoIsNotAMentor_IsRefusedByR09MentorDuties()
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.OpinionsCollected);

        var decision = run.Decide(CaseEventType.OpinionsCollected, run.Next(CaseEventType.OpinionsCollected).Date,
            CaseData.ListingOpinions(false, CaseKit.MentorA, CaseKit.Member(5)));

        Verdict.OnlyRefusedBy(decision, "R-09-mentor-duties", RuleSeverity.Block);
    }

    [Fact]
    public void CandidateProposed_WithoutTheHalfYearlyAssessments_IsWarnedByR11()
    {
        var run = new CaseKit().Open().WithoutAny(CaseEventType.ActivistAssessed).RecordUntil(CaseEventType.CandidateProposed);
        var step = run.Next(CaseEventType.CandidateProposed);

        Verdict.OnlyRefusedBy(run.Decide(step.Type, step.Date, step.Data), "R-11-half-yearly-assessment", RuleSeverity.Warn);
    }
}
