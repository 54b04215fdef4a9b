using System.Text.Json;
using System.Text.Json.Nodes;
using Jishi.App.Data;
using Jishi.App.Members;
using Jishi.Domain.Development;
using Jishi.Domain.Members;
using Jishi.Domain.Membership;
using Jishi.Domain.Organisations;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Cases;

/// <summary>What a client sends to open a case: the application received by an organisation (API.md).</summary>
public sealed record NewCase(string? PersonId, string? OrgId, DateOnly? ApplicationReceivedDate, ReceivingOrgRelation? ReceivingOrgRelation);

/// <summary>A proposed step: its type and date, its fields, and the overrides and exceptions offered with it.</summary>
public sealed record NewCaseEvent(CaseEventType Type, DateOnly Date, EventData Data, IReadOnlyList<Override> Overrides,
    IReadOnlyList<RuleException> Exceptions);

/// <summary>A case with its record of steps, the state they replay to (read it, never apply to it), its current
/// deadlines and the steps that may come next.</summary>
public sealed record CaseView(CaseRecord Case, IReadOnlyList<CaseEventRecord> Events, IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<CaseEventType> NextSteps, CaseState State);

public sealed class OpenCase(JishiDbContext db, TimeProvider time, GetCase get)
{
    public async Task<CaseView> Handle(NewCase input, CancellationToken ct = default)
    {
        var v = new Validation();
        var personId = v.Required("personId", input.PersonId, 20, "申请人");
        var orgId = v.Required("orgId", input.OrgId, 20, "接收申请的党组织");
        var received = v.Required("applicationReceivedDate", input.ApplicationReceivedDate, "收到入党申请书日期");
        var relation = v.Required("receivingOrgRelation", input.ReceivingOrgRelation, "接收组织与申请人的关系");
        v.NotAfterToday("applicationReceivedDate", input.ApplicationReceivedDate, ChinaTime.Today(time), "收到入党申请书日期");
        v.ThrowIfInvalid();

        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw new NotFoundException("人员", personId, "personId");
        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
            ?? throw new NotFoundException("组织", orgId, "orgId");
        var open = await db.Cases.IgnoreQueryFilters().Where(c => c.PersonId == person.Id && c.Status == CaseStatus.Open)
            .Select(c => c.Id).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            throw new ConflictException($"{person.Name} 已有正在办理的发展党员个案", open);
        }

        var personFacts = new Domain.Development.PersonFacts(person.Id, person.Name, person.BirthDate, person.IsMobile,
            person.UnitName, person.UnitHasPartyOrg, person.ExpectedDepartureDate);
        var refusals = ApplicationRules.CheckApplication(personFacts, CaseFacts.ToFacts(org), relation, received).ToList();
        if (!org.Type.ReceivesApplications())
        {
            refusals.Add(Refusal.Block("R-06-where-to-apply", "第六条", $"“{org.Name}”（{org.Type.Label()}）不是接收入党申请的党组织"));
        }

        if (refusals.Count > 0)
        {
            throw new RuleViolationException(refusals);
        }

        var now = Truncate(time.GetUtcNow());
        var record = new CaseRecord
        {
            Id = Ids.New(time),
            PersonId = person.Id,
            PersonName = person.Name,
            OrgId = org.Id,
            OrgPath = org.Path,
            ReceivingOrgRelation = relation,
            ApplicationReceivedDate = received,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var data = new EventData();
        var state = new CaseState();
        var first = CaseLog.Append(record, state, CaseEventType.ApplicationReceived, received, data, [], [], db.Caller, now);
        record.Version = 1;
        db.Cases.Add(record);
        db.CaseEvents.Add(first);
        CaseLog.ReplaceDeadlines(db, record, state, existing: []);
        await db.SaveChangesAsync(ct);
        return await get.Handle(record.Id, ct);
    }

    internal static DateTimeOffset Truncate(DateTimeOffset t) => DateTimeOffset.FromUnixTimeMilliseconds(t.ToUnixTimeMilliseconds());
}

