using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Jishi.Web.Tests.Cases;

/// <summary>
/// A development case driven through the public HTTP API only: a county committee (with its organisation department),
/// a primary committee with approval authority, a branch with a committee, a registry of full members in the branch
/// (interviewers, mentors, sponsors, secretary, voters) and an applicant. The steps follow a realistic timeline: the
/// application received 2024-03-01 (2014 rules), the assembly 2025-07-01, confirmation on time 2026-07-01. Every date
/// can be shifted by whole months (<see cref="ShiftMonths"/>; base days are ≤ 28, so a shift keeps the day).
/// </summary>
public sealed class CaseScenario
{
    public const int RegistrySize = 6;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private CaseScenario(ApiClient api, int shiftMonths)
    {
        Api = api;
        ShiftMonths = shiftMonths;
    }

    public ApiClient Api { get; }

    public int ShiftMonths { get; }

    public string County { get; private set; } = "";

    public string OrgDepartment { get; private set; } = "";

    public string Primary { get; private set; } = "";

    public string Branch { get; private set; } = "";

    /// <summary>Full members of the branch (registry ids); [0] and [1] are mentors and sponsors, [2] the secretary.</summary>
    public IReadOnlyList<string> Members { get; private set; } = [];

    public string PersonId { get; private set; } = "";

    public string CaseId { get; private set; } = "";

    /// <summary>The 志愿书 serial of the case, registered by the primary committee when the scenario is created (R-18).</summary>
    public string Serial { get; } = "JS" + Random.Shared.NextInt64(100_000_000_000, 1_000_000_000_000).ToString(CultureInfo.InvariantCulture);

    /// <summary>Creates the organisations, the registry and the applicant (no case yet).</summary>
    public static async Task<CaseScenario> CreateAsync(ApiClient api, int shiftMonths = 0, object? person = null)
    {
        var s = new CaseScenario(api, shiftMonths);
        s.County = await s.OrgAsync(new { name = "某某县委", type = "CountyCommittee", hasAdmissionApprovalAuthority = true });
        s.OrgDepartment = await s.OrgAsync(new { name = "某某县委组织部", type = "CountyOrgDepartment", parentId = s.County });
        s.Primary = await s.OrgAsync(new
        {
            name = "某某公司党委",
            type = "PrimaryCommittee",
            parentId = s.County,
            hasAdmissionApprovalAuthority = true,
            hasCommittee = true,
        });
        s.Branch = await s.OrgAsync(new { name = "某某公司第一党支部", type = "Branch", parentId = s.Primary, hasCommittee = true });
        var range = await api.PostAsync("/api/v1/admission-form-serials/ranges",
            new { orgId = s.Primary, first = s.Serial, last = s.Serial, receivedDate = "2024-01-02" });
        Assert.True(range.Status == 201, range.ToString());
        var members = new List<string>();
        string[] names = ["张甲", "李乙", "王丙", "赵丁", "钱戊", "孙己"];
        foreach (var name in names.Take(RegistrySize))
        {
            var pid = await api.CreatePersonAsync(name, IdNumbers.Unique(), s.Branch);
            var reply = await api.PostAsync("/api/v1/members",
                new { personId = pid, orgId = s.Branch, status = "FullMember", probationStartDate = "2009-07-01", partyAgeStartDate = "2010-07-01" });
            Assert.True(reply.Status == 201, reply.ToString());
            members.Add(reply.Id);
        }

        s.Members = members;
        var created = await api.PostAsync("/api/v1/people", person ?? new { name = "周申请", idNumber = IdNumbers.Unique(), orgId = s.Branch });
        Assert.True(created.Status == 201, created.ToString());
        s.PersonId = created.Id;
        return s;
    }

