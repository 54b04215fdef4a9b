using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Jishi.Web.Tests.Cases;

/// <summary>The tamper-evident record (API.md "integrity") and deadline alerts (API.md "Alerts").</summary>
public sealed class CaseRecordTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    [Fact]
    public async Task Integrity_IsValidForTheRecord_AndDetectsARowAlteredInTheDatabase()
    {
        var s = await CaseScenario.CreateAsync(admin);
        await s.OpenAsync();
        var activist = await s.ToActivistAsync();
        var integrity = await s.IntegrityAsync();
        Assert.True(integrity.GetProperty("valid").GetBoolean());
        Assert.Equal(4, integrity.GetProperty("eventCount").GetInt32());
        Assert.Equal(activist.Str("headHash"), integrity.Str("headHash"));
        Assert.Equal(activist.LastEvent().Str("hash"), integrity.Str("headHash"));
        Assert.True(!integrity.TryGetProperty("firstInvalidSeq", out var none) || none.ValueKind == JsonValueKind.Null);

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(factory.DataDirectory, "jishi.db"),
            Pooling = false,
        };
        await using (var connection = new SqliteConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = connection.CreateCommand();
            update.CommandText = """
                UPDATE case_events SET "DataJson" = replace("DataJson", 'original talk record', 'altered talk record')
                WHERE "CaseId" = $id AND "Seq" = 2
                """;
            update.Parameters.AddWithValue("$id", s.CaseId);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var tampered = await s.IntegrityAsync();
        Assert.False(tampered.GetProperty("valid").GetBoolean());
        Assert.Equal(2, tampered.GetProperty("firstInvalidSeq").GetInt32());
        Assert.Equal(4, tampered.GetProperty("eventCount").GetInt32());
    }

    [Fact]
    public async Task Alerts_ListAnOverdueTalk_UntilItIsRecorded_WithinTheCallersScope()
    {
        var s = await CaseScenario.CreateAsync(admin);
        var otherBranch = await admin.PostAsync("/api/v1/orgs", new { name = "某某公司第二党支部", type = "Branch", parentId = s.Primary, hasCommittee = true });
        Assert.Equal(201, otherBranch.Status);
        await s.OpenAsync("2026-09-01");

        var overdue = await AlertAsync(admin, $"orgId={s.Branch}&asOf=2026-11-22&withinDays=14", s.CaseId);
        Assert.NotNull(overdue);
        Assert.Equal("2026-10-01", overdue.Value.Str("dueDate"));
        Assert.Equal("Overdue", overdue.Value.Str("state"));
        Assert.NotNull(await AlertAsync(admin, "asOf=2026-11-22&withinDays=14", s.CaseId));

        var dueSoon = await AlertAsync(admin, $"orgId={s.Branch}&asOf=2026-09-20&withinDays=14", s.CaseId);
        Assert.Equal("DueSoon", dueSoon?.Str("state"));
        Assert.Null(await AlertAsync(admin, $"orgId={s.Branch}&asOf=2026-09-10&withinDays=14", s.CaseId));

        var manager = await factory.UserAsync("Manager", s.Branch);
        Assert.Equal("Overdue", (await AlertAsync(manager, "asOf=2026-11-22&withinDays=14", s.CaseId))?.Str("state"));
        var stranger = await factory.UserAsync("Manager", otherBranch.Id);
        Assert.Null(await AlertAsync(stranger, "asOf=2026-11-22&withinDays=14", s.CaseId));
        Problem.Assert(await stranger.GetAsync($"/api/v1/alerts?orgId={s.Branch}&asOf=2026-11-22"), 404);
        Problem.Assert(await admin.GetAsync("/api/v1/alerts?orgId=00000000000000000000&asOf=2026-11-22"), 404);

        var talk = new
        {
            interviewerMemberIds = new[] { s.Members[2] },
            topics = new[]
            {
                "StudyAndWorkHistory", "UnderstandingOfParty", "Motivation", "LawAbiding", "Family", "IntroducedPartyKnowledge",
                "IntroducedMemberStandards",
            },
        };
        Problem.AssertRefused(await s.PostAsync("ApplicationTalkHeld", "2026-11-20", talk), "R-07-talk-within-1-month", "Warn");
        var talked = await s.StepAsync("ApplicationTalkHeld", "2026-11-20", new
        {
            talk.interviewerMemberIds,
            talk.topics,
            overrides = new[] { new { rule = "R-07-talk-within-1-month", reason = "申请人外出学习，返回后即谈话" } },
        });
        var deadline = talked.GetProperty("deadlines").EnumerateArray().Single(d => d.Str("rule") == "R-07-talk-within-1-month");
        Assert.False(deadline.GetProperty("satisfied").GetBoolean());
        Assert.Null(await AlertAsync(admin, $"orgId={s.Branch}&asOf=2026-11-22&withinDays=14", s.CaseId));
        Assert.Null(await AlertAsync(manager, "asOf=2026-11-22&withinDays=14", s.CaseId));
    }

    [Fact]
    public async Task Cases_OutsideTheCallersScope_Are404_AndAViewerWriting_Is403()
    {
        var s = await CaseScenario.CreateAsync(admin);
        var other = await admin.PostAsync("/api/v1/orgs", new { name = "某某公司第三党支部", type = "Branch", parentId = s.Primary, hasCommittee = true });
        await s.OpenAsync();
        var stranger = await factory.UserAsync("Manager", other.Id);
        Problem.Assert(await stranger.GetAsync($"/api/v1/cases/{s.CaseId}"), 404);
        Problem.Assert(await stranger.GetAsync($"/api/v1/cases/{s.CaseId}/integrity"), 404);
        Problem.Assert(await stranger.PostAsync($"/api/v1/cases/{s.CaseId}/events",
            new { type = "NominationRecorded", date = "2024-03-05", method = "Other" }), 404);
        var theirs = await stranger.GetOkAsync($"/api/v1/cases?orgId={other.Id}");
        Assert.Equal(0, theirs.GetProperty("total").GetInt32());

        var viewer = await factory.UserAsync("Viewer", s.Branch);
        Assert.Equal(s.CaseId, (await viewer.GetOkAsync($"/api/v1/cases/{s.CaseId}")).Str("id"));
        Problem.Assert(await viewer.PostAsync($"/api/v1/cases/{s.CaseId}/events",
            new { type = "NominationRecorded", date = "2024-03-05", method = "Other" }), 403);

        var manager = await factory.UserAsync("Manager", s.Primary);
        Assert.Equal(201, (await manager.PostAsync($"/api/v1/cases/{s.CaseId}/events",
            new { type = "NominationRecorded", date = "2024-03-05", method = "Other" })).Status);
        Assert.Equal(2, (await s.GetAsync()).Version());
    }

    private static async Task<JsonElement?> AlertAsync(ApiClient client, string query, string caseId)
    {
        var alerts = await client.GetOkAsync($"/api/v1/alerts?{query}");
        var items = alerts.GetProperty("items").EnumerateArray()
            .Where(a => a.Str("caseId") == caseId && a.Str("rule") == "R-07-talk-within-1-month").ToList();
        Assert.True(items.Count <= 1, alerts.GetRawText());
        return items.Count == 1 ? items[0] : null;
    }
}
