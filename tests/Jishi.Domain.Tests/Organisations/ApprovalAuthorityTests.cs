using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Organisations;

public sealed class ApprovalAuthorityTests
{
    private static readonly HashSet<OrgType> MayApprove =
    [
        OrgType.CentralCommittee,
        OrgType.ProvincialCommittee,
        OrgType.PrefecturalCommittee,
        OrgType.CountyCommittee,
        OrgType.PrimaryCommittee,
        OrgType.TownshipCommittee,
        OrgType.SubdistrictCommittee,
        OrgType.WorkingCommittee,
    ];

    public static TheoryData<OrgType> AllOrgTypes() => new(Enum.GetValues<OrgType>());

    [Theory]
    [MemberData(nameof(AllOrgTypes))]
    public void RefuseApprovalAuthority_PassesExactlyTheCommitteesThatMayApprove(OrgType type)
    {
        var refusal = ApprovalAuthority.RefuseApprovalAuthority(type, isUnderTownshipOrSubdistrict: false);

        if (MayApprove.Contains(type))
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.NotNull(refusal);
            Assert.Equal("G-14-approval-authority", refusal.Rule);
            Assert.Equal(RuleSeverity.Block, refusal.Severity);
            Assert.Equal("第二十一、二十二条", refusal.Article);
            Assert.StartsWith(type.Label() + "不能审批接收党员", refusal.Message);
        }
    }

    [Fact]
    public void RefuseApprovalAuthority_WhenPrimaryCommitteeIsUnderTownship_IsRefused()
    {
        var refusal = ApprovalAuthority.RefuseApprovalAuthority(OrgType.PrimaryCommittee, isUnderTownshipOrSubdistrict: true);

        Assert.NotNull(refusal);
        Assert.Equal("G-14-approval-authority", refusal.Rule);
        Assert.Equal(RuleSeverity.Block, refusal.Severity);
        Assert.Contains("乡镇（街道）党委所属的基层党委不能审批接收党员", refusal.Message);
    }

    [Theory]
    [InlineData(OrgType.Branch, "党支部不能审批接收党员")]
    [InlineData(OrgType.GeneralBranch, "党总支不能审批接收党员")]
    [InlineData(OrgType.TemporaryOrg, "临时党组织不能审批接收党员")]
    [InlineData(OrgType.LeadingPartyGroup, "党组不能审批接收党员")]
    [InlineData(OrgType.PartyCell, "党小组不能审批接收党员")]
    public void RefuseApprovalAuthority_NamesTheOrganisationType(OrgType type, string expectedStart)
    {
        var refusal = ApprovalAuthority.RefuseApprovalAuthority(type, isUnderTownshipOrSubdistrict: false);

        Assert.NotNull(refusal);
        Assert.StartsWith(expectedStart, refusal.Message);
        Assert.Contains("第二十二条", refusal.Message);
    }

    [Theory]
    [InlineData(OrgType.TownshipCommittee)]
    [InlineData(OrgType.WorkingCommittee)]
    [InlineData(OrgType.CountyCommittee)]
    public void RefuseApprovalAuthority_IgnoresTheTownshipFlagForOtherCommittees(OrgType type)
    {
        Assert.Null(ApprovalAuthority.RefuseApprovalAuthority(type, isUnderTownshipOrSubdistrict: true));
    }
}
