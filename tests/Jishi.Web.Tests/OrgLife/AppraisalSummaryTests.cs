using Jishi.Web.Tests.Documents;

namespace Jishi.Web.Tests.OrgLife;

/// <summary>GET /api/v1/appraisals/{id} (an addition to API.md's appraisals): the appraisal as JSON, and with
/// <c>format=pdf</c> the printable 民主评议党员结果汇总表 — organisation, year, the deciding meeting and its date, each
/// member with the grade, the plain count at each grade and the signature lines, read back with pdftotext. Never a
/// share of any grade (M-15-no-quota).</summary>
public sealed class AppraisalSummaryTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    [Fact]
    public async Task AnAppraisal_ReadsBackById_AndPrintsItsSummaryWithTheChineseText_L05()
    {
        var county = await admin.CreateOrgAsync("汇总县委", "CountyCommittee");
        var branch = await admin.CreateOrgAsync("汇总社区党支部", "Branch", county);
        var other = await admin.CreateOrgAsync("汇总另一党支部", "Branch", county);
        var members = new List<string>();
        foreach (var name in new[] { "汇总甲", "汇总乙", "汇总丙" })
        {
            var person = await admin.CreatePersonAsync(name, IdNumbers.Unique(), branch);
            members.Add((await admin.PostAsync("/api/v1/members",
                new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id);
        }

        var manager = await factory.UserAsync("Manager", branch);
        var outsider = await factory.UserAsync("Manager", other);
        var meeting = await manager.PostAsync("/api/v1/meetings", new
        {
            orgId = branch,
            type = "BranchAssembly",
            date = "2026-06-12",
            topics = new[] { "民主评议党员" },
            combines = new[] { "DemocraticAppraisal" },
            attendance = members.Select(m => new { memberId = m, status = "Present" }).ToArray(),
        });
        Assert.Equal(201, meeting.Status);
        var appraisal = await manager.PostAsync("/api/v1/appraisals", new
        {
            orgId = branch,
            year = 2026,
            decidedAtMeetingId = meeting.Id,
            grades = new object[]
            {
                new { memberId = members[0], grade = "Excellent" }, new { memberId = members[1], grade = "Qualified" },
                new { memberId = members[2], grade = "BasicallyQualified" },
            },
        });
        Assert.Equal(201, appraisal.Status);
        Assert.Equal($"/api/v1/appraisals/{appraisal.Id}", appraisal.Response.Headers.Location?.OriginalString);

        var json = await manager.GetOkAsync($"/api/v1/appraisals/{appraisal.Id}");
        Assert.Equal((branch, 2026, meeting.Id, "2026-06-12"), (json.GetProperty("orgId").GetString(), json.GetProperty("year").GetInt32(),
            json.GetProperty("decidedAtMeetingId").GetString(), json.GetProperty("decidedOn").GetString()));
        Assert.Equal(3, json.GetProperty("grades").GetArrayLength());
        Assert.Equal(1, json.GetProperty("counts").GetProperty("Excellent").GetInt32());
        Problem.AssertInvalid(await manager.GetAsync($"/api/v1/appraisals/{appraisal.Id}?format=doc"), "format");
        Problem.Assert(await outsider.GetAsync($"/api/v1/appraisals/{appraisal.Id}"), 404);
        Problem.Assert(await manager.GetAsync("/api/v1/appraisals/nope"), 404);

        var pdf = await Pdf.GetAsync(manager, $"/api/v1/appraisals/{appraisal.Id}?format=pdf");
        var text = Pdf.Text(pdf);
        Pdf.AssertPrintReady(pdf, text);
        var c = Pdf.Compact(text);
        foreach (var expected in new[]
                 {
                     "民主评议党员结果汇总表", "汇总社区党支部", "2026年度", "支部党员大会、民主评议党员", "2026年6月12日",
                     "汇总甲优秀", "汇总乙合格", "汇总丙基本合格", "优秀1人，合格1人，基本合格1人，不合格0人", "党组织书记（签字）", "党组织（盖章）",
                 })
        {
            Assert.Contains(expected, c);
        }

        Assert.DoesNotContain("%", c);
    }
}
