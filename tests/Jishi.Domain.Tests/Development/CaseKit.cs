using System.Globalization;
using Jishi.Domain.Calendar;
using Jishi.Domain.Development;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Jishi.Domain.Tests.Calendar;

namespace Jishi.Domain.Tests.Development;

/// <summary>
/// The world around a development case, as the application would gather it for the engine (<see cref="CaseContext"/>):
/// a branch (with a committee by default) under a primary committee with approval authority under a county committee
/// (with its organisation department), optionally a general branch between branch and primary committee; a person born
/// 1995; full members m01…m20 with party age from 2000, a probationary member, a member under 留党察看 and a member with
/// a 警告; the official calendar. Every property may be changed before (or between) steps: the context is rebuilt on
/// each call to <see cref="Context"/>.
/// </summary>
internal sealed class CaseKit
{
    public const string County = "county";
    public const string CountyOrgDept = "county-orgdept";
    public const string Committee = "committee";
    public const string General = "general";
    public const string Branch = "branch";
    public const string Cell = "cell";
    public const string MobileOrg = "mobile-org";
    public const string Probationary = "prob";
    public const string UnderDisciplinaryProbation = "dp";
    public const string Warned = "warned";
    public const string Secretary = "m01";
    public const string MentorA = "m01";
    public const string MentorB = "m02";
    public const string PersonId = "person";

    /// <summary>A second branch under the same primary committee: the receiving organisation of transfers .</summary>
    public const string SecondBranch = "branch2";

    /// <summary>A provincial committee (R-26 direct admission, R-27 posthumous approval).</summary>
    public const string Province = "province";

    public const string Central = "central";

    /// <summary>The organisation department of the primary committee (not county level: R-34 non-recognition).</summary>
    public const string CommitteeOrgDept = "committee-orgdept";

    public DateOnly Today { get; set; } = Date("2026-11-22");

    public DateOnly BirthDate { get; set; } = Date("1995-04-18");

    public bool IsMobile { get; set; }

    public string? UnitName { get; set; } = "某某科技有限公司";

    public bool? UnitHasPartyOrg { get; set; } = true;

    public DateOnly? ExpectedDepartureDate { get; set; }

    public bool WithGeneralBranch { get; set; }

    public bool BranchHasCommittee { get; set; } = true;

    public bool BranchHasCells { get; set; }

    public bool CommitteeHasApprovalAuthority { get; set; } = true;

    public bool CommitteeIsUnderTownship { get; set; }

    /// <summary>The type of the case's organisation <see cref="Branch"/> (e.g. a 临时党组织 for R-22-temporary-org).</summary>
    public OrgType BranchType { get; set; } = OrgType.Branch;

    /// <summary>The case went with the person to <see cref="SecondBranch"/> (after a transfer): the case's organisation is
    /// then that branch, under the same primary committee.</summary>
    public bool AtSecondBranch { get; set; }

    /// <summary>The date the 警告 of member <see cref="Warned"/> was approved.</summary>
    public DateOnly WarningApproved { get; set; } = Date("2025-03-01");

    /// <summary>The registry's voters of the branch on the step's date (G-08): m01…m10 by default.</summary>
    public IReadOnlySet<string> EligibleVoterIds { get; set; } = Voters(10);

    public Func<string, SerialState?> SerialState { get; set; } = _ => global::Jishi.Domain.Development.SerialState.Available;

    /// <summary>The kinds of document attached to the case as scans.</summary>
    public HashSet<DocumentType> AttachedDocuments { get; } = [];

    /// <summary>The organisation holding a serial in the register (the primary committee by default).</summary>
    public Func<string, string> SerialHolder { get; set; } = _ => Committee;

    public static WorkingDayCalendar Calendar => CalendarTestFiles.Official;

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static HashSet<string> Voters(int n) => Enumerable.Range(1, n).Select(Member).ToHashSet();

    public static string Member(int i) => $"m{i:00}";

