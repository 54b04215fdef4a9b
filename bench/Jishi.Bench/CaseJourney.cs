using System.Globalization;
using Jishi.Domain.People;

namespace Jishi.Bench;

/// <summary>
/// A realistic development case recorded through the public API, from the application (2024-03-01, 2014 rules) to
/// full membership (party age from 2026-07-01) and the announcement (2026-10-09): the journey of the web tests'
/// <c>CaseScenario</c> (33 events) plus a second nomination, activist assessments every three months and probation
/// assessments every two months, 40 events in all. Every date is before today (2026-11-22 when this was written).
/// </summary>
public sealed class CaseJourney
{
    public const int RegistrySize = 6;

    public const int EventCount = 40;

    private static int nextIdNumber;

    private readonly Api api;

    private CaseJourney(Api api) => this.api = api;

    public string County { get; private set; } = "";

    public string OrgDepartment { get; private set; } = "";

    public string Primary { get; private set; } = "";

    public string Branch { get; private set; } = "";

    /// <summary>Full members of the branch (registry ids); [0] and [1] are mentors and sponsors, [2] the secretary.</summary>
    public IReadOnlyList<string> Members { get; private set; } = [];

    public string PersonId { get; private set; } = "";

    public string CaseId { get; private set; } = "";

    /// <summary>The 志愿书 serial, registered by the primary committee before the case is recorded .</summary>
    public string Serial { get; } = "JS" + Random.Shared.NextInt64(100_000_000_000, 1_000_000_000_000).ToString(CultureInfo.InvariantCulture);

    /// <summary>Creates the organisations, the registry, the applicant and the case, and records all 40 steps.</summary>
    public static async Task<CaseJourney> RecordAsync(Api api)
    {
        var j = new CaseJourney(api);
        await j.SetUpAsync();
        await j.RecordStepsAsync();
        return j;
    }

    /// <summary>A valid 居民身份证号码 (region 320102, born 1990-05-01 onwards) not handed out before in this run.</summary>
    internal static string UniqueIdNumber()
    {
        var n = Interlocked.Increment(ref nextIdNumber);
        var first17 = "320102" + new DateOnly(1990, 5, 1).AddDays(n / 1000).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            + (n % 1000).ToString("000", CultureInfo.InvariantCulture);
        return first17 + IdNumber.ComputeCheckDigit(first17);
    }

    private async Task SetUpAsync()
    {
        County = await OrgAsync(new { name = "某某县委", type = "CountyCommittee", hasAdmissionApprovalAuthority = true });
        OrgDepartment = await OrgAsync(new { name = "某某县委组织部", type = "CountyOrgDepartment", parentId = County });
        Primary = await OrgAsync(new
        {
            name = "某某公司党委",
            type = "PrimaryCommittee",
            parentId = County,
            hasAdmissionApprovalAuthority = true,
            hasCommittee = true,
        });
        Branch = await OrgAsync(new { name = "某某公司第一党支部", type = "Branch", parentId = Primary, hasCommittee = true });
        await api.PostAsync("/api/v1/admission-form-serials/ranges", new { orgId = Primary, first = Serial, last = Serial, receivedDate = "2024-01-02" });
        var members = new List<string>();
        foreach (var name in new[] { "张甲", "李乙", "王丙", "赵丁", "钱戊", "孙己" })
        {
            var person = await api.PostAsync("/api/v1/people", new { name, idNumber = UniqueIdNumber(), orgId = Branch });
            var member = await api.PostAsync("/api/v1/members", new
            {
                personId = Id(person),
                orgId = Branch,
                status = "FullMember",
                probationStartDate = "2009-07-01",
                partyAgeStartDate = "2010-07-01",
            });
            members.Add(Id(member));
        }

        Members = members;
        PersonId = Id(await api.PostAsync("/api/v1/people", new { name = "周申请", idNumber = UniqueIdNumber(), orgId = Branch }));
        CaseId = Id(await api.PostAsync("/api/v1/cases", new
        {
            personId = PersonId,
            orgId = Branch,
            applicationReceivedDate = "2024-03-01",
            receivingOrgRelation = "ResidenceOrg",
        }));
    }

    private Task<System.Text.Json.JsonElement> Step(string type, string date, object? fields = null) => api.StepAsync(CaseId, type, date, fields);

