using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>入党积极分子的确定和培养教育 — 《细则》第八至十二条 (R-08 … R-11; R-40).</summary>
public static class ActivistRules
{
    public static IEnumerable<Refusal> Check(RuleInput x)
    {
        switch (x.Type)
        {
            case CaseEventType.ActivistDesignated:
                if (Nomination(x) is { } nomination)
                {
                    yield return nomination;
                }

                break;
            case CaseEventType.ActivistFiled:
                if (FilingBody(x) is { } filing)
                {
                    yield return filing;
                }

                break;
            case CaseEventType.MentorAssigned:
                foreach (var r in MentorCountAndStatus(x).Concat(MentorQualification(x)))
                {
                    yield return r;
                }

                break;
            case CaseEventType.OpinionsCollected:
                foreach (var r in MentorOpinionsFromMentors(x))
                {
                    yield return r;
                }

                break;
        }
    }

    /// <summary>R-08-activist-selection (第八条): at least one 推荐/推优 before the decision.</summary>
    public static Refusal? Nomination(RuleInput x) =>
        x.State.Of(CaseEventType.NominationRecorded).Any() ? null : Refusal.Block(RuleIds.R08ActivistSelection, "第八条",
            "确定入党积极分子须经党员推荐、群团组织推优等产生人选：尚未记录推荐或推优");

    /// <summary>R-08-activist-filing (第八条): the filing goes to the branch's higher 党委 (a committee).</summary>
    public static Refusal? FilingBody(RuleInput x)
    {
        var org = x.Ctx.Org(x.Data.FiledWithOrgId)!;
        return org.IsCommittee && CommonRules.IsInChain(x.Ctx, org) ? null : Refusal.Block(RuleIds.R08ActivistFiling, "第八条",
            $"入党积极分子应报上级党委备案：“{org.Name}”（{org.Type.Label()}）不是本支部的上级党委");
    }

    /// <summary>R-08-activist-filing (第八条): no candidate proposal while the activist's filing is missing.</summary>
    public static Refusal? FilingExists(RuleInput x) =>
        x.State.Of(CaseEventType.ActivistFiled).Any() ? null : Refusal.Block(RuleIds.R08ActivistFiling, "第八条",
            "确定入党积极分子后应报上级党委备案：尚无备案记录，不能研究拟列为发展对象");

    /// <summary>R-09-mentor-count-and-status (第九条): one or two mentors in all, each a full member on the date,
    /// never the applicant.</summary>
    public static IEnumerable<Refusal> MentorCountAndStatus(RuleInput x)
    {
        var ids = x.Data.MentorMemberIds ?? [];
        var all = CurrentMentors(x.State).Concat(ids).Distinct().ToList();
        if (all.Count > 2)
        {
            yield return Refusal.Block(RuleIds.R09MentorCountAndStatus, "第九条",
                $"培养联系人一般为 1 至 2 名正式党员：指定后将有 {all.Count} 名（{CommonRules.Names(x.Ctx, all)}）");
        }

        foreach (var id in ids)
        {
            var m = x.Ctx.Member(id)!;
            if (m.PersonId == x.Ctx.Person.Id)
            {
                yield return Refusal.Block(RuleIds.R09MentorCountAndStatus, "第九条", "不能指定入党积极分子本人为培养联系人");
            }
            else if (!m.IsFullMemberOn(x.Date))
            {
                yield return Refusal.Block(RuleIds.R09MentorCountAndStatus, "第九条",
                    $"{m.Name} 在 {x.Day(x.Date)} 不是正式党员，不能担任培养联系人");
            }
        }
    }

