using Jishi.Web.Tests.Cases;
using Microsoft.Playwright;
using static Jishi.Web.Tests.Browser.CasePageDriver;

namespace Jishi.Web.Tests.Browser;

/// <summary>
/// A BLOCK refusal is shown on the step's form with its article and the rule, and nothing is recorded; a refused
/// applicant can be registered once the secretary corrects the form.
/// </summary>
public sealed class RefusalsInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private sealed record Setup(CaseScenario Case, string UserName, string Password);

    /// <summary>The organisations and registry of <see cref="CaseScenario"/>, its applicant made an activist on
    /// 2024-04-01 through the API, and a Manager of the branch.</summary>
    private Task<Setup> SetupAsync() => SharedAsync(browser, "refusals", async () =>
    {
        var s = await CaseScenario.CreateAsync(browser.Factory.Admin());
        await s.OpenAsync();
        await s.ToActivistAsync();
        var (userName, password) = await UserAsync(browser, s.Branch, "Manager");
        return new Setup(s, userName, password);
    });

    [Fact]
    public async Task DesignatingTheActivistByTheAssembly_InABranchWithACommittee_IsRefusedWithArticle8_AndNothingIsRecorded()
    {
        var (s, userName, password) = await SetupAsync();
        var page = await LogInAsync(browser, userName, password);
        await RegisterApplicantAsync(page, "孙立", s.Branch, "2024-03-01");
        await RecordAsync(page, "派人谈话", "ApplicationTalkHeld", "2024-03-15", async () =>
        {
            await CheckAsync(page, "interviewerMemberIds", s.Members[2]);
            await CheckAsync(page, "topics", "StudyAndWorkHistory", "UnderstandingOfParty", "Motivation", "LawAbiding", "Family",
                "IntroducedPartyKnowledge", "IntroducedMemberStandards");
        });
        await RecordAsync(page, "推荐、推优", "NominationRecorded", "2024-03-20", () => SelectAsync(page, "method", "MemberRecommendation"));
        var timeline = await page.Locator(".timeline").InnerTextAsync();
        Assert.Equal(3, await EventCountAsync(page));

        await OpenStepAsync(page, "确定为入党积极分子");
        await page.Locator("#f-date").FillAsync("2024-04-01");
        await SelectAsync(page, "decidedBy", "BranchAssembly");
        await PressRecordAsync(page);

        var refusal = page.Locator(".step-form .problem.refused");
        await Assertions.Expect(refusal).ToBeVisibleAsync();
        await Assertions.Expect(refusal).ToContainTextAsync("不符合规定，未予记录");
        var g07 = refusal.Locator("li.refusal-Block", new() { HasText = "G-07-branch-committee-substitute" });
        await Assertions.Expect(g07.Locator(".article")).ToHaveTextAsync("第八条");
        await Assertions.Expect(g07).ToContainTextAsync("第八条：“某某公司第一党支部”设有支部委员会，应由支部委员会会议研究决定");
        await Assertions.Expect(page.Locator(".override-dialog")).ToHaveCountAsync(0);
        // The form keeps what was entered, so the secretary can correct it.
        await Assertions.Expect(Field(page, "decidedBy")).ToHaveValueAsync("BranchAssembly");
        await Assertions.Expect(page.Locator("#f-date")).ToHaveValueAsync("2024-04-01");
        await page.Locator("#step-form").ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "20-block-refusal");

        Assert.Equal(3, await EventCountAsync(page));
        Assert.Equal(timeline, await page.Locator(".timeline").InnerTextAsync());
        await Assertions.Expect(StageBadge(page)).ToHaveTextAsync("入党申请人");
        var api = await browser.Factory.Admin().GetOkAsync($"/api/v1/cases/{CaseId(page)}");
        Assert.Equal(3, api.Events().Length);

        // Corrected on the same form, it is recorded.
        await SelectAsync(page, "decidedBy", "BranchCommitteeMeeting");
        await PressRecordAsync(page);
        await ExpectRecordedAsync(page, "确定为入党积极分子", "ActivistDesignated", 4);
        await Assertions.Expect(StageBadge(page)).ToHaveTextAsync("入党积极分子");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ProposingACandidateBeforeOneYearOfTraining_IsRefusedWithArticle13_AndNothingIsRecorded()
    {
        var (s, userName, password) = await SetupAsync();
        var page = await LogInAsync(browser, userName, password);
        await page.GotoAsync($"/cases/{s.CaseId}");
        var timeline = await page.Locator(".timeline").InnerTextAsync();
        var count = await EventCountAsync(page);

        await OpenStepAsync(page, "支委会研究拟列为发展对象");
        await page.Locator("#f-date").FillAsync("2024-10-10");
        await SelectAsync(page, "decidedBy", "BranchCommitteeMeeting");
        await PressRecordAsync(page);

        var refusal = page.Locator(".step-form .problem.refused");
        await Assertions.Expect(refusal).ToBeVisibleAsync();
        var oneYear = refusal.Locator("li.refusal", new() { HasText = "R-13-candidate-min-1-year" });
        await Assertions.Expect(oneYear).ToHaveCountAsync(1);
        await Assertions.Expect(oneYear.Locator(".article")).ToHaveTextAsync("第十三条");
        await Assertions.Expect(oneYear.Locator(".badge")).ToHaveTextAsync("不符合规定");
        await page.Locator("#step-form").ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "21-block-refusal-r13");
        Assert.Equal(count, await EventCountAsync(page));
        Assert.Equal(timeline, await page.Locator(".timeline").InnerTextAsync());
        Assert.Equal(count, (await s.GetAsync()).Events().Length);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnApplicantRefusedForAge_CanBeRegistered_AfterTheSecretaryCorrectsTheDate()
    {
        var (s, userName, password) = await SetupAsync();
        var page = await LogInAsync(browser, userName, password);
        await page.GotoAsync("/cases/new");
        // Born 2008-09-01: not yet eighteen on 2026-08-01 (R-05, 第五条), eighteen on 2026-09-01.
        await page.GetByLabel("姓名").FillAsync("赵青");
        await page.GetByLabel("居民身份证号码").FillAsync(IdNumbers.With("32010220080901" + Random.Shared.Next(100, 999)));
        await page.GetByLabel("接收申请的党组织").SelectOptionAsync(s.Branch);
        await page.GetByLabel("该组织与申请人的关系").SelectOptionAsync("ResidenceOrg");
        await page.GetByLabel("收到入党申请书日期").FillAsync("2026-08-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并建立个案" }).ClickAsync();
        var refusal = page.Locator(".problem.refused");
        await Assertions.Expect(refusal).ToContainTextAsync("第五条");
        await Assertions.Expect(refusal).ToContainTextAsync("R-05-age-18");
        await ShotAsync(page, "22-new-applicant-refused");

        // The secretary corrects the date (the letter was in fact received after the 18th birthday) and submits again.
        await page.GetByLabel("收到入党申请书日期").FillAsync("2026-09-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并建立个案" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var problem = await page.Locator(".problem").CountAsync() > 0 ? await page.Locator(".problem").InnerTextAsync() : "";
        if (problem.Length > 0)
        {
            await ShotAsync(page, "23-new-applicant-resubmitted");
        }

        Assert.True(problem.Length == 0, "Resubmitting the corrected applicant is refused: " + problem.ReplaceLineEndings(" "));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("赵青");
        await Assertions.Expect(StageBadge(page)).ToHaveTextAsync("入党申请人");
        await page.Context.CloseAsync();
    }
}
