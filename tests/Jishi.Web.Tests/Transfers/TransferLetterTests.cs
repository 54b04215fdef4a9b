using System.Globalization;
using Jishi.Web.Documents;
using Jishi.Web.Tests.Documents;

namespace Jishi.Web.Tests.Transfers;

/// <summary>The printed three-part letter of API.md GET /transfers/{id}/letter.pdf (MANAGEMENT.md A.1.3: 存根, 介绍信,
/// 回执, each with the serial), printed by Chromium and read back with poppler, in the scope of GET /transfers/{id}.</summary>
public sealed class TransferLetterTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private static int sequence;

    private readonly ApiClient admin = factory.Admin();

    private sealed record Sides(ApiClient Sender, ApiClient Receiver, string Township, string Branch, string School, string SchoolBranch,
        string Member, string IdNumber);

    /// <summary>A 汉族 man born 1990-11-11 (odd sequence digit), a full member since 2016 of a township branch.</summary>
    private async Task<Sides> SetUpAsync()
    {
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");
        var township = (await admin.PostAsync("/api/v1/orgs", new { name = "某镇党委", type = "TownshipCommittee", parentId = county, hasAdmissionApprovalAuthority = true })).Id;
        var branch = await admin.CreateOrgAsync("某镇机关党支部", "Branch", township);
        var school = (await admin.PostAsync("/api/v1/orgs", new { name = "某中学党委", type = "PrimaryCommittee", parentId = county, hasAdmissionApprovalAuthority = true })).Id;
        var schoolBranch = await admin.CreateOrgAsync("某中学教工党支部", "Branch", school);
        var n = Interlocked.Increment(ref sequence);
        var idNumber = IdNumbers.With("32010219901111" + (2 * n + 1).ToString("000", CultureInfo.InvariantCulture));
        var person = await admin.PostAsync("/api/v1/people", new { name = "司马介信", idNumber, orgId = branch, ethnicity = "汉族", phone = "13800001111" });
        Assert.Equal(201, person.Status);
        var member = (await admin.PostAsync("/api/v1/members",
            new { personId = person.Id, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id;
        return new Sides(await factory.UserAsync("Manager", township), await factory.UserAsync("Manager", school), township, branch, school,
            schoolBranch, member, idNumber);
    }

    private static async Task<(string Id, string Serial)> IssueAsync(ApiClient api, object letter)
    {
        var issued = await api.PostAsync("/api/v1/transfers", letter);
        Assert.True(issued.Status == 201, issued.ToString());
        return (issued.Id, issued.Json.GetProperty("serial").GetString()!);
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    [Fact]
    public async Task Letter_PrintsTheThreePartsOnOneA4Page_WithTheSerialOnEachAndOnBothCutLines()
    {
        var s = await SetUpAsync();
        var (id, serial) = await IssueAsync(s.Sender, new
        {
            memberId = s.Member,
            kind = "Formal",
            reason = "工作单位变动",
            issuingOrgId = s.Township,
            toOrgId = s.SchoolBranch,
            issuedDate = "2026-11-10",
            duesPaidThrough = "2026-10",
        });

        var pdf = await Pdf.GetAsync(admin, $"/api/v1/transfers/{id}/letter.pdf");
        var text = Pdf.Text(pdf);
        Pdf.AssertPrintReady(pdf, text);
        Assert.Matches(@"Pages:\s+1\s", Pdf.Info(pdf));
        Pdf.RenderPages(pdf, "transfer-letter");
        var c = Pdf.Compact(text);

        Assert.Equal(3, Count(c, $"第{serial}号"));
        Assert.Equal(2, Count(c, $"骑缝编号{serial}（加盖骑缝章）"));
        Assert.Contains($"第一联中国共产党组织关系介绍信第{serial}号存根", c);
        Assert.Contains($"第二联中国共产党组织关系介绍信第{serial}号某中学教工党支部：", c);
        Assert.Contains($"第三联中国共产党组织关系介绍信第{serial}号回执某镇党委：", c);
        Assert.True(c.IndexOf("第一联", StringComparison.Ordinal) < c.IndexOf("第二联", StringComparison.Ordinal)
            && c.IndexOf("第二联", StringComparison.Ordinal) < c.IndexOf("第三联", StringComparison.Ordinal), c);

        // 存根: who, 正式, from and to.
        Assert.Contains("司马介信同志系中共正式党员，组织关系由某镇机关党支部转到某中学教工党支部。", c);
        Assert.Contains("（贴回执联处）", c);

        // 介绍信: addressed to the receiving organisation, the member's particulars on the issue date (one day before
        // the 36th birthday: 35), the full number for an administrator, dues month and validity in 大写.
        Assert.Contains($"司马介信同志（男，35岁，汉族），系中共正式党员，公民身份号码{s.IdNumber}，由某镇机关党支部去某中学教工党支部，请接转组织关系。", c);
        Assert.Contains("该同志党费已交到贰零贰陆年壹拾月。", c);
        Assert.Contains("（有效期叁拾天）", c);
        Assert.Contains("2026年11月10日", c);
        Assert.Contains("13800001111", c);
        Assert.Contains("党员原所在基层党委（某镇党委）通讯地址", c);

        // 回执: addressed back to the issuing committee, to be returned within a month.
        Assert.Contains("某镇党委：司马介信同志的党员组织关系已转达我处，特此回复。", c);
        Assert.Contains("回执联由接收党员组织关系的基层党委在接收党员后一个月内邮寄或传真至党员原所在基层党委", c);
    }

    [Fact]
    public async Task Letter_ToAManager_MasksTheIdNumber_AsEveryPageDoes()
    {
        var s = await SetUpAsync();
        var (id, _) = await IssueAsync(s.Sender, new
        {
            memberId = s.Member,
            kind = "Formal",
            reason = "工作单位变动",
            issuingOrgId = s.Township,
            toOrgId = s.SchoolBranch,
            issuedDate = "2026-11-10",
            duesPaidThrough = "2026-10",
        });

        var c = Pdf.Compact(Pdf.Text(await Pdf.GetAsync(s.Sender, $"/api/v1/transfers/{id}/letter.pdf")));

        Assert.DoesNotContain(s.IdNumber, c);
        Assert.Contains($"公民身份号码{s.IdNumber[..6]}********{s.IdNumber[14..]}，", c);
    }

    [Fact]
    public async Task Certificate_OutsideTheSystem_PrintsItsOwnTitle_AndTheRecipientAsGiven()
    {
        var s = await SetUpAsync();
        var (id, serial) = await IssueAsync(s.Sender, new
        {
            memberId = s.Member,
            kind = "Certificate",
            reason = "外出学习",
            issuingOrgId = s.Township,
            toOrgName = "北京市海淀区某街道党工委",
            issuedDate = "2026-04-10",
            validityDays = 15,
            duesPaidThrough = "2026-03",
        });

        var c = Pdf.Compact(Pdf.Text(await Pdf.GetAsync(admin, $"/api/v1/transfers/{id}/letter.pdf")));

        Assert.Equal(3, Count(c, $"第{serial}号"));
        Assert.Contains($"第一联中国共产党党员证明信第{serial}号存根", c);
        Assert.Contains($"第二联中国共产党党员证明信第{serial}号北京市海淀区某街道党工委：", c);
        Assert.Contains($"第三联中国共产党党员证明信第{serial}号回执某镇党委：", c);
        Assert.DoesNotContain("组织关系介绍信", c);
        Assert.Contains("由某镇机关党支部去北京市海淀区某街道党工委，请安排其参加组织生活。", c);
        Assert.Contains("在原党组织行使表决权、选举权和被选举权", c);
        Assert.Contains("该同志党费已交到贰零贰陆年叁月。", c);
        Assert.Contains("（有效期壹拾伍天）", c);
        Assert.Contains("2026年4月10日", c);
    }

    [Fact]
    public async Task Letter_OfAnUnknownTransfer_Is404_AndOutsideTheCallersScope_Is404()
    {
        var s = await SetUpAsync();
        var (id, _) = await IssueAsync(s.Sender, new
        {
            memberId = s.Member,
            kind = "Formal",
            reason = "工作单位变动",
            issuingOrgId = s.Township,
            toOrgId = s.SchoolBranch,
            issuedDate = "2026-11-10",
            duesPaidThrough = "2026-10",
        });
        var county2 = await admin.CreateOrgAsync("另一县委", "CountyCommittee");
        var stranger = await factory.UserAsync("Manager", county2);

        Problem.Assert(await admin.GetAsync("/api/v1/transfers/00000000000000000000/letter.pdf"), 404);
        Problem.Assert(await stranger.GetAsync($"/api/v1/transfers/{id}/letter.pdf"), 404);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync($"/api/v1/transfers/{id}/letter.pdf")).StatusCode);

        // The receiving side, in scope of the transfer, prints the letter of a member it does not hold yet.
        var received = await Pdf.GetAsync(s.Receiver, $"/api/v1/transfers/{id}/letter.pdf");
        Assert.Contains("司马介信", Pdf.Compact(Pdf.Text(received)));
    }

    [Fact]
    public async Task TransferPage_LinksToTheLetter_WhichPrintsWithTheLoginCookie()
    {
        var s = await SetUpAsync();
        var (id, serial) = await IssueAsync(s.Sender, new
        {
            memberId = s.Member,
            kind = "Formal",
            reason = "工作单位变动",
            issuingOrgId = s.Township,
            toOrgId = s.SchoolBranch,
            issuedDate = "2026-11-10",
            duesPaidThrough = "2026-10",
        });
        var userName = $"l{Guid.NewGuid():N}"[..16];
        Assert.Equal(201, (await admin.PostAsync("/api/v1/users", new { userName, displayName = "开具方组织委员", orgId = s.Township, role = "Manager", password = "letter-pw-2026" })).Status);
        var web = await Pages.WebSession.LogInAsync(factory, userName, "letter-pw-2026");

        var page = await web.GetAsync($"/transfers/{id}");
        Assert.Equal(200, page.Status);
        Assert.Contains($"href=\"/ui/transfers/{id}/letter.pdf\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("打印介绍信", page.Html, StringComparison.Ordinal);

        using var response = await web.Http.GetAsync($"/ui/transfers/{id}/letter.pdf");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, Count(Pdf.Compact(Pdf.Text(await response.Content.ReadAsByteArrayAsync())), $"第{serial}号"));
    }

    [Theory]
    [InlineData(30, "叁拾")]
    [InlineData(10, "壹拾")]
    [InlineData(15, "壹拾伍")]
    [InlineData(90, "玖拾")]
    [InlineData(91, "玖拾壹")]
    [InlineData(105, "壹佰零伍")]
    [InlineData(1010, "壹仟零壹拾")]
    [InlineData(0, "零")]
    public void Capital_WritesDaysInCapitalNumerals(int days, string expected) => Assert.Equal(expected, Doc.Capital(days));

    [Theory]
    [InlineData("2026-10", "贰零贰陆年壹拾月")]
    [InlineData("2026-03", "贰零贰陆年叁月")]
    [InlineData("2025-12", "贰零贰伍年壹拾贰月")]
    [InlineData("2026/10", "2026/10")]
    public void CapitalMonth_WritesTheDuesMonthInCapitalNumerals(string month, string expected) => Assert.Equal(expected, Doc.CapitalMonth(month));
}
