using Jishi.Domain.Transfers;

namespace Jishi.App.Transfers;

/// <summary>The query projection of a transfer (the in/out registers), updated with each of its steps.</summary>
public sealed class TransferRecord
{
    /// <summary>The procedure's id.</summary>
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    public required string MemberName { get; init; }

    public TransferKind Kind { get; init; }

    /// <summary>第 号: "{year}-{number}" within the issuing committee.</summary>
    public required string Serial { get; init; }

    public int SerialYear { get; init; }

    public int SerialNo { get; init; }

    public required string Reason { get; init; }

    public required string IssuingOrgId { get; init; }

    public required string IssuingOrgPath { get; set; }

    /// <summary>The member's organisation when the letter was issued.</summary>
    public required string FromOrgId { get; init; }

    public string? ToOrgId { get; init; }

    public string? ToOrgPath { get; set; }

    public required string ToOrgName { get; init; }

    public DateOnly IssuedDate { get; init; }

    public int ValidityDays { get; init; }

    public DateOnly ExpiryDate { get; set; }

    public required string DuesPaidThrough { get; init; }

    public TransferState State { get; set; }

    public DateOnly? ReceivedDate { get; set; }

    public DateOnly? AcceptedDate { get; set; }

    public DateOnly? ReceiptReturnedDate { get; set; }

    /// <summary>Open (Issued or Received) — the subject of T-01's "at most one open Formal transfer".</summary>
    public bool IsOpen { get; set; }
}
