using Jishi.Domain.OrgLife;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.OrgLife;

/// <summary>L-04-assembly-votes (S7 第十一条): quorum 2A &gt; N, pass 2Y &gt; N, and the figures consistent.</summary>
public sealed class AssemblyVotesTests
{
    [Theory]
    [InlineData(10, 5, true)] // 2A = N
    [InlineData(10, 6, false)]
    [InlineData(9, 4, true)]
    [InlineData(9, 5, false)] // 2A = N + 1
    [InlineData(1, 0, true)]
    [InlineData(1, 1, false)]
    public void Quorum_2AEqualToN_IsRefusedUnderL04_2AEqualToNPlus1_IsAllowed(int n, int present, bool refused)
    {
        var r = AssemblyVotes.Quorum(n, present);
        if (refused)
        {
            Assert.NotNull(r);
            Assert.Equal(("L-04-assembly-votes", RuleSeverity.Block), (r.Rule, r.Severity));
            Assert.Contains("第十一条", r.Article, StringComparison.Ordinal);
            Assert.Contains($"{present} 人", r.Message, StringComparison.Ordinal);
            Assert.Contains($"{n} 人", r.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(r);
        }
    }

    [Theory]
    [InlineData(10, 5, false)] // 2Y = N
    [InlineData(10, 6, true)]
    [InlineData(9, 4, false)]
    [InlineData(9, 5, true)] // 2Y = N + 1
    public void Pass_2YEqualToN_DoesNotPass_2YEqualToNPlus1_Passes_AndASanctionNotPassedIsRefusedUnderL04(int n, int votesFor, bool passes)
    {
        Assert.Equal(passes, AssemblyVotes.Passes(n, votesFor));
        var r = AssemblyVotes.Passed(n, votesFor, "处分决定");
        if (passes)
        {
            Assert.Null(r);
        }
        else
        {
            Assert.NotNull(r);
            Assert.Equal(("L-04-assembly-votes", RuleSeverity.Block), (r.Rule, r.Severity));
            Assert.Contains($"赞成 {votesFor} 票", r.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Figures_PresentAboveEligible_VotesAboveThePresent_OrNegative_NameTheField_AndConsistentFiguresPass()
    {
        // L-04-assembly-votes: the counts the quorum and the result are computed from.
        Assert.Empty(AssemblyVotes.Figures("assemblyVote.", 10, 8, 6, 1, 1));
        Assert.Empty(AssemblyVotes.Figures("assemblyVote.", 10, 8, 6, null, null));
        Assert.Equal("assemblyVote.presentVoterCount", Assert.Single(AssemblyVotes.Figures("assemblyVote.", 10, 11, 6, 0, 0)).Field);
        Assert.Equal("assemblyVote.votesFor", Assert.Single(AssemblyVotes.Figures("assemblyVote.", 10, 8, 6, 2, 1)).Field);
        Assert.Equal("assemblyVote.votesAgainst", Assert.Single(AssemblyVotes.Figures("assemblyVote.", 10, 8, 6, -1, 0)).Field);
        Assert.Equal("eligibleVoterCount", Assert.Single(AssemblyVotes.Figures("", -1, null, null, null, null)).Field);
    }
}
