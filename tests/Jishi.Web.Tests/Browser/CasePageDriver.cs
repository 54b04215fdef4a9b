using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace Jishi.Web.Tests.Browser;

/// <summary>
/// Drives the case page the way a branch secretary does: click a step under “下一步可以记录”, fill its form, press
/// “记录”, and read what the page then shows. Also the few API-side helpers the browser tests need (users with a
/// password) and screenshots at viewport size (small enough for the user guide).
/// </summary>
public static class CasePageDriver
{
    private static readonly ConditionalWeakTable<BrowserFixture, ConcurrentDictionary<string, Lazy<Task<object>>>> Shared = new();

    /// <summary>
    /// Set-up made once per fixture (one application) under <paramref name="key"/> and shared by the tests of a class:
    /// the organisations and the registry are slow to build through the API, and a test that records nothing (a
    /// refusal, a read-only view, a layout check) can share a case with the others.
    /// </summary>
    public static async Task<T> SharedAsync<T>(BrowserFixture browser, string key, Func<Task<T>> create)
        where T : notnull
    {
        var map = Shared.GetValue(browser, _ => new ConcurrentDictionary<string, Lazy<Task<object>>>());
        return (T)await map.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create())).Value;
    }

    /// <summary>Creates a user with a password through the API and returns its credentials.</summary>
    public static async Task<(string UserName, string Password)> UserAsync(BrowserFixture browser, string orgId, string role,
        string displayName = "王书记")
    {
        var userName = "u" + Guid.NewGuid().ToString("N")[..10];
        var password = "pw-" + Guid.NewGuid().ToString("N")[..12];
        var reply = await browser.Factory.Admin().PostAsync("/api/v1/users", new { userName, displayName, orgId, role, password });
        Assert.True(reply.Status == 201, reply.ToString());
        return (userName, password);
    }

    /// <summary>
    /// <see cref="BrowserFixture.LogInAsync"/> with more patience: the first page each application renders after
    /// start-up can take longer than its 15 s on a busy machine.
    /// </summary>
    public static async Task<IPage> LogInAsync(BrowserFixture browser, string userName, string password, int width = 1280, int height = 800)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            BaseURL = browser.BaseUrl,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new() { Timeout = 60_000 });
        return page;
    }

    /// <summary>Registers an applicant through “登记入党申请” and returns on the new case's page.</summary>
    public static async Task RegisterApplicantAsync(IPage page, string name, string orgId, string receivedDate, string? idNumber = null)
    {
        await page.GotoAsync("/cases/new");
        await page.GetByLabel("姓名").FillAsync(name);
        await page.GetByLabel("居民身份证号码").FillAsync(idNumber ?? IdNumbers.Unique());
        await page.GetByLabel("接收申请的党组织").SelectOptionAsync(orgId);
        await page.GetByLabel("该组织与申请人的关系").SelectOptionAsync("ResidenceOrg");
        await page.GetByLabel("收到入党申请书日期").FillAsync(receivedDate);
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并建立个案" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/cases/", StringComparison.Ordinal) && !u.EndsWith("/new", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
    }

    /// <summary>A screenshot of what is on screen (not the full page) to artifacts/screenshots/<paramref name="name"/>.png.</summary>
    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png"), FullPage = false });

    /// <summary>The number in “纪实记录 N 条” of the page head.</summary>
    public static async Task<int> EventCountAsync(IPage page)
    {
        var text = await page.Locator(".page-head .muted").InnerTextAsync();
        var start = text.IndexOf("纪实记录", StringComparison.Ordinal) + "纪实记录".Length;
        var end = text.IndexOf('条', start);
        return int.Parse(text[start..end].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The case id from the page URL (/cases/{id}…).</summary>
    public static string CaseId(IPage page)
    {
        var path = new Uri(page.Url).AbsolutePath;
        return path["/cases/".Length..];
    }

    /// <summary>Clicks the step <paramref name="label"/> under “下一步可以记录” and waits for its form.</summary>
    public static async Task OpenStepAsync(IPage page, string label)
    {
        var link = page.Locator(".next-steps").GetByRole(AriaRole.Link, new() { Name = label, Exact = true });
        try
        {
            await link.ClickAsync(new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            var offered = await page.Locator(".next-steps").InnerTextAsync();
            throw new XunitException($"“{label}” is not among the next steps: {offered.ReplaceLineEndings(" / ")}");
        }

        await Assertions.Expect(page.Locator("#form-title")).ToHaveTextAsync("记录：" + label);
    }

    public static ILocator Field(IPage page, string name) => page.Locator($"form [name='{name}']");

    public static Task FillAsync(IPage page, string name, string value) => Field(page, name).FillAsync(value);

    public static Task SelectAsync(IPage page, string name, string value) => Field(page, name).SelectOptionAsync(value);

    /// <summary>Ticks the checkboxes of <paramref name="name"/> with these values (members or choices).</summary>
    public static async Task CheckAsync(IPage page, string name, params string[] values)
    {
        foreach (var value in values)
        {
            await page.Locator($"form input[type=checkbox][name='{name}'][value='{value}']").CheckAsync();
        }
    }

    /// <summary>Presses “记录” (the page then shows the case again, a refusal, or asks for a reason).</summary>
    public static Task PressRecordAsync(IPage page) =>
        page.Locator(".step-form form > .actions").GetByRole(AriaRole.Button, new() { Name = "记录", Exact = true }).ClickAsync();

    /// <summary>
    /// Records the step <paramref name="label"/> (type <paramref name="type"/>) on <paramref name="date"/>: opens its
    /// form, fills the date and <paramref name="fill"/>, presses “记录” and checks the page says it was recorded and the
    /// record grew by one. A refusal or a warning fails with what the page shows.
    /// </summary>
    public static async Task RecordAsync(IPage page, string label, string type, string date, Func<Task>? fill = null)
    {
        await OpenStepAsync(page, label);
        var before = await EventCountAsync(page);
        await page.Locator("#f-date").FillAsync(date);
        if (fill is not null)
        {
            await fill();
        }

        await PressRecordAsync(page);
        await ExpectRecordedAsync(page, label, type, before + 1);
    }

    /// <summary>The page is back on the case with “已记录：<paramref name="label"/>”, <paramref name="count"/> records and
    /// the step at the top of the timeline.</summary>
    public static async Task ExpectRecordedAsync(IPage page, string label, string type, int count)
    {
        try
        {
            await page.WaitForURLAsync(u => u.Contains("done=" + type, StringComparison.Ordinal), new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            var shown = await page.Locator(".step-form").CountAsync() > 0 ? await page.Locator(".step-form").InnerTextAsync() : await page.ContentAsync();
            await BrowserFixture.ScreenshotAsync(page, "failed-" + type);
            throw new XunitException($"{label} ({type}) was not recorded; the page shows:\n{shown}");
        }

        var shownNow = await page.EvaluateAsync<string[]>("""
            () => [document.querySelector('p.notice')?.textContent.trim() ?? '',
                   document.querySelector('.page-head .muted')?.textContent ?? '',
                   document.querySelector('.timeline > li strong')?.textContent.trim() ?? '']
            """);
        Assert.Equal("已记录：" + label, shownNow[0]);
        Assert.Contains($"纪实记录 {count} 条", shownNow[1], StringComparison.Ordinal);
        Assert.Equal(label, shownNow[2]);
    }

    /// <summary>The value shown next to <paramref name="term"/> in “关键日期”.</summary>
    public static ILocator KeyDate(IPage page, string term) =>
        page.Locator("dl.dates dt").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + term + "$") })
            .Locator("xpath=following-sibling::dd[1]");

    public static ILocator StageBadge(IPage page) => page.Locator(".page-head h1 .stage");

    /// <summary>The visible form controls on the page that have no label (neither &lt;label&gt; nor aria-label/labelledby).</summary>
    public static async Task<string[]> UnlabelledControlsAsync(IPage page) => await page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('input, select, textarea')]
            .filter(e => e.type !== 'hidden')
            .filter(e => (e.labels ? e.labels.length : 0) === 0
                && !(e.getAttribute('aria-label') || '').trim()
                && !(e.getAttribute('aria-labelledby') || '').trim()
                && !(e.getAttribute('title') || '').trim())
            .map(e => `${e.tagName.toLowerCase()}[name=${e.name || ''}][id=${e.id || ''}]`)
        """);

    /// <summary>Whether the document is wider than the window (a horizontal scrollbar).</summary>
    public static async Task<(int ScrollWidth, int ClientWidth)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }
}
