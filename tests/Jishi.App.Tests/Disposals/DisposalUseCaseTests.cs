using Jishi.App.Accounts;
using Jishi.App.AdmissionForms;
using Jishi.App.Alerts;
using Jishi.App.Calendar;
using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Disposals;
using Jishi.App.LostContacts;
using Jishi.App.Members;
using Jishi.App.Procedures;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Development;
using Jishi.Domain.Disposals;
using Jishi.Domain.LostContacts;
using Jishi.Domain.Members;
using Jishi.Domain.Membership;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Disposals;

/// <summary>不合格党员组织处置 through the use cases on a real database: 限期改正 corrected; not corrected → 劝退 →
/// refused → 劝而不退除名 with the member's history; direct 除名 for 自行脱党; refusals that change nothing; integrity;
/// the readmission bar on a later development case and no restoration after removal .</summary>
public abstract class DisposalUseCaseTests : UseCaseTest
{
    private OrgFixture tree = null!;

    private Caller Township => ManagerOf(tree.Township);

    private async Task SetUpAsync()
    {
        tree = await BuildTreeAsync();
        // Three other full members of branch A vote on the member's case (G-08).
        for (var i = 0; i < 3; i++)
        {
            await CreateMemberAsync(tree.BranchA, "支部党员" + i);
        }
    }

    private Task<DisposalView> Propose(Member member, DisposalGround ground, DisposalMeasure measure, DateOnly start, string? matterRef = null,
        Caller? caller = null)
    {
        var db = Db(caller ?? Township);
        return new ProposeDisposal(db, new DisposalFacts(db, Time), Time).Handle(new NewProcedureEvent<DisposalEvent>(nameof(DisposalProposed), start,
            new DisposalProposed { MemberId = member.Id, Ground = ground, Measure = measure, MatterRef = matterRef, Reason = "经支委会研究" }, [], []));
    }

    private Task<DisposalView> Step(string id, DisposalEvent data, DateOnly date, Caller? caller = null, int? expectedVersion = null,
        IReadOnlyList<Override>? overrides = null)
    {
        var db = Db(caller ?? Township);
        return new RecordDisposalEvent(db, new DisposalFacts(db, Time), Time)
            .Handle(id, new NewProcedureEvent<DisposalEvent>(data.GetType().Name, date, data, overrides ?? [], []), expectedVersion);
    }

    private static AssemblyDecided Vote(int n = 3) => new()
    {
        EligibleVoterCount = n,
        PresentVoterCount = n,
        VotesFor = n,
        VotesAgainst = 0,
        Abstentions = 0,
        MemberAttendance = DisposalMemberAttendance.Present,
        MemberStatement = "本人对事实无异议",
    };

    private FiledWithCommittee Filing => new() { FiledWithOrgId = tree.Township.Id };

    private Approved Approval => new() { ApprovingOrgId = tree.Township.Id };

    private async Task<Member> MemberAsync(string id) => await Db().Members.IgnoreQueryFilters().AsNoTracking().FirstAsync(m => m.Id == id);

