using Jishi.App.Data;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.OrgLife;

public sealed record NewGrade(string? MemberId, AppraisalGrade? Grade);

public sealed record NewAppraisal(string? OrgId, int? Year, string? DecidedAtMeetingId, IReadOnlyList<NewGrade>? Grades);

/// <summary>
/// Records a year's 民主评议党员 of an organisation (API.md POST /appraisals): the grades decided at a meeting of its
/// committee or assembly (L-05) — without that record the grades are refused, and nothing is recorded. One appraisal
/// per organisation and year. No quota or share of any grade is computed or checked (M-15-no-quota).
/// </summary>
public sealed class RecordAppraisal(JishiDbContext db, TimeProvider time)
{
    public async Task<AppraisalRecord> Handle(NewAppraisal input, CancellationToken ct = default)
    {
        var v = new Validation();
        var orgId = v.Required("orgId", input.OrgId, 20, "组织");
        var year = input.Year is null ? v.Required("year", input.Year, "年度") : v.Year("year", input.Year, default);

        var meetingId = v.Optional("decidedAtMeetingId", input.DecidedAtMeetingId, 20, "评定会议");
        var grades = input.Grades ?? [];
        if (grades.Count == 0)
        {
            v.Add("grades", "至少评定一名党员");
        }

        var lines = new List<(string MemberId, AppraisalGrade Grade)>();
        for (var i = 0; i < grades.Count; i++)
        {
            lines.Add((v.Required($"grades[{i}].memberId", grades[i].MemberId, 20, "党员"), v.Required($"grades[{i}].grade", grades[i].Grade, "等次")));
        }

        v.ThrowIfInvalid();
        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) ?? throw new NotFoundException("组织", orgId, "orgId");
        var meeting = meetingId is null ? null
            : await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId && m.OrgId == org.Id, ct);
        // The branch's members on the day of the meeting (a committee decides for the whole branch).
        var members = meeting is null ? [] : await GetMeetingRoster.OnAsync(db, org, meeting.Type, meeting.Date, ct);
        var ids = lines.Select(l => l.MemberId).Distinct().ToList();
        var names = await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var refusals = AppraisalRules.Check(year, meeting?.CountsFor().ToList(), meeting?.Date, [.. lines.Select(l => l.MemberId)],
            members.Select(m => m.Id).ToHashSet(), names).ToList();
        if (refusals.Count > 0)
        {
            throw new RuleViolationException(refusals);
        }

        if (await db.Appraisals.AnyAsync(a => a.OrgId == org.Id && a.Year == year, ct))
        {
            throw new ConflictException($"{org.Name} {year} 年度的民主评议已经记录");
        }

        var id = Ids.New(time);
        var record = new AppraisalRecord
        {
            Id = id,
            OrgId = org.Id,
            OrgPath = org.Path,
            Year = year,
            DecidedAtMeetingId = meeting!.Id,
            DecidedOn = meeting.Date,
            Grades = [.. lines.Select(l => new AppraisalGradeRecord { AppraisalId = id, MemberId = l.MemberId, MemberName = names[l.MemberId], Grade = l.Grade })],
            RecordedAt = time.GetUtcNow(),
            RecordedBy = db.Caller.UserId,
        };
        db.Appraisals.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }
}

/// <summary>The appraisals of an organisation and everything below it, optionally of one year, with their grades.</summary>
public sealed class ListAppraisals(JishiDbContext db)
{
    public async Task<IReadOnlyList<AppraisalRecord>> Handle(string? orgId, int? year, CancellationToken ct = default)
    {
        var v = new Validation();
        var id = v.Required("orgId", orgId, 20, "组织");
        v.ThrowIfInvalid();
        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("组织", id, "orgId");
        var upper = Domain.Organisations.Organisation.SubtreeUpperBound(org.Path);
        var q = db.Appraisals.AsNoTracking().Include(a => a.Grades).Where(a => a.OrgPath.CompareTo(org.Path) >= 0 && a.OrgPath.CompareTo(upper) < 0);
        if (year is { } y)
        {
            q = q.Where(a => a.Year == y);
        }

        return await q.OrderByDescending(a => a.Year).ThenBy(a => a.OrgPath).ToListAsync(ct);
    }
}