    public PersonFacts Person => new(PersonId, "张三", BirthDate, IsMobile, UnitName, UnitHasPartyOrg, ExpectedDepartureDate);

    public IReadOnlyList<OrgFacts> OrgChain
    {
        get
        {
            var committee = new OrgFacts(Committee, "某某公司党委", OrgType.PrimaryCommittee, County, HasCommittee: true,
                HasAdmissionApprovalAuthority: CommitteeHasApprovalAuthority, IsUnderTownshipOrSubdistrict: CommitteeIsUnderTownship,
                MeetsDevelopmentConditions: true);
            var county = new OrgFacts(County, "某某县委", OrgType.CountyCommittee, null, true, true, false, true);
            var branch = AtSecondBranch
                ? new OrgFacts(SecondBranch, "第二党支部", OrgType.Branch, WithGeneralBranch ? General : Committee, BranchHasCommittee, false,
                    false, true)
                : new OrgFacts(Branch, "第一党支部", BranchType, WithGeneralBranch ? General : Committee,
                BranchHasCommittee, false, false, true);
            if (!WithGeneralBranch)
            {
                return [branch, committee, county];
            }

            var general = new OrgFacts(General, "研发党总支", OrgType.GeneralBranch, Committee, true, false, false, true);
            return [branch, general, committee, county];
        }
    }

    public CaseContext Context()
    {
        var chain = OrgChain;
        var orgs = chain.ToDictionary(o => o.Id);
        orgs[CountyOrgDept] = new OrgFacts(CountyOrgDept, "某某县委组织部", OrgType.CountyOrgDepartment, County, false, false, false, true);
        orgs[Cell] = new OrgFacts(Cell, "第一党小组", OrgType.PartyCell, Branch, false, false, false, true);
        orgs[MobileOrg] = new OrgFacts(MobileOrg, "驻某市流动党员党支部", OrgType.MobileMemberOrg, County, false, false, false, true);
        orgs.TryAdd(Branch, new OrgFacts(Branch, "第一党支部", BranchType, Committee, BranchHasCommittee, false, false, true));
        orgs.TryAdd(SecondBranch, new OrgFacts(SecondBranch, "第二党支部", OrgType.Branch, Committee, true, false, false, true));
        orgs[CommitteeOrgDept] = new OrgFacts(CommitteeOrgDept, "某某公司党委组织部", OrgType.OrgDepartment, Committee, false, false, false, true);
        orgs[Province] = new OrgFacts(Province, "某某省委", OrgType.ProvincialCommittee, Central, true, true, false, true);
        orgs[Central] = new OrgFacts(Central, "党中央", OrgType.CentralCommittee, null, true, true, false, true);
        return new CaseContext
        {
            Today = Today,
            Person = Person,
            OrgChain = chain,
            Orgs = orgs,
            Members = MembersById(),
            EligibleVoterIds = EligibleVoterIds,
            BranchHasCells = BranchHasCells,
            Calendar = Calendar,
            Serial = s => SerialState(s) is { } state ? new AdmissionFormSerialFacts(s, state, SerialHolder(s), null) : null,
            AttachedDocuments = AttachedDocuments,
        };
    }

    private Dictionary<string, MemberFacts> MembersById()
    {
        var since = Date("2000-07-01");
        var members = Enumerable.Range(1, 20)
            .Select(i => new MemberFacts(Member(i), $"p-{Member(i)}", $"党员{i}", Branch, MemberStatus.FullMember, since, []))
            .ToList();
        members.Add(new MemberFacts(Probationary, "p-prob", "预备党员甲", Branch, MemberStatus.ProbationaryMember, null, []));
        members.Add(new MemberFacts(UnderDisciplinaryProbation, "p-dp", "留党察看乙", Branch, MemberStatus.FullMember, since,
            [Sanction(UnderDisciplinaryProbation, SanctionType.DisciplinaryProbation, Date("2025-01-10"))]));
        members.Add(new MemberFacts(Warned, "p-warned", "警告丙", Branch, MemberStatus.FullMember, since,
            [Sanction(Warned, SanctionType.Warning, WarningApproved)]));
        return members.ToDictionary(m => m.Id);
    }

