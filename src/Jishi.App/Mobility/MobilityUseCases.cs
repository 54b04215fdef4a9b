using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Procedures;
using Jishi.App.Transfers;
using Jishi.Domain.Mobility;
using Jishi.Domain.Organisations;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Mobility;

/// <summary>A mobile member's record as the API and pages show it.</summary>
public sealed record MobilityView(ProcedureView<MobilityProgress, MobilityRecord> Procedure, DateOnly Today)
{
    public ProcedureRecord Head => Procedure.Head;

    public MobilityRecord Record => Procedure.Record;

    public MobilityProgress Progress => Procedure.Progress;

    /// <summary>F-01-mobile-definition: away 6 months or more on <see cref="Today"/>.</summary>
    public bool IsMobile => Progress.IsMobileOn(Today);

    /// <summary>T-13-abroad: the review prompt (WARN) on <see cref="Today"/>, when one is due.</summary>
    public IReadOnlyList<Refusal> Prompts =>
        MobilityRules.AbroadReviewPrompt(Progress, Record.MemberName, Today) is { } prompt ? [prompt] : [];
}

/// <summary>Gathers what a mobile member's rules need: the member's branch and the inflow organisation named.</summary>
public sealed class MobilityFacts(JishiDbContext db, TimeProvider time)
{
    public sealed record Loaded(MobilityContext Context, Organisation FormalOrg, Organisation? InflowOrg);

    public async Task<Loaded> Load(Domain.Members.Member member, string formalOrgId, string? inflowOrgId, CancellationToken ct)
    {
        var ids = new[] { formalOrgId, inflowOrgId }.OfType<string>().Distinct().ToList();
        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var formal = orgs[formalOrgId];
        Organisation? inflow = null;
        if (inflowOrgId is not null && !orgs.TryGetValue(inflowOrgId, out inflow))
        {
            throw new NotFoundException("组织", inflowOrgId, "inflowOrgId");
        }

        return new Loaded(new MobilityContext
        {
            Today = ChinaTime.Today(time),
            MemberName = member.Name,
            MemberHasLeft = member.LeftDate is not null,
            FormalOrg = CaseFacts.ToFacts(formal),
            InflowOrg = inflow is null ? null : CaseFacts.ToFacts(inflow),
        }, formal, inflow);
    }
}

/// <summary>
/// 流出登记 (API.md POST /mobility): a member of the caller's scope leaves the formal branch's activities without a
/// formal transfer; one open record per member (409 with the existing one); the rules of the opening step; the
/// deadlines — in one save.
/// </summary>
public sealed class RegisterOutflow(JishiDbContext db, MobilityFacts facts, TimeProvider time)
{
    public async Task<MobilityView> Handle(NewProcedureEvent<MobilityEvent> input, CancellationToken ct = default)
    {
        db.EnsureCallerCanWrite();
        var opening = (OutflowRegistered)input.Data;
        var errors = MobilityRules.Fields(opening, input.Date).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == opening.MemberId, ct)
            ?? throw new NotFoundException("党员", opening.MemberId, "memberId");
        var open = await db.Mobility.IgnoreQueryFilters().Where(r => r.MemberId == member.Id && r.IsOpen).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            throw new ConflictException($"{member.Name} 已有未结束的流动党员登记", open);
        }

        var loaded = await facts.Load(member, member.OrgId, opening.InflowOrgId, ct);
        var definition = MobilityProcedure.Instance;
        var progress = definition.NewProgress();
        var decision = definition.Decide(progress, input.Type, input.Date, opening, loaded.Context, input.Overrides, input.Exceptions);
        var refusals = ProcedureSteps.Refusals(decision);
        if (refusals.Count > 0)
        {
            throw new RuleViolationException(refusals);
        }

        var (formal, inflow) = (loaded.FormalOrg, loaded.InflowOrg);
        var head = new ProcedureRecord
        {
            Id = Ids.New(time),
            Kind = ProcedureKind.Mobility,
            MemberId = member.Id,
            PersonId = member.PersonId,
            Title = member.Name,
            OrgId = formal.Id,
            OrgPath = formal.Path,
            CounterpartOrgId = inflow?.Id,
            CounterpartOrgPath = inflow?.Path,
            CreatedAt = OpenCase.Truncate(time.GetUtcNow()),
        };
        var record = ProcedureSteps.Commit(db, definition, head, progress, input.Type, input.Date, decision, time);
        var row = new MobilityRecord
        {
            Id = head.Id,
            MemberId = member.Id,
            MemberName = member.Name,
            FormalOrgId = formal.Id,
            FormalOrgPath = formal.Path,
            InflowOrgId = inflow?.Id,
            InflowOrgPath = inflow?.Path,
            InflowOrgName = inflow?.Name,
            LeftDate = input.Date,
            Destination = opening.Destination!.Trim(),
            Reason = opening.Reason!.Trim(),
            Category = opening.Category,
            Phone = opening.Phone,
            AbroadKind = progress.AbroadKind,
        };
        MobilityProjection.Update(row, progress);
        db.Procedures.Add(head);
        db.Mobility.Add(row);
        await ProcedureLog.ReplaceDeadlines(db, head, definition.Deadlines(progress), _ => formal.Path, ct);
        await ProcedureLog.Save(db, $"{member.Name} 的流动党员登记已被同时提交，请刷新后重试", ct);
        return MobilityProjection.View(head, row, [record], progress, ChinaTime.Today(time));
    }
}

