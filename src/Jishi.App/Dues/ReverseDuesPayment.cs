using Jishi.App.Data;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Dues;

/// <summary>POST /dues/payments/{id}/reversal: why the payment was wrong.</summary>
public sealed record NewDuesReversal(DateOnly? Date, string? Reason);

/// <summary>
/// D-18-immutable-ledger: a wrong payment is never edited or deleted; it is reversed by a counter-entry that cites it
/// (the same months, the negative amount, its own receipt number), after which its months count as unpaid again.
/// A payment is reversed at most once (409), and a counter-entry is not itself reversed.
/// </summary>
public sealed class ReverseDuesPayment(JishiDbContext db, TimeProvider time)
{
    public async Task<DuesPaymentRecord> Handle(string paymentId, NewDuesReversal input, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var v = new Validation();
        var date = v.Required("date", input.Date, "冲正日期");
        var reason = v.Required("reason", input.Reason, 200, "冲正原因");
        v.NotAfterToday("date", input.Date, today, "冲正日期");
        v.ThrowIfInvalid();

        var paid = await db.DuesPayments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, ct)
            ?? throw new NotFoundException("党费交纳记录", paymentId);
        if (paid.ReversesPaymentId is not null)
        {
            throw new InvalidInputException("id", $"{paid.Receipt} 是冲正记录，不能再冲正；请重新记录正确的交纳");
        }

        if (date < paid.PaidDate)
        {
            throw new InvalidInputException("date", $"冲正日期 {date:yyyy-MM-dd} 早于原交纳日期 {paid.PaidDate:yyyy-MM-dd}");
        }

        if (await db.DuesPayments.IgnoreQueryFilters().AnyAsync(p => p.ReversesPaymentId == paid.Id, ct))
        {
            throw new ConflictException($"{paid.Receipt} 已经冲正");
        }

        var row = new DuesPaymentRecord
        {
            Id = Ids.New(time),
            MemberId = paid.MemberId,
            MemberName = paid.MemberName,
            OrgId = paid.OrgId,
            OrgPath = paid.OrgPath,
            PaidDate = date,
            CoversFrom = paid.CoversFrom,
            CoversTo = paid.CoversTo,
            Amount = -paid.Amount,
            DueAmount = -paid.DueAmount,
            VoluntaryExtra = -paid.VoluntaryExtra,
            PaidBy = paid.PaidBy,
            PayerName = paid.PayerName,
            Method = paid.Method,
            Note = $"冲正 {paid.Receipt}：{reason}",
            ReversesPaymentId = paid.Id,
            RecordedAt = time.GetUtcNow(),
            RecordedBy = db.Caller.UserId,
        };
        return await DuesReceipts.SaveAsync(db, row, ct);
    }
}
