namespace Jishi.Domain.People;

/// <summary>学历: the education categories of the party statistics (党内统计).</summary>
public enum Education
{
    /// <summary>博士研究生.</summary>
    Doctorate,

    /// <summary>硕士研究生.</summary>
    Master,

    /// <summary>大学本科.</summary>
    Bachelor,

    /// <summary>大学专科.</summary>
    JuniorCollege,

    /// <summary>中等专科.</summary>
    SecondaryVocational,

    /// <summary>高中.</summary>
    HighSchool,

    /// <summary>初中及以下.</summary>
    JuniorHighOrBelow,
}

/// <summary>Chinese labels of <see cref="Education"/>.</summary>
public static class EducationLabels
{
    /// <summary>The Chinese name of the category as used in the party statistics, e.g. 大学本科.</summary>
    public static string Label(this Education education) => education switch
    {
        Education.Doctorate => "博士研究生",
        Education.Master => "硕士研究生",
        Education.Bachelor => "大学本科",
        Education.JuniorCollege => "大学专科",
        Education.SecondaryVocational => "中等专科",
        Education.HighSchool => "高中",
        Education.JuniorHighOrBelow => "初中及以下",
        _ => throw new ArgumentOutOfRangeException(nameof(education), education, "未知的学历类别"),
    };
}