public sealed class GetCase(JishiDbContext db)
{
    public async Task<CaseView> Handle(string id, CancellationToken ct = default)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("个案", id);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Seq).ToListAsync(ct);
        return View(c, events, CaseState.Replay(events.Select(CaseJson.ToEvent)));
    }

    /// <summary>The view of a case from its record and the state replayed from those events.</summary>
    internal static CaseView View(CaseRecord c, IReadOnlyList<CaseEventRecord> events, CaseState state) =>
        new(c, events, Deadlines.Of(state), TransitionTable.LegalAt(state.Stage, state.Status).ToList(), state);
}

/// <summary>Cases of an organisation and everything below it (or the whole scope), filtered by stage and status.</summary>
public sealed class ListCases(JishiDbContext db)
{
    public async Task<(IReadOnlyList<CaseRecord> Items, int Total)> Handle(string? orgId, DevelopmentStage? stage, string? status,
        string? q, int page, int pageSize, CancellationToken ct = default)
    {
        var cases = db.Cases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(orgId))
        {
            var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
                ?? throw new NotFoundException("组织", orgId, "orgId");
            var upper = Organisation.SubtreeUpperBound(org.Path);
            cases = cases.Where(c => c.OrgPath.CompareTo(org.Path) >= 0 && c.OrgPath.CompareTo(upper) < 0);
        }

        if (stage is { } s)
        {
            cases = cases.Where(c => c.Stage == s);
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<CaseStatus>(status, out var st) || !Enum.IsDefined(st) || int.TryParse(status, out _))
            {
                throw new InvalidInputException("status", $"“{status}”不是有效值；应为 {string.Join("、", Enum.GetNames<CaseStatus>())} 之一");
            }

            cases = cases.Where(c => c.Status == st);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            if (term.Length >= 4 && term.All(ch => char.IsAsciiDigit(ch) || ch == 'X'))
            {
                // The last digits of the id number: the people in scope that match, then their cases.
                var people = await db.People.AsNoTracking().Where(p => p.IdNumber.EndsWith(term)).Select(p => p.Id).Take(1000).ToListAsync(ct);
                cases = cases.Where(c => people.Contains(c.PersonId));
            }
            else
            {
                cases = cases.Where(c => c.PersonName.Contains(term));
            }
        }

        var total = await cases.CountAsync(ct);
        var items = await cases.OrderByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }
}

/// <summary>
/// Records a step on a case: checks the fields (400), the version the client saw (If-Match, 409), and every rule
/// that applies on the step's date (422, all refusals together); then appends the event with its hash, updates the
/// projection and the deadlines, and keeps the member registry in step — all in one transaction, or nothing.
/// </summary>
public sealed class RecordCaseEvent(JishiDbContext db, CaseFacts facts, TimeProvider time)
{
    public Task<CaseView> Handle(string caseId, NewCaseEvent step, int? expectedVersion, CancellationToken ct = default) =>
        Handle(caseId, step, expectedVersion, alongside: null, ct);

    /// <summary>Records the step and lets <paramref name="alongside"/> add rows that belong to the appended event (an
    /// attachment's metadata) to the same transaction.</summary>
    public async Task<CaseView> Handle(string caseId, NewCaseEvent step, int? expectedVersion, Action<CaseRecord, CaseEventRecord>? alongside,
        CancellationToken ct)
    {
        var (view, record) = await Stage(caseId, step, expectedVersion, outsideScope: false, ct);
        alongside?.Invoke(view.Case, record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(step.Type == CaseEventType.AdmissionFormIssued
                ? $"志愿书编号 {step.Data.Serial} 已被同时发放或作废，或个案已被他人同时更新，请刷新后重试"
                : "个案已被他人同时更新，请刷新后重试");
        }
        catch (DbUpdateException)
        {
            // A unique key lost a race: the same sequence number (another writer appended first) or the same serial.
            throw new ConflictException(step.Type == CaseEventType.AdmissionFormIssued
                ? $"志愿书编号 {step.Data.Serial} 已被同时发放，或个案已被他人同时更新，请刷新后重试"
                : "个案已被他人同时更新，请刷新后重试");
        }

        return view;
    }

