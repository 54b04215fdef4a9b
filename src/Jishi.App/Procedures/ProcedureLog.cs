using System.Text.Json;
using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Procedures;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Procedures;

/// <summary>
/// The engine's storage, the same for every procedure: load a procedure's head and events (in the caller's scope),
/// append a step with its hash (the canonical form of <see cref="CaseJson"/>), keep the deadlines table in step, verify
/// the chain, and save with the version check (409 for the loser of a race).
/// </summary>
public static class ProcedureLog
{
    /// <summary>The catalog version the management procedures are judged by (MANAGEMENT.md "Version 1").</summary>
    public const string RulesVersion = "Management1";

    public static async Task<(ProcedureRecord Head, List<ProcedureEventRecord> Events)> Load(JishiDbContext db, ProcedureKind kind, string id,
        bool track, string resource, CancellationToken ct)
    {
        var heads = track ? db.Procedures : db.Procedures.AsNoTracking();
        var head = await heads.FirstOrDefaultAsync(p => p.Id == id && p.Kind == kind, ct) ?? throw new NotFoundException(resource, id);
        var events = await db.ProcedureEvents.AsNoTracking().Where(e => e.ProcedureId == id).OrderBy(e => e.Seq).ToListAsync(ct);
        if (events.Count != head.EventCount)
        {
            // Another writer committed between the two reads: this one saw an older head.
            throw new ConflictException($"{resource}已被他人同时更新，请刷新后重试");
        }

        return (head, events);
    }

    /// <summary>A refusal judged on what this request read is a 409 when another writer committed meanwhile (the
    /// reads of the head, the events and the facts may straddle that commit).</summary>
    public static async Task ThrowIfMovedOn(JishiDbContext db, ProcedureRecord head, string resource, CancellationToken ct)
    {
        if (await db.Procedures.AsNoTracking().Where(p => p.Id == head.Id).Select(p => p.Version).FirstAsync(ct) != head.Version)
        {
            throw new ConflictException($"{resource}已被他人同时更新，请刷新后重试");
        }
    }

    public static ProcedureEvent<TEvent> ToEvent<TEvent>(ProcedureEventRecord r, IReadOnlyDictionary<string, Type> types)
        where TEvent : class =>
        new(r.Seq, r.Type, r.Date, (TEvent)JsonSerializer.Deserialize(r.DataJson, types[r.Type], CaseJson.Options)!,
            r.OverridesJson == "[]" ? [] : JsonSerializer.Deserialize<List<Override>>(r.OverridesJson, CaseJson.Options)!,
            r.ExceptionsJson == "[]" ? [] : JsonSerializer.Deserialize<List<RuleException>>(r.ExceptionsJson, CaseJson.Options)!);

    /// <summary>Appends an accepted step to <paramref name="head"/>: hashed, chained, the head moved on.</summary>
    public static ProcedureEventRecord Append<TEvent>(ProcedureRecord head, int seq, string type, DateOnly date, TEvent data,
        IReadOnlyList<Override> overrides, IReadOnlyList<RuleException> exceptions, Accounts.Caller caller, DateTimeOffset now)
        where TEvent : class
    {
        var dataJson = JsonSerializer.Serialize(data, data.GetType(), CaseJson.Options);
        var overridesJson = CaseJson.Write(overrides);
        var exceptionsJson = CaseJson.Write(exceptions);
        var prev = seq == 1 ? CaseJson.GenesisHash : head.HeadHash;
        var hash = CaseJson.Hash(prev, head.Id, seq, type, date, now, caller.UserId, RulesVersion, dataJson, overridesJson, exceptionsJson);
        head.HeadHash = hash;
        head.EventCount = seq;
        head.Version = seq;
        head.UpdatedAt = now;
        return new ProcedureEventRecord
        {
            ProcedureId = head.Id,
            Seq = seq,
            Type = type,
            Date = date,
            RecordedAt = now,
            RecordedBy = caller.UserId,
            RecordedByName = caller.DisplayName,
            RulesVersion = RulesVersion,
            DataJson = dataJson,
            OverridesJson = overridesJson,
            ExceptionsJson = exceptionsJson,
            PrevHash = prev,
            Hash = hash,
        };
    }

    public static string Hash(ProcedureEventRecord r) => CaseJson.Hash(r.PrevHash, r.ProcedureId, r.Seq, r.Type, r.Date, r.RecordedAt,
        r.RecordedBy, r.RulesVersion, r.DataJson, r.OverridesJson, r.ExceptionsJson);

    public static VerifyCaseIntegrity.Result Verify(ProcedureRecord head, IReadOnlyList<ProcedureEventRecord> events)
    {
        var (valid, first, headHash) = CaseJson.CheckChain(events, e => e.Seq, e => e.PrevHash, e => e.Hash, Hash, head.HeadHash, head.EventCount);
        return new VerifyCaseIntegrity.Result(valid, events.Count, headHash, first);
    }

    /// <summary>Keeps the indexed deadlines of the procedure in step: the earliest outstanding one of each rule, at the path of the
    /// organisation that owes it (<paramref name="pathOf"/> of its holder; null holder = the procedure's organisation).</summary>
    public static async Task ReplaceDeadlines(JishiDbContext db, ProcedureRecord head, IEnumerable<ProcedureDeadline> deadlines,
        Func<string?, string> pathOf, CancellationToken ct)
    {
        var existing = await db.CaseDeadlines.IgnoreQueryFilters().Where(d => d.CaseId == head.Id).ToListAsync(ct);
        // One row per rule: the earliest outstanding (a rule may owe two things at once, e.g. T-13's contact and review).
        var wanted = deadlines.Where(d => d.Outstanding).GroupBy(d => d.Rule).Select(g => g.MinBy(d => d.DueDate)!).ToDictionary(d => d.Rule);
        foreach (var old in existing)
        {
            // A deadline may be owed by the other side (the receiver's 回执): written under the procedure's authority.
            db.Authorise(old);
            if (wanted.Remove(old.Rule, out var d))
            {
                old.DueDate = d.DueDate;
                old.OrgPath = pathOf(d.HolderOrgId);
            }
            else
            {
                db.CaseDeadlines.Remove(old);
            }
        }

        foreach (var d in wanted.Values)
        {
            var row = new CaseDeadlineRecord { CaseId = head.Id, Kind = head.Kind, Rule = d.Rule, DueDate = d.DueDate, OrgPath = pathOf(d.HolderOrgId) };
            db.Authorise(row);
            db.CaseDeadlines.Add(row);
        }
    }

    /// <summary>Saves the step: a concurrent writer that appended first (same sequence number, moved version) or took
    /// the same unique value makes this one a 409, with nothing changed.</summary>
    public static async Task Save(JishiDbContext db, string conflictMessage, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(conflictMessage);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: "23505" }
                                          or Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 })
        {
            throw new ConflictException(conflictMessage);
        }
    }
}
