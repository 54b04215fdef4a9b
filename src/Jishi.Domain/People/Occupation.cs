namespace Jishi.Domain.People;

/// <summary>职业: the occupation categories of the party statistics (党内统计).</summary>
public enum Occupation
{
    /// <summary>工人.</summary>
    Worker,

    /// <summary>农牧渔民.</summary>
    FarmerHerderFisher,

    /// <summary>专业技术人员.</summary>
    ProfessionalTechnical,

    /// <summary>企事业单位管理人员.</summary>
    EnterpriseManager,

    /// <summary>党政机关工作人员.</summary>
    PartyGovernmentStaff,

    /// <summary>学生.</summary>
    Student,

    /// <summary>军人武警.</summary>
    MilitaryPolice,

    /// <summary>离退休人员.</summary>
    Retiree,

    /// <summary>其他.</summary>
    Other,
}

/// <summary>Chinese labels of <see cref="Occupation"/>.</summary>
public static class OccupationLabels
{
    /// <summary>The Chinese name of the category as used in the party statistics, e.g. 专业技术人员.</summary>
    public static string Label(this Occupation occupation) => occupation switch
    {
        Occupation.Worker => "工人",
        Occupation.FarmerHerderFisher => "农牧渔民",
        Occupation.ProfessionalTechnical => "专业技术人员",
        Occupation.EnterpriseManager => "企事业单位管理人员",
        Occupation.PartyGovernmentStaff => "党政机关工作人员",
        Occupation.Student => "学生",
        Occupation.MilitaryPolice => "军人武警",
        Occupation.Retiree => "离退休人员",
        Occupation.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(occupation), occupation, "未知的职业类别"),
    };
}
