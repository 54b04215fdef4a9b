using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Members;
using Jishi.App.Procedures;
using Jishi.Domain.Development;
using Jishi.Domain.Members;
using Jishi.Domain.Membership;
using Jishi.Domain.Organisations;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;
using Jishi.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Transfers;

/// <summary>What a client sends to issue a transfer (API.md POST /transfers), with the overrides and exceptions offered.</summary>
public sealed record NewTransfer(Issued Letter, DateOnly? IssuedDate, IReadOnlyList<Override> Overrides, IReadOnlyList<RuleException> Exceptions);

/// <summary>A transfer with its record of steps, the progress they replay to, its deadlines and the next legal steps.</summary>
public sealed record TransferView(ProcedureRecord Head, TransferRecord Transfer, IReadOnlyList<ProcedureEventRecord> Events,
    TransferProgress Progress, IReadOnlyList<ProcedureDeadline> Deadlines, IReadOnlyList<string> NextSteps, DateOnly Today)
{
    public TransferState State => Progress.StateOn(Today);
}

/// <summary>
/// Issues a 组织关系介绍信 or 党员证明信 (T-rules): one open Formal transfer per member (T-01, 409 with the existing one),
/// the serial of the issuing committee for the year, the rules of the Issued step, the deadlines — in one save.
/// </summary>
public sealed class IssueTransfer(JishiDbContext db, TransferFacts facts, TimeProvider time)
{
    public async Task<TransferView> Handle(NewTransfer input, CancellationToken ct = default)
    {
        db.EnsureCallerCanWrite();
        var letter = input.Letter;
        var errors = RelationTransferRules.Fields(letter).ToList();
        if (input.IssuedDate is null)
        {
            errors.Add(new FieldError("issuedDate", "必须填写开具日期，格式 YYYY-MM-DD"));
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var date = input.IssuedDate!.Value;
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == letter.MemberId, ct)
            ?? throw new NotFoundException("党员", letter.MemberId, "memberId");
        if (!await db.Orgs.AnyAsync(o => o.Id == letter.IssuingOrgId, ct))
        {
            throw new NotFoundException("组织", letter.IssuingOrgId, "issuingOrgId");
        }

        var loaded = await facts.Load(member, letter.IssuingOrgId!, letter.ToOrgId, null, null, ct);
        var ctx = loaded.Context;

        // T-01-single-relation: at most one open Formal transfer, and one open Certificate, per member.
        var open = await db.Transfers.IgnoreQueryFilters()
            .Where(t => t.MemberId == member.Id && t.IsOpen && t.Kind == letter.Kind).Select(t => t.Id).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            throw new ConflictException($"{member.Name} 已有未办结的{(letter.Kind == TransferKind.Formal ? "组织关系介绍信" : "党员证明信")}（T-01-single-relation）", open);
        }

        var progress = TransferProcedure.Instance.NewProgress();
        var decision = TransferProcedure.Instance.Decide(progress, nameof(Issued), date, letter, ctx, input.Overrides, input.Exceptions);
        if (decision.Errors.Count > 0)
        {
            throw new InvalidInputException(decision.Errors);
        }

        if (decision.Refusals.Count > 0)
        {
            throw new RuleViolationException(decision.Refusals);
        }

