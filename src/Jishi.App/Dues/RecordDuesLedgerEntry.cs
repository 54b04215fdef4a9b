using Jishi.App.Data;
using Jishi.Domain.Dues;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Dues;

/// <summary>POST /dues/ledger/entries: interest, a remittance up, an allocation down, or a spending.</summary>
public sealed record NewDuesLedgerEntry(
    string? OrgId,
    DuesLedgerEntryKind? Kind,
    DateOnly? Date,
    decimal? Amount,
    string? Item,
    DuesSpendingCategory? Category = null,
    string? CounterpartOrgId = null,
    string? Voucher = null);

/// <summary>
/// Records a movement of an organisation's dues account. A remittance goes to a higher committee of the organisation
/// (its parent unless named), an allocation to an organisation below it; a spending names its category. Money that
/// is not in the account cannot be remitted, allocated or spent. Entries are never edited (D-18).
/// </summary>
public sealed class RecordDuesLedgerEntry(JishiDbContext db, TimeProvider time)
{
    public async Task<DuesLedgerEntryRecord> Handle(NewDuesLedgerEntry input, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var v = new Validation();
        var orgId = v.Required("orgId", input.OrgId, 20, "组织");
        var kind = v.Required("kind", input.Kind, "类别（Interest 利息、Remitted 上缴、Allocated 下拨、Spent 支出）");
        var date = v.Required("date", input.Date, "日期");
        var amount = DuesMoney.Positive(v, "amount", input.Amount, "金额（元）");
        var item = v.Required("item", input.Item, 200, "摘要");
        var voucher = v.Optional("voucher", input.Voucher, 40, "凭证号");
        if (input.Kind is { } k && !Enum.IsDefined(k))
        {
            v.Add("kind", $"“{k}”不是党费账目的类别");
        }

        if (kind == DuesLedgerEntryKind.Spent && input.Category is null)
        {
            v.Add("category", "支出须填写用途（Training 培训党员、EducationMaterials 党员教育资料、Commendation 表彰、HardshipRelief 补助生活困难党员、DisasterRelief 补助受灾党员）");
        }
        else if (kind != DuesLedgerEntryKind.Spent && input.Category is not null)
        {
            v.Add("category", "只有支出填写用途");
        }

        if (kind is DuesLedgerEntryKind.Interest or DuesLedgerEntryKind.Spent && input.CounterpartOrgId is not null)
        {
            v.Add("counterpartOrgId", "利息和支出没有对方组织");
        }

        v.NotAfterToday("date", input.Date, today, "日期");
        v.ThrowIfInvalid();

        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) ?? throw new NotFoundException("组织", orgId, "orgId");
        Domain.Organisations.Organisation? counterpart = null;
        if (kind is DuesLedgerEntryKind.Remitted or DuesLedgerEntryKind.Allocated)
        {
            var otherId = input.CounterpartOrgId ?? (kind == DuesLedgerEntryKind.Remitted ? org.ParentId : null);
            if (otherId is null)
            {
                throw new InvalidInputException("counterpartOrgId", kind == DuesLedgerEntryKind.Remitted ? $"{org.Name} 没有上级党组织，无处上缴" : "下拨须填写接收的下级组织");
            }

            counterpart = await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Id == otherId, ct)
                ?? throw new NotFoundException("对方组织", otherId, "counterpartOrgId");
            var above = org.Path.StartsWith(counterpart.Path, StringComparison.Ordinal) && counterpart.Id != org.Id;
            var below = counterpart.Path.StartsWith(org.Path, StringComparison.Ordinal) && counterpart.Id != org.Id;
            if (kind == DuesLedgerEntryKind.Remitted && !above)
            {
                throw new InvalidInputException("counterpartOrgId", $"党费上缴给上级党组织：{counterpart.Name} 不是 {org.Name} 的上级");
            }

