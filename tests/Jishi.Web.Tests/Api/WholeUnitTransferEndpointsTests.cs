using System.Text.Json;

namespace Jishi.Web.Tests.Api;

/// <summary>POST /api/v1/orgs/{id}/whole-unit-transfer (整建制转接, T-11-whole-unit) over HTTP.</summary>
public sealed class WholeUnitTransferEndpointsTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    [Fact]
    public async Task WholeUnitTransfer_Answers200TheMovedOrg_404OutOfScope_400BadBody_422Refused_T11()
    {
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");
        var township = (await admin.PostAsync("/api/v1/orgs", new { name = "某镇党委", type = "TownshipCommittee", parentId = county, hasAdmissionApprovalAuthority = true })).Id;
        var branch = await admin.CreateOrgAsync("某镇社区党支部", "Branch", township);
        var school = (await admin.PostAsync("/api/v1/orgs", new { name = "某中学党委", type = "PrimaryCommittee", parentId = county, hasAdmissionApprovalAuthority = true })).Id;
        var person = await admin.CreatePersonAsync("整建制党员", IdNumbers.Unique(), branch);
        var member = await admin.CreateMemberAsync(person, branch);
        var countyManager = await factory.UserAsync("Manager", county);
        var townshipManager = await factory.UserAsync("Manager", township);
        var url = $"/api/v1/orgs/{branch}/whole-unit-transfer";

        // 404: the township's Manager cannot reach the school committee.
        Problem.Assert(await townshipManager.PostAsync(url, new { toParentId = school, date = "2026-11-20", reason = "单位划转" }), 404);

        // 400: bad body — no reason, a malformed date.
        Problem.AssertInvalid(await countyManager.PostAsync(url, new { toParentId = school, date = "2026-11-20" }), "reason");
        Assert.Equal(400, (await countyManager.PostRawAsync(url, """{"toParentId":"x","date":"2026-13-45","reason":"r"}""")).Status);

        // 422: a committee is not moved as a whole unit; a date in the future (G-05).
        Problem.AssertRefused(await countyManager.PostAsync($"/api/v1/orgs/{township}/whole-unit-transfer",
            new { toParentId = school, date = "2026-11-20", reason = "单位划转" }), "T-11-whole-unit");
        Problem.AssertRefused(await countyManager.PostAsync(url, new { toParentId = school, date = "2099-01-01", reason = "单位划转" }), "G-05-dates");
        Assert.Equal(township, (await admin.GetOkAsync($"/api/v1/orgs/{branch}")).GetProperty("parentId").GetString());

        // 200: the moved org; the member's history shows both 整建制 entries.
        var moved = await countyManager.PostAsync(url, new { toParentId = school, date = "2026-11-20", reason = "单位划转", documentNo = "某组〔2026〕3号" });
        Assert.Equal(200, moved.Status);
        Assert.Equal(branch, moved.Id);
        Assert.Equal(school, moved.Json.GetProperty("parentId").GetString());
        var history = (await admin.GetOkAsync($"/api/v1/members/{member}/history")).GetProperty("items").EnumerateArray().ToList();
        var whole = history.Where(h => h.TryGetProperty("wholeUnit", out var w) && w.ValueKind == JsonValueKind.True).ToList();
        Assert.Equal(["TransferredOut", "TransferredIn"], whole.Select(h => h.GetProperty("change").GetString()));
        Assert.All(whole, h => Assert.StartsWith("整建制转接（某组〔2026〕3号）", h.GetProperty("detail").GetString(), StringComparison.Ordinal));
    }
}
