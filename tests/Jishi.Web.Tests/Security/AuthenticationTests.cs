namespace Jishi.Web.Tests.Security;

public sealed class AuthenticationTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task AnApiCall_WithoutAToken_Is401ProblemJson(string method)
    {
        var client = new ApiClient(factory.Anonymous());

        var reply = method == "GET"
            ? await client.GetAsync("/api/v1/orgs")
            : await client.PostAsync("/api/v1/orgs", new { name = "某县委", type = "CountyCommittee" });

        Problem.Assert(reply, 401);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task AnApiCall_WithAWrongToken_Is401ProblemJson(string method)
    {
        var client = factory.As("jsk_not-a-real-token");

        var reply = method == "GET"
            ? await client.GetAsync("/api/v1/orgs")
            : await client.PostAsync("/api/v1/orgs", new { name = "某县委", type = "CountyCommittee" });

        Problem.Assert(reply, 401);
    }

    [Fact]
    public async Task TheBootstrapToken_AuthenticatesAsAnAdministrator()
    {
        var admin = factory.Admin();

        var created = await admin.PostAsync("/api/v1/orgs", new { name = "引导管理员新建的县委", type = "CountyCommittee" });
        var users = await admin.GetAsync("/api/v1/users");

        Assert.Equal(201, created.Status);
        Assert.Equal(200, users.Status);
    }

    [Fact]
    public async Task CreatingAUser_Answers201WithItsId()
    {
        var admin = factory.Admin();
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");

        var reply = await admin.PostAsync("/api/v1/users",
            new { userName = "zhang.san", displayName = "张三", orgId = county, role = "Manager" });

        Assert.Equal(201, reply.Status);
        Assert.False(string.IsNullOrWhiteSpace(reply.Id));
    }

    [Fact]
    public async Task IssuingAToken_Answers201WithATokenThatAuthenticatesTheUser()
    {
        var admin = factory.Admin();
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");
        var user = await admin.PostAsync("/api/v1/users",
            new { userName = "li.si", displayName = "李四", orgId = county, role = "Manager" });

        var issued = await admin.PostAsync($"/api/v1/users/{user.Id}/tokens", new { });
        var token = issued.Json.GetProperty("token").GetString();
        var asUser = await factory.As(token!).GetAsync($"/api/v1/orgs/{county}");

        Assert.Equal(201, issued.Status);
        Assert.False(string.IsNullOrWhiteSpace(token));
        Assert.Equal(200, asUser.Status);
        Assert.Equal(county, asUser.Id);
    }

    [Fact]
    public async Task AManager_CreatingAUser_Is403()
    {
        var county = await factory.Admin().CreateOrgAsync("某县委", "CountyCommittee");
        var manager = await factory.UserAsync("Manager", county);

        var reply = await manager.PostAsync("/api/v1/users",
            new { userName = "wang.wu", displayName = "王五", orgId = county, role = "Admin" });

        Problem.Assert(reply, 403);
    }
}
