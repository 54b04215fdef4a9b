using Jishi.Domain.People;

namespace Jishi.Domain.Tests.People;

public sealed class LabelsTests
{
    [Theory]
    [InlineData(Education.Doctorate, "博士研究生")]
    [InlineData(Education.Master, "硕士研究生")]
    [InlineData(Education.Bachelor, "大学本科")]
    [InlineData(Education.JuniorCollege, "大学专科")]
    [InlineData(Education.SecondaryVocational, "中等专科")]
    [InlineData(Education.HighSchool, "高中")]
    [InlineData(Education.JuniorHighOrBelow, "初中及以下")]
    public void EducationLabel_IsTheStatisticsCategoryName(Education education, string label)
    {
        Assert.Equal(label, education.Label());
    }

    [Theory]
    [InlineData(Occupation.Worker, "工人")]
    [InlineData(Occupation.FarmerHerderFisher, "农牧渔民")]
    [InlineData(Occupation.ProfessionalTechnical, "专业技术人员")]
    [InlineData(Occupation.EnterpriseManager, "企事业单位管理人员")]
    [InlineData(Occupation.PartyGovernmentStaff, "党政机关工作人员")]
    [InlineData(Occupation.Student, "学生")]
    [InlineData(Occupation.MilitaryPolice, "军人武警")]
    [InlineData(Occupation.Retiree, "离退休人员")]
    [InlineData(Occupation.Other, "其他")]
    public void OccupationLabel_IsTheStatisticsCategoryName(Occupation occupation, string label)
    {
        Assert.Equal(label, occupation.Label());
    }

    [Fact]
    public void EveryEducationAndOccupation_HasADistinctLabel()
    {
        var education = Enum.GetValues<Education>().Select(e => e.Label()).ToList();
        var occupation = Enum.GetValues<Occupation>().Select(o => o.Label()).ToList();

        Assert.Equal(education.Count, education.Distinct().Count());
        Assert.Equal(occupation.Count, occupation.Distinct().Count());
    }
}
