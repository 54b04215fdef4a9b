using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>预备党员的接收 — 《细则》第十八至二十五条 (R-18 … R-25; G-14).</summary>
public static class AdmissionRules
{
    public static IEnumerable<Refusal> Check(RuleInput x)
    {
        IEnumerable<Refusal?> refusals = x.Type switch
        {
            CaseEventType.BranchReviewPassed when x.State.Stage == DevelopmentStage.Candidate =>
                [CandidateRules.PoliticalReviewQualified(x)],
            CaseEventType.PreReviewPassed =>
            [
                BranchStrictReview(x), PreReviewBody(x), CandidateRules.PoliticalReviewQualified(x), CandidateRules.MobileConsultation(x),
                CandidateRules.TrainingDone(x),
                LeavingWithinThreeMonths(x, "预审"),
            ],
            CaseEventType.AdmissionFormIssued => [FormIssuance(x)],
            CaseEventType.AdmissionVoteHeld =>
            [
                AssemblyWithinOneMonth(x), CandidateRules.PoliticalReviewQualified(x), FormIssuedBeforeAssembly(x),
                SponsorsAssigned(x), .. SponsorsOnAssemblyDate(x), LeavingWithinThreeMonths(x, "支部大会"), .. Procedure(x),
                .. ResolutionContent(x), TemporaryOrg(x), ActivistRules.MobileOrgCapability(x),
            ],
            CaseEventType.AdmissionSubmitted => [PassedVote(x), .. SubmissionPackage(x)],
            CaseEventType.IntermediateReviewed => [IntermediateReviewer(x)],
            CaseEventType.AdmissionApproved =>
            [
                PassedVote(x), Submitted(x), CandidateRules.PoliticalReviewQualified(x), .. ApprovalAuthority(x),
                IntermediateReview(x), .. ApprovalTalk(x), .. CollectiveApproval(x, approving: true), WithinThreeMonths(x),
                ActivistRules.MobileOrgCapability(x),
            ],
            CaseEventType.AdmissionRejected =>
                [PassedVote(x), .. ApprovalAuthority(x), .. CollectiveApproval(x, approving: false)],
            CaseEventType.AdmissionFiled => [FilingBody(x)],
            CaseEventType.ApplicationReceived or CaseEventType.ApplicationTalkHeld or CaseEventType.NominationRecorded
                or CaseEventType.ActivistDesignated or CaseEventType.ActivistFiled or CaseEventType.MentorAssigned
                or CaseEventType.ActivistAssessed or CaseEventType.OpinionsCollected or CaseEventType.CandidateProposed
                or CaseEventType.CandidateConsented or CaseEventType.PublicNoticeEnded or CaseEventType.CandidateListed
                or CaseEventType.SponsorsAssigned or CaseEventType.PoliticalReviewConcluded
                or CaseEventType.TrainingCompleted or CaseEventType.BranchReviewPassed or CaseEventType.ApprovalTalkHeld
                or CaseEventType.DecisionAnnounced or CaseEventType.AssignedToBranchAndCell or CaseEventType.OathTaken
                or CaseEventType.ProbationAssessed or CaseEventType.FullMembershipRequested
                or CaseEventType.ConfirmationVoteHeld or CaseEventType.ConfirmationApproved
                or CaseEventType.ActivistTransferred or CaseEventType.TransferredMaterialsReviewed
                or CaseEventType.ProbationaryTransferred or CaseEventType.ConfirmationPostponed
                or CaseEventType.ProbationDisciplineRecorded or CaseEventType.NonRecognitionDecided
                or CaseEventType.DirectlyAdmitted or CaseEventType.PosthumouslyAdmitted
                or CaseEventType.ArchiveSubmitted or CaseEventType.AttachmentAdded => [],
            _ => throw new ArgumentOutOfRangeException(nameof(x), x.Type, null),
        };
        return refusals.OfType<Refusal>();
    }

