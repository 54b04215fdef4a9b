using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.AdmissionForms;

/// <summary>A batch of 志愿书 received from the provincial 组织部 (API.md "admission-form-serials").</summary>
public sealed record NewSerialRange(string? OrgId, string? First, string? Last, DateOnly? ReceivedDate, string? Note = null);

/// <summary>The batch as registered.</summary>
public sealed record SerialRangeRecorded(string Id, string OrgId, string First, string Last, int Count);

/// <summary>Voiding a serial: the date and the reason (spoiled form, 填写错误 …).</summary>
public sealed record SerialVoid(DateOnly? Date, string? Reason);

/// <summary>
/// Registers a batch of 志愿书 serials received by a committee (R-18-admission-form-issuance, 第四十二条): each serial
/// becomes Available in the committee's register. A batch that repeats any registered serial is refused, naming the
/// first one; the whole batch is stored, or nothing.
/// </summary>
public sealed class RecordSerialRange(JishiDbContext db, TimeProvider time)
{
    public async Task<SerialRangeRecorded> Handle(NewSerialRange input, CancellationToken ct = default)
    {
        db.EnsureCallerCanWrite();
        var v = new Validation();
        var orgId = v.Required("orgId", input.OrgId, 20, "登记的党委");
        var errors = new List<FieldError>();
        var range = SerialRange.Parse(input.First, input.Last, errors);
        foreach (var e in errors)
        {
            v.Add(e.Field, e.Message);
        }

        var received = v.Required("receivedDate", input.ReceivedDate, "收到日期");
        var note = v.Optional("note", input.Note, 200, "备注");
        v.NotAfterToday("receivedDate", input.ReceivedDate, ChinaTime.Today(time), "收到日期");
        v.ThrowIfInvalid();

        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
            ?? throw new NotFoundException("组织", orgId, "orgId");
        if (AdmissionFormRegister.MayHold(CaseFacts.ToFacts(org)) is { } refusal)
        {
            throw new RuleViolationException([refusal]);
        }

        var serials = range!.Serials().ToList();
        var clashes = await db.AdmissionFormSerials.IgnoreQueryFilters().Where(x => serials.Contains(x.Serial))
            .Select(x => x.Serial).ToListAsync(ct);
        if (clashes.Count > 0)
        {
            throw new RuleViolationException([AdmissionFormRegister.Clash(clashes.Min(StringComparer.Ordinal)!, clashes.Count)]);
        }

        var batch = new AdmissionFormBatchRecord
        {
            Id = Ids.New(time),
            OrgId = org.Id,
            OrgPath = org.Path,
            First = range.First,
            Last = range.Last,
            Count = range.Count,
            ReceivedDate = received,
            Note = note,
            RecordedAt = OpenCase.Truncate(time.GetUtcNow()),
            RecordedBy = db.Caller.UserId,
        };
        db.AdmissionFormBatches.Add(batch);
        db.AdmissionFormSerials.AddRange(serials.Select(s => new AdmissionFormSerialRecord
        {
            Serial = s,
            OrgId = org.Id,
            OrgPath = org.Path,
            BatchId = batch.Id,
            State = SerialState.Available,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.AdmissionFormSerials.IgnoreQueryFilters().AnyAsync(x => serials.Contains(x.Serial), ct))
            {
                throw;
            }

            throw new ConflictException($"编号段 {range.First} 至 {range.Last} 中的编号已被同时登记，请刷新后重试");
        }

        return new SerialRangeRecorded(batch.Id, org.Id, range.First, range.Last, range.Count);
    }
}

/// <summary>The register in scope: an organisation and everything below it, by state, by part of the serial.</summary>
public sealed class ListAdmissionFormSerials(JishiDbContext db)
{
    public async Task<(IReadOnlyList<AdmissionFormSerialRecord> Items, int Total)> Handle(string? orgId, string? state, string? q,
        int page, int pageSize, CancellationToken ct = default)
    {
        var serials = db.AdmissionFormSerials.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(orgId))
        {
            var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
                ?? throw new NotFoundException("组织", orgId, "orgId");
            var upper = Organisation.SubtreeUpperBound(org.Path);
            serials = serials.Where(x => x.OrgPath.CompareTo(org.Path) >= 0 && x.OrgPath.CompareTo(upper) < 0);
        }

        if (!string.IsNullOrWhiteSpace(state))
        {
            if (!Enum.TryParse<SerialState>(state, out var st) || !Enum.IsDefined(st) || int.TryParse(state, out _))
            {
                throw new InvalidInputException("state", $"“{state}”不是有效值；应为 {string.Join("、", Enum.GetNames<SerialState>())} 之一");
            }

            serials = serials.Where(x => x.State == st);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            serials = serials.Where(x => x.Serial.Contains(term) || x.CaseId == term);
        }

        var total = await serials.CountAsync(ct);
        var items = await serials.OrderBy(x => x.Serial).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }
}

public sealed class GetAdmissionFormSerial(JishiDbContext db)
{
    public async Task<AdmissionFormSerialRecord> Handle(string serial, CancellationToken ct = default) =>
        await db.AdmissionFormSerials.AsNoTracking().FirstOrDefaultAsync(x => x.Serial == serial, ct)
            ?? throw new NotFoundException("志愿书编号", serial);
}

/// <summary>
/// Voids a serial, Available or Issued (R-18-admission-form-issuance, 第四十二条): a voided serial is never issued again;
/// one that was issued stays with its case, which then needs a new serial before the assembly.
/// </summary>
public sealed class VoidAdmissionFormSerial(JishiDbContext db, TimeProvider time)
{
    public async Task<AdmissionFormSerialRecord> Handle(string serial, SerialVoid input, CancellationToken ct = default)
    {
        db.EnsureCallerCanWrite();
        var v = new Validation();
        var date = v.Required("date", input.Date, "作废日期");
        var reason = v.Required("reason", input.Reason, 200, "作废原因");
        v.NotAfterToday("date", input.Date, ChinaTime.Today(time), "作废日期");
        v.ThrowIfInvalid();

        var record = await db.AdmissionFormSerials.FirstOrDefaultAsync(x => x.Serial == serial, ct)
            ?? throw new NotFoundException("志愿书编号", serial);
        if (record.State == SerialState.Voided)
        {
            throw new ConflictException($"志愿书编号 {serial} 已于 {record.VoidedDate:yyyy-MM-dd} 作废（{record.VoidReason}），不能重复作废");
        }

        if (record.IssuedDate is { } issued && date < issued)
        {
            throw new InvalidInputException("date", $"作废日期 {date:yyyy-MM-dd} 早于发放日期 {issued:yyyy-MM-dd}");
        }

        record.State = SerialState.Voided;
        record.VoidedDate = date;
        record.VoidReason = reason;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"志愿书编号 {serial} 已被同时发放或作废，请刷新后重试");
        }

        return record;
    }
}