    private static Sanction Sanction(string memberId, SanctionType type, DateOnly approved) => new()
    {
        Id = $"s-{memberId}",
        MemberId = memberId,
        Type = type,
        ApprovedDate = approved,
    };

    /// <summary>Opens a case (the application received, applied directly) following <paramref name="plan"/> or the
    /// default plan of this kit.</summary>
    public CaseRun Open(CasePlan? plan = null) => new(this, plan ?? new CasePlan());
}

/// <summary>The milestones a case can be brought to with valid steps.</summary>
internal enum Milestone
{
    Applicant,
    Activist,
    Candidate,
    PreReviewPassed,
    AssemblyPassed,
    Approved,
    OathTaken,
    Confirmed,
}

/// <summary>One planned step.</summary>
internal sealed record Step(CaseEventType Type, DateOnly Date, EventData Data);

/// <summary>
/// Anchor dates of a valid case; every other date is derived from them so that each gate holds (R-07 talk within a
/// month, R-13 one year after the activist date with the half-yearly assessments, a notice of exactly five working days
/// starting on the consent date and the listing the day after it ends, R-19 assembly within a month of the pre-review,
/// R-25 approval ten days after the assembly, R-29 oath five days after approval, R-31 confirmation vote on the expiry
/// date). Unset anchors follow from the set ones: assembly ← pre-review + 10 days ← proposal + 40 days ← activist date
/// + 1 year 1 month; the default assembly is 2026-07-10 (every candidate step under the 2026 rules).
/// </summary>
internal sealed record CasePlan
{
    public DateOnly? ActivistDate { get; init; }

    public DateOnly? ProposalDate { get; init; }

    public DateOnly? PreReviewDate { get; init; }

    public DateOnly? AssemblyDate { get; init; }

    public DateOnly? ApprovalDate { get; init; }

    public DateOnly? ConfirmationVoteDate { get; init; }

    public DateOnly? ConfirmationApprovalDate { get; init; }

    /// <summary>Extension months decided at the confirmation vote instead of an on-time confirmation.</summary>
    public int? ExtensionMonths { get; init; }

    public DateOnly ResolvedAssembly =>
        AssemblyDate ?? PreReviewDate?.AddDays(10) ?? ProposalDate?.AddDays(50)
        ?? ActivistDate?.AddYears(1).AddMonths(1).AddDays(50) ?? CaseKit.Date("2026-07-10");

    public DateOnly ResolvedPreReview => PreReviewDate ?? ResolvedAssembly.AddDays(-10);

    public DateOnly ResolvedProposal => ProposalDate ?? ResolvedPreReview.AddDays(-40);

    public DateOnly ResolvedActivist => ActivistDate ?? ResolvedProposal.AddYears(-1).AddMonths(-1);

    public DateOnly ResolvedApproval => ApprovalDate ?? ResolvedAssembly.AddDays(10);

    public DateOnly Received => ResolvedActivist.AddDays(-40);

