using System.Text;

namespace Jishi.Domain.Procedures;

/// <summary>One legal step of a procedure: at <see cref="From"/> the event <see cref="Event"/> may be recorded; it
/// moves the procedure to <see cref="To"/>, or leaves it where it is when <see cref="To"/> is null. A row with an
/// <see cref="Outcome"/> applies only to a step whose own outcome (<see cref="IHasOutcome"/>) is that value, so that
/// where a step leads may depend on what it records (a review corrected or not, a member who withdrew or refused).</summary>
public sealed record Transition<TState>(TState From, string Event, TState? To = null, string? Condition = null, string? Outcome = null)
    where TState : struct, Enum;

/// <summary>A step whose record carries an outcome the transition table branches on (<see cref="Transition{TState}.Outcome"/>);
/// null when the step has none.</summary>
public interface IHasOutcome
{
    string? Outcome { get; }
}

/// <summary>
/// Every legal step of one procedure, declared once. The state of a procedure moves only through this table: a step
/// it does not list is refused (<see cref="RuleId"/>), and each (state, event) pair has exactly one row, so the table
/// alone says where a step leads. The procedure's diagram in docs/workflows is generated from it.
/// </summary>
public sealed class Transitions<TState>
    where TState : struct, Enum
{
    /// <summary>The rule id of a step the table does not allow (the catalog's state machines).</summary>
    public const string RuleId = "CASE-transition";

    public Transitions(TState initial, string openingEvent, IReadOnlyList<Transition<TState>> rows)
    {
        Initial = initial;
        OpeningEvent = openingEvent;
        All = rows;
        var duplicate = rows.GroupBy(r => (r.From, r.Event, r.Outcome)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"{duplicate.Key.Event} has {duplicate.Count()} rows at {duplicate.Key.From}: a step must lead to one state");
        }
    }

    /// <summary>The state a procedure starts in when its opening event is recorded.</summary>
    public TState Initial { get; }

    /// <summary>The event that opens the procedure (recorded by the use case that creates it, never posted).</summary>
    public string OpeningEvent { get; }

    public IReadOnlyList<Transition<TState>> All { get; }

    /// <summary>The row of <paramref name="type"/> at <paramref name="state"/> for the step's <paramref name="outcome"/>:
    /// the row of that outcome, else the row without one.</summary>
    public Transition<TState>? Find(TState state, string type, string? outcome = null) =>
        All.FirstOrDefault(t => EqualityComparer<TState>.Default.Equals(t.From, state) && t.Event == type && t.Outcome == outcome && outcome is not null)
        ?? All.FirstOrDefault(t => EqualityComparer<TState>.Default.Equals(t.From, state) && t.Event == type && t.Outcome is null);

    /// <summary>Whether <paramref name="type"/> has any row at <paramref name="state"/>, whatever its outcome.</summary>
    public bool Allows(TState state, string type) =>
        All.Any(t => EqualityComparer<TState>.Default.Equals(t.From, state) && t.Event == type);

    /// <summary>The outcomes <paramref name="type"/> branches on at <paramref name="state"/> (empty when it does not).</summary>
    public IEnumerable<string> OutcomesAt(TState state, string type) =>
        All.Where(t => EqualityComparer<TState>.Default.Equals(t.From, state) && t.Event == type && t.Outcome is not null).Select(t => t.Outcome!);

    public IEnumerable<string> LegalAt(TState state) =>
        All.Where(t => EqualityComparer<TState>.Default.Equals(t.From, state)).Select(t => t.Event).Distinct();

    /// <summary>The state reached by replaying <paramref name="types"/> from the opening event through the table alone.</summary>
    public TState Replay(IEnumerable<string> types)
    {
        var state = Initial;
        foreach (var step in types)
        {
            // "Type:Outcome" names a step that branches on its outcome.
            var (type, outcome) = step.IndexOf(':', StringComparison.Ordinal) is var i and >= 0 ? (step[..i], step[(i + 1)..]) : (step, null);
            var t = Find(state, type, outcome) ?? throw new InvalidOperationException($"{step} is not allowed at {state}");
            state = t.To ?? state;
        }

        return state;
    }

    /// <summary>The Mermaid state diagram of the table.</summary>
    public string ToMermaid(string generatedFrom)
    {
        var sb = new StringBuilder();
        sb.Append($"%% Generated from {generatedFrom} — do not edit by hand.\n");
        sb.Append("stateDiagram-v2\n");
        sb.Append($"    [*] --> {Initial}: {OpeningEvent}\n");
        foreach (var t in All.Where(t => t.To is not null))
        {
            sb.Append($"    {t.From} --> {t.To}: {t.Event}{(t.Outcome is null ? "" : $" [{t.Outcome}]")}{(t.Condition is null ? "" : " — " + t.Condition)}\n");
        }

        foreach (var state in Enum.GetValues<TState>())
        {
            var steps = All.Where(t => EqualityComparer<TState>.Default.Equals(t.From, state) && t.To is null)
                .Select(t => t.Event).Distinct().ToList();
            if (steps.Count > 0)
            {
                sb.Append($"    note right of {state}\n");
                foreach (var chunk in steps.Chunk(3))
                {
                    sb.Append($"        {string.Join(", ", chunk)}\n");
                }

                sb.Append("    end note\n");
            }
        }

        foreach (var terminal in Enum.GetValues<TState>().Where(s => !All.Any(t => EqualityComparer<TState>.Default.Equals(t.From, s))))
        {
            sb.Append($"    {terminal} --> [*]\n");
        }

        return sb.ToString();
    }
}
