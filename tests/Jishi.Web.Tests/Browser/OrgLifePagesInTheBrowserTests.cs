using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Jishi.Web.Tests.Browser.CasePageDriver;

namespace Jishi.Web.Tests.Browser;

/// <summary>The pages of 民主评议 (L-05), the 6-month lapse list (M-15) and training hours (L-07) as a branch's 组织委员
/// uses them on a phone (390×844): an appraisal refused for want of its decision record, then recorded and printed; a
/// lapse candidate taken off the list by a justified reason recorded through the form; training hours that clear the
/// L-07 warning at 32. Every page fits the phone's width and every control has a label.</summary>
public sealed class OrgLifePagesInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<(string County, string Town, string Branch, List<string> Members)> BranchAsync(string prefix, params string[] names)
    {
        var admin = browser.Factory.Admin();
        var county = await admin.CreateOrgAsync(prefix + "县委", "CountyCommittee");
        var town = await admin.CreateOrgAsync(prefix + "镇党委", "TownshipCommittee", county);
        var branch = await admin.CreateOrgAsync(prefix + "社区党支部", "Branch", town);
        var ids = new List<string>();
        foreach (var name in names)
        {
            var person = await admin.CreatePersonAsync(name, IdNumbers.Unique(), branch);
            ids.Add((await admin.PostAsync("/api/v1/members",
                new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id);
        }

        return (county, town, branch, ids);
    }

    private async Task<string> MeetingAsync(string branch, string type, string date, string[] combines, IEnumerable<(string Id, string Status)> roster)
    {
        var reply = await browser.Factory.Admin().PostAsync("/api/v1/meetings", new
        {
            orgId = branch,
            type,
            date,
            topics = new[] { "民主评议党员" },
            combines,
            attendance = roster.Select(r => new { memberId = r.Id, status = r.Status }).ToArray(),
        });
        Assert.True(reply.Status == 201, reply.ToString());
        return reply.Id;
    }

    private static async Task AssertFitsAndLabelledAsync(IPage page, string what)
    {
        var (scroll, client) = await WidthsAsync(page);
        Assert.True(scroll <= client, $"{what} at 390 px: scrollWidth {scroll} > clientWidth {client}");
        Assert.Empty(await UnlabelledControlsAsync(page));
    }

    [Fact]
    public async Task AnAppraisal_RefusedWithoutItsDecisionRecord_ThenRecordedAtTheAssembly_IsShownAndPrinted_L05()
    {
        var (_, town, branch, ids) = await BranchAsync("评议", "甲评议", "乙评议", "丙评议");
        var assembly = await MeetingAsync(branch, "BranchAssembly", "2026-05-10", [], ids.Select(id => (id, "Present")));
        await MeetingAsync(branch, "OrgLifeMeeting", "2026-06-15", ["DemocraticAppraisal"], ids.Select(id => (id, "Present")));

        var (user, password) = await UserAsync(browser, branch, "Manager", "评议组织委员");
        var page = await LogInAsync(browser, user, password, width: 390, height: 844);
        await page.GotoAsync("/org-life?year=2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "民主评议党员" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("民主评议党员");

        // The latest meeting offered first is the 组织生活会 with 民主评议: not a committee or assembly record.
        await Assertions.Expect(page.Locator("#meetingId option:checked")).ToContainTextAsync("2026-06-15");
        var rows = page.Locator(".appraisal-form .roster-list > li");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await page.GetByLabel("甲评议 评定等次").SelectOptionAsync("Excellent");
        await page.GetByLabel("乙评议 评定等次").SelectOptionAsync("Qualified");
        await page.GetByLabel("丙评议 评定等次").SelectOptionAsync("BasicallyQualified");
        await AssertFitsAndLabelledAsync(page, "the appraisal form");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录评议结果" }).ClickAsync();
        var refused = page.Locator(".problem.refused");
        await Assertions.Expect(refused).ToContainTextAsync("L-05-appraisal");
        await Assertions.Expect(refused).ToContainTextAsync("第十八条");
        await Assertions.Expect(page.GetByLabel("甲评议 评定等次")).ToHaveValueAsync("Excellent"); // the form is kept
        Assert.Equal(0, (await browser.Factory.Admin().GetOkAsync($"/api/v1/appraisals?orgId={branch}")).GetProperty("items").GetArrayLength());
        await ShotAsync(page, "90-appraisal-refused-phone");

        // The assembly's record: the grades are recorded and shown with the meeting that decided them.
        await page.Locator("#meetingId").SelectOptionAsync(assembly);
        await page.GetByRole(AriaRole.Button, new() { Name = "载入评议名单" }).ClickAsync();
        await Assertions.Expect(page.Locator(".appraisal-form")).ToContainTextAsync("2026-05-10");
        await page.GetByLabel("甲评议 评定等次").SelectOptionAsync("Excellent");
        await page.GetByLabel("乙评议 评定等次").SelectOptionAsync("Qualified");
        await page.GetByLabel("丙评议 评定等次").SelectOptionAsync("BasicallyQualified");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录评议结果" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("done=1", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("民主评议结果已记录。");
        var table = page.Locator("table[aria-label=评定等次]");
        await Assertions.Expect(table.Locator("tr", new() { HasText = "甲评议" })).ToContainTextAsync("优秀");
        await Assertions.Expect(table.Locator("tr", new() { HasText = "丙评议" })).ToContainTextAsync("基本合格");
        await Assertions.Expect(page.Locator($"a[href='/meetings/{assembly}']")).ToContainTextAsync("2026-05-10");
        await Assertions.Expect(page.Locator(".grade-counts")).ToContainTextAsync("优秀 1 人");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("%");
        await AssertFitsAndLabelledAsync(page, "the appraisal result");
        await ShotAsync(page, "91-appraisal-recorded-phone");

        var href = await page.Locator("a", new() { HasText = "打印结果汇总表" }).GetAttributeAsync("href") ?? "";
        Assert.Matches("^/ui/appraisals/[^/]+/summary.pdf$", href);
        var pdf = await page.APIRequest.GetAsync(href);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Contains("甲评议优秀", Documents.Pdf.Compact(Documents.Pdf.Text(await pdf.BodyAsync())));
        await page.Context.CloseAsync();

        // The township committee sees which of its branches have recorded the year's appraisal.
        var (townUser, townPassword) = await UserAsync(browser, town, "Manager", "评议镇组织员");
        var townPage = await LogInAsync(browser, townUser, townPassword, width: 390, height: 844);
        await townPage.GotoAsync("/appraisals?year=2026");
        var row = townPage.Locator("table[aria-label=所属党支部民主评议情况] tbody tr", new() { HasText = "评议社区党支部" });
        await Assertions.Expect(row).ToContainTextAsync("已记录");
        await Assertions.Expect(row).ToContainTextAsync("2026-05-10");
        await AssertFitsAndLabelledAsync(townPage, "the committee's appraisal overview");
        await townPage.Context.CloseAsync();
    }

    [Fact]
    public async Task TheLapseList_FlagsSixMonthsWithoutOrgLife_AndAJustifiedReasonRecordedThroughTheForm_TakesTheFlagOff_M15()
    {
        var (_, _, branch, ids) = await BranchAsync("脱党", "甲脱党", "乙脱党", "丙脱党");
        await MeetingAsync(branch, "BranchAssembly", "2026-05-10", [], [(ids[0], "Present"), (ids[1], "Absent"), (ids[2], "Present")]);
        await MeetingAsync(branch, "BranchAssembly", "2026-08-10", [], [(ids[0], "Present"), (ids[1], "Absent"), (ids[2], "Absent")]);

        var (user, password) = await UserAsync(browser, branch, "Manager", "脱党组织委员");
        var page = await LogInAsync(browser, user, password, width: 390, height: 844);
        await page.GotoAsync($"/members/{ids[1]}");
        await page.GetByRole(AriaRole.Link, new() { Name = "连续6个月提示（M-15）" }).ClickAsync();
        var list = page.Locator("table[aria-label=连续未参加组织生活或未交党费的党员] tbody tr");
        var yi = list.Filter(new() { HasText = "乙脱党" });
        await Assertions.Expect(yi).ToContainTextAsync("连续6个月");
        await Assertions.Expect(yi).ToContainTextAsync("不参加组织生活 6 个月");
        await Assertions.Expect(yi).ToContainTextAsync("2026-05");
        await Assertions.Expect(list.Filter(new() { HasText = "丙脱党" })).ToContainTextAsync("预警");
        await Assertions.Expect(list).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#memberId")).ToHaveValueAsync(ids[1]); // the member page's link chose the member
        await AssertFitsAndLabelledAsync(page, "the lapse list");

        await page.GetByLabel("类别").SelectOptionAsync("JustifiedReason");
        await page.GetByLabel("起始月份").FillAsync("2026-05");
        await page.GetByLabel("结束月份（仍在持续的不填）").FillAsync("2026-10");
        await page.GetByLabel("事由").FillAsync("外出务工，已向支部书面报告");
        await ShotAsync(page, "92-lapse-exemption-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("done=1", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("已记录。");
        await Assertions.Expect(list).ToHaveCountAsync(1);
        await Assertions.Expect(list.Filter(new() { HasText = "乙脱党" })).ToHaveCountAsync(0);
        await Assertions.Expect(list.Filter(new() { HasText = "丙脱党" })).ToContainTextAsync("预警");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TrainingHours_RecordedThroughTheForm_TakeTheWarningAwayAtThirtyTwo_L07()
    {
        var (_, _, branch, _) = await BranchAsync("培训", "甲培训", "乙培训");
        var (user, password) = await UserAsync(browser, branch, "Manager", "培训组织委员");
        var page = await LogInAsync(browser, user, password, width: 390, height: 844);
        await page.GotoAsync("/org-life");
        await page.GetByRole(AriaRole.Link, new() { Name = "培训学时" }).ClickAsync();
        var jia = page.Locator("table[aria-label=培训学时] tbody tr", new() { HasText = "甲培训" });
        await Assertions.Expect(jia.Locator(".training-warn")).ToContainTextAsync("L-07-training-hours");
        await AssertFitsAndLabelledAsync(page, "the training page");

        async Task RecordAsync(string hours)
        {
            await page.GetByLabel("党员").SelectOptionAsync(new SelectOptionValue { Label = "甲培训" });
            await page.GetByLabel("培训日期").FillAsync("2026-03-01");
            await page.GetByLabel("学时", new() { Exact = true }).And(page.Locator("input")).FillAsync(hours);
            await page.GetByLabel("培训内容").FillAsync("党员集中轮训");
            await page.GetByRole(AriaRole.Button, new() { Name = "记录学时" }).ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("done=1", StringComparison.Ordinal));
        }

        await RecordAsync("31.5");
        await Assertions.Expect(jia.Locator("td.num")).ToHaveTextAsync("31.5");
        await Assertions.Expect(jia.Locator(".training-warn")).ToContainTextAsync("尚差 0.5 学时");
        await RecordAsync("0.5");
        await Assertions.Expect(jia.Locator("td.num")).ToHaveTextAsync("32");
        await Assertions.Expect(jia.Locator(".training-warn")).ToHaveCountAsync(0);
        await Assertions.Expect(jia).ToContainTextAsync("已达到 32 学时");
        await Assertions.Expect(jia).ToHaveClassAsync(new Regex("training-met"));
        await Assertions.Expect(page.Locator("table[aria-label=培训学时] tbody tr", new() { HasText = "乙培训" }).Locator(".training-warn")).ToHaveCountAsync(1);
        await AssertFitsAndLabelledAsync(page, "the training page");
        await ShotAsync(page, "93-training-phone");
        await page.Context.CloseAsync();
    }
}