    /// <summary>The valid steps of a case with these anchors in <paramref name="kit"/>'s world.</summary>
    public IReadOnlyList<Step> Steps(CaseKit kit)
    {
        var d = ResolvedActivist;
        var p = ResolvedProposal;
        var v = ResolvedPreReview;
        var a = ResolvedAssembly;
        var approval = ResolvedApproval;
        var r = Received;
        var body = kit.BranchHasCommittee ? DecidingBody.BranchCommitteeMeeting : DecidingBody.BranchAssembly;
        var steps = new List<Step>
        {
            new(CaseEventType.ApplicationTalkHeld, r.AddDays(7), CaseData.Talk()),
            new(CaseEventType.NominationRecorded, r.AddDays(14), new EventData { Method = NominationMethod.MemberRecommendation }),
            new(CaseEventType.ActivistDesignated, d, new EventData { DecidedBy = body }),
            new(CaseEventType.ActivistFiled, d.AddDays(3), new EventData { FiledWithOrgId = CaseKit.Committee }),
            new(CaseEventType.MentorAssigned, d.AddDays(4), CaseData.Mentors(CaseKit.MentorA, CaseKit.MentorB)),
        };
        for (var i = 1; d.AddMonths(6 * i) <= p; i++)
        {
            steps.Add(new(CaseEventType.ActivistAssessed, d.AddMonths(6 * i).AddDays(-5), new EventData { Summary = "表现良好" }));
        }

        steps.Add(new(CaseEventType.OpinionsCollected, p.AddDays(-3), CaseData.ListingOpinions(kit.BranchHasCells)));
        steps.Add(new(CaseEventType.CandidateProposed, p, new EventData { DecidedBy = body }));
        var consent = p.AddDays(1);
        steps.Add(new(CaseEventType.CandidateConsented, consent, new EventData { ConsentingOrgId = CaseKit.Committee }));
        // Five working days (G-03) from the consent; outside the loaded calendar years (plans reaching far into the future,
        // recorded only partly) a plain two weeks.
        var noticeEnd = CaseKit.Calendar.IsLoaded(consent.Year) && CaseKit.Calendar.IsLoaded(consent.AddDays(30).Year)
            ? CaseKit.Calendar.AddWorkingDays(consent, 5)
            : consent.AddDays(14);
        foreach (var place in kit.IsMobile ? new[] { NoticePlace.OutflowPlace, NoticePlace.InflowPlace } : [NoticePlace.Unit])
        {
            steps.Add(new(CaseEventType.PublicNoticeEnded, noticeEnd, CaseData.Notice(consent, place)));
        }

        var listed = noticeEnd.AddDays(1);
        steps.Add(new(CaseEventType.CandidateListed, listed, new EventData()));
        steps.Add(new(CaseEventType.SponsorsAssigned, listed.AddDays(1), CaseData.Sponsors(CaseKit.MentorA, CaseKit.MentorB)));
        steps.Add(new(CaseEventType.PoliticalReviewConcluded, listed.AddDays(2), CaseData.PoliticalReview()));
        steps.Add(new(CaseEventType.TrainingCompleted, listed.AddDays(5), CaseData.Training(listed.AddDays(3), days: 3, hours: 24)));
        steps.Add(new(CaseEventType.BranchReviewPassed, listed.AddDays(6), new EventData { DecidedBy = body }));
        steps.Add(new(CaseEventType.PreReviewPassed, v, new EventData { ReviewingOrgId = CaseKit.Committee }));
        steps.Add(new(CaseEventType.AdmissionFormIssued, v.AddDays(1), new EventData { Serial = "GD-2026-000123" }));
        var n = kit.EligibleVoterIds.Count;
        steps.Add(new(CaseEventType.AdmissionVoteHeld, a, CaseData.Vote(a, n, present: n, votesFor: n)));
        var submitted = a.AddDays(3);
        steps.Add(new(CaseEventType.AdmissionSubmitted, submitted, CaseData.Submission()));
        if (kit.WithGeneralBranch)
        {
            steps.Add(new(CaseEventType.IntermediateReviewed, a.AddDays(4), new EventData { ReviewingOrgId = CaseKit.General }));
        }

        steps.Add(new(CaseEventType.ApprovalTalkHeld, a.AddDays(5), CaseData.ApprovalTalk()));
        steps.Add(new(CaseEventType.AdmissionApproved, approval, CaseData.Approval(submitted)));
        steps.Add(new(CaseEventType.OathTaken, approval.AddDays(5), new EventData { OrganizerOrgId = CaseKit.Committee }));

        var expiry = a.AddYears(1);
        var vote = ConfirmationVoteDate ?? expiry;
        steps.Add(new(CaseEventType.FullMembershipRequested, expiry.AddDays(-20), new EventData()));
        steps.Add(new(CaseEventType.OpinionsCollected, expiry.AddDays(-10), CaseData.ConfirmationOpinions(kit.BranchHasCells)));
        steps.Add(new(CaseEventType.BranchReviewPassed, expiry.AddDays(-5), new EventData { DecidedBy = body }));
        var outcome = ExtensionMonths is null ? ConfirmationOutcome.ConfirmOnTime : ConfirmationOutcome.ExtendProbation;
        steps.Add(new(CaseEventType.ConfirmationVoteHeld, vote, CaseData.ConfirmationVote(vote, n, outcome, ExtensionMonths)));
        steps.Add(new(CaseEventType.ConfirmationApproved, ConfirmationApprovalDate ?? vote.AddDays(10),
            CaseData.ConfirmationApproval(vote, outcome, ExtensionMonths)));
        return steps;
    }
}

