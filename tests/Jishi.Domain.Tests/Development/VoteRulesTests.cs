using Jishi.Domain.Development;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Development;

/// <summary>Branch assembly votes on admission (G-08 … G-11, R-19-quorum, R-20-pass-threshold): the engine checks N against
/// the registry, the quorum 2A &gt; N, and computes Y (in-person 赞成 plus valid written 赞成) and the result 2Y &gt; N.</summary>
public sealed class VoteRulesTests
{
    private static CaseRun AtAdmissionVote(int voters) =>
        new CaseKit { EligibleVoterIds = CaseKit.Voters(voters) }.Open().RecordUntil(CaseEventType.AdmissionVoteHeld);

    private static Decision Vote(CaseRun run, int n, int a, int votesFor, int against = 0, int abstain = 0,
        IReadOnlyList<WrittenOpinion>? written = null)
    {
        var date = run.Next(CaseEventType.AdmissionVoteHeld).Date;
        return run.Decide(CaseEventType.AdmissionVoteHeld, date,
            CaseData.Vote(date, n, a, votesFor, against, abstain) with { WrittenOpinions = written });
    }

    [Theory]
    [InlineData(10, 11)]
    [InlineData(10, 9)]
    [InlineData(16, 15)]
    public void AdmissionVoteHeld_WithAnEligibleVoterCountDifferentFromTheRegistry_IsRefusedByG08(int registry, int reported)
    {
        var run = AtAdmissionVote(registry);

        Verdict.OnlyRefusedBy(Vote(run, reported, reported, reported), "G-08-voting-rights", RuleSeverity.Block);
    }

    [Fact]
    public void AdmissionVoteHeld_InABranchWithNoVotersOnTheDay_IsRefusedByG08()
    {
        var kit = new CaseKit();
        var run = kit.Open().RecordUntil(CaseEventType.AdmissionVoteHeld);
        kit.EligibleVoterIds = new HashSet<string>();

        Verdict.RefusedBy(Vote(run, 0, 0, 0), "G-08-voting-rights", RuleSeverity.Block);
    }

    [Theory]
    [InlineData(16, 8)]
    [InlineData(15, 7)]
    [InlineData(7, 3)]
    [InlineData(2, 1)]
    [InlineData(10, 5)]
    public void AdmissionVoteHeld_WithNoMoreThanHalfTheVotersPresent_IsRefusedByR19Quorum(int n, int a)
    {
        var run = AtAdmissionVote(n);

        var refusal = Verdict.OnlyRefusedBy(Vote(run, n, a, a), "R-19-quorum", RuleSeverity.Block);

        Assert.Contains($"实到会有表决权的党员 {a} 人，未超过应到会 {n} 人的半数", refusal.Message);
    }

    [Theory]
    [InlineData(16, 9)]
    [InlineData(15, 8)]
    [InlineData(7, 4)]
    [InlineData(2, 2)]
    [InlineData(1, 1)]
    public void AdmissionVoteHeld_WithMoreThanHalfTheVotersPresent_IsAcceptedAndPassesWhenAllPresentAreInFavour(int n, int a)
    {
        var run = AtAdmissionVote(n);

        var decision = Vote(run, n, a, a);

        Verdict.Accepted(decision);
        Assert.Equal(AssemblyResult.Passed, decision.Data.Result);
    }

    [Theory]
    [InlineData(16, 16, 8, AssemblyResult.NotPassed)]
    [InlineData(16, 16, 9, AssemblyResult.Passed)]
    [InlineData(16, 9, 9, AssemblyResult.Passed)]
    [InlineData(15, 15, 7, AssemblyResult.NotPassed)]
    [InlineData(15, 8, 8, AssemblyResult.Passed)]
    [InlineData(10, 10, 5, AssemblyResult.NotPassed)]
    public void AdmissionVoteHeld_ResultIsPassedOnlyWhenVotesForExceedHalfOfTheEligibleVoters(int n, int a, int votesFor, AssemblyResult expected)
    {
        var run = AtAdmissionVote(n);

        var decision = Vote(run, n, a, votesFor, against: a - votesFor);

        Verdict.Accepted(decision);
        Assert.Equal(expected, decision.Data.Result);
        Assert.Equal(votesFor, decision.Data.CountedVotesFor);
    }

    [Fact]
    public void AdmissionVoteHeld_ClientSuppliedResult_IsReplacedByTheComputedOne()
    {
        var run = AtAdmissionVote(10);
        var date = run.Next(CaseEventType.AdmissionVoteHeld).Date;

        var decision = run.Decide(CaseEventType.AdmissionVoteHeld, date,
            CaseData.Vote(date, 10, 10, 5, against: 5) with { Result = AssemblyResult.Passed, CountedVotesFor = 9 });

        Assert.Equal(AssemblyResult.NotPassed, decision.Data.Result);
        Assert.Equal(5, decision.Data.CountedVotesFor);
    }

