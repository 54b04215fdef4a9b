using Jishi.Domain.OrgLife;

namespace Jishi.App.OrgLife;

/// <summary>A meeting of organisational life as recorded (API.md POST /meetings): its type and the types it also
/// counts for, its date, topics, decisions and minutes, and its roster's counts (L-02). Never edited.</summary>
public sealed class MeetingRecord
{
    public required string Id { get; init; }

    public required string OrgId { get; init; }

    /// <summary>Copy of the organisation's path (the record's scope).</summary>
    public required string OrgPath { get; set; }

    public MeetingType Type { get; init; }

    /// <summary>The other types the meeting counts for (e.g. 主题党日 held as a 支部党员大会), comma-separated.</summary>
    public string Combines { get; init; } = "";

    public DateOnly Date { get; init; }

    public string? Place { get; init; }

    /// <summary>议题, one per line.</summary>
    public required string Topics { get; init; }

    /// <summary>决定事项, one per line (a committee's need its quorum, L-03).</summary>
    public string? Decisions { get; init; }

    public string? Minutes { get; init; }

    public int Expected { get; init; }

    public int Present { get; init; }

    public int Leave { get; init; }

    public int Absent { get; init; }

    public int Excused { get; init; }

    public List<MeetingAttendanceRecord> Attendance { get; init; } = [];

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }

    /// <summary>Every type the meeting counts for: its own and those it combines.</summary>
    public IEnumerable<MeetingType> CountsFor() => TypesOf(Type, Combines);

    internal static IEnumerable<MeetingType> TypesOf(MeetingType type, string combines) =>
        combines.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<MeetingType>).Prepend(type).Distinct();
}

/// <summary>One member on a meeting's roster (L-02).</summary>
public sealed class MeetingAttendanceRecord
{
    public required string MeetingId { get; init; }

    public required string MemberId { get; init; }

    public required string MemberName { get; init; }

    public AttendanceStatus Status { get; init; }

    public string? Reason { get; init; }
}
