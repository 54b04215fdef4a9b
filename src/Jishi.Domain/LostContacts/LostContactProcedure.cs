using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;

namespace Jishi.Domain.LostContacts;

/// <summary>Effect of an approved 停止党籍 (F-05, F-06): the member's history shows <c>Suspended</c>; they are no
/// longer counted among eligible voters (G-08) and pay no dues while suspended.</summary>
public sealed record MemberSuspended(string MemberId, DateOnly Date) : ProcedureEffect;

/// <summary>Effect of an approved 恢复党籍 (F-07): history <c>Restored</c>; rights as before the suspension.</summary>
public sealed record MemberRestored(string MemberId, DateOnly Date) : ProcedureEffect;

/// <summary>Effect of an approved 自行脱党除名 (F-08): history <c>Removed</c> (其中失联); the member leaves the registry.</summary>
public sealed record MemberRemovedAsLapsed(string MemberId, DateOnly Date) : ProcedureEffect;

/// <summary>失联党员 (MANAGEMENT.md §2, F-05…F-08) as a procedure of the engine: search, 停止党籍 after six months by
/// decision and approval, then restoration within two years or removal as lapsed after them.</summary>
public sealed class LostContactProcedure : Procedure<LostContactState, LostContactEvent, LostContactProgress, LostContactContext>
{
    public static readonly LostContactProcedure Instance = new();

    public static readonly Transitions<LostContactState> StateMachine = new(LostContactState.Searching, nameof(Reported),
    [
        new(LostContactState.Searching, nameof(SearchLogged)),
        new(LostContactState.Searching, nameof(Found), LostContactState.Closed),
        new(LostContactState.Searching, nameof(SuspensionDecided), Condition: "失联满6个月且有查找记录（F-05）"),
        new(LostContactState.Searching, nameof(SuspensionApproved), LostContactState.Suspended, "须有停止党籍的决定（F-05）"),
        new(LostContactState.Suspended, nameof(SearchLogged)),
        new(LostContactState.Suspended, nameof(RestorationApplied), Condition: "本人书面申请（F-07）"),
        new(LostContactState.Suspended, nameof(RestorationApproved), LostContactState.Closed, "须有书面申请，县级批准（F-07）"),
        new(LostContactState.Suspended, nameof(RemovalDecided), Condition: "停止党籍满2年（F-08）"),
        new(LostContactState.Suspended, nameof(RemovalApproved), LostContactState.Removed, "须有除名的决定，上级党委批准（F-08）"),
    ]);

    private static readonly Dictionary<string, Type> Types = new()
    {
        [nameof(Reported)] = typeof(Reported),
        [nameof(SearchLogged)] = typeof(SearchLogged),
        [nameof(Found)] = typeof(Found),
        [nameof(SuspensionDecided)] = typeof(SuspensionDecided),
        [nameof(SuspensionApproved)] = typeof(SuspensionApproved),
        [nameof(RestorationApplied)] = typeof(RestorationApplied),
        [nameof(RestorationApproved)] = typeof(RestorationApproved),
        [nameof(RemovalDecided)] = typeof(RemovalDecided),
        [nameof(RemovalApproved)] = typeof(RemovalApproved),
    };

    public override ProcedureKind Kind => ProcedureKind.LostContact;

    public override Transitions<LostContactState> Table => StateMachine;

    public override IReadOnlyDictionary<string, Type> EventTypes => Types;

    public override LostContactProgress NewProgress() => new();

    protected override IEnumerable<FieldError> Fields(string type, DateOnly date, LostContactEvent data, LostContactProgress p) =>
        LostContactRules.Fields(data, date);

    protected override IEnumerable<Refusal> Rules(string type, DateOnly date, LostContactEvent data, LostContactProgress p, LostContactContext ctx) =>
        LostContactRules.Check(data, date, p, ctx);

    protected override IEnumerable<ProcedureEffect> Effects(string type, DateOnly date, LostContactEvent data, LostContactProgress p,
        LostContactContext ctx)
    {
        switch (data)
        {
            case SuspensionApproved:
                yield return new MemberSuspended(p.MemberId, date);
                break;
            case RestorationApproved:
                yield return new MemberRestored(p.MemberId, date);
                break;
            case RemovalApproved:
                yield return new MemberRemovedAsLapsed(p.MemberId, date);
                break;
        }
    }

    public override IReadOnlyList<ProcedureDeadline> Deadlines(LostContactProgress p) => LostContactRules.Deadlines(p);
}
