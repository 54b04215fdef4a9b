using Jishi.Domain.Development;
using Jishi.Domain.Procedures;

namespace Jishi.Domain.Disposals;

/// <summary>A matter a 党纪处分 of the member already dealt with .</summary>
public sealed record SanctionedMatter(string MatterRef, string SanctionLabel, DateOnly ApprovedDate);

/// <summary>The facts outside a disposal case that its rules need, gathered by the application.</summary>
public sealed class DisposalContext : IProcedureContext
{
    public required DateOnly Today { get; init; }

    public required string MemberName { get; init; }

    public bool MemberHasLeft { get; init; }

    /// <summary>The member's organisation and its ancestors, nearest first.</summary>
    public required IReadOnlyList<OrgFacts> MemberOrgChain { get; init; }

    /// <summary>The organisation a step names (filed with, approving), when in this system.</summary>
    public OrgFacts? NamedOrg { get; init; }

    /// <summary>The matters of the member's 党纪处分 .</summary>
    public IReadOnlyList<SanctionedMatter> SanctionedMatters { get; init; } = [];

    /// <summary>The branch's members with voting rights on the assembly's date (G-08), the member concerned excluded;
    /// null when not gathered.</summary>
    public int? EligibleVoterCount { get; init; }

    public OrgFacts MemberOrg => MemberOrgChain[0];

    /// <summary>The named organisation is a committee (党委) strictly above the member's organisation.</summary>
    public bool NamedOrgIsCommitteeAbove => NamedOrg is { IsCommittee: true } n && MemberOrgChain.Skip(1).Any(o => o.Id == n.Id);
}
