using System.Text.Json;

namespace Jishi.Web.Tests.Cases;

/// <summary>The PostgreSQL application for a test class: fails (never skips) when JISHI_TEST_POSTGRES is not set.</summary>
public sealed class PostgresJishiFactory : IDisposable
{
    public JishiFactory Factory { get; } = JishiFactory.OnPostgres();

    public void Dispose() => Factory.Dispose();
}

public sealed class CaseJourneyTests_Sqlite(JishiFactory factory) : CaseJourneyTests(factory), IClassFixture<JishiFactory>;

public sealed class CaseJourneyTests_Postgres(PostgresJishiFactory fixture) : CaseJourneyTests(fixture.Factory), IClassFixture<PostgresJishiFactory>
{
    [Fact]
    public void TheApplicationRunsOnPostgres() => Assert.True(Factory.UsesPostgres);
}

/// <summary>
/// Whole development cases through the HTTP API (API.md "Development cases"; RULES.md §2, §7), and concurrent writers
/// (If-Match, version, hash chain), run on SQLite and on PostgreSQL.
/// </summary>
public abstract class CaseJourneyTests(JishiFactory factory)
{
    protected JishiFactory Factory { get; } = factory;

    private readonly ApiClient admin = factory.Admin();

    [Fact]
    public async Task FullJourney_FromApplicationIn2024_ToFullMemberIn2026()
    {
        var s = await CaseScenario.CreateAsync(admin);
        var opened = await s.OpenAsync();
        Assert.Equal("Applicant", opened.Str("stage"));
        Assert.Equal("Open", opened.Str("status"));
        Assert.Equal("2024-03-01", opened.Date("applicationReceivedDate"));
        Assert.Equal("ApplicationReceived", opened.LastEvent().Str("type"));

        var activist = await s.ToActivistAsync();
        Assert.Equal("Activist", activist.Str("stage"));
        Assert.Equal("2024-04-01", activist.Date("activistDate"));
        var talkDeadline = activist.GetProperty("deadlines").EnumerateArray().Single(d => d.Str("rule") == "R-07-talk-within-1-month");
        Assert.Equal("2024-04-01", talkDeadline.Str("dueDate"));
        Assert.True(talkDeadline.GetProperty("satisfied").GetBoolean());

        var candidate = await s.ToCandidateAsync();
        Assert.Equal("Candidate", candidate.Str("stage"));
        Assert.Equal("2025-04-20", candidate.Date("candidateListedDate"));
        Assert.Equal("Rules2014", candidate.LastEvent().Str("rulesVersion"));

        await s.PrepareAssemblyAsync();
        var voted = await s.VoteAsync();
        var vote = voted.LastEvent();
        Assert.Equal("AdmissionVoteHeld", vote.Str("type"));
        Assert.Equal("Passed", vote.GetProperty("data").Str("result"));
        Assert.Equal(CaseScenario.RegistrySize - 1, vote.GetProperty("data").GetProperty("countedVotesFor").GetInt32());
        Assert.Equal("2025-07-01", voted.Date("assemblyDate"));
        Assert.Equal("2025-06-10", voted.Date("preReviewPassedDate"));
        Assert.Equal("Candidate", voted.Str("stage"));

        await s.SubmitAsync();
        var approved = await s.ApproveAsync();
        Assert.Equal("ProbationaryMember", approved.Str("stage"));
        Assert.Equal("2025-07-20", approved.Date("approvalDate"));
        Assert.Equal("2025-07-01", approved.Date("probationStartDate"));
        Assert.Equal("2026-07-01", approved.Date("expiryDate"));
        Assert.Null(approved.Date("partyAgeStartDate"));
        var probationary = await RegistryEntryAsync(s);
        Assert.Equal("ProbationaryMember", probationary.Str("status"));
        Assert.Equal("2025-07-01", probationary.Str("probationStartDate"));

        await s.ProbationAsync();
        await s.PrepareConfirmationAsync();
        var confirmationVote = await s.StepAsync("ConfirmationVoteHeld", "2026-07-01", s.ConfirmationVote("2026-07-01", "ConfirmOnTime"));
        Assert.Equal("Passed", confirmationVote.LastEvent().GetProperty("data").Str("result"));
        Assert.Equal("Rules2026", confirmationVote.LastEvent().Str("rulesVersion"));
        Assert.Equal("ProbationaryMember", confirmationVote.Str("stage"));

        // The committee approves more than three months after the resolution: R-33 is a WARN, passed with a reason.
        var late = await s.PostAsync("ConfirmationApproved", "2026-10-08", s.Committee("ConfirmOnTime"));
        var warn = Problem.AssertRefused(late, "R-33-confirmation-approval-3-months", "Warn");
        Assert.Single(late.Json.GetProperty("refusals").EnumerateArray());
        Assert.Contains("2026-10-01", warn.Str("message"));
        const string Reason = "党委换届，审批顺延";
        var overridden = await s.StepAsync("ConfirmationApproved", "2026-10-08", new
        {
            approvingOrgId = s.Primary,
            outcome = "ConfirmOnTime",
            committeeMemberCount = 7,
            presentCount = 6,
            votesFor = 6,
            overrides = new[] { new { rule = "R-33-confirmation-approval-3-months", reason = Reason } },
        });
        var confirmed = overridden.LastEvent();
        Assert.Equal("ConfirmationApproved", confirmed.Str("type"));
        var stored = Assert.Single(confirmed.GetProperty("overrides").EnumerateArray());
        Assert.Equal("R-33-confirmation-approval-3-months", stored.Str("rule"));
        Assert.Equal(Reason, stored.Str("reason"));
        Assert.Empty(confirmed.GetProperty("exceptions").EnumerateArray());

        Assert.Equal("FullMember", overridden.Str("stage"));
        Assert.Equal("Open", overridden.Str("status"));
        Assert.Equal("2026-07-01", overridden.Date("partyAgeStartDate"));
        Assert.Equal(overridden.Date("expiryDate"), overridden.Date("partyAgeStartDate"));
        var full = await RegistryEntryAsync(s);
        Assert.Equal("FullMember", full.Str("status"));
        Assert.Equal("2026-07-01", full.Str("partyAgeStartDate"));

        var announced = await s.StepAsync("DecisionAnnounced", "2026-10-09", new { decision = "Confirmation" });
        Assert.Equal(33, announced.Events().Length);
        Assert.Equal(Enumerable.Range(1, 33), announced.Events().Select(e => e.GetProperty("seq").GetInt32()));
        Assert.Equal(33, announced.Version());

        var integrity = await s.IntegrityAsync();
        Assert.True(integrity.GetProperty("valid").GetBoolean());
        Assert.Equal(33, integrity.GetProperty("eventCount").GetInt32());
        Assert.Equal(announced.Str("headHash"), integrity.Str("headHash"));
    }