        var (issuing, to) = (loaded.Issuing, loaded.To);
        var number = 1 + (await db.Transfers.IgnoreQueryFilters().Where(t => t.IssuingOrgId == issuing.Id && t.SerialYear == date.Year)
            .MaxAsync(t => (int?)t.SerialNo, ct) ?? 0);
        var serial = $"{date.Year}-{number:D4}";
        var stored = letter with { Serial = serial, ValidityDays = letter.ValidityDays ?? RelationTransferRules.DefaultValidityDays };
        var now = OpenCase.Truncate(time.GetUtcNow());
        var head = new ProcedureRecord
        {
            Id = Ids.New(time),
            Kind = ProcedureKind.Transfer,
            MemberId = member.Id,
            PersonId = member.PersonId,
            Title = member.Name,
            OrgId = issuing.Id,
            OrgPath = issuing.Path,
            CounterpartOrgId = to?.Id,
            CounterpartOrgPath = to?.Path,
            CreatedAt = now,
        };
        var record = ProcedureLog.Append(head, 1, nameof(Issued), date, stored, decision.AcceptedOverrides, decision.AcceptedExceptions, db.Caller, now);
        progress.Apply(ProcedureLog.ToEvent<TransferEvent>(record, TransferProcedure.Instance.EventTypes));
        head.State = progress.State.ToString();
        var transfer = new TransferRecord
        {
            Id = head.Id,
            MemberId = member.Id,
            MemberName = member.Name,
            Kind = progress.Kind,
            Serial = serial,
            SerialYear = date.Year,
            SerialNo = number,
            Reason = letter.Reason!.Trim(),
            IssuingOrgId = issuing.Id,
            IssuingOrgPath = issuing.Path,
            FromOrgId = member.OrgId,
            ToOrgId = to?.Id,
            ToOrgPath = to?.Path,
            ToOrgName = to?.Name ?? letter.ToOrgName!.Trim(),
            IssuedDate = date,
            ValidityDays = progress.ValidityDays,
            DuesPaidThrough = letter.DuesPaidThrough!,
        };
        TransferProjection.Update(transfer, progress);
        db.Procedures.Add(head);
        db.ProcedureEvents.Add(record);
        db.Transfers.Add(transfer);
        await ProcedureLog.ReplaceDeadlines(db, head, TransferProjection.Deadlines(head, progress), TransferProjection.PathOf(head), ct);
        await ProcedureLog.Save(db, $"{issuing.Name} {date.Year} 年的介绍信编号或 {member.Name} 的转接已被同时登记，请刷新后重试", ct);
        return TransferProjection.View(head, transfer, [record], progress, ChinaTime.Today(time));
    }
}

/// <summary>
/// Records a step of a transfer: the side that may record it (the receiving organisation receives, accepts, rejects
/// and returns the 回执; the issuing one withdraws and extends), If-Match (409), every rule on the step's date (422);
/// then appends it and carries out its effects — an accepted Formal transfer moves the member, their history and
/// their open probationary development case (T-10, R-34) — all in one transaction, or nothing.
/// </summary>
public sealed class RecordTransferEvent(JishiDbContext db, TransferFacts facts, RecordCaseEvent caseSteps, TimeProvider time)
{
    private static readonly HashSet<string> ReceiverSteps = [nameof(Received), nameof(Accepted), nameof(Rejected), nameof(ReceiptReturned)];