    /// <summary>Everything of recording a step but the save: another procedure's step (a transfer's acceptance, R-34)
    /// stages the case's step in its own transaction. <paramref name="outsideScope"/>: the case is reached through
    /// that procedure, which has checked the caller.</summary>
    internal async Task<(CaseView View, CaseEventRecord Record)> Stage(string caseId, NewCaseEvent step, int? expectedVersion, bool outsideScope,
        CancellationToken ct)
    {
        db.EnsureCallerCanWrite();
        var cases = outsideScope ? db.Cases.IgnoreQueryFilters() : db.Cases;
        var c = await cases.FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("个案", caseId);
        if (expectedVersion is { } ev && ev != c.Version)
        {
            throw new ConflictException($"个案已被他人更新（当前版本 {c.Version}，您看到的是 {ev}），请刷新后重试");
        }

        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Seq).ToListAsync(ct);
        var state = CaseState.Replay(events.Select(CaseJson.ToEvent));
        var ctx = await facts.Load(c, state, step.Type, step.Date, step.Data, ct);
        var missing = CaseFacts.References(step.Data)
            .Where(r => r.IsOrg ? !ctx.Orgs.ContainsKey(r.Id) : !ctx.Members.ContainsKey(r.Id)).ToList();
        if (missing.Count > 0)
        {
            var (field, id, isOrg) = missing[0];
            throw new NotFoundException(isOrg ? "组织" : "党员（党员名册）", id, field);
        }

        var decision = CaseEngine.Decide(state, step.Type, step.Date, step.Data, ctx, step.Overrides, step.Exceptions);
        if (decision.Errors.Count > 0)
        {
            throw new InvalidInputException(decision.Errors);
        }

        if (decision.Refusals.Count > 0)
        {
            throw new RuleViolationException(decision.Refusals);
        }

        var now = OpenCase.Truncate(time.GetUtcNow());
        var record = CaseLog.Append(c, state, step.Type, step.Date, decision.Data, decision.AcceptedOverrides,
            decision.AcceptedExceptions, db.Caller, now);
        db.CaseEvents.Add(record);
        c.Version++;
        c.UpdatedAt = now;
        var existing = await db.CaseDeadlines.IgnoreQueryFilters().Where(d => d.CaseId == c.Id).ToListAsync(ct);
        CaseLog.ReplaceDeadlines(db, c, state, existing);
        await CarryOut(CaseEffects.Of(step.Type, step.Date, decision.Data, state), c, ct);

