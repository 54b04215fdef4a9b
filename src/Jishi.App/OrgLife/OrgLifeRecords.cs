using Jishi.Domain.OrgLife;

namespace Jishi.App.OrgLife;

/// <summary>A recorded reason that takes months out of a member's lapse count (M-15, L-06). Never edited.</summary>
public sealed class LapseExemptionRecord
{
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    /// <summary>The member's organisation's path when it was recorded (the record's scope).</summary>
    public required string OrgPath { get; set; }

    public LapseExemptionKind Kind { get; init; }

    /// <summary>First month covered, "YYYY-MM".</summary>
    public required string FromMonth { get; init; }

    /// <summary>Last month covered, "YYYY-MM"; null while it lasts.</summary>
    public string? ToMonth { get; init; }

    public required string Reason { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }
}

/// <summary>A year's 民主评议党员 of one organisation: the grades decided at a committee or assembly meeting (L-05).</summary>
public sealed class AppraisalRecord
{
    public required string Id { get; init; }

    public required string OrgId { get; init; }

    public required string OrgPath { get; set; }

    public int Year { get; init; }

    public required string DecidedAtMeetingId { get; init; }

    public DateOnly DecidedOn { get; init; }

    public List<AppraisalGradeRecord> Grades { get; init; } = [];

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }
}

/// <summary>One member's grade in an appraisal.</summary>
public sealed class AppraisalGradeRecord
{
    public required string AppraisalId { get; init; }

    public required string MemberId { get; init; }

    public required string MemberName { get; init; }

    public AppraisalGrade Grade { get; init; }
}

/// <summary>Hours of 党员教育培训 a member took on a date (L-07).</summary>
public sealed class TrainingRecord
{
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    public required string OrgPath { get; set; }

    public DateOnly Date { get; init; }

    public decimal Hours { get; init; }

    public required string Subject { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }
}
