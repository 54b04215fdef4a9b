using Jishi.App.Data;
using Jishi.App.Members;
using Jishi.Domain.Development;
using Jishi.Domain.Members;
using Jishi.Domain.Membership;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Cases;

/// <summary>A proposed step: its type and date, its fields, and the overrides and exceptions offered with it.</summary>
public sealed record NewCaseEvent(CaseEventType Type, DateOnly Date, EventData Data, IReadOnlyList<Override> Overrides,
    IReadOnlyList<RuleException> Exceptions);

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
                        // The rules found it Available in the register of a committee above the case: it is now this case's.
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
