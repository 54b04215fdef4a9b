using Jishi.App.Data;
using Jishi.App.OrgLife;
using Jishi.Domain.Dues;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Demo;

/// <summary>
/// Gives the township's branches this year's organisational life, through <see cref="RecordMeeting"/> and its rules:
/// the branches in name order — the first keeps every period (a 主题党日 each month, held with the 支部党员大会 in the
/// first month of each quarter, a 支委会 each month, a 党课 each quarter, the 组织生活会 held with 民主评议 in January);
/// the second misses two committee meetings and the second quarter's lecture; the third begins recording in May, so
/// misses the second quarter's assembly, and misses August's 主题党日; the fourth records nothing (nothing is due of it). On each roster one member is on leave
/// with a reason, one is absent now and then, and in the first branch one elderly member is excused (L-06). In the second
/// branch the last member has been absent from every meeting of the last seven counted months (a 6-month lapse
/// candidate, M-15) and the one before from the last four (an early warning). Dates are relative to today; nothing
/// after today is recorded.
/// </summary>
public sealed class SeedDemoMeetings(JishiDbContext db, TimeProvider time)
{
    /// <summary>The months the second branch's lapse candidate has been absent, up to the last month counted.</summary>
    public const int CandidateMonths = 7;

    /// <summary>The months the second branch's early-warned member has been absent.</summary>
    public const int WarnedMonths = 4;

    /// <summary>The second branch's two members who stop taking part, chosen from its first roster.</summary>
    private (string Candidate, string Warned)? lapsing;

    private static readonly string[] Themes =
    [
        "学习贯彻党的二十届四中全会精神", "重温入党誓词", "学习《中国共产党章程》", "志愿服务进社区", "学习党史：红船精神",
        "开展廉洁教育", "学习《中国共产党纪律处分条例》", "庆祝中国共产党成立纪念日", "结对帮扶困难群众", "学习习近平新时代中国特色社会主义思想",
        "观看警示教育片", "交纳党费、过政治生日",
    ];

    public async Task<int> Handle(CancellationToken ct = default)
    {
        if (await db.Meetings.IgnoreQueryFilters().AnyAsync(ct))
        {
            return 0;
        }

        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var town = orgs.FirstOrDefault(o => o.Type == OrgType.TownshipCommittee && o.HasAdmissionApprovalAuthority);
        if (town is null)
        {
            return 0;
        }

        var branches = orgs.Where(o => o.Type == OrgType.Branch && o.Path.StartsWith(town.Path, StringComparison.Ordinal))
            .OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal).Take(3).ToList();
        var today = ChinaTime.Today(time);
        var recorded = 0;
        for (var b = 0; b < branches.Count; b++)
        {
            var branch = branches[b];
            var firstMonth = b == 2 ? 5 : 1;
            for (var month = firstMonth; month <= 12; month++)
            {
                var quarterStart = month % 3 == 1;
                if (b == 0 && month == 1)
                {
                    recorded += await HoldAsync(branch, b, new DateOnly(today.Year, 1, 15), MeetingType.OrgLifeMeeting,
                        ["召开年度组织生活会，开展批评和自我批评", "民主评议党员"], [MeetingType.DemocraticAppraisal], ct);
                }

                if (!(b == 2 && month == 8))
                {
                    recorded += await HoldAsync(branch, b, new DateOnly(today.Year, month, 10),
                        quarterStart ? MeetingType.BranchAssembly : MeetingType.ThemePartyDay,
                        quarterStart ? [Themes[month - 1], "通报本季度支部工作"] : [Themes[month - 1]],
                        quarterStart ? [MeetingType.ThemePartyDay] : [], ct);
                }

                if (branch.HasCommittee && !(b == 1 && month is 3 or 6))
                {
                    recorded += await HoldAsync(branch, b, new DateOnly(today.Year, month, 5), MeetingType.BranchCommitteeMeeting,
                        [$"研究{month}月份支部工作安排"], [], ct);
                }

                if (month % 3 == 2 && !(b == 1 && month == 5))
                {
                    recorded += await HoldAsync(branch, b, new DateOnly(today.Year, month, 20), MeetingType.PartyLecture,
                        ["支部书记讲党课：牢记初心使命"], [], ct);
                }
            }
        }

        return recorded;
    }

    private async Task<int> HoldAsync(Organisation branch, int b, DateOnly date, MeetingType type, IReadOnlyList<string> topics,
        IReadOnlyList<MeetingType> combines, CancellationToken ct)
    {
        if (date > ChinaTime.Today(time))
        {
            return 0;
        }

        var roster = await GetMeetingRoster.OnAsync(db, branch, type, date, ct);
        if (roster.Count == 0)
        {
            return 0;
        }

        var committee = type == MeetingType.BranchCommitteeMeeting;
        var members = committee ? roster.Take(Math.Min(5, roster.Count)).ToList() : roster;
        var n = members.Count;
        // In the second branch the last member on the roster has taken part in nothing for the last seven counted months
        // (a lapse candidate, M-15) and the one before for the last four (an early warning, P-11): absent every time.
        var last = LapseRules.LastCounted(ChinaTime.Today(time));
        var lapsedFrom = (Candidate: last.AddMonths(1 - CandidateMonths), Warned: last.AddMonths(1 - WarnedMonths));
        if (b == 1 && !committee && n > 7)
        {
            lapsing ??= (members[n - 1].Id, members[n - 2].Id);
        }

        var attendance = members.Select((m, i) =>
        {
            if (b == 1 && lapsing is { } l && ((m.Id == l.Candidate && DuesMonth.Of(date) >= lapsedFrom.Candidate)
                    || (m.Id == l.Warned && DuesMonth.Of(date) >= lapsedFrom.Warned)))
            {
                return new NewAttendance(m.Id, AttendanceStatus.Absent);
            }

            if (b == 0 && i == n - 1 && !committee && n > 3)
            {
                return new NewAttendance(m.Id, AttendanceStatus.Excused, "年老体弱，长期卧床");
            }

            if (i == date.Month % n && n > 2)
            {
                return new NewAttendance(m.Id, AttendanceStatus.Leave, date.Month % 2 == 0 ? "外出务工" : "出差");
            }

            return i == (date.Month + 3) % n && n > 4 && type == MeetingType.ThemePartyDay
                ? new NewAttendance(m.Id, AttendanceStatus.Absent)
                : new NewAttendance(m.Id, AttendanceStatus.Present);
        }).ToList();
        var decisions = committee && date.Month % 4 == 0 ? new[] { "同意提交支部党员大会讨论下季度工作安排" } : null;
        await new RecordMeeting(db, time).Handle(new NewMeeting(branch.Id, type, date, topics, attendance, combines, decisions,
            Minutes: $"{topics[0]}。会议由支部书记主持。", Place: "党员活动室"), ct);
        return 1;
    }
}
