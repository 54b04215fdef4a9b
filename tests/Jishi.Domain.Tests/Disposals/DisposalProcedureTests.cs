using Jishi.Domain.Development;
using Jishi.Domain.Disposals;
using Jishi.Domain.LostContacts;
using Jishi.Domain.Organisations;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Disposals;

/// <summary>The disposal procedure on the engine, pure: its table with outcome rows, X-01…X-05 at their boundaries,
/// its deadline, the readmission bar it sets and the removal it effects; X-07 on a lost-contact restoration.</summary>
public sealed class DisposalProcedureTests
{
    private static readonly OrgFacts County = new("o-k", "中共安和县委员会", OrgType.CountyCommittee, null, true, true, false, true);
    private static readonly OrgFacts Committee = new("o-c", "中共城关镇委员会", OrgType.TownshipCommittee, "o-k", true, true, false, true);
    private static readonly OrgFacts Branch = new("o-b", "第一社区党支部", OrgType.Branch, "o-c", false, false, false, true);
    private static readonly OrgFacts Elsewhere = new("o-e", "中共安和一中委员会", OrgType.PrimaryCommittee, "o-k", true, true, false, true);

    private static DisposalContext Ctx(DateOnly today, OrgFacts? named = null, IReadOnlyList<SanctionedMatter>? matters = null,
        int? voters = null) => new()
        {
            Today = today,
            MemberName = "钱进",
            MemberOrgChain = [Branch, Committee, County],
            NamedOrg = named,
            SanctionedMatters = matters ?? [],
            EligibleVoterCount = voters,
        };

    private static DisposalProposed Proposal(DisposalGround ground, DisposalMeasure measure, string? matterRef = null) =>
        new() { MemberId = "m-7", Ground = ground, Measure = measure, MatterRef = matterRef, Reason = "连续多月不参加组织生活" };

    private static DisposalProgress Open(DisposalGround ground, DisposalMeasure measure, DateOnly start)
    {
        var p = DisposalProcedure.Instance.NewProgress();
        p.Apply(new ProcedureEvent<DisposalEvent>(1, nameof(DisposalProposed), start, Proposal(ground, measure), [], []));
        return p;
    }

    private static void Apply(DisposalProgress p, DisposalEvent e, DateOnly date) =>
        p.Apply(new ProcedureEvent<DisposalEvent>(p.NextSeq, e.GetType().Name, date, e, [], []));

    private static ProcedureDecision<DisposalEvent> Decide(DisposalProgress p, DisposalEvent e, DateOnly date, OrgFacts? named = null,
        IReadOnlyList<Override>? overrides = null, int? voters = null) =>
        DisposalProcedure.Instance.Decide(p, e.GetType().Name, date, e, Ctx(date, named, voters: voters), overrides);

    private static ProcedureDecision<DisposalEvent> Propose(DisposalGround ground, DisposalMeasure measure, IReadOnlyList<SanctionedMatter>? matters = null,
        string? matterRef = null) =>
        DisposalProcedure.Instance.Decide(DisposalProcedure.Instance.NewProgress(), nameof(DisposalProposed), new DateOnly(2026, 1, 31),
            Proposal(ground, measure, matterRef), Ctx(new DateOnly(2026, 11, 22), matters: matters));

    private static readonly FiledWithCommittee Filing = new() { FiledWithOrgId = Committee.Id };

    private static AssemblyDecided Vote(int n = 10, int present = 8, int votesFor = 7, DisposalMemberAttendance? attendance = DisposalMemberAttendance.Present,
        string? statement = "本人表示服从组织决定") =>
        new()
        {
            EligibleVoterCount = n,
            PresentVoterCount = present,
            VotesFor = votesFor,
            VotesAgainst = present - votesFor,
            Abstentions = 0,
            MemberAttendance = attendance,
            MemberStatement = statement,
        };

    /// <summary>Filed, correction ordered on 2026-01-31 until 2026-07-31.</summary>
    private static DisposalProgress Correcting()
    {
        var p = Open(DisposalGround.Passivity, DisposalMeasure.CorrectionWithinDeadline, new DateOnly(2026, 1, 20));
        Apply(p, Filing, new DateOnly(2026, 1, 25));
        Apply(p, new CorrectionOrdered(), new DateOnly(2026, 1, 31));
        return p;
    }

