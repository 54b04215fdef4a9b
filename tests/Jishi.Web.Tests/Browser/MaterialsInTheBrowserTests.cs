using System.Text;
using Jishi.Web.Tests.Cases;
using Jishi.Web.Tests.Documents;
using Microsoft.Playwright;

namespace Jishi.Web.Tests.Browser;

/// <summary>
/// The case page's “材料与档案” panel: the forms and the 全程纪实 report download with the login cookie, scans are
/// uploaded through the form (a disguised executable is refused with the reason), and archive completeness
/// shows what is still missing.
/// </summary>
public sealed class MaterialsInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ASecretary_DownloadsTheForms_UploadsAScan_AndSeesWhatTheArchiveStillLacks()
    {
        var admin = browser.Factory.Admin();
        var s = await CaseScenario.CreateAsync(admin, person: new { name = "林档案", idNumber = IdNumbers.Unique() });
        await s.OpenAsync();
        await s.ToActivistAsync();
        var (user, password) = await CasePageDriver.UserAsync(browser, s.Branch, "Manager");
        var page = await CasePageDriver.LogInAsync(browser, user, password);
        await page.GotoAsync($"/cases/{s.CaseId}#materials");

        var panel = page.Locator("#materials");
        await Assertions.Expect(panel).ToContainTextAsync("归档材料（第三十六条）：尚缺 入党志愿书、入党申请书");
        await Assertions.Expect(panel.GetByRole(AriaRole.Link, new() { Name = "入党积极分子培养考察登记表" })).ToBeVisibleAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Link, new() { Name = "支部党员大会决议" })).ToHaveCountAsync(0);

        // The form downloads with the cookie; its text is the record's.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            panel.GetByRole(AriaRole.Link, new() { Name = "入党积极分子培养考察登记表" }).ClickAsync());
        var form = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var text = Pdf.Compact(Pdf.Text(form));
        Assert.Contains("入党积极分子培养考察登记表", text);
        Assert.Contains("林档案", text);
        Assert.Contains("2024年4月1日，经支部委员会会议研究确定", text);

        // A disguised executable is refused with the reason, and nothing is recorded.
        var before = await CasePageDriver.EventCountAsync(page);
        await panel.GetByLabel("材料类型").SelectOptionAsync("ApplicationLetter");
        await panel.GetByLabel("扫描件（PDF、JPEG 或 PNG，不超过 20 MiB）").SetInputFilesAsync(new FilePayload
        {
            Name = "入党申请书.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("MZ\u0090\0\u0003\0\0\0\u0004\0\0\0this program cannot be run in DOS mode"),
        });
        await panel.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await Assertions.Expect(page.Locator("#materials .error")).ToContainTextAsync("文件内容不是 PDF、JPEG 或 PNG");
        Assert.Equal(before, await CasePageDriver.EventCountAsync(page));

        // A real scan: listed under its material, recorded as a step with its digest.
        await panel.GetByLabel("材料类型").SelectOptionAsync("ApplicationLetter");
        await panel.GetByLabel("对应的记录序号（可不填）").FillAsync("1");
        await panel.GetByLabel("扫描件（PDF、JPEG 或 PNG，不超过 20 MiB）").SetInputFilesAsync(new FilePayload
        {
            Name = "入党申请书.pdf",
            MimeType = "application/pdf",
            Buffer = AttachmentTests.PdfBytes,
        });
        await panel.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await Assertions.Expect(page.Locator("#materials")).ToContainTextAsync("尚缺 入党志愿书、入党积极分子培养考察登记表");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("上传材料");
        Assert.Equal(before + 1, await CasePageDriver.EventCountAsync(page));
        await CasePageDriver.ShotAsync(page, "14-materials");

        var scan = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("#materials").GetByRole(AriaRole.Link, new() { Name = "入党申请书.pdf" }).ClickAsync());
        Assert.Equal(AttachmentTests.PdfBytes, await File.ReadAllBytesAsync((await scan.PathAsync())!));

        var record = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("#materials").GetByRole(AriaRole.Link, new() { Name = "全程纪实报告" }).ClickAsync());
        Assert.Contains("上传材料", Pdf.Compact(Pdf.Text(await File.ReadAllBytesAsync((await record.PathAsync())!))));
    }
}