    /// <summary>R-18-branch-strict-review (第十八条): the branch committee's strict review (合格) before the pre-review.</summary>
    public static Refusal? BranchStrictReview(RuleInput x) =>
        x.State.OfAtStage(CaseEventType.BranchReviewPassed, DevelopmentStage.Candidate).Any() ? null : Refusal.Block(
            RuleIds.R18BranchStrictReview, "第十八条", "报基层党委预审前，支部委员会须对发展对象进行严格审查并经集体讨论认为合格：尚无审查记录");

    /// <summary>R-18-prereview (第十八条; G-14): pre-review by a committee with approval authority above the branch.</summary>
    public static Refusal? PreReviewBody(RuleInput x)
    {
        var org = x.Ctx.Org(x.Data.ReviewingOrgId)!;
        return org.HasAdmissionApprovalAuthority && CommonRules.IsInChain(x.Ctx, org) ? null : Refusal.Block(
            RuleIds.R18Prereview, "第十八条",
            $"预审应由具有审批权限的上级基层党委进行：“{org.Name}”（{org.Type.Label()}）" +
            (CommonRules.IsInChain(x.Ctx, org) ? "没有审批权限" : "不是本支部的上级党组织"));
    }

    /// <summary>R-18-leaving-within-3-months (第十八条): a candidate leaving within three months is generally not admitted (WARN).</summary>
    public static Refusal? LeavingWithinThreeMonths(RuleInput x, string when)
    {
        var leaving = x.Ctx.Person.ExpectedDepartureDate;
        return leaving is { } l && x.Date < l && l <= x.Date.AddMonths(3)
            ? Refusal.Warn(RuleIds.R18LeavingWithin3Months, "第十八条",
                $"发展对象预计于 {x.Day(l)} 离开工作、学习单位，在{when}（{x.Day(x.Date)}）后三个月内，一般不办理接收预备党员的手续")
            : null;
    }

    /// <summary>R-18-admission-form-issuance (第十八条、第四十二条): the 志愿书 only after a written 合格 pre-review, with a
    /// serial registered as available by a committee above the case's branch (or its organisation department); a case
    /// gets another serial only once the one issued to it has been voided.</summary>
    public static Refusal? FormIssuance(RuleInput x)
    {
        if (x.State.PreReviewPassedDate is null)
        {
            return Refusal.Block(RuleIds.R18AdmissionFormIssuance, "第十八条", "预审合格（书面通知）后方可发放《中国共产党入党志愿书》");
        }

        var serial = x.Data.Serial!;
        var entry = x.Ctx.Serial(serial);
        if (entry is null)
        {
            return Refusal.Block(RuleIds.R18AdmissionFormIssuance, "第四十二条",
                $"志愿书编号未登记：{serial} 不在志愿书编号登记中，须先由党委登记收到的编号段");
        }

        var refusal = entry.State switch
        {
            SerialState.Issued => Refusal.Block(RuleIds.R18AdmissionFormIssuance, "第四十二条", $"志愿书编号 {serial} 已发放给他人，不能重复发放"),
            SerialState.Voided => Refusal.Block(RuleIds.R18AdmissionFormIssuance, "第四十二条", $"志愿书编号 {serial} 已作废"),
            SerialState.Available => null,
            _ => throw new ArgumentOutOfRangeException(nameof(x), entry.State, null),
        };
        if (refusal is not null)
        {
            return refusal;
        }

        var holder = x.Ctx.Org(entry.HolderOrgId);
        if (!AdmissionFormRegister.IsOnChain(x.Ctx, holder))
        {
            return Refusal.Block(RuleIds.R18AdmissionFormIssuance, "第四十二条",
                $"志愿书编号 {serial} 由“{holder?.Name ?? entry.HolderOrgId}”登记保管，不是本支部的上级党委，不能发放给本支部的发展对象");
        }

        var current = x.State.Last(CaseEventType.AdmissionFormIssued)?.Data.Serial;
        return current is not null && current != serial && x.Ctx.Serial(current)?.State == SerialState.Issued
            ? Refusal.Block(RuleIds.R18AdmissionFormIssuance, "第四十二条", $"已向本人发放志愿书编号 {current}；须先将其作废，方可另发新的志愿书")
            : null;
    }

