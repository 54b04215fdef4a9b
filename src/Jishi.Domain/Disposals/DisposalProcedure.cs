using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Disposals;

/// <summary>Effect of a disposal that ends the membership, carried out with the <see cref="Notified"/> step: the member
/// leaves the registry (never deleted) and the history shows <c>Removed</c> with the measure, on the approval date.</summary>
public sealed record MemberRemovedByDisposal(string MemberId, DateOnly Date, DisposalMeasure Measure, bool AfterRefusal) : ProcedureEffect;

/// <summary>不合格党员组织处置 (MANAGEMENT.md §4, X-01…X-08) as a procedure of the engine: the branch's proposal filed
/// with the primary committee, investigation and talks, then 限期改正 (reviewed at its deadline) or the assembly's
/// decision on 劝退 or 除名, the higher committee's approval and the notification. Where a review or a notification
/// leads depends on its outcome (the table's outcome rows): not corrected → 劝退; 劝退 refused → 除名.</summary>
public sealed class DisposalProcedure : Procedure<DisposalState, DisposalEvent, DisposalProgress, DisposalContext>
{
    public static readonly DisposalProcedure Instance = new();

    private const string Filed = "须先报基层党委备案（X-01）";

    public static readonly Transitions<DisposalState> StateMachine = new(DisposalState.Proposed, nameof(DisposalProposed),
    [
        new(DisposalState.Proposed, nameof(FiledWithCommittee), DisposalState.Investigating, "报基层党委事前备案（X-01）"),
        new(DisposalState.Proposed, nameof(Investigated), Condition: Filed),
        new(DisposalState.Proposed, nameof(TalkHeld), Condition: Filed),
        new(DisposalState.Proposed, nameof(CorrectionOrdered), Condition: Filed),
        new(DisposalState.Proposed, nameof(AssemblyDecided), Condition: Filed),
        new(DisposalState.Investigating, nameof(Investigated)),
        new(DisposalState.Investigating, nameof(TalkHeld)),
        new(DisposalState.Investigating, nameof(CorrectionOrdered), DisposalState.Correcting, "措施为限期改正，期限不超过1年（X-02、X-03）"),
        new(DisposalState.Investigating, nameof(AssemblyDecided), DisposalState.Decided, "劝退或除名，表决通过（X-02、X-04）",
            nameof(DisposalVoteResult.Passed)),
        new(DisposalState.Investigating, nameof(AssemblyDecided), DisposalState.Closed, "表决未通过", nameof(DisposalVoteResult.NotPassed)),
        new(DisposalState.Correcting, nameof(TalkHeld)),
        new(DisposalState.Correcting, nameof(CorrectionReviewed), DisposalState.Closed, "已改正（X-03）", nameof(CorrectionOutcome.Corrected)),
        new(DisposalState.Correcting, nameof(CorrectionReviewed), DisposalState.Investigating, "期满仍无转变，转为劝退（X-02、X-03）",
            nameof(CorrectionOutcome.NotCorrected)),
        new(DisposalState.Decided, nameof(Approved), DisposalState.Approved, "上级党委批准（X-04）"),
        new(DisposalState.Decided, nameof(NotApproved), DisposalState.Closed, "上级党委不批准"),
        new(DisposalState.Approved, nameof(Notified), DisposalState.Closed, "通知本人，除名（X-04）"),
        new(DisposalState.Approved, nameof(Notified), DisposalState.Closed, "劝退，本人退党", nameof(WithdrawalResponse.Withdrew)),
        new(DisposalState.Approved, nameof(Notified), DisposalState.Investigating, "劝而不退，转为除名（X-02）", nameof(WithdrawalResponse.Refused)),
        new(DisposalState.Approved, nameof(Appealed)),
    ]);

    private static readonly Dictionary<string, Type> Types = new()
    {
        [nameof(DisposalProposed)] = typeof(DisposalProposed),
        [nameof(FiledWithCommittee)] = typeof(FiledWithCommittee),
        [nameof(Investigated)] = typeof(Investigated),
        [nameof(TalkHeld)] = typeof(TalkHeld),
        [nameof(CorrectionOrdered)] = typeof(CorrectionOrdered),
        [nameof(CorrectionReviewed)] = typeof(CorrectionReviewed),
        [nameof(AssemblyDecided)] = typeof(AssemblyDecided),
        [nameof(Approved)] = typeof(Approved),
        [nameof(NotApproved)] = typeof(NotApproved),
        [nameof(Notified)] = typeof(Notified),
        [nameof(Appealed)] = typeof(Appealed),
    };

    public override ProcedureKind Kind => ProcedureKind.Disposal;

    public override Transitions<DisposalState> Table => StateMachine;

    public override IReadOnlyDictionary<string, Type> EventTypes => Types;

    public override DisposalProgress NewProgress() => new();

    protected override IEnumerable<FieldError> Fields(string type, DateOnly date, DisposalEvent data, DisposalProgress p) =>
        DisposalRules.Fields(data, date, p);

    protected override IEnumerable<Refusal> Rules(string type, DateOnly date, DisposalEvent data, DisposalProgress p, DisposalContext ctx) =>
        DisposalRules.Check(data, date, p, ctx);

    protected override IEnumerable<ProcedureEffect> Effects(string type, DateOnly date, DisposalEvent data, DisposalProgress p, DisposalContext ctx)
    {
        if (data is Notified n && n.Response != WithdrawalResponse.Refused && DisposalRules.EndsMembership(p.Measure))
        {
            yield return new MemberRemovedByDisposal(p.MemberId, p.ApprovedDate ?? date, p.Measure, p.WithdrawalRefused);
        }
    }

    public override IReadOnlyList<ProcedureDeadline> Deadlines(DisposalProgress p) => DisposalRules.Deadlines(p);
}
