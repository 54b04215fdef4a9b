using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>发展对象的确定和考察 — 《细则》第十三至十七条 (R-13 … R-17).</summary>
public static class CandidateRules
{
    private static readonly OrgType[] TrainingOrganisers =
    [
        OrgType.PrimaryCommittee, OrgType.TownshipCommittee, OrgType.SubdistrictCommittee, OrgType.WorkingCommittee,
        OrgType.CountyOrgDepartment, OrgType.CountyCommittee, OrgType.PrefecturalCommittee, OrgType.ProvincialCommittee,
        OrgType.OrgDepartment,
    ];

    public static IEnumerable<Refusal> Check(RuleInput x)
    {
        IEnumerable<Refusal?> refusals = x.Type switch
        {
            CaseEventType.CandidateProposed =>
            [
                MinOneYear(x), ActivistRules.FilingExists(x), ActivistRules.MentorOpinionsBeforeDiscussion(x), Opinions(x),
                ActivistRules.HalfYearlyAssessments(x), ActivistRules.MobileOrgCapability(x),
            ],
            CaseEventType.CandidateConsented => [UpperConsent(x)],
            CaseEventType.PublicNoticeEnded => [.. PublicNotice(x)],
            CaseEventType.CandidateListed => [.. Listing(x), ActivistRules.MobileOrgCapability(x)],
            CaseEventType.SponsorsAssigned => [.. Sponsors(x, x.Data.SponsorMemberIds ?? [])],
            CaseEventType.PoliticalReviewConcluded => [PoliticalReviewMethods(x), PoliticalReviewContent(x)],
            CaseEventType.TrainingCompleted => [.. Training(x)],
            CaseEventType.ApplicationReceived or CaseEventType.ApplicationTalkHeld or CaseEventType.NominationRecorded
                or CaseEventType.ActivistDesignated or CaseEventType.ActivistFiled or CaseEventType.MentorAssigned
                or CaseEventType.ActivistAssessed or CaseEventType.OpinionsCollected or CaseEventType.BranchReviewPassed
                or CaseEventType.PreReviewPassed or CaseEventType.AdmissionFormIssued or CaseEventType.AdmissionVoteHeld
                or CaseEventType.AdmissionSubmitted or CaseEventType.IntermediateReviewed
                or CaseEventType.ApprovalTalkHeld or CaseEventType.AdmissionApproved or CaseEventType.AdmissionRejected
                or CaseEventType.AdmissionFiled or CaseEventType.DecisionAnnounced
                or CaseEventType.AssignedToBranchAndCell or CaseEventType.OathTaken or CaseEventType.ProbationAssessed
                or CaseEventType.FullMembershipRequested or CaseEventType.ConfirmationVoteHeld
                or CaseEventType.ConfirmationApproved or CaseEventType.ActivistTransferred
                or CaseEventType.TransferredMaterialsReviewed or CaseEventType.ProbationaryTransferred
                or CaseEventType.ConfirmationPostponed or CaseEventType.ProbationDisciplineRecorded
                or CaseEventType.NonRecognitionDecided or CaseEventType.DirectlyAdmitted
                or CaseEventType.PosthumouslyAdmitted or CaseEventType.ArchiveSubmitted or CaseEventType.AttachmentAdded => [],
            _ => throw new ArgumentOutOfRangeException(nameof(x), x.Type, null),
        };
        return refusals.OfType<Refusal>();
    }

    /// <summary>R-13-candidate-min-1-year (第十三条; G-02): the candidate discussion one year or more after the activist date.</summary>
    public static Refusal? MinOneYear(RuleInput x)
    {
        var earliest = x.State.ActivistDate!.Value.AddYears(1);
        return x.Date >= earliest ? null : Refusal.Block(RuleIds.R13CandidateMin1Year, "第十三条",
            $"入党积极分子须经过一年以上培养教育和考察：{x.Day(x.State.ActivistDate.Value)} 确定，{x.Day(earliest)} 起方可讨论，" +
            $"所报讨论日期为 {x.Day(x.Date)}");
    }