    [Fact]
    public void Table_HasOneRowPerStateEventAndOutcome_AndEveryEventTypeIsARecordOfItsOwn()
    {
        var table = DisposalProcedure.StateMachine;
        Assert.Equal(table.All.Count, table.All.Select(t => (t.From, t.Event, t.Outcome)).Distinct().Count());
        foreach (var (tag, type) in DisposalProcedure.Instance.EventTypes)
        {
            Assert.Equal(tag, type.Name);
            Assert.True(type.IsSubclassOf(typeof(DisposalEvent)));
        }

        Assert.All(table.All, t => Assert.True(DisposalProcedure.Instance.EventTypes.ContainsKey(t.Event)));
    }

    [Theory]
    [InlineData(new[] { "FiledWithCommittee", "Investigated", "CorrectionOrdered", "CorrectionReviewed:Corrected" }, DisposalState.Closed)]
    [InlineData(new[] { "FiledWithCommittee", "CorrectionOrdered", "CorrectionReviewed:NotCorrected" }, DisposalState.Investigating)]
    [InlineData(new[] { "FiledWithCommittee", "AssemblyDecided:Passed", "Approved", "Notified:Refused" }, DisposalState.Investigating)]
    [InlineData(new[] { "FiledWithCommittee", "AssemblyDecided:Passed", "Approved", "Appealed", "Notified:Withdrew" }, DisposalState.Closed)]
    [InlineData(new[] { "FiledWithCommittee", "AssemblyDecided:Passed", "Approved", "Notified" }, DisposalState.Closed)]
    [InlineData(new[] { "FiledWithCommittee", "AssemblyDecided:NotPassed" }, DisposalState.Closed)]
    [InlineData(new[] { "FiledWithCommittee", "AssemblyDecided:Passed", "NotApproved" }, DisposalState.Closed)]
    public void ReplayingAPath_LeadsWhereTheOutcomeRowsSay(string[] path, DisposalState expected) =>
        Assert.Equal(expected, DisposalProcedure.StateMachine.Replay(path));

    [Fact]
    public void X01_PriorFiling_NoInvestigationTalkOrMeasureBeforeTheProposalIsFiled_AndOnlyWithACommitteeAbove()
    {
        var p = Open(DisposalGround.Passivity, DisposalMeasure.CorrectionWithinDeadline, new DateOnly(2026, 3, 1));
        var day = new DateOnly(2026, 3, 2);
        foreach (DisposalEvent step in new DisposalEvent[]
                 {
                     new Investigated { Findings = "经查属实" }, new TalkHeld { Interviewers = "王书记、李委员", Summary = "本人承认" },
                     new CorrectionOrdered(), Vote(),
                 })
        {
            var d = Decide(p, step, day);
            Assert.Contains(d.Refusals, r => r.Rule == "X-01-prior-filing" && r.Message.Contains("备案", StringComparison.Ordinal));
        }

        Assert.Contains(Decide(p, Filing with { FiledWithOrgId = Branch.Id }, day, Branch).Refusals, r => r.Rule == "X-01-prior-filing");
        Assert.Contains(Decide(p, Filing with { FiledWithOrgId = Elsewhere.Id }, day, Elsewhere).Refusals, r => r.Rule == "X-01-prior-filing");
        Assert.True(Decide(p, Filing, day, Committee).IsAccepted);
        Apply(p, Filing, day);
        Assert.Equal(DisposalState.Investigating, p.State);
        Assert.True(Decide(p, new Investigated { Findings = "经查属实" }, day).IsAccepted);
    }

