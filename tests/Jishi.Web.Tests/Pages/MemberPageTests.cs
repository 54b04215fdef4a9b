using System.Reflection;
using System.Text.RegularExpressions;
using Jishi.App.Members;
using Jishi.Web.Components.Cases;

namespace Jishi.Web.Tests.Pages;

/// <summary>The 党员信息 page <c>/members/{id}</c>, driven like a browser without JavaScript: the member of a
/// township branch, the facts, flags, open procedures and history the API gives, and the form that issues a letter.</summary>
public sealed partial class MemberPageTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private const string Password = "member-page-pw-2026";
    private readonly ApiClient admin = factory.Admin();

    private sealed record Tree(string Township, string Branch, string School, string SchoolBranch, string Member, string Name, string Suffix);

    private async Task<Tree> SetUpAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var county = await admin.CreateOrgAsync("信息县委" + suffix, "CountyCommittee");
        var township = (await admin.PostAsync("/api/v1/orgs", new { name = "信息镇党委" + suffix, type = "TownshipCommittee", parentId = county, hasAdmissionApprovalAuthority = true })).Id;
        var branch = await admin.CreateOrgAsync("信息镇机关党支部" + suffix, "Branch", township);
        var school = (await admin.PostAsync("/api/v1/orgs", new { name = "信息中学党委" + suffix, type = "PrimaryCommittee", parentId = county, hasAdmissionApprovalAuthority = true })).Id;
        var schoolBranch = await admin.CreateOrgAsync("信息中学教工党支部" + suffix, "Branch", school);
        var name = "孙信息" + suffix;
        var person = await admin.CreatePersonAsync(name, IdNumbers.Unique(), branch);
        var member = await admin.PostAsync("/api/v1/members",
            new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" });
        Assert.Equal(201, member.Status);
        return new Tree(township, branch, school, schoolBranch, member.Id, name, suffix);
    }

    private async Task<WebSession> LogInAsync(string role, string orgId)
    {
        var userName = $"m{Guid.NewGuid():N}"[..16];
        var reply = await admin.PostAsync("/api/v1/users", new { userName, displayName = "党员信息" + role, orgId, role, password = Password });
        Assert.True(reply.Status == 201, reply.ToString());
        return await WebSession.LogInAsync(factory, userName, Password);
    }

    private static List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();

    private static List<KeyValuePair<string, string>> Letter(Tree t, string duesPaidThrough = "2026-10") => Form(
        ("kind", "Formal"), ("issuingOrgId", t.Township), ("toOrgId", t.SchoolBranch), ("toOrgName", ""), ("reason", "工作单位变动"),
        ("issuedDate", "2026-11-20"), ("validityDays", "30"), ("duesPaidThrough", duesPaidThrough));

    /// <summary>The body rows of the table labelled <paramref name="label"/>, each as its cells' text.</summary>
    private static List<List<string>> Rows(string html, string label)
    {
        var table = Regex.Match(html, $"<table[^>]*aria-label=\"{label}\"[^>]*>.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline);
        Assert.True(table.Success, $"the page has no table {label}: {html}");
        return RowTags().Matches(table.Groups[1].Value)
            .Select(r => CellTags().Matches(r.Groups[1].Value).Select(c => Tags().Replace(c.Groups[1].Value, "").Trim()).ToList()).ToList();
    }

    /// <summary>The words of the flags shown beside the member's name.</summary>
    private static List<string> Flags(string html)
    {
        var flags = Regex.Match(html, "<div class=\"page-head\">(.*?)</div>", RegexOptions.Singleline);
        Assert.True(flags.Success, "the page has no heading");
        return Regex.Matches(flags.Groups[1].Value, "<span class=\"badge flag[^\"]*\">([^<]*)</span>").Select(m => m.Groups[1].Value).ToList();
    }

    [Fact]
    public async Task MemberPage_ShowsTheFacts_AndTheRegistryLinksTheNameToIt()
    {
        var t = await SetUpAsync();
        var web = await LogInAsync("Manager", t.Township);

        var list = await web.GetAsync($"/members?orgId={t.Branch}");
        Assert.Contains($"<a href=\"/members/{t.Member}\">{t.Name}</a>", list.Html, StringComparison.Ordinal);
        var page = await web.GetAsync($"/members/{t.Member}");

        Assert.Equal(200, page.Status);
        Assert.Contains($"<h1>{t.Name}</h1>", page.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/orgs/{t.Branch}\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("<dt>党员状态</dt><dd>正式党员</dd>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<dt>入党日期（预备期起算日）</dt><dd>2015-07-01</dd>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<dt>党龄起算日</dt><dd>2016-07-01</dd>", page.Html, StringComparison.Ordinal);
        Assert.Empty(Flags(page.Html));
        var row = Assert.Single(Rows(page.Html, "组织关系变动记录"));
        Assert.Equal(["2015-07-01", "登记入名册", "信息镇机关党支部" + t.Suffix, "登记入党员名册"], row);
        Assert.Equal(["没有未办结的转接、流动或失联事项"], Assert.Single(Rows(page.Html, "在办事项")));
    }

    [Fact]
    public async Task AnIssuedTransfer_IsLinkedAndFlagged_AndOnceAccepted_TheReceiverSeesTheMoveInTheHistory()
    {
        var t = await SetUpAsync();
        var sender = await factory.UserAsync("Manager", t.Township);
        var receiver = await factory.UserAsync("Manager", t.School);
        var issued = await sender.PostAsync("/api/v1/transfers", new
        {
            memberId = t.Member,
            kind = "Formal",
            reason = "工作单位变动",
            issuingOrgId = t.Township,
            toOrgId = t.SchoolBranch,
            issuedDate = "2026-11-10",
            duesPaidThrough = "2026-10",
        });
        Assert.Equal(201, issued.Status);
        var senderWeb = await LogInAsync("Manager", t.Township);

        var open = await senderWeb.GetAsync($"/members/{t.Member}");
        Assert.Equal(["组织关系转接中"], Flags(open.Html));
        var procedure = Assert.Single(Rows(open.Html, "在办事项"));
        Assert.Equal("组织关系介绍信", procedure[0]);
        Assert.Contains($"href=\"/transfers/{issued.Id}\"", open.Html, StringComparison.Ordinal);

        Assert.Equal(201, (await receiver.PostAsync($"/api/v1/transfers/{issued.Id}/events", new { type = "Received", date = "2026-11-12" })).Status);
        Assert.Equal(201, (await receiver.PostAsync($"/api/v1/transfers/{issued.Id}/events", new { type = "Accepted", date = "2026-11-13" })).Status);
        var receiverWeb = await LogInAsync("Manager", t.School);
        var moved = await receiverWeb.GetAsync($"/members/{t.Member}");

        Assert.Equal(200, moved.Status);
        Assert.Contains($"href=\"/orgs/{t.SchoolBranch}\"", moved.Html, StringComparison.Ordinal);
        Assert.Empty(Flags(moved.Html));
        var history = Rows(moved.Html, "组织关系变动记录");
        Assert.Equal(["登记入名册", "组织关系转出", "组织关系转入"], history.Select(r => r[1]));
        Assert.Equal(["2026-11-13", "2026-11-13"], history.Skip(1).Select(r => r[0]));
        Assert.StartsWith("信息镇机关党支部", history[1][2], StringComparison.Ordinal);
        Assert.StartsWith("信息中学教工党支部", history[2][2], StringComparison.Ordinal);
        Assert.Contains("组织关系介绍信 2026-0001", history[2][3], StringComparison.Ordinal);
        Assert.Equal(404, (await senderWeb.GetAsync($"/members/{t.Member}")).Status); // moved out of the sender's scope
    }

    [Fact]
    public async Task ALostContactReport_ShowsTheFlag_AndLinksTheCase()
    {
        var t = await SetUpAsync();
        var web = await LogInAsync("Manager", t.Township);
        Assert.DoesNotContain("失去联系", Flags((await web.GetAsync($"/members/{t.Member}")).Html));
        var township = await factory.UserAsync("Manager", t.Township);

        var reported = await township.PostAsync("/api/v1/lost-contacts", new { memberId = t.Member, lostSinceDate = "2026-05-01", circumstance = "WorkingAway", date = "2026-06-01" });
        Assert.Equal(201, reported.Status);
        var page = await web.GetAsync($"/members/{t.Member}");

        Assert.Equal(["失去联系"], Flags(page.Html));
        var row = Assert.Single(Rows(page.Html, "在办事项"));
        Assert.Equal("失联党员", row[0]);
        Assert.Contains("外出务工经商", row[1], StringComparison.Ordinal);
        Assert.Contains($"href=\"/lost-contacts/{reported.Id}\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownMember_OrOneOutOfScope_Is404WithTheMessage()
    {
        var t = await SetUpAsync();
        var web = await LogInAsync("Manager", t.Township);
        var stranger = await LogInAsync("Manager", t.School);

        var unknown = await web.GetAsync("/members/00000000000000000000");
        var outside = await stranger.GetAsync($"/members/{t.Member}");

        foreach (var page in new[] { unknown, outside })
        {
            Assert.Equal(404, page.Status);
            Assert.Contains("党员不存在，或不在您的权限范围内。", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(t.Name, page.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheIssueForm_IssuesALetter_AndARefusedOneShowsTheRuleAndRecordsNothing()
    {
        var t = await SetUpAsync();
        var web = await LogInAsync("Manager", t.Township);

        var refused = await web.PostFormAsync($"/members/{t.Member}", "issue-transfer", Letter(t, duesPaidThrough: "2026-01"));
        Assert.Equal(200, refused.Status);
        Assert.Contains("不符合规定，未予记录", refused.Html, StringComparison.Ordinal);
        Assert.Contains("T-09-dues-through", refused.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-01\"", refused.Html, StringComparison.Ordinal); // the form keeps what was posted
        Assert.Equal(0, (await admin.GetOkAsync($"/api/v1/transfers?orgId={t.Township}")).GetProperty("total").GetInt32());

        var issued = await web.PostFormAsync($"/members/{t.Member}", "issue-transfer", Letter(t));
        Assert.True(issued.Status == 302, issued.ToString());
        var transfers = (await admin.GetOkAsync($"/api/v1/transfers?orgId={t.Township}")).GetProperty("items").EnumerateArray().ToList();
        var transfer = Assert.Single(transfers);
        Assert.Equal((t.Member, "Formal", "Issued", t.SchoolBranch, "2026-11-20"), (transfer.GetProperty("memberId").GetString(),
            transfer.GetProperty("transferKind").GetString(), transfer.GetProperty("state").GetString(), transfer.GetProperty("toOrgId").GetString(),
            transfer.GetProperty("issuedDate").GetString()));
        var id = transfer.GetProperty("id").GetString();
        Assert.StartsWith($"/members/{t.Member}?done=transfer&tid={id}", issued.Location, StringComparison.Ordinal);
        var shown = await web.GetAsync(issued.Location!);
        Assert.Contains("已开具组织关系介绍信 第 2026-0001 号", shown.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/transfers/{id}\"", shown.Html, StringComparison.Ordinal);

        var second = await web.PostFormAsync($"/members/{t.Member}", "issue-transfer", Letter(t));
        Assert.Equal(200, second.Status);
        Assert.Contains("T-01-single-relation", second.Html, StringComparison.Ordinal);
        Assert.Single((await admin.GetOkAsync($"/api/v1/transfers?orgId={t.Township}")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task TheGraduationForm_RecordsTheDate_AndThePageShowsThePromptAndTheAbroadFlag_T12_T13()
    {
        // T-12-graduates: graduated 2024-07-01, kept past 2026-07-01 → the page's prompt; T-13-abroad: the flag 出国（境）.
        var t = await SetUpAsync();
        var web = await LogInAsync("Manager", t.Township);
        var bad = await web.PostFormAsync($"/members/{t.Member}", "graduation", Form(("graduationDate", "2026-12-01")));
        Assert.Equal(200, bad.Status);
        Assert.Contains("G-05-dates", bad.Html, StringComparison.Ordinal);

        var recorded = await web.PostFormAsync($"/members/{t.Member}", "graduation", Form(("graduationDate", "2024-07-01")));
        Assert.True(recorded.Status == 302, recorded.ToString());
        var page = await web.GetAsync($"/members/{t.Member}");
        Assert.Contains("2024-07-01（未落实工作单位）", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"T-12-graduates\"", page.Html, StringComparison.Ordinal);
        Assert.Contains(Labels.Flag(MemberFlags.GraduateRelationOverdue), page.Html, StringComparison.Ordinal);

        var abroad = await admin.PostAsync("/api/v1/mobility",
            new { memberId = t.Member, leftDate = "2026-03-01", destination = "英国伦敦", reason = "出国留学", abroadKind = "Study" });
        Assert.Equal(201, abroad.Status);
        Assert.Contains("出国（境）", (await web.GetAsync($"/members/{t.Member}")).Html, StringComparison.Ordinal);
        var record = await web.GetAsync($"/mobility/{abroad.Id}");
        Assert.Contains("出国（境）学习", record.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AViewer_SeesTheMember_WithoutTheIssueForm()
    {
        var t = await SetUpAsync();
        var web = await LogInAsync("Viewer", t.Township);

        var page = await web.GetAsync($"/members/{t.Member}");

        Assert.Equal(200, page.Status);
        Assert.Contains($"<h1>{t.Name}</h1>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("issue-transfer", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("开具介绍信", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryMemberFlag_HasAChineseLabel()
    {
        var flags = typeof(MemberFlags).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(flags);
        foreach (var flag in flags)
        {
            Assert.True(Labels.Flag(flag) != flag, $"the flag {flag} has no Chinese label");
            Problem.AssertChinese(Labels.Flag(flag));
        }
    }

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowTags();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellTags();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
