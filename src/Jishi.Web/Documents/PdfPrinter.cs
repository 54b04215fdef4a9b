using Microsoft.Playwright;

namespace Jishi.Web.Documents;

/// <summary>The printer is not available on this server (no Chromium): answered 503 with what to install.</summary>
public sealed class PrinterUnavailableException(string message) : Exception(message);

/// <summary>
/// Prints HTML to A4 PDF with Chromium (headless, through Playwright, using the system's Chromium and fonts). Chromium
/// embeds the CJK font subsets with their Unicode maps, so the Chinese text of a printed form can be searched and
/// copied exactly. One browser is started on first use and kept, and so are its pages: a print loads its HTML into an
/// idle page (opening a new page costs about half a second, the first print of a page as much again). At most two
/// prints run at once; a print takes under a second on two cores once the browser is up.
/// </summary>
public sealed class PdfPrinter(IConfiguration configuration, ILogger<PdfPrinter> logger) : IAsyncDisposable
{
    private static readonly string[] KnownLocations = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private readonly SemaphoreSlim starting = new(1, 1);
    private readonly SemaphoreSlim printing = new(2, 2);
    private readonly System.Collections.Concurrent.ConcurrentBag<IPage> idle = [];
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary><c>Jishi:Chromium</c>, else the first Chromium found in the usual places.</summary>
    public string? ExecutablePath => configuration["Jishi:Chromium"] is { Length: > 0 } configured
        ? configured
        : KnownLocations.FirstOrDefault(File.Exists);

    public async Task<byte[]> PrintAsync(string html, CancellationToken ct = default)
    {
        var b = await BrowserAsync();
        await printing.WaitAsync(ct);
        IPage? page = null;
        try
        {
            // A page is kept for the next print (a new one costs about half a second); a failed print drops its page.
            page = idle.TryTake(out var kept) && !kept.IsClosed && kept.Context.Browser == b ? kept
                : await b.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false, Locale = "zh-CN" });
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            var pdf = await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                PreferCSSPageSize = true,
                DisplayHeaderFooter = false,
            });
            idle.Add(page);
            page = null;
            return pdf;
        }
        finally
        {
            if (page is not null)
            {
                try
                {
                    await page.CloseAsync();
                }
                catch (PlaywrightException)
                {
                    // The browser is gone with its pages; the next print starts a new one.
                }
            }

            printing.Release();
        }
    }

    private async Task<IBrowser> BrowserAsync()
    {
        if (browser is { IsConnected: true })
        {
            return browser;
        }

        await starting.WaitAsync();
        try
        {
            if (browser is { IsConnected: true })
            {
                return browser;
            }

            var path = ExecutablePath;
            if (path is null || !File.Exists(path))
            {
                throw new PrinterUnavailableException("生成 PDF 需要 Chromium：请安装 chromium 和 fonts-noto-cjk（apt-get install chromium fonts-noto-cjk），"
                    + "或在 Jishi:Chromium 中配置其路径");
            }

            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            });
            logger.LogInformation("PDF printer started: {Path}", path);
            return browser;
        }
        finally
        {
            starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        starting.Dispose();
        printing.Dispose();
    }
}
