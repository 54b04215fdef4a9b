using System.Globalization;
using System.Text.Json.Nodes;
using Jishi.Domain.Development;
using Microsoft.Extensions.Primitives;

namespace Jishi.Web.Components.Cases;

/// <summary>The kinds of input a step's field needs.</summary>
public enum FieldKind
{
    Text,
    LongText,
    Date,
    DateTime,
    Int,
    Bool,
    Choice,
    Choices,
    Member,
    Members,
    Org,
    MentorOpinions,
    Procedure,
}

/// <summary>One field of a step's form: the API field name, its Chinese label, its kind and, for choices, the values.</summary>
public sealed record FieldSpec(string Name, string Label, FieldKind Kind, bool Required = false, Type? Enum = null, string? Hint = null)
{
    public IEnumerable<(string Value, string Label)> Options =>
        Enum is null ? [] : System.Enum.GetNames(Enum).Select(n => (n, Labels.Of(Enum, n)));
}

/// <summary>
/// The form of every step type: which fields it asks for, in the user's words. The page renders them, and
/// <see cref="ToJson"/> turns a posted form into the same JSON the API takes, so the UI goes through the API's parsing
/// and the same use case — no rule lives in the UI.
/// </summary>
public static class EventForms
{
    private static readonly FieldSpec Note = new("note", "备注", FieldKind.LongText);

    private static FieldSpec DecidedBy => new("decidedBy", "决定的会议", FieldKind.Choice, true, typeof(DecidingBody),
        "设支部委员会的，由支部委员会会议决定；不设的，由党支部党员大会决定（第八条）");

    private static IReadOnlyList<FieldSpec> Vote(bool confirmation) =>
    [
        new("meetingStartAt", "会议开始时间", FieldKind.DateTime, true),
        new("voteMethod", "表决方式", FieldKind.Choice, true, typeof(VoteMethod), "必须采取无记名投票（第二十条）"),
        new("eligibleVoterCount", "应到会有表决权的党员（人）", FieldKind.Int, true, Hint: "按党员名册自动计算；预备党员和受留党察看处分尚未恢复党员权利的党员没有表决权"),
        new("presentVoterCount", "实到会有表决权的党员（人）", FieldKind.Int, true, Hint: "必须超过应到会人数的半数"),
        new("votesFor", "赞成票", FieldKind.Int, true),
        new("votesAgainst", "反对票", FieldKind.Int, true),
        new("abstentions", "弃权票", FieldKind.Int, true),
        .. confirmation
            ? new FieldSpec[]
            {
                new("proposedOutcome", "提议的结果", FieldKind.Choice, true, typeof(ConfirmationOutcome)),
                new("extensionMonths", "延长预备期（月，6–12）", FieldKind.Int),
            }
            : [new("procedure", "会议程序（第二十条）", FieldKind.Procedure, true)],
        new("resolutionText", "决议内容（主要表现等）", FieldKind.LongText, true),
        new("secretaryMemberId", "签名的党支部书记", FieldKind.Member, true),
    ];

    private static IReadOnlyList<FieldSpec> Approval(bool confirmation) =>
    [
        new("approvingOrgId", "审批的党委", FieldKind.Org, true),
        .. confirmation ? new FieldSpec[]
        {
            new("outcome", "审批结果", FieldKind.Choice, true, typeof(ConfirmationOutcome)),
            new("extensionMonths", "延长预备期（月，6–12）", FieldKind.Int),
        } : [],
        new("reportReceivedDate", "党委收到上报材料日期", FieldKind.Date),
        new("committeeMemberCount", "党委委员总数", FieldKind.Int, true),
        new("presentCount", "到会委员", FieldKind.Int, true),
        new("votesFor", "赞成", FieldKind.Int, true),
    ];

