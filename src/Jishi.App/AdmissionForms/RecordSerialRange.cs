using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.AdmissionForms;

/// <summary>The batch as registered.</summary>
public sealed record SerialRangeRecorded(string Id, string OrgId, string First, string Last, int Count);

/// <summary>A batch of 志愿书 received from the provincial 组织部 (API.md "admission-form-serials").</summary>
public sealed record NewSerialRange(string? OrgId, string? First, string? Last, DateOnly? ReceivedDate, string? Note = null);

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
