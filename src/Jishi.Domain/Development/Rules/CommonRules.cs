using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>Cross-cutting rules (RULES.md §0.3–0.4): G-05 dates, G-07 deciding body, and helpers shared by groups.</summary>
public static class CommonRules
{
    public static IEnumerable<Refusal> Check(RuleInput x)
    {
        if (NotInFuture(x.Date, x.Ctx.Today) is { } future)
        {
            yield return future;
        }

        var last = x.State.Events.Count > 0 ? x.State.Events[^1].Date : (DateOnly?)null;
        if (last is { } l && x.Date < l)
        {
            yield return Refusal.Block(RuleIds.G05Dates, "通用约定 G-05",
                $"步骤日期 {x.Day(x.Date)} 早于本个案上一步骤的日期 {x.Day(l)}：请按实际发生顺序记录（更正请记录更正事件）");
        }

        if (x.Type is CaseEventType.ActivistDesignated or CaseEventType.CandidateProposed or CaseEventType.BranchReviewPassed)
        {
            if (DecidingBody(x) is { } body)
            {
                yield return body;
            }
        }
    }

    /// <summary>G-05-dates: nothing may be dated after today (China time).</summary>
    public static Refusal? NotInFuture(DateOnly date, DateOnly today) => date <= today ? null : Refusal.Block(
        RuleIds.G05Dates, "通用约定 G-05", $"日期 {date:yyyy-MM-dd} 晚于今天（{today:yyyy-MM-dd}），不能记录未来的事项");

    /// <summary>G-07-branch-committee-substitute (第八条): a branch committee meeting decides; where the branch has no
    /// committee, the branch assembly does.</summary>
    public static Refusal? DecidingBody(RuleInput x)
    {
        var org = x.Ctx.CaseOrg;
        var required = org.HasCommittee ? Development.DecidingBody.BranchCommitteeMeeting : Development.DecidingBody.BranchAssembly;
        return x.Data.DecidedBy == required ? null : Refusal.Block(RuleIds.G07BranchCommitteeSubstitute, "第八条",
            org.HasCommittee
                ? $"“{org.Name}”设有支部委员会，应由支部委员会会议研究决定，所报为党员大会"
                : $"“{org.Name}”不设支部委员会，应由党支部党员大会研究决定，所报为支部委员会会议");
    }

    /// <summary>Whether <paramref name="org"/> is the case organisation or above it.</summary>
    public static bool IsInChain(CaseContext ctx, OrgFacts org) => ctx.OrgChain.Any(o => o.Id == org.Id);

    public static string Names(CaseContext ctx, IEnumerable<string> memberIds) =>
        string.Join("、", memberIds.Select(id => ctx.Member(id)?.Name ?? id));
}
