namespace Jishi.Domain.Members;

/// <summary>An entry of the member registry (党员名册): one per person.</summary>
public sealed class Member
{
    public required string Id { get; init; }

    public required string PersonId { get; init; }

    /// <summary>Copy of the person's name (kept in step by the person's updates) so that the registry is searched and
    /// sorted by name within the caller's scope without reaching into people outside it.</summary>
    public string Name { get; set; } = "";

    public required string OrgId { get; set; }

    /// <summary>Copy of the organisation's path (kept in step on moves) for scope filtering.</summary>
    public required string OrgPath { get; set; }

    public MemberStatus Status { get; set; }

    public DateOnly? ProbationStartDate { get; set; }

    public DateOnly? PartyAgeStartDate { get; set; }

    /// <summary>The date the member left this system's registry (transferred to an organisation outside it, died, left
    /// the party, probation cancelled); null while a member here. The entry and its history are kept.</summary>
    public DateOnly? LeftDate { get; set; }

    /// <summary>停止党籍 since this date (F-05, F-06), until restored (F-07); null otherwise. The history keeps every
    /// suspension and restoration.</summary>
    public DateOnly? SuspendedDate { get; set; }

    /// <summary>毕业日期 of a graduate whose relation the organisation keeps (T-12-graduates, 第三十四条); null otherwise.</summary>
    public DateOnly? GraduationDate { get; set; }

    /// <summary>Whether the graduate had a placement (落实工作单位) when the graduation was recorded.</summary>
    public bool GraduatePlaced { get; set; }

    /// <summary>The organisation that kept the relation when the graduation was recorded: T-12's deadline is its own,
    /// while it still holds the relation.</summary>
    public string? GraduationOrgId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<Sanction> Sanctions { get; init; } = [];

    /// <summary>Whether the member has voting rights on <paramref name="date"/> (G-08, <see cref="VotingRight"/>), with the
    /// suspension as it stands now.</summary>
    public bool HasVotingRightOn(DateOnly date) =>
        VotingRight.HasOn(date, Status, PartyAgeStartDate, Sanctions, SuspendedDate <= date, LeftDate);
}

/// <summary>A disciplinary sanction (党纪处分) of a member, with its effect period (G-16).</summary>
public sealed class Sanction
{
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    public SanctionType Type { get; init; }

    public DateOnly ApprovedDate { get; init; }

    public DateOnly? RightsRestoredDate { get; set; }

    /// <summary>The matter (案件) the sanction dealt with: no 组织处置 for the same matter (X-05-no-double-measure).</summary>
    public string? MatterRef { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateOnly? EffectEndDate => SanctionEffect.EffectEndDate(Type, ApprovedDate, RightsRestoredDate);

    public bool IsInEffectOn(DateOnly date) => SanctionEffect.IsInEffectOn(Type, ApprovedDate, RightsRestoredDate, date);
}
