using Jishi.Domain.Calendar;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;

namespace Jishi.Domain.Development;

/// <summary>What the engine knows of an organisation.</summary>
public sealed record OrgFacts(
    string Id,
    string Name,
    OrgType Type,
    string? ParentId,
    bool HasCommittee,
    bool HasAdmissionApprovalAuthority,
    bool IsUnderTownshipOrSubdistrict,
    bool MeetsDevelopmentConditions)
{
    /// <summary>A 党委 (committee) — what the rules mean by "上级党委": not a branch, general branch, cell or department.</summary>
    public bool IsCommittee => Type.IsCommittee();

    /// <summary>县级以上党委 (GLOSSARY.md §3 <c>IsCountyOrAbove</c>).</summary>
    public bool IsCountyOrAbove => Type.IsCountyOrAboveCommittee();

    public string Label => $"{Name}（{Type.Label()}）";
}

/// <summary>What the engine knows of a person in the member registry, with sanctions (G-15, G-16).</summary>
public sealed record MemberFacts(
    string Id,
    string PersonId,
    string Name,
    string OrgId,
    MemberStatus Status,
    DateOnly? PartyAgeStartDate,
    IReadOnlyList<Sanction> Sanctions)
{
    /// <summary>G-15: a full member on <paramref name="date"/> (full membership counts from the party-age start date).</summary>
    public bool IsFullMemberOn(DateOnly date) => VotingRight.IsFullMemberOn(date, Status, PartyAgeStartDate);

    /// <summary>Under 留党察看 with rights not yet restored on <paramref name="date"/>.</summary>
    public bool IsUnderDisciplinaryProbationOn(DateOnly date) => VotingRight.IsUnderDisciplinaryProbationOn(date, Sanctions);

    /// <summary>Within the effect period of a 警告, 严重警告 or 撤销党内职务 on <paramref name="date"/> (G-16).</summary>
    public Sanction? LesserSanctionInEffectOn(DateOnly date) =>
        Sanctions.FirstOrDefault(s => s.Type is SanctionType.Warning or SanctionType.SeriousWarning or SanctionType.RemovalFromPartyPost
            && s.IsInEffectOn(date));
}

/// <summary>What the engine knows of the person whose case it is.</summary>
public sealed record PersonFacts(
    string Id,
    string Name,
    DateOnly BirthDate,
    bool IsMobile,
    string? UnitName,
    bool? UnitHasPartyOrg,
    DateOnly? ExpectedDepartureDate);

/// <summary>
/// The facts outside the case that its rules need, gathered by the application before asking the engine:
/// today (G-05), the person, the case's organisation and its ancestors, every organisation and member the step names,
/// the branch's voters on the step's date (G-08), the official calendar (G-03), the 志愿书 serial register.
/// </summary>
public sealed class CaseContext
{
    public required DateOnly Today { get; init; }

    public required PersonFacts Person { get; init; }

    /// <summary>The organisation handling the case (usually a branch) and then its ancestors, nearest first.</summary>
    public required IReadOnlyList<OrgFacts> OrgChain { get; init; }

    /// <summary>Every organisation the step names (and the chain), by id.</summary>
    public required IReadOnlyDictionary<string, OrgFacts> Orgs { get; init; }

    /// <summary>Every member the step or the case names, by member id.</summary>
    public required IReadOnlyDictionary<string, MemberFacts> Members { get; init; }

    /// <summary>Members of the case's branch with voting rights on the step's date (G-08).</summary>
    public IReadOnlySet<string> EligibleVoterIds { get; init; } = new HashSet<string>();

    /// <summary>Whether the case's branch has party cells (R-13-candidate-opinions, R-32).</summary>
    public bool BranchHasCells { get; init; }

    public required WorkingDayCalendar Calendar { get; init; }

    /// <summary>A 志愿书 serial as the register holds it — the serial a step names and those issued to this case before:
    /// null when the serial is not registered. The holding committee is among <see cref="Orgs"/>.</summary>
    public Func<string, AdmissionFormSerialFacts?> Serial { get; init; } = _ => null;

    /// <summary>The kinds of document attached to the case as scans (the electronic archive, R-36-archive).</summary>
    public IReadOnlySet<DocumentType> AttachedDocuments { get; init; } = new HashSet<DocumentType>();

    /// <summary>X-06-readmission-bar: the person was persuaded to withdraw or removed by a disposal; no admission vote
    /// before this date. Null when no bar applies.</summary>
    public DateOnly? ReadmissionBarUntil { get; init; }

    public OrgFacts CaseOrg => OrgChain[0];

    /// <summary>The nearest committee (党委) above the case's organisation: "上级党委".</summary>
    public OrgFacts? HigherCommittee => OrgChain.Skip(1).FirstOrDefault(o => o.IsCommittee);

    public OrgFacts? Org(string? id) => id is not null && Orgs.TryGetValue(id, out var o) ? o : null;

    public MemberFacts? Member(string? id) => id is not null && Members.TryGetValue(id, out var m) ? m : null;
}

/// <summary>Where a 志愿书 serial stands in the register (R-18-admission-form-issuance).</summary>
public enum SerialState
{
    /// <summary>Received by the committee, not yet issued: may be issued.</summary>
    Available,

    /// <summary>Issued to a candidate (<c>AdmissionFormIssued</c>); issuing it again would be a duplicate.</summary>
    Issued,

    /// <summary>作废 (spoiled, filled in wrongly …): never issued again; a case whose serial is voided needs a new one.</summary>
    Voided,
}

/// <summary>A serial of the 志愿书 register: its state, the committee holding it, and the case it was issued to.</summary>
public sealed record AdmissionFormSerialFacts(string Serial, SerialState State, string HolderOrgId, string? CaseId);
