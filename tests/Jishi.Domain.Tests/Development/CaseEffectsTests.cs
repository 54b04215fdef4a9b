using Jishi.Domain.Development;
using Jishi.Domain.Members;
using Jishi.Domain.Membership;
using Jishi.Domain.Procedures;

namespace Jishi.Domain.Tests.Development;

/// <summary>A step's side effects are the named effects of the development case, read from the step and the case after
/// it; the application carries them out and has no branch of its own on the step type.</summary>
public sealed class CaseEffectsTests
{
    private static readonly DateOnly Opened = new(2025, 1, 6);

    private static (CaseState State, IReadOnlyList<ProcedureEffect> Effects) Step(CaseState state, CaseEventType type, DateOnly date, EventData data)
    {
        state.Apply(new CaseEvent(state.NextSeq, type, date, data, [], []));
        return (state, CaseEffects.Of(type, date, data, state));
    }

    private static CaseState Probationary(DateOnly admitted)
    {
        var state = new CaseState();
        state.Apply(new CaseEvent(1, CaseEventType.ApplicationReceived, Opened, new EventData(), [], []));
        state.Apply(new CaseEvent(2, CaseEventType.DirectlyAdmitted, admitted, new EventData { AdmittedAs = DevelopmentStage.ProbationaryMember }, [], []));
        return state;
    }

    [Fact]
    public void AStepWithoutEffects_OnlyAppendsToTheRecord()
    {
        var state = new CaseState();
        var (_, effects) = Step(state, CaseEventType.ApplicationReceived, Opened, new EventData());
        Assert.Empty(effects);
    }

    [Fact]
    public void TheAdmissionFormIssued_IssuesItsSerial_R18()
    {
        var state = new CaseState();
        state.Apply(new CaseEvent(1, CaseEventType.ApplicationReceived, Opened, new EventData(), [], []));
        var effects = CaseEffects.Of(CaseEventType.AdmissionFormIssued, new DateOnly(2026, 3, 2), new EventData { Serial = "3301002026000123" }, state);
        Assert.Equal([new AdmissionSerialIssued("3301002026000123", new DateOnly(2026, 3, 2))], effects);
    }

    [Fact]
    public void DirectAdmission_RegistersTheMember_AsProbationaryFromThatDay()
    {
        var state = new CaseState();
        state.Apply(new CaseEvent(1, CaseEventType.ApplicationReceived, Opened, new EventData(), [], []));
        var day = new DateOnly(2026, 2, 10);
        var (_, effects) = Step(state, CaseEventType.DirectlyAdmitted, day, new EventData { AdmittedAs = DevelopmentStage.ProbationaryMember });
        Assert.Equal(
            [new MemberRegistered(day, "接收为预备党员"), new MemberStandingUpdated(MemberStatus.ProbationaryMember, day, null, day, null, null)],
            effects);
    }

    [Fact]
    public void AProbationaryTransfer_MovesTheCaseAndTheMember_R34()
    {
        var day = new DateOnly(2026, 5, 20);
        var (_, effects) = Step(Probationary(new DateOnly(2026, 2, 10)), CaseEventType.ProbationaryTransferred, day,
            new EventData { ToOrgId = "branch2", ReportedToOriginalOrg = true });
        Assert.IsType<CaseMoved>(effects[0]);
        Assert.Equal("branch2", ((CaseMoved)effects[0]).ToOrgId);
        Assert.Contains(new MemberMovedWithCase("branch2", day, "预备期内转移（R-34）"), effects);
        Assert.IsType<MemberStandingUpdated>(effects[^1]);
    }

    [Fact]
    public void Confirmation_ByOutcome_ConfirmsExtendsOrEndsTheMembership_R31()
    {
        var admitted = new DateOnly(2025, 2, 10);
        var day = new DateOnly(2026, 2, 20);

        var (_, confirmed) = Step(Probationary(admitted), CaseEventType.ConfirmationApproved, day,
            new EventData { Outcome = nameof(ConfirmationOutcome.ConfirmOnTime) });
        var standing = Assert.IsType<MemberStandingUpdated>(confirmed[^1]);
        Assert.Equal((MemberStatus.FullMember, MembershipChange.Confirmed), (standing.Status, standing.Change));

        var (_, extended) = Step(Probationary(admitted), CaseEventType.ConfirmationApproved, day,
            new EventData { Outcome = nameof(ConfirmationOutcome.ExtendProbation), ExtensionMonths = 6 });
        standing = Assert.IsType<MemberStandingUpdated>(extended[^1]);
        Assert.Equal((MemberStatus.ProbationaryMember, MembershipChange.ProbationExtended, "延长预备期 6 个月"),
            (standing.Status, standing.Change, standing.Detail));

        var (_, cancelled) = Step(Probationary(admitted), CaseEventType.ConfirmationApproved, day,
            new EventData { Outcome = nameof(ConfirmationOutcome.CancelProbation) });
        Assert.Equal(new MembershipEnded(MembershipChange.ProbationCancelled, day), cancelled[^1]);
        Assert.DoesNotContain(cancelled, e => e is MemberStandingUpdated);
    }

    [Fact]
    public void NonRecognition_EndsTheMembership_R41()
    {
        var day = new DateOnly(2026, 6, 1);
        var (_, effects) = Step(Probationary(new DateOnly(2026, 2, 10)), CaseEventType.NonRecognitionDecided, day, new EventData());
        Assert.Equal(new MembershipEnded(MembershipChange.NotRecognized, day), effects[^1]);
    }
}
