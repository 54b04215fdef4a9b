namespace Jishi.Domain.Transfers;

/// <summary>组织关系介绍信（正式）or 党员证明信（临时组织关系）(MANAGEMENT.md §9).</summary>
public enum TransferKind
{
    /// <summary>《中国共产党党员组织关系介绍信》: the relation moves.</summary>
    Formal,

    /// <summary>《中国共产党党员证明信》: a temporary relation; the member stays and votes at home.</summary>
    Certificate,
}

/// <summary>Where a transfer stands (MANAGEMENT.md §1). <see cref="Expired"/> is never recorded: an Issued or Received
/// letter past its expiry date reads as Expired.</summary>
public enum TransferState
{
    /// <summary>已开具.</summary>
    Issued,

    /// <summary>已收到（接收方登记）.</summary>
    Received,

    /// <summary>已接收.</summary>
    Accepted,

    /// <summary>不予接收（须说明理由，T-06）.</summary>
    Rejected,

    /// <summary>已撤回.</summary>
    Withdrawn,

    /// <summary>已过有效期未接收.</summary>
    Expired,
}

/// <summary>The configured reasons a receiving committee may give for not accepting (T-06-no-refusal-without-reason).</summary>
public enum TransferRejectionReason
{
    /// <summary>材料不全.</summary>
    IncompleteMaterials,

    /// <summary>身份不符.</summary>
    IdentityMismatch,

    /// <summary>非本单位（不属本组织接收范围）.</summary>
    NotThisUnit,

    /// <summary>其他.</summary>
    Other,
}

/// <summary>A step of a transfer: each type its own record with exactly its fields (tag = the record's name).</summary>
public abstract record TransferEvent
{
    public string? Note { get; init; }
}

/// <summary>开具: the letter or certificate issued by the sending committee (API.md POST /transfers).</summary>
public sealed record Issued : TransferEvent
{
    public string? MemberId { get; init; }

    public TransferKind? Kind { get; init; }

    public string? Reason { get; init; }

    public string? IssuingOrgId { get; init; }

    /// <summary>The receiving organisation when it is in this system.</summary>
    public string? ToOrgId { get; init; }

    /// <summary>The receiving organisation's name when it is not (or as written on the letter).</summary>
    public string? ToOrgName { get; init; }

    /// <summary>有效期 in days (T-04; design default 30).</summary>
    public int? ValidityDays { get; init; }

    /// <summary>党费交至 "YYYY-MM" (T-09).</summary>
    public string? DuesPaidThrough { get; init; }

    /// <summary>How long the member will stay away, in months, when known (T-02: a certificate is for 6 months or less).</summary>
    public int? ExpectedStayMonths { get; init; }

    /// <summary>Set by the system: the issuing committee's serial for the year (第 号).</summary>
    public string? Serial { get; init; }
}

/// <summary>收到: the receiving organisation registers the letter.</summary>
public sealed record Received : TransferEvent
{
    public string? ReceivingOrgId { get; init; }
}

/// <summary>接收: the receiving committee accepts; a Formal transfer inside the system moves the member (T-10).</summary>
public sealed record Accepted : TransferEvent
{
    /// <summary>The committee that accepts (T-03); by default the nearest one with approval authority above the receiving organisation.</summary>
    public string? AcceptingOrgId { get; init; }

    /// <summary>The branch the member is placed in, under the receiving organisation (default: the receiving organisation itself).</summary>
    public string? BranchId { get; init; }

    /// <summary>For a probationary member: the sending organisation introduced the education and assessment .</summary>
    public bool? IntroductionProvided { get; init; }
}

/// <summary>不予接收, with the configured reason code and the reason in words (T-06).</summary>
public sealed record Rejected : TransferEvent
{
    public TransferRejectionReason? ReasonCode { get; init; }

    public string? Reason { get; init; }
}

/// <summary>回执已回: the receiving committee returned the receipt (T-07).</summary>
public sealed record ReceiptReturned : TransferEvent;

/// <summary>撤回: the sending committee withdraws the letter before acceptance.</summary>
public sealed record Withdrawn : TransferEvent
{
    public string? Reason { get; init; }
}

/// <summary>延长有效期 once, on a branch certificate and the member's application (T-05).</summary>
public sealed record ValidityExtended : TransferEvent
{
    public int? Days { get; init; }

    public string? Basis { get; init; }
}
