using Jishi.Domain.Dues;

namespace Jishi.App.Dues;

/// <summary>A member's dues from a month on (PUT /members/{id}/dues-base): category, base, rate, amount, relief.
/// The assessment in force in a month is the latest one from that month or before.</summary>
public sealed class DuesAssessmentRecord
{
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    /// <summary>The member's organisation when assessed, and its path (the scope of the record).</summary>
    public required string OrgId { get; set; }

    public required string OrgPath { get; set; }

    /// <summary>"YYYY-MM": the month the assessment applies from (D-10); one assessment per member and month.</summary>
    public required string FromMonth { get; set; }

    public DuesCategory Category { get; set; }

    public decimal? Base { get; set; }

    public decimal? Rate { get; set; }

    public decimal StandardAmount { get; set; }

    public decimal MonthlyAmount { get; set; }

    public DuesReliefKind? ReliefKind { get; set; }

    public decimal? ReliefAmount { get; set; }

    public DateOnly? ReliefBranchDecisionDate { get; set; }

    public string? ReliefApprovedByOrgId { get; set; }

    public DateOnly? ReliefApprovalDate { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }

    public DuesMonth From => DuesMonth.Parse(FromMonth)!.Value;
}

/// <summary>The months a member has paid (by payments neither reversed nor counter-entries) as runs
/// (<see cref="Domain.Dues.PaidMonthRuns"/>): derived from the payments, rewritten in the same transaction as every
/// payment and counter-entry, and rebuilt from them when missing. The sheet reads it instead of every payment.</summary>
public sealed class DuesPaidMonthsRecord
{
    public required string MemberId { get; init; }

    public required string Runs { get; set; }

    /// <summary>The latest payment or counter-entry written for the member: the row is judged by its scope, and two
    /// writers at once cannot both rewrite the runs (concurrency token).</summary>
    public required string LastPaymentId { get; set; }
}

/// <summary>A dues payment (交纳记录) with its receipt number. Never edited or deleted (D-18): a wrong one is reversed
/// by a counter-entry (<see cref="ReversesPaymentId"/>, negative amount) and both stay in the ledger.</summary>
public sealed class DuesPaymentRecord
{
    public required string Id { get; init; }

    /// <summary>收据号: the collecting organisation's serial of the year, "2026-0001".</summary>
    public string Receipt { get; set; } = "";

    public int ReceiptYear { get; set; }

    public int ReceiptNo { get; set; }

    public required string MemberId { get; init; }

    public required string MemberName { get; init; }

    /// <summary>The organisation that collected it (the formal branch, or the inflow branch of a card holder, D-17).</summary>
    public required string OrgId { get; init; }

    public required string OrgPath { get; set; }

    public DateOnly PaidDate { get; init; }

    public required string CoversFrom { get; init; }

    public required string CoversTo { get; init; }

    /// <summary>What was handed over (negative on a reversal).</summary>
    public decimal Amount { get; init; }

    /// <summary>The dues of the covered months; the rest is a voluntary extra (D-11, D-19).</summary>
    public decimal DueAmount { get; init; }

    public decimal VoluntaryExtra { get; init; }

    public DuesPayer PaidBy { get; init; }

    public string? PayerName { get; init; }

    public DuesPaymentMethod Method { get; init; }

    public string? Note { get; init; }

    /// <summary>On a counter-entry: the payment it reverses.</summary>
    public string? ReversesPaymentId { get; init; }

    public string? OverridesJson { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }

    public IEnumerable<DuesMonth> Months => DuesMonth.Range(DuesMonth.Parse(CoversFrom)!.Value, DuesMonth.Parse(CoversTo)!.Value);
}

/// <summary>A movement of an organisation's dues account (利息、上缴、下拨、支出). Like a payment it is never edited or
/// deleted (D-18): a wrong one is reversed by a counter-entry (<see cref="ReversesEntryId"/>, negative amount).</summary>
public sealed class DuesLedgerEntryRecord
{
    public required string Id { get; init; }

    /// <summary>The organisation whose account it is, and its path (the scope of the record).</summary>
    public required string OrgId { get; init; }

    public required string OrgPath { get; set; }

    public DateOnly Date { get; init; }

    public DuesLedgerEntryKind Kind { get; init; }

    public DuesSpendingCategory? Category { get; init; }

    /// <summary>The other organisation of a remittance (the higher committee) or an allocation (the subordinate).</summary>
    public string? CounterpartOrgId { get; init; }

    /// <summary>Its path, so that the counterpart's ledger finds the entry within its own scope.</summary>
    public string? CounterpartOrgPath { get; set; }

    /// <summary>Positive; negative on a counter-entry.</summary>
    public decimal Amount { get; init; }

    /// <summary>摘要: what it was for.</summary>
    public required string Item { get; init; }

    /// <summary>凭证号 of the voucher, when there is one.</summary>
    public string? Voucher { get; init; }

    public string? ReversesEntryId { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }
}

/// <summary>D-20: a year's dues published to the members, or reported in writing to the higher committee, with the
/// ledger's figures as they stood when it was done (the report does not move when later entries are made).</summary>
public sealed class DuesYearReportRecord
{
    public required string Id { get; init; }

    public required string OrgId { get; init; }

    public required string OrgPath { get; set; }

    public int Year { get; init; }

    public DuesYearReportKind Kind { get; init; }

    public DateOnly Date { get; init; }

    public string? Note { get; init; }

    public decimal Opening { get; init; }

    public decimal Collected { get; init; }

    public decimal Interest { get; init; }

    public decimal ReceivedFromBelow { get; init; }

    public decimal ReceivedFromAbove { get; init; }

    public decimal Remitted { get; init; }

    public decimal Allocated { get; init; }

    public decimal Spent { get; init; }

    public decimal Closing { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }
}
