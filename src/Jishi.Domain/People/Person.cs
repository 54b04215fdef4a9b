namespace Jishi.Domain.People;

/// <summary>
/// A person known to the system (申请人、积极分子、党员 …), identified by the 居民身份证号码.
/// Birth date and gender are derived from the id number.
/// </summary>
public sealed class Person
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string IdNumber { get; init; }

    public DateOnly BirthDate { get; init; }

    public Gender Gender { get; init; }

    /// <summary>The 56 official names, e.g. 汉族.</summary>
    public string? Ethnicity { get; set; }

    public Education? Education { get; set; }

    public Occupation? Occupation { get; set; }

    public string? Phone { get; set; }

    public string? UnitName { get; set; }

    public bool? UnitHasPartyOrg { get; set; }

    public string? HukouLocation { get; set; }

    public string? Residence { get; set; }

    /// <summary>流动人员 (G-17).</summary>
    public bool IsMobile { get; set; }

    public string? OutflowPlace { get; set; }

    public string? InflowPlace { get; set; }

    public DateOnly? ExpectedDepartureDate { get; set; }

    /// <summary>The organisation that registered this person; it decides who may see the record.</summary>
    public string? OrgId { get; set; }

    /// <summary>Copy of the registering organisation's path (kept in step on moves) for scope filtering.</summary>
    public string OrgPath { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }
}
