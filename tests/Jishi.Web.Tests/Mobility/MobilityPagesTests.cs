using System.Text.RegularExpressions;
using Jishi.Web.Tests.Pages;

namespace Jishi.Web.Tests.Mobility;

/// <summary>The 流动党员 and 失联党员 pages: registers and list by duration, each procedure's page with its 全程纪实 and
/// deadlines, and the step forms that post through the API's parsing to the same use cases — refusals shown with
/// their rule id and nothing recorded.</summary>
public sealed partial class MobilityPagesTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    private sealed record Tree(WebSession Township, WebSession School, string TownshipId, string Branch, string SchoolBranch, string Member, string Name);

    private async Task<Tree> SetUpAsync(string name)
    {
        var county = await admin.CreateOrgAsync("某县委" + name, "CountyCommittee");
        var township = (await admin.PostAsync("/api/v1/orgs", new { name = "某镇党委" + name, type = "TownshipCommittee", parentId = county, hasAdmissionApprovalAuthority = true })).Id;
        var branch = await admin.CreateOrgAsync("某镇机关党支部" + name, "Branch", township);
        var school = (await admin.PostAsync("/api/v1/orgs", new { name = "某中学党委" + name, type = "PrimaryCommittee", parentId = county, hasAdmissionApprovalAuthority = true })).Id;
        var schoolBranch = await admin.CreateOrgAsync("某中学教工党支部" + name, "Branch", school);
        var person = await admin.CreatePersonAsync(name, IdNumbers.Unique(), branch);
        var member = (await admin.PostAsync("/api/v1/members",
            new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id;
        return new Tree(await LogInAsync(township), await LogInAsync(school), township, branch, schoolBranch, member, name);
    }

    private async Task<WebSession> LogInAsync(string orgId)
    {
        var userName = $"m{Guid.NewGuid():N}"[..16];
        Assert.Equal(201, (await admin.PostAsync("/api/v1/users", new { userName, displayName = "组织委员", orgId, role = "Manager", password = "mobility-pw-2026" })).Status);
        return await WebSession.LogInAsync(factory, userName, "mobility-pw-2026");
    }

    /// <summary>The page's text without its tags (a label and its value sit in separate elements).</summary>
    private static string Text(PageReply page) => Regex.Replace(Regex.Replace(page.Html, "<[^>]+>", ""), @"\s+", " ");

    private static string IdFrom(PageReply reply, string collection)
    {
        Assert.True(reply.Status == 302, reply.ToString());
        var m = Regex.Match(reply.Location ?? "", $"/{collection}/([^?/#]+)");
        Assert.True(m.Success, reply.ToString());
        return m.Groups[1].Value;
    }

    [Fact]
    public async Task MobilityPages_RegisterOutflow_ShowBothRegisters_AndRecordSteps_WithRefusalsShownAndNothingRecorded()
    {
        var t = await SetUpAsync("流动页甲");
        var created = await t.Township.PostFormAsync("/mobility", "register-outflow",
        [
            new("step", "OutflowRegistered"), new("date", "2026-03-01"), new("memberId", t.Member), new("destination", "广东省深圳市宝安区"),
            new("reason", "务工经商"), new("category", "RuralMobile"), new("activityCardNo", "440300-2026-0009"),
        ]);
        var id = IdFrom(created, "mobility");
        Assert.EndsWith("?done=OutflowRegistered", created.Location, StringComparison.Ordinal);

        var outflow = await t.Township.GetAsync($"/mobility?orgId={t.TownshipId}&direction=Outflow");
        Assert.Contains($"/mobility/{id}", outflow.Html, StringComparison.Ordinal);
        Assert.Contains("广东省深圳市宝安区", outflow.Html, StringComparison.Ordinal);
        Assert.Contains("流动党员", outflow.Html, StringComparison.Ordinal); // away since March: six months (F-01)
        Assert.DoesNotContain($"/mobility/{id}", (await t.School.GetAsync("/mobility?direction=Inflow")).Html, StringComparison.Ordinal);

        var page = await t.Township.GetAsync($"/mobility/{id}");
        Assert.Equal(200, page.Status);
        Assert.Contains("流动党员登记：", page.Html, StringComparison.Ordinal);
        Assert.Contains("流出登记", page.Html, StringComparison.Ordinal);
        Assert.Contains("外出地点：广东省深圳市宝安区", Text(page), StringComparison.Ordinal);
        Assert.Contains("流动党员类别：农村流动党员", Text(page), StringComparison.Ordinal);
        Assert.Contains("流动党员活动证年审（F-03）", page.Html, StringComparison.Ordinal);
        Assert.Contains("每季度与流动党员联系（F-02）", page.Html, StringComparison.Ordinal);

        // The step asked for in the address is the one the form offers.
        var cardForm = await t.Township.GetAsync($"/mobility/{id}?step=ActivityCardChecked#record-step");
        Assert.Contains("name=\"year\"", cardForm.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"summary\"", cardForm.Html, StringComparison.Ordinal);

        // A field missing: the form says which, and nothing is recorded.
        var invalid = await t.Township.PostFormAsync($"/mobility/{id}", "record-step", [new("step", "ContactLogged"), new("date", "2026-04-01"), new("method", "Phone")]);
        Assert.Equal(200, invalid.Status);
        Assert.Contains("必须填写联系情况", invalid.Html, StringComparison.Ordinal);
        Assert.Equal(1, (await admin.GetOkAsync($"/api/v1/mobility/{id}")).GetProperty("version").GetInt32());

        var contact = await t.Township.PostFormAsync($"/mobility/{id}", "record-step",
            [new("step", "ContactLogged"), new("date", "2026-04-01"), new("method", "Phone"), new("summary", "电话联系，在电子厂务工")]);
        Assert.True(contact.Status == 302, contact.ToString());

        // A second card while one is held (F-03): refused with its rule, nothing recorded.
        var twice = await t.Township.PostFormAsync($"/mobility/{id}", "record-step", [new("step", "ActivityCardIssued"), new("date", "2026-04-02"), new("cardNo", "X-2")]);
        Assert.Equal(200, twice.Status);
        Assert.Contains("不符合规定，未予记录", twice.Html, StringComparison.Ordinal);
        Assert.Contains("F-03-activity-card", twice.Html, StringComparison.Ordinal);
        Assert.Equal(2, (await admin.GetOkAsync($"/api/v1/mobility/{id}")).GetProperty("version").GetInt32());

        // The inflow branch registers the member from its own page; the record then shows in its inflow register.
        var inflow = await t.Township.PostFormAsync($"/mobility/{id}", "record-step",
            [new("step", "InflowRegistered"), new("date", "2026-04-05"), new("inflowOrgId", t.SchoolBranch), new("contactPerson", "组织委员 王老师")]);
        Assert.True(inflow.Status == 302, inflow.ToString());
        var register = await t.School.GetAsync("/mobility?direction=Inflow");
        Assert.Contains($"/mobility/{id}", register.Html, StringComparison.Ordinal);
        Assert.Contains("已在流入地登记", register.Html, StringComparison.Ordinal);
        var after = await t.School.GetAsync($"/mobility/{id}");
        Assert.Contains("联系方式：电话", Text(after), StringComparison.Ordinal);
        Assert.Contains("流入地党组织（本系统内）：某中学教工党支部" + t.Name, Text(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LostContactPages_ReportFromTheList_SearchLogged_AndAnEarlySuspensionRefused_F05()
    {
        var t = await SetUpAsync("失联页乙");
        var created = await t.Township.PostFormAsync("/lost-contacts", "report-lost-contact",
        [
            new("step", "Reported"), new("date", "2026-10-20"), new("memberId", t.Member), new("lostSinceDate", "2026-09-30"), new("circumstance", "WorkingAway"),
        ]);
        var id = IdFrom(created, "lost-contacts");

        var list = await t.Township.GetAsync("/lost-contacts?duration=UnderSixMonths");
        Assert.Contains($"/lost-contacts/{id}", list.Html, StringComparison.Ordinal);
        Assert.Contains("外出务工经商", list.Html, StringComparison.Ordinal);
        Assert.Contains("失联满6个月停止党籍（F-05）：2027-03-30", list.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/lost-contacts/{id}", (await t.Township.GetAsync("/lost-contacts?duration=OneToFiveYears")).Html, StringComparison.Ordinal);

        var search = await t.Township.PostFormAsync($"/lost-contacts/{id}", "record-step",
            [new("step", "SearchLogged"), new("date", "2026-11-01"), new("method", "联系家属"), new("result", "不知其下落")]);
        Assert.True(search.Status == 302, search.ToString());

        var early = await t.Township.PostFormAsync($"/lost-contacts/{id}", "record-step",
            [new("step", "SuspensionDecided"), new("date", "2026-11-10"), new("decidingOrgId", t.Branch), new("basis", "党员大会决议")]);
        Assert.Equal(200, early.Status);
        Assert.Contains("F-05-suspension", early.Html, StringComparison.Ordinal);
        Assert.Contains("2027-03-30", early.Html, StringComparison.Ordinal);
        Assert.Equal("Searching", (await admin.GetOkAsync($"/api/v1/lost-contacts/{id}")).GetProperty("state").GetString());
        Assert.Equal(2, (await admin.GetOkAsync($"/api/v1/lost-contacts/{id}")).GetProperty("version").GetInt32());

        var page = await t.Township.GetAsync($"/lost-contacts/{id}");
        Assert.Contains("查找方式（家属、原单位、公安协查、网络等）：联系家属", Text(page), StringComparison.Ordinal);
        Assert.Matches(@"查找次数\s*1\b", Text(page));
        var outside = await t.School.GetAsync($"/lost-contacts/{id}");
        Assert.Equal(404, outside.Status);
        Assert.DoesNotContain(t.Name, outside.Html, StringComparison.Ordinal);
        Assert.Contains("不存在", outside.Html, StringComparison.Ordinal);
    }
}
