using Jishi.Domain.Procedures;

namespace Jishi.App.Procedures;

/// <summary>
/// The head of a procedure other than the development case (transfer, mobility, lost contact, disposal): its kind,
/// the organisation responsible and, where two sides take part, the counterpart organisation (both see it), its
/// state as last projected, the version that guards concurrent writers (If-Match, 409) and the head of its hash chain.
/// </summary>
public sealed class ProcedureRecord
{
    public required string Id { get; init; }

    public ProcedureKind Kind { get; init; }

    public string? MemberId { get; init; }

    public string? PersonId { get; init; }

    /// <summary>The member's name, for lists and pages.</summary>
    public string Title { get; set; } = "";

    public required string OrgId { get; set; }

    public required string OrgPath { get; set; }

    /// <summary>The other side (the receiving organisation of a transfer, the inflow branch of a mobile member).</summary>
    public string? CounterpartOrgId { get; set; }

    public string? CounterpartOrgPath { get; set; }

    public string State { get; set; } = "";

    public int Version { get; set; }

    public int EventCount { get; set; }

    public string HeadHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One recorded step of a procedure, append-only and hash-chained like a case's (its own typed fields as
/// canonical JSON, tagged by <see cref="Type"/>).</summary>
public sealed class ProcedureEventRecord
{
    public required string ProcedureId { get; init; }

    public int Seq { get; init; }

    public required string Type { get; init; }

    public DateOnly Date { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }

    public required string RecordedByName { get; init; }

    /// <summary>The catalog the step was judged by (MANAGEMENT.md version).</summary>
    public required string RulesVersion { get; init; }

    public required string DataJson { get; init; }

    public required string OverridesJson { get; init; }

    public required string ExceptionsJson { get; init; }

    public required string PrevHash { get; init; }

    public required string Hash { get; init; }
}
