using System.Text.Json;

namespace Jishi.Web.Tests.Cases;

/// <summary>Steps the rules refuse or decide (RULES.md §2, G-05, G-09, G-10, §7) and request validation (API.md "Errors").</summary>
public sealed class CaseRuleTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    [Fact]
    public async Task MobilePerson_Under2026Rules_IsListedOnlyAfterNoticesAtBothOutflowAndInflowPlaces()
    {
        // Thirteen months later than the base timeline: activist 2025-05-01, proposal 2026-05-10, consent 2026-05-15 (2026 rules).
        var s = await CaseScenario.CreateAsync(admin, shiftMonths: 13, person: new
        {
            name = "郑流动",
            idNumber = IdNumbers.Unique(),
            isMobile = true,
            hukouLocation = "四川省某县",
            residence = "江苏省南京市某区",
            outflowPlace = "四川省某县",
            inflowPlace = "江苏省南京市某区",
        });
        await s.OpenAsync();
        await s.ToActivistAsync();
        await s.ActivistPhaseAsync();
        await s.ProposeAsync();
        var consented = await s.GetAsync();
        Assert.Equal("2026-05-15", consented.LastEvent().Str("date"));
        Assert.Equal("Rules2026", consented.LastEvent().Str("rulesVersion"));

        var noNotice = await s.PostAsync("CandidateListed", "2026-05-16");
        Problem.AssertRefused(noNotice, "R-13-mobile-dual-notice");

        await s.StepAsync("PublicNoticeEnded", "2026-05-22", new { startDate = "2026-05-18", place = "OutflowPlace", outcome = "NoImpact" });
        var before = await s.GetAsync();
        var oneNotice = await s.PostAsync("CandidateListed", "2026-05-25");
        Problem.AssertRefused(oneNotice, "R-13-mobile-dual-notice");
        Assert.Contains("流入地", oneNotice.Json.GetProperty("refusals")[0].Str("message"));
        Assert.Equal(before.Fingerprint(), (await s.GetAsync()).Fingerprint());

        await s.StepAsync("PublicNoticeEnded", "2026-05-22", new { startDate = "2026-05-18", place = "InflowPlace", outcome = "NoImpact" });
        var listed = await s.StepAsync("CandidateListed", "2026-05-25");
        Assert.Equal("Candidate", listed.Str("stage"));
        Assert.Equal("2026-05-25", listed.Date("candidateListedDate"));
    }

    [Fact]
    public async Task NonMobilePerson_Under2026Rules_NeedsANoticeOfFiveWorkingDaysAtUnitOrResidence()
    {
        var s = await CaseScenario.CreateAsync(admin, shiftMonths: 13);
        await s.OpenAsync();
        await s.ToActivistAsync();
        await s.ActivistPhaseAsync();
        await s.ProposeAsync();

        Problem.AssertRefused(await s.PostAsync("CandidateListed", "2026-05-16"), "R-13-candidate-public-notice");
        var tooShort = await s.PostAsync("PublicNoticeEnded", "2026-05-21", new { startDate = "2026-05-18", place = "Residence", outcome = "NoImpact" });
        Problem.AssertRefused(tooShort, "R-13-candidate-public-notice");
        var beforeConsent = await s.PostAsync("PublicNoticeEnded", "2026-05-22", new { startDate = "2026-05-14", place = "Residence", outcome = "NoImpact" });
        Problem.AssertRefused(beforeConsent, "R-13-candidate-upper-consent");

        await s.StepAsync("PublicNoticeEnded", "2026-05-22", new { startDate = "2026-05-18", place = "Residence", outcome = "NoImpact" });
        Problem.AssertRefused(await s.PostAsync("CandidateListed", "2026-05-22"), "R-13-candidate-listing");
        var listed = await s.StepAsync("CandidateListed", "2026-05-25");
        Assert.Equal("Candidate", listed.Str("stage"));
    }

    [Fact]
    public async Task AdmissionVote_QuorumFailureIsRefusedAndNotStored_TooFewVotesForIsStoredAsNotPassed()
    {
        var s = await CaseScenario.CreateAsync(admin);
        await s.OpenAsync();
        await s.ToActivistAsync();
        await s.ToCandidateAsync();
        await s.PrepareAssemblyAsync();
        var before = await s.GetAsync();

        // N = 6, A = 3: 2A = 6 is not more than N.
        var noQuorum = await s.PostAsync("AdmissionVoteHeld", "2025-07-01", s.AdmissionVote("2025-07-01", 6, 3, 3));
        Problem.AssertRefused(noQuorum, "R-19-quorum");
        Assert.Equal(["R-19-quorum"], noQuorum.RefusalRules());
        var after = await s.GetAsync();
        Assert.Equal(before.Fingerprint(), after.Fingerprint());
        Assert.Equal(before.Events().Length, after.Events().Length);
        Assert.Equal(before.Version(), after.Version());

        // N given that differs from the registry (G-08).
        Problem.AssertRefused(await s.PostAsync("AdmissionVoteHeld", "2025-07-01", s.AdmissionVote("2025-07-01", 7, 5, 5)), "G-08-voting-rights");

        // N = 6, A = 5, Y = 3: 2Y = 6 is not more than N.
        var notPassed = await s.StepAsync("AdmissionVoteHeld", "2025-07-01", s.AdmissionVote("2025-07-01", 6, 5, 3));
        var vote = notPassed.LastEvent();
        Assert.Equal("AdmissionVoteHeld", vote.Str("type"));
        Assert.Equal("NotPassed", vote.GetProperty("data").Str("result"));
        Assert.Equal(3, vote.GetProperty("data").GetProperty("countedVotesFor").GetInt32());
        Assert.Equal("Candidate", notPassed.Str("stage"));
        Assert.Equal("Open", notPassed.Str("status"));
        Assert.Null(notPassed.Date("assemblyDate"));
        Assert.Equal(before.Version() + 1, notPassed.Version());

        Problem.AssertRefused(await s.PostAsync("AdmissionSubmitted", "2025-07-05", new
        {
            submittedToOrgId = s.Primary,
            materials = new[] { "AdmissionForm", "ApplicationLetter", "ActivistRecordForm", "PoliticalReviewFile" },
        }), "R-20-pass-threshold");

        // Y = 4 of N = 6 passes (2Y = 8 > 6).
        var passed = await s.StepAsync("AdmissionVoteHeld", "2025-07-02", s.AdmissionVote("2025-07-02", 6, 5, 4));
        Assert.Equal("Passed", passed.LastEvent().GetProperty("data").Str("result"));
        Assert.Equal("2025-07-02", passed.Date("assemblyDate"));
    }

    [Fact]
    public async Task AdmissionVote_ValidWrittenOpinionsOfAbsentVotersCount_LateOnesDoNot()
    {
        var s = await CaseScenario.CreateAsync(admin);
        await s.OpenAsync();
        await s.ToActivistAsync();
        await s.ToCandidateAsync();
        await s.PrepareAssemblyAsync();

        // N = 6, A = 4, in person 2 for and 2 against; two absent voters wrote "For" (G-10, G-11).
        object Vote(string submittedAt) => new
        {
            voteMethod = "SecretBallot",
            meetingStartAt = "2025-07-01T09:00:00+08:00",
            eligibleVoterCount = 6,
            presentVoterCount = 4,
            votesFor = 2,
            votesAgainst = 2,
            abstentions = 0,
            writtenOpinions = new[]
            {
                new { memberId = s.Members[4], position = "For", submittedAt = "2025-06-30T17:00:00+08:00" },
                new { memberId = s.Members[5], position = "For", submittedAt },
            },
            procedure = new
            {
                candidateReported = true,
                committeeReported = true,
                sponsorIntroductions = new[] { new { memberId = s.Members[0], inPerson = true }, new { memberId = s.Members[1], inPerson = true } },
            },
            resolutionText = "同意接收为中共预备党员",
            secretaryMemberId = s.Members[2],
        };

        // One opinion handed in after the meeting opened: Y = 3, not more than N/2.
        var late = await s.StepAsync("AdmissionVoteHeld", "2025-07-01", Vote("2025-07-01T10:00:00+08:00"));
        Assert.Equal("NotPassed", late.LastEvent().GetProperty("data").Str("result"));
        Assert.Equal(1, late.LastEvent().GetProperty("data").GetProperty("validWrittenOpinionsFor").GetInt32());
        Assert.Null(late.Date("assemblyDate"));

        var counted = await s.StepAsync("AdmissionVoteHeld", "2025-07-01", Vote("2025-07-01T08:00:00+08:00"));
        var data = counted.LastEvent().GetProperty("data");
        Assert.Equal("Passed", data.Str("result"));
        Assert.Equal(2, data.GetProperty("validWrittenOpinionsFor").GetInt32());
        Assert.Equal(4, data.GetProperty("countedVotesFor").GetInt32());
        Assert.Equal("2025-07-01", counted.Date("assemblyDate"));
    }

    [Fact]
    public async Task ConfirmationVote_WithoutResolutionTextOrSecretary_IsWarnedR32()
    {
        // RULES.md R-32-confirmation-procedure, "Resolution content": the 转正 resolution records the member's performance,
        // N and A, the result, the date and the branch secretary's signature — WARN if any item is missing.
        var s = await CaseScenario.CreateAsync(admin);
        await s.ToPassedAssemblyAsync();
        await s.SubmitAsync();
        await s.ApproveAsync();
        await s.ProbationAsync();
        await s.PrepareConfirmationAsync();
        var before = await s.GetAsync();

        var reply = await s.PostAsync("ConfirmationVoteHeld", "2026-07-01", s.ConfirmationVote("2026-07-01", "ConfirmOnTime", withResolution: false));
        Assert.True(reply.Status == 422, $"a confirmation resolution without text or secretary should be warned (R-32): got {reply.Status}, stage {(reply.Status == 201 ? reply.Json.Str("stage") : reply.Body)}");
        Problem.AssertRefused(reply, "R-32-confirmation-procedure", "Warn");
        Assert.Equal(before.Fingerprint(), (await s.GetAsync()).Fingerprint());
    }

    [Fact]
    public async Task AdmissionForm_ASerialAlreadyIssuedToAnotherCandidate_IsRefused()
    {
        var first = await CaseScenario.CreateAsync(admin);
        await first.OpenAsync();
        await first.ToActivistAsync();
        await first.ToCandidateAsync();
        await first.PrepareAssemblyAsync();

        var second = await CaseScenario.CreateAsync(admin);
        await second.OpenAsync();
        await second.ToActivistAsync();
        await second.ToCandidateAsync();
        await second.StepAsync("SponsorsAssigned", "2025-04-21", new { sponsorMemberIds = new[] { second.Members[0], second.Members[1] }, source = "OrgDesignated" });
        Problem.AssertRefused(await second.PostAsync("AdmissionFormIssued", "2025-04-22", new { serial = second.Serial }), "R-18-admission-form-issuance");
        await second.StepAsync("PoliticalReviewConcluded", "2025-05-10", new { methods = new[] { "LetterInquiry" }, conclusion = "Qualified" });
        await second.StepAsync("TrainingCompleted", "2025-05-20", new { startDate = "2025-05-18", days = 3, mode = "Video", organizerOrgId = second.Primary });
        await second.StepAsync("BranchReviewPassed", "2025-06-01", new { decidedBy = "BranchCommitteeMeeting" });
        await second.StepAsync("PreReviewPassed", "2025-06-10", new { reviewingOrgId = second.Primary });

        var duplicate = await second.PostAsync("AdmissionFormIssued", "2025-06-12", new { serial = first.Serial });
        Problem.AssertRefused(duplicate, "R-18-admission-form-issuance");
        var issued = await second.StepAsync("AdmissionFormIssued", "2025-06-12", new { serial = second.Serial });
        Assert.Equal(second.Serial, issued.LastEvent().GetProperty("data").Str("serial"));
    }

    [Fact]
    public async Task RejectedApproval_ClosesTheCase_OnlyTheNotApprovedAnnouncementMayFollow()
    {
        var s = await CaseScenario.CreateAsync(admin);
        await s.ToPassedAssemblyAsync();
        await s.SubmitAsync();
        var rejected = await s.StepAsync("AdmissionRejected", "2025-07-20", new
        {
            approvingOrgId = s.Primary,
            committeeMemberCount = 7,
            presentCount = 6,
            votesFor = 2,
        });
        Assert.Equal("AdmissionNotApproved", rejected.Str("status"));
        Assert.Equal("Candidate", rejected.Str("stage"));
        Assert.Null(rejected.Date("probationStartDate"));
        Assert.Equal(["DecisionAnnounced"], rejected.GetProperty("nextSteps").EnumerateArray().Select(x => x.GetString()));
        var registry = await admin.GetOkAsync($"/api/v1/members?orgId={s.Branch}&pageSize=100");
        Assert.DoesNotContain(registry.GetProperty("items").EnumerateArray(), m => m.Str("personId") == s.PersonId);

        var steps = new (string Type, object? Fields)[]
        {
            ("AdmissionApproved", new { approvingOrgId = s.Primary, committeeMemberCount = 7, presentCount = 6, votesFor = 6 }),
            ("ApprovalTalkHeld", new { interviewerMemberIds = new[] { s.Members[3] }, interviewerRole = "CommitteeMember" }),
            ("AdmissionRejected", new { approvingOrgId = s.Primary, committeeMemberCount = 7, presentCount = 6, votesFor = 2 }),
            ("AdmissionVoteHeld", s.AdmissionVote("2025-07-21", 6, 5, 5)),
            ("NominationRecorded", new { method = "Other" }),
            ("OathTaken", null),
            ("AdmissionFiled", new { filedWithOrgId = s.OrgDepartment }),
            ("ConfirmationApproved", s.Committee("ConfirmOnTime")),
        };
        foreach (var (type, fields) in steps)
        {
            var reply = await s.PostAsync(type, "2025-07-21", fields);
            Problem.AssertRefused(reply, "CASE-transition");
            Assert.Equal(["CASE-transition"], reply.RefusalRules());
        }

        var wrongDecision = await s.PostAsync("DecisionAnnounced", "2025-07-21", new { decision = "Admission" });
        Problem.Assert(wrongDecision, 422);
        Assert.Equal(rejected.Fingerprint(), (await s.GetAsync()).Fingerprint());

        var announced = await s.StepAsync("DecisionAnnounced", "2025-07-21", new { decision = "NotApproved" });
        Assert.Equal("AdmissionNotApproved", announced.Str("status"));
        var notify = announced.GetProperty("deadlines").EnumerateArray().Single(d => d.Str("rule") == "R-24-not-approved-notify");
        Assert.True(notify.GetProperty("satisfied").GetBoolean());
    }

    [Fact]
    public async Task ARequestBreakingSeveralBlockRules_ListsThemAll_AndChangesNothing()
    {
        var s = await CaseScenario.CreateAsync(admin);
        await s.OpenAsync();
        await s.ToActivistAsync();
        var before = await s.GetAsync();
        var integrityBefore = await s.IntegrityAsync();

        // A month after the activist date, by the wrong body, without filing, mentors or opinions.
        var reply = await s.PostAsync("CandidateProposed", "2024-05-01", new { decidedBy = "BranchAssembly" });
        var problem = Problem.Assert(reply, 422);
        var rules = reply.RefusalRules();
        foreach (var rule in new[]
                 {
                     "G-07-branch-committee-substitute", "R-13-candidate-min-1-year", "R-08-activist-filing", "R-09-mentor-duties",
                     "R-13-candidate-opinions",
                 })
        {
            Assert.Contains(rule, rules);
        }

        foreach (var r in problem.GetProperty("refusals").EnumerateArray())
        {
            Assert.Equal("Block", r.Str("severity"));
            Assert.False(string.IsNullOrWhiteSpace(r.Str("article")));
            Problem.AssertChinese(r.Str("message"));
        }

        var after = await s.GetAsync();
        Assert.Equal(before.Fingerprint(), after.Fingerprint());
        Assert.Equal(before.Version(), after.Version());
        Assert.Equal(before.Str("headHash"), after.Str("headHash"));
        Assert.Equal(before.GetProperty("events").GetRawText(), after.GetProperty("events").GetRawText());
        Assert.Equal(integrityBefore.GetRawText(), (await s.IntegrityAsync()).GetRawText());

        // Two rules of one vote: show of hands and no quorum.
        await s.ToCandidateAsync();
        await s.PrepareAssemblyAsync();
        var beforeVote = await s.GetAsync();
        var vote = await s.PostAsync("AdmissionVoteHeld", "2025-07-01", s.AdmissionVote("2025-07-01", 6, 3, 3, voteMethod: "ShowOfHands"));
        Problem.Assert(vote, 422);
        Assert.Equal(["R-19-quorum", "R-20-secret-ballot"], vote.RefusalRules().Order());
        Assert.Equal(beforeVote.Fingerprint(), (await s.GetAsync()).Fingerprint());
    }

    [Fact]
    public async Task Validation_UnknownField_WrongEnum_ComputedResult_AreRefused400()
    {
        var s = await CaseScenario.CreateAsync(admin);
        await s.OpenAsync();
        var before = await s.GetAsync();

        Problem.AssertInvalid(await s.PostAsync("NominationRecorded", "2024-03-05", new { method = "Other", recommender = "某人" }), "recommender");
        Problem.AssertInvalid(await s.PostAsync("NominationRecorded", "2024-03-05", new { method = "Sideways" }), "method");
        Problem.AssertInvalid(await s.PostAsync("Promoted", "2024-03-05"), "type");
        Problem.AssertInvalid(await s.PostAsync("NominationRecorded", "2024-13-05", new { method = "Other" }), "date");
        Problem.AssertInvalid(await s.PostAsync("NominationRecorded", "2024-03-05", new { method = "Other", result = "Passed" }), "result");
        Problem.AssertInvalid(await s.PostAsync("NominationRecorded", "2024-03-05"), "method");
        Problem.AssertInvalid(await s.PostAsync("NominationRecorded", "2024-03-05", new
        {
            method = "Other",
            overrides = new[] { new { rule = "R-07-talk-within-1-month", reason = "" } },
        }), "overrides[0].reason");

        Assert.Equal(before.Fingerprint(), (await s.GetAsync()).Fingerprint());
    }

    [Fact]
    public async Task DatesAfterToday_AreRefusedG05()
    {
        var s = await CaseScenario.CreateAsync(admin);
        await s.OpenAsync();
        var future = await s.PostAsync("NominationRecorded", "2026-11-23", new { method = "Other" });
        Problem.AssertRefused(future, "G-05-dates");
        Assert.Equal(201, (await s.PostAsync("NominationRecorded", "2026-11-22", new { method = "Other" })).Status);
        Problem.AssertRefused(await s.PostAsync("NominationRecorded", "2026-11-21", new { method = "Other" }), "G-05-dates");
    }

    [Fact]
    public async Task OpeningCases_SecondOpenCaseIs409WithExistingId_UnderEighteenIsR05_FutureDateIsG05()
    {
        var s = await CaseScenario.CreateAsync(admin);
        var first = await s.OpenAsync();

        var second = await admin.PostAsync("/api/v1/cases", new
        {
            personId = s.PersonId,
            orgId = s.Branch,
            applicationReceivedDate = "2024-04-01",
            receivingOrgRelation = "ResidenceOrg",
        });
        var conflict = Problem.Assert(second, 409);
        Assert.Equal(first.Str("id"), conflict.Str("existingId"));

        var minor = await admin.CreatePersonAsync("冯少年", IdNumbers.With("32010220100101123"), s.Branch);
        var young = await admin.PostAsync("/api/v1/cases", new
        {
            personId = minor,
            orgId = s.Branch,
            applicationReceivedDate = "2026-01-01",
            receivingOrgRelation = "ResidenceOrg",
        });
        Problem.AssertRefused(young, "R-05-age-18");
        var list = await admin.GetOkAsync($"/api/v1/cases?orgId={s.Branch}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());

        var future = await admin.PostAsync("/api/v1/cases", new
        {
            personId = minor,
            orgId = s.Branch,
            applicationReceivedDate = "2028-01-02",
            receivingOrgRelation = "ResidenceOrg",
        });
        Problem.AssertRefused(future, "G-05-dates");

        var wrongEnum = await admin.PostRawAsync("/api/v1/cases",
            $$"""{"personId":"{{minor}}","orgId":"{{s.Branch}}","applicationReceivedDate":"2026-01-02","receivingOrgRelation":"Sideways"}""");
        Problem.Assert(wrongEnum, 400);
    }
}
