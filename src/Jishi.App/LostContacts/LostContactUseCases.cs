using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Members;
using Jishi.App.Procedures;
using Jishi.App.Transfers;
using Jishi.Domain.LostContacts;
using Jishi.Domain.Members;
using Jishi.Domain.Membership;
using Jishi.Domain.Organisations;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.LostContacts;

/// <summary>A lost-contact case as the API and pages show it.</summary>
public sealed record LostContactView(ProcedureView<LostContactProgress, LostContactRecord> Procedure)
{
    public ProcedureRecord Head => Procedure.Head;

    public LostContactRecord Record => Procedure.Record;

    public LostContactProgress Progress => Procedure.Progress;
}

/// <summary>Gathers what a lost-contact case's rules need: the member's organisation chain and the organisation a step names.</summary>
public sealed class LostContactFacts(JishiDbContext db, TimeProvider time)
{
    public sealed record Loaded(LostContactContext Context, Organisation MemberOrg);

    public async Task<Loaded> Load(Member member, string? namedOrgId, string? namedField, CancellationToken ct)
    {
        var memberOrg = await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == member.OrgId, ct);
        var chainIds = memberOrg.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse().ToList();
        var ids = chainIds.Concat(new[] { namedOrgId }.OfType<string>()).Distinct().ToList();
        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        if (namedOrgId is not null && !orgs.ContainsKey(namedOrgId))
        {
            throw new NotFoundException("组织", namedOrgId, namedField);
        }

        return new Loaded(new LostContactContext
        {
            Today = ChinaTime.Today(time),
            MemberName = member.Name,
            MemberStatus = member.Status,
            MemberHasLeft = member.LeftDate is not null,
            MemberOrgChain = chainIds.Where(orgs.ContainsKey).Select(id => CaseFacts.ToFacts(orgs[id])).ToList(),
            NamedOrg = namedOrgId is null ? null : CaseFacts.ToFacts(orgs[namedOrgId]),
        }, memberOrg);
    }

    public static (string? Id, string? Field) NamedOrg(LostContactEvent e) => e switch
    {
        SuspensionDecided d => (d.DecidingOrgId, "decidingOrgId"),
        RemovalDecided d => (d.DecidingOrgId, "decidingOrgId"),
        SuspensionApproved a => (a.ApprovingOrgId, "approvingOrgId"),
        RestorationApproved a => (a.ApprovingOrgId, "approvingOrgId"),
        RemovalApproved a => (a.ApprovingOrgId, "approvingOrgId"),
        _ => (null, null),
    };
}

/// <summary>登记失联党员 (API.md POST /lost-contacts): one open case per member (409 with the existing one).</summary>
public sealed class ReportLostContact(JishiDbContext db, LostContactFacts facts, TimeProvider time)
{
    public async Task<LostContactView> Handle(NewProcedureEvent<LostContactEvent> input, CancellationToken ct = default)
    {
        db.EnsureCallerCanWrite();
        var opening = (Reported)input.Data;
        var errors = LostContactRules.Fields(opening, input.Date).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == opening.MemberId, ct)
            ?? throw new NotFoundException("党员", opening.MemberId, "memberId");
        var open = await db.LostContacts.IgnoreQueryFilters().Where(r => r.MemberId == member.Id && r.IsOpen).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            throw new ConflictException($"{member.Name} 已有未结束的失联党员登记", open);
        }

        var loaded = await facts.Load(member, null, null, ct);
        var definition = LostContactProcedure.Instance;
        var progress = definition.NewProgress();
        var decision = definition.Decide(progress, input.Type, input.Date, opening, loaded.Context, input.Overrides, input.Exceptions);
        var refusals = ProcedureSteps.Refusals(decision);
        if (refusals.Count > 0)
        {
            throw new RuleViolationException(refusals);
        }

        var org = loaded.MemberOrg;
        var head = new ProcedureRecord
        {
            Id = Ids.New(time),
            Kind = ProcedureKind.LostContact,
            MemberId = member.Id,
            PersonId = member.PersonId,
            Title = member.Name,
            OrgId = org.Id,
            OrgPath = org.Path,
            CreatedAt = OpenCase.Truncate(time.GetUtcNow()),
        };
        var record = ProcedureSteps.Commit(db, definition, head, progress, input.Type, input.Date, decision, time);
        var row = new LostContactRecord
        {
            Id = head.Id,
            MemberId = member.Id,
            MemberName = member.Name,
            OrgId = org.Id,
            OrgPath = org.Path,
            LostSinceDate = progress.LostSinceDate,
            Circumstance = progress.Circumstance,
        };
        LostContactProjection.Update(row, progress);
        db.Procedures.Add(head);
        db.LostContacts.Add(row);
        await ProcedureLog.ReplaceDeadlines(db, head, definition.Deadlines(progress), _ => org.Path, ct);
        await ProcedureLog.Save(db, $"{member.Name} 的失联党员登记已被同时提交，请刷新后重试", ct);
        return new LostContactView(ProcedureSteps.View(definition, head, row, [record], progress));
    }
}

