using Jishi.Domain.Rules;

namespace Jishi.Domain.OrgLife;

/// <summary>A period of a frequency: "2026-03", "2026-Q1" or "2026", with its first and last day.</summary>
public readonly record struct MeetingPeriod(MeetingFrequency Frequency, int Year, int Number)
{
    public DateOnly First => Frequency switch
    {
        MeetingFrequency.Monthly => new DateOnly(Year, Number, 1),
        MeetingFrequency.Quarterly => new DateOnly(Year, ((Number - 1) * 3) + 1, 1),
        MeetingFrequency.Yearly => new DateOnly(Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(Frequency), Frequency, null),
    };

    public DateOnly Last => Frequency switch
    {
        MeetingFrequency.Monthly => First.AddMonths(1).AddDays(-1),
        MeetingFrequency.Quarterly => First.AddMonths(3).AddDays(-1),
        MeetingFrequency.Yearly => new DateOnly(Year, 12, 31),
        _ => throw new ArgumentOutOfRangeException(nameof(Frequency), Frequency, null),
    };

    public static MeetingPeriod Of(MeetingFrequency frequency, DateOnly date) => frequency switch
    {
        MeetingFrequency.Monthly => new(frequency, date.Year, date.Month),
        MeetingFrequency.Quarterly => new(frequency, date.Year, ((date.Month - 1) / 3) + 1),
        MeetingFrequency.Yearly => new(frequency, date.Year, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    /// <summary>The periods of a year, in order.</summary>
    public static IEnumerable<MeetingPeriod> OfYear(MeetingFrequency frequency, int year) => frequency switch
    {
        MeetingFrequency.Monthly => Enumerable.Range(1, 12).Select(n => new MeetingPeriod(frequency, year, n)),
        MeetingFrequency.Quarterly => Enumerable.Range(1, 4).Select(n => new MeetingPeriod(frequency, year, n)),
        MeetingFrequency.Yearly => [new MeetingPeriod(frequency, year, 1)],
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    public bool Contains(DateOnly date) => date >= First && date <= Last;

    public override string ToString() => Frequency switch
    {
        MeetingFrequency.Monthly => $"{Year:D4}-{Number:D2}",
        MeetingFrequency.Quarterly => $"{Year:D4}-Q{Number}",
        MeetingFrequency.Yearly => $"{Year:D4}",
        _ => throw new ArgumentOutOfRangeException(nameof(Frequency), Frequency, null),
    };
}

/// <summary>Where a period of a required meeting stands on a date.</summary>
public enum PeriodState
{
    /// <summary>已开（达到次数）.</summary>
    Met,

    /// <summary>期间未结束，尚未达到次数.</summary>
    Open,

    /// <summary>期间已结束，未达到次数（OrgWARN）.</summary>
    Missed,

    /// <summary>尚未开始，或在组织纳入本系统记录之前.</summary>
    NotDue,
}

/// <summary>
/// The rules of organisational life (MANAGEMENT.md §3): how often each meeting is due (L-01), who is on a meeting's
/// roster (L-02) and the committee's quorum (L-03). Pure: the application supplies the roster on the meeting's date.
/// </summary>
public static class OrgLifeRules
{
    public const string Article = "《中国共产党支部工作条例（试行）》第十一至十三条";

    public static MeetingFrequency FrequencyOf(MeetingType type) => type switch
    {
        MeetingType.BranchAssembly => MeetingFrequency.Quarterly,
        MeetingType.BranchCommitteeMeeting => MeetingFrequency.Monthly,
        MeetingType.CellMeeting => MeetingFrequency.Monthly,
        MeetingType.ThemePartyDay => MeetingFrequency.Monthly,
        MeetingType.OrgLifeMeeting => MeetingFrequency.Yearly,
        MeetingType.DemocraticAppraisal => MeetingFrequency.Yearly,
        MeetingType.PartyLecture => MeetingFrequency.Quarterly,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// The state of one period of one type: met when <paramref name="held"/> reaches <paramref name="required"/>;
    /// else missed once the period has ended before <paramref name="today"/>, open while it runs; not due before
    /// <paramref name="recordedFrom"/> (the organisation's record in the system starts there) or before it begins.
    /// </summary>
    public static PeriodState StateOf(MeetingPeriod period, int required, int held, DateOnly today, DateOnly recordedFrom) =>
        held >= required ? PeriodState.Met
        : period.First > today || period.Last < recordedFrom ? PeriodState.NotDue
        : period.Last < today ? PeriodState.Missed
        : PeriodState.Open;

    /// <summary>
    /// L-02: the roster names every member of the organisation on the meeting's date exactly once and no one else (a
    /// guest is not recorded on it); a leave or an excuse has its reason. L-03: a committee meeting that records
    /// decisions has at least half of its members present (<c>2 × present ≥ committee size</c>, G-04 "以上" includes
    /// half); its roster is the committee, whose members must belong to the branch. A cell meeting's roster is of the
    /// branch's members (the registry does not say who is in which cell).
    /// </summary>
    public static IEnumerable<Refusal> CheckRoster(MeetingType type, IReadOnlyList<AttendanceLine> lines, IReadOnlySet<string> members,
        IReadOnlyDictionary<string, string> names, bool recordsDecisions)
    {
        var twice = lines.GroupBy(l => l.MemberId).Where(g => g.Count() > 1).Select(g => Name(names, g.Key)).ToList();
        if (twice.Count > 0)
        {
            yield return Refusal.Block(RuleIds.L02Attendance, Article, $"同一党员在签到表上出现两次：{string.Join("、", twice)}");
        }

        var strangers = lines.Select(l => l.MemberId).Distinct().Where(id => !members.Contains(id)).Select(id => Name(names, id)).ToList();
        if (strangers.Count > 0)
        {
            yield return Refusal.Block(RuleIds.L02Attendance, Article,
                $"会议当日不是本组织党员，不能列入应到名单（列席人员不计入）：{string.Join("、", strangers)}");
        }

        if (type == MeetingType.CellMeeting)
        {
            yield break; // the branch's members attend in their cells, which the registry does not record
        }

        if (type == MeetingType.BranchCommitteeMeeting)
        {
            var present = lines.Count(l => l.Status == AttendanceStatus.Present);
            if (recordsDecisions && 2 * present < lines.Count)
            {
                yield return Refusal.Block(RuleIds.L03CommitteeQuorum, "《中国共产党支部工作条例（试行）》第十二条",
                    $"支委会须有半数以上委员到会方能作出决定：委员 {lines.Count} 人，到会 {present} 人");
            }

            yield break;
        }

        var listed = lines.Select(l => l.MemberId).ToHashSet();
        var missing = members.Where(id => !listed.Contains(id)).Select(id => Name(names, id)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            yield return Refusal.Block(RuleIds.L02Attendance, Article,
                $"签到表须列出会议当日本组织的全体党员（出席、请假、缺席或不计入应到），缺少：{string.Join("、", missing)}");
        }
    }

    private static string Name(IReadOnlyDictionary<string, string> names, string id) => names.GetValueOrDefault(id, id);
}
