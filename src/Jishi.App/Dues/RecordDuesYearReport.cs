using Jishi.App.Data;
using Jishi.Domain.Dues;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Dues;

/// <summary>POST /dues/ledger/reports: the year's dues published to the members or reported to the higher committee.</summary>
public sealed record NewDuesYearReport(string? OrgId, int? Year, DuesYearReportKind? Kind, DateOnly? Date, string? Note = null);

/// <summary>
/// D-20-publication-and-report: records that an organisation published its year's dues to the members, or reported
/// them in writing to the higher committee, with the ledger's figures as they stand (kept with the record). Each is
/// recorded once per organisation and year (409 the second time); a report needs a higher committee to go to.
/// </summary>
public sealed class RecordDuesYearReport(JishiDbContext db, TimeProvider time)
{
    public async Task<DuesYearReportRecord> Handle(NewDuesYearReport input, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var v = new Validation();
        var orgId = v.Required("orgId", input.OrgId, 20, "组织");
        var year = v.Required("year", input.Year, "年度");
        var kind = v.Required("kind", input.Kind, "类别（Publication 向党员公布、Report 向上级党组织报告）");
        var date = v.Required("date", input.Date, "日期");
        var note = v.Optional("note", input.Note, 400, "说明");
        if (input.Kind is { } k && !Enum.IsDefined(k))
        {
            v.Add("kind", $"“{k}”不是公布或报告");
        }

        if (input.Year is { } y && (y < 2000 || y > today.Year))
        {
            v.Add("year", $"年度应在 2000 到 {today.Year} 之间，填写的是 {y}");
        }
        else if (input.Year is { } y2 && input.Date is { } d && d < new DateOnly(y2, 12, 1))
        {
            v.Add("date", $"{y2} 年度的党费收缴情况在年底或次年公布、报告：{d:yyyy-MM-dd} 早于 {y2}-12-01");
        }

        v.NotAfterToday("date", input.Date, today, "日期");
        v.ThrowIfInvalid();

        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) ?? throw new NotFoundException("组织", orgId, "orgId");
        if (kind == DuesYearReportKind.Report && org.ParentId is null)
        {
            throw new InvalidInputException("orgId", $"{org.Name} 没有上级党组织，无须报告");
        }

        if (await db.DuesYearReports.AnyAsync(r => r.OrgId == org.Id && r.Year == year && r.Kind == kind, ct))
        {
            throw new ConflictException($"{org.Name} {year} 年度的党费收缴情况已经{(kind == DuesYearReportKind.Report ? "报告" : "公布")}");
        }

        var l = await GetDuesLedger.For(db, org, year, ct);
        var row = new DuesYearReportRecord
        {
            Id = Ids.New(time),
            OrgId = org.Id,
            OrgPath = org.Path,
            Year = year,
            Kind = kind,
            Date = date,
            Note = note,
            Opening = l.Opening,
            Collected = l.Collected,
            Interest = l.Interest,
            ReceivedFromBelow = l.ReceivedFromBelow,
            ReceivedFromAbove = l.ReceivedFromAbove,
            Remitted = l.Remitted,
            Allocated = l.Allocated,
            Spent = l.Spent,
            Closing = l.Closing,
            RecordedAt = time.GetUtcNow(),
            RecordedBy = db.Caller.UserId,
        };
        db.DuesYearReports.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"{org.Name} {year} 年度的党费收缴情况已被同时记录");
        }

        return row;
    }
}