/// <summary>Valid data for each kind of step.</summary>
internal static class CaseData
{
    public static EventData Talk(params TalkTopic[] without) => new()
    {
        InterviewerMemberIds = [CaseKit.MentorA],
        Topics = Enum.GetValues<TalkTopic>().Except(without).ToList(),
    };

    public static EventData Mentors(params string[] ids) => new() { MentorMemberIds = ids, QualificationAttested = true };

    public static EventData ListingOpinions(bool withCell, params string[] mentors)
    {
        IReadOnlyList<string> who = mentors.Length == 0 ? [CaseKit.MentorA, CaseKit.MentorB] : mentors;
        var sources = new List<OpinionSource> { OpinionSource.Mentor, OpinionSource.Member, OpinionSource.NonMember };
        if (withCell)
        {
            sources.Add(OpinionSource.PartyCell);
        }

        return new EventData
        {
            Purpose = OpinionPurpose.CandidateListing,
            Sources = sources,
            MentorOpinions = who.Select(m => new MentorOpinion(m, true)).ToList(),
        };
    }

    public static EventData ConfirmationOpinions(bool withCell) => new()
    {
        Purpose = OpinionPurpose.Confirmation,
        Sources = withCell
            ? [OpinionSource.Member, OpinionSource.NonMember, OpinionSource.PartyCell]
            : [OpinionSource.Member, OpinionSource.NonMember],
    };

    public static EventData Notice(DateOnly start, NoticePlace place = NoticePlace.Unit, PublicNoticeOutcome outcome = PublicNoticeOutcome.NoImpact) =>
        new() { StartDate = start, Place = place, Outcome = outcome.ToString() };

    public static EventData Sponsors(params string[] ids) => new() { SponsorMemberIds = ids, Source = SponsorSource.MentorAsSponsor };

    public static EventData PoliticalReview(PoliticalReviewConclusion conclusion = PoliticalReviewConclusion.Qualified) => new()
    {
        Conclusion = conclusion,
        Methods = [PoliticalReviewMethod.TalkWithPerson, PoliticalReviewMethod.ArchiveReview, PoliticalReviewMethod.LetterInquiry],
        ReviewItems = Enum.GetValues<PoliticalReviewItem>(),
        ConsultedOrgs = Enum.GetValues<ConsultedOrg>(),
    };

    public static EventData Training(DateOnly start, int? days, int? hours) => new()
    {
        StartDate = start,
        Days = days,
        ClassHours = hours,
        Mode = TrainingMode.Offline,
        OrganizerOrgId = CaseKit.Committee,
    };

    /// <summary>A secret-ballot vote opening at 09:00 China time with the full procedure and a signed resolution.</summary>
    public static EventData Vote(DateOnly date, int eligible, int present, int votesFor, int against = 0, int abstain = 0) => new()
    {
        VoteMethod = VoteMethod.SecretBallot,
        MeetingStartAt = At(date, 9),
        EligibleVoterCount = eligible,
        PresentVoterCount = present,
        VotesFor = votesFor,
        VotesAgainst = against,
        Abstentions = abstain,
        Procedure = new AssemblyProcedure(true, true,
            [new SponsorIntroduction(CaseKit.MentorA, true), new SponsorIntroduction(CaseKit.MentorB, true)]),
        ResolutionText = "该同志入党动机端正，表现良好，同意接收为预备党员。",
        SecretaryMemberId = CaseKit.Secretary,
    };

