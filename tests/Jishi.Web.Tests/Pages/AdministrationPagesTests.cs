using Jishi.Web.Api;

namespace Jishi.Web.Tests.Pages;

/// <summary>
/// The people, registry, organisation and user pages, driven like a browser without JavaScript: data set up through the
/// API as the bootstrap administrator, a user logged in through the login form, forms posted back with their own
/// handler name and antiforgery token, and every effect checked through the API.
/// </summary>
public sealed class AdministrationPagesTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private const string Password = "pages-pw-2026";

    private sealed record Tree(string County, string BranchA, string BranchB, string Suffix);

    [Fact]
    public async Task ThePeoplePage_ListsMaskedIdNumbers_AndRegistersAPerson()
    {
        var tree = await TreeAsync();
        var idNumber = IdNumbers.Unique();
        var existing = await factory.Admin().CreatePersonAsync("林已登" + tree.Suffix, idNumber, tree.BranchA);
        var web = await LogInAsync("Manager", tree.County);

        var list = await web.GetAsync("/people?q=" + idNumber[^4..]);
        Assert.Equal(200, list.Status);
        Assert.Contains("登记人员", list.Html);
        Assert.Contains("林已登" + tree.Suffix, list.Html);
        Assert.Contains(PersonResponse.Mask(idNumber), list.Html);
        Assert.DoesNotContain(idNumber, list.Html);
        Assert.Contains($"/people/{existing}", list.Html);

        var newId = IdNumbers.Unique();
        var created = await web.PostFormAsync("/people", "new-person", Form(
            ("name", "王小明" + tree.Suffix), ("idNumber", newId), ("ethnicity", "蒙古族"), ("education", "Bachelor"),
            ("occupation", "Student"), ("phone", "13800138000"), ("unitName", "某某大学"), ("unitHasPartyOrg", "true"),
            ("hukouLocation", "某某县"), ("residence", "某某小区"), ("isMobile", "true"), ("outflowPlace", "甲地"),
            ("inflowPlace", "乙地"), ("orgId", tree.BranchA)));
        Assert.True(created.Status == 302, created.ToString());
        var personId = created.Location!.Split('/', '?')[2];
        var person = await factory.Admin().GetOkAsync($"/api/v1/people/{personId}");
        Assert.Equal("王小明" + tree.Suffix, person.GetProperty("name").GetString());
        Assert.Equal(newId, person.GetProperty("idNumber").GetString());
        Assert.Equal("蒙古族", person.GetProperty("ethnicity").GetString());
        Assert.Equal("Bachelor", person.GetProperty("education").GetString());
        Assert.True(person.GetProperty("isMobile").GetBoolean());
        Assert.Equal(tree.BranchA, person.GetProperty("orgId").GetString());

        var shown = await web.GetAsync(created.Location);
        Assert.Contains("已登记人员", shown.Html);
        Assert.Contains("大学本科", shown.Html);

        var duplicate = await web.PostFormAsync("/people", "new-person", Form(("name", "重复者"), ("idNumber", idNumber), ("orgId", tree.BranchA)));
        Assert.Equal(200, duplicate.Status);
        Assert.Contains("该居民身份证号码已登记", duplicate.Html);
        Assert.Contains($"href=\"/people/{existing}\"", duplicate.Html);

        var invalid = await web.PostFormAsync("/people", "new-person", Form(("name", "号码错"), ("idNumber", "123"), ("orgId", tree.BranchA)));
        Assert.Equal(200, invalid.Status);
        Assert.Contains("输入有误", invalid.Html);
    }

    [Fact]
    public async Task ThePersonPage_ShowsAllFields_AndEditsTheOptionalOnes()
    {
        var tree = await TreeAsync();
        var idNumber = IdNumbers.Unique();
        var personId = await factory.Admin().CreatePersonAsync("赵详情" + tree.Suffix, idNumber, tree.BranchA);
        var web = await LogInAsync("Manager", tree.County);

        var page = await web.GetAsync($"/people/{personId}");
        Assert.Equal(200, page.Status);
        Assert.Contains("赵详情" + tree.Suffix, page.Html);
        Assert.Contains("修改人员信息", page.Html);
        Assert.Contains("户籍所在地", page.Html);
        Assert.Contains(PersonResponse.Mask(idNumber), page.Html);
        Assert.DoesNotContain(idNumber, page.Html);
        Assert.Contains("甲党支部" + tree.Suffix, page.Html);

        var saved = await web.PostFormAsync($"/people/{personId}", "edit-person", Form(
            ("name", "赵详情" + tree.Suffix), ("ethnicity", "回族"), ("education", "Master"), ("phone", "010-12345678"),
            ("residence", "新的居住地"), ("unitHasPartyOrg", "false")));
        Assert.True(saved.Status == 302, saved.ToString());
        var person = await factory.Admin().GetOkAsync($"/api/v1/people/{personId}");
        Assert.Equal("回族", person.GetProperty("ethnicity").GetString());
        Assert.Equal("Master", person.GetProperty("education").GetString());
        Assert.Equal("010-12345678", person.GetProperty("phone").GetString());
        Assert.Equal("新的居住地", person.GetProperty("residence").GetString());
        Assert.False(person.GetProperty("unitHasPartyOrg").GetBoolean());
        Assert.Equal(idNumber, person.GetProperty("idNumber").GetString());

        var refused = await web.PostFormAsync($"/people/{personId}", "edit-person", Form(("name", "赵详情" + tree.Suffix), ("phone", "不是电话")));
        Assert.Equal(200, refused.Status);
        Assert.Contains("格式不正确", refused.Html);
        var unchanged = await factory.Admin().GetOkAsync($"/api/v1/people/{personId}");
        Assert.Equal("010-12345678", unchanged.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task TheMembersPage_AddsAMember_AndRecordsASanctionWithItsEffectEndDate()
    {
        var tree = await TreeAsync();
        var personId = await factory.Admin().CreatePersonAsync("钱入册" + tree.Suffix, IdNumbers.Unique(), tree.BranchA);
        var web = await LogInAsync("Manager", tree.County);

        var search = await web.GetAsync("/members?personQ=" + Uri.EscapeDataString("钱入册" + tree.Suffix));
        Assert.Equal(200, search.Status);
        Assert.Contains("登记党员", search.Html);
        Assert.Contains($"value=\"{personId}\"", search.Html);

        var added = await web.PostFormAsync("/members", "add-member", Form(
            ("personId", personId), ("orgId", tree.BranchA), ("status", "FullMember"),
            ("probationStartDate", "2010-07-01"), ("partyAgeStartDate", "2011-07-01")));
        Assert.True(added.Status == 302, added.ToString());
        var registry = await factory.Admin().GetOkAsync($"/api/v1/members?orgId={tree.BranchA}");
        var member = registry.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("personId").GetString() == personId);
        var memberId = member.GetProperty("id").GetString()!;
        Assert.Equal("FullMember", member.GetProperty("status").GetString());

        var again = await web.PostFormAsync("/members", "add-member", Form(("personIdText", personId), ("orgId", tree.BranchA), ("status", "FullMember")));
        Assert.Equal(200, again.Status);
        Assert.Contains("已在党员名册中", again.Html);

        var listed = await web.GetAsync(added.Location!);
        Assert.Contains("钱入册" + tree.Suffix, listed.Html);
        Assert.Contains("已登记到党员名册", listed.Html);

        var sanctioned = await web.PostFormAsync($"/members?sanction={memberId}", "add-sanction", Form(
            ("memberId", memberId), ("type", "Warning"), ("approvedDate", "2026-03-15")));
        Assert.True(sanctioned.Status == 302, sanctioned.ToString());
        var shown = await web.GetAsync(sanctioned.Location!);
        Assert.Contains("已记录警告处分", shown.Html);
        Assert.Contains("影响期至 2027-03-15", shown.Html);
        var detail = await factory.Admin().GetOkAsync($"/api/v1/members/{memberId}");
        var sanction = Assert.Single(detail.GetProperty("sanctions").EnumerateArray());
        Assert.Equal("Warning", sanction.GetProperty("type").GetString());
        Assert.Equal("2027-03-15", sanction.GetProperty("effectEndDate").GetString());

        var wrong = await web.PostFormAsync($"/members?sanction={memberId}", "add-sanction", Form(
            ("memberId", memberId), ("type", "Warning"), ("approvedDate", "2026-03-15"), ("rightsRestoredDate", "2026-09-01")));
        Assert.Equal(200, wrong.Status);
        Assert.Contains("只有留党察看处分才有恢复党员权利之日", wrong.Html);
        Assert.Single((await factory.Admin().GetOkAsync($"/api/v1/members/{memberId}")).GetProperty("sanctions").EnumerateArray());
    }

    [Fact]
    public async Task TheOrgPages_ShowTheTree_RenameCreateMove_AndShowTheG14Refusal()
    {
        var tree = await TreeAsync();
        var web = await LogInAsync("Manager", tree.County);

        var orgs = await web.GetAsync("/orgs");
        Assert.Equal(200, orgs.Status);
        Assert.Contains($"href=\"/orgs/{tree.BranchA}\"", orgs.Html);
        Assert.Contains("测试县委" + tree.Suffix, orgs.Html);

        var page = await web.GetAsync($"/orgs/{tree.County}");
        Assert.Equal(200, page.Status);
        Assert.Contains("下级组织", page.Html);
        Assert.Contains("甲党支部" + tree.Suffix, page.Html);
        Assert.Contains("县（市、区、旗）党委", page.Html);

        var renamed = await web.PostFormAsync($"/orgs/{tree.BranchA}", "update-org", Form(("name", "甲党支部（改）" + tree.Suffix)));
        Assert.True(renamed.Status == 302, renamed.ToString());
        var branchA = await factory.Admin().GetOkAsync($"/api/v1/orgs/{tree.BranchA}");
        Assert.Equal("甲党支部（改）" + tree.Suffix, branchA.GetProperty("name").GetString());
        Assert.False(branchA.GetProperty("hasCommittee").GetBoolean());

        var refused = await web.PostFormAsync($"/orgs/{tree.BranchA}", "update-org", Form(
            ("name", "不应保存的名称"), ("hasAdmissionApprovalAuthority", "true")));
        Assert.Equal(200, refused.Status);
        Assert.Contains("不符合规定，未予记录", refused.Html);
        Assert.Contains("第二十一、二十二条", refused.Html);
        Assert.Contains("党支部不能审批接收党员", refused.Html);
        var unchanged = await factory.Admin().GetOkAsync($"/api/v1/orgs/{tree.BranchA}");
        Assert.Equal("甲党支部（改）" + tree.Suffix, unchanged.GetProperty("name").GetString());
        Assert.False(unchanged.GetProperty("hasAdmissionApprovalAuthority").GetBoolean());

        var child = await web.PostFormAsync($"/orgs/{tree.County}", "new-child", Form(
            ("name", "某公司党委" + tree.Suffix), ("type", "PrimaryCommittee"), ("hasAdmissionApprovalAuthority", "true")));
        Assert.True(child.Status == 302, child.ToString());
        var children = await factory.Admin().GetOkAsync($"/api/v1/orgs?parentId={tree.County}");
        var primary = children.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "某公司党委" + tree.Suffix);
        Assert.Equal("PrimaryCommittee", primary.GetProperty("type").GetString());
        Assert.True(primary.GetProperty("hasAdmissionApprovalAuthority").GetBoolean());
        var primaryId = primary.GetProperty("id").GetString()!;

        var cycle = await web.PostFormAsync($"/orgs/{primaryId}", "move-org", Form(("parentId", primaryId)));
        Assert.Equal(200, cycle.Status);
        Assert.Contains("不能把组织移到它自己下面", cycle.Html);
        var intoChild = await web.PostFormAsync($"/orgs/{tree.County}", "move-org", Form(("parentId", primaryId)));
        Assert.Equal(200, intoChild.Status);
        Assert.Contains("移动后会形成循环", intoChild.Html);

        var moved = await web.PostFormAsync($"/orgs/{tree.BranchB}", "move-org", Form(("parentId", primaryId)));
        Assert.True(moved.Status == 302, moved.ToString());
        var branchB = await factory.Admin().GetOkAsync($"/api/v1/orgs/{tree.BranchB}");
        Assert.Equal(primaryId, branchB.GetProperty("parentId").GetString());
    }

    [Fact]
    public async Task TheUsersPage_CreatesAUser_SetsAPassword_AndIssuesAToken()
    {
        var tree = await TreeAsync();
        var web = await LogInAsync("Admin", null);

        var page = await web.GetAsync("/users");
        Assert.Equal(200, page.Status);
        Assert.Contains("新建用户", page.Html);
        Assert.Contains("签发接口令牌", page.Html);

        var userName = "new." + tree.Suffix;
        var created = await web.PostFormAsync("/users", "new-user", Form(
            ("userName", userName), ("displayName", "新书记"), ("orgId", tree.BranchA), ("role", "Manager"), ("password", "first-pass-1")));
        Assert.True(created.Status == 302, created.ToString());
        var users = await factory.Admin().GetOkAsync("/api/v1/users");
        var user = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName);
        Assert.Equal("Manager", user.GetProperty("role").GetString());
        Assert.Equal(tree.BranchA, user.GetProperty("orgId").GetString());
        await WebSession.LogInAsync(factory, userName, "first-pass-1");

        var shortPassword = await web.PostFormAsync("/users", "set-password", Form(("userName", userName), ("password", "short")));
        Assert.Equal(200, shortPassword.Status);
        Assert.Contains("密码至少 8 个字符", shortPassword.Html);

        var changed = await web.PostFormAsync("/users", "set-password", Form(("userName", userName), ("password", "second-pass-2")));
        Assert.True(changed.Status == 302, changed.ToString());
        await WebSession.LogInAsync(factory, userName, "second-pass-2");

        var issued = await web.PostFormAsync("/users", "issue-token", Form(("userId", user.GetProperty("id").GetString()!), ("label", "测试")));
        Assert.Equal(200, issued.Status);
        Assert.Contains("令牌只显示这一次", issued.Html);
        var token = System.Text.RegularExpressions.Regex.Match(issued.Html, "jsk_[A-Za-z0-9_-]+").Value;
        Assert.False(string.IsNullOrEmpty(token));
        var asUser = await factory.As(token).GetAsync($"/api/v1/orgs/{tree.BranchA}");
        Assert.Equal(200, asUser.Status);
    }

    [Fact]
    public async Task AManager_CannotSeeTheUsersPage()
    {
        var tree = await TreeAsync();
        var web = await LogInAsync("Manager", tree.County);

        var page = await web.GetAsync("/users");

        Assert.Equal(403, page.Status);
        Assert.Contains("只有管理员", page.Html);
        Assert.Empty(page.Forms);
        Assert.DoesNotContain("新建用户", page.Html);
    }

    [Fact]
    public async Task AViewer_SeesThePagesWithoutForms()
    {
        var tree = await TreeAsync();
        var personId = await factory.Admin().CreatePersonAsync("孙只读" + tree.Suffix, IdNumbers.Unique(), tree.BranchA);
        var memberId = await factory.Admin().CreateMemberAsync(personId, tree.BranchA);
        var web = await LogInAsync("Viewer", tree.County);

        foreach (var url in new[] { "/people", $"/people/{personId}", "/members", $"/members?sanction={memberId}", "/orgs", $"/orgs/{tree.BranchA}" })
        {
            var page = await web.GetAsync(url);
            Assert.True(page.Status == 200, $"GET {url}: {page}");
            Assert.True(page.Forms.Count == 0, $"GET {url} shows forms {string.Join(", ", page.Forms)}");
        }

        var person = await web.GetAsync($"/people/{personId}");
        Assert.Contains("孙只读" + tree.Suffix, person.Html);
        Assert.DoesNotContain("修改人员信息", person.Html);
    }

    [Fact]
    public async Task AManagerOfBranchA_GetsTheNotFoundMessage_ForBranchBAndItsPeople()
    {
        var tree = await TreeAsync();
        var personInB = await factory.Admin().CreatePersonAsync("周乙方" + tree.Suffix, IdNumbers.Unique(), tree.BranchB);
        var web = await LogInAsync("Manager", tree.BranchA);

        var org = await web.GetAsync($"/orgs/{tree.BranchB}");
        var person = await web.GetAsync($"/people/{personInB}");
        var own = await web.GetAsync($"/orgs/{tree.BranchA}");

        Assert.Equal(404, org.Status);
        Assert.Contains("组织不存在，或不在您的权限范围内", org.Html);
        Assert.DoesNotContain("乙党支部" + tree.Suffix, org.Html);
        Assert.Equal(404, person.Status);
        Assert.Contains("人员不存在，或不在您的权限范围内", person.Html);
        Assert.Equal(200, own.Status);
        Assert.Contains("update-org", own.Forms);
    }

    private static List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();

    private async Task<Tree> TreeAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var admin = factory.Admin();
        var county = await admin.CreateOrgAsync("测试县委" + suffix, "CountyCommittee");
        var a = await admin.CreateOrgAsync("甲党支部" + suffix, "Branch", county);
        var b = await admin.CreateOrgAsync("乙党支部" + suffix, "Branch", county);
        return new Tree(county, a, b, suffix);
    }

    private async Task<WebSession> LogInAsync(string role, string? orgId)
    {
        var userName = $"p{Guid.NewGuid():N}"[..16];
        var reply = await factory.Admin().PostAsync("/api/v1/users",
            new { userName, displayName = "页面测试" + role, orgId, role, password = Password });
        Assert.True(reply.Status == 201, reply.ToString());
        return await WebSession.LogInAsync(factory, userName, Password);
    }
}
