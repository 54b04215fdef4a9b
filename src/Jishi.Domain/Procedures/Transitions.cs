using System.Text;

namespace Jishi.Domain.Procedures;

/// <summary>One legal step of a procedure: at <see cref="From"/> the event <see cref="Event"/> may be recorded; it
/// moves the procedure to <see cref="To"/>, or leaves it where it is when <see cref="To"/> is null.</summary>
public sealed record Transition<TState>(TState From, string Event, TState? To = null, string? Condition = null)
    where TState : struct, Enum;

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
        var duplicate = rows.GroupBy(r => (r.From, r.Event)).FirstOrDefault(g => g.Count() > 1);
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

    public Transition<TState>? Find(TState state, string type) =>
        All.FirstOrDefault(t => EqualityComparer<TState>.Default.Equals(t.From, state) && t.Event == type);

    public IEnumerable<string> LegalAt(TState state) =>
        All.Where(t => EqualityComparer<TState>.Default.Equals(t.From, state)).Select(t => t.Event).Distinct();

    /// <summary>The state reached by replaying <paramref name="types"/> from the opening event through the table alone.</summary>
    public TState Replay(IEnumerable<string> types)
    {
        var state = Initial;
        foreach (var type in types)
        {
            var t = Find(state, type) ?? throw new InvalidOperationException($"{type} is not allowed at {state}");
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
            sb.Append($"    {t.From} --> {t.To}: {t.Event}{(t.Condition is null ? "" : " — " + t.Condition)}\n");
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
