namespace Jishi.Web.Tests.OrgLife;

/// <summary>The contract of API.md "Organisational life, appraisal, disposal" over HTTP: a meeting and its sheet, the
/// matrix, an appraisal refused without its record then recorded, the lapse list, and training hours.</summary>
public sealed class OrgLifeEndpointsTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    [Fact]
    public async Task AMeeting_AnAppraisalOnItsRecord_TheLapseListAndTrainingHours_L01_L05_L07_M15()
    {
        var county = await admin.CreateOrgAsync("生活接口县委", "CountyCommittee");
        var branch = await admin.CreateOrgAsync("生活接口支部", "Branch", county);
        var other = await admin.CreateOrgAsync("生活接口另一支部", "Branch", county);
        var members = new List<string>();
        foreach (var name in new[] { "接口甲", "接口乙" })
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
            date = "2026-05-10",
            topics = new[] { "民主评议党员" },
            combines = new[] { "DemocraticAppraisal" },
            attendance = new object[] { new { memberId = members[0], status = "Present" }, new { memberId = members[1], status = "Absent" } },
        });
        Assert.Equal(201, meeting.Status);
        Assert.Equal((2, 1, 1), (meeting.Json.GetProperty("expected").GetInt32(), meeting.Json.GetProperty("present").GetInt32(), meeting.Json.GetProperty("absent").GetInt32()));
        var pdf = await manager.GetAsync($"/api/v1/meetings/{meeting.Id}?format=pdf");
        Assert.Equal(200, pdf.Status);
        Problem.AssertInvalid(await manager.GetAsync($"/api/v1/meetings/{meeting.Id}?format=doc"), "format");
        var matrix = await manager.GetOkAsync($"/api/v1/orgs/{branch}/org-life?year=2026");
        Assert.Contains(matrix.GetProperty("items").EnumerateArray(), i => i.GetProperty("type").GetString() == "DemocraticAppraisal"
            && i.GetProperty("period").GetString() == "2026" && i.GetProperty("met").GetBoolean());

        var grades = members.Select(m => new { memberId = m, grade = "Qualified" }).ToArray();
        Problem.AssertRefused(await manager.PostAsync("/api/v1/appraisals", new { orgId = branch, year = 2026, grades }), "L-05-appraisal");
        Problem.AssertInvalid(await manager.PostAsync("/api/v1/appraisals", new
        {
            orgId = branch,
            year = 2026,
            decidedAtMeetingId = meeting.Id,
            grades = new[] { new { memberId = members[0], grade = "Perfect" } }
        }), "grades[0].grade");
        var appraisal = await manager.PostAsync("/api/v1/appraisals", new { orgId = branch, year = 2026, decidedAtMeetingId = meeting.Id, grades });
        Assert.Equal(201, appraisal.Status);
        Assert.Equal(2, appraisal.Json.GetProperty("counts").GetProperty("Qualified").GetInt32());
        Problem.Assert(await manager.PostAsync("/api/v1/appraisals", new { orgId = branch, year = 2026, decidedAtMeetingId = meeting.Id, grades }), 409);
        Assert.Equal(0, (await outsider.GetOkAsync($"/api/v1/appraisals?orgId={other}")).GetProperty("items").GetArrayLength());

        // 接口乙 was absent at the only meeting, in May: May–October, six months without organisational life.
        var lapse = await manager.GetOkAsync($"/api/v1/members/lapse?orgId={branch}");
        var item = Assert.Single(lapse.GetProperty("items").EnumerateArray());
        Assert.Equal((members[1], "LapseCandidate", 6), (item.GetProperty("memberId").GetString(), item.GetProperty("level").GetString(),
            item.GetProperty("months").GetInt32()));
        Assert.Equal("OrgLife", item.GetProperty("grounds")[0].GetString());
        Assert.Equal(201, (await manager.PostAsync($"/api/v1/members/{members[1]}/lapse-exemptions",
            new { kind = "ElderlyOrInfirm", from = "2026-01", reason = "年老体弱，行动不便" })).Status);
        Assert.Equal(0, (await manager.GetOkAsync($"/api/v1/members/lapse?orgId={branch}")).GetProperty("items").GetArrayLength());
        Problem.AssertInvalid(await manager.PostAsync($"/api/v1/members/{members[1]}/lapse-exemptions", new { kind = "JustifiedReason", from = "2026", reason = "x" }), "from");
        Problem.Assert(await outsider.GetAsync($"/api/v1/members/lapse?orgId={branch}"), 404);

        Assert.Equal(201, (await manager.PostAsync($"/api/v1/members/{members[0]}/training", new { date = "2026-03-01", hours = 32, subject = "集中轮训" })).Status);
        var training = await manager.GetOkAsync($"/api/v1/training?orgId={branch}&year=2026");
        var lines = training.GetProperty("items").EnumerateArray().ToDictionary(l => l.GetProperty("memberId").GetString()!);
        Assert.False(lines[members[0]].GetProperty("short").GetBoolean());
        Assert.Equal("L-07-training-hours", lines[members[1]].GetProperty("warnings")[0].GetProperty("rule").GetString());
    }
}