            if (kind == DuesLedgerEntryKind.Allocated && (!below || await db.Orgs.AsNoTracking().AllAsync(o => o.Id != counterpart.Id, ct)))
            {
                throw new InvalidInputException("counterpartOrgId", $"党费下拨给本组织的下级组织：{counterpart.Name} 不是 {org.Name} 的下级");
            }
        }

        if (kind != DuesLedgerEntryKind.Interest)
        {
            var ledger = await GetDuesLedger.For(db, org, Math.Max(today.Year, date.Year), ct);
            if (amount > ledger.Closing)
            {
                throw new InvalidInputException("amount", $"{org.Name} 党费账户余额 {ledger.Closing:0.00} 元，不足 {amount:0.00} 元");
            }
        }

        var row = new DuesLedgerEntryRecord
        {
            Id = Ids.New(time),
            OrgId = org.Id,
            OrgPath = org.Path,
            Date = date,
            Kind = kind,
            Category = input.Category,
            CounterpartOrgId = counterpart?.Id,
            CounterpartOrgPath = counterpart?.Path,
            Amount = amount,
            Item = item,
            Voucher = voucher,
            RecordedAt = time.GetUtcNow(),
            RecordedBy = db.Caller.UserId,
        };
        db.DuesLedger.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }
}

/// <summary>POST /dues/ledger/entries/{id}/reversal: D-18, a wrong entry is reversed by a counter-entry citing it.</summary>
public sealed class ReverseDuesLedgerEntry(JishiDbContext db, TimeProvider time)
{
    public async Task<DuesLedgerEntryRecord> Handle(string entryId, NewDuesReversal input, CancellationToken ct = default)
    {
        var v = new Validation();
        var date = v.Required("date", input.Date, "冲正日期");
        var reason = v.Required("reason", input.Reason, 150, "冲正原因");
        v.NotAfterToday("date", input.Date, ChinaTime.Today(time), "冲正日期");
        v.ThrowIfInvalid();

        var entry = await db.DuesLedger.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct) ?? throw new NotFoundException("党费账目", entryId);
        if (!await db.Orgs.AsNoTracking().AnyAsync(o => o.Id == entry.OrgId, ct))
        {
            throw new NotFoundException("党费账目", entryId); // the counterpart sees the entry but does not keep that account
        }

        if (entry.ReversesEntryId is not null)
        {
            throw new InvalidInputException("id", "这是一笔冲正记录，不能再冲正；请重新记录正确的账目");
        }

        if (date < entry.Date)
        {
            throw new InvalidInputException("date", $"冲正日期 {date:yyyy-MM-dd} 早于原记账日期 {entry.Date:yyyy-MM-dd}");
        }

        if (await db.DuesLedger.IgnoreQueryFilters().AnyAsync(e => e.ReversesEntryId == entry.Id, ct))
        {
            throw new ConflictException("这笔账目已经冲正");
        }

        var row = new DuesLedgerEntryRecord
        {
            Id = Ids.New(time),
            OrgId = entry.OrgId,
            OrgPath = entry.OrgPath,
            Date = date,
            Kind = entry.Kind,
            Category = entry.Category,
            CounterpartOrgId = entry.CounterpartOrgId,
            CounterpartOrgPath = entry.CounterpartOrgPath,
            Amount = -entry.Amount,
            Item = $"冲正：{reason}",
            Voucher = entry.Voucher,
            ReversesEntryId = entry.Id,
            RecordedAt = time.GetUtcNow(),
            RecordedBy = db.Caller.UserId,
        };
        db.DuesLedger.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("这笔账目已被同时冲正");
        }

        return row;
    }
}

/// <summary>Amounts in 元: positive, at most two decimals (never floating point).</summary>
internal static class DuesMoney
{
    public const decimal Maximum = 999_999_999_999.99m;

    public static decimal Positive(Validation v, string field, decimal? amount, string label)
    {
        if (amount is not { } a)
        {
            v.Add(field, $"必须填写{label}");
            return 0m;
        }

        if (a <= 0 || a > Maximum || decimal.Round(a, 2) != a)
        {
            v.Add(field, $"{label}应为大于 0 的金额，最多两位小数，填写的是 {a}");
        }

        return a;
    }
}