    [Fact]
    public async Task Correction_Corrected_ClosesTheCase_WithTheReviewDeadlineMet_AndTheMemberStays()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "李明");
        var v = await Propose(member, DisposalGround.OrgLifeOrDuesBreach, DisposalMeasure.CorrectionWithinDeadline, new DateOnly(2026, 1, 5));
        Assert.Equal((DisposalState.Proposed, 1), (v.Progress.State, v.Head.Version));
        await Step(v.Head.Id, Filing, new DateOnly(2026, 1, 8));
        await Step(v.Head.Id, new Investigated { Findings = "连续4个月未交纳党费" }, new DateOnly(2026, 1, 12));
        await Step(v.Head.Id, new TalkHeld { Interviewers = "王书记、张委员", Summary = "本人承认错误，愿意改正" }, new DateOnly(2026, 1, 15));
        v = await Step(v.Head.Id, new CorrectionOrdered { HelpMeasures = "指定党员帮扶" }, new DateOnly(2026, 1, 31));
        Assert.Equal(new DateOnly(2026, 7, 31), v.Record.CorrectionDeadline);

        // The review is due at the deadline: it is among the alerts like every procedure's deadlines.
        var alerts = await new ListAlerts(Db(Township), Time).Handle(null, null, 0);
        Assert.Contains(alerts, a => a.CaseId == v.Head.Id && a.Rule == "X-03-correction-deadline" && a.DueDate == new DateOnly(2026, 7, 31)
            && a.Kind == Domain.Procedures.ProcedureKind.Disposal);
        Assert.Contains((await new ListMemberProcedures(Db(Township)).Handle(member)).Open.Disposals, d => d.Id == v.Head.Id);

        v = await Step(v.Head.Id, new CorrectionReviewed { Result = CorrectionOutcome.Corrected, Assessment = "已补交党费并按时参加组织生活" },
            new DateOnly(2026, 7, 31));
        Assert.Equal(DisposalState.Closed, v.Record.State);
        Assert.False(v.Record.IsOpen);
        Assert.Null(v.Record.ReadmissionBarUntil);
        Assert.Null((await MemberAsync(member.Id)).LeftDate);
        Assert.DoesNotContain(await Db().CaseDeadlines.IgnoreQueryFilters().Where(d => d.CaseId == v.Head.Id).ToListAsync(), _ => true);
        Assert.True((await new VerifyDisposalIntegrity(Db()).Handle(v.Head.Id)).Valid);
    }

    [Fact]
    public async Task NotCorrected_Persuasion_Refused_RemovalAfterRefusal_RemovesTheMemberWithHistory_NeverDeleted()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "周全");
        var v = await Propose(member, DisposalGround.ReligiousBelief, DisposalMeasure.CorrectionWithinDeadline, new DateOnly(2025, 6, 1));
        await Step(v.Head.Id, Filing, new DateOnly(2025, 6, 3));
        await Step(v.Head.Id, new CorrectionOrdered { Deadline = new DateOnly(2025, 12, 1) }, new DateOnly(2025, 6, 10));
        v = await Step(v.Head.Id, new CorrectionReviewed { Result = CorrectionOutcome.NotCorrected, Assessment = "仍参加宗教活动" }, new DateOnly(2025, 12, 2));
        Assert.Equal((DisposalState.Investigating, DisposalMeasure.PersuadeToWithdraw), (v.Record.State, v.Record.Measure));

        await Step(v.Head.Id, new TalkHeld { Interviewers = "王书记、张委员", Summary = "告知拟劝退，本人不同意" }, new DateOnly(2025, 12, 10));
        await Step(v.Head.Id, Vote(), new DateOnly(2025, 12, 20));
        await Step(v.Head.Id, Approval, new DateOnly(2025, 12, 28));
        v = await Step(v.Head.Id, new Notified { Response = WithdrawalResponse.Refused }, new DateOnly(2026, 1, 5));
        Assert.Equal((DisposalState.Investigating, DisposalMeasure.Removal), (v.Record.State, v.Record.Measure));
        Assert.Null((await MemberAsync(member.Id)).LeftDate);

        await Step(v.Head.Id, Vote(), new DateOnly(2026, 1, 15));
        await Step(v.Head.Id, Approval, new DateOnly(2026, 1, 25));
        v = await Step(v.Head.Id, new Notified(), new DateOnly(2026, 1, 28));
        Assert.Equal(DisposalState.Closed, v.Record.State);
        Assert.Equal(new DateOnly(2031, 1, 25), v.Record.ReadmissionBarUntil);

        var removed = await MemberAsync(member.Id);
        Assert.Equal(new DateOnly(2026, 1, 25), removed.LeftDate);
        var history = await new GetMemberHistory(Db(AdminUser)).Handle(member.Id);
        var change = Assert.Single(history, h => h.Change == MembershipChange.Removed);
        Assert.Contains("劝而不退除名", change.Detail!, StringComparison.Ordinal);
        Assert.Equal(v.Head.Id, change.ProcedureId);
        Assert.DoesNotContain((await new ListMembers(Db(Township)).Handle(tree.BranchA.Id, null, 1, 50)).Items, m => m.Member.Id == member.Id);
        Assert.Equal(11, (await new VerifyDisposalIntegrity(Db()).Handle(v.Head.Id)).EventCount);
        Assert.True((await new VerifyDisposalIntegrity(Db()).Handle(v.Head.Id)).Valid);
    }

    [Fact]
    public async Task DirectRemoval_AsLapsed_ForTheSixMonthRule_AndTheRegisterByMeasure()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "吴敏");
        var v = await Propose(member, DisposalGround.Lapse6Months, DisposalMeasure.RemovalAsLapsed, new DateOnly(2026, 9, 1));
        await Step(v.Head.Id, Filing, new DateOnly(2026, 9, 2));
        await Step(v.Head.Id, new Investigated { Findings = "2026年1月起未参加组织生活、未交纳党费" }, new DateOnly(2026, 9, 5));
        await Step(v.Head.Id, Vote(), new DateOnly(2026, 9, 20));
        var list = new ListDisposals(Db(Township));
        Assert.Single((await list.Handle(tree.BranchA.Id, DisposalState.Decided, DisposalMeasure.RemovalAsLapsed, 1, 50)).Items);
        Assert.Empty((await list.Handle(tree.BranchA.Id, null, DisposalMeasure.PersuadeToWithdraw, 1, 50)).Items);
        Assert.Empty((await new ListDisposals(Db(ManagerOf(tree.BranchB))).Handle(null, null, null, 1, 50)).Items);
        await Step(v.Head.Id, Approval, new DateOnly(2026, 9, 30));
        v = await Step(v.Head.Id, new Notified(), new DateOnly(2026, 10, 8));
        Assert.Equal(DisposalState.Closed, v.Record.State);
        Assert.Equal(new DateOnly(2026, 9, 30), (await MemberAsync(member.Id)).LeftDate);
        Assert.Contains(await new GetMemberHistory(Db(AdminUser)).Handle(member.Id),
            h => h.Change == MembershipChange.Removed && h.Detail!.Contains("自行脱党", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refusals_ChangeNothing_X01_X02_X04_X05_AndTheVotersComeFromTheRegistry()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "郑和");
        await new AddSanction(Db(Township), Time).Handle(member.Id, new NewSanction(SanctionType.Warning, new DateOnly(2026, 3, 1), MatterRef: "JW-2026-003"));
        var procedures = await CountAsync<ProcedureRecord>();

        var x05 = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Propose(member, DisposalGround.OrgLifeOrDuesBreach, DisposalMeasure.CorrectionWithinDeadline, new DateOnly(2026, 4, 1), "JW-2026-003"));
        Assert.Equal("X-05-no-double-measure", Assert.Single(x05.Refusals).Rule);
        var x02 = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Propose(member, DisposalGround.Passivity, DisposalMeasure.PersuadeToWithdraw, new DateOnly(2026, 4, 1)));
        Assert.Equal("X-02-sequence", Assert.Single(x02.Refusals).Rule);
        Assert.Equal(procedures, await CountAsync<ProcedureRecord>());
        Assert.Equal(0, await CountAsync<DisposalRecord>());

        var v = await Propose(member, DisposalGround.AsksToLeaveDegenerate, DisposalMeasure.Removal, new DateOnly(2026, 4, 1));
        var events = await CountAsync<ProcedureEventRecord>();
        var x01 = await Assert.ThrowsAsync<RuleViolationException>(() => Step(v.Head.Id, Vote(), new DateOnly(2026, 4, 10)));
        Assert.Contains(x01.Refusals, r => r.Rule == "X-01-prior-filing");
        await Assert.ThrowsAsync<RuleViolationException>(() => Step(v.Head.Id, Filing with { FiledWithOrgId = tree.GeneralBranch.Id }, new DateOnly(2026, 4, 2)));
        Assert.Equal(events, await CountAsync<ProcedureEventRecord>());

        await Step(v.Head.Id, Filing, new DateOnly(2026, 4, 2));
        // N is the branch's voters on the day, the member concerned not among them (G-08).
        var n = await Assert.ThrowsAsync<RuleViolationException>(() => Step(v.Head.Id, Vote(n: 4), new DateOnly(2026, 4, 10)));
        Assert.Contains(n.Refusals, r => r.Rule == "G-08-voting-rights" && r.Message.Contains("3 人", StringComparison.Ordinal));
        var x04 = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Step(v.Head.Id, Vote() with { MemberAttendance = null, MemberStatement = null }, new DateOnly(2026, 4, 10)));
        Assert.Equal(2, x04.Refusals.Count(r => r.Rule == "X-04-decision-and-approval"));
        await Step(v.Head.Id, Vote(), new DateOnly(2026, 4, 10));
        var wrong = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Step(v.Head.Id, new Approved { ApprovingOrgId = tree.BranchB.Id }, new DateOnly(2026, 4, 20)));
        Assert.Contains(wrong.Refusals, r => r.Rule == "X-04-decision-and-approval");
        var state = await new GetDisposal(Db()).Handle(v.Head.Id);
        Assert.Equal((DisposalState.Decided, 3), (state.Record.State, state.Head.Version));
        Assert.Null((await MemberAsync(member.Id)).LeftDate);

        // One open case per member; If-Match; scope.
        var dup = await Assert.ThrowsAsync<ConflictException>(() => Propose(member, DisposalGround.Passivity, DisposalMeasure.CorrectionWithinDeadline, new DateOnly(2026, 4, 3)));
        Assert.Equal(v.Head.Id, dup.ExistingId);
        await Assert.ThrowsAsync<ConflictException>(() => Step(v.Head.Id, Approval, new DateOnly(2026, 4, 20), expectedVersion: 2));
        await Assert.ThrowsAsync<NotFoundException>(() => new GetDisposal(Db(ManagerOf(tree.BranchB))).Handle(v.Head.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Step(v.Head.Id, Approval, new DateOnly(2026, 4, 20), ViewerOf(tree.BranchA)));
        var nf = await Assert.ThrowsAsync<NotFoundException>(() => Step(v.Head.Id, new Approved { ApprovingOrgId = "o-nowhere" }, new DateOnly(2026, 4, 20)));
        Assert.Equal("approvingOrgId", nf.Field);
    }

    [Fact]
    public async Task X06_ReadmissionBar_RemovalApproved20210630_WarnsTheApplication_AndBarsTheAdmissionVoteUntil20260630()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "孙立");
        var v = await Propose(member, DisposalGround.LostPartyConditions, DisposalMeasure.Removal, new DateOnly(2021, 6, 1));
        await Step(v.Head.Id, Filing, new DateOnly(2021, 6, 2));
        await Step(v.Head.Id, Vote(), new DateOnly(2021, 6, 20));
        await Step(v.Head.Id, Approval, new DateOnly(2021, 6, 30));
        v = await Step(v.Head.Id, new Notified(), new DateOnly(2021, 7, 2));
        Assert.Equal(new DateOnly(2026, 6, 30), v.Record.ReadmissionBarUntil);

        // The same person applies again: a WARN, passed with a reason and stored with the opening step.
        var open = () => new OpenCase(Db(), Time, new GetCase(Db()));
        var warn = await Assert.ThrowsAsync<RuleViolationException>(() =>
            open().Handle(new NewCase(member.PersonId, tree.BranchA.Id, new DateOnly(2026, 1, 5), ReceivingOrgRelation.ResidenceOrg)));
        var refusal = Assert.Single(warn.Refusals);
        Assert.Equal(("X-06-readmission-bar", RuleSeverity.Warn), (refusal.Rule, refusal.Severity));
        var opened = await open().Handle(new NewCase(member.PersonId, tree.BranchA.Id, new DateOnly(2026, 1, 5), ReceivingOrgRelation.ResidenceOrg,
            [new Override("X-06-readmission-bar", "本人重新提出申请，支部将在5年期满后讨论")]));
        var record = await Db().Cases.IgnoreQueryFilters().AsNoTracking().FirstAsync(c => c.Id == opened.Case.Id);

        // The admission vote: refused the day before the bar ends, allowed on it.
        async Task<IReadOnlyList<Refusal>> AdmissionVote(DateOnly date)
        {
            var ctx = await new CaseFacts(Db(), new OfficialCalendar(), Time).Load(record, new CaseState(), CaseEventType.AdmissionVoteHeld, date, new EventData(), default);
            return ReadmissionRules.Check(new RuleInput(new CaseState(), CaseEventType.AdmissionVoteHeld, date, new EventData(), ctx)).ToList();
        }

        var refused = Assert.Single(await AdmissionVote(new DateOnly(2026, 6, 29)));
        Assert.Equal(("X-06-readmission-bar", RuleSeverity.Block), (refused.Rule, refused.Severity));
        Assert.Empty(await AdmissionVote(new DateOnly(2026, 6, 30)));
    }

    [Fact]
    public async Task X06_ReadmissionBar_ThroughRecordCaseEvent_TheAdmissionVoteOn20260629_IsRefusedAndChangesNothing_On20260630_IsRecorded()
    {
        await SetUpAsync();
        await CreateMemberAsync(tree.BranchA, "支部党员3");
        var member = await CreateMemberAsync(tree.BranchA, "孙立");
        var v = await Propose(member, DisposalGround.LostPartyConditions, DisposalMeasure.Removal, new DateOnly(2021, 6, 1));
        await Step(v.Head.Id, Filing, new DateOnly(2021, 6, 2));
        await Step(v.Head.Id, Vote(4), new DateOnly(2021, 6, 20));
        await Step(v.Head.Id, Approval, new DateOnly(2021, 6, 30));
        v = await Step(v.Head.Id, new Notified(), new DateOnly(2021, 7, 2));
        Assert.Equal(new DateOnly(2026, 6, 30), v.Record.ReadmissionBarUntil);

        // A new development case of the same person, driven step by step through RecordCaseEvent as the demo's admitted
        // cases are (SeedDemoCases), to the admission vote on the last day of the bar.
        var calendar = new OfficialCalendar();
        await calendar.InitialiseAsync(Db(), Time);
        var branch = tree.BranchA;
        var committee = tree.Township;
        var clean = (await Db().Members.IgnoreQueryFilters().AsNoTracking().Where(m => m.OrgId == branch.Id && m.LeftDate == null)
            .OrderBy(m => m.Id).Select(m => m.Id).ToListAsync()).Take(4).ToList();
        var decidedBy = branch.HasCommittee ? DecidingBody.BranchCommitteeMeeting : DecidingBody.BranchAssembly;
        var assembly = new DateOnly(2026, 6, 29);
        var consent = assembly.AddMonths(-2).AddDays(-20);
        var activist = consent.AddDays(-3).AddYears(-1).AddDays(-20);
        var received = activist.AddDays(-30);
        var opened = await new OpenCase(Db(), Time, new GetCase(Db())).Handle(new NewCase(member.PersonId, branch.Id, received,
            ReceivingOrgRelation.ResidenceOrg, [new Override("X-06-readmission-bar", "本人重新提出申请，支部将在5年期满后讨论")]));
        var id = opened.Case.Id;
        await new RecordSerialRange(Db(), Time).Handle(new NewSerialRange(committee.Id, "GD2026990001", "GD2026990001", received, "测试"));

        Task<CaseView> CaseStep(CaseEventType type, DateOnly date, EventData data)
        {
            var db = Db();
            return new RecordCaseEvent(db, new CaseFacts(db, calendar, Time), Time).Handle(id, new NewCaseEvent(type, date, data, [], []), null);
        }

        var topics = Enum.GetValues<TalkTopic>();
        await CaseStep(CaseEventType.ApplicationTalkHeld, received.AddDays(10), new EventData { InterviewerMemberIds = [clean[0]], Topics = topics });
        await CaseStep(CaseEventType.NominationRecorded, received.AddDays(20), new EventData { Method = NominationMethod.MemberRecommendation });
        await CaseStep(CaseEventType.ActivistDesignated, activist, new EventData { DecidedBy = decidedBy });
        await CaseStep(CaseEventType.ActivistFiled, activist.AddDays(5), new EventData { FiledWithOrgId = committee.Id });
        await CaseStep(CaseEventType.MentorAssigned, activist.AddDays(7), new EventData { MentorMemberIds = [clean[1], clean[2]], QualificationAttested = true });
        await CaseStep(CaseEventType.ActivistAssessed, activist.AddMonths(5), new EventData { Summary = "认真学习党的理论，工作积极主动，能够团结同志。" });
        await CaseStep(CaseEventType.ActivistAssessed, activist.AddMonths(10), new EventData { Summary = "理想信念坚定，业务骨干作用明显，群众评价好。" });
        await CaseStep(CaseEventType.OpinionsCollected, consent.AddDays(-6), new EventData
        {
            Purpose = OpinionPurpose.CandidateListing,
            Sources = [OpinionSource.Mentor, OpinionSource.Member, OpinionSource.NonMember],
            MentorOpinions = [new MentorOpinion(clean[1], true), new MentorOpinion(clean[2], true)],
            Summary = "培养联系人、党员和群众一致认为该同志基本具备党员条件。",
        });
        await CaseStep(CaseEventType.CandidateProposed, consent.AddDays(-3), new EventData { DecidedBy = decidedBy });
        await CaseStep(CaseEventType.CandidateConsented, consent, new EventData { ConsentingOrgId = committee.Id });
        var start = consent.AddDays(1);
        var end = calendar.Current.AddWorkingDays(start, 5);
        var listed = end.AddDays(1);
        if (RulesVersions.InForceOn(listed) == RulesVersion.Rules2026)
        {
            await CaseStep(CaseEventType.PublicNoticeEnded, end, new EventData
            {
                StartDate = start,
                Place = NoticePlace.Residence,
                Outcome = nameof(PublicNoticeOutcome.NoImpact),
            });
        }

        await CaseStep(CaseEventType.CandidateListed, listed, new EventData());
        await CaseStep(CaseEventType.SponsorsAssigned, listed.AddDays(2), new EventData { SponsorMemberIds = [clean[1], clean[2]], Source = SponsorSource.MentorAsSponsor });
        await CaseStep(CaseEventType.PoliticalReviewConcluded, assembly.AddDays(-30), new EventData
        {
            Methods = [PoliticalReviewMethod.TalkWithPerson, PoliticalReviewMethod.ArchiveReview, PoliticalReviewMethod.LetterInquiry],
            ReviewItems = Enum.GetValues<PoliticalReviewItem>(),
            Conclusion = PoliticalReviewConclusion.Qualified,
        });
        await CaseStep(CaseEventType.TrainingCompleted, assembly.AddDays(-25), new EventData
        {
            StartDate = assembly.AddDays(-27),
            Days = 3,
            ClassHours = 24,
            Mode = TrainingMode.Offline,
            OrganizerOrgId = committee.Id,
        });
        await CaseStep(CaseEventType.BranchReviewPassed, assembly.AddDays(-15), new EventData { DecidedBy = decidedBy });
        await CaseStep(CaseEventType.PreReviewPassed, assembly.AddDays(-10), new EventData { ReviewingOrgId = committee.Id });
        var before = await CaseStep(CaseEventType.AdmissionFormIssued, assembly.AddDays(-8), new EventData { Serial = "GD2026990001" });

        EventData AdmissionVote(DateOnly on) => new()
        {
            VoteMethod = VoteMethod.SecretBallot,
            MeetingStartAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), ChinaTime.Offset),
            EligibleVoterCount = clean.Count,
            PresentVoterCount = clean.Count,
            VotesFor = clean.Count,
            VotesAgainst = 0,
            Abstentions = 0,
            Procedure = new AssemblyProcedure(true, true, [new SponsorIntroduction(clean[1], true), new SponsorIntroduction(clean[2], true)]),
            ResolutionText = "该同志入党动机端正，经培养考察已具备党员条件，同意接收为中共预备党员。",
            SecretaryMemberId = clean[0],
        };

        // X-06-readmission-bar: the day before the bar ends the vote is refused (BLOCK) and nothing is recorded.
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            CaseStep(CaseEventType.AdmissionVoteHeld, assembly, AdmissionVote(assembly)));
        var refusal = Assert.Single(refused.Refusals);
        Assert.Equal(("X-06-readmission-bar", RuleSeverity.Block), (refusal.Rule, refusal.Severity));
        var unchanged = await new GetCase(Db()).Handle(id);
        Assert.Equal(before.Case.Version, unchanged.Case.Version);
        Assert.Equal(before.Events.Count, unchanged.Events.Count);
        Assert.Equal(DevelopmentStage.Candidate, unchanged.Case.Stage);

        // On the day the bar ends (approval 2021-06-30 + 5 years) the vote is recorded.
        var barEnds = new DateOnly(2026, 6, 30);
        var voted = await CaseStep(CaseEventType.AdmissionVoteHeld, barEnds, AdmissionVote(barEnds));
        Assert.Equal(before.Case.Version + 1, voted.Case.Version);
        Assert.Equal(CaseEventType.AdmissionVoteHeld, voted.Events[^1].Type);
    }

    [Fact]
    public async Task X07_NoRestoration_ALostContactRestorationAfterRemoval_IsRefused_UnlessByException()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "钱进");
        var lcDb = Db(Township);
        var lost = await new ReportLostContact(lcDb, new LostContactFacts(lcDb, Time), Time).Handle(new NewProcedureEvent<LostContactEvent>(nameof(Reported),
            new DateOnly(2025, 1, 20), new Reported { MemberId = member.Id, LostSinceDate = new DateOnly(2025, 1, 1), Circumstance = LostContactCircumstance.WorkingAway }, [], []));
        Task<LostContactView> LostStep(LostContactEvent e, DateOnly date, Caller? caller = null, IReadOnlyList<RuleException>? exceptions = null)
        {
            var db = Db(caller ?? Township);
            return new RecordLostContactEvent(db, new LostContactFacts(db, Time), Time)
                .Handle(lost.Head.Id, new NewProcedureEvent<LostContactEvent>(e.GetType().Name, date, e, [], exceptions ?? []), null);
        }

        await LostStep(new SearchLogged { Method = "联系家属", Result = "不知去向" }, new DateOnly(2025, 2, 1));
        await LostStep(new SuspensionDecided { DecidingOrgId = tree.BranchA.Id, Basis = "党员大会决议" }, new DateOnly(2025, 7, 5));
        await LostStep(new SuspensionApproved { ApprovingOrgId = tree.Township.Id }, new DateOnly(2025, 7, 10));

        // Meanwhile removed by a disposal as lapsed.
        var v = await Propose(member, DisposalGround.Lapse6Months, DisposalMeasure.RemovalAsLapsed, new DateOnly(2026, 1, 5));
        await Step(v.Head.Id, Filing, new DateOnly(2026, 1, 6));
        await Step(v.Head.Id, Vote(), new DateOnly(2026, 1, 20));
        await Step(v.Head.Id, Approval, new DateOnly(2026, 1, 30));
        await Step(v.Head.Id, new Notified(), new DateOnly(2026, 2, 2));

        await LostStep(new RestorationApplied { Statement = "本人返回，申请恢复党籍" }, new DateOnly(2026, 3, 1));
        var events = await CountAsync<ProcedureEventRecord>();
        var county = ManagerOf(tree.County);
        var e = await Assert.ThrowsAsync<RuleViolationException>(() =>
            LostStep(new RestorationApproved { ApprovingOrgId = tree.County.Id }, new DateOnly(2026, 3, 10), county));
        var refusal = Assert.Single(e.Refusals);
        Assert.Equal(("X-07-no-restoration", RuleSeverity.BlockWithException), (refusal.Rule, refusal.Severity));
        Assert.Equal(events, await CountAsync<ProcedureEventRecord>());
        Assert.NotNull((await MemberAsync(member.Id)).LeftDate);

        var exception = new RuleException("X-07-no-restoration", "县委复查认定原除名事实不清，撤销除名决定", tree.County.Id, new DateOnly(2026, 3, 8));
        var restored = await LostStep(new RestorationApproved { ApprovingOrgId = tree.County.Id }, new DateOnly(2026, 3, 10), county, [exception]);
        Assert.Equal(LostContactState.Closed, restored.Progress.State);
        var back = await MemberAsync(member.Id);
        Assert.Null(back.LeftDate);
        Assert.Null(back.SuspendedDate);
    }
}

public sealed class DisposalUseCaseTests_Sqlite : DisposalUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class DisposalUseCaseTests_Postgres : DisposalUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
