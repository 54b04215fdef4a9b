using Jishi.Web.Tests.Cases;
using Microsoft.Playwright;

namespace Jishi.Web.Tests.Browser;

public sealed class UiSmokeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AManager_CreatesAnApplicantAndRecordsTheTalk_InTheBrowser()
    {
        var s = await CaseScenario.CreateAsync(browser.Factory.Admin());
        var password = "pw-" + Guid.NewGuid().ToString("N")[..10];
        var user = await browser.Factory.Admin().PostAsync("/api/v1/users",
            new { userName = "secretary1", displayName = "王书记", orgId = s.Branch, role = "Manager", password });
        Assert.Equal(201, user.Status);

        var page = await browser.LogInAsync("secretary1", password);
        await page.GotoAsync("/cases/new");
        await page.GetByLabel("姓名").FillAsync("李明");
        await page.GetByLabel("居民身份证号码").FillAsync(IdNumbers.With("330106199805060" + Random.Shared.Next(10, 99)));
        await page.GetByLabel("接收申请的党组织").SelectOptionAsync(s.Branch);
        await page.GetByLabel("该组织与申请人的关系").SelectOptionAsync("ResidenceOrg");
        await page.GetByLabel("收到入党申请书日期").FillAsync("2026-10-08");
        await BrowserFixture.ScreenshotAsync(page, "01-new-applicant");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并建立个案" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/cases/", StringComparison.Ordinal) && !u.EndsWith("/new", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("李明");

        await page.GetByRole(AriaRole.Link, new() { Name = "派人谈话" }).ClickAsync();
        await page.GetByLabel("日期").First.FillAsync("2026-11-20");
        await page.Locator("input[name=interviewerMemberIds]").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "记录", Exact = true }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "02-warn-dialog");
        await Assertions.Expect(page.Locator(".override-dialog")).ToContainTextAsync("第七条");
        await page.Locator("textarea[name='override.R-07-talk-within-1-month']").FillAsync("申请人在外培训，返回后即谈话");
        await page.Locator("textarea[name='override.R-07-talk-content']").FillAsync("谈话记录另附");
        await page.GetByRole(AriaRole.Button, new() { Name = "附理由记录" }).ClickAsync();
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("派人谈话");
        await Assertions.Expect(page.Locator(".timeline .override-note").First).ToContainTextAsync("申请人在外培训");
        await BrowserFixture.ScreenshotAsync(page, "03-case-page");
    }
}