    /// <summary>A base-timeline date shifted by <see cref="ShiftMonths"/>, as "yyyy-MM-dd".</summary>
    public string D(string baseDate) =>
        DateOnly.ParseExact(baseDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(ShiftMonths)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Plus(string date, int years = 0, int months = 0) =>
        DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddYears(years).AddMonths(months)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<JsonElement> OpenAsync(string? receivedDate = null, string relation = "ResidenceOrg")
    {
        var reply = await Api.PostAsync("/api/v1/cases", new
        {
            personId = PersonId,
            orgId = Branch,
            applicationReceivedDate = receivedDate ?? D("2024-03-01"),
            receivingOrgRelation = relation,
        });
        Assert.True(reply.Status == 201, reply.ToString());
        CaseId = reply.Id;
        return reply.Json;
    }

    /// <summary>Posts a step; <paramref name="ifMatch"/> is sent as the If-Match header when given.</summary>
    public async Task<Reply> PostAsync(string type, string date, object? fields = null, string? ifMatch = null)
    {
        var body = fields is null ? new JsonObject() : JsonSerializer.SerializeToNode(fields, Options)!.AsObject();
        body["type"] = type;
        body["date"] = date;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{CaseId}/events")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var response = await Api.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, response);
    }

    /// <summary>Posts a step that must be accepted (201) and returns the updated case.</summary>
    public async Task<JsonElement> StepAsync(string type, string date, object? fields = null)
    {
        var reply = await PostAsync(type, date, fields);
        Assert.True(reply.Status == 201, $"{type} {date}: {reply}");
        return reply.Json;
    }

    public Task<JsonElement> GetAsync() => Api.GetOkAsync($"/api/v1/cases/{CaseId}");

    public async Task<(JsonElement Case, string ETag)> GetWithETagAsync()
    {
        var reply = await Api.GetAsync($"/api/v1/cases/{CaseId}");
        Assert.True(reply.Status == 200, reply.ToString());
        var etag = reply.Response.Headers.ETag;
        Assert.NotNull(etag);
        return (reply.Json, etag.ToString());
    }

    public Task<JsonElement> IntegrityAsync() => Api.GetOkAsync($"/api/v1/cases/{CaseId}/integrity");

    // The phases of the base timeline.

    /// <summary>Applicant → Activist: talk within a month, nomination, decision by the branch committee (activist 2024-04-01).</summary>
    public async Task<JsonElement> ToActivistAsync()
    {
        await StepAsync("ApplicationTalkHeld", D("2024-03-15"), new
        {
            interviewerMemberIds = new[] { Members[2] },
            topics = new[]
            {
                "StudyAndWorkHistory", "UnderstandingOfParty", "Motivation", "LawAbiding", "Family", "IntroducedPartyKnowledge",
                "IntroducedMemberStandards",
            },
            note = "original talk record",
        });
        await StepAsync("NominationRecorded", D("2024-03-20"), new { method = "MemberRecommendation" });
        return await StepAsync("ActivistDesignated", D("2024-04-01"), new { decidedBy = "BranchCommitteeMeeting" });
    }

    /// <summary>Filing, two mentors, half-yearly assessments and the opinions for listing.</summary>
    public async Task ActivistPhaseAsync()
    {
        await StepAsync("ActivistFiled", D("2024-04-10"), new { filedWithOrgId = Primary });
        await StepAsync("MentorAssigned", D("2024-04-10"), new { mentorMemberIds = new[] { Members[0], Members[1] }, qualificationAttested = true });
        await StepAsync("ActivistAssessed", D("2024-10-01"), new { summary = "表现良好" });
        await StepAsync("ActivistAssessed", D("2025-04-01"), new { summary = "表现良好，进步明显" });
        await StepAsync("OpinionsCollected", D("2025-04-05"), new
        {
            purpose = "CandidateListing",
            sources = new[] { "Mentor", "Member", "NonMember" },
            mentorOpinions = new[] { new { memberId = Members[0], supports = true }, new { memberId = Members[1], supports = true } },
        });
    }

    /// <summary>The branch committee proposes (one year after the activist date) and the primary committee consents.</summary>
    public async Task ProposeAsync()
    {
        await StepAsync("CandidateProposed", D("2025-04-10"), new { decidedBy = "BranchCommitteeMeeting" });
        await StepAsync("CandidateConsented", D("2025-04-15"), new { consentingOrgId = Primary });
    }

    /// <summary>Activist → Candidate on 2025-04-20 (2014 rules: no public notice).</summary>
    public async Task<JsonElement> ToCandidateAsync()
    {
        await ActivistPhaseAsync();
        await ProposeAsync();
        return await StepAsync("CandidateListed", D("2025-04-20"));
    }

    /// <summary>Sponsors, political review, training, branch review, pre-review (2025-06-10) and the 志愿书.</summary>
    public async Task PrepareAssemblyAsync()
    {
        await StepAsync("SponsorsAssigned", D("2025-04-21"), new { sponsorMemberIds = new[] { Members[0], Members[1] }, source = "MentorAsSponsor" });
        await StepAsync("PoliticalReviewConcluded", D("2025-05-10"), new
        {
            methods = new[] { "TalkWithPerson", "ArchiveReview", "LetterInquiry" },
            conclusion = "Qualified",
        });
        await StepAsync("TrainingCompleted", D("2025-05-20"), new
        {
            startDate = D("2025-05-18"),
            days = 3,
            classHours = 24,
            mode = "Offline",
            organizerOrgId = Primary,
        });
        await StepAsync("BranchReviewPassed", D("2025-06-01"), new { decidedBy = "BranchCommitteeMeeting" });
        await StepAsync("PreReviewPassed", D("2025-06-10"), new { reviewingOrgId = Primary });
        await StepAsync("AdmissionFormIssued", D("2025-06-12"), new { serial = Serial });
    }

    /// <summary>The fields of an admission vote on <paramref name="date"/> with N, A and Y (in-person 赞成).</summary>
    public object AdmissionVote(string date, int eligible, int present, int votesFor, string voteMethod = "SecretBallot") => new
    {
        voteMethod,
        meetingStartAt = date + "T09:00:00+08:00",
        eligibleVoterCount = eligible,
        presentVoterCount = present,
        votesFor,
        votesAgainst = present - votesFor,
        abstentions = 0,
        procedure = new
        {
            candidateReported = true,
            committeeReported = true,
            sponsorIntroductions = new[] { new { memberId = Members[0], inPerson = true }, new { memberId = Members[1], inPerson = true } },
        },
        resolutionText = "同意接收周申请为中共预备党员",
        secretaryMemberId = Members[2],
    };

    public object ConfirmationVote(string date, string proposedOutcome, int? extensionMonths = null, bool withResolution = true) => new
    {
        resolutionText = withResolution ? "该同志预备期间表现良好，同意按期转为中共正式党员" : null,
        secretaryMemberId = withResolution ? Members[2] : null,
        voteMethod = "SecretBallot",
        meetingStartAt = date + "T09:00:00+08:00",
        eligibleVoterCount = RegistrySize,
        presentVoterCount = RegistrySize - 1,
        votesFor = RegistrySize - 1,
        votesAgainst = 0,
        abstentions = 0,
        proposedOutcome,
        extensionMonths,
    };

    public object Committee(string outcome, int? extensionMonths = null) => new
    {
        approvingOrgId = Primary,
        outcome,
        extensionMonths,
        committeeMemberCount = 7,
        presentCount = 6,
        votesFor = 6,
    };

    /// <summary>The admission assembly on 2025-07-01: N = the registry, A = N − 1, all present in favour.</summary>
    public Task<JsonElement> VoteAsync() =>
        StepAsync("AdmissionVoteHeld", D("2025-07-01"), AdmissionVote(D("2025-07-01"), RegistrySize, RegistrySize - 1, RegistrySize - 1));

    /// <summary>Submission of the package and the pre-approval talk.</summary>
    public async Task SubmitAsync()
    {
        await StepAsync("AdmissionSubmitted", D("2025-07-05"), new
        {
            submittedToOrgId = Primary,
            materials = new[] { "AdmissionForm", "ApplicationLetter", "ActivistRecordForm", "PoliticalReviewFile" },
        });
        await StepAsync("ApprovalTalkHeld", D("2025-07-10"), new { interviewerMemberIds = new[] { Members[3] }, interviewerRole = "CommitteeMember" });
    }

    /// <summary>Candidate → ProbationaryMember: approved by the primary committee on 2025-07-20.</summary>
    public Task<JsonElement> ApproveAsync() => StepAsync("AdmissionApproved", D("2025-07-20"), new
    {
        approvingOrgId = Primary,
        reportReceivedDate = D("2025-07-05"),
        committeeMemberCount = 7,
        presentCount = 6,
        votesFor = 6,
    });

    /// <summary>Filing with the county organisation department, announcement, assignment, oath, one assessment.</summary>
    public async Task ProbationAsync()
    {
        await StepAsync("AdmissionFiled", D("2025-07-25"), new { filedWithOrgId = OrgDepartment });
        await StepAsync("DecisionAnnounced", D("2025-07-26"), new { decision = "Admission" });
        await StepAsync("AssignedToBranchAndCell", D("2025-07-26"), new { branchId = Branch });
        await StepAsync("OathTaken", D("2025-08-01"));
        await StepAsync("ProbationAssessed", D("2026-01-10"), new { summary = "预备期表现良好" });
    }

    /// <summary>Request, opinions (Confirmation) and the branch committee's review before the confirmation vote.</summary>
    public async Task PrepareConfirmationAsync()
    {
        await StepAsync("FullMembershipRequested", D("2026-06-20"));
        await StepAsync("OpinionsCollected", D("2026-06-25"), new { purpose = "Confirmation", sources = new[] { "Member", "NonMember" } });
        await StepAsync("BranchReviewPassed", D("2026-06-28"), new { decidedBy = "BranchCommitteeMeeting" });
    }

    /// <summary>Open → passed assembly (2025-07-01).</summary>
    public async Task ToPassedAssemblyAsync()
    {
        await OpenAsync();
        await ToActivistAsync();
        await ToCandidateAsync();
        await PrepareAssemblyAsync();
        await VoteAsync();
    }

    private async Task<string> OrgAsync(object body)
    {
        var reply = await Api.PostAsync("/api/v1/orgs", body);
        Assert.True(reply.Status == 201, reply.ToString());
        return reply.Id;
    }
}

/// <summary>Reading a case's JSON.</summary>
public static class CaseJsonExtensions
{
    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static string? Date(this JsonElement @case, string name)
    {
        var d = @case.GetProperty("dates").GetProperty(name);
        return d.ValueKind == JsonValueKind.Null ? null : d.GetString();
    }

    public static JsonElement[] Events(this JsonElement @case) => [.. @case.GetProperty("events").EnumerateArray()];

    public static JsonElement LastEvent(this JsonElement @case) => @case.Events()[^1];

    public static int Version(this JsonElement @case) => @case.GetProperty("version").GetInt32();

    public static string[] RefusalRules(this Reply reply) =>
        [.. reply.Json.GetProperty("refusals").EnumerateArray().Select(r => r.GetProperty("rule").GetString()!)];

    /// <summary>The parts of a case a refused request must leave alone.</summary>
    public static string Fingerprint(this JsonElement @case) =>
        $"{@case.Version()}|{@case.Str("headHash")}|{@case.Str("stage")}|{@case.Str("status")}|{@case.GetProperty("dates").GetRawText()}|"
        + string.Join(",", @case.Events().Select(e => $"{e.GetProperty("seq").GetInt32()}:{e.Str("type")}:{e.Str("hash")}"));
}