    [Fact]
    public async Task SixMonthExtension_ThenConfirm_PartyAgeFromTheExtendedExpiry_AndASecondExtensionIsRefused()
    {
        // Everything four months earlier: assembly 2025-03-01, expiry 2026-03-01, extended expiry 2026-09-01.
        var s = await CaseScenario.CreateAsync(admin, shiftMonths: -4);
        await s.OpenAsync();
        await s.ToActivistAsync();
        await s.ToCandidateAsync();
        await s.PrepareAssemblyAsync();
        await s.VoteAsync();
        await s.SubmitAsync();
        var approved = await s.ApproveAsync();
        Assert.Equal("2025-03-01", approved.Date("probationStartDate"));
        Assert.Equal("2026-03-01", approved.Date("expiryDate"));
        await s.ProbationAsync();
        await s.PrepareConfirmationAsync();

        await s.StepAsync("ConfirmationVoteHeld", "2026-03-02", s.ConfirmationVote("2026-03-02", "ExtendProbation", 6));
        var extended = await s.StepAsync("ConfirmationApproved", "2026-03-10", s.Committee("ExtendProbation", 6));
        Assert.Equal("ProbationaryMember", extended.Str("stage"));
        Assert.Equal("Open", extended.Str("status"));
        Assert.Equal("2026-09-01", extended.Date("extendedExpiryDate"));
        Assert.Equal(CaseScenario.Plus(extended.Date("expiryDate")!, months: 6), extended.Date("extendedExpiryDate"));
        Assert.Null(extended.Date("partyAgeStartDate"));
        Assert.Equal("ProbationaryMember", (await RegistryEntryAsync(s)).Str("status"));

        await s.StepAsync("ProbationAssessed", "2026-06-10", new { summary = "延长预备期内表现良好" });
        await s.StepAsync("BranchReviewPassed", "2026-08-25", new { decidedBy = "BranchCommitteeMeeting" });

        // Before the extended expiry the discussion is refused (R-31-timely-discussion).
        var early = await s.PostAsync("ConfirmationVoteHeld", "2026-08-31", s.ConfirmationVote("2026-08-31", "Confirm"));
        Assert.Contains("R-31-timely-discussion", Problem.Assert(early, 422).GetProperty("refusals").EnumerateArray().Select(r => r.Str("rule")));

        // A second extension is refused at the vote …
        var again = await s.PostAsync("ConfirmationVoteHeld", "2026-09-01", s.ConfirmationVote("2026-09-01", "ExtendProbation", 6));
        Problem.AssertRefused(again, "R-31-extension");
        Assert.Equal(["R-31-extension"], again.RefusalRules());

        // … and after the extension "ConfirmOnTime" is no longer an outcome.
        var onTime = await s.PostAsync("ConfirmationVoteHeld", "2026-09-01", s.ConfirmationVote("2026-09-01", "ConfirmOnTime"));
        Problem.AssertRefused(onTime, "R-31-outcomes");

        await s.StepAsync("ConfirmationVoteHeld", "2026-09-01", s.ConfirmationVote("2026-09-01", "Confirm"));
        var secondExtension = await s.PostAsync("ConfirmationApproved", "2026-09-10", s.Committee("ExtendProbation", 6));
        Assert.Contains("R-31-extension", Problem.Assert(secondExtension, 422).GetProperty("refusals").EnumerateArray().Select(r => r.Str("rule")));

        var confirmed = await s.StepAsync("ConfirmationApproved", "2026-09-10", s.Committee("Confirm"));
        Assert.Equal("FullMember", confirmed.Str("stage"));
        Assert.Equal("2026-09-01", confirmed.Date("partyAgeStartDate"));
        Assert.Equal(confirmed.Date("extendedExpiryDate"), confirmed.Date("partyAgeStartDate"));
        var full = await RegistryEntryAsync(s);
        Assert.Equal("FullMember", full.Str("status"));
        Assert.Equal("2026-09-01", full.Str("partyAgeStartDate"));
    }

