namespace Jishi.Domain.Organisations;

/// <summary>Kinds of organisations and bodies (GLOSSARY.md §3, <c>enum OrgType</c>).</summary>
public enum OrgType
{
    /// <summary>党的中央委员会; may directly admit .</summary>
    CentralCommittee,

    /// <summary>省（自治区、直辖市）委员会 / 省一级党委; direct admission, approves 追认.</summary>
    ProvincialCommittee,

    /// <summary>市（地、州、盟）党委.</summary>
    PrefecturalCommittee,

    /// <summary>县（市、区、旗）党委 / 县级党委.</summary>
    CountyCommittee,

    /// <summary>党委组织部（组织部门）, at the level of its committee.</summary>
    OrgDepartment,

    /// <summary>中央组织部.</summary>
    CentralOrgDepartment,

    /// <summary>省级党委组织部.</summary>
    ProvincialOrgDepartment,

    /// <summary>县级党委组织部.</summary>
    CountyOrgDepartment,

    /// <summary>基层党委（党的基层委员会）.</summary>
    PrimaryCommittee,

    /// <summary>乡镇党委 (a primary committee).</summary>
    TownshipCommittee,

    /// <summary>街道党（工）委.</summary>
    SubdistrictCommittee,

    /// <summary>党工委 / 工委（上级党委派出）.</summary>
    WorkingCommittee,

    /// <summary>党总支（党的总支部委员会）.</summary>
    GeneralBranch,

    /// <summary>党支部.</summary>
    Branch,

    /// <summary>党支部委员会.</summary>
    BranchCommittee,

    /// <summary>党小组.</summary>
    PartyCell,

    /// <summary>临时党组织.</summary>
    TemporaryOrg,

    /// <summary>党组.</summary>
    LeadingPartyGroup,

    /// <summary>流动党员党组织.</summary>
    MobileMemberOrg,

    /// <summary>流动人才党员党组织.</summary>
    MobileTalentOrg,

    /// <summary>县以上政府所属公共就业和人才服务机构党组织.</summary>
    TalentServiceOrg,

    /// <summary>离退休党支部.</summary>
    RetireeBranch,

    /// <summary>街道社区党组织.</summary>
    CommunityOrg,

    /// <summary>群团组织（工会、共青团、妇联等）.</summary>
    MassOrganization,

    /// <summary>共青团组织.</summary>
    YouthLeague,

    /// <summary>执纪执法等相关部门.</summary>
    DisciplineAndLawAgency,

    /// <summary>有关部门（政审征求意见）.</summary>
    RelevantDepartment,

    /// <summary>党的纪律检查委员会.</summary>
    DisciplineInspectionCommission,

    /// <summary>工作、学习单位.</summary>
    Unit,

    /// <summary>单位主管部门.</summary>
    SupervisingDepartment,

    /// <summary>用工单位 / 用人单位.</summary>
    EmployerUnit,

    /// <summary>劳务派遣单位.</summary>
    DispatchAgency,

    /// <summary>发展党员和党员管理工作协调小组 (S2 (十九)).</summary>
    CoordinationGroup,
}

/// <summary>级别 of an organisation (GLOSSARY.md §3, <c>Level</c>).</summary>
public enum OrgLevel
{
    /// <summary>中央.</summary>
    Central,

    /// <summary>省级.</summary>
    Provincial,

    /// <summary>市（地、州、盟）级.</summary>
    Prefectural,

    /// <summary>县级.</summary>
    County,

    /// <summary>基层.</summary>
    Primary,

    /// <summary>支部.</summary>
    Branch,
}