    [Fact]
    public void AdmissionVoteHeld_TenVotersSixPresentFourForAndTwoValidWrittenFor_Passes()
    {
        var run = AtAdmissionVote(10);
        var day = run.Next(CaseEventType.AdmissionVoteHeld).Date;
        WrittenOpinion[] written =
        [
            new(CaseKit.Member(9), VotePosition.For, CaseData.At(day.AddDays(-1), 17)),
            new(CaseKit.Member(10), VotePosition.For, CaseData.At(day, 8)),
        ];

        var decision = Vote(run, 10, 6, 4, against: 1, abstain: 1, written: written);

        Verdict.Accepted(decision);
        Assert.Equal(AssemblyResult.Passed, decision.Data.Result);
        Assert.Equal(6, decision.Data.CountedVotesFor);
        Assert.Equal(2, decision.Data.ValidWrittenOpinionsFor);
    }

    [Fact]
    public void AdmissionVoteHeld_TenVotersSixPresentFourForWithoutWrittenOpinions_DoesNotPass()
    {
        var run = AtAdmissionVote(10);

        var decision = Vote(run, 10, 6, 4, against: 1, abstain: 1);

        Verdict.Accepted(decision);
        Assert.Equal(AssemblyResult.NotPassed, decision.Data.Result);
        Assert.Equal(4, decision.Data.CountedVotesFor);
    }

    [Theory]
    [InlineData("m09", 0)]
    [InlineData("m09", 30)]
    [InlineData("m15", -60)]
    [InlineData(CaseKit.Probationary, -60)]
    [InlineData(CaseKit.UnderDisciplinaryProbation, -60)]
    public void AdmissionVoteHeld_WrittenOpinionAtOrAfterTheStartOrFromANonVoter_IsNotCountedByG11(string author, int minutesFromStart)
    {
        var run = AtAdmissionVote(10);
        var day = run.Next(CaseEventType.AdmissionVoteHeld).Date;
        WrittenOpinion[] written =
        [
            new(CaseKit.Member(10), VotePosition.For, CaseData.At(day, 8)),
            new(author, VotePosition.For, CaseData.At(day, 9).AddMinutes(minutesFromStart)),
        ];

        var decision = Vote(run, 10, 6, 4, against: 1, abstain: 1, written: written);

        Verdict.Accepted(decision);
        Assert.Equal(1, decision.Data.ValidWrittenOpinionsFor);
        Assert.Equal(5, decision.Data.CountedVotesFor);
        Assert.Equal(AssemblyResult.NotPassed, decision.Data.Result);
    }

    [Fact]
    public void AdmissionVoteHeld_TwoWrittenOpinionsFromTheSameVoter_AreCountedOnce()
    {
        var run = AtAdmissionVote(10);
        var day = run.Next(CaseEventType.AdmissionVoteHeld).Date;
        WrittenOpinion[] written =
        [
            new(CaseKit.Member(10), VotePosition.For, CaseData.At(day, 7)),
            new(CaseKit.Member(10), VotePosition.For, CaseData.At(day, 8)),
        ];

        var decision = Vote(run, 10, 6, 4, against: 1, abstain: 1, written: written);

        Assert.Equal(1, decision.Data.ValidWrittenOpinionsFor);
        Assert.Equal(AssemblyResult.NotPassed, decision.Data.Result);
    }

    [Fact]
    public void AdmissionVoteHeld_WrittenAgainstOpinions_DoNotCountTowardsVotesFor()
    {
        var run = AtAdmissionVote(10);
        var day = run.Next(CaseEventType.AdmissionVoteHeld).Date;
        WrittenOpinion[] written =
        [
            new(CaseKit.Member(9), VotePosition.Against, CaseData.At(day, 7)),
            new(CaseKit.Member(10), VotePosition.For, CaseData.At(day, 8)),
        ];

        var decision = Vote(run, 10, 6, 5, against: 1, written: written);

        Verdict.Accepted(decision);
        Assert.Equal(6, decision.Data.CountedVotesFor);
        Assert.Equal(AssemblyResult.Passed, decision.Data.Result);
    }

    [Fact]
    public void AdmissionVoteHeld_WithMoreWrittenOpinionsThanAbsentVoters_IsRefusedByG11()
    {
        var run = AtAdmissionVote(10);
        var day = run.Next(CaseEventType.AdmissionVoteHeld).Date;
        var written = Enumerable.Range(6, 5).Select(i => new WrittenOpinion(CaseKit.Member(i), VotePosition.For, CaseData.At(day, 8))).ToList();

        Verdict.OnlyRefusedBy(Vote(run, 10, 6, 6, written: written), "G-11-written-opinions", RuleSeverity.Block);
    }

    [Fact]
    public void AdmissionVoteHeld_WithMoreBallotsThanPresentVoters_IsA400NamingTheField()
    {
        var run = AtAdmissionVote(10);

        var decision = Vote(run, 10, 6, 5, against: 2);

        Assert.Equal("votesFor", Assert.Single(decision.Errors).Field);
    }

    [Fact]
    public void AdmissionVoteHeld_WithAWrittenOpinionMissingItsSubmissionTime_IsA400NamingTheOpinion()
    {
        var run = AtAdmissionVote(10);

        var decision = Vote(run, 10, 6, 4, written: [new WrittenOpinion(CaseKit.Member(10), VotePosition.For, null)]);

        Assert.Equal("writtenOpinions[0]", Assert.Single(decision.Errors).Field);
    }
}
