using Jishi.Domain.Organisations;

namespace Jishi.Domain.Tests.Organisations;

public sealed class OrgTypesTests
{
    public static TheoryData<OrgType> AllOrgTypes() => new(Enum.GetValues<OrgType>());

    [Fact]
    public void OrgType_HasEveryGlossaryIdentifier()
    {
        Assert.Equal(33, Enum.GetValues<OrgType>().Length);
    }

    [Theory]
    [MemberData(nameof(AllOrgTypes))]
    public void LabelAndDefaultLevel_AreDefinedForEveryType(OrgType type)
    {
        Assert.False(string.IsNullOrWhiteSpace(type.Label()));
        Assert.True(Enum.IsDefined(type.DefaultLevel()));
    }

    [Fact]
    public void Labels_AreDistinct()
    {
        var labels = Enum.GetValues<OrgType>().Select(t => t.Label()).ToList();

        Assert.Equal(labels.Count, labels.Distinct().Count());
    }

    [Theory]
    [InlineData(OrgType.Branch, "党支部")]
    [InlineData(OrgType.GeneralBranch, "党总支")]
    [InlineData(OrgType.PartyCell, "党小组")]
    [InlineData(OrgType.LeadingPartyGroup, "党组")]
    [InlineData(OrgType.TownshipCommittee, "乡镇党委")]
    public void Label_IsTheGlossaryName(OrgType type, string label)
    {
        Assert.Equal(label, type.Label());
    }

    [Theory]
    [InlineData(OrgType.CentralCommittee, OrgLevel.Central)]
    [InlineData(OrgType.ProvincialCommittee, OrgLevel.Provincial)]
    [InlineData(OrgType.PrefecturalCommittee, OrgLevel.Prefectural)]
    [InlineData(OrgType.CountyCommittee, OrgLevel.County)]
    [InlineData(OrgType.PrimaryCommittee, OrgLevel.Primary)]
    [InlineData(OrgType.TownshipCommittee, OrgLevel.Primary)]
    [InlineData(OrgType.Branch, OrgLevel.Branch)]
    [InlineData(OrgType.PartyCell, OrgLevel.Branch)]
    public void DefaultLevel_FollowsTheTypesPlaceInTheHierarchy(OrgType type, OrgLevel level)
    {
        Assert.Equal(level, type.DefaultLevel());
    }

    [Theory]
    [InlineData(OrgLevel.Central, true)]
    [InlineData(OrgLevel.Provincial, true)]
    [InlineData(OrgLevel.Prefectural, true)]
    [InlineData(OrgLevel.County, true)]
    [InlineData(OrgLevel.Primary, false)]
    [InlineData(OrgLevel.Branch, false)]
    public void IsCountyOrAbove_IncludesTheCountyLevel(OrgLevel level, bool expected)
    {
        Assert.Equal(expected, level.IsCountyOrAbove());
    }
}