    public static DateTimeOffset At(DateOnly date, int hour) => new(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));

    public static EventData Submission() => new()
    {
        SubmittedToOrgId = CaseKit.Committee,
        Materials = [DocumentType.AdmissionForm, DocumentType.ApplicationLetter, DocumentType.ActivistRecordForm, DocumentType.PoliticalReviewFile],
    };

    public static EventData ApprovalTalk() => new() { InterviewerMemberIds = [CaseKit.Member(11)], InterviewerRole = InterviewerRole.CommitteeMember };

    public static EventData Approval(DateOnly? reportReceived, string approvingOrg = CaseKit.Committee) => new()
    {
        ApprovingOrgId = approvingOrg,
        CommitteeMemberCount = 7,
        PresentCount = 6,
        VotesFor = 6,
        ReportReceivedDate = reportReceived,
    };

    public static EventData ConfirmationVote(DateOnly date, int eligible, ConfirmationOutcome outcome, int? months = null) =>
        Vote(date, eligible, eligible, eligible) with { ProposedOutcome = outcome, ExtensionMonths = months };

    public static EventData ConfirmationApproval(DateOnly reportReceived, ConfirmationOutcome outcome, int? months = null) =>
        Approval(reportReceived) with { Outcome = outcome.ToString(), ExtensionMonths = months };
}

/// <summary>A case being driven through the engine: each step is decided on the current state and, if recorded,
/// applied as the application would store it (with the engine's data and the overrides/exceptions it accepted).</summary>
internal sealed class CaseRun
{
    private readonly List<Step> pending;

    public CaseRun(CaseKit kit, CasePlan plan)
    {
        Kit = kit;
        Plan = plan;
        pending = [.. plan.Steps(kit)];
        State.Apply(new CaseEvent(State.NextSeq, CaseEventType.ApplicationReceived, plan.Received, new EventData(), [], []));
    }

    public CaseKit Kit { get; }

    public CasePlan Plan { get; }

    public CaseState State { get; } = new();

    /// <summary>The planned steps not yet recorded.</summary>
    public IReadOnlyList<Step> Pending => pending;

    /// <summary>Removes the next planned steps of these types (the case will go on without them).</summary>
    public CaseRun Without(params CaseEventType[] types)
    {
        foreach (var t in types)
        {
            var i = pending.FindIndex(s => s.Type == t);
            Assert.True(i >= 0, $"no planned {t} left to remove");
            pending.RemoveAt(i);
        }

        return this;
    }

    /// <summary>Removes every planned step of this type.</summary>
    public CaseRun WithoutAny(CaseEventType type)
    {
        pending.RemoveAll(s => s.Type == type);
        return this;
    }

    /// <summary>The next planned step of this type (to propose it with changed data or date).</summary>
    public Step Next(CaseEventType type) => pending.First(s => s.Type == type);

    public Decision Decide(CaseEventType type, DateOnly date, EventData data, IReadOnlyList<Override>? overrides = null,
        IReadOnlyList<RuleException>? exceptions = null) =>
        CaseEngine.Decide(State, type, date, data, Kit.Context(), overrides, exceptions);

    public Decision Decide(CaseEventType type, string date, EventData data, IReadOnlyList<Override>? overrides = null,
        IReadOnlyList<RuleException>? exceptions = null) => Decide(type, CaseKit.Date(date), data, overrides, exceptions);

    /// <summary>The next planned step of this type, on another date.</summary>
    public Decision DecideNext(CaseEventType type, string date, IReadOnlyList<Override>? overrides = null) =>
        Decide(type, CaseKit.Date(date), Next(type).Data, overrides);

