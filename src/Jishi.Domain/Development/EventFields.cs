using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>The fields each step type needs before any rule can judge it (HTTP 400 with the field named).</summary>
public static class EventFields
{
    public static IEnumerable<FieldError> Validate(CaseEventType type, DateOnly date, EventData d, CaseState state)
    {
        var errors = new List<FieldError>();
        void Need(bool present, string field, string what)
        {
            if (!present)
            {
                errors.Add(new FieldError(field, $"{type} 必须填写{what}"));
            }
        }

        void NonNegative(int? value, string field)
        {
            if (value is < 0)
            {
                errors.Add(new FieldError(field, "不能为负数"));
            }
        }

        switch (type)
        {
            case CaseEventType.ApplicationTalkHeld:
                Need(d.InterviewerMemberIds is { Count: > 0 }, "interviewerMemberIds", "谈话人（党员名册中的党员）");
                break;
            case CaseEventType.NominationRecorded:
                Need(d.Method is not null, "method", "推荐方式");
                break;
            case CaseEventType.ActivistDesignated:
            case CaseEventType.CandidateProposed:
            case CaseEventType.BranchReviewPassed:
                Need(d.DecidedBy is not null, "decidedBy", "作出决定的会议（BranchCommitteeMeeting 或 BranchAssembly）");
                break;
            case CaseEventType.ActivistFiled:
            case CaseEventType.AdmissionFiled:
                Need(!string.IsNullOrWhiteSpace(d.FiledWithOrgId), "filedWithOrgId", "备案的组织");
                break;
            case CaseEventType.MentorAssigned:
                Need(d.MentorMemberIds is { Count: > 0 }, "mentorMemberIds", "培养联系人");
                break;
            case CaseEventType.ActivistAssessed:
            case CaseEventType.ProbationAssessed:
                Need(!string.IsNullOrWhiteSpace(d.Summary), "summary", "考察情况");
                break;
            case CaseEventType.OpinionsCollected:
                Need(d.Purpose is not null, "purpose", "用途（CandidateListing 或 Confirmation）");
                Need(d.Sources is { Count: > 0 }, "sources", "意见来源");
                if (d.MentorOpinions?.Any(o => o.MemberId is null || o.Supports is null) == true)
                {
                    errors.Add(new FieldError("mentorOpinions", "每条培养联系人意见须有 memberId 和 supports"));
                }

                break;
            case CaseEventType.CandidateConsented:
                Need(!string.IsNullOrWhiteSpace(d.ConsentingOrgId), "consentingOrgId", "表示同意的上级党委");
                break;
            case CaseEventType.PublicNoticeEnded:
                Need(d.StartDate is not null, "startDate", "公示开始日期");
                Need(d.Place is not null, "place", "公示地点");
                Need(d.Outcome is not null, "outcome", "公示结果（NoImpact 或 Impact）");
                if (d.StartDate > date)
                {
                    errors.Add(new FieldError("startDate", "公示开始日期晚于结束日期（date）"));
                }
                break;
            case CaseEventType.SponsorsAssigned:
                Need(d.SponsorMemberIds is { Count: > 0 }, "sponsorMemberIds", "入党介绍人");
                Need(d.Source is not null, "source", "介绍人来源（MentorAsSponsor 或 OrgDesignated）");
                break;
            case CaseEventType.PoliticalReviewConcluded:
                Need(d.Conclusion is not null, "conclusion", "政治审查结论（Qualified 或 NotQualified）");
                break;
            case CaseEventType.TrainingCompleted:
                Need(d.StartDate is not null, "startDate", "培训开始日期");
                Need(d.Days is not null || d.ClassHours is not null, "days", "培训天数或学时");
                Need(d.Mode is not null, "mode", "培训方式（Offline 或 Video）");
                Need(!string.IsNullOrWhiteSpace(d.OrganizerOrgId), "organizerOrgId", "组织培训的党组织");
                NonNegative(d.Days, "days");
                if (d.StartDate > date)
                {
                    errors.Add(new FieldError("startDate", "培训开始日期晚于结束日期（date）"));
                }

                NonNegative(d.ClassHours, "classHours");
                break;
            case CaseEventType.PreReviewPassed:
            case CaseEventType.IntermediateReviewed:
                Need(!string.IsNullOrWhiteSpace(d.ReviewingOrgId), "reviewingOrgId", "审查的党组织");
                break;
            case CaseEventType.AdmissionFormIssued:
                Need(!string.IsNullOrWhiteSpace(d.Serial), "serial", "志愿书编号");
                break;
            case CaseEventType.AdmissionVoteHeld:
            case CaseEventType.ConfirmationVoteHeld:
                Need(d.VoteMethod is not null, "voteMethod", "表决方式");
                Need(d.MeetingStartAt is not null, "meetingStartAt", "会议开始时间");
                Need(d.EligibleVoterCount is not null, "eligibleVoterCount", "应到会有表决权的党员人数");
                Need(d.PresentVoterCount is not null, "presentVoterCount", "实到会有表决权的党员人数");
                Need(d.VotesFor is not null, "votesFor", "赞成票数");
                Need(d.VotesAgainst is not null, "votesAgainst", "反对票数");
                Need(d.Abstentions is not null, "abstentions", "弃权票数");
                NonNegative(d.EligibleVoterCount, "eligibleVoterCount");
                NonNegative(d.PresentVoterCount, "presentVoterCount");
                NonNegative(d.VotesFor, "votesFor");
                NonNegative(d.VotesAgainst, "votesAgainst");
                NonNegative(d.Abstentions, "abstentions");
                if (d.PresentVoterCount > d.EligibleVoterCount)
                {
                    errors.Add(new FieldError("presentVoterCount", $"实到 {d.PresentVoterCount} 人多于应到 {d.EligibleVoterCount} 人"));
                }

                if (d.VotesFor + d.VotesAgainst + d.Abstentions > d.PresentVoterCount)
                {
                    errors.Add(new FieldError("votesFor", $"赞成、反对、弃权合计 {d.VotesFor + d.VotesAgainst + d.Abstentions} 票，多于实到 {d.PresentVoterCount} 人"));
                }

                for (var i = 0; i < (d.WrittenOpinions?.Count ?? 0); i++)
                {
                    var w = d.WrittenOpinions![i];
                    if (w.MemberId is null || w.Position is null || w.SubmittedAt is null)
                    {
                        errors.Add(new FieldError($"writtenOpinions[{i}]", "书面意见须有 memberId、position 和 submittedAt"));
                    }
                }

                if (type == CaseEventType.ConfirmationVoteHeld)
                {
                    Need(d.ProposedOutcome is not null, "proposedOutcome", "提议的转正结果");
                    Need(d.ProposedOutcome != ConfirmationOutcome.ExtendProbation || d.ExtensionMonths is not null, "extensionMonths", "延长月数");
                }

                break;
            case CaseEventType.AdmissionSubmitted:
                Need(!string.IsNullOrWhiteSpace(d.SubmittedToOrgId), "submittedToOrgId", "报送的上级党委");
                break;
            case CaseEventType.ApprovalTalkHeld:
                Need(d.InterviewerMemberIds is { Count: > 0 }, "interviewerMemberIds", "谈话人");
                Need(d.InterviewerRole is not null, "interviewerRole", "谈话人身份（CommitteeMember 或 OrgOfficer）");
                break;
            case CaseEventType.AdmissionApproved:
            case CaseEventType.AdmissionRejected:
            case CaseEventType.ConfirmationApproved:
                Need(!string.IsNullOrWhiteSpace(d.ApprovingOrgId), "approvingOrgId", "审批的党委");
                Need(d.CommitteeMemberCount is > 0, "committeeMemberCount", "党委委员人数");
                Need(d.PresentCount is not null, "presentCount", "到会委员人数");
                Need(d.VotesFor is not null, "votesFor", "赞成票数");
                NonNegative(d.PresentCount, "presentCount");
                NonNegative(d.VotesFor, "votesFor");
                if (d.PresentCount > d.CommitteeMemberCount)
                {
                    errors.Add(new FieldError("presentCount", $"到会 {d.PresentCount} 人多于委员 {d.CommitteeMemberCount} 人"));
                }

                if (d.VotesFor > d.PresentCount)
                {
                    errors.Add(new FieldError("votesFor", $"赞成 {d.VotesFor} 票多于到会 {d.PresentCount} 人"));
                }

                if (type == CaseEventType.ConfirmationApproved)
                {
                    Need(d.Outcome is not null, "outcome", "转正结果（ConfirmOnTime、ExtendProbation、CancelProbation 或 Confirm）");
                    Need(d.ConfirmationOutcome != ConfirmationOutcome.ExtendProbation || d.ExtensionMonths is not null, "extensionMonths", "延长月数");
                }

                break;
            case CaseEventType.DecisionAnnounced:
                Need(d.Decision is not null, "decision", "通知的决定（Admission、Confirmation 或 NotApproved）");
                break;
            case CaseEventType.AssignedToBranchAndCell:
                Need(!string.IsNullOrWhiteSpace(d.BranchId), "branchId", "编入的党支部");
                break;
            case CaseEventType.ActivistTransferred:
            case CaseEventType.ProbationaryTransferred:
                Need(!string.IsNullOrWhiteSpace(d.ToOrgId), "toOrgId", "接收单位党组织");
                break;
            case CaseEventType.TransferredMaterialsReviewed:
                Need(!string.IsNullOrWhiteSpace(d.ReviewingOrgId), "reviewingOrgId", "审查材料的接收单位党组织");
                Need(state.Stage != DevelopmentStage.Activist || d.ContinuesTrainingTime is not null, "continuesTrainingTime",
                    "培养教育时间是否连续计算（true/false）");
                break;
            case CaseEventType.ConfirmationPostponed:
                Need(d.PostponedDiscussionDate is not null, "postponedDiscussionDate", "推迟后的讨论日期");
                Need(!string.IsNullOrWhiteSpace(d.Note), "note", "推迟的理由");
                break;
            case CaseEventType.ProbationDisciplineRecorded:
                Need(d.Seriousness is not null, "seriousness", "情节（Minor 或 Serious）");
                Need(!string.IsNullOrWhiteSpace(d.Note), "note", "违纪情况");
                break;
            case CaseEventType.NonRecognitionDecided:
                Need(!string.IsNullOrWhiteSpace(d.DecidingOrgId), "decidingOrgId", "作出决定（批准）的组织");
                Need(!string.IsNullOrWhiteSpace(d.Note), "note", "综合分析研判的情况");
                break;
            case CaseEventType.DirectlyAdmitted:
                Need(!string.IsNullOrWhiteSpace(d.DecidingOrgId), "decidingOrgId", "作出决定的党委");
                Need(!string.IsNullOrWhiteSpace(d.Note), "note", "特殊情况");
                Need(d.AdmittedAs is DevelopmentStage.ProbationaryMember or DevelopmentStage.FullMember, "admittedAs",
                    "接收为 ProbationaryMember 或 FullMember");
                break;
            case CaseEventType.ArchiveSubmitted:
                Need(!string.IsNullOrWhiteSpace(d.ArchivedWithOrgId), "archivedWithOrgId", "保管档案的党委或组织部门");
                break;
            case CaseEventType.AttachmentAdded:
                Need(!string.IsNullOrWhiteSpace(d.AttachmentId), "attachmentId", "附件编号");
                Need(d.DocumentType is not null, "documentType", "材料类型");
                Need(!string.IsNullOrWhiteSpace(d.FileName), "fileName", "文件名");
                Need(d.Sha256 is { Length: 64 } h && h.All(char.IsAsciiHexDigitLower), "sha256", "文件的 SHA-256 摘要（64 位小写十六进制）");
                Need(d.Size is > 0, "size", "文件大小（字节）");
                if (d.AttachedToSeq is { } seq && !state.Events.Any(e => e.Seq == seq))
                {
                    errors.Add(new FieldError("attachedToSeq", $"本个案没有序号为 {seq} 的步骤"));
                }

                break;
            case CaseEventType.PosthumouslyAdmitted:
                Need(d.Conditions is { Count: > 0 }, "conditions", "追认的条件");
                Need(d.BranchDecisionDate is not null, "branchDecisionDate", "所在单位党组织讨论决定的日期");
                Need(!string.IsNullOrWhiteSpace(d.ReviewingOrgId), "reviewingOrgId", "审查的上级党委");
                Need(!string.IsNullOrWhiteSpace(d.ApprovingOrgId), "approvingOrgId", "批准的省一级党委");
                break;
        }

        if (type == CaseEventType.PublicNoticeEnded && d.Outcome is not null && d.NoticeOutcome is null)
        {
            errors.Add(new FieldError("outcome", $"“{d.Outcome}”不是有效值；应为 NoImpact 或 Impact"));
        }

        if (type == CaseEventType.ConfirmationApproved && d.Outcome is not null && d.ConfirmationOutcome is null)
        {
            errors.Add(new FieldError("outcome", $"“{d.Outcome}”不是有效值；应为 ConfirmOnTime、ExtendProbation、CancelProbation 或 Confirm"));
        }

        _ = state;
        return errors;
    }
}
