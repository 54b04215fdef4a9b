using Jishi.Domain.Members;

namespace Jishi.Domain.Tests.Members;

/// <summary>G-08 has one definition (<see cref="VotingRight"/>); the registry entry answers by it.</summary>
public sealed class VotingRightTests
{
    private static readonly DateOnly Day = new(2026, 6, 15);

    private static Member Full(DateOnly? partyAgeStart = null, DateOnly? left = null, DateOnly? suspended = null, params Sanction[] sanctions) => new()
    {
        Id = "m1",
        PersonId = "p1",
        OrgId = "branch",
        OrgPath = "/county/committee/branch/",
        Status = MemberStatus.FullMember,
        PartyAgeStartDate = partyAgeStart,
        LeftDate = left,
        SuspendedDate = suspended,
        Sanctions = [.. sanctions],
    };

    [Fact]
    public void AFullMember_VotesFromThePartyAgeStartDate_NotTheDayBefore_G08()
    {
        Assert.True(Full(partyAgeStart: Day).HasVotingRightOn(Day));
        Assert.False(Full(partyAgeStart: Day).HasVotingRightOn(Day.AddDays(-1)));
        Assert.False(new Member { Id = "m2", PersonId = "p2", OrgId = "b", OrgPath = "/b/", Status = MemberStatus.ProbationaryMember }
            .HasVotingRightOn(Day));
    }

    [Fact]
    public void AMemberWhoLeaves_StillVotesOnTheDay_NotTheDayAfter_G08()
    {
        Assert.True(Full(left: Day).HasVotingRightOn(Day));
        Assert.False(Full(left: Day).HasVotingRightOn(Day.AddDays(1)));
    }

    [Fact]
    public void Suspension_TakesTheVoteFromItsDate_F06_G08()
    {
        Assert.True(Full(suspended: Day).HasVotingRightOn(Day.AddDays(-1)));
        Assert.False(Full(suspended: Day).HasVotingRightOn(Day));
        Assert.False(VotingRight.HasOn(Day, MemberStatus.FullMember, null, [], suspended: true, leftDate: null));
    }

    [Fact]
    public void DisciplinaryProbation_TakesTheVote_AWarningDoesNot_G08()
    {
        var probation = new Sanction { Id = "s1", MemberId = "m1", Type = SanctionType.DisciplinaryProbation, ApprovedDate = Day.AddMonths(-3) };
        var warning = new Sanction { Id = "s2", MemberId = "m1", Type = SanctionType.Warning, ApprovedDate = Day.AddMonths(-3) };
        Assert.False(Full(sanctions: probation).HasVotingRightOn(Day));
        Assert.True(Full(sanctions: probation).HasVotingRightOn(Day.AddMonths(-3).AddDays(-1)));
        Assert.True(Full(sanctions: warning).HasVotingRightOn(Day));
    }
}
