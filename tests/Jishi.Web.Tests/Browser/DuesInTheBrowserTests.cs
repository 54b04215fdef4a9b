using Microsoft.Playwright;
using static Jishi.Web.Tests.Browser.CasePageDriver;

namespace Jishi.Web.Tests.Browser;

/// <summary>A month's dues collected the way a 组织委员 does it on 主题党日, on a phone (390×844): the branch's sheet,
/// the members who paid ticked and their amounts checked, one wrong amount refused on its own while the others are
/// recorded with receipt numbers; then a payment reversed from the member's page, and the ledger's collection.</summary>
public sealed class DuesInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AMonthsCollection_OnAPhone_RecordsTheTickedMembers_AndRefusesAWrongAmountAlone()
    {
        var admin = browser.Factory.Admin();
        var county = await admin.CreateOrgAsync("收缴县委", "CountyCommittee");
        var branch = await admin.CreateOrgAsync("收缴社区党支部", "Branch", county);
        async Task<string> MemberAsync(string name, object assessment)
        {
            var person = await admin.CreatePersonAsync(name, IdNumbers.Unique(), branch);
            var id = (await admin.PostAsync("/api/v1/members",
                new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id;
            Assert.Equal(200, (await admin.PutAsync($"/api/v1/members/{id}/dues-base", assessment)).Status);
            return id;
        }

        var wang = await MemberAsync("王收缴", new { from = "2026-11", baseType = "Salaried", @base = 4000m });
        var li = await MemberAsync("李收缴", new { from = "2026-11", baseType = "Student" });
        var zhao = await MemberAsync("赵收缴", new { from = "2026-11", baseType = "Retired", @base = 6000m });

        var (user, password) = await UserAsync(browser, branch, "Manager", "社区组织委员");
        var page = await LogInAsync(browser, user, password, width: 390, height: 844);
        await page.GotoAsync("/dues");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("党费收缴");
        var sheet = page.Locator("table[aria-label=党费收缴登记表]");
        await Assertions.Expect(sheet.Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".dues-totals")).ToContainTextAsync("应交合计 100.20 元");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').scrollWidth <= window.innerWidth"),
            "the sheet fits a phone's width (the table scrolls inside its box)");

        // 王 and 李 paid what is due; 赵's amount is typed short: refused alone, the others recorded.
        await page.GetByLabel("王收缴 交纳").CheckAsync();
        await page.GetByLabel("李收缴 交纳").CheckAsync();
        await page.GetByLabel("赵收缴 交纳").CheckAsync();
        await page.GetByLabel("赵收缴 实交金额").FillAsync("6.00");
        await page.Locator("#paidDate").FillAsync("2026-11-20");
        await page.Locator(".dues-collect button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".problem.refused")).ToContainTextAsync("已记录 2 笔，1 名党员未记录");
        await Assertions.Expect(page.Locator(".dues-failures")).ToContainTextAsync("赵收缴");
        await Assertions.Expect(sheet.Locator($"tr[data-member='{wang}']")).ToContainTextAsync("已交");
        await Assertions.Expect(sheet.Locator($"tr[data-member='{li}']")).ToContainTextAsync("2026-000");
        await Assertions.Expect(page.GetByLabel("赵收缴 交纳")).ToBeCheckedAsync();
        await ShotAsync(page, "70-dues-collection-phone");

        await page.GetByLabel("赵收缴 实交金额").FillAsync("60.00");
        await page.Locator(".dues-collect button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("已记录 1 笔党费交纳。");
        await Assertions.Expect(page.Locator(".dues-totals")).ToContainTextAsync("已交 3 人");
        await Assertions.Expect(page.Locator(".dues-totals")).ToContainTextAsync("本月收到 100.20 元");

        // A wrong payment is reversed from the member's page; the month is owed again.
        await page.GotoAsync($"/members/{wang}#dues");
        var payments = page.Locator("table[aria-label=党费交纳记录]");
        await Assertions.Expect(payments).ToContainTextAsync("2026-000");
        await payments.GetByLabel("冲正原因").FillAsync("记错人");
        await payments.GetByRole(AriaRole.Button, new() { Name = "冲正" }).ClickAsync();
        await Assertions.Expect(page.Locator("#dues .notice")).ToHaveTextAsync("已冲正。");
        await Assertions.Expect(page.Locator("table[aria-label=党费交纳记录] tbody tr")).ToHaveCountAsync(2);

        // The ledger counts what was received, the counter-entry included.
        await page.GotoAsync($"/dues/ledger?orgId={branch}&year=2026");
        await Assertions.Expect(page.Locator("[data-figure=closing]")).ToHaveTextAsync("60.20");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheYearlyReassessment_OfTheWholeBranch_IsOneForm_AndALineInErrorRecordsNothing()
    {
        var admin = browser.Factory.Admin();
        var county = await admin.CreateOrgAsync("核定县委", "CountyCommittee");
        var branch = await admin.CreateOrgAsync("核定机关党支部", "Branch", county);
        foreach (var (name, @base) in new[] { ("周核定", 2800m), ("吴核定", 7200m) })
        {
            var person = await admin.CreatePersonAsync(name, IdNumbers.Unique(), branch);
            var id = (await admin.PostAsync("/api/v1/members",
                new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id;
            Assert.Equal(200, (await admin.PutAsync($"/api/v1/members/{id}/dues-base", new { from = "2026-01", baseType = "Salaried", @base })).Status);
        }

        var (user, password) = await UserAsync(browser, branch, "Manager", "机关组织委员");
        var page = await LogInAsync(browser, user, password);
        await page.GotoAsync($"/dues/reassess?orgId={branch}&from=2027-01");
        var form = page.Locator("table[aria-label=年度核定]");
        await Assertions.Expect(form.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByLabel("吴核定 基数")).ToHaveValueAsync("7200.00");
        await page.GetByLabel("周核定 基数").FillAsync("3000.01");
        await page.GetByLabel("吴核定 基数").FillAsync("-1");
        await page.Locator("button.primary", new() { HasText = "核定" }).ClickAsync();
        await Assertions.Expect(page.Locator(".problem")).ToContainTextAsync("items[0].base");
        await Assertions.Expect(page.GetByLabel("周核定 基数")).ToHaveValueAsync("3000.01");

        await page.GetByLabel("吴核定 基数").FillAsync("7500");
        await page.Locator("button.primary", new() { HasText = "核定" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已核定 2 名党员自 2027-01 起");
        await Assertions.Expect(form.Locator("tbody tr", new() { HasText = "周核定" })).ToContainTextAsync("30.00"); // 3000.01 → 1% of the whole base
        await page.Context.CloseAsync();
    }
}
