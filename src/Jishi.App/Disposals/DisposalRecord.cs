using Jishi.Domain.Disposals;

namespace Jishi.App.Disposals;

/// <summary>The query projection of a disposal case (the disposal register by measure and ground; the readmission bar, X-06).</summary>
public sealed class DisposalRecord
{
    /// <summary>The procedure's id.</summary>
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    public required string PersonId { get; init; }

    public required string MemberName { get; init; }

    public required string OrgId { get; init; }

    public required string OrgPath { get; set; }

    public DisposalGround Ground { get; init; }

    public DisposalMeasure ProposedMeasure { get; init; }

    public DisposalMeasure Measure { get; set; }

    public string? MatterRef { get; init; }

    public DateOnly StartDate { get; init; }

    public DisposalState State { get; set; }

    public bool IsOpen { get; set; }

    public DateOnly? CorrectionDeadline { get; set; }

    public DateOnly? ApprovedDate { get; set; }

    public DateOnly? ClosedDate { get; set; }

    /// <summary>X-06-readmission-bar: no admission vote of the same person before this date.</summary>
    public DateOnly? ReadmissionBarUntil { get; set; }
}

internal static class DisposalProjection
{
    public static void Update(DisposalRecord r, DisposalProgress p)
    {
        r.State = p.State;
        r.IsOpen = p.IsOpen;
        r.Measure = p.Measure;
        r.CorrectionDeadline = p.CorrectionDeadline;
        r.ApprovedDate = p.ApprovedDate;
        r.ClosedDate = p.ClosedDate;
        r.ReadmissionBarUntil = p.ReadmissionBarUntil;
    }
}
