using Jishi.Web.Tests.Cases;
using Microsoft.Playwright;
using static Jishi.Web.Tests.Browser.CasePageDriver;

namespace Jishi.Web.Tests.Browser;

/// <summary>
/// The case page fits a desktop (1280×800) and a tablet (768×1024) without a horizontal scrollbar; the login page
/// works with the keyboard alone; every form control is bound to a label.
/// </summary>
public sealed class LayoutAndAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>A case waiting for its admission assembly (the widest form: the vote), and a Manager of its branch.</summary>
    private Task<(CaseScenario Case, string UserName, string Password)> CaseBeforeTheAssemblyAsync() =>
        SharedAsync(browser, "before-assembly", async () =>
        {
            var s = await CaseScenario.CreateAsync(browser.Factory.Admin());
            await s.OpenAsync();
            await s.ToActivistAsync();
            await s.ToCandidateAsync();
            await s.PrepareAssemblyAsync();
            var (userName, password) = await UserAsync(browser, s.Branch, "Manager");
            return (s, userName, password);
        });

    [Theory]
    [InlineData(1280, 800, "30-case-desktop-1280x800")]
    [InlineData(768, 1024, "31-case-tablet-768x1024")]
    public async Task TheCasePage_HasNoHorizontalScrollbar(int width, int height, string screenshot)
    {
        var (s, userName, password) = await CaseBeforeTheAssemblyAsync();
        var page = await LogInAsync(browser, userName, password, width, height);

        await page.GotoAsync($"/cases/{s.CaseId}");
        await Assertions.Expect(StageBadge(page)).ToHaveTextAsync("发展对象");
        var (scroll, client) = await WidthsAsync(page);
        Assert.True(scroll <= client, $"case page at {width}×{height}: scrollWidth {scroll} > clientWidth {client}");
        await ShotAsync(page, screenshot);

        await page.GotoAsync($"/cases/{s.CaseId}?step=AdmissionVoteHeld#step-form");
        await Assertions.Expect(page.Locator("#form-title")).ToHaveTextAsync("记录：支部大会讨论接收");
        (scroll, client) = await WidthsAsync(page);
        Assert.True(scroll <= client, $"vote form at {width}×{height}: scrollWidth {scroll} > clientWidth {client}");
        await ShotAsync(page, screenshot + "-vote-form");

        await page.GotoAsync("/cases");
        (scroll, client) = await WidthsAsync(page);
        Assert.True(scroll <= client, $"case list at {width}×{height}: scrollWidth {scroll} > clientWidth {client}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheLoginPage_WorksWithTheKeyboardAlone()
    {
        var (_, userName, password) = await CaseBeforeTheAssemblyAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "zh-CN",
            BaseURL = browser.BaseUrl,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await ShotAsync(page, "32-login");

        // The user name has the focus (autofocus), or is reached with Tab.
        for (var i = 0; i < 10 && await ActiveIdAsync(page) != "userName"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("userName", await ActiveIdAsync(page));
        await page.Keyboard.TypeAsync(userName);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("password", await ActiveIdAsync(page));
        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal), new() { Timeout = 15_000 });

        await page.GotoAsync("/cases");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("发展党员个案");
        await context.CloseAsync();
    }

    [Fact]
    public async Task OnTheLoginPage_TabGoesFromUserNameToPasswordToTheLoginButton()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", BaseURL = browser.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.Locator("#userName").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("password", await ActiveIdAsync(page));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("登录", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));

        // A wrong password by keyboard: the error is announced and the user can try again.
        await page.Locator("#userName").FocusAsync();
        await page.Keyboard.TypeAsync("nobody");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("wrong-password");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task EveryControlOfTheNewApplicantPage_HasALabel()
    {
        var (_, userName, password) = await CaseBeforeTheAssemblyAsync();
        var page = await LogInAsync(browser, userName, password);
        await page.GotoAsync("/cases/new");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("登记入党申请");
        Assert.True(await page.Locator("form input:not([type=hidden]), form select, form textarea").CountAsync() >= 10);
        Assert.Empty(await UnlabelledControlsAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EveryControlOfTheStepForms_AndOfTheCaseList_HasALabel()
    {
        var (s, userName, password) = await CaseBeforeTheAssemblyAsync();
        var page = await LogInAsync(browser, userName, password);
        var unlabelled = new List<string>();
        await page.GotoAsync($"/cases/{s.CaseId}");
        var steps = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('a[href*=\"?step=\"]')].map(a => new URL(a.href).searchParams.get('step'))");
        Assert.Contains("AdmissionVoteHeld", steps);
        foreach (var step in steps.Distinct())
        {
            await page.GotoAsync($"/cases/{s.CaseId}?step={step}#step-form");
            await Assertions.Expect(page.Locator(".step-form")).ToBeVisibleAsync();
            unlabelled.AddRange((await UnlabelledControlsAsync(page)).Select(c => step + ": " + c));
        }

        await page.GotoAsync("/cases");
        unlabelled.AddRange((await UnlabelledControlsAsync(page)).Select(c => "/cases: " + c));
        Assert.Empty(unlabelled);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EveryStepOffered_AtEveryStage_IsNamedInChinese()
    {
        var (s, userName, password) = await CaseBeforeTheAssemblyAsync();
        var full = await CaseScenario.CreateAsync(browser.Factory.Admin());
        await full.ToPassedAssemblyAsync();
        await full.SubmitAsync();
        await full.ApproveAsync();
        await full.ProbationAsync();
        await full.PrepareConfirmationAsync();
        await full.StepAsync("ConfirmationVoteHeld", "2026-07-01", full.ConfirmationVote("2026-07-01", "ConfirmOnTime"));
        await full.StepAsync("ConfirmationApproved", "2026-07-10", full.Committee("ConfirmOnTime"));
        var (fullUser, fullPassword) = await UserAsync(browser, full.Branch, "Manager");

        var untranslated = new List<string>();
        var page = await LogInAsync(browser, userName, password);
        await page.GotoAsync($"/cases/{s.CaseId}");
        untranslated.AddRange((await StepNamesAsync(page)).Where(IsIdentifier).Select(n => "发展对象: " + n));
        await page.Context.CloseAsync();

        page = await LogInAsync(browser, fullUser, fullPassword);
        await page.GotoAsync($"/cases/{full.CaseId}");
        await Assertions.Expect(StageBadge(page)).ToHaveTextAsync("正式党员");
        untranslated.AddRange((await StepNamesAsync(page)).Where(IsIdentifier).Select(n => "正式党员: " + n));
        await page.Locator("#next-steps").EvaluateAsync("e => e.scrollIntoView()");
        await ShotAsync(page, "50-full-member-next-steps");
        await page.Context.CloseAsync();
        Assert.True(untranslated.Count == 0, "Steps shown by their identifier instead of a Chinese name: " + string.Join(", ", untranslated));
    }

    [Fact]
    public async Task TheTimeline_NamesTheOrganisationsOfEachStep_NotTheirIds()
    {
        var (s, userName, password) = await CaseBeforeTheAssemblyAsync();
        var page = await LogInAsync(browser, userName, password);
        await page.GotoAsync($"/cases/{s.CaseId}");
        var filed = page.Locator(".timeline > li", new() { HasText = "报上级党委备案" });
        await Assertions.Expect(filed.Locator(".data")).ToContainTextAsync("备案的上级党委");
        var timeline = await page.Locator(".timeline").InnerTextAsync();
        await page.Context.CloseAsync();
        var ids = new[] { s.Primary, s.Branch, s.County, s.OrgDepartment }.Where(id => timeline.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.True(ids.Count == 0, $"The timeline shows organisation ids {string.Join(", ", ids)} where a secretary expects “某某公司党委”");
        Assert.Contains("备案的上级党委：某某公司党委", timeline, StringComparison.Ordinal);
    }

    private static Task<string[]> StepNamesAsync(IPage page) =>
        page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href*=\"?step=\"]')].map(a => a.textContent.trim())");

    private static bool IsIdentifier(string name) => name.Length > 0 && name.All(char.IsAsciiLetterOrDigit);

    private static Task<string> ActiveIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''");
}
