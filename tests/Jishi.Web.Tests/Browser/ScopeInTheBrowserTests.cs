using Jishi.Web.Tests.Cases;
using Microsoft.Playwright;
using static Jishi.Web.Tests.Browser.CasePageDriver;

namespace Jishi.Web.Tests.Browser;

/// <summary>What a user sees of a case outside their organisation, and what a read-only user sees of their own.</summary>
public sealed class ScopeInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>A case of <see cref="CaseScenario"/> at Activist (through the API) and a Viewer of its branch.</summary>
    private Task<(CaseScenario Case, string UserName, string Password)> ViewerAsync() => SharedAsync(browser, "viewer", async () =>
    {
        var s = await CaseScenario.CreateAsync(browser.Factory.Admin());
        await s.OpenAsync();
        await s.ToActivistAsync();
        var (userName, password) = await UserAsync(browser, s.Branch, "Viewer", "刘委员");
        return (s, userName, password);
    });

    [Fact]
    public async Task AManagerOfAnotherBranch_OpeningTheCase_SeesTheNotFoundMessage_WithStatus404()
    {
        var (b, _, _) = await ViewerAsync();
        var admin = browser.Factory.Admin();
        var otherCounty = await admin.CreateOrgAsync("另一县委", "CountyCommittee");
        var branchA = await admin.CreateOrgAsync("另一县某党支部", "Branch", otherCounty);
        var (userName, password) = await UserAsync(browser, branchA, "Manager");
        var page = await LogInAsync(browser, userName, password);

        var response = await page.GotoAsync($"/cases/{b.CaseId}");
        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        await Assertions.Expect(page.GetByText("周申请")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".timeline")).ToHaveCountAsync(0);
        await ShotAsync(page, "42-case-out-of-scope");
        // A branch secretary expects the application's page with “个案不存在，或不在您的权限范围内。”, not raw JSON.
        var body = await page.Locator("body").InnerTextAsync();
        Assert.True(body.Contains("个案不存在，或不在您的权限范围内。", StringComparison.Ordinal),
            $"HTTP {response.Status} {response.Headers.GetValueOrDefault("content-type")}; the page shows: {body}");

        // Nor is the case in the list.
        await page.GotoAsync("/cases");
        await Assertions.Expect(page.Locator("table[aria-label=个案列表]")).ToContainTextAsync("没有符合条件的个案");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AManagerOfAnotherBranch_ListingCases_DoesNotSeeTheCase()
    {
        var (b, _, _) = await ViewerAsync();
        var admin = browser.Factory.Admin();
        var otherCounty = await admin.CreateOrgAsync("第三县委", "CountyCommittee");
        var branchA = await admin.CreateOrgAsync("第三县某党支部", "Branch", otherCounty);
        var (userName, password) = await UserAsync(browser, branchA, "Manager");
        var page = await LogInAsync(browser, userName, password);
        await page.GotoAsync("/cases");
        await Assertions.Expect(page.Locator("table[aria-label=个案列表]")).ToContainTextAsync("没有符合条件的个案");
        await Assertions.Expect(page.Locator($"a[href='/cases/{b.CaseId}']")).ToHaveCountAsync(0);
        var withStep = await page.GotoAsync($"/cases/{b.CaseId}?step=ActivistFiled");
        Assert.Equal(404, withStep!.Status);
        await Assertions.Expect(page.Locator(".step-form")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AViewerOfTheBranch_SeesTheCase_ButNoStepForm()
    {
        var (s, userName, password) = await ViewerAsync();
        var page = await LogInAsync(browser, userName, password);

        var response = await page.GotoAsync($"/cases/{s.CaseId}");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("周申请");
        await Assertions.Expect(StageBadge(page)).ToHaveTextAsync("入党积极分子");
        await Assertions.Expect(page.Locator(".timeline > li")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#next-steps + p")).ToHaveTextAsync("您是只读用户，不能记录步骤。");
        await Assertions.Expect(page.Locator(".next-steps")).ToHaveCountAsync(0);

        // Even with the step in the address there is no form.
        await page.GotoAsync($"/cases/{s.CaseId}?step=ActivistFiled#step-form");
        await Assertions.Expect(page.Locator(".step-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("form input[name=step]")).ToHaveCountAsync(0);
        await ShotAsync(page, "40-case-viewer");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AViewer_SubmittingTheNewApplicantForm_IsToldTheyAreReadOnly_AndNoCaseIsCreated()
    {
        var (s, userName, password) = await ViewerAsync();
        var page = await LogInAsync(browser, userName, password);
        await page.GotoAsync("/cases/new");
        await page.GetByLabel("姓名").FillAsync("只读测试");
        await page.GetByLabel("居民身份证号码").FillAsync(IdNumbers.Unique());
        await page.GetByLabel("接收申请的党组织").SelectOptionAsync(s.Branch);
        await page.GetByLabel("收到入党申请书日期").FillAsync("2026-10-08");
        var posted = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "登记并建立个案" }).ClickAsync(),
            r => r.Request.Method == "POST");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await ShotAsync(page, "41-viewer-new-applicant");
        var cases = await browser.Factory.Admin().GetOkAsync($"/api/v1/cases?orgId={s.Branch}");
        Assert.Equal(1, cases.GetProperty("total").GetInt32());

        // A branch secretary expects the form again with a message that a read-only user cannot register applicants
        // (or no “登记入党申请” offered at all), not a bare JSON 403.
        var body = await page.Locator("body").InnerTextAsync();
        Assert.True(posted.Status == 200 && await page.GetByRole(AriaRole.Alert).CountAsync() > 0,
            $"HTTP {posted.Status}; the page shows: {body}");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("只读");
        await page.Context.CloseAsync();
    }
}
