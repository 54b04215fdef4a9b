using Microsoft.Playwright;
using static Jishi.Web.Tests.Browser.CasePageDriver;

namespace Jishi.Web.Tests.Browser;

/// <summary>党员党性分析 (L-08) the way it is done: the county's 组织部 arranges a campaign (a township cannot), and a
/// branch's 组织委员 ticks the members who took part, on a phone.</summary>
public sealed class PartySpiritInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheCountyArrangesACampaign_AndABranchTicksItsMembersOnAPhone_L08()
    {
        var admin = browser.Factory.Admin();
        var county = await admin.CreateOrgAsync("党性县委", "CountyCommittee");
        var town = await admin.CreateOrgAsync("党性镇党委", "TownshipCommittee", county);
        var branch = await admin.CreateOrgAsync("党性社区党支部", "Branch", town);
        foreach (var name in new[] { "甲党性", "乙党性", "丙党性" })
        {
            var person = await admin.CreatePersonAsync(name, IdNumbers.Unique(), branch);
            await admin.PostAsync("/api/v1/members",
                new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" });
        }

        var (countyUser, countyPassword) = await UserAsync(browser, county, "Manager", "县委组织部干部");
        var countyPage = await LogInAsync(browser, countyUser, countyPassword);
        await countyPage.GotoAsync("/party-spirit");
        await Assertions.Expect(countyPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("党员党性分析");
        await countyPage.GetByLabel("开始日期").FillAsync("2026-09-01");
        await countyPage.GetByLabel("结束日期").FillAsync("2026-08-31");
        await countyPage.GetByLabel("活动主题").FillAsync("对照党章党规开展党性分析");
        await countyPage.GetByRole(AriaRole.Button, new() { Name = "安排活动" }).ClickAsync();
        await Assertions.Expect(countyPage.Locator(".problem.refused")).ToContainTextAsync("结束日期应不早于开始日期");
        Assert.Equal(0, (await admin.GetOkAsync($"/api/v1/orgs/{county}/party-spirit-analyses")).GetProperty("items").GetArrayLength());
        await countyPage.GetByLabel("结束日期").FillAsync("2026-11-30");
        await countyPage.GetByRole(AriaRole.Button, new() { Name = "安排活动" }).ClickAsync();
        await Assertions.Expect(countyPage.Locator(".notice")).ToHaveTextAsync("已安排党性分析活动");
        await Assertions.Expect(countyPage.Locator("[data-next-due]")).ToContainTextAsync("2031-11-30");
        await countyPage.Context.CloseAsync();

        // A township committee has no form to arrange one.
        var (townUser, townPassword) = await UserAsync(browser, town, "Manager", "镇组织员");
        var townPage = await LogInAsync(browser, townUser, townPassword);
        await townPage.GotoAsync("/party-spirit");
        await Assertions.Expect(townPage.Locator("table[aria-label=党性分析活动] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(townPage.GetByRole(AriaRole.Button, new() { Name = "安排活动" })).ToHaveCountAsync(0);
        await townPage.Context.CloseAsync();

        var (user, password) = await UserAsync(browser, branch, "Manager", "社区组织委员");
        var page = await LogInAsync(browser, user, password, width: 390, height: 844);
        await page.GotoAsync("/org-life");
        await page.GetByRole(AriaRole.Link, new() { Name = "党员党性分析（每 5 年一次）" }).ClickAsync();
        var roll = page.Locator(".roster-list > li");
        await Assertions.Expect(roll).ToHaveCountAsync(3);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the roll fits a phone's width");
        await roll.Filter(new() { HasText = "甲党性" }).GetByLabel("甲党性").CheckAsync();
        await roll.Filter(new() { HasText = "乙党性" }).GetByLabel("乙党性").CheckAsync();
        await page.GetByLabel("参加日期").FillAsync("2026-10-15");
        await ShotAsync(page, "85-party-spirit-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录所选党员参加" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("已记录 2 名党员参加");
        await Assertions.Expect(roll.Filter(new() { HasText = "甲党性" })).ToContainTextAsync("2026-10-15 参加");
        await Assertions.Expect(roll.Filter(new() { HasText = "丙党性" })).ToContainTextAsync("未记录");
        var campaign = Assert.Single((await admin.GetOkAsync($"/api/v1/orgs/{branch}/party-spirit-analyses")).GetProperty("items").EnumerateArray());
        Assert.Equal(2, campaign.GetProperty("participants").GetInt32());
        await page.Context.CloseAsync();
    }
}
