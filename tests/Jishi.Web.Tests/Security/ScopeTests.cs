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

        var org = await manager.GetOkAsync($"/api/v1/orgs/{tree.A}");
        var person = await manager.GetOkAsync($"/api/v1/people/{tree.PersonA}");
        var member = await manager.GetOkAsync($"/api/v1/members/{tree.MemberA}");
        var members = await manager.GetOkAsync($"/api/v1/members?orgId={tree.A}");

        Assert.Equal(tree.A, org.GetProperty("id").GetString());
        Assert.Equal(tree.PersonA, person.GetProperty("id").GetString());
        Assert.Equal(tree.MemberA, member.GetProperty("id").GetString());
        Assert.Equal([tree.MemberA], members.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(1, members.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AManagerOfBranchA_ListingMembersWithoutAnOrg_SeesOnlyBranchA()
    {
        var tree = await TreeAsync();
        var manager = await factory.UserAsync("Manager", tree.A);

        var all = await manager.GetOkAsync("/api/v1/members");

        Assert.Equal([tree.MemberA], all.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(1, all.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AManagerOfBranchA_SearchingMembersByTheNameOfOneInBranchB_FindsNothing()
    {
        var tree = await TreeAsync();
        var manager = await factory.UserAsync("Manager", tree.A);

        var found = await manager.GetOkAsync($"/api/v1/members?q={Uri.EscapeDataString("乙某")}");

        Assert.Equal(0, found.GetProperty("total").GetInt32());
        Assert.Empty(found.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AManagerOfBranchA_ListingOrgs_SeesItsBranchAsTheTop()
    {
        var tree = await TreeAsync();
        var manager = await factory.UserAsync("Manager", tree.A);

        var tops = await manager.GetOkAsync("/api/v1/orgs");

        Assert.Equal([tree.A], tops.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task AManagerOfBranchA_ListingTheChildrenOfTheCounty_Is404()
    {
        var tree = await TreeAsync();
        var manager = await factory.UserAsync("Manager", tree.A);

        Problem.Assert(await manager.GetAsync($"/api/v1/orgs?parentId={tree.County}"), 404);
    }

    public static TheoryData<string, string, string> ManagerWritesOutsideScope() => new()
    {
        { "PATCH", "/api/v1/orgs/{b}", """{"name":"越权改名"}""" },
        { "POST", "/api/v1/orgs", """{"name":"越权新建","type":"PartyCell","parentId":"{b}"}""" },
        { "POST", "/api/v1/orgs/{a}/move", """{"parentId":"{b}"}""" },
        { "PATCH", "/api/v1/people/{personB}", """{"phone":"13800000000"}""" },
        { "POST", "/api/v1/members/{memberB}/sanctions", """{"type":"Warning","approvedDate":"2026-01-05"}""" },
    };

    [Theory]
    [MemberData(nameof(ManagerWritesOutsideScope))]
    public async Task AManagerOfBranchA_WritingOutsideItsScope_Is404(string method, string url, string body)
    {
        var tree = await TreeAsync();
        var manager = await factory.UserAsync("Manager", tree.A);

        var reply = method == "POST"
            ? await manager.PostRawAsync(Fill(url, tree), Fill(body, tree))
            : await manager.PatchRawAsync(Fill(url, tree), Fill(body, tree));

        Problem.Assert(reply, 404);
        var orgB = await admin.GetOkAsync($"/api/v1/orgs/{tree.B}");
        Assert.Equal("乙党支部", orgB.GetProperty("name").GetString());
        var orgA = await admin.GetOkAsync($"/api/v1/orgs/{tree.A}");
        Assert.Equal(tree.County, orgA.GetProperty("parentId").GetString());
        var personB = await admin.GetOkAsync($"/api/v1/people/{tree.PersonB}");
        Assert.Equal(JsonValueKind.Null, personB.GetProperty("phone").ValueKind);
        var memberB = await admin.GetOkAsync($"/api/v1/members/{tree.MemberB}");
        Assert.Empty(memberB.GetProperty("sanctions").EnumerateArray());
    }

    [Fact]
    public async Task AManagerOfBranchA_EnteringAPersonOfBranchBAsAMember_Is404()
    {
        var tree = await TreeAsync();
        var personB = await admin.CreatePersonAsync("乙某二", IdNumbers.Unique(), tree.B);
        var manager = await factory.UserAsync("Manager", tree.A);

        var reply = await manager.PostAsync("/api/v1/members", new { personId = personB, orgId = tree.A, status = "FullMember" });

        Problem.Assert(reply, 404);
    }

    [Fact]
    public async Task AManagerOfBranchA_IssuingATokenForAnotherUser_Is403()
    {
        var tree = await TreeAsync();
        var other = await admin.PostAsync("/api/v1/users",
            new { userName = $"o{Guid.NewGuid():N}"[..20], displayName = "别人", orgId = tree.B, role = "Manager" });
        var manager = await factory.UserAsync("Manager", tree.A);

        var reply = await manager.PostAsync($"/api/v1/users/{other.Id}/tokens", new { });

        Problem.Assert(reply, 403);
    }

    [Fact]
    public async Task AManagerOfBranchA_RegisteringAPersonInBranchB_Is404AndCreatesNothing()
    {
        var tree = await TreeAsync();
        var manager = await factory.UserAsync("Manager", tree.A);
        var idNumber = IdNumbers.Unique();

        var reply = await manager.PostAsync("/api/v1/people", new { name = "越权登记", idNumber, orgId = tree.B });

        Problem.Assert(reply, 404);
        var registered = await admin.PostAsync("/api/v1/people", new { name = "正常登记", idNumber, orgId = tree.B });
        Assert.True(registered.Status == 201, registered.ToString());
    }

    [Fact]
    public async Task AViewerOfTheCounty_ReadsAcrossTheCounty()
    {
        var tree = await TreeAsync();
        var viewer = await factory.UserAsync("Viewer", tree.County);

        var county = await viewer.GetOkAsync($"/api/v1/orgs/{tree.County}");
        var b = await viewer.GetOkAsync($"/api/v1/orgs/{tree.B}");
        var person = await viewer.GetOkAsync($"/api/v1/people/{tree.PersonB}");
        var member = await viewer.GetOkAsync($"/api/v1/members/{tree.MemberA}");
        var members = await viewer.GetOkAsync($"/api/v1/members?orgId={tree.County}");

        Assert.Equal(tree.County, county.GetProperty("id").GetString());
        Assert.Equal(tree.B, b.GetProperty("id").GetString());
        Assert.Equal(tree.PersonB, person.GetProperty("id").GetString());
        Assert.Equal(tree.MemberA, member.GetProperty("id").GetString());
        Assert.Equal(2, members.GetProperty("total").GetInt32());
        Assert.Equal(
            new[] { tree.MemberA, tree.MemberB }.Order(),
            members.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).Order());
    }

    [Fact]
    public async Task AViewerOfTheCounty_ListsTheCountysChildren()
    {
        var tree = await TreeAsync();
        var viewer = await factory.UserAsync("Viewer", tree.County);

        var children = await viewer.GetOkAsync($"/api/v1/orgs?parentId={tree.County}");

        Assert.Equal(2, children.GetProperty("total").GetInt32());
        Assert.Equal(new[] { tree.A, tree.B }.Order(),
            children.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).Order());
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

        var reply = method == "POST"
            ? await viewer.PostRawAsync(Fill(url, tree), Fill(body, tree))
            : await viewer.PatchRawAsync(Fill(url, tree), Fill(body, tree));

        Problem.Assert(reply, 403);
        var orgB = await admin.GetOkAsync($"/api/v1/orgs/{tree.B}");
        Assert.Equal("乙党支部", orgB.GetProperty("name").GetString());
        var orgA = await admin.GetOkAsync($"/api/v1/orgs/{tree.A}");
        Assert.Equal(tree.County, orgA.GetProperty("parentId").GetString());
        var personB = await admin.GetOkAsync($"/api/v1/people/{tree.PersonB}");
        Assert.Equal(JsonValueKind.Null, personB.GetProperty("phone").ValueKind);
        var memberB = await admin.GetOkAsync($"/api/v1/members/{tree.MemberB}");
        Assert.Empty(memberB.GetProperty("sanctions").EnumerateArray());
    }

    private static string Fill(string text, Tree tree) => text
        .Replace("{county}", tree.County, StringComparison.Ordinal)
        .Replace("{a}", tree.A, StringComparison.Ordinal)
        .Replace("{b}", tree.B, StringComparison.Ordinal)
        .Replace("{personB}", tree.PersonB, StringComparison.Ordinal)
        .Replace("{memberB}", tree.MemberB, StringComparison.Ordinal)
        .Replace("{idNumber}", IdNumbers.Unique(), StringComparison.Ordinal);
}
