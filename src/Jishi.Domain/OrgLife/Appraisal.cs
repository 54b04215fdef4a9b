using Jishi.Domain.Rules;

namespace Jishi.Domain.OrgLife;

/// <summary>The grades of 民主评议党员 (MANAGEMENT.md L-05, default scale), by the branch or, for a mobile member, by the
/// inflow organisation (F-04).</summary>
public enum AppraisalGrade
{
    /// <summary>优秀.</summary>
    Excellent,

    /// <summary>合格.</summary>
    Qualified,

    /// <summary>基本合格.</summary>
    BasicallyQualified,

    /// <summary>不合格.</summary>
    Unqualified,
}

/// <summary>
/// L-05: a year's grades of 民主评议党员 are decided by a record of the branch committee or the branch assembly (自评、
/// 互评、民主测评 come before it), held in the year appraised or in the first quarter after it; every graded member is
/// on the branch's roster that day, once. No quota or target share of any grade is ever computed (M-15-no-quota): the
/// rules judge the record, never the distribution. L-07: training hours of a year below 32 are flagged.
/// </summary>
public static class AppraisalRules
{
    public const string Article = "《中国共产党党员教育管理工作条例》第十八条";

    public const string TrainingArticle = "《中国共产党党员教育管理工作条例》第二十条";

    /// <summary>党员每年集中学习培训时间一般不少于32学时 (L-07).</summary>
    public const decimal YearlyTrainingHours = 32m;

    /// <summary>The meetings that may decide the grades.</summary>
    public static readonly IReadOnlySet<MeetingType> Deciding = new HashSet<MeetingType> { MeetingType.BranchCommitteeMeeting, MeetingType.BranchAssembly };

    /// <summary>The refusals of grading <paramref name="year"/> at a meeting of these types on this date (null: no
    /// meeting was named or found), of the graded members against the meeting's roster.</summary>
    public static IEnumerable<Refusal> Check(int year, IReadOnlyCollection<MeetingType>? meetingTypes, DateOnly? meetingDate,
        IReadOnlyList<string> graded, IReadOnlySet<string> roster, IReadOnlyDictionary<string, string> names)
    {
        if (meetingTypes is null || meetingDate is not { } date)
        {
            yield return Refusal.Block(RuleIds.L05Appraisal, Article, "评定等次须以支部委员会或支部党员大会的会议记录为依据：未指明会议，或该会议不是本组织的会议");
            yield break;
        }

        if (!meetingTypes.Any(Deciding.Contains))
        {
            yield return Refusal.Block(RuleIds.L05Appraisal, Article,
                $"评定等次须由支部委员会或支部党员大会研究决定，所指会议是{string.Join("、", meetingTypes.Select(t => t.Label()))}");
        }

        if (date < new DateOnly(year, 1, 1) || date > new DateOnly(year + 1, 3, 31))
        {
            yield return Refusal.Block(RuleIds.L05Appraisal, Article,
                $"{year} 年度的评定应在该年度内或次年第一季度作出，会议日期是 {date:yyyy-MM-dd}");
        }

        var twice = graded.GroupBy(x => x).Where(g => g.Count() > 1).Select(g => names.GetValueOrDefault(g.Key, g.Key)).ToList();
        if (twice.Count > 0)
        {
            yield return Refusal.Block(RuleIds.L05Appraisal, Article, $"同一党员评定了两次：{string.Join("、", twice)}");
        }

        var strangers = graded.Distinct().Where(id => !roster.Contains(id)).Select(id => names.GetValueOrDefault(id, id)).ToList();
        if (strangers.Count > 0)
        {
            yield return Refusal.Block(RuleIds.L05Appraisal, Article, $"会议当日不是本组织党员，不能在本组织评定：{string.Join("、", strangers)}");
        }
    }

    /// <summary>L-07: a year's hours are short of the 32 学时 (a WARN on the year's list).</summary>
    public static bool TrainingShort(decimal hours) => hours < YearlyTrainingHours;
}
