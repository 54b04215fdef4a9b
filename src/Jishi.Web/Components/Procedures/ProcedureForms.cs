using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jishi.Web.Components.Cases;
using Microsoft.Extensions.Primitives;

namespace Jishi.Web.Components.Procedures;

/// <summary>
/// The form of every step of every procedure on the engine, read from the step's own event record: each property
/// becomes a field (its JSON name, its Chinese label, its kind from its type). A new procedure's pages need no form
/// code of their own — only the labels of the fields it adds. The posted form becomes the API's JSON body, parsed by
/// the same <see cref="Api.ProcedureJson"/> and recorded by the same use case, so no rule lives in the UI.
/// </summary>
public static class ProcedureForms
{
    private static readonly HashSet<string> LongTexts =
        ["Note", "Summary", "Basis", "Statement", "Conduct", "Result", "Conclusion", "Findings", "HelpMeasures", "Assessment", "MemberStatement"];

    /// <summary>Field labels: "Type.Property" when a property means something particular in that step, else "Property".</summary>
    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["Note"] = "备注",
        ["MemberId"] = "党员",
        ["Destination"] = "外出地点",
        ["Reason"] = "外出事由",
        ["Ended.Reason"] = "结束原因（如已正式转移组织关系）",
        ["Category"] = "流动党员类别",
        ["InflowOrgId"] = "流入地党组织（本系统内）",
        ["InflowOrgName"] = "流入地党组织名称（不在本系统内时填写）",
        ["ActivityCardNo"] = "《流动党员活动证》编号",
        ["CardNo"] = "《流动党员活动证》编号",
        ["Phone"] = "联系电话",
        ["ExpectedReturnDate"] = "预计返回日期",
        ["AbroadKind"] = "出国（境）情况",
        ["AbroadReviewed.Conclusion"] = "党组织的审查结论",
        ["ContactLogged.Method"] = "联系方式",
        ["Summary"] = "联系情况",
        ["ContactPerson"] = "流入地党支部联系人及联系方式",
        ["Year"] = "年度",
        ["Grade"] = "评议结果",
        ["Conduct"] = "参加党的活动和交纳党费情况",
        ["LostSinceDate"] = "失去联系之日",
        ["Circumstance"] = "失联情形",
        ["SearchLogged.Method"] = "查找方式（家属、原单位、公安协查、网络等）",
        ["Result"] = "查找结果",
        ["DecidingOrgId"] = "作出决定的党组织",
        ["Basis"] = "决定的依据（如党员大会决议）",
        ["ApprovingOrgId"] = "批准的党组织",
        ["Statement"] = "书面申请的内容",
        ["Issued.Kind"] = "类别",
        ["Issued.Reason"] = "转接原因",
        ["IssuingOrgId"] = "开具的党委",
        ["ToOrgId"] = "接收组织（本系统内）",
        ["ToOrgName"] = "接收组织名称（本系统外）",
        ["ValidityDays"] = "有效期（天）",
        ["DuesPaidThrough"] = "党费交至（YYYY-MM）",
        ["ExpectedStayMonths"] = "预计外出（月，党员证明信）",
        ["Serial"] = "编号",
        ["ReceivingOrgId"] = "收到介绍信的党组织（默认为接收组织）",
        ["AcceptingOrgId"] = "接收的党委（默认为接收组织之上有审批权的党委）",
        ["BranchId"] = "编入的党支部（默认为接收组织）",
        ["IntroductionProvided"] = "预备党员：原组织已介绍教育考察情况（R-34）",
        ["ReasonCode"] = "不予接收的理由",
        ["Rejected.Reason"] = "具体理由",
        ["Withdrawn.Reason"] = "撤回的理由",
        ["Days"] = "延长天数",
        ["ValidityExtended.Basis"] = "延长的依据",
        ["Ground"] = "处置事由",
        ["Measure"] = "拟采取的措施",
        ["MatterRef"] = "所处理事项的编号",
        ["DisposalProposed.Reason"] = "具体事实和处置意见",
        ["FiledWithOrgId"] = "备案的基层党委",
        ["Findings"] = "调查核实的情况",
        ["Interviewers"] = "谈话人",
        ["TalkHeld.Summary"] = "谈话情况及本人的态度",
        ["CorrectionOrdered.Deadline"] = "改正期限（最后一日）",
        ["HelpMeasures"] = "帮助教育措施",
        ["CorrectionReviewed.Result"] = "期满审查结果",
        ["Assessment"] = "审查意见",
        ["EligibleVoterCount"] = "应到会有表决权的党员（人）",
        ["PresentVoterCount"] = "实到会有表决权的党员（人）",
        ["VotesFor"] = "赞成（票）",
        ["VotesAgainst"] = "反对（票）",
        ["Abstentions"] = "弃权（票）",
        ["MemberAttendance"] = "受处置党员本人",
        ["MemberStatement"] = "本人的意见（申辩）",
        ["Approved.ApprovingOrgId"] = "审批的上级党委",
        ["NotApproved.ApprovingOrgId"] = "审批的上级党委",
        ["NotApproved.Reason"] = "不批准的理由",
        ["Response"] = "本人的答复（劝退时填写）",
        ["Appealed.Statement"] = "申诉的内容",
    };

    private static readonly Dictionary<string, string> Hints = new(StringComparer.Ordinal)
    {
        ["ContactLogged.Method"] = "流出地党组织每季度至少联系一次（F-02）；出国（境）学习研究的每半年至少一次（T-13）",
        ["OutflowRegistered.AbroadKind"] = "出国（境）学习研究的每半年至少联系一次；定居或学习研究超过5年的提示审查，一般予以停止党籍（T-13）",
        ["AbroadReviewed.Conclusion"] = "审查只记录结论，不自动停止党籍；决定停止党籍另行办理",
        ["OutflowRegistered.ActivityCardNo"] = "外出时发放活动证的，填写编号（F-03）",
        ["LostSinceDate"] = "满6个月仍无法取得联系的，可停止其党籍（F-05）",
        ["InflowRegistered.InflowOrgName"] = "流入地党组织在本系统内的，请在上一栏选择",
        ["Ground"] = "理想信念动摇、消极懈怠、组织纪律散漫、失联后已取得联系的，一般先限期改正；丧失党员条件、思想蜕化坚持退党的，可直接除名（X-02）",
        ["MatterRef"] = "已受党纪处分的同一事项，不再进行组织处置（X-05）",
        ["CorrectionOrdered.Deadline"] = "不填时为6个月；最长不超过12个月（X-03）",
        ["EligibleVoterCount"] = "本支部会议当日的正式党员，不含受处置的党员本人（G-08）；到会须超过半数，赞成票超过应到会人数的半数为通过",
        ["MemberStatement"] = "本人未到会的，记录其书面意见或未提出意见的情况（X-04）",
        ["Response"] = "劝退经批准并通知后，本人坚持不退的，转为除名，须再经支部大会决定、上级党委批准",
    };

    /// <summary>The fields of the step whose event record is <paramref name="recordType"/>, note last.</summary>
    public static IReadOnlyList<FieldSpec> For(Type recordType) =>
        [.. recordType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .OrderBy(p => p.Name == "Note" ? 1 : 0)
            .ThenBy(p => p.MetadataToken)
            .Select(p => Spec(recordType, p))];

    private static FieldSpec Spec(Type recordType, PropertyInfo p)
    {
        var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
        var kind = type == typeof(string)
            ? p.Name.EndsWith("OrgId", StringComparison.Ordinal) || p.Name == "BranchId" ? FieldKind.Org
                : p.Name == "MemberId" ? FieldKind.Member
                : LongTexts.Contains(p.Name) ? FieldKind.LongText : FieldKind.Text
            : type == typeof(DateOnly) ? FieldKind.Date
            : type == typeof(int) ? FieldKind.Int
            : type == typeof(bool) ? FieldKind.Bool
            : type.IsEnum ? FieldKind.Choice
            : throw new NotSupportedException($"{recordType.Name}.{p.Name} 的类型 {type.Name} 没有对应的表单字段");
        var key = $"{recordType.Name}.{p.Name}";
        var label = FieldLabels.GetValueOrDefault(key) ?? FieldLabels.GetValueOrDefault(p.Name) ?? p.Name;
        var hint = Hints.GetValueOrDefault(key) ?? Hints.GetValueOrDefault(p.Name);
        return new FieldSpec(JsonNamingPolicy.CamelCase.ConvertName(p.Name), label, kind, Enum: type.IsEnum ? type : null, Hint: hint);
    }

    /// <summary>Whether every property of every event record has its Chinese label (a test holds every procedure to it).</summary>
    public static IEnumerable<string> Unlabelled(IEnumerable<Type> recordTypes) =>
        recordTypes.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
            .Where(p => !FieldLabels.ContainsKey($"{t.Name}.{p.Name}") && !FieldLabels.ContainsKey(p.Name))
            .Select(p => $"{t.Name}.{p.Name}"));

    /// <summary>The posted form as the API's JSON body of step <paramref name="type"/>, its date under <paramref name="dateField"/>.</summary>
    public static JsonObject ToJson(string type, Type recordType, IReadOnlyDictionary<string, StringValues> form, string dateField = "date")
    {
        var json = EventForms.ToJson(type, For(recordType), form);
        if (dateField != "date")
        {
            json.Remove("type");
            var date = json["date"]?.DeepClone();
            json.Remove("date");
            json[dateField] = date;
        }

        return json;
    }

    /// <summary>A recorded step's content in the user's words: each field's label and value (choices and
    /// organisations by name), for the 全程纪实 table.</summary>
    public static IReadOnlyList<(string Label, string Value)> Describe(Type? recordType, string dataJson, Func<string, string?> name)
    {
        if (recordType is null || JsonNode.Parse(dataJson) is not JsonObject data)
        {
            return [];
        }

        var specs = For(recordType).ToDictionary(f => f.Name);
        var lines = new List<(string, string)>();
        foreach (var (key, node) in data)
        {
            if (node is null || !specs.TryGetValue(key, out var spec))
            {
                continue;
            }

            var raw = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();
            var value = spec.Kind switch
            {
                FieldKind.Choice when spec.Enum is not null => Labels.Of(spec.Enum, raw),
                FieldKind.Org or FieldKind.Member => name(raw) ?? raw,
                FieldKind.Bool => raw == "true" ? "是" : "否",
                FieldKind.Text or FieldKind.LongText or FieldKind.Date or FieldKind.DateTime or FieldKind.Int
                    or FieldKind.Choice or FieldKind.Choices or FieldKind.Members or FieldKind.MentorOpinions
                    or FieldKind.Procedure => raw,
                _ => throw new ArgumentOutOfRangeException(nameof(recordType), spec.Kind, null),
            };
            lines.Add((spec.Label, value));
        }

        return lines;
    }
}
