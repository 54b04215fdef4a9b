using Jishi.Domain.Development;

namespace Jishi.Domain.Tests.Development;

/// <summary>The kit's plans are valid cases: every planned step is accepted without override, under the 2026 rules and
/// across the 2014/2026 boundary .</summary>
public sealed class CaseKitTests
{
    [Theory]
    [InlineData(nameof(Milestone.Applicant), "Applicant")]
    [InlineData(nameof(Milestone.Activist), "Activist")]
    [InlineData(nameof(Milestone.Candidate), "Candidate")]
    [InlineData(nameof(Milestone.PreReviewPassed), "Candidate")]
    [InlineData(nameof(Milestone.AssemblyPassed), "Candidate")]
    [InlineData(nameof(Milestone.Approved), "ProbationaryMember")]
    [InlineData(nameof(Milestone.OathTaken), "ProbationaryMember")]
    [InlineData(nameof(Milestone.Confirmed), "FullMember")]
    public void DefaultPlan_UnderThe2026Rules_ReachesEachMilestoneWithValidSteps(string milestone, string stage)
    {
        var kit = new CaseKit { Today = CaseKit.Date("2027-12-31") };

        var run = kit.Open().To(Enum.Parse<Milestone>(milestone));

        Assert.Equal(Enum.Parse<DevelopmentStage>(stage), run.State.Stage);
        Assert.Equal(CaseStatus.Open, run.State.Status);
        Assert.All(run.State.Events.Skip(1), e => Assert.Empty(e.Overrides));
    }

    [Fact]
    public void DefaultPlan_PutsEveryCandidateStepUnderThe2026Rules()
    {
        var run = new CaseKit().Open().To(Milestone.Approved);

        var proposed = run.State.Last(CaseEventType.CandidateProposed)!;
        Assert.Equal(RulesVersion.Rules2026, proposed.RulesVersion);
        Assert.Equal(CaseKit.Date("2026-07-10"), run.State.AssemblyDate);
    }

    [Theory]
    [InlineData("2025-07-01")]
    [InlineData("2024-02-29")]
    [InlineData("2026-01-12")]
    [InlineData("2026-05-20")]
    public void PlanWithAssemblyOn_AnyDate_ReachesApprovalWithValidSteps(string assembly)
    {
        var run = new CaseKit().Open(new CasePlan { AssemblyDate = CaseKit.Date(assembly) }).To(Milestone.Approved);

        Assert.Equal(DevelopmentStage.ProbationaryMember, run.State.Stage);
        Assert.Equal(CaseKit.Date(assembly), run.State.ProbationStartDate);
    }

    [Fact]
    public void PlanInAWorldWithGeneralBranchCellsMobilePersonAndNoCommittee_ReachesConfirmation()
    {
        var kit = new CaseKit
        {
            Today = CaseKit.Date("2027-12-31"),
            WithGeneralBranch = true,
            BranchHasCells = true,
            IsMobile = true,
            BranchHasCommittee = false,
            EligibleVoterIds = CaseKit.Voters(16),
        };

        var run = kit.Open().To(Milestone.Confirmed);

        Assert.Equal(DevelopmentStage.FullMember, run.State.Stage);
    }
}