    /// <summary>R-18-admission-form-issuance: the assembly discusses a candidate holding a 志愿书 whose serial is not voided.</summary>
    public static Refusal? FormIssuedBeforeAssembly(RuleInput x)
    {
        var issued = x.State.Last(CaseEventType.AdmissionFormIssued);
        if (issued is null)
        {
            return Refusal.Block(RuleIds.R18AdmissionFormIssuance, "第十八条", "尚未发放《中国共产党入党志愿书》，支部大会不能讨论接收");
        }

        return issued.Data.Serial is { } s && x.Ctx.Serial(s)?.State == SerialState.Voided
            ? Refusal.Block(RuleIds.R18AdmissionFormIssuance, "第四十二条", $"志愿书编号 {s} 已作废，须重新发放《中国共产党入党志愿书》后支部大会方可讨论接收")
            : null;
    }

    /// <summary>R-19-assembly-within-1-month (第十九条): the assembly after the written pre-review notice and, under the
    /// 2026 rules, within one month of it (WARN).</summary>
    public static Refusal? AssemblyWithinOneMonth(RuleInput x)
    {
        if (x.State.PreReviewPassedDate is not { } notice || x.Date < notice)
        {
            return Refusal.Block(RuleIds.R19AssemblyWithin1Month, "第十九条",
                x.State.PreReviewPassedDate is null ? "基层党委预审合格前，不能提交支部大会讨论" : $"支部大会日期早于预审合格通知日期 {x.Day(x.State.PreReviewPassedDate.Value)}");
        }

        var due = notice.AddMonths(1);
        return !x.Is2026 || x.Date <= due ? null : Refusal.Warn(RuleIds.R19AssemblyWithin1Month, "第十九条",
            $"预审合格（{x.Day(notice)}）后应在一个月内（至迟 {x.Day(due)}）提交支部大会讨论，实际于 {x.Day(x.Date)}");
    }

    public static Refusal? SponsorsAssigned(RuleInput x) =>
        x.State.Last(CaseEventType.SponsorsAssigned) is not null ? null : Refusal.Block(RuleIds.R14TwoSponsors, "第十四条",
            "尚未确定入党介绍人");

    /// <summary>R-14 on the assembly date (G-15): the sponsors are re-checked on the day of the vote.</summary>
    public static IEnumerable<Refusal> SponsorsOnAssemblyDate(RuleInput x) =>
        x.State.Last(CaseEventType.SponsorsAssigned) is { } s ? CandidateRules.Sponsors(x, s.Data.SponsorMemberIds ?? []) : [];

    /// <summary>R-20-procedure, R-15-sponsor-duties (第二十条、第十五条): the candidate reports, each sponsor introduces the
    /// candidate (in person; in writing only with a reason — WARN), the branch committee reports its review.</summary>
    public static IEnumerable<Refusal> Procedure(RuleInput x)
    {
        var p = x.Data.Procedure;
        if (p?.CandidateReported != true)
        {
            yield return Refusal.Block(RuleIds.R20Procedure, "第二十条", "支部大会记录缺少：发展对象汇报对党的认识、入党动机、本人履历、家庭主要成员和重要社会关系情况等");
        }

        if (p?.CommitteeReported != true)
        {
            yield return Refusal.Block(RuleIds.R20Procedure, "第二十条", "支部大会记录缺少：支部委员会报告对发展对象的审查情况");
        }

        var sponsors = x.State.Last(CaseEventType.SponsorsAssigned)?.Data.SponsorMemberIds ?? [];
        var intros = p?.SponsorIntroductions ?? [];
        foreach (var id in sponsors)
        {
            var intro = intros.FirstOrDefault(i => i.MemberId == id);
            var name = x.Ctx.Member(id)?.Name ?? id;
            if (intro is null)
            {
                yield return Refusal.Block(RuleIds.R20Procedure, "第二十条", $"支部大会记录缺少：入党介绍人 {name} 介绍发展对象情况并发表意见");
            }
            else if (intro.InPerson != true)
            {
                yield return Refusal.Warn(RuleIds.R20Procedure, "第二十条", $"入党介绍人 {name} 未到会，以书面形式介绍");
            }
        }
    }

