using Microsoft.Playwright;
using static Jishi.Web.Tests.Browser.CasePageDriver;

namespace Jishi.Web.Tests.Browser;

/// <summary>A transfer from a branch of the township to a branch of the school committee, end to end in Chromium: the
/// township's Manager issues the letter from the member's page, the school's Manager receives and accepts it from the
/// in-register, and the member then belongs to the school branch with both moves in their history.</summary>
public sealed class TransferInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ATransfer_IssuedByOneSide_ReceivedAndAcceptedByTheOther_MovesTheMember()
    {
        var admin = browser.Factory.Admin();
        var county = await admin.CreateOrgAsync("转接县委", "CountyCommittee");
        var township = (await admin.PostAsync("/api/v1/orgs", new { name = "转接镇党委", type = "TownshipCommittee", parentId = county, hasAdmissionApprovalAuthority = true })).Id;
        var branch = await admin.CreateOrgAsync("转接镇机关党支部", "Branch", township);
        var school = (await admin.PostAsync("/api/v1/orgs", new { name = "转接中学党委", type = "PrimaryCommittee", parentId = county, hasAdmissionApprovalAuthority = true })).Id;
        var schoolBranch = await admin.CreateOrgAsync("转接中学教工党支部", "Branch", school);
        var person = await admin.CreatePersonAsync("钱转接", IdNumbers.Unique(), branch);
        var member = (await admin.PostAsync("/api/v1/members",
            new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id;

        // The township's Manager issues the letter from the member's page.
        var (senderName, senderPassword) = await UserAsync(browser, township, "Manager", "镇组织委员");
        var sender = await LogInAsync(browser, senderName, senderPassword);
        await sender.GotoAsync($"/members/{member}");
        await Assertions.Expect(sender.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("钱转接");
        await sender.Locator("#t-toOrgId").SelectOptionAsync(schoolBranch);
        await sender.Locator("#t-reason").FillAsync("工作调动到县中学");
        await sender.Locator("#t-issuedDate").FillAsync("2026-11-10");
        await sender.Locator("#t-duesPaidThrough").FillAsync("2026-10");
        await sender.Locator("#issue-transfer button[type=submit]").ClickAsync();
        await Assertions.Expect(sender.Locator("table[aria-label=在办事项]")).ToContainTextAsync("组织关系介绍信");
        var letter = await sender.Locator("table[aria-label=在办事项] a[href^='/transfers/']").First.GetAttributeAsync("href");
        Assert.NotNull(letter);
        await ShotAsync(sender, "60-transfer-issued-member-page");

        // The school's Manager finds it in the in-register, records receipt, then acceptance.
        var (receiverName, receiverPassword) = await UserAsync(browser, school, "Manager", "中学组织委员");
        var receiver = await LogInAsync(browser, receiverName, receiverPassword);
        await receiver.GotoAsync("/transfers?direction=In");
        await receiver.Locator($"table[aria-label=转接登记] a[href='{letter}']").ClickAsync();
        await Assertions.Expect(receiver.Locator(".page-head .stage")).ToHaveTextAsync("已开具");
        await receiver.Locator("#transfer-step .step-choice a", new() { HasText = "收到" }).ClickAsync();
        await receiver.Locator("#transfer-step-date").FillAsync("2026-11-12");
        await receiver.Locator("#transfer-step button[type=submit]").ClickAsync();
        await Assertions.Expect(receiver.Locator(".notice")).ToHaveTextAsync("已记录：收到");
        await Assertions.Expect(receiver.Locator(".page-head .stage")).ToHaveTextAsync("已收到");

        // Rejecting without a reason is refused on the page and records nothing (T-06).
        await receiver.Locator("#transfer-step .step-choice a", new() { HasText = "不予接收" }).ClickAsync();
        await receiver.Locator("#transfer-step-date").FillAsync("2026-11-13");
        await receiver.Locator("#f-reasonCode").SelectOptionAsync("Other");
        await receiver.Locator("#transfer-step button[type=submit]").ClickAsync();
        await Assertions.Expect(receiver.Locator(".problem.refused")).ToContainTextAsync("T-06-no-refusal-without-reason");
        await Assertions.Expect(receiver.Locator(".page-head .stage")).ToHaveTextAsync("已收到");

        await receiver.GotoAsync($"{letter}?step=Accepted#transfer-step");
        await receiver.Locator("#transfer-step-date").FillAsync("2026-11-13");
        await receiver.Locator("#transfer-step button[type=submit]").ClickAsync();
        await Assertions.Expect(receiver.Locator(".page-head .stage")).ToHaveTextAsync("已接收");
        await Assertions.Expect(receiver.Locator("table[aria-label=全程纪实] tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(receiver.Locator("table[aria-label=期限]")).ToContainTextAsync("T-07");
        await ShotAsync(receiver, "61-transfer-accepted");

        // The member is now the school branch's, with both moves in the history; the township no longer sees them.
        await receiver.GotoAsync($"/members/{member}");
        var history = receiver.Locator("table[aria-label=组织关系变动记录]");
        await Assertions.Expect(history).ToContainTextAsync("组织关系转出");
        await Assertions.Expect(history).ToContainTextAsync("组织关系转入");
        await Assertions.Expect(history).ToContainTextAsync("转接中学教工党支部");
        var gone = await sender.GotoAsync($"/members/{member}");
        Assert.Equal(404, gone!.Status);
        await sender.Context.CloseAsync();
        await receiver.Context.CloseAsync();
    }
}
