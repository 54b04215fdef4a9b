using Jishi.Domain.Rules;

namespace Jishi.Domain.OrgLife;

/// <summary>
/// L-04-assembly-votes (MANAGEMENT.md §3; 《中国共产党支部工作条例（试行）》第十一条 "表决必须有半数以上有表决权的党员到会方可进行，
/// 赞成人数超过应到会有表决权的党员的半数为通过"; RULES G-09/G-10): the branch assembly's decisions on a disposal (劝退、除名)
/// and on a disciplinary sanction (党纪处分) are taken with a quorum 2A &gt; N and pass with 2Y &gt; N, N the members with
/// voting rights who should attend (G-08). The product records no commendations (表彰), so none is voted here.
/// </summary>
public static class AssemblyVotes
{
    public const string Article11 = "《中国共产党支部工作条例（试行）》第十一条";

    /// <summary>L-04-assembly-votes: the assembly may vote only when more than half of the N members with voting rights
    /// are present (2A &gt; N, strict).</summary>
    public static Refusal? Quorum(int eligible, int present) => 2 * present > eligible ? null
        : Refusal.Block(RuleIds.L04AssemblyVotes, Article11,
            $"支部党员大会表决须有半数以上有表决权的党员到会：实到会有表决权的党员 {present} 人，未超过应到会 {eligible} 人的半数，不能表决");

    /// <summary>L-04-assembly-votes: the decision passes when the votes for are more than half of N (2Y &gt; N).</summary>
    public static bool Passes(int eligible, int votesFor) => 2 * votesFor > eligible;

    /// <summary>L-04-assembly-votes, where a decision not passed leaves nothing to record (a sanction): refused unless
    /// 2Y &gt; N; <paramref name="decision"/> names what was voted on.</summary>
    public static Refusal? Passed(int eligible, int votesFor, string decision) => Passes(eligible, votesFor) ? null
        : Refusal.Block(RuleIds.L04AssemblyVotes, Article11,
            $"赞成 {votesFor} 票，未超过应到会有表决权的党员 {eligible} 人的半数：支部党员大会未通过{decision}，不能记录");

    /// <summary>The figures of an assembly vote as given: each present one not negative, A ≤ N and
    /// 赞成 + 反对 + 弃权 ≤ A. Fields are named <paramref name="prefix"/> + the JSON name; a missing optional count is 0.</summary>
    public static IEnumerable<FieldError> Figures(string prefix, int? eligible, int? present, int? votesFor, int? votesAgainst, int? abstentions)
    {
        foreach (var (field, value) in new[]
                 {
                     ("eligibleVoterCount", eligible), ("presentVoterCount", present), ("votesFor", votesFor), ("votesAgainst", votesAgainst),
                     ("abstentions", abstentions),
                 })
        {
            if (value is < 0)
            {
                yield return new FieldError(prefix + field, "人数不能小于 0");
            }
        }

        if (present is { } a && eligible is { } n && a > n)
        {
            yield return new FieldError(prefix + "presentVoterCount", $"实到人数 {a} 不能超过应到人数 {n}");
        }

        if (present is { } att && votesFor is { } y)
        {
            var cast = y + (votesAgainst ?? 0) + (abstentions ?? 0);
            if (cast > att)
            {
                yield return new FieldError(prefix + "votesFor", $"赞成、反对、弃权合计 {cast} 票，超过实到人数 {att}");
            }
        }
    }
}
