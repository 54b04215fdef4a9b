using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Transfers;

/// <summary>Effect of accepting a Formal transfer inside the system (T-10): the member's relation moves to
/// <paramref name="ToOrgId"/> on <paramref name="Date"/>, with their open probationary development case .</summary>
public sealed record MemberMoved(string MemberId, string ToOrgId, DateOnly Date, bool IntroductionProvided) : ProcedureEffect;

/// <summary>Effect of accepting a Formal transfer to an organisation outside the system: the member leaves this
/// registry on <paramref name="Date"/> (history <c>TransferredOut</c>; never deleted).</summary>
public sealed record MemberLeftSystem(string MemberId, string ToOrgName, DateOnly Date) : ProcedureEffect;

/// <summary>组织关系转接 (MANAGEMENT.md §1, T-rules) as a procedure of the engine.</summary>
public sealed class TransferProcedure : Procedure<TransferState, TransferEvent, TransferProgress, TransferContext>
{
    public static readonly TransferProcedure Instance = new();

    public static readonly Transitions<TransferState> StateMachine = new(TransferState.Issued, nameof(Issued),
    [
        new(TransferState.Issued, nameof(Received), TransferState.Received),
        new(TransferState.Issued, nameof(Withdrawn), TransferState.Withdrawn),
        new(TransferState.Issued, nameof(ValidityExtended)),
        new(TransferState.Received, nameof(Accepted), TransferState.Accepted),
        new(TransferState.Received, nameof(Rejected), TransferState.Rejected, "须有理由代码和理由（T-06）"),
        new(TransferState.Received, nameof(Withdrawn), TransferState.Withdrawn),
        new(TransferState.Received, nameof(ValidityExtended)),
        new(TransferState.Accepted, nameof(ReceiptReturned), Condition: "回执（T-07）"),
    ]);

    private static readonly Dictionary<string, Type> Types = new()
    {
        [nameof(Issued)] = typeof(Issued),
        [nameof(Received)] = typeof(Received),
        [nameof(Accepted)] = typeof(Accepted),
        [nameof(Rejected)] = typeof(Rejected),
        [nameof(ReceiptReturned)] = typeof(ReceiptReturned),
        [nameof(Withdrawn)] = typeof(Withdrawn),
        [nameof(ValidityExtended)] = typeof(ValidityExtended),
    };

    public override ProcedureKind Kind => ProcedureKind.Transfer;

    public override Transitions<TransferState> Table => StateMachine;

    public override IReadOnlyDictionary<string, Type> EventTypes => Types;

    public override TransferProgress NewProgress() => new();

    protected override IEnumerable<FieldError> Fields(string type, DateOnly date, TransferEvent data, TransferProgress p) =>
        RelationTransferRules.Fields(data);

    protected override IEnumerable<Refusal> Rules(string type, DateOnly date, TransferEvent data, TransferProgress p, TransferContext ctx) =>
        RelationTransferRules.Check(data, date, p, ctx);

    protected override IEnumerable<ProcedureEffect> Effects(string type, DateOnly date, TransferEvent data, TransferProgress p,
        TransferContext ctx)
    {
        if (data is Accepted a && p.Kind == TransferKind.Formal)
        {
            yield return p.ToOrgId is { } to
                ? new MemberMoved(p.MemberId, a.BranchId ?? to, date, a.IntroductionProvided == true)
                : new MemberLeftSystem(p.MemberId, p.ToOrgName ?? "", date);
        }
    }

    /// <summary>The deadlines judged on the steps alone: without the tree, T-08's escalation has no holder and is left
    /// out; the application asks <see cref="Deadlines(TransferProgress, string, string?)"/>.</summary>
    public override IReadOnlyList<ProcedureDeadline> Deadlines(TransferProgress p) => RelationTransferRules.Deadlines(p);

    /// <summary>The deadlines of a transfer between the organisations at these paths, T-08's escalation held by their
    /// common higher organisation (<see cref="RelationTransferRules.CommonHigherOrgPath"/>).</summary>
    public IReadOnlyList<ProcedureDeadline> Deadlines(TransferProgress p, string issuingPath, string? receivingPath) =>
        RelationTransferRules.Deadlines(p,
            RelationTransferRules.CommonHigherOrgPath(issuingPath, receivingPath) is { } common ? RelationTransferRules.OrgIdOfPath(common) : null);
}
