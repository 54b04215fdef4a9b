using Jishi.Domain.People;

namespace Jishi.Domain.Tests.People;

public sealed class EthnicitiesTests
{
    [Fact]
    public void All_HasExactly56DistinctNames()
    {
        Assert.Equal(56, Ethnicities.All.Count);
        Assert.Equal(56, Ethnicities.All.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Ethnicities.All, name => Assert.EndsWith("族", name));
    }

    [Fact]
    public void All_StartsWithHanAndEndsWithJinoInGbt3304Order()
    {
        Assert.Equal("汉族", Ethnicities.All[0]);
        Assert.Equal("基诺族", Ethnicities.All[55]);
    }

    [Theory]
    [InlineData("汉族", true)]
    [InlineData("维吾尔族", true)]
    [InlineData("柯尔克孜族", true)]
    [InlineData("基诺族", true)]
    [InlineData("汉", false)]
    [InlineData("穿青人", false)]
    [InlineData("", false)]
    [InlineData(" 汉族", false)]
    public void IsOfficial_AcceptsOnlyTheExactOfficialName(string name, bool expected)
    {
        Assert.Equal(expected, Ethnicities.IsOfficial(name));
    }
}