    /// <summary>R-09-mentor-qualification (第九条): the assigning organisation attests the mentor's qualities;
    /// a mentor under a sanction's effect period is presumptively unsuitable (WARN).</summary>
    public static IEnumerable<Refusal> MentorQualification(RuleInput x)
    {
        if (!x.Is2026)
        {
            yield break; // the qualifications are new in 2026 (RULES.md §1 D11)
        }

        if (x.Data.QualificationAttested != true)
        {
            yield return Refusal.Warn(RuleIds.R09MentorQualification, "第九条",
                "未记录党组织对培养联系人条件（政治可靠、先锋模范作用发挥较好等）的确认");
        }

        foreach (var m in (x.Data.MentorMemberIds ?? []).Select(id => x.Ctx.Member(id)!))
        {
            if (m.IsUnderDisciplinaryProbationOn(x.Date) || m.LesserSanctionInEffectOn(x.Date) is not null)
            {
                yield return Refusal.Warn(RuleIds.R09MentorQualification, "第九条",
                    $"{m.Name} 在 {x.Day(x.Date)} 处于党纪处分影响期内，不宜担任培养联系人");
            }
        }
    }

    /// <summary>R-09-mentor-duties (第九条): mentor opinions come from the activist's mentors.</summary>
    public static IEnumerable<Refusal> MentorOpinionsFromMentors(RuleInput x)
    {
        var mentors = CurrentMentors(x.State).ToHashSet();
        foreach (var o in x.Data.MentorOpinions ?? [])
        {
            if (o.MemberId is { } id && !mentors.Contains(id))
            {
                yield return Refusal.Block(RuleIds.R09MentorDuties, "第九条",
                    $"{x.Ctx.Member(id)?.Name ?? id} 不是该入党积极分子的培养联系人，不能作为培养联系人意见记录");
            }
        }
    }

    /// <summary>R-09-mentor-duties (第九条): before the candidate discussion every mentor has given an opinion on listing.</summary>
    public static Refusal? MentorOpinionsBeforeDiscussion(RuleInput x)
    {
        var mentors = CurrentMentors(x.State).ToList();
        if (mentors.Count == 0)
        {
            return Refusal.Block(RuleIds.R09MentorDuties, "第九条", "尚未指定培养联系人，无培养联系人意见");
        }

        var given = x.State.Of(CaseEventType.OpinionsCollected)
            .Where(e => e.Data.Purpose == OpinionPurpose.CandidateListing)
            .SelectMany(e => e.Data.MentorOpinions ?? []).Select(o => o.MemberId).ToHashSet();
        var missing = mentors.Where(m => !given.Contains(m)).ToList();
        return missing.Count == 0 ? null : Refusal.Block(RuleIds.R09MentorDuties, "第九条",
            $"培养联系人 {CommonRules.Names(x.Ctx, missing)} 尚未就能否列为发展对象提出意见");
    }

    /// <summary>R-11-half-yearly-assessment (第十一条): the branch assesses the activist every six months; by the
    /// candidate discussion at least one assessment per full half-year since the activist date (WARN).</summary>
    public static Refusal? HalfYearlyAssessments(RuleInput x)
    {
        var start = x.State.ActivistDate!.Value;
        var halfYears = 0;
        while (start.AddMonths(6 * (halfYears + 1)) <= x.Date)
        {
            halfYears++;
        }

        var count = x.State.Of(CaseEventType.ActivistAssessed).Count();
        return count >= halfYears ? null : Refusal.Warn(RuleIds.R11HalfYearlyAssessment, "第十一条",
            $"自 {x.Day(start)} 确定为入党积极分子至 {x.Day(x.Date)} 已满 {halfYears} 个半年，应有 {halfYears} 次考察，实有 {count} 次");
    }

    /// <summary>R-40-mobile-member-org-capability (第四十条): a mobile members' organisation that does not meet the
    /// conditions may not list candidates, hold admission or confirmation assemblies, or approve.</summary>
    public static Refusal? MobileOrgCapability(RuleInput x)
    {
        var org = x.Ctx.CaseOrg;
        return org.Type == OrgType.MobileMemberOrg && !org.MeetsDevelopmentConditions
            ? Refusal.Block(RuleIds.R40MobileMemberOrgCapability, "第四十条",
                $"“{org.Name}”不具备发展党员条件：可以接收申请、培养入党积极分子，但不能确定发展对象、召开接收或转正的党员大会，应将材料转交有关党组织")
            : null;
    }

    public static IEnumerable<string> CurrentMentors(CaseState state) =>
        state.Of(CaseEventType.MentorAssigned).SelectMany(e => e.Data.MentorMemberIds ?? []).Distinct();
}
