namespace Jishi.Web.Tests.Pages;

/// <summary>The organisation page <c>/orgs/{id}</c>, driven like a browser without JavaScript: the 整建制转接 form.</summary>
public sealed class OrgPageTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private const string Password = "org-page-pw-2026";
    private readonly ApiClient admin = factory.Admin();

    private async Task<WebSession> LogInAsync(string role, string orgId)
    {
        var userName = $"o{Guid.NewGuid():N}"[..16];
        var reply = await admin.PostAsync("/api/v1/users", new { userName, displayName = "组织页" + role, orgId, role, password = Password });
        Assert.True(reply.Status == 201, reply.ToString());
        return await WebSession.LogInAsync(factory, userName, Password);
    }

    private static List<KeyValuePair<string, string>> Form(string toParentId, string date) =>
    [
        new("toParentId", toParentId), new("date", date), new("reason", "单位划转"), new("documentNo", "某组〔2026〕5号"),
    ];

    [Fact]
    public async Task WholeUnitForm_ARefusalShowsTheRuleAndRecordsNothing_AnAcceptedActMovesTheBranch_T11()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var county = await admin.CreateOrgAsync("组织页县委" + suffix, "CountyCommittee");
        var township = (await admin.PostAsync("/api/v1/orgs", new { name = "组织页镇党委" + suffix, type = "TownshipCommittee", parentId = county })).Id;
        var branch = await admin.CreateOrgAsync("组织页党支部" + suffix, "Branch", township);
        var school = (await admin.PostAsync("/api/v1/orgs", new { name = "组织页中学党委" + suffix, type = "PrimaryCommittee", parentId = county })).Id;
        var person = await admin.CreatePersonAsync("整建制页" + suffix, IdNumbers.Unique(), branch);
        var member = await admin.CreateMemberAsync(person, branch);

        var viewer = await LogInAsync("Viewer", county);
        Assert.DoesNotContain("whole-unit-transfer", (await viewer.GetAsync($"/orgs/{branch}")).Forms);

        var web = await LogInAsync("Manager", county);
        var page = await web.GetAsync($"/orgs/{branch}");
        Assert.Contains("whole-unit-transfer", page.Forms);
        Assert.Contains($"<option value=\"{school}\"", page.Html, StringComparison.Ordinal);

        // T-11-whole-unit refused (G-05: a future date): the rule is shown, nothing recorded.
        var refused = await web.PostFormAsync($"/orgs/{branch}", "whole-unit-transfer", Form(school, "2099-01-01"));
        Assert.Equal(200, refused.Status);
        Assert.Contains("不符合规定，未予记录", refused.Html, StringComparison.Ordinal);
        Assert.Contains("G-05-dates", refused.Html, StringComparison.Ordinal);
        Assert.Equal(township, (await admin.GetOkAsync($"/api/v1/orgs/{branch}")).GetProperty("parentId").GetString());
        Assert.Single((await admin.GetOkAsync($"/api/v1/members/{member}/history")).GetProperty("items").EnumerateArray());

        var moved = await web.PostFormAsync($"/orgs/{branch}", "whole-unit-transfer", Form(school, "2026-11-20"));
        Assert.True(moved.Status == 302, moved.ToString());
        Assert.Equal($"/orgs/{branch}?done=whole-unit", moved.Location);
        Assert.Equal(school, (await admin.GetOkAsync($"/api/v1/orgs/{branch}")).GetProperty("parentId").GetString());
        Assert.Contains("已整建制转接", (await web.GetAsync(moved.Location!)).Html, StringComparison.Ordinal);

        // The member page shows the 整建制 entries.
        var memberPage = await web.GetAsync($"/members/{member}");
        Assert.Contains("整建制转出", memberPage.Html, StringComparison.Ordinal);
        Assert.Contains("整建制转入", memberPage.Html, StringComparison.Ordinal);
    }
}
