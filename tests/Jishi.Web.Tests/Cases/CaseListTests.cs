namespace Jishi.Web.Tests.Cases;

public sealed class CaseListTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    [Fact]
    public async Task ListCases_ByTheLastDigitsOfTheIdNumberOrByName_FindsTheCase_AndNothingElse()
    {
        var s = await CaseScenario.CreateAsync(factory.Admin());
        await s.OpenAsync();
        var person = await s.Api.GetOkAsync($"/api/v1/people/{s.PersonId}");
        var idNumber = person.GetProperty("idNumber").GetString()!;
        var name = person.GetProperty("name").GetString()!;

        var byTail = await s.Api.GetOkAsync($"/api/v1/cases?q={idNumber[^6..]}");
        var byName = await s.Api.GetOkAsync($"/api/v1/cases?q={Uri.EscapeDataString(name)}&orgId={s.Branch}");
        var none = await s.Api.GetOkAsync($"/api/v1/cases?q=000000&orgId={s.Branch}");

        Assert.Equal(s.CaseId, Assert.Single(byTail.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(s.CaseId, Assert.Single(byName.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }
}
