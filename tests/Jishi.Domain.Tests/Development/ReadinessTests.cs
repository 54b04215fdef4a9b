using Jishi.Domain.Development;

namespace Jishi.Domain.Tests.Development;

public sealed class ReadinessTests
{
    [Fact]
    public void Readiness_OfAFreshApplication_NamesTheMissingTalkAndNomination()
    {
        var run = new CaseKit().Open(new CasePlan { ActivistDate = CaseKit.Date("2026-09-01") });

        var ready = Assert.Single(Readiness.Of(run.State, run.Kit.Context(), CaseKit.Date("2026-11-22")));

        Assert.Equal(CaseEventType.ActivistDesignated, ready.Step);
        Assert.Equal(["R-07-talk-within-1-month", "R-08-activist-selection"], ready.Missing.Select(m => m.Rule));
    }

    [Fact]
    public void Readiness_OfAnActivistBeforeTheFirstAnniversary_NamesR13MinOneYear_AndIsEmptyOnceEveryGateHolds()
    {
        var run = new CaseKit().Open(new CasePlan { ActivistDate = CaseKit.Date("2025-03-10"), ProposalDate = CaseKit.Date("2026-03-10") })
            .RecordUntil(CaseEventType.CandidateProposed);
        var kit = run.Kit;

        var early = Readiness.Of(run.State, kit.Context(), CaseKit.Date("2026-03-09")).Single(r => r.Step == CaseEventType.CandidateProposed);
        var onTime = Readiness.Of(run.State, kit.Context(), CaseKit.Date("2026-03-10")).Single(r => r.Step == CaseEventType.CandidateProposed);

        Assert.Contains(early.Missing, m => m.Rule == "R-13-candidate-min-1-year");
        Assert.Empty(onTime.Missing);
    }

    [Fact]
    public void Readiness_OfAClosedCase_IsEmpty()
    {
        var run = new CaseKit().Open(new CasePlan { AssemblyDate = CaseKit.Date("2025-07-01") }).To(Milestone.Confirmed);
        run.Record(CaseEventType.ArchiveSubmitted, CaseKit.Date("2026-11-20"), new EventData
        {
            ArchivedWithOrgId = CaseKit.Committee,
            Materials = ArchiveRules.Required(RulesVersion.Rules2026).ToList(),
        });

        Assert.Empty(Readiness.Of(run.State, run.Kit.Context(), CaseKit.Date("2026-11-22")));
    }
}