    [Fact]
    public async Task TwoWritersWithTheSameIfMatch_OneWins_TheOtherGets409_AndNothingIsLostOrDuplicated()
    {
        var s = await CaseScenario.CreateAsync(admin);
        await s.OpenAsync();
        var (before, etag) = await s.GetWithETagAsync();
        Assert.Equal($"\"{before.Version()}\"", etag);

        var replies = await Task.WhenAll(
            s.PostAsync("NominationRecorded", "2024-03-05", new { method = "MemberRecommendation", note = "A" }, etag),
            s.PostAsync("NominationRecorded", "2024-03-05", new { method = "MassOrgRecommendation", note = "B" }, etag));
        Assert.Equal([201, 409], replies.Select(r => r.Status).Order());
        var winner = replies.Single(r => r.Status == 201);
        Problem.Assert(replies.Single(r => r.Status == 409), 409);
        Assert.Equal($"\"{before.Version() + 1}\"", winner.Response.Headers.ETag?.ToString());

        var stale = await s.PostAsync("NominationRecorded", "2024-03-06", new { method = "Other", note = "C" }, etag);
        Problem.Assert(stale, 409);

        var (current, fresh) = await s.GetWithETagAsync();
        Assert.Equal(winner.Json.Fingerprint(), current.Fingerprint());
        var accepted = await s.PostAsync("NominationRecorded", "2024-03-06", new { method = "Other", note = "D" }, fresh);
        Assert.Equal(201, accepted.Status);

        // Without If-Match: concurrent writers are serialised or refused with 409, never 500.
        var unguarded = await Task.WhenAll(
            s.PostAsync("NominationRecorded", "2024-03-07", new { method = "Other", note = "E" }),
            s.PostAsync("NominationRecorded", "2024-03-07", new { method = "Other", note = "F" }));
        Assert.All(unguarded, r => Assert.True(r.Status is 201 or 409, r.ToString()));
        Assert.Contains(unguarded, r => r.Status == 201);

        var expectedNotes = new[] { winner.Json.LastEvent().GetProperty("data").Str("note"), "D" }
            .Concat(unguarded.Where(r => r.Status == 201).Select(r => r.Json.LastEvent().GetProperty("data").Str("note")))
            .ToList();
        var final = await s.GetAsync();
        var events = final.Events();
        Assert.Equal(1 + expectedNotes.Count, events.Length);
        Assert.Equal(Enumerable.Range(1, events.Length), events.Select(e => e.GetProperty("seq").GetInt32()));
        Assert.Equal(expectedNotes.Order(), events.Skip(1).Select(e => e.GetProperty("data").Str("note")).Order());
        Assert.Equal(events.Length, final.Version());

        var integrity = await s.IntegrityAsync();
        Assert.True(integrity.GetProperty("valid").GetBoolean(), integrity.GetRawText());
        Assert.Equal(events.Length, integrity.GetProperty("eventCount").GetInt32());
        Assert.Equal(final.Str("headHash"), integrity.Str("headHash"));
    }

    /// <summary>The person's entry in <c>GET /members?orgId=</c> of the branch.</summary>
    private async Task<JsonElement> RegistryEntryAsync(CaseScenario s)
    {
        var list = await admin.GetOkAsync($"/api/v1/members?orgId={s.Branch}&pageSize=100");
        return list.GetProperty("items").EnumerateArray().Single(m => m.Str("personId") == s.PersonId);
    }
}
