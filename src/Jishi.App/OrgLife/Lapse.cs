using Jishi.App.Data;
using Jishi.App.Dues;
using Jishi.Domain.Dues;
using Jishi.Domain.Members;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.OrgLife;

public sealed record NewLapseExemption(LapseExemptionKind? Kind, string? From, string? To, string? Reason);

/// <summary>
/// Records a justified reason (正当理由) for a member's months, or that the member is elderly or infirm (L-06): those
/// months do not count toward the M-15 lapse flag (the elderly and infirm are not flagged for organisational life at
/// all while the exemption lasts). Never edited; a later record adds to it.
/// </summary>
public sealed class RecordLapseExemption(JishiDbContext db, TimeProvider time)
{
    public async Task<LapseExemptionRecord> Handle(string memberId, NewLapseExemption input, CancellationToken ct = default)
    {
        var v = new Validation();
        var kind = v.Required("kind", input.Kind, "类别");
        var reason = v.Required("reason", input.Reason, 200, "事由");
        var from = DuesMonth.Parse(input.From);
        if (from is null)
        {
            v.Add("from", $"应为 YYYY-MM 格式的月份，填写的是“{input.From}”");
        }

        var to = input.To is { Length: > 0 } ? DuesMonth.Parse(input.To) : null;
        if (input.To is { Length: > 0 } && to is null)
        {
            v.Add("to", $"应为 YYYY-MM 格式的月份，填写的是“{input.To}”");
        }
        else if (to is { } t && from is { } f && t < f)
        {
            v.Add("to", $"结束月份 {t} 早于开始月份 {f}");
        }

        v.ThrowIfInvalid();
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct) ?? throw new NotFoundException("党员", memberId);
        var record = new LapseExemptionRecord
        {
            Id = Ids.New(time),
            MemberId = member.Id,
            OrgPath = member.OrgPath,
            Kind = kind,
            FromMonth = from!.Value.ToString(),
            ToMonth = to?.ToString(),
            Reason = reason,
            RecordedAt = time.GetUtcNow(),
            RecordedBy = db.Caller.UserId,
        };
        db.LapseExemptions.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }
}

/// <summary>One member's runs on a date (API.md GET /members/lapse).</summary>
public sealed record LapseItem(string MemberId, string Name, string OrgId, LapseLevel Level, IReadOnlyList<LapseGround> Grounds, int Months,
    DuesMonth Since, IReadOnlyList<LapseRun> Runs, IReadOnlyList<string> Exemptions);

public sealed record LapseList(string OrgId, DateOnly AsOf, DuesMonth LastCounted, IReadOnlyList<LapseItem> Items);

/// <summary>
/// M-15-lapse-6-months: the members of an organisation and everything below it who, without a recorded justified
/// reason, have gone six consecutive months without organisational life (from the meetings' rosters) or without paying
/// dues (from the dues book) — and, as the early warning of P-11, those at three. It only flags: nothing is removed,
/// nothing is changed. (Work assigned by the Party is not recorded in the system, so that ground is not judged.)
/// </summary>
public sealed class ListLapse(JishiDbContext db, TimeProvider time)
{
    public async Task<LapseList> Handle(string? orgId, DateOnly? asOf, CancellationToken ct = default)
    {
        var v = new Validation();
        var id = v.Required("orgId", orgId, 20, "组织");
        var today = ChinaTime.Today(time);
        var day = asOf ?? today;
        v.NotAfterToday("asOf", day, today, "统计日期");
        v.ThrowIfInvalid();
        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("组织", id, "orgId");
        var last = LapseRules.LastCounted(day);
        var members = (await GetDuesSheet.Owing(db, org, last, ct))
            .Where(m => m.LeftDate is null && m.Status is MemberStatus.FullMember or MemberStatus.ProbationaryMember).ToList();
        var ids = members.Select(m => m.Id).ToList();
        var book = await DuesBook.LoadSubtreeAsync(db, org, ct);
        var lastDay = last.LastDay;
        var attendance = (await db.Set<MeetingAttendanceRecord>().IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.MemberId))
                .Join(db.Meetings.IgnoreQueryFilters().Where(m => m.Date <= lastDay), a => a.MeetingId, m => m.Id,
                    (a, m) => new { a.MemberId, m.Date, a.Status })
                .ToListAsync(ct))
            .ToLookup(a => a.MemberId);
        var exemptions = (await db.LapseExemptions.IgnoreQueryFilters().AsNoTracking().Where(e => ids.Contains(e.MemberId)).ToListAsync(ct))
            .ToLookup(e => e.MemberId);
        var items = new List<LapseItem>();
        foreach (var m in members)
        {
            var own = exemptions[m.Id].ToList();
            var justified = Months(own.Where(e => e.Kind == LapseExemptionKind.JustifiedReason), last);
            var elderly = Months(own.Where(e => e.Kind == LapseExemptionKind.ElderlyOrInfirm), last);
            var months = attendance[m.Id].GroupBy(a => DuesMonth.Of(a.Date)).ToDictionary(g => g.Key,
                g => g.Any(a => a.Status != AttendanceStatus.Absent) ? MonthAttendance.Took : MonthAttendance.Absent);
            var runs = new List<LapseRun>
            {
                LapseRules.OrgLifeRun(months, last, justified.Union(elderly).ToHashSet()),
                LapseRules.DuesRun(GetDuesSheet.Arrears(book, m, last.AddMonths(1)), last, justified),
            };
            var flagged = runs.Where(r => r.Level is not null).ToList();
            if (flagged.Count == 0)
            {
                continue;
            }

            var level = flagged.Max(r => r.Level!.Value);
            items.Add(new LapseItem(m.Id, m.Name, m.OrgId, level, [.. flagged.Where(r => r.Level == level).Select(r => r.Ground)],
                flagged.Max(r => r.Months), flagged.Min(r => r.Since), flagged,
                [.. own.Select(e => $"{e.FromMonth}～{e.ToMonth ?? "至今"}：{e.Reason}")]));
        }

        return new LapseList(org.Id, day, last, [.. items.OrderByDescending(i => i.Level).ThenByDescending(i => i.Months).ThenBy(i => i.Name, StringComparer.Ordinal)]);
    }

    /// <summary>The months the exemptions cover, up to <paramref name="last"/>.</summary>
    private static HashSet<DuesMonth> Months(IEnumerable<LapseExemptionRecord> records, DuesMonth last)
    {
        var set = new HashSet<DuesMonth>();
        foreach (var e in records)
        {
            var from = DuesMonth.Parse(e.FromMonth)!.Value;
            var to = e.ToMonth is { } t ? DuesMonth.Parse(t)!.Value : last;
            for (var month = from; month <= to && month <= last; month = month.AddMonths(1))
            {
                set.Add(month);
            }
        }

        return set;
    }
}