/// <summary>Labels and levels of <see cref="OrgType"/>.</summary>
public static class OrgTypes
{
    /// <summary>The Chinese name from GLOSSARY.md §3, e.g. 党支部 for <see cref="OrgType.Branch"/>.</summary>
    public static string Label(this OrgType type) => type switch
    {
        OrgType.CentralCommittee => "党的中央委员会",
        OrgType.ProvincialCommittee => "省（自治区、直辖市）委员会",
        OrgType.PrefecturalCommittee => "市（地、州、盟）党委",
        OrgType.CountyCommittee => "县（市、区、旗）党委",
        OrgType.OrgDepartment => "党委组织部",
        OrgType.CentralOrgDepartment => "中央组织部",
        OrgType.ProvincialOrgDepartment => "省级党委组织部",
        OrgType.CountyOrgDepartment => "县级党委组织部",
        OrgType.PrimaryCommittee => "基层党委",
        OrgType.TownshipCommittee => "乡镇党委",
        OrgType.SubdistrictCommittee => "街道党（工）委",
        OrgType.WorkingCommittee => "党工委",
        OrgType.GeneralBranch => "党总支",
        OrgType.Branch => "党支部",
        OrgType.BranchCommittee => "党支部委员会",
        OrgType.PartyCell => "党小组",
        OrgType.TemporaryOrg => "临时党组织",
        OrgType.LeadingPartyGroup => "党组",
        OrgType.MobileMemberOrg => "流动党员党组织",
        OrgType.MobileTalentOrg => "流动人才党员党组织",
        OrgType.TalentServiceOrg => "县以上政府所属公共就业和人才服务机构党组织",
        OrgType.RetireeBranch => "离退休党支部",
        OrgType.CommunityOrg => "街道社区党组织",
        OrgType.MassOrganization => "群团组织",
        OrgType.YouthLeague => "共青团组织",
        OrgType.DisciplineAndLawAgency => "执纪执法等相关部门",
        OrgType.RelevantDepartment => "有关部门",
        OrgType.DisciplineInspectionCommission => "党的纪律检查委员会",
        OrgType.Unit => "工作、学习单位",
        OrgType.SupervisingDepartment => "单位主管部门",
        OrgType.EmployerUnit => "用工单位",
        OrgType.DispatchAgency => "劳务派遣单位",
        OrgType.CoordinationGroup => "发展党员和党员管理工作协调小组",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "未知的组织类型"),
    };

    /// <summary>
    /// The level a new organisation of this type gets unless configured otherwise. Types whose level varies in
    /// practice (<see cref="OrgType.OrgDepartment"/>, <see cref="OrgType.DisciplineInspectionCommission"/>,
    /// <see cref="OrgType.LeadingPartyGroup"/>, <see cref="OrgType.WorkingCommittee"/> …) get their most common level;
    /// non-party bodies (units, mass organisations, agencies) get the level at which the development work meets them.
    /// </summary>
    public static OrgLevel DefaultLevel(this OrgType type) => type switch
    {
        OrgType.CentralCommittee or OrgType.CentralOrgDepartment => OrgLevel.Central,
        OrgType.ProvincialCommittee or OrgType.ProvincialOrgDepartment => OrgLevel.Provincial,
        OrgType.PrefecturalCommittee => OrgLevel.Prefectural,
        OrgType.CountyCommittee or OrgType.CountyOrgDepartment or OrgType.OrgDepartment
            or OrgType.TalentServiceOrg or OrgType.LeadingPartyGroup or OrgType.DisciplineInspectionCommission
            or OrgType.DisciplineAndLawAgency or OrgType.RelevantDepartment or OrgType.SupervisingDepartment
            or OrgType.CoordinationGroup => OrgLevel.County,
        OrgType.PrimaryCommittee or OrgType.TownshipCommittee or OrgType.SubdistrictCommittee
            or OrgType.WorkingCommittee or OrgType.CommunityOrg or OrgType.MobileTalentOrg
            or OrgType.MassOrganization or OrgType.YouthLeague or OrgType.Unit or OrgType.EmployerUnit
            or OrgType.DispatchAgency => OrgLevel.Primary,
        OrgType.GeneralBranch or OrgType.Branch or OrgType.BranchCommittee or OrgType.PartyCell
            or OrgType.TemporaryOrg or OrgType.MobileMemberOrg or OrgType.RetireeBranch => OrgLevel.Branch,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "未知的组织类型"),
    };

    /// <summary>县级以上 (GLOSSARY.md §3 <c>IsCountyOrAbove</c>; "以上" includes the county level itself, G-04).</summary>
    public static bool IsCountyOrAbove(this OrgLevel level) =>
        level is OrgLevel.Central or OrgLevel.Provincial or OrgLevel.Prefectural or OrgLevel.County;

    // The classes of organisation types the rules and pages speak of, each defined once here. A query (IQueryable)
    // cannot call the Is… methods; it asks the list instead: Where(o => OrgTypes.Committees.Contains(o.Type)).

    /// <summary>县级以上党委: the central, provincial, prefectural and county committees (GLOSSARY.md §3 <c>IsCountyOrAbove</c>).</summary>
    public static IReadOnlyList<OrgType> CountyOrAboveCommittees { get; } =
        [OrgType.CentralCommittee, OrgType.ProvincialCommittee, OrgType.PrefecturalCommittee, OrgType.CountyCommittee];

    /// <summary>基层党委 in the wide sense: 基层党委, 乡镇党委, 街道党（工）委 and 党工委 (the committees below the county).</summary>
    public static IReadOnlyList<OrgType> PrimaryLevelCommittees { get; } =
        [OrgType.PrimaryCommittee, OrgType.TownshipCommittee, OrgType.SubdistrictCommittee, OrgType.WorkingCommittee];

    /// <summary>党委: what the rules mean by "上级党委" — not a general branch, branch, cell, department or 党组.</summary>
    public static IReadOnlyList<OrgType> Committees { get; } = [.. CountyOrAboveCommittees, .. PrimaryLevelCommittees];

    /// <summary>乡镇（街道）党委: the committees whose own primary committees may not approve admissions (G-14).</summary>
    public static IReadOnlyList<OrgType> TownshipOrSubdistrictCommittees { get; } = [OrgType.TownshipCommittee, OrgType.SubdistrictCommittee];

    /// <summary>党委组织部（组织部门）, of any level.</summary>
    public static IReadOnlyList<OrgType> OrgDepartments { get; } =
        [OrgType.OrgDepartment, OrgType.CentralOrgDepartment, OrgType.ProvincialOrgDepartment, OrgType.CountyOrgDepartment];

    /// <summary>县级以上党委组织部门 by type alone (an <see cref="OrgType.OrgDepartment"/> is one if its committee is).</summary>
    public static IReadOnlyList<OrgType> CountyOrAboveOrgDepartments { get; } =
        [OrgType.CentralOrgDepartment, OrgType.ProvincialOrgDepartment, OrgType.CountyOrgDepartment];

    /// <summary>党支部: a branch or a retirees' branch.</summary>
    public static IReadOnlyList<OrgType> Branches { get; } = [OrgType.Branch, OrgType.RetireeBranch];

    /// <summary>Where a 党小组 may be set up: a branch, a retirees' branch, a temporary organisation or a mobile members' organisation.</summary>
    public static IReadOnlyList<OrgType> PartyCellHolders { get; } =
        [OrgType.Branch, OrgType.RetireeBranch, OrgType.TemporaryOrg, OrgType.MobileMemberOrg];

    /// <summary>
    /// The organisations below the committees that hold members and their activities: general branches, branches,
    /// retirees' branches, temporary organisations and the organisations of mobile members and mobile talent.
    /// </summary>
    public static IReadOnlyList<OrgType> BranchLike { get; } =
    [
        OrgType.Branch, OrgType.RetireeBranch, OrgType.TemporaryOrg, OrgType.MobileMemberOrg, OrgType.MobileTalentOrg,
        OrgType.GeneralBranch,
    ];

    /// <summary>The types set up without a 支部委员会 unless told otherwise (a new organisation's <c>HasCommittee</c>).</summary>
    public static IReadOnlyList<OrgType> WithoutCommitteeByDefault { get; } =
        [OrgType.Branch, OrgType.RetireeBranch, OrgType.PartyCell, OrgType.TemporaryOrg];

    /// <summary>
    /// The party organisations an application for membership may be handed to: committees, general branches,
    /// branches and the other party organisations that take members in — not a department, a cell, a 支部委员会, a
    /// 党组, a body outside the party or a unit.
    /// </summary>
    public static IReadOnlyList<OrgType> ApplicationReceivers { get; } =
    [
        .. Committees, OrgType.GeneralBranch, OrgType.Branch, OrgType.TemporaryOrg, OrgType.MobileMemberOrg,
        OrgType.MobileTalentOrg, OrgType.TalentServiceOrg, OrgType.RetireeBranch, OrgType.CommunityOrg,
    ];

    /// <summary>Whether the type is a 党委 (<see cref="Committees"/>).</summary>
    public static bool IsCommittee(this OrgType type) => Committees.Contains(type);

    /// <summary>Whether the type is a 县级以上党委 (<see cref="CountyOrAboveCommittees"/>).</summary>
    public static bool IsCountyOrAboveCommittee(this OrgType type) => CountyOrAboveCommittees.Contains(type);

    /// <summary>Whether the type is a committee below the county (<see cref="PrimaryLevelCommittees"/>).</summary>
    public static bool IsPrimaryLevelCommittee(this OrgType type) => PrimaryLevelCommittees.Contains(type);

    /// <summary>Whether the type is a 乡镇（街道）党委 (<see cref="TownshipOrSubdistrictCommittees"/>).</summary>
    public static bool IsTownshipOrSubdistrictCommittee(this OrgType type) => TownshipOrSubdistrictCommittees.Contains(type);

    /// <summary>Whether the type is an 组织部门 (<see cref="OrgDepartments"/>).</summary>
    public static bool IsOrgDepartment(this OrgType type) => OrgDepartments.Contains(type);

    /// <summary>Whether the type is by itself a 县级以上党委组织部门 (<see cref="CountyOrAboveOrgDepartments"/>).</summary>
    public static bool IsCountyOrAboveOrgDepartment(this OrgType type) => CountyOrAboveOrgDepartments.Contains(type);

    /// <summary>Whether the type is a 党支部 (<see cref="Branches"/>).</summary>
    public static bool IsBranch(this OrgType type) => Branches.Contains(type);

    /// <summary>Whether a 党小组 may be set up under the type (<see cref="PartyCellHolders"/>).</summary>
    public static bool HoldsPartyCells(this OrgType type) => PartyCellHolders.Contains(type);

    /// <summary>Whether the type is branch-like (<see cref="BranchLike"/>).</summary>
    public static bool IsBranchLike(this OrgType type) => BranchLike.Contains(type);

    /// <summary>Whether a new organisation of the type has a 支部委员会 unless told otherwise.</summary>
    public static bool HasCommitteeByDefault(this OrgType type) => !WithoutCommitteeByDefault.Contains(type);

    /// <summary>Whether an application for membership may be handed to the type (<see cref="ApplicationReceivers"/>, R-06).</summary>
    public static bool ReceivesApplications(this OrgType type) => ApplicationReceivers.Contains(type);
}
