namespace Jishi.Web.Tests.OrgLife;

/// <summary>党员党性分析 over HTTP (L-08): the county arranges, a branch records its members, both read their figures.</summary>
public sealed class PartySpiritEndpointsTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    [Fact]
    public async Task TheCountyArranges_ABranchRecordsItsMembers_RefusalsNameTheRule_L08()
    {
        var county = await admin.CreateOrgAsync("党性分析接口县委", "CountyCommittee");
        var town = await admin.CreateOrgAsync("党性分析接口镇党委", "TownshipCommittee", county);
        var branch = await admin.CreateOrgAsync("党性分析接口支部", "Branch", town);
        var person = await admin.CreatePersonAsync("党性甲", IdNumbers.Unique(), branch);
        var member = (await admin.PostAsync("/api/v1/members",
            new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id;
        var countyManager = await factory.UserAsync("Manager", county);
        var branchManager = await factory.UserAsync("Manager", branch);
        var campaign = new { startDate = "2026-03-01", endDate = "2026-10-31", theme = "对照党章党规开展党性分析" };

        Problem.AssertRefused(await admin.PostAsync($"/api/v1/orgs/{town}/party-spirit-analyses", campaign), "L-08-party-spirit-analysis");
        Problem.AssertInvalid(await countyManager.PostAsync($"/api/v1/orgs/{county}/party-spirit-analyses",
            new { startDate = "2026-03-01", endDate = "2026-02-01", theme = "x" }), "endDate");
        Problem.AssertInvalid(await countyManager.PostAsync($"/api/v1/orgs/{county}/party-spirit-analyses",
            new { startDate = "2026-13-01", endDate = "2026-10-31", theme = "x" }), "startDate");
        Problem.Assert(await branchManager.PostAsync($"/api/v1/orgs/{county}/party-spirit-analyses", campaign), 404);
        var arranged = await countyManager.PostAsync($"/api/v1/orgs/{county}/party-spirit-analyses", campaign);
        Assert.Equal(201, arranged.Status);

        Problem.AssertRefused(await branchManager.PostAsync($"/api/v1/party-spirit-analyses/{arranged.Id}/participants",
            new { date = "2026-11-01", memberIds = new[] { member } }), "L-08-party-spirit-analysis");
        Problem.AssertInvalid(await branchManager.PostAsync($"/api/v1/party-spirit-analyses/{arranged.Id}/participants",
            new { date = "2026-05-01", memberIds = Array.Empty<string>() }), "memberIds");
        Problem.Assert(await branchManager.PostAsync($"/api/v1/party-spirit-analyses/{arranged.Id}/participants",
            new { date = "2026-05-01", memberIds = new[] { "nobody" } }), 404);
        var recorded = await branchManager.PostAsync($"/api/v1/party-spirit-analyses/{arranged.Id}/participants",
            new { date = "2026-05-01", memberIds = new[] { member } });
        Assert.Equal((201, 1), (recorded.Status, recorded.Json.GetProperty("recorded").GetInt32()));

        var overview = await branchManager.GetOkAsync($"/api/v1/orgs/{branch}/party-spirit-analyses");
        Assert.Equal(("2026-10-31", "2031-10-31", false), (overview.GetProperty("lastEndDate").GetString(),
            overview.GetProperty("nextDueDate").GetString(), overview.GetProperty("arranges").GetBoolean()));
        var item = Assert.Single(overview.GetProperty("items").EnumerateArray());
        Assert.Equal((1, 1), (item.GetProperty("participants").GetInt32(), item.GetProperty("members").GetInt32()));
        var roll = await branchManager.GetOkAsync($"/api/v1/party-spirit-analyses/{arranged.Id}?orgId={branch}");
        Assert.Equal("2026-05-01", Assert.Single(roll.GetProperty("members").EnumerateArray()).GetProperty("date").GetString());
        Assert.True((await countyManager.GetOkAsync($"/api/v1/orgs/{county}/party-spirit-analyses")).GetProperty("arranges").GetBoolean());
    }
}