/// <summary>One appraisal with its grades (API.md GET /appraisals/{id}), within the caller's scope.</summary>
public sealed class GetAppraisal(JishiDbContext db)
{
    public async Task<AppraisalRecord> Handle(string id, CancellationToken ct = default) =>
        await db.Appraisals.AsNoTracking().Include(a => a.Grades).FirstOrDefaultAsync(a => a.Id == id, ct)
        ?? throw new NotFoundException("民主评议", id);
}

public sealed record NewTraining(DateOnly? Date, decimal? Hours, string? Subject);

/// <summary>Records hours of 党员教育培训 a member took (L-07).</summary>
public sealed class RecordTraining(JishiDbContext db, TimeProvider time)
{
    public async Task<TrainingRecord> Handle(string memberId, NewTraining input, CancellationToken ct = default)
    {
        var v = new Validation();
        var date = v.Required("date", input.Date, "培训日期");
        var hours = v.Required("hours", input.Hours, "学时");
        var subject = v.Required("subject", input.Subject, 200, "培训内容");
        if (input.Hours is { } h && (h <= 0 || h > 200 || decimal.Round(h, 1) != h))
        {
            v.Add("hours", $"学时应为大于 0、不超过 200 的数，最多一位小数，填写的是 {h}");
        }

        v.NotAfterToday("date", input.Date, ChinaTime.Today(time), "培训日期");
        v.ThrowIfInvalid();
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct) ?? throw new NotFoundException("党员", memberId);
        var record = new TrainingRecord
        {
            Id = Ids.New(time),
            MemberId = member.Id,
            OrgPath = member.OrgPath,
            Date = date,
            Hours = hours,
            Subject = subject,
            RecordedAt = time.GetUtcNow(),
            RecordedBy = db.Caller.UserId,
        };
        db.Training.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }
}

/// <summary>One member's year of training (L-07): hours and whether they fall short of 32.</summary>
public sealed record TrainingLine(string MemberId, string Name, string OrgId, decimal Hours, bool Short, IReadOnlyList<Refusal> Warnings);

public sealed record TrainingYear(string OrgId, int Year, bool YearEnded, IReadOnlyList<TrainingLine> Items);

/// <summary>
/// The training hours of the members of an organisation and everything below it in a year (API.md GET /training):
/// each member's total, and a WARN (L-07) for those below 32 学时 — once the year has ended it is the year's list of
/// members short of it; while it runs it says how far each is.
/// </summary>
public sealed class GetTrainingYear(JishiDbContext db, TimeProvider time)
{
    public async Task<TrainingYear> Handle(string? orgId, int? year, CancellationToken ct = default)
    {
        var v = new Validation();
        var id = v.Required("orgId", orgId, 20, "组织");
        var today = ChinaTime.Today(time);
        var y = v.Year("year", year, today);

        v.ThrowIfInvalid();
        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("组织", id, "orgId");
        var (first, last) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        var members = (await Dues.GetDuesSheet.Owing(db, org, Domain.Dues.DuesMonth.Of(last < today ? last : today), ct))
            .Where(m => m.LeftDate is null).ToList();
        var ids = members.Select(m => m.Id).ToList();
        var hours = (await db.Training.IgnoreQueryFilters().AsNoTracking().Where(t => ids.Contains(t.MemberId) && t.Date >= first && t.Date <= last)
                .Select(t => new { t.MemberId, t.Hours }).ToListAsync(ct))
            .GroupBy(t => t.MemberId).ToDictionary(g => g.Key, g => g.Sum(t => t.Hours));
        var ended = last < today;
        return new TrainingYear(org.Id, y, ended, [.. members.Select(m =>
        {
            var h = hours.GetValueOrDefault(m.Id);
            var isShort = AppraisalRules.TrainingShort(h);
            IReadOnlyList<Refusal> warnings = isShort
                ? [Refusal.Warn(RuleIds.L07TrainingHours, AppraisalRules.TrainingArticle,
                    ended ? $"{y} 年度集中学习培训 {h:0.#} 学时，少于 32 学时" : $"{y} 年度已培训 {h:0.#} 学时，距 32 学时尚差 {AppraisalRules.YearlyTrainingHours - h:0.#} 学时")]
                : [];
            return new TrainingLine(m.Id, m.Name, m.OrgId, h, isShort, warnings);
        })]);
    }
}
