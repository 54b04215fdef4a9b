using System.Text.Json;
using Jishi.App;
using Jishi.App.Cases;
using Jishi.Domain.Development;
using Jishi.Web.Components.Cases;

namespace Jishi.Web.Documents;

/// <summary>
/// A recorded step in words, as the case page's timeline and the printed 全程纪实 report show it: every field the
/// step's form has, with its Chinese label, ids replaced by the names of the members and organisations, and glossary
/// values by their Chinese words.
/// </summary>
public static class EventText
{
    private static readonly Type[] ValueTypes =
    [
        typeof(AssemblyResult), typeof(DecidingBody), typeof(PublicNoticeOutcome), typeof(NoticePlace), typeof(TalkTopic),
        typeof(OpinionSource), typeof(OpinionPurpose), typeof(ConfirmationOutcome), typeof(DocumentType), typeof(VoteMethod),
        typeof(NominationMethod), typeof(PoliticalReviewConclusion), typeof(TrainingMode), typeof(AnnouncedDecision), typeof(SponsorSource),
        typeof(PoliticalReviewMethod), typeof(PoliticalReviewItem), typeof(ConsultedOrg), typeof(InterviewerRole), typeof(DisciplineSeriousness),
        typeof(PosthumousCondition), typeof(DevelopmentStage),
    ];

    public static string Describe(CaseEventRecord e, Func<string, string?> nameOf)
    {
        using var doc = JsonDocument.Parse(e.DataJson);
        var parts = new List<string>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var label = EventForms.For(e.Type).FirstOrDefault(f => f.Name == p.Name)?.Label ?? p.Name switch
            {
                "result" => "表决结果",
                "countedVotesFor" => "计入的赞成票",
                "sha256" => "SHA-256",
                "fileName" => "文件名",
                "size" => "字节数",
                _ => null,
            };
            if (label is null)
            {
                continue;
            }

            if (p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Contains('T')
                && DateTimeOffset.TryParse(p.Value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var instant))
            {
                parts.Add($"{label}：{ChinaTime.ToChina(instant):yyyy-MM-dd HH:mm}");
                continue;
            }

            var value = p.Value.ValueKind switch
            {
                JsonValueKind.Array => string.Join("、", p.Value.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? Word(x.GetString()!, nameOf) : x.GetRawText())),
                JsonValueKind.String => Word(p.Value.GetString()!, nameOf),
                JsonValueKind.True => "是",
                JsonValueKind.False => "否",
                JsonValueKind.Object => "已记录",
                _ => p.Value.GetRawText(),
            };
            parts.Add($"{label}：{value}");
        }

        return string.Join("；", parts);
    }

    public static string Word(string value, Func<string, string?> nameOf)
    {
        if (nameOf(value) is { } name)
        {
            return name;
        }

        foreach (var type in ValueTypes)
        {
            var label = Labels.Of(type, value);
            if (label != value)
            {
                return label;
            }
        }

        return value == "Passed" ? "通过" : value == "NotPassed" ? "未通过" : value;
    }
}
