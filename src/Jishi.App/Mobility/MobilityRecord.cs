using Jishi.Domain.Mobility;

namespace Jishi.App.Mobility;

/// <summary>The query projection of a mobile member's record (the 流出 and 流入 registers), updated with each step.</summary>
public sealed class MobilityRecord
{
    /// <summary>The procedure's id.</summary>
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    public required string MemberName { get; init; }

    /// <summary>The branch holding the member's formal relation (the outflow side).</summary>
    public required string FormalOrgId { get; init; }

    public required string FormalOrgPath { get; set; }

    public string? InflowOrgId { get; set; }

    public string? InflowOrgPath { get; set; }

    /// <summary>The inflow organisation's name (in or outside this system).</summary>
    public string? InflowOrgName { get; set; }

    public DateOnly LeftDate { get; init; }

    public required string Destination { get; init; }

    public required string Reason { get; init; }

    public MobileCategory? Category { get; init; }

    public string? Phone { get; init; }

    public string? ActivityCardNo { get; set; }

    public MobilityState State { get; set; }

    public bool IsOpen { get; set; }

    public DateOnly? InflowDate { get; set; }

    public DateOnly? LastContactDate { get; set; }

    public DateOnly? ClosedDate { get; set; }

    /// <summary>出国（境）学习、研究或定居 (T-13-abroad).</summary>
    public AbroadKind AbroadKind { get; init; }

    /// <summary>The latest 出国（境）审查 (T-13-abroad).</summary>
    public DateOnly? AbroadReviewedDate { get; set; }
}