    public async Task<TransferView> Handle(string id, NewProcedureEvent<TransferEvent> step, int? expectedVersion, CancellationToken ct = default)
    {
        db.EnsureCallerCanWrite();
        var (head, events) = await ProcedureLog.Load(db, ProcedureKind.Transfer, id, track: true, "转接", ct);
        if (expectedVersion is { } ev && ev != head.Version)
        {
            throw new ConflictException($"转接已被他人更新（当前版本 {head.Version}，您看到的是 {ev}），请刷新后重试");
        }

        var definition = TransferProcedure.Instance;
        var progress = definition.Replay(events.Select(e => ProcedureLog.ToEvent<TransferEvent>(e, definition.EventTypes)));
        var transfer = await db.Transfers.IgnoreQueryFilters().FirstAsync(t => t.Id == id, ct);
        var member = await db.Members.IgnoreQueryFilters().FirstAsync(m => m.Id == progress.MemberId, ct);
        var accepted = step.Data as Accepted;
        var loaded = await facts.Load(member, progress.IssuingOrgId, progress.ToOrgId, accepted?.AcceptingOrgId, accepted?.BranchId, ct);
        var decision = definition.Decide(progress, step.Type, step.Date, step.Data, loaded.Context, step.Overrides, step.Exceptions);
        if (decision.Errors.Count > 0)
        {
            throw new InvalidInputException(decision.Errors);
        }

        var refusals = decision.Refusals.ToList();
        if (Side(step.Type, progress, head) is { } wrongSide)
        {
            refusals.Add(wrongSide);
        }

        var overrides = decision.AcceptedOverrides;
        var exceptions = decision.AcceptedExceptions;
        if (refusals.Count == 0)
        {
            var caseRefusals = await CarryOut(decision.Effects, loaded.Orgs, transfer, member, step, id, ct);
            refusals.AddRange(caseRefusals);
        }

        if (refusals.Count > 0)
        {
            await ProcedureLog.ThrowIfMovedOn(db, head, "转接", ct);
            throw new RuleViolationException(refusals);
        }

        var now = OpenCase.Truncate(time.GetUtcNow());
        var record = ProcedureLog.Append(head, progress.NextSeq, step.Type, step.Date, step.Data, overrides, exceptions, db.Caller, now);
        progress.Apply(ProcedureLog.ToEvent<TransferEvent>(record, definition.EventTypes));
        head.State = progress.State.ToString();
        db.ProcedureEvents.Add(record);
        TransferProjection.Update(transfer, progress);
        await ProcedureLog.ReplaceDeadlines(db, head, TransferProjection.Deadlines(head, progress), TransferProjection.PathOf(head), ct);

        // Every row of this unit of work follows from the step the caller was just found entitled to record.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            db.Authorise(entry.Entity);
        }

        await ProcedureLog.Save(db, "转接已被他人同时更新（或党员已被同时转接），请刷新后重试", ct);
        return TransferProjection.View(head, transfer, [.. events, record], progress, ChinaTime.Today(time));
    }

    /// <summary>T-03-issuer-and-acceptor: who records which step. Inside the system the receiving organisation's side
    /// records receipt, acceptance, rejection and the 回执; the issuing side withdraws and extends. A letter to an
    /// organisation outside the system is followed up by the issuing side alone.</summary>
    private Refusal? Side(string type, TransferProgress p, ProcedureRecord head)
    {
        var scope = db.Caller.ScopePath;
        if (scope is null)
        {
            return null;
        }

        bool Reaches(string? path) => path is not null && path.StartsWith(scope, StringComparison.Ordinal);
        var receiverSide = ReceiverSteps.Contains(type) && p.IsInsideSystem;
        return receiverSide
            ? Reaches(head.CounterpartOrgPath) ? null : Refusal.Block(RuleIds.T03IssuerAndAcceptor, "《党员教育管理工作条例》第二十五条",
                $"{type} 应由接收组织一方记录，您不在接收组织的权限范围内")
            : Reaches(head.OrgPath) ? null : Refusal.Block(RuleIds.T03IssuerAndAcceptor, "《党员教育管理工作条例》第二十五条",
                $"{type} 应由开具介绍信的党委一方记录");
    }

    /// <summary>The named effects of the step (T-10). Returns the refusals of the development case's own step, if the
    /// member's open probationary case cannot move with them (R-34): then nothing is saved.</summary>
    private async Task<IReadOnlyList<Refusal>> CarryOut(IReadOnlyList<ProcedureEffect> effects, IReadOnlyDictionary<string, Organisation> orgs, TransferRecord transfer,
        Member member, NewProcedureEvent<TransferEvent> step, string procedureId, CancellationToken ct)
    {
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case MemberMoved moved:
                    {
                        var from = await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == member.OrgId, ct);
                        var to = await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == moved.ToOrgId, ct);
                        var detail = $"组织关系介绍信 {transfer.Serial}：由{from.Name}转到{to.Name}";
                        History(member.Id, moved.Date, MembershipChange.TransferredOut, from, detail, procedureId);
                        member.OrgId = to.Id;
                        member.OrgPath = to.Path;
                        History(member.Id, moved.Date, MembershipChange.TransferredIn, to, detail, procedureId);
                        if (member.Status == MemberStatus.ProbationaryMember)
                        {
                            var openCase = await db.Cases.IgnoreQueryFilters().Where(c => c.PersonId == member.PersonId && c.Status == CaseStatus.Open
                                && c.Stage == DevelopmentStage.ProbationaryMember).Select(c => c.Id).FirstOrDefaultAsync(ct);
                            if (openCase is not null)
                            {
                                var caseStep = new NewCaseEvent(CaseEventType.ProbationaryTransferred, moved.Date,
                                    new EventData
                                    {
                                        ToOrgId = to.Id,
                                        ReportedToOriginalOrg = true,
                                        IntroductionProvided = moved.IntroductionProvided,
                                        Note = $"随组织关系转接（介绍信 {transfer.Serial}）",
                                    },
                                    step.Overrides, step.Exceptions);
                                try
                                {
                                    await caseSteps.Stage(openCase, caseStep, null, outsideScope: true, ct);
                                }
                                catch (RuleViolationException e)
                                {
                                    return e.Refusals;
                                }
                            }
                        }

                        break;
                    }

                case MemberLeftSystem left:
                    {
                        var from = await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == member.OrgId, ct);
                        History(member.Id, left.Date, MembershipChange.TransferredOut, from,
                            $"组织关系介绍信 {transfer.Serial}：由{from.Name}转到{left.ToOrgName}（本系统外）", procedureId);
                        member.LeftDate = left.Date;
                        break;
                    }

                default:
                    throw new InvalidOperationException($"no handler for the effect {effect.GetType().Name}");
            }
        }

        return [];
    }

    private void History(string memberId, DateOnly date, MembershipChange change, Organisation org, string detail, string procedureId) =>
        MemberHistoryLog.Add(db, time, memberId, date, change, org.Id, org.Path, detail, procedureId);
}