    /// <summary>Decides and, asserting it is accepted, records the step.</summary>
    public Decision Record(CaseEventType type, DateOnly date, EventData data, IReadOnlyList<Override>? overrides = null,
        IReadOnlyList<RuleException>? exceptions = null)
    {
        var decision = Decide(type, date, data, overrides, exceptions);
        Assert.True(decision.IsAccepted, $"{type} on {CaseKit.Iso(date)} was not accepted: {Describe(decision)}");
        State.Apply(new CaseEvent(State.NextSeq, type, date, decision.Data, decision.AcceptedOverrides, decision.AcceptedExceptions));
        var i = pending.FindIndex(s => s.Type == type);
        if (i == 0)
        {
            pending.RemoveAt(0);
        }

        return decision;
    }

    public Decision Record(CaseEventType type, string date, EventData data, IReadOnlyList<Override>? overrides = null,
        IReadOnlyList<RuleException>? exceptions = null) => Record(type, CaseKit.Date(date), data, overrides, exceptions);

    /// <summary>Records planned steps up to, not including, the next planned step of <paramref name="type"/>.</summary>
    public CaseRun RecordUntil(CaseEventType type)
    {
        Assert.Contains(pending, s => s.Type == type);
        while (pending[0].Type != type)
        {
            RecordNext();
        }

        return this;
    }

    /// <summary>Records planned steps through the next planned step of <paramref name="type"/>.</summary>
    public CaseRun RecordThrough(CaseEventType type)
    {
        RecordUntil(type);
        RecordNext();
        return this;
    }

    public CaseRun To(Milestone milestone) => milestone switch
    {
        Milestone.Applicant => this,
        Milestone.Activist => RecordThrough(CaseEventType.ActivistDesignated),
        Milestone.Candidate => RecordThrough(CaseEventType.CandidateListed),
        Milestone.PreReviewPassed => RecordThrough(CaseEventType.PreReviewPassed),
        Milestone.AssemblyPassed => RecordThrough(CaseEventType.AdmissionVoteHeld),
        Milestone.Approved => RecordThrough(CaseEventType.AdmissionApproved),
        Milestone.OathTaken => RecordThrough(CaseEventType.OathTaken),
        _ => RecordThrough(CaseEventType.ConfirmationApproved),
    };

    private void RecordNext()
    {
        var step = pending[0];
        Record(step.Type, step.Date, step.Data);
    }

    public static string Describe(Decision d) =>
        string.Join("; ", d.Errors.Select(e => $"400 {e.Field}: {e.Message}")
            .Concat(d.Refusals.Select(r => $"{r.Rule} {r.Severity}: {r.Message}")));
}

/// <summary>Assertions on the engine's answers: the specific rule and severity, never just "refused".</summary>
internal static class Verdict
{
    public static void Accepted(Decision d)
    {
        Assert.True(d.Errors.Count == 0 && d.Refusals.Count == 0, "expected acceptance, got: " + CaseRun.Describe(d));
    }

    /// <summary>The step is refused by <paramref name="rule"/> at <paramref name="severity"/> (other refusals may accompany it).</summary>
    public static Refusal RefusedBy(Decision d, string rule, RuleSeverity severity)
    {
        Assert.Empty(d.Errors);
        var match = d.Refusals.FirstOrDefault(r => r.Rule == rule && r.Severity == severity);
        Assert.True(match is not null, $"expected {rule} {severity}, got: {CaseRun.Describe(d)}");
        return match!;
    }

    /// <summary>The step is refused by <paramref name="rule"/> at <paramref name="severity"/> and nothing else.</summary>
    public static Refusal OnlyRefusedBy(Decision d, string rule, RuleSeverity severity)
    {
        var match = RefusedBy(d, rule, severity);
        Assert.True(d.Refusals.All(r => r.Rule == rule && r.Severity == severity), "unexpected refusals: " + CaseRun.Describe(d));
        return match;
    }

    public static void NotRefusedBy(Decision d, string rule)
    {
        Assert.True(d.Refusals.All(r => r.Rule != rule), $"did not expect {rule}, got: {CaseRun.Describe(d)}");
    }
}
