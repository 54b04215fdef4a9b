namespace Jishi.Domain.OrgLife;

/// <summary>The meetings of organisational life (GLOSSARY.md <c>enum MeetingType</c>; MANAGEMENT.md L-01).</summary>
public enum MeetingType
{
    /// <summary>支部党员大会: at least once a calendar quarter.</summary>
    BranchAssembly,

    /// <summary>支部委员会会议（支委会）: monthly where the branch has a committee.</summary>
    BranchCommitteeMeeting,

    /// <summary>党小组会: monthly in each party cell.</summary>
    CellMeeting,

    /// <summary>主题党日: monthly.</summary>
    ThemePartyDay,

    /// <summary>组织生活会: yearly (usually in the fourth quarter).</summary>
    OrgLifeMeeting,

    /// <summary>民主评议党员: yearly.</summary>
    DemocraticAppraisal,

    /// <summary>党课: at least once a quarter (design default).</summary>
    PartyLecture,
}

/// <summary>A member's attendance at a meeting (L-02).</summary>
public enum AttendanceStatus
{
    /// <summary>出席.</summary>
    Present,

    /// <summary>请假（须说明事由）.</summary>
    Leave,

    /// <summary>缺席.</summary>
    Absent,

    /// <summary>不计入应到（年老体弱等，L-06；须说明事由）.</summary>
    Excused,
}

/// <summary>How often a type of meeting is due (L-01).</summary>
public enum MeetingFrequency
{
    /// <summary>每月.</summary>
    Monthly,

    /// <summary>每季度.</summary>
    Quarterly,

    /// <summary>每年.</summary>
    Yearly,
}

/// <summary>One line of a meeting's roster as recorded.</summary>
public sealed record AttendanceLine(string MemberId, AttendanceStatus Status, string? Reason);

/// <summary>应到 / 实到 / 请假 / 缺席 (L-02): 应到 is everyone on the roster but the excused.</summary>
public sealed record AttendanceCounts(int Expected, int Present, int Leave, int Absent, int Excused)
{
    public static AttendanceCounts Of(IEnumerable<AttendanceLine> lines)
    {
        var l = lines.ToList();
        int Count(AttendanceStatus s) => l.Count(x => x.Status == s);
        return new AttendanceCounts(l.Count - Count(AttendanceStatus.Excused), Count(AttendanceStatus.Present), Count(AttendanceStatus.Leave),
            Count(AttendanceStatus.Absent), Count(AttendanceStatus.Excused));
    }
}

public static class MeetingTypes
{
    /// <summary>The Chinese name of the meeting type, as the regulations write it.</summary>
    public static string Label(this MeetingType type) => type switch
    {
        MeetingType.BranchAssembly => "支部党员大会",
        MeetingType.BranchCommitteeMeeting => "支部委员会会议",
        MeetingType.CellMeeting => "党小组会",
        MeetingType.ThemePartyDay => "主题党日",
        MeetingType.OrgLifeMeeting => "组织生活会",
        MeetingType.DemocraticAppraisal => "民主评议党员",
        MeetingType.PartyLecture => "党课",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