    /// <summary>R-13-candidate-opinions (第十三条): before the discussion, opinions of the mentors, the party cell (if the
    /// branch has cells), members and non-members.</summary>
    public static Refusal? Opinions(RuleInput x) => OpinionSources(x, OpinionPurpose.CandidateListing, RuleIds.R13CandidateOpinions, "第十三条",
        "研究拟列为发展对象前");

    internal static Refusal? OpinionSources(RuleInput x, OpinionPurpose purpose, string rule, string article, string when)
    {
        var given = x.State.Of(CaseEventType.OpinionsCollected).Where(e => e.Data.Purpose == purpose && e.Date <= x.Date)
            .SelectMany(e => e.Data.Sources ?? []).ToHashSet();
        var required = new List<OpinionSource> { OpinionSource.Member, OpinionSource.NonMember };
        if (purpose == OpinionPurpose.CandidateListing)
        {
            required.Insert(0, OpinionSource.Mentor);
        }

        if (x.Ctx.BranchHasCells)
        {
            required.Add(OpinionSource.PartyCell);
        }

        var missing = required.Where(s => !given.Contains(s)).ToList();
        return missing.Count == 0 ? null : Refusal.Block(rule, article,
            $"{when}应听取意见，尚缺：{string.Join("、", missing.Select(Label))}");
    }

    /// <summary>R-13-candidate-upper-consent (第十三条): the consent of the branch's higher 党委, after the branch discussion.</summary>
    public static Refusal? UpperConsent(RuleInput x)
    {
        var proposed = x.State.Last(CaseEventType.CandidateProposed);
        if (proposed is null)
        {
            return Refusal.Block(RuleIds.R13CandidateUpperConsent, "第十三条", "支部委员会尚未研究讨论拟列为发展对象，不能报上级党委同意");
        }

        var org = x.Ctx.Org(x.Data.ConsentingOrgId)!;
        if (!org.IsCommittee || !CommonRules.IsInChain(x.Ctx, org))
        {
            return Refusal.Block(RuleIds.R13CandidateUpperConsent, "第十三条",
                $"应报上级党委同意：“{org.Name}”（{org.Type.Label()}）不是本支部的上级党委");
        }

        return null;
    }

    /// <summary>R-13-candidate-public-notice (第十三条; G-03): a notice of at least five working days, starting no earlier than
    /// the higher committee's consent (rules of 2026; the 2014 rules had no notice).</summary>
    public static IEnumerable<Refusal> PublicNotice(RuleInput x)
    {
        var start = x.Data.StartDate!.Value;
        var consent = x.State.Last(CaseEventType.CandidateConsented);
        if (x.Is2026 && (consent is null || start < consent.Date))
        {
            yield return Refusal.Block(RuleIds.R13CandidateUpperConsent, "第十三条", consent is null
                ? "上级党委尚未同意，不能开始公示"
                : $"公示开始日期 {x.Day(start)} 早于上级党委同意之日 {x.Day(consent.Date)}");
        }

        var days = x.Ctx.Calendar.CountWorkingDays(start, x.Date);
        if (days < 5)
        {
            yield return Refusal.Block(RuleIds.R13CandidatePublicNotice, "第十三条",
                $"公示期不少于五个工作日：{x.Day(start)} 至 {x.Day(x.Date)} 只有 {days} 个工作日");
        }

        var place = x.Data.Place!.Value;
        if (!x.Ctx.Person.IsMobile && place is NoticePlace.OutflowPlace or NoticePlace.InflowPlace)
        {
            yield return Refusal.Block(RuleIds.R13MobileDualNotice, "第十三条", "申请人不是流动人员，公示地点应为工作、学习单位或者居住地");
        }
    }

