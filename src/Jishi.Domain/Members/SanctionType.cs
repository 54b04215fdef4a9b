namespace Jishi.Domain.Members;

/// <summary>党纪处分 (GLOSSARY.md §8; S5 《中国共产党纪律处分条例》); effect periods in <see cref="SanctionEffect"/>.</summary>
public enum SanctionType
{
    /// <summary>警告 (影响期 12 months).</summary>
    Warning,

    /// <summary>严重警告 (影响期 18 months).</summary>
    SeriousWarning,

    /// <summary>撤销党内职务 (影响期 24 months).</summary>
    RemovalFromPartyPost,

    /// <summary>留党察看 (until rights are restored, at most two years; S3 第四十一条).</summary>
    DisciplinaryProbation,

    /// <summary>开除党籍 (may not rejoin for five years).</summary>
    Expulsion,
}

/// <summary>Chinese labels of <see cref="SanctionType"/>.</summary>
public static class SanctionTypeLabels
{
    /// <summary>The Chinese name of the sanction, e.g. 留党察看.</summary>
    public static string Label(this SanctionType type) => type switch
    {
        SanctionType.Warning => "警告",
        SanctionType.SeriousWarning => "严重警告",
        SanctionType.RemovalFromPartyPost => "撤销党内职务",
        SanctionType.DisciplinaryProbation => "留党察看",
        SanctionType.Expulsion => "开除党籍",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "未知的处分种类"),
    };
}
