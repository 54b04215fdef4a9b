namespace Jishi.Domain.Members;

/// <summary>
/// G-08: who has voting rights (表决权) on a date — the one definition that the vote rules, the vote form, the member
/// page and the API all use. A full member counts from the party-age start date (G-15); not while under 留党察看 with
/// rights not yet restored, not under 停止党籍 (F-06), not after leaving the registry (a member who leaves on D still
/// counts on D, as a transfer accepted on D moves the relation at the end of D, T-10). Which branch they vote in on
/// that date follows from their relation on it (<see cref="Membership.Relation.OrgOn"/>).
/// </summary>
public static class VotingRight
{
    public static bool HasOn(DateOnly date, MemberStatus status, DateOnly? partyAgeStartDate, IEnumerable<Sanction> sanctions, bool suspended,
        DateOnly? leftDate) =>
        IsFullMemberOn(date, status, partyAgeStartDate) && !suspended && !(leftDate < date) && !IsUnderDisciplinaryProbationOn(date, sanctions);

    /// <summary>G-15: a full member on <paramref name="date"/> (full membership counts from the party-age start date).</summary>
    public static bool IsFullMemberOn(DateOnly date, MemberStatus status, DateOnly? partyAgeStartDate) =>
        status == MemberStatus.FullMember && (partyAgeStartDate is null || partyAgeStartDate <= date);

    /// <summary>Under 留党察看 with rights not yet restored on <paramref name="date"/>.</summary>
    public static bool IsUnderDisciplinaryProbationOn(DateOnly date, IEnumerable<Sanction> sanctions) =>
        sanctions.Any(s => s.Type == SanctionType.DisciplinaryProbation && s.IsInEffectOn(date));
}