    public static IReadOnlyList<FieldSpec> For(CaseEventType type) => type switch
    {
        CaseEventType.ApplicationTalkHeld =>
        [
            new("interviewerMemberIds", "谈话人", FieldKind.Members, true),
            new("topics", "谈话内容（第七条）", FieldKind.Choices, Enum: typeof(TalkTopic)),
        ],
        CaseEventType.NominationRecorded => [new("method", "推荐方式", FieldKind.Choice, true, typeof(NominationMethod))],
        CaseEventType.ActivistDesignated => [DecidedBy],
        CaseEventType.ActivistFiled => [new("filedWithOrgId", "备案的上级党委", FieldKind.Org, true)],
        CaseEventType.MentorAssigned =>
        [
            new("mentorMemberIds", "培养联系人（1–2 名正式党员）", FieldKind.Members, true),
            new("qualificationAttested", "党组织确认其符合培养联系人条件（第九条）", FieldKind.Bool),
        ],
        CaseEventType.ActivistAssessed or CaseEventType.ProbationAssessed => [new("summary", "考察情况", FieldKind.LongText, true)],
        CaseEventType.OpinionsCollected =>
        [
            new("purpose", "用途", FieldKind.Choice, true, typeof(OpinionPurpose)),
            new("sources", "听取了哪些意见", FieldKind.Choices, true, typeof(OpinionSource)),
            new("mentorOpinions", "培养联系人意见", FieldKind.MentorOpinions),
        ],
        CaseEventType.CandidateProposed or CaseEventType.BranchReviewPassed => [DecidedBy],
        CaseEventType.CandidateConsented => [new("consentingOrgId", "表示同意的上级党委", FieldKind.Org, true)],
        CaseEventType.PublicNoticeEnded =>
        [
            new("startDate", "公示开始日期", FieldKind.Date, true, Hint: "公示期不少于五个工作日（第十三条）；“日期”为公示结束日"),
            new("place", "公示地点", FieldKind.Choice, true, typeof(NoticePlace)),
            new("outcome", "公示结果", FieldKind.Choice, true, typeof(PublicNoticeOutcome)),
        ],
        CaseEventType.SponsorsAssigned =>
        [
            new("sponsorMemberIds", "入党介绍人（2 名正式党员）", FieldKind.Members, true),
            new("source", "介绍人来源", FieldKind.Choice, true, typeof(SponsorSource)),
        ],
        CaseEventType.PoliticalReviewConcluded =>
        [
            new("conclusion", "政治审查结论", FieldKind.Choice, true, typeof(PoliticalReviewConclusion)),
            new("methods", "审查方法", FieldKind.Choices, Enum: typeof(PoliticalReviewMethod)),
            new("reviewItems", "审查内容（第十六条）", FieldKind.Choices, Enum: typeof(PoliticalReviewItem)),
            new("consultedOrgs", "流动人员：已征求意见的党组织", FieldKind.Choices, Enum: typeof(ConsultedOrg)),
        ],
        CaseEventType.TrainingCompleted =>
        [
            new("startDate", "培训开始日期", FieldKind.Date, true, Hint: "“日期”为结业日期"),
            new("days", "培训天数", FieldKind.Int),
            new("classHours", "学时", FieldKind.Int, Hint: "一般不少于三天或二十四学时（第十七条）"),
            new("mode", "培训方式", FieldKind.Choice, true, typeof(TrainingMode)),
            new("organizerOrgId", "组织培训的党组织", FieldKind.Org, true),
        ],
        CaseEventType.PreReviewPassed => [new("reviewingOrgId", "预审的基层党委", FieldKind.Org, true, Hint: "“日期”为书面通知日期")],
        CaseEventType.AdmissionFormIssued => [new("serial", "志愿书编号", FieldKind.Text, true)],
        CaseEventType.AdmissionVoteHeld => Vote(confirmation: false),
        CaseEventType.ConfirmationVoteHeld => Vote(confirmation: true),
        CaseEventType.AdmissionSubmitted =>
        [
            new("submittedToOrgId", "报送的上级党委", FieldKind.Org, true),
            new("materials", "报送材料（第二十一条）", FieldKind.Choices, true, typeof(DocumentType)),
        ],
        CaseEventType.IntermediateReviewed =>
        [
            new("reviewingOrgId", "审议的党总支或基层党委", FieldKind.Org, true),
            new("opinion", "审议意见", FieldKind.LongText, true),
        ],
        CaseEventType.ApprovalTalkHeld =>
        [
            new("interviewerMemberIds", "谈话人", FieldKind.Members, true),
            new("interviewerRole", "谈话人身份", FieldKind.Choice, true, typeof(InterviewerRole)),
        ],
        CaseEventType.AdmissionApproved or CaseEventType.AdmissionRejected => Approval(confirmation: false),
        CaseEventType.ConfirmationApproved => Approval(confirmation: true),
        CaseEventType.AdmissionFiled => [new("filedWithOrgId", "备案的组织部门", FieldKind.Org, true)],
        CaseEventType.DecisionAnnounced => [new("decision", "通知的决定", FieldKind.Choice, true, typeof(AnnouncedDecision))],
        CaseEventType.AssignedToBranchAndCell =>
        [
            new("branchId", "编入的党支部", FieldKind.Org, true),
            new("cellId", "编入的党小组", FieldKind.Org),
        ],
        CaseEventType.OathTaken => [new("organizerOrgId", "组织宣誓的党组织", FieldKind.Org)],
        CaseEventType.ActivistTransferred or CaseEventType.ProbationaryTransferred =>
        [
            new("toOrgId", "接收单位党组织", FieldKind.Org, true),
            new("reportedToOriginalOrg", "本人已向原单位党组织报告", FieldKind.Bool),
            new("introductionProvided", "原单位党组织已介绍培养教育和考察情况", FieldKind.Bool),
            new("materials", "转交的材料", FieldKind.Choices, Enum: typeof(DocumentType)),
        ],
        CaseEventType.TransferredMaterialsReviewed =>
        [
            new("reviewingOrgId", "审查材料的接收单位党组织", FieldKind.Org, true),
            new("continuesTrainingTime", "培养教育时间连续计算", FieldKind.Bool),
        ],
        CaseEventType.ConfirmationPostponed => [new("postponedDiscussionDate", "推迟后的讨论日期", FieldKind.Date, true)],
        CaseEventType.ProbationDisciplineRecorded => [new("seriousness", "情节", FieldKind.Choice, true, typeof(DisciplineSeriousness))],
        CaseEventType.NonRecognitionDecided => [new("decidingOrgId", "作出决定（批准）的组织", FieldKind.Org, true)],
        CaseEventType.DirectlyAdmitted =>
        [
            new("decidingOrgId", "作出决定的党委", FieldKind.Org, true),
            new("admittedAs", "接收为", FieldKind.Choice, true, typeof(DevelopmentStage)),
            new("probationStartDate", "预备期起算日", FieldKind.Date),
            new("partyAgeStartDate", "党龄起算日", FieldKind.Date),
        ],
        CaseEventType.ArchiveSubmitted =>
        [
            new("archivedWithOrgId", "保管档案的党委或组织部门", FieldKind.Org, true),
            new("materials", "归档材料（第三十六条）", FieldKind.Choices, true, typeof(DocumentType)),
        ],
        CaseEventType.PosthumouslyAdmitted =>
        [
            new("conditions", "追认的条件（第二十七条）", FieldKind.Choices, true, typeof(PosthumousCondition)),
            new("branchDecisionDate", "所在单位党组织讨论决定日期", FieldKind.Date, true),
            new("reviewingOrgId", "审查的上级党委", FieldKind.Org, true),
            new("approvingOrgId", "批准的省一级党委", FieldKind.Org, true),
        ],
        CaseEventType.ApplicationReceived or CaseEventType.CandidateListed or CaseEventType.FullMembershipRequested
            or CaseEventType.AttachmentAdded => [],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    } is var fields ? [.. fields, Note] : [Note];

