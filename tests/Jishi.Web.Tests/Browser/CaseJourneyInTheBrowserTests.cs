using Jishi.Web.Tests.Cases;
using Microsoft.Playwright;
using static Jishi.Web.Tests.Browser.CasePageDriver;

namespace Jishi.Web.Tests.Browser;

/// <summary>
/// A branch secretary (Manager of the branch) records a whole development case in the browser: the applicant through
/// “登记入党申请”, then every step through the forms of the case page, on the timeline of <see cref="CaseScenario"/>
/// (application 2024-03-01, assembly 2025-07-01, confirmation 2026-07-01; the app's clock is 2026-11-22). Only the
/// organisations, the member registry and the user are set up through the API.
/// </summary>
public sealed class CaseJourneyInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string WarnReason = "党委换届，审批顺延";

    [Fact]
    public async Task ABranchSecretary_RecordsEveryStepInTheBrowser_FromApplicationIn2024_ToFullMemberIn2026()
    {
        var s = await CaseScenario.CreateAsync(browser.Factory.Admin());
        var m = s.Members;
        var (userName, password) = await UserAsync(browser, s.Branch, "Manager");
        var page = await LogInAsync(browser, userName, password);

        // 登记入党申请
        await page.GotoAsync("/cases/new");
        await page.GetByLabel("姓名").FillAsync("陈晓");
        await page.GetByLabel("居民身份证号码").FillAsync(IdNumbers.Unique());
        await page.GetByLabel("接收申请的党组织").SelectOptionAsync(s.Branch);
        await page.GetByLabel("该组织与申请人的关系").SelectOptionAsync("ResidenceOrg");
        await page.GetByLabel("收到入党申请书日期").FillAsync("2024-03-01");
        await ShotAsync(page, "05-new-applicant");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并建立个案" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/cases/", StringComparison.Ordinal) && !u.EndsWith("/new", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("陈晓");
        await Assertions.Expect(StageBadge(page)).ToHaveTextAsync("入党申请人");
        await Assertions.Expect(KeyDate(page, "收到入党申请书")).ToHaveTextAsync("2024-03-01");
        Assert.Equal(1, await EventCountAsync(page));
        var caseId = CaseId(page);

        // Applicant → Activist
        await RecordAsync(page, "派人谈话", "ApplicationTalkHeld", "2024-03-15", async () =>
        {
            await CheckAsync(page, "interviewerMemberIds", m[2]);
            await CheckAsync(page, "topics", "StudyAndWorkHistory", "UnderstandingOfParty", "Motivation", "LawAbiding", "Family",
                "IntroducedPartyKnowledge", "IntroducedMemberStandards");
            await FillAsync(page, "note", "谈话记录已归档");
        });
        await RecordAsync(page, "推荐、推优", "NominationRecorded", "2024-03-20",
            () => SelectAsync(page, "method", "MemberRecommendation"));
        await RecordAsync(page, "确定为入党积极分子", "ActivistDesignated", "2024-04-01",
            () => SelectAsync(page, "decidedBy", "BranchCommitteeMeeting"));
        await Assertions.Expect(StageBadge(page)).ToHaveTextAsync("入党积极分子");
        await Assertions.Expect(KeyDate(page, "确定为入党积极分子")).ToHaveTextAsync("2024-04-01");
        await Assertions.Expect(page.Locator("table[aria-label=期限] tr", new() { HasText = "一个月内派人谈话" })).ToContainTextAsync("按期完成");
        await ShotAsync(page, "11-case-activist");

        // Activist phase
        await RecordAsync(page, "报上级党委备案", "ActivistFiled", "2024-04-10", () => SelectAsync(page, "filedWithOrgId", s.Primary));
        await RecordAsync(page, "指定培养联系人", "MentorAssigned", "2024-04-10", async () =>
        {
            await CheckAsync(page, "mentorMemberIds", m[0], m[1]);
            await Field(page, "qualificationAttested").CheckAsync();
            await page.Locator("#step-form").EvaluateAsync("e => e.scrollIntoView()");
            await ShotAsync(page, "17-step-form-mentors");
        });
        await RecordAsync(page, "党支部考察（半年）", "ActivistAssessed", "2024-10-01", () => FillAsync(page, "summary", "表现良好"));
        await RecordAsync(page, "党支部考察（半年）", "ActivistAssessed", "2025-04-01", () => FillAsync(page, "summary", "表现良好，进步明显"));
        await RecordAsync(page, "听取意见", "OpinionsCollected", "2025-04-05", async () =>
        {
            await SelectAsync(page, "purpose", "CandidateListing");
            await CheckAsync(page, "sources", "Mentor", "Member", "NonMember");
            await SelectAsync(page, "mentorOpinion." + m[0], "true");
            await SelectAsync(page, "mentorOpinion." + m[1], "true");
        });
        await RecordAsync(page, "支委会研究拟列为发展对象", "CandidateProposed", "2025-04-10",
            () => SelectAsync(page, "decidedBy", "BranchCommitteeMeeting"));
        await RecordAsync(page, "上级党委同意", "CandidateConsented", "2025-04-15", () => SelectAsync(page, "consentingOrgId", s.Primary));
        await RecordAsync(page, "列为发展对象", "CandidateListed", "2025-04-20");
        await Assertions.Expect(StageBadge(page)).ToHaveTextAsync("发展对象");
        await Assertions.Expect(KeyDate(page, "列为发展对象")).ToHaveTextAsync("2025-04-20");
        await ShotAsync(page, "12-case-candidate");

        // Candidate: preparing the assembly
        await RecordAsync(page, "确定入党介绍人", "SponsorsAssigned", "2025-04-21", async () =>
        {
            await CheckAsync(page, "sponsorMemberIds", m[0], m[1]);
            await SelectAsync(page, "source", "MentorAsSponsor");
        });
        await RecordAsync(page, "政治审查", "PoliticalReviewConcluded", "2025-05-10", async () =>
        {
            await SelectAsync(page, "conclusion", "Qualified");
            await CheckAsync(page, "methods", "TalkWithPerson", "ArchiveReview", "LetterInquiry");
        });
        await RecordAsync(page, "短期集中培训", "TrainingCompleted", "2025-05-20", async () =>
        {
            await FillAsync(page, "startDate", "2025-05-18");
            await FillAsync(page, "days", "3");
            await FillAsync(page, "classHours", "24");
            await SelectAsync(page, "mode", "Offline");
            await SelectAsync(page, "organizerOrgId", s.Primary);
        });
        await RecordAsync(page, "支委会审查", "BranchReviewPassed", "2025-06-01", () => SelectAsync(page, "decidedBy", "BranchCommitteeMeeting"));
        await RecordAsync(page, "基层党委预审合格", "PreReviewPassed", "2025-06-10", () => SelectAsync(page, "reviewingOrgId", s.Primary));
        await RecordAsync(page, "发放入党志愿书", "AdmissionFormIssued", "2025-06-12", () => FillAsync(page, "serial", s.Serial));
        await RecordAsync(page, "支部大会讨论接收", "AdmissionVoteHeld", "2025-07-01", async () =>
        {
            await FillAsync(page, "meetingStartAt", "2025-07-01T09:00");
            await SelectAsync(page, "voteMethod", "SecretBallot");
            await FillAsync(page, "eligibleVoterCount", "6");
            await FillAsync(page, "presentVoterCount", "5");
            await FillAsync(page, "votesFor", "5");
            await FillAsync(page, "votesAgainst", "0");
            await FillAsync(page, "abstentions", "0");
            await Assertions.Expect(Field(page, "candidateReported")).ToBeCheckedAsync();
            await Assertions.Expect(Field(page, "committeeReported")).ToBeCheckedAsync();
            await SelectAsync(page, "sponsorIntro." + m[0], "inPerson");
            await SelectAsync(page, "sponsorIntro." + m[1], "inPerson");
            await FillAsync(page, "resolutionText", "同意接收陈晓为中共预备党员");
            await SelectAsync(page, "secretaryMemberId", m[2]);
        });
        await Assertions.Expect(KeyDate(page, "支部大会通过接收")).ToHaveTextAsync("2025-07-01");
        await Assertions.Expect(page.Locator(".timeline > li").First).ToContainTextAsync("表决结果：通过");

        // Approval → ProbationaryMember
        await RecordAsync(page, "报上级党委审批", "AdmissionSubmitted", "2025-07-05", async () =>
        {
            await SelectAsync(page, "submittedToOrgId", s.Primary);
            await CheckAsync(page, "materials", "AdmissionForm", "ApplicationLetter", "ActivistRecordForm", "PoliticalReviewFile");
        });
        await RecordAsync(page, "党委派人谈话", "ApprovalTalkHeld", "2025-07-10", async () =>
        {
            await CheckAsync(page, "interviewerMemberIds", m[3]);
            await SelectAsync(page, "interviewerRole", "CommitteeMember");
        });
        await RecordAsync(page, "党委批准为预备党员", "AdmissionApproved", "2025-07-20", async () =>
        {
            await SelectAsync(page, "approvingOrgId", s.Primary);
            await FillAsync(page, "reportReceivedDate", "2025-07-05");
            await FillAsync(page, "committeeMemberCount", "7");
            await FillAsync(page, "presentCount", "6");
            await FillAsync(page, "votesFor", "6");
        });
        await Assertions.Expect(StageBadge(page)).ToHaveTextAsync("预备党员");
        await Assertions.Expect(KeyDate(page, "党委批准")).ToHaveTextAsync("2025-07-20");
        await Assertions.Expect(KeyDate(page, "预备期满")).ToHaveTextAsync("2026-07-01");
        await Assertions.Expect(KeyDate(page, "党龄起算")).ToHaveTextAsync("—");
        await ShotAsync(page, "13-case-probationary");

        // Probation
        await RecordAsync(page, "报组织部门备案", "AdmissionFiled", "2025-07-25", () => SelectAsync(page, "filedWithOrgId", s.OrgDepartment));
        await RecordAsync(page, "通知本人并宣布", "DecisionAnnounced", "2025-07-26", () => SelectAsync(page, "decision", "Admission"));
        await RecordAsync(page, "编入党支部和党小组", "AssignedToBranchAndCell", "2025-07-26", () => SelectAsync(page, "branchId", s.Branch));
        await RecordAsync(page, "入党宣誓", "OathTaken", "2025-08-01");
        await RecordAsync(page, "预备期考察", "ProbationAssessed", "2026-01-10", () => FillAsync(page, "summary", "预备期表现良好"));

        // Confirmation
        await RecordAsync(page, "提出转正申请", "FullMembershipRequested", "2026-06-20");
        await RecordAsync(page, "听取意见", "OpinionsCollected", "2026-06-25", async () =>
        {
            await SelectAsync(page, "purpose", "Confirmation");
            await CheckAsync(page, "sources", "Member", "NonMember");
        });
        await RecordAsync(page, "支委会审查", "BranchReviewPassed", "2026-06-28", () => SelectAsync(page, "decidedBy", "BranchCommitteeMeeting"));
        await RecordAsync(page, "支部大会讨论转正", "ConfirmationVoteHeld", "2026-07-01", async () =>
        {
            await FillAsync(page, "meetingStartAt", "2026-07-01T09:00");
            await SelectAsync(page, "voteMethod", "SecretBallot");
            await FillAsync(page, "eligibleVoterCount", "6");
            await FillAsync(page, "presentVoterCount", "5");
            await FillAsync(page, "votesFor", "5");
            await FillAsync(page, "votesAgainst", "0");
            await FillAsync(page, "abstentions", "0");
            await SelectAsync(page, "proposedOutcome", "ConfirmOnTime");
            await FillAsync(page, "resolutionText", "该同志预备期间表现良好，同意按期转为中共正式党员");
            await SelectAsync(page, "secretaryMemberId", m[2]);
        });

        // The committee approves more than three months after the resolution: R-33 is a WARN, passed with a reason.
        var before = await EventCountAsync(page);
        await OpenStepAsync(page, "党委审批转正");
        await page.Locator("#f-date").FillAsync("2026-10-08");
        await SelectAsync(page, "approvingOrgId", s.Primary);
        await SelectAsync(page, "outcome", "ConfirmOnTime");
        await FillAsync(page, "committeeMemberCount", "7");
        await FillAsync(page, "presentCount", "6");
        await FillAsync(page, "votesFor", "6");
        await PressRecordAsync(page);
        var dialog = page.Locator(".override-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("第三十三条");
        await Assertions.Expect(dialog).ToContainTextAsync("R-33-confirmation-approval-3-months");
        await Assertions.Expect(dialog.Locator(".override")).ToHaveCountAsync(1);
        Assert.Equal(before, await EventCountAsync(page));
        await dialog.ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "15-warn-dialog");
        await dialog.GetByLabel("放行理由（将记入纪实）").FillAsync(WarnReason);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "附理由记录" }).ClickAsync();
        await ExpectRecordedAsync(page, "党委审批转正", "ConfirmationApproved", before + 1);
        var highlighted = page.Locator(".timeline > li.has-override");
        await Assertions.Expect(highlighted).ToHaveCountAsync(1);
        await Assertions.Expect(highlighted.Locator("strong")).ToHaveTextAsync("党委审批转正");
        await Assertions.Expect(highlighted.Locator(".override-note")).ToContainTextAsync("警告已放行");
        await Assertions.Expect(highlighted.Locator(".override-note")).ToContainTextAsync("R-33-confirmation-approval-3-months");
        await Assertions.Expect(highlighted.Locator(".override-note")).ToContainTextAsync(WarnReason);
        await page.Locator("#timeline-title").EvaluateAsync("e => e.scrollIntoView()");
        await ShotAsync(page, "16-timeline-override");

        await RecordAsync(page, "通知本人并宣布", "DecisionAnnounced", "2026-10-09", () => SelectAsync(page, "decision", "Confirmation"));

        // Full member: the badge, the party age from the expiry of probation, 33 records.
        await Assertions.Expect(StageBadge(page)).ToHaveTextAsync("正式党员");
        await Assertions.Expect(KeyDate(page, "党龄起算")).ToHaveTextAsync("2026-07-01");
        await Assertions.Expect(KeyDate(page, "预备期满")).ToHaveTextAsync("2026-07-01");
        Assert.Equal(33, await EventCountAsync(page));
        await Assertions.Expect(page.Locator(".timeline > li")).ToHaveCountAsync(33);
        await ShotAsync(page, "14-case-full-member");

        // The record the browser made is the one the API serves.
        var api = await browser.Factory.Admin().GetOkAsync($"/api/v1/cases/{caseId}");
        Assert.Equal("FullMember", api.Str("stage"));
        Assert.Equal("2026-07-01", api.Date("partyAgeStartDate"));
        var integrity = await browser.Factory.Admin().GetOkAsync($"/api/v1/cases/{caseId}/integrity");
        Assert.True(integrity.GetProperty("valid").GetBoolean());

        await page.GotoAsync("/cases");
        var row = page.Locator("table[aria-label=个案列表] tbody tr", new() { HasText = "陈晓" });
        await Assertions.Expect(row).ToContainTextAsync("正式党员");
        await Assertions.Expect(row).ToContainTextAsync("2026-07-01");
        await ShotAsync(page, "10-case-list");
        await page.Context.CloseAsync();
    }
}
