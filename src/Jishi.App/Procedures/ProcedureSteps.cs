using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;

namespace Jishi.App.Procedures;

/// <summary>A procedure with its record of steps, the progress they replay to, its deadlines and the next legal steps,
/// beside its query projection.</summary>
public sealed record ProcedureView<TProgress, TRecord>(ProcedureRecord Head, TRecord Record, IReadOnlyList<ProcedureEventRecord> Events,
    TProgress Progress, IReadOnlyList<ProcedureDeadline> Deadlines, IReadOnlyList<string> NextSteps);

/// <summary>
/// The engine's steps that every procedure's use cases share: load and replay (If-Match, 409), refuse with every
/// field error (400) or refusal (422) and nothing changed, commit an accepted step (hashed, applied, state moved).
/// </summary>
public static class ProcedureSteps
{
    public static async Task<(ProcedureRecord Head, List<ProcedureEventRecord> Events, TProgress Progress)> Load<TState, TEvent, TProgress, TContext>(
        JishiDbContext db, Procedure<TState, TEvent, TProgress, TContext> definition, string id, int? expectedVersion, bool track, string resource,
        CancellationToken ct)
        where TState : struct, Enum
        where TEvent : class
        where TProgress : ProcedureProgress<TState, TEvent>
        where TContext : IProcedureContext
    {
        var (head, events) = await ProcedureLog.Load(db, definition.Kind, id, track, resource, ct);
        if (expectedVersion is { } ev && ev != head.Version)
        {
            throw new ConflictException($"{resource}已被他人更新（当前版本 {head.Version}，您看到的是 {ev}），请刷新后重试");
        }

        var progress = definition.Replay(events.Select(e => ProcedureLog.ToEvent<TEvent>(e, definition.EventTypes)));
        return (head, events, progress);
    }

    /// <summary>400 for field errors; the refusals (422) are returned so that a use case can add its own.</summary>
    public static List<Refusal> Refusals<TEvent>(ProcedureDecision<TEvent> decision)
        where TEvent : class
    {
        if (decision.Errors.Count > 0)
        {
            throw new InvalidInputException(decision.Errors);
        }

        return [.. decision.Refusals];
    }

    /// <summary>Appends the accepted step, applies it and moves the head's state.</summary>
    public static ProcedureEventRecord Commit<TState, TEvent, TProgress, TContext>(JishiDbContext db,
        Procedure<TState, TEvent, TProgress, TContext> definition, ProcedureRecord head, TProgress progress, string type, DateOnly date,
        ProcedureDecision<TEvent> decision, TimeProvider time)
        where TState : struct, Enum
        where TEvent : class
        where TProgress : ProcedureProgress<TState, TEvent>
        where TContext : IProcedureContext
    {
        var now = OpenCase.Truncate(time.GetUtcNow());
        var record = ProcedureLog.Append(head, progress.NextSeq, type, date, decision.Data, decision.AcceptedOverrides, decision.AcceptedExceptions,
            db.Caller, now);
        progress.Apply(ProcedureLog.ToEvent<TEvent>(record, definition.EventTypes));
        head.State = progress.State.ToString();
        db.ProcedureEvents.Add(record);
        return record;
    }

    public static ProcedureView<TProgress, TRecord> View<TState, TEvent, TProgress, TContext, TRecord>(
        Procedure<TState, TEvent, TProgress, TContext> definition, ProcedureRecord head, TRecord record, IReadOnlyList<ProcedureEventRecord> events,
        TProgress progress)
        where TState : struct, Enum
        where TEvent : class
        where TProgress : ProcedureProgress<TState, TEvent>
        where TContext : IProcedureContext =>
        new(head, record, events, progress, definition.Deadlines(progress), definition.Table.LegalAt(progress.State).ToList());

    /// <summary>Every row of this unit of work follows from a step the caller was just found entitled to record.</summary>
    public static void AuthoriseChanges(JishiDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries()
                     .Where(e => e.State is Microsoft.EntityFrameworkCore.EntityState.Added or Microsoft.EntityFrameworkCore.EntityState.Modified))
        {
            db.Authorise(entry.Entity);
        }
    }
}