    /// <summary>The posted form as the API's JSON body for <paramref name="type"/>.</summary>
    public static JsonObject ToJson(CaseEventType type, IReadOnlyDictionary<string, StringValues> form) =>
        ToJson(type.ToString(), For(type), form);

    /// <summary>The posted form as the JSON body of step <paramref name="type"/> with exactly <paramref name="fields"/>,
    /// its overrides and exceptions (every procedure's step form posts through this).</summary>
    public static JsonObject ToJson(string type, IEnumerable<FieldSpec> fields, IReadOnlyDictionary<string, StringValues> form)
    {
        var json = new JsonObject
        {
            ["type"] = type,
            ["date"] = Value(form, "date"),
        };
        foreach (var f in fields)
        {
            var value = Value(form, f.Name);
            switch (f.Kind)
            {
                case FieldKind.Choices or FieldKind.Members:
                    var values = form.TryGetValue(f.Name, out var v) ? v.Where(x => !string.IsNullOrWhiteSpace(x)).ToArray() : [];
                    if (values.Length > 0)
                    {
                        json[f.Name] = new JsonArray([.. values.Select(x => JsonValue.Create(x))]);
                    }

                    break;
                case FieldKind.Int when !string.IsNullOrWhiteSpace(value):
                    json[f.Name] = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
                        ? JsonValue.Create(i) : JsonValue.Create(value);
                    break;
                case FieldKind.Bool:
                    if (form.ContainsKey(f.Name + ".present"))
                    {
                        json[f.Name] = form.ContainsKey(f.Name);
                    }

                    break;
                case FieldKind.DateTime when !string.IsNullOrWhiteSpace(value):
                    // <input type="datetime-local"> gives local China time without an offset.
                    json[f.Name] = value.Length == 16 ? value + ":00+08:00" : value + "+08:00";
                    break;
                case FieldKind.MentorOpinions:
                    var opinions = new JsonArray();
                    foreach (var key in form.Keys.Where(k => k.StartsWith("mentorOpinion.", StringComparison.Ordinal)))
                    {
                        var memberId = key["mentorOpinion.".Length..];
                        var supports = Value(form, key);
                        if (supports is "true" or "false")
                        {
                            opinions.Add(new JsonObject { ["memberId"] = memberId, ["supports"] = supports == "true" });
                        }
                    }

                    if (opinions.Count > 0)
                    {
                        json[f.Name] = opinions;
                    }

                    break;
                case FieldKind.Procedure:
                    var intros = new JsonArray();
                    foreach (var key in form.Keys.Where(k => k.StartsWith("sponsorIntro.", StringComparison.Ordinal)))
                    {
                        var choice = Value(form, key);
                        if (choice is "inPerson" or "written")
                        {
                            intros.Add(new JsonObject { ["memberId"] = key["sponsorIntro.".Length..], ["inPerson"] = choice == "inPerson" });
                        }
                    }

                    json[f.Name] = new JsonObject
                    {
                        ["candidateReported"] = form.ContainsKey("candidateReported"),
                        ["committeeReported"] = form.ContainsKey("committeeReported"),
                        ["sponsorIntroductions"] = intros,
                    };
                    break;
                case FieldKind.Text or FieldKind.LongText or FieldKind.Date or FieldKind.DateTime or FieldKind.Int
                    or FieldKind.Choice or FieldKind.Member or FieldKind.Org or FieldKind.Procedure:
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        json[f.Name] = value;
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(fields), f.Kind, null);
            }
        }