public sealed class GetTransfer(JishiDbContext db, TimeProvider time)
{
    public async Task<TransferView> Handle(string id, CancellationToken ct = default)
    {
        var (head, events) = await ProcedureLog.Load(db, ProcedureKind.Transfer, id, track: false, "转接", ct);
        var transfer = await db.Transfers.IgnoreQueryFilters().AsNoTracking().FirstAsync(t => t.Id == id, ct);
        var definition = TransferProcedure.Instance;
        var progress = definition.Replay(events.Select(e => ProcedureLog.ToEvent<TransferEvent>(e, definition.EventTypes)));
        return TransferProjection.View(head, transfer, events, progress, ChinaTime.Today(time));
    }
}

/// <summary>The in and out registers: transfers issued by (Out) or addressed to (In) an organisation and everything
/// below it, by state (Expired = open past the expiry date).</summary>
public sealed class ListTransfers(JishiDbContext db, TimeProvider time)
{
    public async Task<(IReadOnlyList<TransferRecord> Items, int Total)> Handle(string? orgId, string? direction, TransferState? state,
        int page, int pageSize, CancellationToken ct = default)
    {
        var rows = db.Transfers.AsNoTracking();
        if (direction is not (null or "" or "In" or "Out"))
        {
            throw new InvalidInputException("direction", $"“{direction}”不是有效值；应为 In（转入）或 Out（转出）");
        }

        if (!string.IsNullOrWhiteSpace(orgId))
        {
            var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) ?? throw new NotFoundException("组织", orgId, "orgId");
            var from = org.Path;
            var upper = Organisation.SubtreeUpperBound(org.Path);
            rows = direction switch
            {
                "In" => rows.Where(t => t.ToOrgPath != null && t.ToOrgPath.CompareTo(from) >= 0 && t.ToOrgPath.CompareTo(upper) < 0),
                "Out" => rows.Where(t => t.IssuingOrgPath.CompareTo(from) >= 0 && t.IssuingOrgPath.CompareTo(upper) < 0),
                _ => rows.Where(t => (t.ToOrgPath != null && t.ToOrgPath.CompareTo(from) >= 0 && t.ToOrgPath.CompareTo(upper) < 0)
                    || (t.IssuingOrgPath.CompareTo(from) >= 0 && t.IssuingOrgPath.CompareTo(upper) < 0)),
            };
        }
        else if (direction is "In" or "Out" && db.Caller.ScopePath is { } scope)
        {
            var upper = Organisation.SubtreeUpperBound(scope);
            rows = direction == "In"
                ? rows.Where(t => t.ToOrgPath != null && t.ToOrgPath.CompareTo(scope) >= 0 && t.ToOrgPath.CompareTo(upper) < 0)
                : rows.Where(t => t.IssuingOrgPath.CompareTo(scope) >= 0 && t.IssuingOrgPath.CompareTo(upper) < 0);
        }

