using Microsoft.Playwright;
using static Jishi.Web.Tests.Browser.CasePageDriver;

namespace Jishi.Web.Tests.Browser;

/// <summary>A branch's 主题党日 recorded the way a 组织委员 does it in the meeting room, on a phone (390×844): the roster of
/// the meeting's date ticked (one on leave without a reason is refused and nothing is recorded, then with the reason it
/// is), the meeting page with its counts, the printable sheet, and the year's matrix showing the month met; then the
/// committee's overview of its branches.</summary>
public sealed class OrgLifeInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AThemePartyDay_OnAPhone_IsRecordedFromTheRoster_AndTheMatrixShowsTheMonthMet()
    {
        var admin = browser.Factory.Admin();
        var county = await admin.CreateOrgAsync("生活县委", "CountyCommittee");
        var town = await admin.CreateOrgAsync("生活镇党委", "TownshipCommittee", county);
        var branch = await admin.CreateOrgAsync("生活社区党支部", "Branch", town);
        var names = new[] { "甲生活", "乙生活", "丙生活", "丁生活" };
        var ids = new List<string>();
        foreach (var name in names)
        {
            var person = await admin.CreatePersonAsync(name, IdNumbers.Unique(), branch);
            ids.Add((await admin.PostAsync("/api/v1/members",
                new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id);
        }

        var (user, password) = await UserAsync(browser, branch, "Manager", "社区组织委员");
        var page = await LogInAsync(browser, user, password, width: 390, height: 844);
        await page.GotoAsync("/org-life");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("组织生活");
        await Assertions.Expect(page.Locator("#matrix-title")).ToContainTextAsync("生活社区党支部");
        await page.GetByRole(AriaRole.Link, new() { Name = "记录会议" }).ClickAsync();

        await page.Locator("#type").SelectOptionAsync("ThemePartyDay");
        await page.Locator("#date").FillAsync("2026-11-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "载入应到名单" }).ClickAsync();
        var roster = page.Locator(".roster-list > li");
        await Assertions.Expect(roster).ToHaveCountAsync(4);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the meeting form fits a phone's width");

        await page.GetByLabel("议题（每行一项）").FillAsync("学习党章\n重温入党誓词");
        await page.GetByLabel("地点").FillAsync("社区党员活动室");
        var yi = roster.Filter(new() { HasText = "乙生活" });
        await yi.GetByLabel("请假").CheckAsync();
        await roster.Filter(new() { HasText = "丁生活" }).GetByLabel("缺席").CheckAsync();
        await ShotAsync(page, "80-meeting-form-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录会议" }).ClickAsync();
        await Assertions.Expect(page.Locator(".problem.refused")).ToContainTextAsync("乙生活：请假须说明事由");
        Assert.Equal(0, (await admin.GetOkAsync($"/api/v1/meetings?orgId={branch}")).GetProperty("items").GetArrayLength());

        // The form keeps what was entered; with the reason the meeting is recorded.
        await Assertions.Expect(yi.GetByLabel("请假")).ToBeCheckedAsync();
        await yi.GetByLabel("乙生活 事由").FillAsync("外出务工");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录会议" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/meetings/", StringComparison.Ordinal) && u.Contains("done=1", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("会议已记录。");
        await Assertions.Expect(page.Locator(".attendance-counts")).ToContainTextAsync("应到 4 人，实到 2 人，请假 1 人，缺席 1 人");
        var sheet = page.Locator("table[aria-label=签到表]");
        await Assertions.Expect(sheet.Locator("tr", new() { HasText = "乙生活" })).ToContainTextAsync("外出务工");
        await ShotAsync(page, "81-meeting-page-phone");

        var pdf = await page.APIRequest.GetAsync(await page.Locator("a", new() { HasText = "打印签到表" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);

        // The matrix: November's 主题党日 met; the months before the branch's first meeting are not due.
        await page.GotoAsync($"/org-life?orgId={branch}&year=2026");
        var themeRow = page.Locator("table[aria-label=组织生活落实情况] tr[data-type=ThemePartyDay]");
        await Assertions.Expect(themeRow.Locator("td[data-period='2026-11']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("period-Met"));
        await Assertions.Expect(themeRow.Locator("td[data-period='2026-10']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("period-NotDue"));
        await Assertions.Expect(page.Locator("table[aria-label=会议记录] tbody tr")).ToHaveCountAsync(1);
        await ShotAsync(page, "82-org-life-matrix-phone");
        await page.Context.CloseAsync();

        // The township committee sees its branch in the overview, with the month met.
        var (townUser, townPassword) = await UserAsync(browser, town, "Manager", "镇组织员");
        var townPage = await LogInAsync(browser, townUser, townPassword);
        await townPage.GotoAsync("/org-life");
        var row = townPage.Locator("table[aria-label=所属党支部组织生活落实情况] tbody tr", new() { HasText = "生活社区党支部" });
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("1 / 1"); // 主题党日: the column after 支部党员大会, 支委会, 党小组会
        await townPage.Context.CloseAsync();
    }
}
