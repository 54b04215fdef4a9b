using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.AdmissionForms;

/// <summary>Voiding a serial: the date and the reason (spoiled form, 填写错误 …).</summary>
public sealed record SerialVoid(DateOnly? Date, string? Reason);

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