        var overrides = new JsonArray();
        foreach (var key in form.Keys.Where(k => k.StartsWith("override.", StringComparison.Ordinal)))
        {
            if (Value(form, key) is { Length: > 0 } reason)
            {
                overrides.Add(new JsonObject { ["rule"] = key["override.".Length..], ["reason"] = reason });
            }
        }

        if (overrides.Count > 0)
        {
            json["overrides"] = overrides;
        }

        var exceptions = new JsonArray();
        foreach (var key in form.Keys.Where(k => k.StartsWith("exception.", StringComparison.Ordinal) && k.EndsWith(".basis", StringComparison.Ordinal)))
        {
            var rule = key["exception.".Length..^".basis".Length];
            if (Value(form, key) is { Length: > 0 } basis)
            {
                exceptions.Add(new JsonObject
                {
                    ["rule"] = rule,
                    ["basis"] = basis,
                    ["decidedBy"] = Value(form, $"exception.{rule}.decidedBy"),
                    ["decisionDate"] = Value(form, $"exception.{rule}.decisionDate") is { Length: > 0 } d ? d : null,
                });
            }
        }

        if (exceptions.Count > 0)
        {
            json["exceptions"] = exceptions;
        }

        return json;
    }

    private static string? Value(IReadOnlyDictionary<string, StringValues> form, string key) =>
        form.TryGetValue(key, out var v) && v.Count > 0 ? v[0]?.Trim() : null;
}