    private async Task RecordStepsAsync()
    {
        // Applicant → Activist (2024-04-01).
        await Step("ApplicationTalkHeld", "2024-03-15", new
        {
            interviewerMemberIds = new[] { Members[2] },
            topics = new[]
            {
                "StudyAndWorkHistory", "UnderstandingOfParty", "Motivation", "LawAbiding", "Family", "IntroducedPartyKnowledge",
                "IntroducedMemberStandards",
            },
            note = "谈话记录已存档",
        });
        await Step("NominationRecorded", "2024-03-20", new { method = "MemberRecommendation" });
        await Step("NominationRecorded", "2024-03-25", new { method = "MassOrgRecommendation", note = "工会推荐" });
        await Step("ActivistDesignated", "2024-04-01", new { decidedBy = "BranchCommitteeMeeting" });

        // Activist: filing, mentors, an assessment every three months, opinions; → Candidate (2025-04-20).
        await Step("ActivistFiled", "2024-04-10", new { filedWithOrgId = Primary });
        await Step("MentorAssigned", "2024-04-10", new { mentorMemberIds = new[] { Members[0], Members[1] }, qualificationAttested = true });
        await Step("ActivistAssessed", "2024-07-01", new { summary = "学习态度端正，按时参加党课" });
        await Step("ActivistAssessed", "2024-10-01", new { summary = "表现良好" });
        await Step("ActivistAssessed", "2025-01-10", new { summary = "工作中发挥骨干作用" });
        await Step("ActivistAssessed", "2025-04-01", new { summary = "表现良好，进步明显" });
        await Step("OpinionsCollected", "2025-04-05", new
        {
            purpose = "CandidateListing",
            sources = new[] { "Mentor", "Member", "NonMember" },
            mentorOpinions = new[] { new { memberId = Members[0], supports = true }, new { memberId = Members[1], supports = true } },
        });
        await Step("CandidateProposed", "2025-04-10", new { decidedBy = "BranchCommitteeMeeting" });
        await Step("CandidateConsented", "2025-04-15", new { consentingOrgId = Primary });
        await Step("CandidateListed", "2025-04-20");

        // Candidate: sponsors, review, training, pre-review, the 志愿书, the assembly (2025-07-01), approval (2025-07-20).
        await Step("SponsorsAssigned", "2025-04-21", new { sponsorMemberIds = new[] { Members[0], Members[1] }, source = "MentorAsSponsor" });
        await Step("PoliticalReviewConcluded", "2025-05-10", new
        {
            methods = new[] { "TalkWithPerson", "ArchiveReview", "LetterInquiry" },
            conclusion = "Qualified",
        });
        await Step("TrainingCompleted", "2025-05-20", new
        {
            startDate = "2025-05-18",
            days = 3,
            classHours = 24,
            mode = "Offline",
            organizerOrgId = Primary,
        });
        await Step("BranchReviewPassed", "2025-06-01", new { decidedBy = "BranchCommitteeMeeting" });
        await Step("PreReviewPassed", "2025-06-10", new { reviewingOrgId = Primary });
        await Step("AdmissionFormIssued", "2025-06-12", new { serial = Serial });
        await Step("AdmissionVoteHeld", "2025-07-01", new
        {
            voteMethod = "SecretBallot",
            meetingStartAt = "2025-07-01T09:00:00+08:00",
            eligibleVoterCount = RegistrySize,
            presentVoterCount = RegistrySize - 1,
            votesFor = RegistrySize - 1,
            votesAgainst = 0,
            abstentions = 0,
            procedure = new
            {
                candidateReported = true,
                committeeReported = true,
                sponsorIntroductions = new[] { new { memberId = Members[0], inPerson = true }, new { memberId = Members[1], inPerson = true } },
            },
            resolutionText = "同意接收周申请为中共预备党员",
            secretaryMemberId = Members[2],
        });
        await Step("AdmissionSubmitted", "2025-07-05", new
        {
            submittedToOrgId = Primary,
            materials = new[] { "AdmissionForm", "ApplicationLetter", "ActivistRecordForm", "PoliticalReviewFile" },
        });
        await Step("ApprovalTalkHeld", "2025-07-10", new { interviewerMemberIds = new[] { Members[3] }, interviewerRole = "CommitteeMember" });
        await Step("AdmissionApproved", "2025-07-20", new
        {
            approvingOrgId = Primary,
            reportReceivedDate = "2025-07-05",
            committeeMemberCount = 7,
            presentCount = 6,
            votesFor = 6,
        });

        // Probation: filing, announcement, assignment, oath, an assessment every two months.
        await Step("AdmissionFiled", "2025-07-25", new { filedWithOrgId = OrgDepartment });
        await Step("DecisionAnnounced", "2025-07-26", new { decision = "Admission" });
        await Step("AssignedToBranchAndCell", "2025-07-26", new { branchId = Branch });
        await Step("OathTaken", "2025-08-01");
        await Step("ProbationAssessed", "2025-09-10", new { summary = "入党宣誓后思想稳定" });
        await Step("ProbationAssessed", "2025-11-10", new { summary = "积极参加组织生活" });
        await Step("ProbationAssessed", "2026-01-10", new { summary = "预备期表现良好" });
        await Step("ProbationAssessed", "2026-03-10", new { summary = "完成志愿服务任务" });
        await Step("ProbationAssessed", "2026-05-10", new { summary = "预备期表现良好，可以按期转正" });

        // Confirmation on time (party age from 2026-07-01); the committee approves late, with a reason (R-33 WARN).
        await Step("FullMembershipRequested", "2026-06-20");
        await Step("OpinionsCollected", "2026-06-25", new { purpose = "Confirmation", sources = new[] { "Member", "NonMember" } });
        await Step("BranchReviewPassed", "2026-06-28", new { decidedBy = "BranchCommitteeMeeting" });
        await Step("ConfirmationVoteHeld", "2026-07-01", new
        {
            resolutionText = "该同志预备期间表现良好，同意按期转为中共正式党员",
            secretaryMemberId = Members[2],
            voteMethod = "SecretBallot",
            meetingStartAt = "2026-07-01T09:00:00+08:00",
            eligibleVoterCount = RegistrySize,
            presentVoterCount = RegistrySize - 1,
            votesFor = RegistrySize - 1,
            votesAgainst = 0,
            abstentions = 0,
            proposedOutcome = "ConfirmOnTime",
        });
        await Step("ConfirmationApproved", "2026-10-08", new
        {
            approvingOrgId = Primary,
            outcome = "ConfirmOnTime",
            committeeMemberCount = 7,
            presentCount = 6,
            votesFor = 6,
            overrides = new[] { new { rule = "R-33-confirmation-approval-3-months", reason = "党委换届，审批顺延" } },
        });
        await Step("DecisionAnnounced", "2026-10-09", new { decision = "Confirmation" });
    }

    private async Task<string> OrgAsync(object body) => Id(await api.PostAsync("/api/v1/orgs", body));

    private static string Id(System.Text.Json.JsonElement e) => e.GetProperty("id").GetString()!;
}