/// <summary>
/// Records a step of a mobile member's record: the outflow branch keeps contact, issues and checks the card, records
/// the return; the inflow organisation (when in this system) registers the member, appraises them and records their
/// leaving; If-Match (409); every rule on the step's date (422) — or nothing.
/// </summary>
public sealed class RecordMobilityEvent(JishiDbContext db, MobilityFacts facts, TimeProvider time)
{
    public async Task<MobilityView> Handle(string id, NewProcedureEvent<MobilityEvent> step, int? expectedVersion, CancellationToken ct = default)
    {
        db.EnsureCallerCanWrite();
        var definition = MobilityProcedure.Instance;
        var (head, events, progress) = await ProcedureSteps.Load(db, definition, id, expectedVersion, track: true, "流动党员登记", ct);
        var row = await db.Mobility.IgnoreQueryFilters().FirstAsync(r => r.Id == id, ct);
        var member = await db.Members.IgnoreQueryFilters().AsNoTracking().FirstAsync(m => m.Id == progress.MemberId, ct);
        var named = (step.Data as InflowRegistered)?.InflowOrgId;
        var loaded = await facts.Load(member, row.FormalOrgId, named, ct);
        var decision = definition.Decide(progress, step.Type, step.Date, step.Data, loaded.Context, step.Overrides, step.Exceptions);
        var refusals = ProcedureSteps.Refusals(decision);
        if (Side(step.Type, head, loaded.InflowOrg) is { } wrongSide)
        {
            refusals.Add(wrongSide);
        }

        if (refusals.Count > 0)
        {
            await ProcedureLog.ThrowIfMovedOn(db, head, "流动党员登记", ct);
            throw new RuleViolationException(refusals);
        }

        var record = ProcedureSteps.Commit(db, definition, head, progress, step.Type, step.Date, decision, time);
        if (step.Data is InflowRegistered registered)
        {
            head.CounterpartOrgId = loaded.InflowOrg?.Id;
            head.CounterpartOrgPath = loaded.InflowOrg?.Path;
            row.InflowOrgId = loaded.InflowOrg?.Id;
            row.InflowOrgPath = loaded.InflowOrg?.Path;
            row.InflowOrgName = loaded.InflowOrg?.Name ?? registered.InflowOrgName!.Trim();
        }

        MobilityProjection.Update(row, progress);
        await ProcedureLog.ReplaceDeadlines(db, head, definition.Deadlines(progress), _ => row.FormalOrgPath, ct);
        ProcedureSteps.AuthoriseChanges(db);
        await ProcedureLog.Save(db, "流动党员登记已被他人同时更新，请刷新后重试", ct);
        return MobilityProjection.View(head, row, [.. events, record], progress, ChinaTime.Today(time));
    }