        if (state is { } asked && !Enum.IsDefined(asked))
        {
            throw new InvalidInputException("state", $"“{asked}”不是有效的转接状态");
        }

        var today = ChinaTime.Today(time);
        rows = state switch
        {
            null => rows,
            TransferState.Expired => rows.Where(t => t.IsOpen && t.ExpiryDate < today),
            TransferState.Issued or TransferState.Received => rows.Where(t => t.State == state && t.ExpiryDate >= today),
            TransferState.Accepted or TransferState.Rejected or TransferState.Withdrawn => rows.Where(t => t.State == state),
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
        };
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(t => t.IssuedDate).ThenByDescending(t => t.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }
}

public sealed class VerifyTransferIntegrity(JishiDbContext db)
{
    public async Task<VerifyCaseIntegrity.Result> Handle(string id, CancellationToken ct = default)
    {
        var (head, events) = await ProcedureLog.Load(db, ProcedureKind.Transfer, id, track: false, "转接", ct);
        return ProcedureLog.Verify(head, events);
    }
}

/// <summary>The transfer's projection and view, kept in step with its progress.</summary>
internal static class TransferProjection
{
    public static void Update(TransferRecord t, TransferProgress p)
    {
        t.State = p.State;
        t.IsOpen = p.IsOpen;
        t.ExpiryDate = p.ExpiryDate;
        t.ReceivedDate = p.ReceivedDate;
        t.AcceptedDate = p.AcceptedDate;
        t.ReceiptReturnedDate = p.ReceiptReturnedDate;
    }

    /// <summary>The deadlines of the transfer between its two sides as they stand in the tree now (T-08's escalation
    /// to their common higher organisation).</summary>
    public static IReadOnlyList<ProcedureDeadline> Deadlines(ProcedureRecord head, TransferProgress p) =>
        TransferProcedure.Instance.Deadlines(p, head.OrgPath, head.CounterpartOrgPath);

    /// <summary>The path of the organisation that owes a deadline: the receiving one, the issuing one, or one above
    /// either (the common higher organisation of T-08) — the prefix of the side's path that ends with the holder.</summary>
    public static Func<string?, string> PathOf(ProcedureRecord head) =>
        holder => holder is null ? head.OrgPath : Prefix(head.CounterpartOrgPath, holder) ?? Prefix(head.OrgPath, holder) ?? head.OrgPath;

    private static string? Prefix(string? path, string id)
    {
        var at = path?.IndexOf("/" + id + "/", StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : path![..(at + id.Length + 2)];
    }

    public static TransferView View(ProcedureRecord head, TransferRecord t, IReadOnlyList<ProcedureEventRecord> events, TransferProgress p, DateOnly today) =>
        new(head, t, events, p, Deadlines(head, p), TransferProcedure.StateMachine.LegalAt(p.State).ToList(), today);
}