    [Theory]
    [InlineData(DisposalGround.Passivity, DisposalMeasure.CorrectionWithinDeadline, true)]
    [InlineData(DisposalGround.ReligiousBelief, DisposalMeasure.PersuadeToWithdraw, false)]
    [InlineData(DisposalGround.ThreatensToLeave, DisposalMeasure.PersuadeToWithdraw, false)]
    [InlineData(DisposalGround.OrgLifeOrDuesBreach, DisposalMeasure.Removal, false)]
    [InlineData(DisposalGround.IdealsWavering, DisposalMeasure.Removal, false)]
    [InlineData(DisposalGround.LostPartyConditions, DisposalMeasure.Removal, true)]
    [InlineData(DisposalGround.AsksToLeaveDegenerate, DisposalMeasure.Removal, true)]
    [InlineData(DisposalGround.Lapse6Months, DisposalMeasure.RemovalAsLapsed, true)]
    [InlineData(DisposalGround.Lapse6Months, DisposalMeasure.CorrectionWithinDeadline, false)]
    [InlineData(DisposalGround.Passivity, DisposalMeasure.RemovalAsLapsed, false)]
    [InlineData(DisposalGround.RequestsToLeave, DisposalMeasure.RemovalOnRequest, true)]
    [InlineData(DisposalGround.LostContactFound, DisposalMeasure.RemovalOnRequest, false)]
    public void X02_Sequence_ACaseOpensOnlyWithTheMeasureItsGroundAllows(DisposalGround ground, DisposalMeasure measure, bool allowed)
    {
        var d = Propose(ground, measure);
        if (allowed)
        {
            Assert.True(d.IsAccepted);
        }
        else
        {
            var r = Assert.Single(d.Refusals);
            Assert.Equal("X-02-sequence", r.Rule);
            Assert.Contains("第三十一条", r.Article, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void X02_Sequence_ACorrectionIsOrderedNotVoted_AndARemovalCaseIsNotCorrected()
    {
        var p = Open(DisposalGround.Passivity, DisposalMeasure.CorrectionWithinDeadline, new DateOnly(2026, 3, 1));
        Apply(p, Filing, new DateOnly(2026, 3, 2));
        Assert.Contains(Decide(p, Vote(), new DateOnly(2026, 3, 3)).Refusals, r => r.Rule == "X-02-sequence");

        var removal = Open(DisposalGround.LostPartyConditions, DisposalMeasure.Removal, new DateOnly(2026, 3, 1));
        Apply(removal, Filing, new DateOnly(2026, 3, 2));
        Assert.Contains(Decide(removal, new CorrectionOrdered(), new DateOnly(2026, 3, 3)).Refusals, r => r.Rule == "X-02-sequence");
        Assert.True(Decide(removal, Vote(), new DateOnly(2026, 3, 3)).IsAccepted);
    }

    [Theory]
    [InlineData("2027-01-31", true)]
    [InlineData("2027-02-01", false)]
    [InlineData("2026-07-31", true)]
    public void X03_CorrectionDeadline_AtMostTwelveCalendarMonths_From20260131(string deadline, bool allowed)
    {
        var p = Open(DisposalGround.Passivity, DisposalMeasure.CorrectionWithinDeadline, new DateOnly(2026, 1, 20));
        Apply(p, Filing, new DateOnly(2026, 1, 25));
        var d = Decide(p, new CorrectionOrdered { Deadline = DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture) },
            new DateOnly(2026, 1, 31));
        if (allowed)
        {
            Assert.True(d.IsAccepted);
        }
        else
        {
            var r = Assert.Single(d.Refusals);
            Assert.Equal("X-03-correction-deadline", r.Rule);
            Assert.Contains("2027-01-31", r.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void X03_CorrectionDeadline_DefaultsToSixMonths_IsAProcedureDeadline_AndAReviewLateByMoreThan30DaysWarns()
    {
        var p = Correcting();
        Assert.Equal(new DateOnly(2026, 7, 31), p.CorrectionDeadline);
        var deadline = Assert.Single(DisposalProcedure.Instance.Deadlines(p));
        Assert.Equal(("X-03-correction-deadline", new DateOnly(2026, 7, 31), (DateOnly?)null), (deadline.Rule, deadline.DueDate, deadline.CompletedDate));

        var notCorrected = new CorrectionReviewed { Result = CorrectionOutcome.NotCorrected, Assessment = "仍不参加组织生活" };
        // Not corrected cannot be found before the deadline.
        Assert.Contains(Decide(p, notCorrected, new DateOnly(2026, 7, 30)).Refusals, r => r.Rule == "X-03-correction-deadline");
        Assert.True(Decide(p, notCorrected, new DateOnly(2026, 7, 31)).IsAccepted);
        Assert.True(Decide(p, notCorrected, new DateOnly(2026, 8, 30)).IsAccepted);
        var late = Decide(p, notCorrected, new DateOnly(2026, 8, 31));
        var warn = Assert.Single(late.Refusals);
        Assert.Equal(("X-03-correction-deadline", RuleSeverity.Warn), (warn.Rule, warn.Severity));
        Assert.True(Decide(p, notCorrected, new DateOnly(2026, 8, 31), overrides: [new Override("X-03-correction-deadline", "审查人员外出学习")]).IsAccepted);

        // An early "corrected" is fine.
        Assert.True(Decide(p, new CorrectionReviewed { Result = CorrectionOutcome.Corrected }, new DateOnly(2026, 5, 1)).IsAccepted);
        Assert.Contains(Decide(p, new CorrectionReviewed(), new DateOnly(2026, 8, 1)).Errors, e => e.Field == "result");
    }

    [Fact]
    public void X02_Sequence_ACorrectionNotMade_TurnsTheCaseToPersuasion_AndPersuasionRefused_ToRemoval_WithItsOwnDecision()
    {
        var p = Correcting();
        Apply(p, new CorrectionReviewed { Result = CorrectionOutcome.NotCorrected }, new DateOnly(2026, 8, 1));
        Assert.Equal((DisposalState.Investigating, DisposalMeasure.PersuadeToWithdraw), (p.State, p.Measure));
        Apply(p, Vote(), new DateOnly(2026, 8, 10));
        Apply(p, new Approved { ApprovingOrgId = Committee.Id }, new DateOnly(2026, 8, 20));
        Assert.Contains(Decide(p, new Notified(), new DateOnly(2026, 8, 21)).Errors, e => e.Field == "response");
        var refused = Decide(p, new Notified { Response = WithdrawalResponse.Refused }, new DateOnly(2026, 8, 21));
        Assert.True(refused.IsAccepted);
        Assert.Empty(refused.Effects);
        Apply(p, new Notified { Response = WithdrawalResponse.Refused }, new DateOnly(2026, 8, 21));
        Assert.Equal((DisposalState.Investigating, DisposalMeasure.Removal), (p.State, p.Measure));
        Assert.Null(p.ReadmissionBarUntil);

        // 劝而不退除名 needs its own assembly decision, approval and notification.
        Assert.Contains(Decide(p, new Approved { ApprovingOrgId = Committee.Id }, new DateOnly(2026, 9, 1), Committee).Refusals,
            r => r.Rule == "CASE-transition");
        Apply(p, Vote(), new DateOnly(2026, 9, 1));
        Apply(p, new Approved { ApprovingOrgId = Committee.Id }, new DateOnly(2026, 9, 10));
        var notified = Decide(p, new Notified(), new DateOnly(2026, 9, 12));
        Assert.Equal(new MemberRemovedByDisposal("m-7", new DateOnly(2026, 9, 10), DisposalMeasure.Removal, AfterRefusal: true), Assert.Single(notified.Effects));
        Apply(p, new Notified(), new DateOnly(2026, 9, 12));
        Assert.Equal(DisposalState.Closed, p.State);
        // X-06-readmission-bar: the approval of the 除名 + 5 years (G-02).
        Assert.Equal(new DateOnly(2031, 9, 10), p.ReadmissionBarUntil);
    }

    [Fact]
    public void X04_DecisionAndApproval_TheVoteNeedsAQuorum_TheMemberPresentOrNotified_TheirStatement_AndACommitteeAbove()
    {
        var p = Open(DisposalGround.LostPartyConditions, DisposalMeasure.Removal, new DateOnly(2026, 3, 1));
        Apply(p, Filing, new DateOnly(2026, 3, 2));
        var day = new DateOnly(2026, 3, 10);
        Assert.Contains(Decide(p, Vote(n: 10, present: 5, votesFor: 5), day).Refusals, r => r.Rule == "L-04-assembly-votes");
        Assert.True(Decide(p, Vote(n: 10, present: 6, votesFor: 6), day).IsAccepted);
        Assert.Contains(Decide(p, Vote(attendance: null), day).Refusals, r => r.Rule == "X-04-decision-and-approval");
        Assert.Contains(Decide(p, Vote(statement: " "), day).Refusals, r => r.Rule == "X-04-decision-and-approval");
        Assert.True(Decide(p, Vote(attendance: DisposalMemberAttendance.NotifiedAbsent, statement: "本人未到会，书面申辩称……"), day).IsAccepted);
        Assert.Contains(Decide(p, Vote(), day, voters: 11).Refusals, r => r.Rule == "G-08-voting-rights");
        Assert.Contains(Decide(p, Vote() with { VotesFor = 9 }, day).Errors, e => e.Field == "votesFor");

        // 2Y = N does not pass: the case closes without a measure.
        var notPassed = Open(DisposalGround.LostPartyConditions, DisposalMeasure.Removal, new DateOnly(2026, 3, 1));
        Apply(notPassed, Filing, new DateOnly(2026, 3, 2));
        Apply(notPassed, Vote(n: 10, present: 8, votesFor: 5), day);
        Assert.Equal(DisposalState.Closed, notPassed.State);

        Apply(p, Vote(), day);
        Assert.Contains(Decide(p, new Approved { ApprovingOrgId = Branch.Id }, day, Branch).Refusals, r => r.Rule == "X-04-decision-and-approval");
        Assert.Contains(Decide(p, new Approved { ApprovingOrgId = Elsewhere.Id }, day, Elsewhere).Refusals, r => r.Rule == "X-04-decision-and-approval");
        Assert.Contains(Decide(p, new Notified(), day).Refusals, r => r.Rule == "CASE-transition");
        Apply(p, new Approved { ApprovingOrgId = Committee.Id }, day);
        Assert.True(Decide(p, new Appealed { Statement = "本人不服，提出申诉" }, day).IsAccepted);
        var notified = Decide(p, new Notified(), day);
        Assert.Equal(DisposalMeasure.Removal, Assert.IsType<MemberRemovedByDisposal>(Assert.Single(notified.Effects)).Measure);
    }

    [Theory]
    [InlineData(10, 5, true)] // 2A = N: no quorum
    [InlineData(10, 6, false)]
    [InlineData(11, 5, true)]
    [InlineData(11, 6, false)] // 2A = N + 1
    public void L04_AssemblyVotes_TheDisposalDecisionNeedsAQuorum_2AGreaterThanN_RefusedUnderL04AndArticle11(int n, int present, bool refused)
    {
        var p = Open(DisposalGround.LostPartyConditions, DisposalMeasure.Removal, new DateOnly(2026, 3, 1));
        Apply(p, Filing, new DateOnly(2026, 3, 2));
        var d = Decide(p, Vote(n: n, present: present, votesFor: present), new DateOnly(2026, 3, 10));
        if (refused)
        {
            var r = Assert.Single(d.Refusals);
            Assert.Equal(("L-04-assembly-votes", RuleSeverity.Block), (r.Rule, r.Severity));
            Assert.Contains("第十一条", r.Article, StringComparison.Ordinal);
            Assert.Contains($"实到会有表决权的党员 {present} 人", r.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(d.IsAccepted);
        }
    }

    [Fact]
    public void L04_AssemblyVotes_ADisposalVoteWith2YEqualToN_IsTheOutcomeNotPassed_AndOneMoreVotePasses()
    {
        var day = new DateOnly(2026, 3, 10);
        DisposalProgress Filed()
        {
            var p = Open(DisposalGround.LostPartyConditions, DisposalMeasure.Removal, new DateOnly(2026, 3, 1));
            Apply(p, Filing, new DateOnly(2026, 3, 2));
            return p;
        }

        // L-04-assembly-votes: 2Y = N is recorded (quorum met) with the result NotPassed; the case closes without a measure.
        var tie = Vote(n: 10, present: 8, votesFor: 5);
        var notPassed = Filed();
        Assert.True(Decide(notPassed, tie, day).IsAccepted);
        Assert.Equal(DisposalVoteResult.NotPassed, tie.Result);
        Apply(notPassed, tie, day);
        Assert.Equal(DisposalState.Closed, notPassed.State);

        var passing = Vote(n: 10, present: 8, votesFor: 6);
        Assert.Equal(DisposalVoteResult.Passed, passing.Result);
        var passed = Filed();
        Apply(passed, passing, day);
        Assert.Equal(DisposalState.Decided, passed.State);
    }

    [Theory]
    [InlineData(10, 11, 5, 0, 0, "presentVoterCount")] // A > N
    [InlineData(10, 8, 5, 3, 1, "votesFor")] // 赞成 + 反对 + 弃权 = 9 > A = 8
    [InlineData(10, 8, -1, 0, 0, "votesFor")]
    public void L04_AssemblyVotes_InconsistentFiguresOfTheDisposalVote_AreA400NamingTheField(int n, int present, int votesFor, int against, int abstain,
        string field)
    {
        // L-04-assembly-votes: the figures are checked before the quorum and the result are computed from them.
        var p = Open(DisposalGround.LostPartyConditions, DisposalMeasure.Removal, new DateOnly(2026, 3, 1));
        Apply(p, Filing, new DateOnly(2026, 3, 2));
        var vote = Vote(n: n, present: present, votesFor: votesFor) with { VotesAgainst = against, Abstentions = abstain };
        Assert.Contains(Decide(p, vote, new DateOnly(2026, 3, 10)).Errors, e => e.Field == field);
    }

    [Fact]
    public void X05_NoDoubleMeasure_TheMatterOfASanction_IsNotDisposedOfAgain()
    {
        var matters = new[] { new SanctionedMatter("JW-2025-017", "严重警告", new DateOnly(2025, 10, 1)) };
        var r = Assert.Single(Propose(DisposalGround.OrgLifeOrDuesBreach, DisposalMeasure.CorrectionWithinDeadline, matters, "jw-2025-017 ").Refusals);
        Assert.Equal("X-05-no-double-measure", r.Rule);
        Assert.Contains("JW-2025-017", r.Message, StringComparison.Ordinal);
        Assert.True(Propose(DisposalGround.OrgLifeOrDuesBreach, DisposalMeasure.CorrectionWithinDeadline, matters, "JW-2026-001").IsAccepted);
        Assert.True(Propose(DisposalGround.OrgLifeOrDuesBreach, DisposalMeasure.CorrectionWithinDeadline, matters).IsAccepted);
    }

    [Fact]
    public void X06_ReadmissionBar_FollowsTheApprovalOfPersuasion_WhenTheMemberWithdraws_AndNothingWhenCorrected()
    {
        var p = Correcting();
        Apply(p, new CorrectionReviewed { Result = CorrectionOutcome.NotCorrected }, new DateOnly(2026, 8, 1));
        Apply(p, Vote(), new DateOnly(2026, 8, 10));
        Apply(p, new Approved { ApprovingOrgId = Committee.Id }, new DateOnly(2026, 8, 20));
        var withdrew = Decide(p, new Notified { Response = WithdrawalResponse.Withdrew }, new DateOnly(2026, 8, 25));
        Assert.Equal(DisposalMeasure.PersuadeToWithdraw, Assert.IsType<MemberRemovedByDisposal>(Assert.Single(withdrew.Effects)).Measure);
        Apply(p, new Notified { Response = WithdrawalResponse.Withdrew }, new DateOnly(2026, 8, 25));
        Assert.Equal(new DateOnly(2031, 8, 20), p.ReadmissionBarUntil);

        var corrected = Correcting();
        Apply(corrected, new CorrectionReviewed { Result = CorrectionOutcome.Corrected }, new DateOnly(2026, 7, 31));
        Assert.Equal(DisposalState.Closed, corrected.State);
        Assert.Null(corrected.ReadmissionBarUntil);
        Assert.True(Assert.Single(DisposalProcedure.Instance.Deadlines(corrected)).Satisfied);
    }

    [Fact]
    public void X06_ReadmissionBar_OnTheAdmissionVote_RemovalApproved20210630_BarsAVoteOn20260629_NotOn20260630()
    {
        var bar = new DateOnly(2021, 6, 30).AddYears(DisposalRules.ReadmissionBarYears);
        Assert.Equal(new DateOnly(2026, 6, 30), bar);
        var refused = ReadmissionRules.Bar(bar, "孙立", new DateOnly(2026, 6, 29), atVote: true)!;
        Assert.Equal(("X-06-readmission-bar", RuleSeverity.Block), (refused.Rule, refused.Severity));
        Assert.Null(ReadmissionRules.Bar(bar, "孙立", new DateOnly(2026, 6, 30), atVote: true));
        var warn = ReadmissionRules.Bar(bar, "孙立", new DateOnly(2025, 1, 1), atVote: false)!;
        Assert.Equal(RuleSeverity.Warn, warn.Severity);
    }

    [Fact]
    public void X07_NoRestoration_ALostContactRestorationOfAMemberRemovedByDisposal_NeedsAnException()
    {
        var p = LostContactProcedure.Instance.NewProgress();
        void Step(LostContactEvent e, DateOnly d) => p.Apply(new ProcedureEvent<LostContactEvent>(p.NextSeq, e.GetType().Name, d, e, [], []));
        p.Apply(new ProcedureEvent<LostContactEvent>(1, nameof(Reported), new DateOnly(2025, 12, 31),
            new Reported { MemberId = "m-7", LostSinceDate = new DateOnly(2025, 12, 31), Circumstance = LostContactCircumstance.WorkingAway }, [], []));
        Step(new SearchLogged { Method = "联系家属", Result = "无果" }, new DateOnly(2026, 1, 10));
        Step(new SuspensionDecided { DecidingOrgId = Branch.Id, Basis = "决议" }, new DateOnly(2026, 7, 1));
        Step(new SuspensionApproved { ApprovingOrgId = Committee.Id }, new DateOnly(2026, 7, 2));
        Step(new RestorationApplied { Statement = "申请恢复" }, new DateOnly(2026, 9, 1));
        LostContactContext Ctx(EndedMembership? ended) => new()
        {
            Today = new DateOnly(2026, 11, 22),
            MemberName = "钱进",
            MemberStatus = Domain.Members.MemberStatus.FullMember,
            MemberOrgChain = [Branch, Committee, County],
            NamedOrg = County,
            EndedMembership = ended,
        };
        var step = new RestorationApproved { ApprovingOrgId = County.Id };
        var ended = new EndedMembership(new DateOnly(2026, 9, 10), "除名（自行脱党）");
        var refused = LostContactProcedure.Instance.Decide(p, nameof(RestorationApproved), new DateOnly(2026, 10, 1), step, Ctx(ended));
        var r = Assert.Single(refused.Refusals);
        Assert.Equal(("X-07-no-restoration", RuleSeverity.BlockWithException), (r.Rule, r.Severity));
        Assert.True(LostContactProcedure.Instance.Decide(p, nameof(RestorationApproved), new DateOnly(2026, 10, 1), step, Ctx(null)).IsAccepted);
        var exception = new RuleException("X-07-no-restoration", "经县委常委会研究，原除名决定事实认定错误，予以纠正", County.Id, new DateOnly(2026, 9, 30));
        var passed = LostContactProcedure.Instance.Decide(p, nameof(RestorationApproved), new DateOnly(2026, 10, 1), step, Ctx(ended), null, [exception]);
        Assert.True(passed.IsAccepted);
        Assert.Equal(exception, Assert.Single(passed.AcceptedExceptions));
    }

    [Fact]
    public void Fields_OfTheProposal_AreCheckedBeforeAnything()
    {
        var d = DisposalProcedure.Instance.Decide(DisposalProcedure.Instance.NewProgress(), nameof(DisposalProposed), new DateOnly(2026, 1, 1),
            new DisposalProposed(), Ctx(new DateOnly(2026, 11, 22)));
        Assert.Equal(["memberId", "ground", "measure"], d.Errors.Select(e => e.Field).ToArray());
    }
}