    /// <summary>R-21-resolution-content (第二十一条): the resolution text and the branch secretary's signature.</summary>
    public static IEnumerable<Refusal> ResolutionContent(RuleInput x)
    {
        if (string.IsNullOrWhiteSpace(x.Data.ResolutionText))
        {
            yield return Refusal.Block(RuleIds.R21ResolutionContent, "第二十一条", "支部大会决议缺少发展对象的主要表现等内容");
        }

        if (string.IsNullOrWhiteSpace(x.Data.SecretaryMemberId))
        {
            yield return Refusal.Block(RuleIds.R21ResolutionContent, "第二十一条", "支部大会决议须由党支部书记签名：未记录签名的书记");
        }
    }

    /// <summary>R-22-temporary-org (第二十二条): a temporary organisation may not hold the admission assembly, unless
    /// otherwise provided (BLOCK-EX).</summary>
    public static Refusal? TemporaryOrg(RuleInput x) =>
        x.Ctx.CaseOrg.Type == OrgType.TemporaryOrg
            ? Refusal.BlockWithException(RuleIds.R22TemporaryOrg, "第二十二条", "除另有规定外，临时党组织不能接收预备党员")
            : null;

    public static Refusal? PassedVote(RuleInput x) =>
        x.State.PassedAdmissionVote is not null ? null : Refusal.Block(RuleIds.R20PassThreshold, "第二十条",
            "支部大会尚未通过接收该发展对象为预备党员的决议");

    public static Refusal? Submitted(RuleInput x) =>
        x.State.Of(CaseEventType.AdmissionSubmitted).Any() ? null : Refusal.Block(RuleIds.R21SubmissionPackage, "第二十一条",
            "支部尚未将入党志愿书及有关材料报上级党委");

    /// <summary>R-21-submission-package (第二十一条): 志愿书, 入党申请书, 政治审查材料 and (2026) 《入党积极分子培养考察登记表》.</summary>
    public static IEnumerable<Refusal> SubmissionPackage(RuleInput x)
    {
        var required = new List<DocumentType> { DocumentType.AdmissionForm, DocumentType.ApplicationLetter, DocumentType.PoliticalReviewFile };
        if (x.Is2026)
        {
            required.Insert(2, DocumentType.ActivistRecordForm);
        }

        var given = x.Data.Materials ?? [];
        var missing = required.Where(d => !given.Contains(d)).ToList();
        if (missing.Count > 0)
        {
            yield return Refusal.Block(RuleIds.R21SubmissionPackage, "第二十一条", "报送材料尚缺：" + string.Join("、", missing.Select(Label)));
        }

        var to = x.Ctx.Org(x.Data.SubmittedToOrgId)!;
        if (!to.IsCommittee || !CommonRules.IsInChain(x.Ctx, to))
        {
            yield return Refusal.Block(RuleIds.R21SubmissionPackage, "第二十一条", $"应报上级党委（工委）：“{to.Name}”（{to.Type.Label()}）不是本支部的上级党委");
        }
    }

