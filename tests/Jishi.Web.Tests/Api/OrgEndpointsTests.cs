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

        var list = await admin.GetOkAsync($"/api/v1/orgs?parentId={county}");

        var ids = list.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToList();
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(new[] { first, second }.Order(), ids.Order());
    }

    [Theory]
    [InlineData("Branch")]
    [InlineData("GeneralBranch")]
    [InlineData("PartyCell")]
    [InlineData("TemporaryOrg")]
    [InlineData("LeadingPartyGroup")]
    public async Task AnOrgThatMayNeverApprove_WithApprovalAuthority_IsRefusedByG14(string type)
    {
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");
        var parent = type == "PartyCell" ? await admin.CreateOrgAsync("某党支部", "Branch", county) : county;

        var reply = await admin.PostAsync("/api/v1/orgs",
            new { name = "有审批权的组织", type, parentId = parent, hasAdmissionApprovalAuthority = true });

        var refusal = Problem.AssertRefused(reply, "G-14-approval-authority");
        Assert.Equal(new[] { "article", "message", "rule", "severity" }, refusal.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task ABranchRefusedByG14_IsNotCreated()
    {
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");
        var before = await admin.GetOkAsync($"/api/v1/orgs?parentId={county}");

        var reply = await admin.PostAsync("/api/v1/orgs",
            new { name = "有审批权的党支部", type = "Branch", parentId = county, hasAdmissionApprovalAuthority = true });

        Problem.AssertRefused(reply, "G-14-approval-authority");
        var after = await admin.GetOkAsync($"/api/v1/orgs?parentId={county}");
        Assert.Equal(0, before.GetProperty("total").GetInt32());
        Assert.Equal(0, after.GetProperty("total").GetInt32());
        Assert.Empty(after.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task PatchingApprovalAuthorityOntoABranch_IsRefusedByG14AndChangesNothing()
    {
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");
        var branch = await admin.CreateOrgAsync("某党支部", "Branch", county);

        var reply = await admin.PatchAsync($"/api/v1/orgs/{branch}", new { name = "改名的党支部", hasAdmissionApprovalAuthority = true });

        Problem.AssertRefused(reply, "G-14-approval-authority");
        var fetched = await admin.GetOkAsync($"/api/v1/orgs/{branch}");
        Assert.False(fetched.GetProperty("hasAdmissionApprovalAuthority").GetBoolean());
        Assert.Equal("某党支部", fetched.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ListingTopLevelOrgs_AsAnAdmin_Answers200()
    {
        var county = await admin.CreateOrgAsync("顶层县委", "CountyCommittee");

        var list = await admin.GetOkAsync("/api/v1/orgs");

        Assert.Contains(list.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetString() == county);
        Assert.Equal(list.GetProperty("items").GetArrayLength(), list.GetProperty("total").GetInt32());
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
    public async Task MovingABranchToAnotherCounty_MovesItsMembersAlong()
    {
        var first = await admin.CreateOrgAsync("甲县委", "CountyCommittee");
        var second = await admin.CreateOrgAsync("乙县委", "CountyCommittee");
        var committee = await admin.CreateOrgAsync("某公司党委", "PrimaryCommittee", first);
        var branch = await admin.CreateOrgAsync("某党支部", "Branch", committee);
        var member = await admin.CreateMemberAsync(await admin.CreatePersonAsync("迁移某", IdNumbers.Unique(), branch), branch);

        var reply = await admin.PostAsync($"/api/v1/orgs/{branch}/move", new { parentId = second });

        Assert.True(reply.Status == 200, reply.ToString());
        Assert.Equal(second, reply.Json.GetProperty("parentId").GetString());
        Assert.Equal(1, reply.Json.GetProperty("depth").GetInt32());
        var ofSecond = await admin.GetOkAsync($"/api/v1/members?orgId={second}");
        var ofFirst = await admin.GetOkAsync($"/api/v1/members?orgId={first}");
        Assert.Equal([member], ofSecond.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(0, ofFirst.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task MovingAnOrgUnderItself_Is400NamingParentId()
    {
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");

        var reply = await admin.PostAsync($"/api/v1/orgs/{county}/move", new { parentId = county });

        Problem.AssertInvalid(reply, "parentId");
    }
}
