using Jishi.Domain.Development;
using Jishi.Domain.Procedures;

namespace Jishi.Domain.Mobility;

/// <summary>The facts outside a mobile member's record that its rules need, gathered by the application.</summary>
public sealed class MobilityContext : IProcedureContext
{
    public required DateOnly Today { get; init; }

    public required string MemberName { get; init; }

    /// <summary>The member has left this system's registry (transferred out of it, died, left the party).</summary>
    public bool MemberHasLeft { get; init; }

    /// <summary>The branch holding the member's formal relation.</summary>
    public required OrgFacts FormalOrg { get; init; }

    /// <summary>The inflow organisation a step names, when it is in this system.</summary>
    public OrgFacts? InflowOrg { get; init; }
}
