using System.Text.Json;
using Jishi.Web.Tests.Cases;

namespace Jishi.Web.Tests.Documents;

/// <summary>
/// The printable forms and the 全程纪实 report (API.md "Documents and the electronic archive"), printed by Chromium
/// and read back with poppler: A4, fonts embedded, the Chinese text extracted exactly (pdftotext), every page rendered
/// to PNG under artifacts/forms. A form the case has not reached is refused with the rule that needs it.
/// </summary>
public sealed class FormPdfTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    private static object Applicant() => new
    {
        name = "欧阳户明",
        idNumber = IdNumbers.Unique(),
        unitName = "户县户外用品厂",
        unitHasPartyOrg = false,
        ethnicity = "汉族",
    };

    private static async Task AssertNotReachedAsync(CaseScenario s, string form, string rule, string article)
    {
        var reply = await s.Api.GetAsync($"/api/v1/cases/{s.CaseId}/forms/{form}.pdf");
        var refusal = Problem.AssertRefused(reply, rule);
        Assert.Equal(article, refusal.Str("article"));
    }

    [Fact]
    public async Task EveryForm_OfACaseFromApplicationToFullMembership_PrintsAsA4_WithTheChineseTextExtractableExactly()
    {
        var s = await CaseScenario.CreateAsync(admin, person: Applicant());
        await s.OpenAsync();
        var url = $"/api/v1/cases/{s.CaseId}";

        // Before their steps, every form is refused with the rule whose step is missing (422), and nothing else.
        await AssertNotReachedAsync(s, "ActivistRecordForm", "R-11-half-yearly-assessment", "第十一条");
        await AssertNotReachedAsync(s, "PublicNotice", "R-13-candidate-public-notice", "第十三条");
        await AssertNotReachedAsync(s, "BranchResolution", "R-21-resolution-content", "第二十一条");
        await AssertNotReachedAsync(s, "ProbationRecordForm", "R-30-probation-education", "第三十条");
        Assert.Equal(404, (await admin.GetAsync($"{url}/forms/AdmissionForm.pdf")).Status);

        await s.ToActivistAsync();
        await s.ActivistPhaseAsync();
        await s.ProposeAsync();

        // The notice to post, before it is recorded: five working days from the given start (G-03), 2025-04-16 (Wed)
        // → 2025-04-22 (Tue) over a weekend; a start before the committee's consent (2025-04-15) is refused.
        Problem.AssertRefused(await admin.GetAsync($"{url}/forms/PublicNotice.pdf?startDate=2025-04-14"), "R-13-candidate-public-notice");
        Problem.AssertInvalid(await admin.GetAsync($"{url}/forms/PublicNotice.pdf?startDate=2025-4-16"), "startDate");
        var notice = await Pdf.GetAsync(admin, $"{url}/forms/PublicNotice.pdf?startDate=2025-04-16&contact=" + Uri.EscapeDataString("组织委员王丙，电话 0571-12345678"));
        var noticeText = Pdf.Text(notice);
        Pdf.AssertPrintReady(notice, noticeText);
        var n = Pdf.Compact(noticeText);
        Assert.Contains("关于拟将欧阳户明同志列为发展对象的公示", n);
        Assert.Contains("公示期为2025年4月16日至2025年4月22日（5个工作日）", n);
        Assert.Contains("户县户外用品厂", n);
        Assert.Contains("2024年3月1日递交入党申请书，2024年4月1日被确定为入党积极分子", n);
        Assert.Contains("并报某某公司党委同意（2025年4月15日）", n);
        Assert.Contains("组织委员王丙，电话0571-12345678", n);
        Assert.Single(Pdf.RenderPages(notice, "PublicNotice"));

        await s.StepAsync("CandidateListed", s.D("2025-04-20"));
        await s.PrepareAssemblyAsync();
        await s.VoteAsync();
        await s.SubmitAsync();
        await s.ApproveAsync();
        await s.ProbationAsync();
        await s.PrepareConfirmationAsync();
        var confirmationVote = await s.StepAsync("ConfirmationVoteHeld", "2026-07-01", s.ConfirmationVote("2026-07-01", "ConfirmOnTime"));
        var confirmationSeq = confirmationVote.LastEvent().GetProperty("seq").GetInt32();
        await s.StepAsync("ConfirmationApproved", "2026-10-08", new
        {
            approvingOrgId = s.Primary,
            outcome = "ConfirmOnTime",
            committeeMemberCount = 7,
            presentCount = 6,
            votesFor = 6,
            overrides = new[] { new { rule = "R-33-confirmation-approval-3-months", reason = "党委换届，审批顺延" } },
        });
        var full = await s.StepAsync("DecisionAnnounced", "2026-10-09", new { decision = "Confirmation" });
        Assert.Equal("FullMember", full.Str("stage"));

        var activist = await Pdf.GetAsync(admin, $"{url}/forms/ActivistRecordForm.pdf");
        var activistText = Pdf.Text(activist);
        Pdf.AssertPrintReady(activist, activistText);
        var a = Pdf.Compact(activistText);
        Assert.Contains("入党积极分子培养考察登记表", a);
        Assert.Contains("欧阳户明", a);
        Assert.Contains("户县户外用品厂", a);
        Assert.Contains("2024年3月15日，谈话人：王丙", a);
        Assert.Contains("2024年4月1日，经支部委员会会议研究确定", a);
        Assert.Contains("张甲、李乙（2024年4月10日指定）", a);
        Assert.Contains("2024年10月1日表现良好", a);
        Assert.Contains("2025年4月1日表现良好，进步明显", a);
        Assert.Contains("培养联系人、党员、群众", a);
        Assert.Contains("2025年4月20日", a);
        Assert.NotEmpty(Pdf.RenderPages(activist, "ActivistRecordForm"));

        var resolution = await Pdf.GetAsync(admin, $"{url}/forms/BranchResolution.pdf");
        var resolutionText = Pdf.Text(resolution);
        Pdf.AssertPrintReady(resolution, resolutionText);
        var r = Pdf.Compact(resolutionText);
        // Every item of R-21: performance, N and A, the votes, the date, the secretary's signature.
        Assert.Contains("关于接收欧阳户明同志为中共预备党员的决议", r);
        Assert.Contains("同意接收周申请为中共预备党员", r);
        Assert.Contains("应到会有表决权的党员6人", r);
        Assert.Contains("实到会有表决权的党员5人", r);
        Assert.Contains("赞成5票", r);
        Assert.Contains("反对0票", r);
        Assert.Contains("弃权0票", r);
        Assert.Contains("无记名投票", r);
        Assert.Contains("通过决议的日期：2025年7月1日", r);
        Assert.Contains("党支部书记（签名）：王丙", r);
        Assert.NotEmpty(Pdf.RenderPages(resolution, "BranchResolution"));

        var confirmation = Pdf.Compact(Pdf.Text(await Pdf.GetAsync(admin, $"{url}/forms/BranchResolution.pdf?seq={confirmationSeq}")));
        Assert.Contains("关于欧阳户明同志转为正式党员的决议", confirmation);
        Assert.Contains("该同志预备期间表现良好，同意按期转为中共正式党员", confirmation);
        Assert.Contains("通过决议的日期：2026年7月1日", confirmation);
        Problem.AssertInvalid(await admin.GetAsync($"{url}/forms/BranchResolution.pdf?seq=1"), "seq");

        var probation = await Pdf.GetAsync(admin, $"{url}/forms/ProbationRecordForm.pdf");
        var probationText = Pdf.Text(probation);
        Pdf.AssertPrintReady(probation, probationText);
        var p = Pdf.Compact(probationText);
        Assert.Contains("预备党员教育考察登记表", p);
        Assert.Contains("2025年7月1日至2026年7月1日", p);
        Assert.Contains("2025年7月20日，某某公司党委", p);
        Assert.Contains("2025年8月1日", p); // oath
        Assert.Contains("2026年1月10日预备期表现良好", p);
        Assert.Contains("2026年6月20日", p); // request
        Assert.Contains("按期转为正式党员", p);
        Assert.Contains("党龄起算2026年7月1日", p);
        Assert.NotEmpty(Pdf.RenderPages(probation, "ProbationRecordForm"));

        // The 全程纪实 report: every event, the override with its reason, the chain head and its verification code.
        var integrity = await s.IntegrityAsync();
        var head = integrity.Str("headHash");
        var record = await Pdf.GetAsync(admin, $"{url}/record.pdf");
        var recordText = Pdf.Text(record);
        Pdf.AssertPrintReady(record, recordText);
        var t = Pdf.Compact(recordText);
        Assert.Contains("发展党员全程纪实", t);
        Assert.Contains(head, t);
        var code = string.Join('-', Enumerable.Range(0, 4).Select(i => head.Substring(i * 4, 4).ToUpperInvariant()));
        Assert.Contains("核验码" + code, t);
        Assert.Contains("R-33-confirmation-approval-3-months：党委换届，审批顺延", t);
        Assert.Contains("通过：33条记录的哈希链完整", t);
        foreach (var e in full.Events())
        {
            Assert.Contains(e.Str("hash")[..16], t);
        }

        Assert.Contains("收到入党申请书", t);
        Assert.Contains("党委审批转正", t);
        Assert.NotEmpty(Pdf.RenderPages(record, "record"));
    }

    [Fact]
    public async Task RecordedNotices_OfAMobilePerson_PrintOnePagePerPlace_WithTheirWorkingDays()
    {
        // Thirteen months later than the base timeline (2026 rules): consent 2026-05-15, notices 2026-05-18 → 05-22.
        var s = await CaseScenario.CreateAsync(admin, shiftMonths: 13, person: new
        {
            name = "郑流动",
            idNumber = IdNumbers.Unique(),
            isMobile = true,
            outflowPlace = "四川省某县",
            inflowPlace = "江苏省南京市某区",
        });
        await s.OpenAsync();
        await s.ToActivistAsync();
        await s.ActivistPhaseAsync();
        await s.ProposeAsync();
        await s.StepAsync("PublicNoticeEnded", "2026-05-22", new { startDate = "2026-05-18", place = "OutflowPlace", outcome = "NoImpact" });
        await s.StepAsync("PublicNoticeEnded", "2026-05-22", new { startDate = "2026-05-18", place = "InflowPlace", outcome = "NoImpact" });

        var pdf = await Pdf.GetAsync(admin, $"/api/v1/cases/{s.CaseId}/forms/PublicNotice.pdf");
        var text = Pdf.Text(pdf);
        Pdf.AssertPrintReady(pdf, text);
        Assert.Contains("Pages:           2", Pdf.Info(pdf));
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Select(Pdf.Compact).Where(x => x.Length > 0).ToList();
        Assert.Equal(2, pages.Count);
        Assert.Contains("公示期为2026年5月18日至2026年5月22日（5个工作日），在流出地公示", pages[0]);
        Assert.Contains("公示期为2026年5月18日至2026年5月22日（5个工作日），在流入地公示", pages[1]);
        Assert.Equal(2, Pdf.RenderPages(pdf, "PublicNotice-mobile").Count);
    }

    [Fact]
    public async Task AViewerOutsideTheCasesScope_GetsNotFound_AndAnUnknownFormIsNotFound()
    {
        var s = await CaseScenario.CreateAsync(admin);
        await s.OpenAsync();
        var record = await Pdf.GetAsync(admin, $"/api/v1/cases/{s.CaseId}/record.pdf");
        Assert.Contains("收到入党申请书", Pdf.Compact(Pdf.Text(record)));

        var other = await factory.UserAsync("Viewer", await admin.CreateOrgAsync("另一县委", "CountyCommittee"));
        Assert.Equal(404, (await other.GetAsync($"/api/v1/cases/{s.CaseId}/record.pdf")).Status);
        Assert.Equal(404, (await other.GetAsync($"/api/v1/cases/{s.CaseId}/forms/ActivistRecordForm.pdf")).Status);
        Assert.Equal(404, (await other.GetAsync($"/api/v1/cases/{s.CaseId}/archive.zip")).Status);
        var unknown = await admin.GetAsync($"/api/v1/cases/{s.CaseId}/forms/Nonsense.pdf");
        Assert.Equal(404, unknown.Status);
        Assert.Contains("ActivistRecordForm", unknown.Body);
    }
}
