using System.Text.Json;

namespace Jishi.Web.Tests.Mobility;

/// <summary>The contract of API.md "Mobile members and lost contact" over HTTP: collections <c>mobility</c> and
/// <c>lost-contacts</c> in the one shape of every procedure, their refusals, and the member's flags and history.</summary>
public sealed class MobilityEndpointsTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    private sealed record Tree(ApiClient Township, ApiClient School, string TownshipId, string Branch, string SchoolBranch, string Member);

    private async Task<Tree> SetUpAsync(string name)
    {
        var county = await admin.CreateOrgAsync("某县委" + name, "CountyCommittee");
        var township = (await admin.PostAsync("/api/v1/orgs", new { name = "某镇党委", type = "TownshipCommittee", parentId = county, hasAdmissionApprovalAuthority = true })).Id;
        var branch = await admin.CreateOrgAsync("某镇机关党支部", "Branch", township);
        var school = (await admin.PostAsync("/api/v1/orgs", new { name = "某中学党委", type = "PrimaryCommittee", parentId = county, hasAdmissionApprovalAuthority = true })).Id;
        var schoolBranch = await admin.CreateOrgAsync("某中学教工党支部", "Branch", school);
        var person = await admin.CreatePersonAsync(name, IdNumbers.Unique(), branch);
        var member = (await admin.PostAsync("/api/v1/members",
            new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id;
        return new Tree(await factory.UserAsync("Manager", township), await factory.UserAsync("Manager", school), township, branch, schoolBranch, member);
    }

    [Fact]
    public async Task Mobility_RegisteredOut_RegisteredIn_ContactLogged_InTheOneProcedureShape()
    {
        var t = await SetUpAsync("流动甲");
        var created = await t.Township.PostAsync("/api/v1/mobility", new
        {
            memberId = t.Member,
            leftDate = "2026-03-01",
            destination = "广东省深圳市",
            reason = "务工经商",
            category = "RuralMobile",
            inflowOrgId = t.SchoolBranch,
            activityCardNo = "440300-2026-0001",
        });
        Assert.Equal(201, created.Status);
        var m = created.Json;
        Assert.Equal("Mobility", m.GetProperty("kind").GetString());
        Assert.Equal("Away", m.GetProperty("state").GetString());
        Assert.Equal(t.Branch, m.GetProperty("orgId").GetString());
        Assert.True(m.GetProperty("mobile").GetBoolean());
        Assert.Equal("OutflowRegistered", Assert.Single(m.GetProperty("events").EnumerateArray()).GetProperty("type").GetString());
        Assert.Contains(m.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("rule").GetString() == "F-03-activity-card");
        var id = created.Id;

        var inflow = await t.School.GetOkAsync($"/api/v1/mobility?direction=Inflow");
        Assert.Equal(id, Assert.Single(inflow.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var registered = await t.School.PostAsync($"/api/v1/mobility/{id}/events", new { type = "InflowRegistered", date = "2026-03-10", inflowOrgId = t.SchoolBranch });
        Assert.Equal(201, registered.Status);
        Assert.Equal("AtInflowOrg", registered.Json.GetProperty("state").GetString());

        // The inflow side may not log the outflow branch's contact (F-02); the outflow side may.
        Problem.AssertRefused(await t.School.PostAsync($"/api/v1/mobility/{id}/events", new { type = "ContactLogged", date = "2026-04-01", method = "Phone", summary = "电话" }),
            "F-02-contact");
        var contact = await t.Township.PostAsync($"/api/v1/mobility/{id}/events", new { type = "ContactLogged", date = "2026-04-01", method = "Phone", summary = "电话" });
        Assert.Equal(201, contact.Status);
        Assert.Equal("\"3\"", contact.Response.Headers.ETag?.Tag);

        var flags = (await t.Township.GetOkAsync($"/api/v1/members/{t.Member}")).GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("Mobile", flags);
        Assert.Contains("ActivityCard", flags);
        Assert.True((await admin.GetOkAsync($"/api/v1/mobility/{id}/integrity")).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Mobility_BadInput_IsAFieldError_AndASecondOpenRecordIs409()
    {
        var t = await SetUpAsync("流动乙");
        Problem.AssertInvalid(await t.Township.PostAsync("/api/v1/mobility", new { memberId = t.Member, leftDate = "2026-13-01", destination = "x", reason = "y" }),
            "leftDate");
        Problem.AssertInvalid(await t.Township.PostAsync("/api/v1/mobility", new { memberId = t.Member, leftDate = "2026-03-01", destination = "x", reason = "y", colour = "red" }),
            "colour");
        var first = await t.Township.PostAsync("/api/v1/mobility", new { memberId = t.Member, leftDate = "2026-03-01", destination = "x", reason = "y" });
        Assert.Equal(201, first.Status);
        var again = Problem.Assert(await t.Township.PostAsync("/api/v1/mobility", new { memberId = t.Member, leftDate = "2026-03-02", destination = "x", reason = "y" }), 409);
        Assert.Equal(first.Id, again.GetProperty("existingId").GetString());
        Problem.AssertInvalid(await t.Township.PostAsync($"/api/v1/mobility/{first.Id}/events", new { type = "OutflowRegistered", date = "2026-03-05" }), "type");
        Problem.AssertInvalid(await t.Township.GetAsync("/api/v1/mobility?direction=Sideways"), "direction");
    }

    [Fact]
    public async Task LostContact_SuspensionBeforeSixMonths_Is422WithItsRule_ThenSuspendedAndShownInTheHistory()
    {
        var t = await SetUpAsync("失联丙");
        var created = await t.Township.PostAsync("/api/v1/lost-contacts", new { memberId = t.Member, lostSinceDate = "2025-12-31", circumstance = "WorkingAway", date = "2026-01-20" });
        Assert.Equal(201, created.Status);
        Assert.Equal("LostContact", created.Json.GetProperty("kind").GetString());
        Assert.Equal("Searching", created.Json.GetProperty("state").GetString());
        Assert.Equal("2026-06-30", created.Json.GetProperty("suspensionFrom").GetString());
        var id = created.Id;
        var url = $"/api/v1/lost-contacts/{id}/events";

        var noSearch = Problem.AssertRefused(await t.Township.PostAsync(url, new { type = "SuspensionDecided", date = "2026-06-30", decidingOrgId = t.Branch, basis = "党员大会决议" }),
            "F-05-suspension");
        Assert.Contains("第二十四条", noSearch.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(201, (await t.Township.PostAsync(url, new { type = "SearchLogged", date = "2026-02-01", method = "联系家属", result = "无果" })).Status);
        Problem.AssertRefused(await t.Township.PostAsync(url, new { type = "SuspensionDecided", date = "2026-06-29", decidingOrgId = t.Branch, basis = "党员大会决议" }),
            "F-05-suspension");
        Assert.Equal(201, (await t.Township.PostAsync(url, new { type = "SuspensionDecided", date = "2026-06-30", decidingOrgId = t.Branch, basis = "党员大会决议" })).Status);
        var approved = await t.Township.PostAsync(url, new { type = "SuspensionApproved", date = "2026-07-02", approvingOrgId = t.TownshipId });
        Assert.Equal(201, approved.Status);
        Assert.Equal("Suspended", approved.Json.GetProperty("state").GetString());
        Assert.Contains(approved.Json.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("rule").GetString() == "F-08-removal-as-lapsed"
            && d.GetProperty("dueDate").GetString() == "2028-07-02");

        var member = await t.Township.GetOkAsync($"/api/v1/members/{t.Member}");
        Assert.Contains("Suspended", member.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.False(member.GetProperty("hasVotingRight").GetBoolean());
        var history = (await t.Township.GetOkAsync($"/api/v1/members/{t.Member}/history")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Registered", "Suspended"], history.Select(h => h.GetProperty("change").GetString()));

        var list = await t.Township.GetOkAsync($"/api/v1/lost-contacts?orgId={t.TownshipId}&duration=SixMonthsToOneYear");
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("Suspended", row.GetProperty("state").GetString());
        Problem.Assert(await t.School.GetAsync($"/api/v1/lost-contacts/{id}"), 404);
        Problem.AssertInvalid(await t.Township.PostAsync("/api/v1/lost-contacts", new { memberId = t.Member, circumstance = "Moon" }), "circumstance");
    }
}