/// <summary>
/// Records a step of a lost-contact case: search, found, 停止党籍 decided and approved (F-05), restoration applied and
/// approved (F-07), removal decided and approved (F-08); the named effects on the member (history, voters) in the
/// same transaction; If-Match (409); every rule on the step's date (422) — or nothing.
/// </summary>
public sealed class RecordLostContactEvent(JishiDbContext db, LostContactFacts facts, TimeProvider time)
{
    public async Task<LostContactView> Handle(string id, NewProcedureEvent<LostContactEvent> step, int? expectedVersion, CancellationToken ct = default)
    {
        db.EnsureCallerCanWrite();
        var definition = LostContactProcedure.Instance;
        var (head, events, progress) = await ProcedureSteps.Load(db, definition, id, expectedVersion, track: true, "失联党员登记", ct);
        var row = await db.LostContacts.FirstAsync(r => r.Id == id, ct);
        var member = await db.Members.IgnoreQueryFilters().FirstAsync(m => m.Id == progress.MemberId, ct);
        var (namedId, namedField) = LostContactFacts.NamedOrg(step.Data);
        var loaded = await facts.Load(member, namedId, namedField, ct);
        var decision = definition.Decide(progress, step.Type, step.Date, step.Data, loaded.Context, step.Overrides, step.Exceptions);
        var refusals = ProcedureSteps.Refusals(decision);
        if (refusals.Count > 0)
        {
            await ProcedureLog.ThrowIfMovedOn(db, head, "失联党员登记", ct);
            throw new RuleViolationException(refusals);
        }

        var record = ProcedureSteps.Commit(db, definition, head, progress, step.Type, step.Date, decision, time);
        foreach (var effect in decision.Effects)
        {
            var org = loaded.MemberOrg;
            switch (effect)
            {
                case MemberSuspended s:
                    member.SuspendedDate = s.Date;
                    MemberHistoryLog.Add(db, time, member.Id, s.Date, MembershipChange.Suspended, org.Id, org.Path,
                        $"失去联系（自 {progress.LostSinceDate:yyyy-MM-dd}）满6个月，经查找仍无法取得联系，停止党籍", id);
                    break;
                case MemberRestored r:
                    member.SuspendedDate = null;
                    MemberHistoryLog.Add(db, time, member.Id, r.Date, MembershipChange.Restored, org.Id, org.Path, "停止党籍后恢复党籍", id);
                    break;
                case MemberRemovedAsLapsed x:
                    member.LeftDate = x.Date;
                    MemberHistoryLog.Add(db, time, member.Id, x.Date, MembershipChange.Removed, org.Id, org.Path,
                        "停止党籍2年后仍无法取得联系，按照自行脱党予以除名（其中失联）", id);
                    break;
                default:
                    throw new InvalidOperationException($"no handler for the effect {effect.GetType().Name}");
            }
        }

        LostContactProjection.Update(row, progress);
        await ProcedureLog.ReplaceDeadlines(db, head, definition.Deadlines(progress), _ => row.OrgPath, ct);
        await ProcedureLog.Save(db, "失联党员登记已被他人同时更新，请刷新后重试", ct);
        return new LostContactView(ProcedureSteps.View(definition, head, row, [.. events, record], progress));
    }
}