    /// <summary>R-22-intermediate-review (第二十二条): a general branch, or a committee subordinate to a township/subdistrict
    /// committee, on the reporting line reviews before approval.</summary>
    public static IEnumerable<OrgFacts> IntermediateBodies(RuleInput x, OrgFacts? approving)
    {
        foreach (var org in x.Ctx.OrgChain.Skip(1))
        {
            if (approving is not null && org.Id == approving.Id)
            {
                yield break;
            }

            if (org.Type == OrgType.GeneralBranch || (org.Type == OrgType.PrimaryCommittee && org.IsUnderTownshipOrSubdistrict))
            {
                yield return org;
            }
        }
    }

    public static Refusal? IntermediateReviewer(RuleInput x)
    {
        var org = x.Ctx.Org(x.Data.ReviewingOrgId)!;
        return IntermediateBodies(x, null).Any(o => o.Id == org.Id) ? null : Refusal.Block(RuleIds.R22IntermediateReview, "第二十二条",
            $"“{org.Name}”（{org.Type.Label()}）不是本支部上报途中的党总支或乡镇（街道）党委所属的基层党委");
    }

    public static Refusal? IntermediateReview(RuleInput x)
    {
        var approving = x.Ctx.Org(x.Data.ApprovingOrgId);
        var reviewed = x.State.Of(CaseEventType.IntermediateReviewed).Select(e => e.Data.ReviewingOrgId).ToHashSet();
        var missing = IntermediateBodies(x, approving).Where(o => !reviewed.Contains(o.Id)).ToList();
        return missing.Count == 0 ? null : Refusal.Block(RuleIds.R22IntermediateReview, "第二十二条",
            $"审批前须由 {string.Join("、", missing.Select(o => "“" + o.Name + "”"))} 审议");
    }

    /// <summary>R-22-approval-authority / G-14 (第二十一、二十二条): only a committee above the branch with approval authority.</summary>
    public static IEnumerable<Refusal> ApprovalAuthority(RuleInput x)
    {
        var org = x.Ctx.Org(x.Data.ApprovingOrgId)!;
        if (Organisations.ApprovalAuthority.RefuseApprovalAuthority(org.Type, org.IsUnderTownshipOrSubdistrict) is { } never)
        {
            yield return org.Type == OrgType.TemporaryOrg
                ? Refusal.BlockWithException(RuleIds.R22TemporaryOrg, "第二十二条", "除另有规定外，临时党组织不能审批接收党员")
                : never with { Rule = RuleIds.G14ApprovalAuthority };
        }
        else if (!org.HasAdmissionApprovalAuthority)
        {
            yield return Refusal.Block(RuleIds.G14ApprovalAuthority, "第二十一、二十二条", $"“{org.Name}”未被确定为具有审批权限的党委");
        }

        if (!CommonRules.IsInChain(x.Ctx, org))
        {
            yield return Refusal.Block(RuleIds.G14ApprovalAuthority, "第二十一条", $"“{org.Name}”不是本支部的上级党委");
        }
    }

    /// <summary>R-23-pre-approval-talk (第二十三条): a committee member or 组织员 talked with the candidate before approval;
    /// a talk before the assembly is unusual (WARN).</summary>
    public static IEnumerable<Refusal> ApprovalTalk(RuleInput x)
    {
        var talk = x.State.Last(CaseEventType.ApprovalTalkHeld);
        if (talk is null)
        {
            yield return Refusal.Block(RuleIds.R23PreApprovalTalk, "第二十三条", "党委审批前，应当指派党委委员或者组织员同发展对象谈话：尚无谈话记录");
        }
        else if (x.State.AssemblyDate is { } assembly && talk.Date < assembly)
        {
            yield return Refusal.Warn(RuleIds.R23PreApprovalTalk, "第二十三条",
                $"审批前谈话（{x.Day(talk.Date)}）早于支部大会通过接收之日（{x.Day(assembly)}）");
        }
    }