    /// <summary>R-13-candidate-listing, R-13-candidate-public-notice, R-13-mobile-dual-notice (第十三条): listing after the
    /// required notices ended with the outcome 不影响; under the 2014 rules, after the branch discussion and the higher
    /// committee's record (备案) without a notice (R-44).</summary>
    public static IEnumerable<Refusal> Listing(RuleInput x)
    {
        var proposed = x.State.Last(CaseEventType.CandidateProposed);
        if (proposed is null)
        {
            yield return Refusal.Block(RuleIds.R13CandidateBranchDiscussion, "第十三条", "支部委员会尚未研究讨论拟列为发展对象");
            yield break;
        }

        var consent = x.State.Last(CaseEventType.CandidateConsented);
        if (consent is null)
        {
            yield return x.Is2026
                ? Refusal.Block(RuleIds.R13CandidateUpperConsent, "第十三条", "拟列为发展对象须报上级党委同意：尚无上级党委同意的记录")
                : Refusal.Block(RuleIds.R13CandidateUpperConsent, "第十三条（2014 年版）", "按 2014 年《细则》，须报上级党委备案后方可列为发展对象：尚无备案记录");
            yield break;
        }

        if (!x.Is2026)
        {
            yield break;
        }

        var notices = x.State.Of(CaseEventType.PublicNoticeEnded).Where(n => n.Data.StartDate >= consent.Date).ToList();
        var required = x.Ctx.Person.IsMobile
            ? new[] { NoticePlace.OutflowPlace, NoticePlace.InflowPlace }
            : [];
        if (x.Ctx.Person.IsMobile)
        {
            var missing = required.Where(p => !notices.Any(n => n.Data.Place == p)).ToList();
            if (missing.Count > 0)
            {
                yield return Refusal.Block(RuleIds.R13MobileDualNotice, "第十三条",
                    "拟列为发展对象的流动人员应当在流出地和流入地同时公示：尚缺" + string.Join("、", missing.Select(Label)) + "的公示");
                yield break;
            }

            var outflow = notices.Last(n => n.Data.Place == NoticePlace.OutflowPlace);
            var inflow = notices.Last(n => n.Data.Place == NoticePlace.InflowPlace);
            if (outflow.Data.StartDate != inflow.Data.StartDate)
            {
                yield return Refusal.Warn(RuleIds.R13MobileDualNotice, "第十三条",
                    $"流出地公示自 {x.Day(outflow.Data.StartDate!.Value)} 起、流入地公示自 {x.Day(inflow.Data.StartDate!.Value)} 起，未同时公示");
            }

            notices = [outflow, inflow];
        }
        else
        {
            notices = notices.Where(n => n.Data.Place is NoticePlace.Unit or NoticePlace.Residence).ToList();
            if (notices.Count == 0)
            {
                yield return Refusal.Block(RuleIds.R13CandidatePublicNotice, "第十三条",
                    "拟列为发展对象须在工作、学习单位或者居住地公示，公示期不少于五个工作日：尚无公示记录");
                yield break;
            }

            notices = [notices[^1]];
        }

        foreach (var n in notices)
        {
            if (n.Data.NoticeOutcome != PublicNoticeOutcome.NoImpact)
            {
                yield return Refusal.Block(RuleIds.R13CandidateListing, "第十三条",
                    $"{Label(n.Data.Place!.Value)}公示（{x.Day(n.Data.StartDate!.Value)} 至 {x.Day(n.Date)}）的结果影响列为发展对象");
            }

            if (x.Date <= n.Date)
            {
                yield return Refusal.Block(RuleIds.R13CandidateListing, "第十三条",
                    $"应在公示期满后列为发展对象：公示至 {x.Day(n.Date)}，所报列为日期为 {x.Day(x.Date)}");
            }
        }
    }