public sealed class GetLostContact(JishiDbContext db)
{
    public async Task<LostContactView> Handle(string id, CancellationToken ct = default)
    {
        var definition = LostContactProcedure.Instance;
        var (head, events, progress) = await ProcedureSteps.Load(db, definition, id, null, track: false, "失联党员登记", ct);
        var row = await db.LostContacts.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        return new LostContactView(ProcedureSteps.View(definition, head, row, events, progress));
    }
}

/// <summary>How long a member has been out of contact, in the bands of Table 43.</summary>
public enum LostContactDuration
{
    /// <summary>不满6个月.</summary>
    UnderSixMonths,

    /// <summary>6个月以上不满1年.</summary>
    SixMonthsToOneYear,

    /// <summary>1—5年.</summary>
    OneToFiveYears,

    /// <summary>6—10年.</summary>
    SixToTenYears,

    /// <summary>11年及以上.</summary>
    ElevenYearsOrMore,
}

/// <summary>The 失联党员 list: open cases (or a state asked for) of an organisation and everything below it, longest
/// lost first, with the duration band of Table 43 on a date.</summary>
public sealed class ListLostContacts(JishiDbContext db, TimeProvider time)
{
    public async Task<(IReadOnlyList<LostContactRecord> Items, int Total)> Handle(string? orgId, LostContactState? state, LostContactDuration? duration,
        int page, int pageSize, CancellationToken ct = default)
    {
        var rows = db.LostContacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(orgId))
        {
            var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) ?? throw new NotFoundException("组织", orgId, "orgId");
            var upper = Organisation.SubtreeUpperBound(org.Path);
            rows = rows.Where(r => r.OrgPath.CompareTo(org.Path) >= 0 && r.OrgPath.CompareTo(upper) < 0);
        }

        rows = state is null ? rows.Where(r => r.IsOpen) : rows.Where(r => r.State == state);
        if (duration is { } band)
        {
            var (from, to) = Band(band, ChinaTime.Today(time));
            rows = rows.Where(r => r.LostSinceDate <= from && r.LostSinceDate > to);
        }

        var total = await rows.CountAsync(ct);
        var items = await rows.OrderBy(r => r.LostSinceDate).ThenBy(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }

    /// <summary>The duration band of a member lost since <paramref name="since"/>, on <paramref name="today"/> (whole
    /// years and months, G-01/G-02).</summary>
    public static LostContactDuration DurationOf(DateOnly since, DateOnly today) =>
        today < since.AddMonths(6) ? LostContactDuration.UnderSixMonths
        : today < since.AddYears(1) ? LostContactDuration.SixMonthsToOneYear
        : today < since.AddYears(6) ? LostContactDuration.OneToFiveYears
        : today < since.AddYears(11) ? LostContactDuration.SixToTenYears
        : LostContactDuration.ElevenYearsOrMore;

    /// <summary>The lost-since dates of a band on <paramref name="today"/>: (latest inclusive, earliest exclusive).</summary>
    private static (DateOnly Latest, DateOnly EarliestExclusive) Band(LostContactDuration band, DateOnly today) => band switch
    {
        LostContactDuration.UnderSixMonths => (today, today.AddMonths(-6)),
        LostContactDuration.SixMonthsToOneYear => (today.AddMonths(-6), today.AddYears(-1)),
        LostContactDuration.OneToFiveYears => (today.AddYears(-1), today.AddYears(-6)),
        LostContactDuration.SixToTenYears => (today.AddYears(-6), today.AddYears(-11)),
        LostContactDuration.ElevenYearsOrMore => (today.AddYears(-11), DateOnly.MinValue),
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, null),
    };
}

public sealed class VerifyLostContactIntegrity(JishiDbContext db)
{
    public async Task<VerifyCaseIntegrity.Result> Handle(string id, CancellationToken ct = default)
    {
        var (head, events) = await ProcedureLog.Load(db, ProcedureKind.LostContact, id, track: false, "失联党员登记", ct);
        return ProcedureLog.Verify(head, events);
    }
}

internal static class LostContactProjection
{
    public static void Update(LostContactRecord r, LostContactProgress p)
    {
        r.State = p.State;
        r.IsOpen = p.IsOpen;
        r.SearchCount = p.SearchCount;
        r.SuspendedDate = p.SuspendedDate;
        r.ClosedDate = p.ClosedDate;
    }
}
