using Jishi.App.Data;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.OrgLife;

public sealed record NewAttendance(string? MemberId, AttendanceStatus? Status, string? Reason = null);

public sealed record NewMeeting(string? OrgId, MeetingType? Type, DateOnly? Date, IReadOnlyList<string>? Topics,
    IReadOnlyList<NewAttendance>? Attendance, IReadOnlyList<MeetingType>? Combines = null, IReadOnlyList<string>? Decisions = null,
    string? Minutes = null, string? Place = null);

/// <summary>
/// Records a meeting of organisational life (API.md POST /meetings) with its roster: every member of the organisation
/// on the meeting's date present, on leave (with the reason), absent or excused (L-06, with the reason), no one else
/// (L-02); a committee meeting's decisions only with half its members present (L-03). 应到 / 实到 / 请假 / 缺席 are
/// computed, never typed in. A refused meeting records nothing.
/// </summary>
public sealed class RecordMeeting(JishiDbContext db, TimeProvider time)
{
    public async Task<MeetingRecord> Handle(NewMeeting input, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var v = new Validation();
        var orgId = v.Required("orgId", input.OrgId, 20, "组织");
        var type = v.Required("type", input.Type, "会议类型");
        var date = v.Required("date", input.Date, "会议日期");
        var place = v.Optional("place", input.Place, 100, "地点");
        var minutes = v.Optional("minutes", input.Minutes, 20000, "会议记录");
        var topics = Lines(v, "topics", input.Topics, "议题");
        if (topics.Count == 0)
        {
            v.Add("topics", "至少填写一项议题");
        }

        var decisions = Lines(v, "decisions", input.Decisions, "决定事项");
        var combines = (input.Combines ?? []).Distinct().ToList();
        if (input.Type is { } t && combines.Contains(t))
        {
            v.Add("combines", "同时计入的会议类型不能与会议类型相同");
        }

        var lines = new List<AttendanceLine>();
        var attendance = input.Attendance ?? [];
        if (attendance.Count == 0)
        {
            v.Add("attendance", "须填写签到表（应到党员的出席、请假、缺席情况）");
        }

        for (var i = 0; i < attendance.Count; i++)
        {
            var a = attendance[i];
            var memberId = v.Required($"attendance[{i}].memberId", a.MemberId, 20, "党员");
            var status = v.Required($"attendance[{i}].status", a.Status, "出席情况");
            var reason = v.Optional($"attendance[{i}].reason", a.Reason, 200, "事由");
            if (a.Status is AttendanceStatus.Leave or AttendanceStatus.Excused && reason is null)
            {
                v.Add($"attendance[{i}].reason", a.Status == AttendanceStatus.Leave ? "请假须说明事由" : "不计入应到须说明事由（如年老体弱、长期患病，L-06）");
            }

            lines.Add(new AttendanceLine(memberId, status, reason));
        }

        v.NotAfterToday("date", input.Date, today, "会议日期");
        v.ThrowIfInvalid();

        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) ?? throw new NotFoundException("组织", orgId, "orgId");
        if (WhereHeld(type, org) is { } wrong)
        {
            throw new InvalidInputException("type", wrong);
        }

        var roster = await GetMeetingRoster.OnAsync(db, org, type, date, ct);
        var names = roster.ToDictionary(m => m.Id, m => m.Name);
        var unknown = lines.Select(l => l.MemberId).Where(id => !names.ContainsKey(id)).Distinct().ToList();
        foreach (var m in await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => unknown.Contains(m.Id)).Select(m => new { m.Id, m.Name })
                     .ToListAsync(ct))
        {
            names[m.Id] = m.Name;
        }

        var refusals = OrgLifeRules.CheckRoster(type, lines, roster.Select(m => m.Id).ToHashSet(), names, decisions.Count > 0).ToList();
        if (refusals.Count > 0)
        {
            throw new RuleViolationException(refusals);
        }

        var counts = AttendanceCounts.Of(lines);
        var id = Ids.New(time);
        var meeting = new MeetingRecord
        {
            Id = id,
            OrgId = org.Id,
            OrgPath = org.Path,
            Type = type,
            Combines = string.Join(",", combines),
            Date = date,
            Place = place,
            Topics = string.Join("\n", topics),
            Decisions = decisions.Count > 0 ? string.Join("\n", decisions) : null,
            Minutes = minutes,
            Expected = counts.Expected,
            Present = counts.Present,
            Leave = counts.Leave,
            Absent = counts.Absent,
            Excused = counts.Excused,
            Attendance = [.. lines.Select(l => new MeetingAttendanceRecord
            {
                MeetingId = id, MemberId = l.MemberId, MemberName = names[l.MemberId], Status = l.Status, Reason = l.Reason,
            })],
            RecordedAt = time.GetUtcNow(),
            RecordedBy = db.Caller.UserId,
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    /// <summary>Where each type of meeting is held: a cell's meeting in a party cell; a committee meeting in a branch
    /// with a committee; the others in a branch-like organisation.</summary>
    public static string? WhereHeld(MeetingType type, Organisation org) => type switch
    {
        MeetingType.CellMeeting => org.Type == OrgType.PartyCell ? null : "党小组会应在党小组记录（orgId 为党小组）",
        MeetingType.BranchCommitteeMeeting when !OrgTypes.BranchLike.Contains(org.Type) || !org.HasCommittee =>
            $"{org.Name}未设支部委员会，不能记录支委会",
        _ when !OrgTypes.BranchLike.Contains(org.Type) =>
            $"{org.Name}（{org.Type.Label()}）不是党支部一类的组织，组织生活在党支部（党总支）记录",
        _ => null,
    };

    private static List<string> Lines(Validation v, string field, IReadOnlyList<string>? items, string label)
    {
        var list = new List<string>();
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (v.Optional($"{field}[{i}]", items![i], 500, label) is { } text)
            {
                list.Add(text);
            }
        }

        return list;
    }
}
