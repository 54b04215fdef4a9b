using Jishi.Domain.Organisations;

namespace Jishi.Domain.Tests.Organisations;

public sealed class OrgHierarchyTests
{
    [Theory]
    [InlineData(OrgType.PartyCell, OrgType.Branch)]
    [InlineData(OrgType.PartyCell, OrgType.RetireeBranch)]
    [InlineData(OrgType.PartyCell, OrgType.TemporaryOrg)]
    [InlineData(OrgType.PartyCell, OrgType.MobileMemberOrg)]
    [InlineData(OrgType.Branch, OrgType.GeneralBranch)]
    [InlineData(OrgType.RetireeBranch, OrgType.GeneralBranch)]
    [InlineData(OrgType.Branch, OrgType.PrimaryCommittee)]
    [InlineData(OrgType.GeneralBranch, OrgType.PrimaryCommittee)]
    [InlineData(OrgType.PrimaryCommittee, OrgType.TownshipCommittee)]
    [InlineData(OrgType.ProvincialCommittee, OrgType.CentralCommittee)]
    [InlineData(OrgType.CountyCommittee, OrgType.PrefecturalCommittee)]
    [InlineData(OrgType.Branch, OrgType.TemporaryOrg)]
    public void CheckParent_AcceptsUsualStructures(OrgType child, OrgType parent)
    {
        Assert.Null(OrgHierarchy.CheckParent(child, parent));
    }

    [Theory]
    [InlineData(OrgType.CentralCommittee)]
    [InlineData(OrgType.ProvincialCommittee)]
    [InlineData(OrgType.PrefecturalCommittee)]
    [InlineData(OrgType.CountyCommittee)]
    [InlineData(OrgType.PrimaryCommittee)]
    [InlineData(OrgType.TownshipCommittee)]
    [InlineData(OrgType.SubdistrictCommittee)]
    [InlineData(OrgType.WorkingCommittee)]
    public void CheckParent_AcceptsAnyCommitteeAtTopLevel(OrgType child)
    {
        Assert.Null(OrgHierarchy.CheckParent(child, parent: null));
    }

    [Theory]
    [InlineData(OrgType.PartyCell, null, "党小组应设在")]
    [InlineData(OrgType.PartyCell, OrgType.GeneralBranch, "党小组应设在")]
    [InlineData(OrgType.PartyCell, OrgType.PrimaryCommittee, "党小组应设在")]
    [InlineData(OrgType.PartyCell, OrgType.PartyCell, "党小组下不能设立")]
    [InlineData(OrgType.Branch, OrgType.PartyCell, "党小组下不能设立")]
    [InlineData(OrgType.Branch, OrgType.Branch, "党支部之下只能设立党小组")]
    [InlineData(OrgType.GeneralBranch, OrgType.Branch, "党支部之下只能设立党小组")]
    [InlineData(OrgType.TemporaryOrg, OrgType.RetireeBranch, "离退休党支部之下只能设立党小组")]
    [InlineData(OrgType.GeneralBranch, OrgType.GeneralBranch, "党总支之下只能设立党支部或离退休党支部")]
    [InlineData(OrgType.PrimaryCommittee, OrgType.GeneralBranch, "党总支之下只能设立党支部或离退休党支部")]
    [InlineData(OrgType.CentralCommittee, OrgType.ProvincialCommittee, "党的中央委员会不能有上级组织")]
    public void CheckParent_RefusesImpossibleStructuresOnParentId(OrgType child, OrgType? parent, string expectedStart)
    {
        var error = OrgHierarchy.CheckParent(child, parent);

        Assert.NotNull(error);
        Assert.Equal("parentId", error.Field);
        Assert.StartsWith(expectedStart, error.Message);
    }
}