    /// <summary>Who records which step: the inflow organisation, when it is in this system, records its registration,
    /// appraisal and the member's leaving (activity card parts 2 and 3; F-03, F-04); the outflow branch the rest. The
    /// outflow side may also register an inflow organisation it knows of.</summary>
    private Refusal? Side(string type, ProcedureRecord head, Organisation? namedInflow)
    {
        if (db.Caller.ScopePath is not { } scope)
        {
            return null;
        }

        bool Reaches(string? path) => path is not null && path.StartsWith(scope, StringComparison.Ordinal);
        if (type == nameof(InflowRegistered))
        {
            return Reaches(head.OrgPath) || Reaches(namedInflow?.Path) ? null : Refusal.Block(RuleIds.F01MobileDefinition, "《党员教育管理工作条例》第三十二条",
                "流入登记应由流入地党组织或流出地党支部记录，您不在二者的权限范围内");
        }

        if (MobilityProcedure.InflowSteps.Contains(type) && head.CounterpartOrgPath is not null)
        {
            return Reaches(head.CounterpartOrgPath) ? null : Refusal.Block(type == nameof(InflowAppraised) ? RuleIds.F04InflowAppraisal : RuleIds.F03ActivityCard,
                "《党员教育管理工作条例》第三十二条", $"{type} 应由流入地党组织记录，您不在流入地党组织的权限范围内");
        }

        return Reaches(head.OrgPath) ? null : Refusal.Block(RuleIds.F02Contact, "《党员教育管理工作条例》第三十二条",
            $"{type} 应由党员正式组织关系所在的党组织记录");
    }
}

public sealed class GetMobility(JishiDbContext db, TimeProvider time)
{
    public async Task<MobilityView> Handle(string id, CancellationToken ct = default)
    {
        var (head, events, progress) = await ProcedureSteps.Load(db, MobilityProcedure.Instance, id, null, track: false, "流动党员登记", ct);
        var row = await db.Mobility.IgnoreQueryFilters().AsNoTracking().FirstAsync(r => r.Id == id, ct);
        return MobilityProjection.View(head, row, events, progress, ChinaTime.Today(time));
    }
}

/// <summary>The 流出 (Outflow: the member's formal organisation is the one given or below it) and 流入 (Inflow: the
/// inflow organisation is) registers, by state; open records only unless a state is asked for.</summary>
public sealed class ListMobility(JishiDbContext db)
{
    public async Task<(IReadOnlyList<MobilityRecord> Items, int Total)> Handle(string? orgId, string? direction, MobilityState? state,
        int page, int pageSize, CancellationToken ct = default)
    {
        if (direction is not (null or "" or "Outflow" or "Inflow"))
        {
            throw new InvalidInputException("direction", $"“{direction}”不是有效值；应为 Outflow（流出）或 Inflow（流入）");
        }

        var rows = db.Mobility.AsNoTracking();
        string? from = null;
        if (!string.IsNullOrWhiteSpace(orgId))
        {
            var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) ?? throw new NotFoundException("组织", orgId, "orgId");
            from = org.Path;
        }
        else if (direction is "Outflow" or "Inflow")
        {
            from = db.Caller.ScopePath;
        }

        if (from is not null)
        {
            var upper = Organisation.SubtreeUpperBound(from);
            rows = direction switch
            {
                "Inflow" => rows.Where(r => r.InflowOrgPath != null && r.InflowOrgPath.CompareTo(from) >= 0 && r.InflowOrgPath.CompareTo(upper) < 0),
                "Outflow" => rows.Where(r => r.FormalOrgPath.CompareTo(from) >= 0 && r.FormalOrgPath.CompareTo(upper) < 0),
                _ => rows.Where(r => (r.InflowOrgPath != null && r.InflowOrgPath.CompareTo(from) >= 0 && r.InflowOrgPath.CompareTo(upper) < 0)
                    || (r.FormalOrgPath.CompareTo(from) >= 0 && r.FormalOrgPath.CompareTo(upper) < 0)),
            };
        }

        rows = state is null ? rows.Where(r => r.IsOpen) : rows.Where(r => r.State == state);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(r => r.LeftDate).ThenByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }
}

public sealed class VerifyMobilityIntegrity(JishiDbContext db)
{
    public async Task<VerifyCaseIntegrity.Result> Handle(string id, CancellationToken ct = default)
    {
        var (head, events) = await ProcedureLog.Load(db, ProcedureKind.Mobility, id, track: false, "流动党员登记", ct);
        return ProcedureLog.Verify(head, events);
    }
}

internal static class MobilityProjection
{
    public static void Update(MobilityRecord r, MobilityProgress p)
    {
        r.State = p.State;
        r.IsOpen = p.IsOpen;
        r.ActivityCardNo = p.ActivityCardNo;
        r.InflowDate = p.InflowDate;
        r.LastContactDate = p.LastContactDate;
        r.ClosedDate = p.ClosedDate;
        r.AbroadReviewedDate = p.AbroadReviewedDate;
    }

    public static MobilityView View(ProcedureRecord head, MobilityRecord row, IReadOnlyList<ProcedureEventRecord> events, MobilityProgress p, DateOnly today) =>
        new(ProcedureSteps.View(MobilityProcedure.Instance, head, row, events, p), today);
}