        // The committed record is what this transaction read and appended: answer from it rather than reading it back.
        return (GetCase.View(c, [.. events, record], state), record);
    }

    /// <summary>Carries out the named effects of the accepted step (<see cref="CaseEffects"/>) in its transaction: a
    /// case that reaches ProbationaryMember or FullMember creates or updates the person's registry entry; a cancelled
    /// probation, a non-recognition or a posthumous admission closes it (never deleted). Each change of the member is
    /// an entry of their history (N-01).</summary>
    private async Task CarryOut(IReadOnlyList<ProcedureEffect> effects, CaseRecord c, CancellationToken ct)
    {
        Member? member = null;
        async Task<Member?> Find() =>
            member ??= db.Members.Local.FirstOrDefault(m => m.PersonId == c.PersonId)
                ?? await db.Members.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.PersonId == c.PersonId, ct);
        async Task<Member> Member() => await Find() ?? throw new InvalidOperationException($"case {c.Id}: the person is not in the registry");

        foreach (var effect in effects)
        {
            switch (effect)
            {
                case AdmissionSerialIssued issued:
                    {
                        // The rules found it Available in the register of a committee above the case (R-18): it is now this case's.
                        var serial = await db.AdmissionFormSerials.IgnoreQueryFilters().FirstAsync(x => x.Serial == issued.Serial, ct);
                        if (serial.State != SerialState.Available)
                        {
                            throw new ConflictException($"志愿书编号 {serial.Serial} 已被同时发放或作废，请刷新后重试");
                        }

                        serial.State = SerialState.Issued;
                        serial.CaseId = c.Id;
                        serial.IssuedDate = issued.Date;
                        break;
                    }

                case CaseMoved moved:
                    {
                        // The receiving organisation may lie outside the sender's scope.
                        var to = await db.Orgs.IgnoreQueryFilters().FirstAsync(o => o.Id == moved.ToOrgId, ct);
                        c.OrgId = to.Id;
                        c.OrgPath = to.Path;
                        foreach (var d in db.CaseDeadlines.Local.Where(d => d.CaseId == c.Id))
                        {
                            d.OrgPath = to.Path;
                        }

                        break;
                    }

                case MemberRegistered registered:
                    {
                        if (await Find() is null)
                        {
                            member = new Member
                            {
                                Id = Ids.New(time),
                                PersonId = c.PersonId,
                                Name = c.PersonName,
                                OrgId = c.OrgId,
                                OrgPath = c.OrgPath,
                                CreatedAt = time.GetUtcNow(),
                            };
                            db.Members.Add(member);
                            History(member, registered.Date, MembershipChange.Admitted, c, registered.Detail);
                        }

                        break;
                    }

                case MembershipEnded ended:
                    {
                        var m = await Member();
                        m.LeftDate ??= ended.Date;
                        History(m, ended.Date, ended.Change, c, null);
                        break;
                    }

                case MemberMovedWithCase moved:
                    {
                        var m = await Member();
                        if (m.OrgId != moved.ToOrgId)
                        {
                            var to = await db.Orgs.IgnoreQueryFilters().FirstAsync(o => o.Id == moved.ToOrgId, ct);
                            History(m, moved.Date, MembershipChange.TransferredOut, c, moved.Detail);
                            m.OrgId = to.Id;
                            m.OrgPath = to.Path;
                            History(m, moved.Date, MembershipChange.TransferredIn, c, moved.Detail);
                        }

                        break;
                    }

                case MemberStandingUpdated standing:
                    {
                        var m = await Member();
                        m.Status = standing.Status;
                        m.ProbationStartDate = standing.ProbationStartDate;
                        m.PartyAgeStartDate = standing.PartyAgeStartDate;
                        if (standing.Change is { } change)
                        {
                            History(m, standing.Date, change, c, standing.Detail);
                        }

                        break;
                    }

                default:
                    throw new InvalidOperationException($"no handler for the effect {effect.GetType().Name}");
            }
        }
    }

    private void History(Member member, DateOnly date, MembershipChange change, CaseRecord c, string? detail) =>
        MemberHistoryLog.Add(db, time, member.Id, date, change, member.OrgId, member.OrgPath, detail, c.Id);
}

/// <summary>Verifies a case's hash chain from the stored rows (API.md "integrity").</summary>
public sealed class VerifyCaseIntegrity(JishiDbContext db)
{
    public sealed record Result(bool Valid, int EventCount, string HeadHash, int? FirstInvalidSeq);

    public async Task<Result> Handle(string caseId, CancellationToken ct = default)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("个案", caseId);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Seq).ToListAsync(ct);
        return Check(c, events);
    }

    /// <summary>The chain of <paramref name="events"/> (in order) recomputed against the case's head.</summary>
    public static Result Check(CaseRecord c, IReadOnlyList<CaseEventRecord> events)
    {
        var (valid, first, head) = CaseJson.CheckChain(events, e => e.Seq, e => e.PrevHash, e => e.Hash, CaseJson.Hash, c.HeadHash, c.EventCount);
        return new Result(valid, events.Count, head, first);
    }
}

