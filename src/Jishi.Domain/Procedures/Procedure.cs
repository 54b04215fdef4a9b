using Jishi.Domain.Development;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Procedures;

/// <summary>A recorded step of a procedure: its sequence number, type tag, date, its own typed fields, and the overrides
/// and exceptions it passed.</summary>
public sealed record ProcedureEvent<TEvent>(int Seq, string Type, DateOnly Date, TEvent Data, IReadOnlyList<Override> Overrides,
    IReadOnlyList<RuleException> Exceptions)
    where TEvent : class;

/// <summary>A deadline of a procedure: the rule it comes from, its due date, when the step it asks for was recorded
/// (null while outstanding), and the organisation that owes it when that is not the procedure's own (e.g. the
/// receiving committee's 回执, T-07).</summary>
public sealed record ProcedureDeadline(string Rule, DateOnly DueDate, DateOnly? CompletedDate, string? HolderOrgId = null)
{
    public bool Satisfied => CompletedDate <= DueDate;

    public bool Outstanding => CompletedDate is null;
}

/// <summary>A named side effect of an accepted step (a member moved, a serial issued), carried out by the
/// application in the same transaction as the step. Each procedure declares its own.</summary>
public abstract record ProcedureEffect;

/// <summary>What every procedure's rules are given besides the step: the China date of today (G-05).</summary>
public interface IProcedureContext
{
    DateOnly Today { get; }
}

/// <summary>The engine's answer to a proposed step of any procedure.</summary>
public sealed record ProcedureDecision<TEvent>(
    IReadOnlyList<FieldError> Errors,
    IReadOnlyList<Refusal> Refusals,
    TEvent Data,
    IReadOnlyList<Override> AcceptedOverrides,
    IReadOnlyList<RuleException> AcceptedExceptions,
    IReadOnlyList<ProcedureEffect> Effects)
{
    public bool IsAccepted => Errors.Count == 0 && Refusals.Count == 0;
}

/// <summary>
/// The progress of one procedure, derived only by replaying its recorded steps: the state moves through the
/// procedure's transition table alone; a procedure's own subclass keeps the facts its steps establish (dates,
/// counterparts) and never touches the state.
/// </summary>
public abstract class ProcedureProgress<TState, TEvent>(Transitions<TState> table)
    where TState : struct, Enum
    where TEvent : class
{
    private readonly List<ProcedureEvent<TEvent>> events = [];

    public TState State { get; private set; } = table.Initial;

    public IReadOnlyList<ProcedureEvent<TEvent>> Events => events;

    public int NextSeq => events.Count + 1;

    public IEnumerable<ProcedureEvent<TEvent>> Of(string type) => events.Where(e => e.Type == type);

    public ProcedureEvent<TEvent>? Last(string type) => events.LastOrDefault(e => e.Type == type);

    /// <summary>Applies an accepted step. A step the table does not allow here is a programming error.</summary>
    public void Apply(ProcedureEvent<TEvent> e)
    {
        if (events.Count == 0)
        {
            if (e.Type != table.OpeningEvent)
            {
                throw new InvalidOperationException($"a procedure opens with {table.OpeningEvent}, not {e.Type}");
            }
        }
        else
        {
            var t = table.Find(State, e.Type, (e.Data as IHasOutcome)?.Outcome)
                ?? throw new InvalidOperationException($"{e.Type} is not allowed at {State}");
            State = t.To ?? State;
        }

        events.Add(e);
        Record(e);
    }

    /// <summary>The facts the step establishes (dates, names); the state has already moved.</summary>
    protected abstract void Record(ProcedureEvent<TEvent> e);
}

