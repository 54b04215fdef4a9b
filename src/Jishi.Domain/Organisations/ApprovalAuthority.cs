using Jishi.Domain.Rules;

namespace Jishi.Domain.Organisations;

/// <summary>G-14-approval-authority (RULES.md §0.4; S1 第二十一、二十二条): who may approve admission.</summary>
public static class ApprovalAuthority
{
    private const string Rule = RuleIds.G14ApprovalAuthority;
    private const string Article = "第二十一、二十二条";

    /// <summary>
    /// G-14 (BLOCK): whether an organisation of <paramref name="type"/> may be flagged
    /// <c>HasAdmissionApprovalAuthority</c>. Returns <see langword="null"/> for the 党委 that may hold it —
    /// <see cref="OrgType.CentralCommittee"/>, <see cref="OrgType.ProvincialCommittee"/>,
    /// <see cref="OrgType.PrefecturalCommittee"/>, <see cref="OrgType.CountyCommittee"/>,
    /// <see cref="OrgType.TownshipCommittee"/>, <see cref="OrgType.SubdistrictCommittee"/>,
    /// <see cref="OrgType.WorkingCommittee"/>, and a <see cref="OrgType.PrimaryCommittee"/> that is not under a
    /// township/subdistrict committee — and a refusal for everything else: 党支部 and every non-committee type
    /// (第二十二条第一款 "预备党员必须由党委审批"), 乡镇（街道）党委所属的基层党委 (第二款), 党总支 (第三款),
    /// 临时党组织 (第四款; its "除另有规定外" exception is decided per approval with an exception record, never by
    /// this configuration flag), 党组 (第五款).
    /// </summary>
    /// <param name="type">The organisation's type.</param>
    /// <param name="isUnderTownshipOrSubdistrict">
    /// <c>IsUnderTownshipOrSubdistrict</c>: the organisation belongs to a 乡镇（街道）党委 (e.g. 村党委、社区党委).
    /// Only consulted for <see cref="OrgType.PrimaryCommittee"/>.
    /// </param>
    public static Refusal? RefuseApprovalAuthority(OrgType type, bool isUnderTownshipOrSubdistrict)
    {
        var message = type switch
        {
            OrgType.CentralCommittee or OrgType.ProvincialCommittee or OrgType.PrefecturalCommittee
                or OrgType.CountyCommittee or OrgType.TownshipCommittee or OrgType.SubdistrictCommittee
                or OrgType.WorkingCommittee => null,
            OrgType.PrimaryCommittee when !isUnderTownshipOrSubdistrict => null,
            OrgType.PrimaryCommittee =>
                "乡镇（街道）党委所属的基层党委不能审批接收党员，只应对党支部党员大会通过接收的预备党员进行审议（第二十二条第二款）",
            OrgType.GeneralBranch =>
                "党总支不能审批接收党员，只应对党支部党员大会通过接收的预备党员进行审议（第二十二条第三款）",
            OrgType.TemporaryOrg =>
                "临时党组织不能审批接收党员（第二十二条第四款）；“除另有规定外”的情形须在具体审批时凭例外记录处理，不能设为审批权限",
            OrgType.LeadingPartyGroup =>
                "党组不能审批接收党员，只能讨论和决定发展党员重要事项（第二十二条第五款）",
            OrgType.OrgDepartment or OrgType.CentralOrgDepartment or OrgType.ProvincialOrgDepartment
                or OrgType.CountyOrgDepartment or OrgType.Branch or OrgType.BranchCommittee or OrgType.PartyCell
                or OrgType.MobileMemberOrg or OrgType.MobileTalentOrg or OrgType.TalentServiceOrg
                or OrgType.RetireeBranch or OrgType.CommunityOrg or OrgType.MassOrganization or OrgType.YouthLeague
                or OrgType.DisciplineAndLawAgency or OrgType.RelevantDepartment
                or OrgType.DisciplineInspectionCommission or OrgType.Unit or OrgType.SupervisingDepartment
                or OrgType.EmployerUnit or OrgType.DispatchAgency or OrgType.CoordinationGroup =>
                $"{type.Label()}不能审批接收党员，预备党员必须由党委审批（第二十二条第一款）",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };

        return message is null ? null : Refusal.Block(Rule, Article, message);
    }
}