/// <summary>Unmet deadlines of open cases in scope that are overdue or due within <c>withinDays</c> of <c>asOf</c>,
/// answered from the indexed deadlines table.</summary>
public sealed class ListAlerts(JishiDbContext db, TimeProvider time)
{
    public sealed record Alert(string CaseId, string Rule, DateOnly DueDate, bool Overdue, Domain.Procedures.ProcedureKind Kind = Domain.Procedures.ProcedureKind.DevelopmentCase);

    public async Task<IReadOnlyList<Alert>> Handle(string? orgId, DateOnly? asOf, int withinDays, CancellationToken ct = default)
    {
        if (withinDays is < 0 or > 366)
        {
            throw new InvalidInputException("withinDays", "应在 0 到 366 之间");
        }

        var day = asOf ?? ChinaTime.Today(time);
        var horizon = day.AddDays(withinDays);
        var deadlines = db.CaseDeadlines.AsNoTracking().Where(d => d.DueDate <= horizon);
        if (!string.IsNullOrWhiteSpace(orgId))
        {
            var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
                ?? throw new NotFoundException("组织", orgId, "orgId");
            var upper = Organisation.SubtreeUpperBound(org.Path);
            deadlines = deadlines.Where(d => d.OrgPath.CompareTo(org.Path) >= 0 && d.OrgPath.CompareTo(upper) < 0);
        }

        var rows = await deadlines.OrderBy(d => d.DueDate).ThenBy(d => d.CaseId).Take(10_000).ToListAsync(ct);
        return rows.Select(d => new Alert(d.CaseId, d.Rule, d.DueDate, d.DueDate < day, d.Kind)).ToList();
    }
}

/// <summary>Appending to the record and keeping the derived rows in step.</summary>
internal static class CaseLog
{
    public static CaseEventRecord Append(CaseRecord c, CaseState state, CaseEventType type, DateOnly date, EventData data,
        IReadOnlyList<Override> overrides, IReadOnlyList<RuleException> exceptions, Accounts.Caller caller, DateTimeOffset now)
    {
        var seq = state.NextSeq;
        var version = RulesVersions.InForceOn(date);
        var dataJson = CaseJson.Write(data);
        var overridesJson = CaseJson.Write(overrides);
        var exceptionsJson = CaseJson.Write(exceptions);
        var prev = seq == 1 ? CaseJson.GenesisHash : c.HeadHash;
        var hash = CaseJson.Hash(prev, c.Id, seq, type, date, now, caller.UserId, version, dataJson, overridesJson, exceptionsJson);
        var record = new CaseEventRecord
        {
            CaseId = c.Id,
            Seq = seq,
            Type = type,
            Date = date,
            RecordedAt = now,
            RecordedBy = caller.UserId,
            RecordedByName = caller.DisplayName,
            RulesVersion = version,
            DataJson = dataJson,
            OverridesJson = overridesJson,
            ExceptionsJson = exceptionsJson,
            PrevHash = prev,
            Hash = hash,
        };
        state.Apply(CaseJson.ToEvent(record));
        c.Project(state);
        c.HeadHash = hash;
        return record;
    }

    public static void ReplaceDeadlines(JishiDbContext db, CaseRecord c, CaseState state, IReadOnlyList<CaseDeadlineRecord> existing)
    {
        // Alerts are for open cases (API.md); a closed case's remaining notices show on its page only.
        var wanted = Deadlines.Of(state).Where(d => d.Outstanding && state.Status == CaseStatus.Open).GroupBy(d => d.Rule).Select(g => g.First())
            .ToDictionary(d => d.Rule);
        foreach (var old in existing)
        {
            if (wanted.Remove(old.Rule, out var d))
            {
                old.DueDate = d.DueDate;
            }
            else
            {
                db.CaseDeadlines.Remove(old);
            }
        }

        foreach (var d in wanted.Values)
        {
            db.CaseDeadlines.Add(new CaseDeadlineRecord { CaseId = c.Id, Rule = d.Rule, DueDate = d.DueDate, OrgPath = c.OrgPath });
        }
    }
}