    /// <summary>R-24-collective-approval (第二十四条; P-09): decided collectively at a committee meeting — present members
    /// more than half of the committee (WARN) and, to approve, more than half of the committee in favour.</summary>
    public static IEnumerable<Refusal> CollectiveApproval(RuleInput x, bool approving, string rule = RuleIds.R24CollectiveApproval, string article = "第二十四条")
    {
        var members = x.Data.CommitteeMemberCount!.Value;
        var present = x.Data.PresentCount!.Value;
        var votes = x.Data.VotesFor!.Value;
        if (2 * present <= members)
        {
            yield return Refusal.Warn(rule, article, $"党委会到会委员 {present} 人，未超过委员总数 {members} 人的半数");
        }

        if (approving && 2 * votes <= members)
        {
            yield return Refusal.Block(rule, article, $"赞成 {votes} 票，未超过党委委员总数 {members} 人的半数，不能作出批准决定");
        }
    }

    /// <summary>R-25-approval-within-3-months (第二十五条): within three months of receiving the report; up to six with a
    /// special reason (WARN); never beyond six (BLOCK).</summary>
    public static Refusal? WithinThreeMonths(RuleInput x)
    {
        var received = x.Data.ReportReceivedDate ?? x.State.Last(CaseEventType.AdmissionSubmitted)?.Date ?? x.State.AssemblyDate!.Value;
        var three = received.AddMonths(3);
        var six = received.AddMonths(6);
        if (x.Date <= three)
        {
            return null;
        }

        return x.Date <= six
            ? Refusal.Warn(RuleIds.R25ApprovalWithin3Months, "第二十五条",
                $"党委应在收到上报材料（{x.Day(received)}）后三个月内（至迟 {x.Day(three)}）审批，实际 {x.Day(x.Date)}：须说明特殊情况")
            : Refusal.Block(RuleIds.R25ApprovalWithin3Months, "第二十五条",
                $"审批时间不得超过六个月：收到上报材料 {x.Day(received)}，至迟 {x.Day(six)}，所报 {x.Day(x.Date)}");
    }

    /// <summary>R-25-filing-to-org-dept (第二十五条): filed with the higher committee's organisation department.</summary>
    public static Refusal? FilingBody(RuleInput x)
    {
        var org = x.Ctx.Org(x.Data.FiledWithOrgId)!;
        return org.Type.IsOrgDepartment() || org.IsCountyOrAbove
            ? null
            : Refusal.Block(RuleIds.R25FilingToOrgDept, "第二十五条", $"应报上级党委组织部门备案：“{org.Name}”（{org.Type.Label()}）不是组织部门");
    }

    public static string Label(DocumentType d) => d switch
    {
        DocumentType.AdmissionForm => "《中国共产党入党志愿书》",
        DocumentType.ApplicationLetter => "入党申请书",
        DocumentType.ActivistRecordForm => "《入党积极分子培养考察登记表》",
        DocumentType.PoliticalReviewFile => "政治审查材料",
        DocumentType.ProbationRecordForm => "《预备党员教育考察登记表》",
        DocumentType.FullMembershipRequest => "转正申请书",
        DocumentType.PoliticalReviewConclusion or DocumentType.TalkRecord or DocumentType.Nomination
            or DocumentType.OpinionRecord or DocumentType.PublicNotice or DocumentType.PublicNoticeOutcome
            or DocumentType.Filing or DocumentType.UpperConsent or DocumentType.LetterInquiry
            or DocumentType.FieldInquiry or DocumentType.JointReview or DocumentType.CandidateTraining
            or DocumentType.PreReviewRequest or DocumentType.PreReviewNotice or DocumentType.BranchResolution
            or DocumentType.Ballot or DocumentType.WrittenOpinion or DocumentType.Minutes
            or DocumentType.IntermediateReview or DocumentType.ApprovalOpinion or DocumentType.ApprovalNotice
            or DocumentType.PersonnelFile or DocumentType.MemberFile or DocumentType.OrgRelationTransfer
            or DocumentType.MembershipProof or DocumentType.ExceptionRecord or DocumentType.OverrideReason => d.ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(d), d, null),
    };
}
