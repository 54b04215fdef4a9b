using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.Domain.OrgLife;

/// <summary>
/// L-08-party-spirit-analysis (= RULES M-14-party-spirit-analysis-5y, OrgWARN): 每5年由县级以上党委作出安排，集中开展一次
/// 党员党性分析活动. A county-or-above committee arranges a campaign for everything below it; each member's participation
/// is recorded by their organisation within the campaign's period. A committee whose last campaign (its own or one
/// arranged above it) ended five years ago — or, with none, that has been in the registry five years — owes the next.
/// </summary>
public static class PartySpiritAnalysisRules
{
    public const string Article = "中办发〔2013〕4号 二（十四）";

    /// <summary>每5年 … 集中开展一次.</summary>
    public const int EveryYears = 5;

    /// <summary>The date by which the next campaign is owed: five years (G-02) after the last one ended, or after
    /// <paramref name="since"/> when there has been none.</summary>
    public static DateOnly NextDue(DateOnly? lastEnded, DateOnly since) => (lastEnded ?? since).AddYears(EveryYears);

    /// <summary>Whether an organisation of this type arranges the campaign (a county-or-above committee).</summary>
    public static bool Arranges(OrgType type) => OrgTypes.CountyOrAboveCommittees.Contains(type);

    /// <summary>The refusals of arranging a campaign at <paramref name="type"/>.</summary>
    public static IEnumerable<Refusal> CheckArrangement(OrgType type, string orgName)
    {
        if (!Arranges(type))
        {
            yield return Refusal.Block(RuleIds.L08PartySpiritAnalysis, Article,
                $"党员党性分析活动由县级以上党委作出安排，{orgName}不是县级以上党委");
        }
    }

    /// <summary>The refusals of recording a member's participation on <paramref name="date"/> in a campaign of
    /// [<paramref name="start"/>, <paramref name="end"/>] arranged by the organisation at <paramref name="arrangedAt"/>
    /// (a path), for a member now at <paramref name="memberPath"/>.</summary>
    public static IEnumerable<Refusal> CheckParticipation(DateOnly start, DateOnly end, DateOnly date, string arrangedAt, string memberPath,
        string memberName, bool alreadyRecorded)
    {
        if (date < start || date > end)
        {
            yield return Refusal.Block(RuleIds.L08PartySpiritAnalysis, Article,
                $"{memberName} 的参加日期 {date:yyyy-MM-dd} 不在本次党性分析活动期间（{start:yyyy-MM-dd} 至 {end:yyyy-MM-dd}）");
        }

        if (!memberPath.StartsWith(arrangedAt, StringComparison.Ordinal))
        {
            yield return Refusal.Block(RuleIds.L08PartySpiritAnalysis, Article, $"{memberName} 不在安排本次党性分析活动的党委所属组织中");
        }

        if (alreadyRecorded)
        {
            yield return Refusal.Block(RuleIds.L08PartySpiritAnalysis, Article, $"{memberName} 参加本次党性分析活动已经记录");
        }
    }
}
