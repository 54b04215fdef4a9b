using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>
/// Branch assembly votes on admission and confirmation (RULES.md G-08 … G-13; 《细则》第十九、二十、三十二条;
/// 中办发〔2013〕4号 (六)). The engine computes Y and the result; the client's figures are checked, not trusted.
/// </summary>
public static class VoteRules
{
    /// <summary>The vote's refusals and, when it may be stored, the data with Y and the result filled in.</summary>
    public static (IReadOnlyList<Refusal> Refusals, EventData Data) Judge(RuleInput x, bool admission)
    {
        var refusals = new List<Refusal>();
        var d = x.Data;
        var n = d.EligibleVoterCount!.Value;
        var a = d.PresentVoterCount!.Value;
        var registry = x.Ctx.EligibleVoterIds.Count;

        // G-08-voting-rights: N from the registry on the meeting date.
        if (n != registry)
        {
            refusals.Add(Refusal.Block(RuleIds.G08VotingRights, "党章第七条、第四十一条",
                $"应到会有表决权的党员应为 {registry} 人（{x.Day(x.Date)} 党员名册中本支部的正式党员，不含预备党员和受留党察看处分尚未恢复党员权利的党员），填报 {n} 人"));
        }

        if (registry == 0)
        {
            refusals.Add(Refusal.Block(RuleIds.G08VotingRights, "党章第七条", "本支部在会议当日没有有表决权的党员，不能表决"));
        }

        // G-09-quorum / R-19-quorum: 2A > N.
        if (Quorum(n, a, admission ? RuleIds.R19Quorum : RuleIds.G09Quorum, admission ? "第十九条" : "第三十二条") is { } quorum)
        {
            refusals.Add(quorum);
        }

        // G-12-secret-ballot.
        if (d.VoteMethod != VoteMethod.SecretBallot)
        {
            refusals.Add(admission
                ? Refusal.Block(RuleIds.R20SecretBallot, "第二十条", $"讨论接收预备党员必须采取无记名投票方式表决，所报为 {d.VoteMethod}")
                : Refusal.Block(RuleIds.G12SecretBallot, "中办发〔2013〕4号（六）", $"讨论预备党员转正应采取无记名投票方式表决（M-06），所报为 {d.VoteMethod}"));
        }

        // G-11-written-opinions: counted only from eligible voters, submitted before the meeting opened, one each.
        var validFor = 0;
        var seen = new HashSet<string>();
        var fromVoters = new HashSet<string>();
        foreach (var w in d.WrittenOpinions ?? [])
        {
            if (w.MemberId is not { } id || !seen.Add(id) || !x.Ctx.EligibleVoterIds.Contains(id))
            {
                continue; // stored, not counted: a second opinion of the same member, or not a voter
            }

            fromVoters.Add(id);
            if (w.SubmittedAt < d.MeetingStartAt && w.Position == VotePosition.For)
            {
                validFor++;
            }
        }

        var absent = n - a;
        if (fromVoters.Count > Math.Max(absent, 0))
        {
            refusals.Add(Refusal.Block(RuleIds.G11WrittenOpinions, "第二十条",
                $"书面意见只能由因故不能到会的有表决权党员提出：缺席 {Math.Max(absent, 0)} 人，有表决权党员的书面意见 {fromVoters.Count} 份"));
        }

        var y = d.VotesFor!.Value + validFor;
        var result = Passes(n, y) ? AssemblyResult.Passed : AssemblyResult.NotPassed;
        return (refusals, d with { CountedVotesFor = y, ValidWrittenOpinionsFor = validFor, Result = result });
    }

    /// <summary>G-09-quorum: a branch assembly may vote only when more than half of the N members with voting rights are
    /// present (2A &gt; N, strict); the refusal under the rule id and article of the vote concerned.</summary>
    public static Refusal? Quorum(int eligible, int present, string rule, string article) => 2 * present > eligible ? null
        : Refusal.Block(rule, article, $"实到会有表决权的党员 {present} 人，未超过应到会 {eligible} 人的半数");

    /// <summary>G-10: a resolution passes when the votes for (with valid written opinions) are more than half of N (2Y &gt; N).</summary>
    public static bool Passes(int eligible, int votesFor) => 2 * votesFor > eligible;
}
