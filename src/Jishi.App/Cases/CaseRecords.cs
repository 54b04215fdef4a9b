using Jishi.Domain.Development;

namespace Jishi.App.Cases;

/// <summary>
/// The query projection of a development case, updated in the same transaction as each appended event. Never the
/// source of truth: the events are; <see cref="Version"/> guards concurrent writers (If-Match, 409).
/// </summary>
public sealed class CaseRecord
{
    public required string Id { get; init; }

    public required string PersonId { get; init; }

    public required string PersonName { get; set; }

    /// <summary>The organisation handling the case now (changes when the person is transferred, R-12, R-34).</summary>
    public required string OrgId { get; set; }

    /// <summary>Copy of the organisation's path for scope filtering.</summary>
    public required string OrgPath { get; set; }

    public ReceivingOrgRelation ReceivingOrgRelation { get; init; }

    public DevelopmentStage Stage { get; set; }

    public CaseStatus Status { get; set; }

    public int Version { get; set; }

    public int EventCount { get; set; }

    public string HeadHash { get; set; } = "";

    public DateOnly ApplicationReceivedDate { get; init; }

    public DateOnly? ActivistDate { get; set; }

    public DateOnly? CandidateListedDate { get; set; }

    public DateOnly? PreReviewPassedDate { get; set; }

    public DateOnly? AssemblyDate { get; set; }

    public DateOnly? ApprovalDate { get; set; }

    public DateOnly? ProbationStartDate { get; set; }

    public DateOnly? ExpiryDate { get; set; }

    public DateOnly? ExtendedExpiryDate { get; set; }

    public DateOnly? PartyAgeStartDate { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Copies the state's stage, status and derived dates.</summary>
    public void Project(CaseState state)
    {
        Stage = state.Stage;
        Status = state.Status;
        ActivistDate = state.ActivistDate;
        CandidateListedDate = state.CandidateListedDate;
        PreReviewPassedDate = state.PreReviewPassedDate;
        AssemblyDate = state.AssemblyDate;
        ApprovalDate = state.ApprovalDate;
        ProbationStartDate = state.ProbationStartDate;
        ExpiryDate = state.ExpiryDate;
        ExtendedExpiryDate = state.ExtendedExpiryDate;
        PartyAgeStartDate = state.PartyAgeStartDate;
        EventCount = state.Events.Count;
    }
}

/// <summary>
/// One recorded step, append-only: who recorded it and when, its data, the overrides and exceptions it passed, the
/// rules version it was judged by, and its hash, which chains the previous event's hash (tamper evidence).
/// </summary>
public sealed class CaseEventRecord
{
    public required string CaseId { get; init; }

    public int Seq { get; init; }

    public CaseEventType Type { get; init; }

    public DateOnly Date { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }

    public required string RecordedByName { get; init; }

    public RulesVersion RulesVersion { get; init; }

    public required string DataJson { get; init; }

    public required string OverridesJson { get; init; }

    public required string ExceptionsJson { get; init; }

    public required string PrevHash { get; init; }

    public required string Hash { get; init; }
}

/// <summary>An unmet deadline of an open procedure (a development case, a transfer …), kept in step with it for
/// alerts over any scope (indexed); <see cref="OrgPath"/> is the organisation that owes it.</summary>
public sealed class CaseDeadlineRecord
{
    /// <summary>The procedure's id (a development case, a transfer …).</summary>
    public required string CaseId { get; init; }

    public Domain.Procedures.ProcedureKind Kind { get; init; }

    public required string Rule { get; init; }

    public DateOnly DueDate { get; set; }

    public required string OrgPath { get; set; }
}

/// <summary>
/// A 《中国共产党入党志愿书》 serial in the register (R-18-admission-form-issuance, 第四十二条): registered Available by
/// the committee that received it, Issued once to a case, or Voided (staying with the case it was issued to).
/// </summary>
public sealed class AdmissionFormSerialRecord
{
    public required string Serial { get; init; }

    /// <summary>The committee (or its organisation department) holding the serial.</summary>
    public required string OrgId { get; set; }

    /// <summary>Copy of the holder's path for scope filtering.</summary>
    public required string OrgPath { get; set; }

    /// <summary>The batch it was received in (null for serials issued before the register kept batches).</summary>
    public string? BatchId { get; init; }

    public SerialState State { get; set; }

    public string? CaseId { get; set; }

    public DateOnly? IssuedDate { get; set; }

    public DateOnly? VoidedDate { get; set; }

    public string? VoidReason { get; set; }
}

/// <summary>A batch of 志愿书 received by a committee from the provincial 组织部: first … last.</summary>
public sealed class AdmissionFormBatchRecord
{
    public required string Id { get; init; }

    public required string OrgId { get; init; }

    public required string OrgPath { get; set; }

    public required string First { get; init; }

    public required string Last { get; init; }

    public int Count { get; init; }

    public DateOnly ReceivedDate { get; init; }

    public string? Note { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }
}
