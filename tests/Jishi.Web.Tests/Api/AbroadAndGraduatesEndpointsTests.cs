namespace Jishi.Web.Tests.Api;

/// <summary>Over HTTP (today 2026-11-22): PUT /members/{id}/graduation (T-12-graduates) and the abroad kind of a mobile
/// member's record with its review prompt and step (T-13-abroad).</summary>
public sealed class AbroadAndGraduatesEndpointsTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    private async Task<(string Branch, string Member)> MemberAsync(string name)
    {
        var branch = await admin.CreateOrgAsync("某大学物理系党支部", "Branch");
        var person = await admin.CreatePersonAsync(name, IdNumbers.Unique(), branch);
        return (branch, await admin.CreateMemberAsync(person, branch));
    }

    [Fact]
    public async Task Graduation_Answers200TheMember_400BadDate_404Unknown_422Future_AndTheAlertsShowTheObligation_T12()
    {
        var (branch, member) = await MemberAsync("毕业生甲");
        var reply = await admin.PutAsync($"/api/v1/members/{member}/graduation", new { graduationDate = "2024-07-01", placed = false });
        Assert.Equal(200, reply.Status);
        var graduation = reply.Json.GetProperty("graduation");
        Assert.Equal("2024-07-01", graduation.GetProperty("graduationDate").GetString());
        Assert.Equal("2026-07-01", graduation.GetProperty("keptUntil").GetString()); // T-12-graduates: graduation + 24 months
        Assert.True(graduation.GetProperty("overdue").GetBoolean());
        Assert.Contains(reply.Json.GetProperty("flags").EnumerateArray(), f => f.GetString() == "GraduateRelationOverdue");

        var alerts = await admin.GetOkAsync($"/api/v1/alerts?orgId={branch}&asOf=2026-07-02&withinDays=0");
        var alert = Assert.Single(alerts.GetProperty("items").EnumerateArray(), a => a.GetProperty("rule").GetString() == "T-12-graduates");
        Assert.Equal(("2026-07-01", "Overdue"), (alert.GetProperty("dueDate").GetString(), alert.GetProperty("state").GetString()));

        Problem.AssertInvalid(await admin.PutAsync($"/api/v1/members/{member}/graduation", new { graduationDate = "2024-13-01" }), "graduationDate");
        Problem.AssertInvalid(await admin.PutAsync($"/api/v1/members/{member}/graduation", new { placed = true }), "graduationDate");
        Problem.AssertRefused(await admin.PutAsync($"/api/v1/members/{member}/graduation", new { graduationDate = "2026-11-23" }), "G-05-dates");
        Problem.Assert(await admin.PutAsync("/api/v1/members/m-unknown/graduation", new { graduationDate = "2024-07-01" }), 404);
    }

    [Fact]
    public async Task StudyAbroadMoreThan5Years_ShowsTheReviewPrompt_AndAbroadReviewedClearsIt_T13()
    {
        var (_, member) = await MemberAsync("留学生乙");
        Problem.AssertInvalid(await admin.PostAsync("/api/v1/mobility",
            new { memberId = member, leftDate = "2021-01-15", destination = "英国伦敦", reason = "出国留学", abroadKind = "Moon" }), "abroadKind");
        var created = await admin.PostAsync("/api/v1/mobility",
            new { memberId = member, leftDate = "2021-01-15", destination = "英国伦敦", reason = "出国留学", category = "Overseas", abroadKind = "Study" });
        Assert.Equal(201, created.Status);
        Assert.Equal("Study", created.Json.GetProperty("abroadKind").GetString());
        var prompt = Assert.Single(created.Json.GetProperty("prompts").EnumerateArray());
        Assert.Equal(("T-13-abroad", "Warn"), (prompt.GetProperty("rule").GetString(), prompt.GetProperty("severity").GetString()));
        Assert.Contains("一般予以停止党籍", prompt.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains((await admin.GetOkAsync($"/api/v1/members/{member}")).GetProperty("flags").EnumerateArray(), f => f.GetString() == "Abroad");

        Problem.AssertInvalid(await admin.PostAsync($"/api/v1/mobility/{created.Id}/events", new { type = "AbroadReviewed", date = "2026-11-20" }), "conclusion");
        var reviewed = await admin.PostAsync($"/api/v1/mobility/{created.Id}/events",
            new { type = "AbroadReviewed", date = "2026-11-20", conclusion = "支部委员会审查：拟停止党籍，报党委决定" });
        Assert.Equal(201, reviewed.Status);
        Assert.Empty(reviewed.Json.GetProperty("prompts").EnumerateArray());
        Assert.Equal("2026-11-20", reviewed.Json.GetProperty("abroadReviewedDate").GetString());
    }
}