    /// <summary>R-14-two-sponsors, R-14-sponsor-disciplinary-probation, R-14-sponsor-sanction-effect-period (第十四条; G-15,
    /// G-16): exactly two distinct full members on <paramref name="x"/>'s date, not the candidate, not under 留党察看;
    /// within a lesser sanction's effect period "不宜" (WARN, 2026 rules).</summary>
    public static IEnumerable<Refusal> Sponsors(RuleInput x, IReadOnlyList<string> ids)
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count != 2)
        {
            yield return Refusal.Block(RuleIds.R14TwoSponsors, "第十四条",
                $"发展党员必须有两名正式党员作入党介绍人：所报 {distinct.Count} 名（{CommonRules.Names(x.Ctx, distinct)}）");
        }

        foreach (var m in distinct.Select(id => x.Ctx.Member(id)!))
        {
            if (m.PersonId == x.Ctx.Person.Id)
            {
                yield return Refusal.Block(RuleIds.R14TwoSponsors, "第十四条", "发展对象本人不能作入党介绍人");
                continue;
            }

            if (!m.IsFullMemberOn(x.Date))
            {
                yield return Refusal.Block(RuleIds.R14TwoSponsors, "第十四条", $"{m.Name} 在 {x.Day(x.Date)} 不是正式党员，不能作入党介绍人");
            }

            if (m.IsUnderDisciplinaryProbationOn(x.Date))
            {
                yield return Refusal.Block(RuleIds.R14SponsorDisciplinaryProbation, "第十四条",
                    $"{m.Name} 受留党察看处分、尚未恢复党员权利，不能作入党介绍人");
            }

            if (x.Is2026 && m.LesserSanctionInEffectOn(x.Date) is { } s)
            {
                yield return Refusal.Warn(RuleIds.R14SponsorSanctionEffectPeriod, "第十四条",
                    $"{m.Name} 受{s.Type.Label()}处分（{x.Day(s.ApprovedDate)} 批准），影响期至 {x.Day(s.EffectEndDate!.Value)}，不宜作入党介绍人");
            }
        }
    }

    /// <summary>R-16-methods-and-inquiry (第十六条): where neither 函调 nor 外调 was made, the reason (情况清楚) is recorded.</summary>
    public static Refusal? PoliticalReviewMethods(RuleInput x)
    {
        var methods = x.Data.Methods ?? [];
        return methods.Contains(PoliticalReviewMethod.LetterInquiry) || methods.Contains(PoliticalReviewMethod.FieldInquiry)
            || !string.IsNullOrWhiteSpace(x.Data.Note)
            ? null
            : Refusal.Warn(RuleIds.R16MethodsAndInquiry, "第十六条",
                "未进行函调或外调，应在备注中说明“听取本人介绍和查阅有关材料后情况清楚”的依据");
    }

    /// <summary>R-16-content (第十六条第二款): a finding on each of the six items of the 2026 rules (WARN per missing item).</summary>
    public static Refusal? PoliticalReviewContent(RuleInput x)
    {
        if (!x.Is2026)
        {
            return null; // four items in 2014 (RULES.md §1 D8); the six-item list applies from 2026-05-11
        }

        var given = x.Data.ReviewItems ?? [];
        var missing = Enum.GetValues<PoliticalReviewItem>().Where(i => !given.Contains(i)).ToList();
        return missing.Count == 0 ? null : Refusal.Warn(RuleIds.R16Content, "第十六条",
            "政治审查内容缺少：" + string.Join("；", missing.Select(Label)));
    }

    /// <summary>R-16-mobile-consultation (第十六条第三款): for a mobile person, the opinions of the party organisations
    /// of the hukou location and of the residence.</summary>
    public static Refusal? MobileConsultation(RuleInput x)
    {
        if (!x.Ctx.Person.IsMobile)
        {
            return null;
        }

        var consulted = x.State.Last(CaseEventType.PoliticalReviewConcluded)?.Data.ConsultedOrgs ?? [];
        var missing = Enum.GetValues<ConsultedOrg>().Where(o => !consulted.Contains(o)).ToList();
        return missing.Count == 0 ? null : Refusal.Block(RuleIds.R16MobileConsultation, "第十六条",
            "对流动人员进行政治审查，应征求其户籍所在地和居住地基层党组织的意见，尚缺："
            + string.Join("、", missing.Select(o => o == ConsultedOrg.HukouOrg ? "户籍所在地党组织意见" : "居住地党组织意见")));
    }

    public static string Label(PoliticalReviewItem i) => i switch
    {
        PoliticalReviewItem.FaithAndConviction => "对马克思主义的信仰、对共产主义的觉悟、对中国特色社会主义的信念",
        PoliticalReviewItem.TwoEstablishments => "领悟“两个确立”、增强“四个意识”、坚定“四个自信”、做到“两个维护”的现实表现",
        PoliticalReviewItem.AttitudeToPartyLine => "对党的理论和路线、方针、政策的态度",
        PoliticalReviewItem.PoliticalHistory => "政治历史和在重大政治斗争、急难险重任务中的表现",
        PoliticalReviewItem.LawAndMorality => "遵纪守法、遵守社会公德、家庭美德以及网络行为表现",
        PoliticalReviewItem.FamilyAndRelations => "家庭主要成员和重要社会关系的政治情况",
        _ => throw new ArgumentOutOfRangeException(nameof(i), i, null),
    };

    /// <summary>R-16-political-review-required (第十六条): no pre-review, assembly or approval without a 合格 conclusion.</summary>
    public static Refusal? PoliticalReviewQualified(RuleInput x)
    {
        var last = x.State.Last(CaseEventType.PoliticalReviewConcluded);
        return last?.Data.Conclusion == PoliticalReviewConclusion.Qualified ? null : Refusal.Block(
            RuleIds.R16PoliticalReviewRequired, "第十六条", last is null
                ? "未经政治审查的，不能发展入党：尚无政治审查结论"
                : "政治审查结论为不合格，不能发展入党");
    }

    /// <summary>R-17-training-duration, R-17-training-organiser-and-mode (第十七条): three days or 24 class hours in general;
    /// organised by the primary committee or the county organisation department; after the listing.</summary>
    public static IEnumerable<Refusal> Training(RuleInput x)
    {
        var days = x.Data.Days ?? 0;
        var hours = x.Data.ClassHours ?? 0;
        if (days < 3 && hours < 24)
        {
            yield return Refusal.Warn(RuleIds.R17TrainingDuration, "第十七条",
                $"集中培训时间一般不少于三天或者不少于二十四学时：实际 {days} 天、{hours} 学时");
        }

        var organiser = x.Ctx.Org(x.Data.OrganizerOrgId)!;
        if (!TrainingOrganisers.Contains(organiser.Type))
        {
            yield return Refusal.Warn(RuleIds.R17TrainingOrganiserAndMode, "第十七条",
                $"短期集中培训一般由基层党委或者县级党委组织部门组织：所报为“{organiser.Name}”（{organiser.Type.Label()}）");
        }

        if (x.Data.StartDate < x.State.CandidateListedDate)
        {
            yield return Refusal.Warn(RuleIds.R17TrainingOrganiserAndMode, "第十七条",
                $"培训开始日期 {x.Day(x.Data.StartDate!.Value)} 早于列为发展对象之日 {x.Day(x.State.CandidateListedDate!.Value)}");
        }
    }

    /// <summary>R-17-training-required (第十七条): "除个别特殊情况外，未经培训的，不能发展入党" (BLOCK-EX).</summary>
    public static Refusal? TrainingDone(RuleInput x) =>
        x.State.Of(CaseEventType.TrainingCompleted).Any() ? null : Refusal.BlockWithException(RuleIds.R17TrainingRequired, "第十七条",
            "除个别特殊情况外，未经培训的，不能发展入党：尚无短期集中培训记录");

    public static string Label(OpinionSource s) => s switch
    {
        OpinionSource.Mentor => "培养联系人意见",
        OpinionSource.PartyCell => "党小组意见",
        OpinionSource.Member => "党员意见",
        OpinionSource.NonMember => "群众意见",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    public static string Label(NoticePlace p) => p switch
    {
        NoticePlace.Unit => "工作、学习单位",
        NoticePlace.Residence => "居住地",
        NoticePlace.OutflowPlace => "流出地",
        NoticePlace.InflowPlace => "流入地",
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, null),
    };
}
