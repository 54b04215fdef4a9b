using Jishi.Domain.Development;
using Jishi.Domain.Members;
using Jishi.Domain.Procedures;

namespace Jishi.Domain.Transfers;

/// <summary>The facts outside a transfer that its rules need, gathered by the application: today, the member, the
/// issuing organisation, the receiving organisation and its chain (nearest first), the branch named on acceptance.</summary>
public sealed class TransferContext : IProcedureContext
{
    public required DateOnly Today { get; init; }

    public required string MemberName { get; init; }

    public required MemberStatus MemberStatus { get; init; }

    /// <summary>The member's organisation now (an acceptance moves them from here).</summary>
    public required string MemberOrgId { get; init; }

    /// <summary>The member's organisation lies under (or is) the issuing organisation.</summary>
    public required bool MemberUnderIssuingOrg { get; init; }

    /// <summary>The member has left this system's registry (transferred out of it, died, left the party).</summary>
    public bool MemberHasLeft { get; init; }

    public required OrgFacts IssuingOrg { get; init; }

    /// <summary>T-09: the first day of the last month through which the system's dues record shows every month owed
    /// paid (or exempt); null when the system keeps no dues for the member (never assessed).</summary>
    public DateOnly? LedgerPaidThrough { get; init; }

    /// <summary>The receiving organisation and its ancestors, nearest first (empty when it is not in this system).</summary>
    public IReadOnlyList<OrgFacts> ToOrgChain { get; init; } = [];

    /// <summary>Every organisation a step names, by id.</summary>
    public IReadOnlyDictionary<string, OrgFacts> Orgs { get; init; } = new Dictionary<string, OrgFacts>();

    /// <summary>The branch named on acceptance lies under (or is) the receiving organisation.</summary>
    public bool BranchUnderToOrg { get; init; } = true;

    public OrgFacts? ToOrg => ToOrgChain.Count > 0 ? ToOrgChain[0] : null;

    public OrgFacts? Org(string? id) => id is not null && Orgs.TryGetValue(id, out var o) ? o : null;
}