/// <summary>
/// A statutory procedure as it plugs into the engine: its kind, its transition table, its event types (each its own
/// record, tagged by <c>type</c>), the fields each needs (400), its rules by date (422 with every refusal), its
/// deadlines and the named effects of its steps. The engine does the rest the same way for every procedure: the
/// table, the gate of overrides and exceptions, G-05, the hash chain and storage (Jishi.App.Procedures).
/// </summary>
public abstract class Procedure<TState, TEvent, TProgress, TContext>
    where TState : struct, Enum
    where TEvent : class
    where TProgress : ProcedureProgress<TState, TEvent>
    where TContext : IProcedureContext
{
    public abstract ProcedureKind Kind { get; }

    public abstract Transitions<TState> Table { get; }

    /// <summary>Every event type of the procedure: its tag (as posted and stored) and its record type.</summary>
    public abstract IReadOnlyDictionary<string, Type> EventTypes { get; }

    public abstract TProgress NewProgress();

    public TProgress Replay(IEnumerable<ProcedureEvent<TEvent>> recorded)
    {
        var p = NewProgress();
        foreach (var e in recorded)
        {
            p.Apply(e);
        }

        return p;
    }

    /// <summary>The fields a step needs, judged on the step alone (400).</summary>
    protected abstract IEnumerable<FieldError> Fields(string type, DateOnly date, TEvent data, TProgress p);

    /// <summary>Every rule that applies to the step on its date, at its severity.</summary>
    protected abstract IEnumerable<Refusal> Rules(string type, DateOnly date, TEvent data, TProgress p, TContext ctx);

    /// <summary>The named side effects of an accepted step.</summary>
    protected virtual IEnumerable<ProcedureEffect> Effects(string type, DateOnly date, TEvent data, TProgress p, TContext ctx) => [];

    /// <summary>The deadlines that apply to the procedure now.</summary>
    public abstract IReadOnlyList<ProcedureDeadline> Deadlines(TProgress p);

    /// <summary>Decides whether a step may be recorded: fields (400), the table, G-05, the procedure's rules and the
    /// gate; all refusals together; the effects of an accepted step.</summary>
    public ProcedureDecision<TEvent> Decide(TProgress p, string type, DateOnly date, TEvent data, TContext ctx,
        IReadOnlyList<Override>? overrides = null, IReadOnlyList<RuleException>? exceptions = null)
    {
        overrides ??= [];
        exceptions ??= [];
        var errors = new List<FieldError>();
        if (!EventTypes.TryGetValue(type, out var recordType) || recordType != data.GetType())
        {
            errors.Add(new FieldError("type", $"“{type}”不是{Kind}的事件类型；应为 {string.Join("、", EventTypes.Keys)} 之一"));
        }
        else
        {
            errors.AddRange(Fields(type, date, data, p));
        }

        errors.AddRange(Gate.Validate(overrides, exceptions));
        if (errors.Count > 0)
        {
            return new ProcedureDecision<TEvent>(errors, [], data, [], [], []);
        }

        var opening = p.Events.Count == 0;
        if (!opening && type != Table.OpeningEvent && Table.Allows(p.State, type) && Table.Find(p.State, type, (data as IHasOutcome)?.Outcome) is null)
        {
            // The step is legal here but leads somewhere only by its outcome: one it does not branch on is a field error.
            var outcomes = Table.OutcomesAt(p.State, type).ToList();
            return new ProcedureDecision<TEvent>([new FieldError("outcome", $"{type} 在 {p.State} 的结果应为 {string.Join("、", outcomes)} 之一")], [], data, [], [], []);
        }

        if (opening ? type != Table.OpeningEvent : type == Table.OpeningEvent || Table.Find(p.State, type, (data as IHasOutcome)?.Outcome) is null)
        {
            var legal = Table.LegalAt(p.State).ToList();
            var refusal = Refusal.Block(Transitions<TState>.RuleId, "规则目录（状态机）",
                legal.Count == 0 ? $"已结束（{p.State}），不能再记录 {type}" : $"当前状态为 {p.State}，不能记录 {type}；可记录：{string.Join("、", legal)}");
            return new ProcedureDecision<TEvent>([], [refusal], data, [], [], []);
        }

        var refusals = new List<Refusal>();
        if (date > ctx.Today)
        {
            refusals.Add(Refusal.Block(RuleIds.G05Dates, "规则目录 G-05", $"日期 {date:yyyy-MM-dd} 晚于今天（{ctx.Today:yyyy-MM-dd}），不能记录未来的事项"));
        }

        refusals.AddRange(Rules(type, date, data, p, ctx));
        var gate = Gate.Resolve(refusals, overrides, exceptions);
        var effects = gate.Remaining.Count == 0 ? Effects(type, date, data, p, ctx).ToList() : [];
        return new ProcedureDecision<TEvent>([], gate.Remaining, data, gate.UsedOverrides, gate.UsedExceptions, effects);
    }
}
