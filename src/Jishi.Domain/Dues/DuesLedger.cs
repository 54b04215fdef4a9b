using Jishi.Domain.Rules;

namespace Jishi.Domain.Dues;

/// <summary>A movement of an organisation's dues account other than a member's payment (which is its own record).</summary>
public enum DuesLedgerEntryKind
{
    /// <summary>利息: interest on the dues account is dues income (S4).</summary>
    Interest,

    /// <summary>上缴: remitted to a higher committee; the higher committee's ledger shows it as received from below.</summary>
    Remitted,

    /// <summary>下拨: allocated to a subordinate organisation; its ledger shows it as received from above.</summary>
    Allocated,

    /// <summary>支出: spent, under one of the uses dues may be put to.</summary>
    Spent,
}

/// <summary>What dues may be spent on (党费使用范围; MANAGEMENT.md A.5.2).</summary>
public enum DuesSpendingCategory
{
    /// <summary>培训党员.</summary>
    Training,

    /// <summary>订阅或购买用于开展党员教育的报刊、资料、音像制品和设备.</summary>
    EducationMaterials,

    /// <summary>表彰先进基层党组织、优秀共产党员和优秀党务工作者.</summary>
    Commendation,

    /// <summary>补助生活困难党员.</summary>
    HardshipRelief,

    /// <summary>补助遭受严重自然灾害的党员和修缮因灾受损的基层党员教育设施.</summary>
    DisasterRelief,
}

/// <summary>The two yearly duties of D-20-publication-and-report.</summary>
public enum DuesYearReportKind
{
    /// <summary>向党员公布党费收缴情况 (by a branch, once a year).</summary>
    Publication,

    /// <summary>向上一级党组织书面报告党费收缴、使用和管理情况.</summary>
    Report,
}

/// <summary>D-20-publication-and-report: the yearly publication and report of a year's dues are due by 31 January of
/// the next year (MANAGEMENT.md, design default).</summary>
public static class DuesYearReports
{
    public const string Rule = RuleIds.D20PublicationAndReport;

    public const string Article = "《关于中国共产党党费收缴、使用和管理的规定》";

    public static DateOnly DueDate(int year) => new(year + 1, 1, 31);
}
