using Jishi.Domain.Development;
using Jishi.Domain.Members;
using Jishi.Domain.Procedures;

namespace Jishi.Domain.LostContacts;

/// <summary>The facts outside a lost-contact case that its rules need, gathered by the application.</summary>
public sealed class LostContactContext : IProcedureContext
{
    public required DateOnly Today { get; init; }

    public required string MemberName { get; init; }

    public required MemberStatus MemberStatus { get; init; }

    public bool MemberHasLeft { get; init; }

    /// <summary>How and when the member's membership ended by 劝退, 除名 (自行脱党, 退党, 劝而不退) or 开除, as the history
    /// records it; null when it has not (X-07-no-restoration).</summary>
    public EndedMembership? EndedMembership { get; init; }

    /// <summary>The member's organisation and its ancestors, nearest first.</summary>
    public required IReadOnlyList<OrgFacts> MemberOrgChain { get; init; }

    /// <summary>The organisation a step names (deciding or approving), when in this system.</summary>
    public OrgFacts? NamedOrg { get; init; }

    public OrgFacts MemberOrg => MemberOrgChain[0];

    /// <summary>The named organisation is the member's organisation or one above it.</summary>
    public bool NamedOrgIsMemberOrgOrAbove => NamedOrg is { } n && MemberOrgChain.Any(o => o.Id == n.Id);

    /// <summary>The named organisation is strictly above the member's organisation.</summary>
    public bool NamedOrgIsAbove => NamedOrg is { } n && MemberOrgChain.Skip(1).Any(o => o.Id == n.Id);
}

/// <summary>A membership ended by a disposal or a sanction (history <c>Removed</c>): its date and the measure named.</summary>
public sealed record EndedMembership(DateOnly Date, string Detail);

