using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>申请入党 — 《细则》第五至七条 .</summary>
public static class ApplicationRules
{
    /// <summary>The rules that gate opening a case (the application being received).</summary>
    public static IEnumerable<Refusal> CheckApplication(PersonFacts person, OrgFacts receivingOrg, ReceivingOrgRelation relation,
        DateOnly receivedDate)
    {
        if (Age18(person, receivedDate) is { } age)
        {
            yield return age;
        }

        foreach (var r in WhereToApply(person, receivingOrg, relation))
        {
            yield return r;
        }
    }

    /// <summary>R-05-age-18 (第五条; G-06): 年满十八岁 on the day the application is received — eligible on the 18th
    /// birthday; a 29 February birthday reaches 18 on 28 February (G-02).</summary>
    public static Refusal? Age18(PersonFacts person, DateOnly receivedDate)
    {
        var eighteen = person.BirthDate.AddYears(18);
        return receivedDate >= eighteen ? null : Refusal.Block(RuleIds.R05Age18, "第五条",
            $"收到入党申请书之日（{receivedDate:yyyy-MM-dd}）申请人未满十八岁：出生于 {person.BirthDate:yyyy-MM-dd}，" +
            $"{eighteen:yyyy-MM-dd} 起方可申请");
    }

    /// <summary>R-06-where-to-apply (第六条): the organisation that may receive the application depends on the
    /// applicant's unit, whether it has a party organisation, and mobility.</summary>
    public static IEnumerable<Refusal> WhereToApply(PersonFacts person, OrgFacts receivingOrg, ReceivingOrgRelation relation)
    {
        var hasUnit = !string.IsNullOrWhiteSpace(person.UnitName);
        var allowed = new List<ReceivingOrgRelation>();
        if (hasUnit && person.UnitHasPartyOrg == true)
        {
            allowed.Add(ReceivingOrgRelation.UnitOrg);
        }
        else if (hasUnit)
        {
            allowed.AddRange([ReceivingOrgRelation.UnitLocationOrg, ReceivingOrgRelation.SupervisingDepartmentOrg, ReceivingOrgRelation.ResidenceOrg]);
        }
        else
        {
            allowed.Add(ReceivingOrgRelation.ResidenceOrg);
        }

        if (person.IsMobile)
        {
            allowed.Add(ReceivingOrgRelation.MobileMemberOrg);
        }

        if (hasUnit && person.UnitHasPartyOrg is null && relation != ReceivingOrgRelation.MobileMemberOrg)
        {
            yield return Refusal.Block(RuleIds.R06WhereToApply, "第六条",
                $"未登记申请人的工作单位“{person.UnitName}”是否建立党组织，无法判断应向哪个党组织提出申请：请先在人员信息中填写");
            yield break;
        }

        if (!allowed.Contains(relation))
        {
            var situation = hasUnit
                ? person.UnitHasPartyOrg == true
                    ? $"申请人所在单位“{person.UnitName}”已建立党组织，应向单位党组织提出申请"
                    : $"申请人所在单位“{person.UnitName}”未建立党组织，应向单位所在地党组织、单位主管部门党组织或者居住地党组织提出申请"
                : "申请人没有工作、学习单位，应向居住地党组织提出申请";
            yield return Refusal.Block(RuleIds.R06WhereToApply, "第六条",
                situation + (person.IsMobile ? "（流动人员还可以向流动党员党组织提出申请）" : "") + $"；所报关系为 {relation}，应转向正确的党组织");
        }

        if (relation == ReceivingOrgRelation.MobileMemberOrg && receivingOrg.Type != OrgType.MobileMemberOrg)
        {
            yield return Refusal.Block(RuleIds.R06WhereToApply, "第六条",
                $"“{receivingOrg.Name}”不是流动党员党组织（类型：{receivingOrg.Type.Label()}）");
        }
    }

    public static IEnumerable<Refusal> Check(RuleInput x)
    {
        switch (x.Type)
        {
            case CaseEventType.ApplicationTalkHeld:
                if (TalkWithinOneMonth(x) is { } late)
                {
                    yield return late;
                }

                if (TalkContent(x) is { } content)
                {
                    yield return content;
                }

                break;
            case CaseEventType.ActivistDesignated:
                if (TalkBeforeActivist(x) is { } noTalk)
                {
                    yield return noTalk;
                }

                break;
        }
    }

    /// <summary>R-07-talk-within-1-month (第七条; G-01): the talk within one calendar month of receiving the
    /// application (inclusive); a later talk is recorded with a reason (WARN); a talk before the application is refused.</summary>
    public static Refusal? TalkWithinOneMonth(RuleInput x)
    {
        var received = x.State.ApplicationReceivedDate!.Value;
        if (x.Date < received)
        {
            return Refusal.Block(RuleIds.R07TalkWithin1Month, "第七条",
                $"谈话日期 {x.Day(x.Date)} 早于收到入党申请书之日 {x.Day(received)}");
        }

        var due = received.AddMonths(1);
        return x.Date <= due ? null : Refusal.Warn(RuleIds.R07TalkWithin1Month, "第七条",
            $"应在收到入党申请书后一个月内（{x.Day(received)} 起，至迟 {x.Day(due)}）派人谈话，实际于 {x.Day(x.Date)} 谈话，" +
            $"逾期 {x.Date.DayNumber - due.DayNumber} 天");
    }

    /// <summary>R-07-talk-content (第七条): the talk covers the five items and introduces party knowledge and member standards.</summary>
    public static Refusal? TalkContent(RuleInput x)
    {
        if (!x.Is2026)
        {
            return null; // the content list is new in 2026 (RULES.md §1 D12); the 2014 rules asked only for a talk
        }

        var topics = x.Data.Topics ?? [];
        var missing = Enum.GetValues<TalkTopic>().Where(t => !topics.Contains(t)).ToList();
        return missing.Count == 0 ? null : Refusal.Warn(RuleIds.R07TalkContent, "第七条",
            "谈话记录缺少：" + string.Join("、", missing.Select(Label)));
    }

    /// <summary>R-07 (sequence): an applicant cannot be designated an activist before the application talk.</summary>
    public static Refusal? TalkBeforeActivist(RuleInput x) =>
        x.State.Of(CaseEventType.ApplicationTalkHeld).Any(t => t.Date <= x.Date) ? null : Refusal.Block(
            RuleIds.R07TalkWithin1Month, "第七条", "尚未记录党组织派人与入党申请人的谈话，不能确定为入党积极分子");

    public static string Label(TalkTopic t) => t switch
    {
        TalkTopic.StudyAndWorkHistory => "学习工作经历",
        TalkTopic.UnderstandingOfParty => "对党的认识",
        TalkTopic.Motivation => "入党动机",
        TalkTopic.LawAbiding => "遵纪守法情况",
        TalkTopic.Family => "家庭情况",
        TalkTopic.IntroducedPartyKnowledge => "向申请人介绍党的基本知识",
        TalkTopic.IntroducedMemberStandards => "向申请人介绍党员的标准和条件",
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, null),
    };
}
