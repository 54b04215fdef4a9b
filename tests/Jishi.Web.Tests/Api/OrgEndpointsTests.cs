using System.Text.Json;

namespace Jishi.Web.Tests.Api;

public sealed class OrgEndpointsTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    [Fact]
    public async Task CreatingAnOrg_Answers201WithTheTypeAsItsIdentifierAndCamelCaseFields()
    {
        var reply = await admin.PostAsync("/api/v1/orgs", new { name = "某某县委", type = "CountyCommittee", hasAdmissionApprovalAuthority = true });

        Assert.Equal(201, reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        var org = reply.Json;
        Assert.False(string.IsNullOrWhiteSpace(org.GetProperty("id").GetString()));
        Assert.Equal("某某县委", org.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, org.GetProperty("type").ValueKind);
        Assert.Equal("CountyCommittee", org.GetProperty("type").GetString());
        Assert.True(org.GetProperty("hasAdmissionApprovalAuthority").GetBoolean());
        Assert.Equal(JsonValueKind.Null, org.GetProperty("parentId").ValueKind);
        Assert.All(org.EnumerateObject(), p => Assert.True(char.IsLower(p.Name[0]), $"{p.Name} is not camelCase"));
    }

    [Fact]
    public async Task GettingAnOrg_AnswersTheCreatedOrg()
    {
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");
        var branch = await admin.CreateOrgAsync("第一党支部", "Branch", county);

        var reply = await admin.GetAsync($"/api/v1/orgs/{branch}");

        Assert.Equal(200, reply.Status);
        Assert.Equal(branch, reply.Id);
        Assert.Equal("第一党支部", reply.Json.GetProperty("name").GetString());
        Assert.Equal("Branch", reply.Json.GetProperty("type").GetString());
        Assert.Equal(county, reply.Json.GetProperty("parentId").GetString());
    }

    [Fact]
    public async Task GettingAnUnknownOrg_Is404()
    {
        var reply = await admin.GetAsync("/api/v1/orgs/00000000000000000000");

        Problem.Assert(reply, 404);
    }

    [Fact]
    public async Task ListingByParent_AnswersTheChildrenAsItemsAndTotal()
    {
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");
        var first = await admin.CreateOrgAsync("第一党支部", "Branch", county);
        var second = await admin.CreateOrgAsync("第二党支部", "Branch", county);
        await admin.CreateOrgAsync("党小组", "PartyCell", first);

        var reply = await admin.GetAsync($"/api/v1/orgs?parentId={county}");

        Assert.Equal(200, reply.Status);
        var ids = reply.Json.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToList();
        Assert.Equal(2, reply.Json.GetProperty("total").GetInt32());
        Assert.Equal(new[] { first, second }.Order(), ids.Order());
    }

    [Fact]
    public async Task ABranchWithApprovalAuthority_IsRefusedByG14AndNotCreated()
    {
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");
        var before = await admin.GetAsync($"/api/v1/orgs?parentId={county}");

        var reply = await admin.PostAsync("/api/v1/orgs",
            new { name = "有审批权的党支部", type = "Branch", parentId = county, hasAdmissionApprovalAuthority = true });

        Problem.AssertRefused(reply, "G-14-approval-authority");
        var after = await admin.GetAsync($"/api/v1/orgs?parentId={county}");
        Assert.Equal(0, before.Json.GetProperty("total").GetInt32());
        Assert.Equal(0, after.Json.GetProperty("total").GetInt32());
        Assert.Empty(after.Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AnUnknownTypeName_Is400NamingType()
    {
        var reply = await admin.PostAsync("/api/v1/orgs", new { name = "某组织", type = "Bogus" });

        Problem.AssertInvalid(reply, "type");
    }

    [Fact]
    public async Task TheTypeAsAnInteger_Is400NamingType()
    {
        var reply = await admin.PostRawAsync("/api/v1/orgs", """{"name":"某组织","type":1}""");

        Problem.AssertInvalid(reply, "type");
    }

    [Theory]
    [InlineData("""{"name":"某组织","type":"CountyCommittee" """)]
    [InlineData("""{"name":"某组织",,}""")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public async Task MalformedJson_Is400NotAServerError(string body)
    {
        var reply = await admin.PostRawAsync("/api/v1/orgs", body);

        var problem = Problem.Assert(reply, 400);
        Assert.True(problem.TryGetProperty("errors", out _), reply.Body);
    }

    [Fact]
    public async Task AMissingName_Is400NamingName()
    {
        var reply = await admin.PostAsync("/api/v1/orgs", new { type = "CountyCommittee" });

        Problem.AssertInvalid(reply, "name");
    }

    [Fact]
    public async Task AnUnknownParent_Is404()
    {
        var reply = await admin.PostAsync("/api/v1/orgs", new { name = "某支部", type = "Branch", parentId = "00000000000000000000" });

        Problem.Assert(reply, 404);
    }

    [Fact]
    public async Task Patching_RenamesTheOrg()
    {
        var county = await admin.CreateOrgAsync("旧名称县委", "CountyCommittee");

        var reply = await admin.PatchAsync($"/api/v1/orgs/{county}", new { name = "新名称县委" });
        var fetched = await admin.GetAsync($"/api/v1/orgs/{county}");

        Assert.Equal(200, reply.Status);
        Assert.Equal("新名称县委", reply.Json.GetProperty("name").GetString());
        Assert.Equal("新名称县委", fetched.Json.GetProperty("name").GetString());
        Assert.Equal("CountyCommittee", fetched.Json.GetProperty("type").GetString());
    }

    [Fact]
    public async Task MovingAnOrgUnderItsOwnDescendant_Is400NamingParentId()
    {
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");
        var committee = await admin.CreateOrgAsync("某公司党委", "PrimaryCommittee", county);

        var reply = await admin.PostAsync($"/api/v1/orgs/{county}/move", new { parentId = committee });

        Problem.AssertInvalid(reply, "parentId");
        var stillTop = await admin.GetAsync($"/api/v1/orgs/{county}");
        Assert.Equal(JsonValueKind.Null, stillTop.Json.GetProperty("parentId").ValueKind);
    }

    [Fact]
    public async Task MovingAnOrgUnderItself_Is400NamingParentId()
    {
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");

        var reply = await admin.PostAsync($"/api/v1/orgs/{county}/move", new { parentId = county });

        Problem.AssertInvalid(reply, "parentId");
    }
}
