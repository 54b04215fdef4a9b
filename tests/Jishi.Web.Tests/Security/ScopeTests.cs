using System.Text.Json;

namespace Jishi.Web.Tests.Security;

public sealed class ScopeTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    /// <summary>A county with branches A and B, a member registered in each.</summary>
    private sealed record Tree(string County, string A, string B, string PersonA, string PersonB, string MemberA, string MemberB);

    private async Task<Tree> TreeAsync()
    {
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");
        var a = await admin.CreateOrgAsync("甲党支部", "Branch", county);
        var b = await admin.CreateOrgAsync("乙党支部", "Branch", county);
        var personA = await admin.CreatePersonAsync("甲某", IdNumbers.Unique(), a);
        var personB = await admin.CreatePersonAsync("乙某", IdNumbers.Unique(), b);
        var memberA = await admin.CreateMemberAsync(personA, a);
        var memberB = await admin.CreateMemberAsync(personB, b);
        return new Tree(county, a, b, personA, personB, memberA, memberB);
    }

    private static void AssertLikeNotFound(Reply outOfScope, Reply unknown)
    {
        var hidden = Problem.Assert(outOfScope, 404);
        var missing = Problem.Assert(unknown, 404);
        Assert.Equal(missing.GetProperty("title").GetString(), hidden.GetProperty("title").GetString());
        Assert.Equal(missing.GetProperty("type").GetString(), hidden.GetProperty("type").GetString());
        Assert.Equal(
            missing.EnumerateObject().Select(p => p.Name).Where(n => n != "traceId").Order(),
            hidden.EnumerateObject().Select(p => p.Name).Where(n => n != "traceId").Order());
    }

    [Fact]
    public async Task AManagerOfBranchA_GettingBranchB_Is404ExactlyLikeAnUnknownId()
    {
        var tree = await TreeAsync();
        var manager = await factory.UserAsync("Manager", tree.A);

        var hidden = await manager.GetAsync($"/api/v1/orgs/{tree.B}");
        var unknown = await manager.GetAsync("/api/v1/orgs/00000000000000000000");

        AssertLikeNotFound(hidden, unknown);
    }

    [Fact]
    public async Task AManagerOfBranchA_GettingTheCountyAbove_Is404()
    {
        var tree = await TreeAsync();
        var manager = await factory.UserAsync("Manager", tree.A);

        Problem.Assert(await manager.GetAsync($"/api/v1/orgs/{tree.County}"), 404);
    }

    [Fact]
    public async Task AManagerOfBranchA_GettingAPersonOfBranchB_Is404ExactlyLikeAnUnknownId()
    {
        var tree = await TreeAsync();
        var manager = await factory.UserAsync("Manager", tree.A);

        var hidden = await manager.GetAsync($"/api/v1/people/{tree.PersonB}");
        var unknown = await manager.GetAsync("/api/v1/people/00000000000000000000");

        AssertLikeNotFound(hidden, unknown);
    }

    [Fact]
    public async Task AManagerOfBranchA_ListingTheMembersOfBranchB_Is404()
    {
        var tree = await TreeAsync();
        var manager = await factory.UserAsync("Manager", tree.A);

        var hidden = await manager.GetAsync($"/api/v1/members?orgId={tree.B}");
        var unknown = await manager.GetAsync("/api/v1/members?orgId=00000000000000000000");

        AssertLikeNotFound(hidden, unknown);
    }

    [Fact]
    public async Task AManagerOfBranchA_GettingAMemberOfBranchB_Is404()
    {
        var tree = await TreeAsync();
        var manager = await factory.UserAsync("Manager", tree.A);

        Problem.Assert(await manager.GetAsync($"/api/v1/members/{tree.MemberB}"), 404);
    }

    [Fact]
    public async Task AManagerOfBranchA_SeesItsOwnBranchPeopleAndMembers()
    {
        var tree = await TreeAsync();
        var manager = await factory.UserAsync("Manager", tree.A);

        var org = await manager.GetAsync($"/api/v1/orgs/{tree.A}");
        var person = await manager.GetAsync($"/api/v1/people/{tree.PersonA}");
        var members = await manager.GetAsync($"/api/v1/members?orgId={tree.A}");
        var all = await manager.GetAsync("/api/v1/members");

        Assert.Equal(200, org.Status);
        Assert.Equal(200, person.Status);
        Assert.Equal(200, members.Status);
        Assert.Equal([tree.MemberA], members.Json.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal([tree.MemberA], all.Json.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(1, all.Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AManagerOfBranchA_RegisteringAPersonInBranchB_Is404AndCreatesNothing()
    {
        var tree = await TreeAsync();
        var manager = await factory.UserAsync("Manager", tree.A);
        var idNumber = IdNumbers.Unique();

        var reply = await manager.PostAsync("/api/v1/people", new { name = "越权登记", idNumber, orgId = tree.B });

        Problem.Assert(reply, 404);
        var search = await admin.GetAsync($"/api/v1/people?q={idNumber}");
        Assert.Equal(0, search.Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AViewerOfTheCounty_ReadsAcrossTheCounty()
    {
        var tree = await TreeAsync();
        var viewer = await factory.UserAsync("Viewer", tree.County);

        var county = await viewer.GetAsync($"/api/v1/orgs/{tree.County}");
        var b = await viewer.GetAsync($"/api/v1/orgs/{tree.B}");
        var children = await viewer.GetAsync($"/api/v1/orgs?parentId={tree.County}");
        var person = await viewer.GetAsync($"/api/v1/people/{tree.PersonB}");
        var member = await viewer.GetAsync($"/api/v1/members/{tree.MemberA}");
        var members = await viewer.GetAsync($"/api/v1/members?orgId={tree.County}");

        Assert.Equal(200, county.Status);
        Assert.Equal(200, b.Status);
        Assert.Equal(2, children.Json.GetProperty("total").GetInt32());
        Assert.Equal(200, person.Status);
        Assert.Equal(200, member.Status);
        Assert.Equal(2, members.Json.GetProperty("total").GetInt32());
        Assert.Equal(
            new[] { tree.MemberA, tree.MemberB }.Order(),
            members.Json.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).Order());
    }

    public static TheoryData<string, string, string> ViewerWrites() => new()
    {
        { "POST", "/api/v1/orgs", """{"name":"观察员新建","type":"Branch","parentId":"{county}"}""" },
        { "PATCH", "/api/v1/orgs/{b}", """{"name":"观察员改名"}""" },
        { "POST", "/api/v1/orgs/{b}/move", """{"parentId":"{a}"}""" },
        { "POST", "/api/v1/people", """{"name":"观察员登记","idNumber":"{idNumber}","orgId":"{b}"}""" },
        { "PATCH", "/api/v1/people/{personB}", """{"phone":"13800000000"}""" },
        { "POST", "/api/v1/members", """{"personId":"{personB}","orgId":"{b}","status":"FullMember"}""" },
        { "POST", "/api/v1/members/{memberB}/sanctions", """{"type":"Warning","approvedDate":"2026-01-05"}""" },
        { "POST", "/api/v1/users", """{"userName":"viewer.made","displayName":"某","orgId":"{b}","role":"Viewer"}""" },
    };

    [Theory]
    [MemberData(nameof(ViewerWrites))]
    public async Task AViewerOfTheCounty_Writing_Is403(string method, string url, string body)
    {
        var tree = await TreeAsync();
        var viewer = await factory.UserAsync("Viewer", tree.County);
        string Fill(string s) => s.Replace("{county}", tree.County, StringComparison.Ordinal)
            .Replace("{a}", tree.A, StringComparison.Ordinal).Replace("{b}", tree.B, StringComparison.Ordinal)
            .Replace("{personB}", tree.PersonB, StringComparison.Ordinal)
            .Replace("{memberB}", tree.MemberB, StringComparison.Ordinal)
            .Replace("{idNumber}", IdNumbers.Unique(), StringComparison.Ordinal);

        var reply = method == "POST"
            ? await viewer.PostRawAsync(Fill(url), Fill(body))
            : await viewer.PatchRawAsync(Fill(url), Fill(body));

        Problem.Assert(reply, 403);
        var orgB = await admin.GetAsync($"/api/v1/orgs/{tree.B}");
        Assert.Equal("乙党支部", orgB.Json.GetProperty("name").GetString());
        Assert.Equal(tree.County, orgB.Json.GetProperty("parentId").GetString());
        var children = await admin.GetAsync($"/api/v1/orgs?parentId={tree.County}");
        Assert.Equal(2, children.Json.GetProperty("total").GetInt32());
        var memberB = await admin.GetAsync($"/api/v1/members/{tree.MemberB}");
        Assert.Equal(JsonValueKind.Array, memberB.Json.GetProperty("sanctions").ValueKind);
        Assert.Empty(memberB.Json.GetProperty("sanctions").EnumerateArray());
    }
}
