using Jishi.App.Accounts;
using Jishi.App.Alerts;
using Jishi.App.Calendar;
using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Demo;
using Jishi.App.Members;
using Jishi.App.Procedures;
using Jishi.App.Tests.Infrastructure;
using Jishi.App.Transfers;
using Jishi.Domain.Development;
using Jishi.Domain.Members;
using Jishi.Domain.Membership;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Jishi.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Transfers;

/// <summary>组织关系转接 through the use cases on a real database: a member of 城关镇 branch A moves to the branch of
/// another primary committee (安和一中党委), each side recorded by its own Manager.</summary>
public abstract class TransferUseCaseTests : UseCaseTest
{
    private OrgFixture tree = null!;
    private Organisation school = null!;
    private Organisation schoolBranch = null!;
    private OfficialCalendar calendar = null!;

    private Caller Sender => ManagerOf(tree.Township);

    private Caller Receiver => ManagerOf(school);

    private async Task SetUpAsync()
    {
        tree = await BuildTreeAsync();
        school = await CreateOrgAsync("中共安和县第一中学委员会", OrgType.PrimaryCommittee, tree.County, approves: true);
        schoolBranch = await CreateOrgAsync("教师第一党支部", OrgType.Branch, school);
        calendar = new OfficialCalendar();
        await calendar.InitialiseAsync(Db(), Time);
    }

    private Task<TransferView> Issue(Member member, DateOnly issued, string? toOrgId = null, TransferKind kind = TransferKind.Formal,
        int? validityDays = null, string duesPaidThrough = "2026-10", int? stayMonths = null, string? toOrgName = null,
        IReadOnlyList<Override>? overrides = null, IReadOnlyList<RuleException>? exceptions = null, Caller? caller = null)
    {
        var db = Db(caller ?? Sender);
        return new IssueTransfer(db, new TransferFacts(db, Time), Time).Handle(new NewTransfer(
            new Issued
            {
                MemberId = member.Id,
                Kind = kind,
                Reason = "工作单位变动",
                IssuingOrgId = tree.Township.Id,
                ToOrgId = toOrgName is null ? toOrgId ?? schoolBranch.Id : null,
                ToOrgName = toOrgName,
                ValidityDays = validityDays,
                DuesPaidThrough = duesPaidThrough,
                ExpectedStayMonths = stayMonths,
            },
            issued, overrides ?? [], exceptions ?? []));
    }

    private Task<TransferView> Step(string id, TransferEvent data, DateOnly date, Caller? caller = null, IReadOnlyList<Override>? overrides = null,
        int? expectedVersion = null)
    {
        var db = Db(caller ?? Receiver);
        return new RecordTransferEvent(db, new TransferFacts(db, Time), new RecordCaseEvent(db, new CaseFacts(db, calendar, Time), Time), Time)
            .Handle(id, new NewProcedureEvent<TransferEvent>(data.GetType().Name, date, data, overrides ?? [], []), expectedVersion);
    }

    private async Task<Member> MemberAsync(string id) => await Db().Members.IgnoreQueryFilters().AsNoTracking().FirstAsync(m => m.Id == id);

    private async Task<IReadOnlyList<MembershipChangeRecord>> HistoryAsync(string memberId) =>
        await new GetMemberHistory(Db(AdminUser)).Handle(memberId);

    [Fact]
    public async Task FormalTransfer_ReceivedAndAcceptedByTheOtherCommittee_MovesTheMemberOnTheAcceptanceDate()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "李明");

        var issued = await Issue(member, new DateOnly(2026, 5, 10));
        Assert.Equal(TransferState.Issued, issued.Progress.State);
        Assert.Equal(TransferState.Expired, issued.State); // read today (2026-11-22), long past its expiry date
        Assert.Equal("2026-0001", issued.Transfer.Serial);
        Assert.Equal(new DateOnly(2026, 6, 9), issued.Progress.ExpiryDate); // T-04-validity: 30 days by default
        await Step(issued.Head.Id, new Received(), new DateOnly(2026, 5, 20));
        var accepted = await Step(issued.Head.Id, new Accepted(), new DateOnly(2026, 5, 25));

        // T-10-effect-of-acceptance: the relation moves, the history shows both sides, nothing else is left open.
        Assert.Equal(TransferState.Accepted, accepted.State);
        var moved = await MemberAsync(member.Id);
        Assert.Equal(schoolBranch.Id, moved.OrgId);
        Assert.Equal(schoolBranch.Path, moved.OrgPath);
        var history = await HistoryAsync(member.Id);
        Assert.Equal([MembershipChange.Registered, MembershipChange.TransferredOut, MembershipChange.TransferredIn], history.Select(h => h.Change));
        Assert.Equal(tree.BranchA.Id, history[1].OrgId);
        Assert.Equal(schoolBranch.Id, history[2].OrgId);
        Assert.All(history.Skip(1), h => Assert.Equal(new DateOnly(2026, 5, 25), h.Date));
        Assert.True((await new VerifyTransferIntegrity(Db()).Handle(issued.Head.Id)).Valid);

        // The receiving committee now sees the member; the sending one no longer does, but keeps the transfer in its register.
        Assert.Single((await new ListMembers(Db(Receiver)).Handle(null, null, 1, 50)).Items, v => v.Member.Id == member.Id);
        Assert.DoesNotContain((await new ListMembers(Db(Sender)).Handle(null, null, 1, 50)).Items, v => v.Member.Id == member.Id);
        var outRegister = await new ListTransfers(Db(Sender), Time).Handle(tree.Township.Id, "Out", null, 1, 20);
        Assert.Equal(issued.Head.Id, Assert.Single(outRegister.Items).Id);
        var inRegister = await new ListTransfers(Db(Receiver), Time).Handle(school.Id, "In", TransferState.Accepted, 1, 20);
        Assert.Equal(issued.Head.Id, Assert.Single(inRegister.Items).Id);
    }

    [Fact]
    public async Task Acceptance_VotersFollowTheRelationFromTheNextDay_G08()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "李明");
        var t = await Issue(member, new DateOnly(2026, 4, 1));
        await Step(t.Head.Id, new Received(), new DateOnly(2026, 4, 5));
        await Step(t.Head.Id, new Accepted(), new DateOnly(2026, 4, 10));
        var applicant = await CreatePersonAsync("申请人", tree.BranchA);

        async Task<IReadOnlySet<string>> VotersOf(Organisation branch, DateOnly date)
        {
            var db = Db();
            var c = new CaseRecord { Id = "c-" + branch.Id, PersonId = applicant.Id, PersonName = applicant.Name, OrgId = branch.Id, OrgPath = branch.Path };
            var ctx = await new CaseFacts(db, calendar, Time).Load(c, new CaseState(), CaseEventType.AdmissionVoteHeld, date, new EventData(), default);
            return ctx.EligibleVoterIds;
        }

        // T-10-effect-of-acceptance: on the acceptance day the member still votes at home; from the next day in the new branch.
        Assert.Contains(member.Id, await VotersOf(tree.BranchA, new DateOnly(2026, 4, 10)));
        Assert.DoesNotContain(member.Id, await VotersOf(schoolBranch, new DateOnly(2026, 4, 10)));
        Assert.DoesNotContain(member.Id, await VotersOf(tree.BranchA, new DateOnly(2026, 4, 11)));
        Assert.Contains(member.Id, await VotersOf(schoolBranch, new DateOnly(2026, 4, 11)));
    }

    [Fact]
    public async Task SecondOpenFormalTransfer_IsConflict_AndAfterRejectionANewOneIsAllowed_T01()
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "李明");
        var first = await Issue(member, new DateOnly(2026, 5, 10));

        // T-01-single-relation: at most one open Formal transfer per member.
        var e = await Assert.ThrowsAsync<ConflictException>(() => Issue(member, new DateOnly(2026, 5, 11)));
        Assert.Equal(first.Head.Id, e.ExistingId);
        Assert.Equal(1, await CountAsync<TransferRecord>());

        await Step(first.Head.Id, new Received(), new DateOnly(2026, 5, 12));
        await Step(first.Head.Id, new Rejected { ReasonCode = TransferRejectionReason.IncompleteMaterials, Reason = "缺少党员档案材料" },
            new DateOnly(2026, 5, 13));
        var second = await Issue(member, new DateOnly(2026, 5, 14));
        Assert.Equal("2026-0002", second.Transfer.Serial);
        Assert.Equal(tree.BranchA.Id, (await MemberAsync(member.Id)).OrgId); // a rejection leaves the member at home
    }

    [Theory]
    [InlineData(null, "缺少党员档案材料")]
    [InlineData(TransferRejectionReason.Other, "")]
    [InlineData(TransferRejectionReason.Other, "   ")]
    public async Task Rejection_WithoutReasonCodeOrReason_IsRefusedAndChangesNothing_T06(TransferRejectionReason? code, string reason)
    {
        await SetUpAsync();
        var member = await CreateMemberAsync(tree.BranchA, "李明");
        var t = await Issue(member, new DateOnly(2026, 5, 10));
        await Step(t.Head.Id, new Received(), new DateOnly(2026, 5, 12));

        var e = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Step(t.Head.Id, new Rejected { ReasonCode = code, Reason = reason }, new DateOnly(2026, 5, 13)));

        var refusal = Assert.Single(e.Refusals);
        Assert.Equal("T-06-no-refusal-without-reason", refusal.Rule);
        Assert.Equal(RuleSeverity.Block, refusal.Severity);
        var after = await new GetTransfer(Db(Sender), Time).Handle(t.Head.Id);
        Assert.Equal(TransferState.Received, after.Progress.State);
        Assert.Equal(2, after.Events.Count);
    }

    [Fact]
    public async Task Validity_OfNinetyDaysIsAccepted_NinetyOneNeedsAnException_T04()
    {
        await SetUpAsync();
        var a = await CreateMemberAsync(tree.BranchA, "甲");
        var b = await CreateMemberAsync(tree.BranchA, "乙");

        var ninety = await Issue(a, new DateOnly(2026, 5, 10), validityDays: 90);
        Assert.Equal(new DateOnly(2026, 8, 8), ninety.Progress.ExpiryDate);

        // T-04-validity: more than 3 months is BLOCK-EX.
        var e = await Assert.ThrowsAsync<RuleViolationException>(() => Issue(b, new DateOnly(2026, 5, 10), validityDays: 91));
        var refusal = Assert.Single(e.Refusals);
        Assert.Equal("T-04-validity", refusal.Rule);
        Assert.Equal(RuleSeverity.BlockWithException, refusal.Severity);
        Assert.Equal(1, await CountAsync<TransferRecord>());

        var excepted = await Issue(b, new DateOnly(2026, 5, 10), validityDays: 91,
            exceptions: [new RuleException("T-04-validity", "所在党支部出具证明，本人申请（赴外地援建）", tree.Township.Id, new DateOnly(2026, 5, 9))]);
        Assert.Contains("T-04-validity", excepted.Events[0].ExceptionsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acceptance_OnTheExpiryDateIsInTime_TheDayAfterIsAWarning_T05()
    {
        await SetUpAsync();
        var a = await CreateMemberAsync(tree.BranchA, "甲");
        var b = await CreateMemberAsync(tree.BranchA, "乙");
        var onTime = await Issue(a, new DateOnly(2026, 3, 1));
        var late = await Issue(b, new DateOnly(2026, 3, 1));
        Assert.Equal(new DateOnly(2026, 3, 31), onTime.Progress.ExpiryDate);
        await Step(onTime.Head.Id, new Received(), new DateOnly(2026, 3, 20));
        await Step(late.Head.Id, new Received(), new DateOnly(2026, 3, 20));

        Assert.Equal(TransferState.Accepted, (await Step(onTime.Head.Id, new Accepted(), new DateOnly(2026, 3, 31))).State);

        // T-05-late-acceptance: after the expiry date a reason is needed.
        var e = await Assert.ThrowsAsync<RuleViolationException>(() => Step(late.Head.Id, new Accepted(), new DateOnly(2026, 4, 1)));
        Assert.Equal("T-05-late-acceptance", Assert.Single(e.Refusals).Rule);
        Assert.Equal(RuleSeverity.Warn, e.Refusals[0].Severity);
        var passed = await Step(late.Head.Id, new Accepted(), new DateOnly(2026, 4, 1),
            overrides: [new Override("T-05-late-acceptance", "本人持支部证明说明逾期原因（住院）")]);
        Assert.Equal(TransferState.Accepted, passed.State);
    }

    [Fact]
    public async Task ValidityExtended_MovesTheExpiryOnce_T05()
    {
        await SetUpAsync();
        var a = await CreateMemberAsync(tree.BranchA, "甲");
        var t = await Issue(a, new DateOnly(2026, 3, 1));

        var extended = await Step(t.Head.Id, new ValidityExtended { Days = 30, Basis = "支部证明和本人申请" }, new DateOnly(2026, 3, 25), Sender);
        Assert.Equal(new DateOnly(2026, 4, 30), extended.Progress.ExpiryDate);

        var e = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Step(t.Head.Id, new ValidityExtended { Days = 10, Basis = "再次申请" }, new DateOnly(2026, 4, 20), Sender));
        Assert.Equal("T-05-late-acceptance", Assert.Single(e.Refusals).Rule);
    }

    [Theory]
    [InlineData("2026-04", false)]
    [InlineData("2026-05", false)]
    [InlineData("2026-03", true)]
    public async Task DuesPaidThrough_BeforeTheMonthBeforeIssue_IsAWarning_T09(string paidThrough, bool warned)
    {
        await SetUpAsync();
        var a = await CreateMemberAsync(tree.BranchA, "甲");

        if (!warned)
        {
            Assert.Equal(TransferState.Issued, (await Issue(a, new DateOnly(2026, 5, 10), duesPaidThrough: paidThrough)).Progress.State);
            return;
        }

        // T-09-dues-through: issued 2026-05-10, dues should be paid through 2026-04 at least.
        var e = await Assert.ThrowsAsync<RuleViolationException>(() => Issue(a, new DateOnly(2026, 5, 10), duesPaidThrough: paidThrough));
        Assert.Equal("T-09-dues-through", Assert.Single(e.Refusals).Rule);
        Assert.Equal(RuleSeverity.Warn, e.Refusals[0].Severity);
    }

    [Fact]
    public async Task DuesPaidThrough_LaterThanTheDuesRecordShows_IsAWarning_UntilTheMonthIsPaid_T09()
    {
        await SetUpAsync();
        var a = await CreateMemberAsync(tree.BranchA, "甲");
        var branch = Db(ManagerOf(tree.BranchA));
        await new App.Dues.SetDuesBase(branch, Time).Handle(a.Id, new App.Dues.NewDuesBase("2026-01", Domain.Dues.DuesCategory.Salaried, 2000m));
        foreach (var m in new[] { "2026-01", "2026-02", "2026-03" })
        {
            await new App.Dues.RecordDuesPayment(Db(ManagerOf(tree.BranchA)), Time)
                .Handle(new App.Dues.NewDuesPayment(a.Id, new DateOnly(2026, int.Parse(m[5..], System.Globalization.CultureInfo.InvariantCulture), 15), m, m, 10m));
        }

        // T-09-dues-through: the letter says April, the record shows March.
        var e = await Assert.ThrowsAsync<RuleViolationException>(() => Issue(a, new DateOnly(2026, 5, 10), duesPaidThrough: "2026-04"));
        var r = Assert.Single(e.Refusals);
        Assert.Equal(("T-09-dues-through", RuleSeverity.Warn), (r.Rule, r.Severity));
        Assert.Contains("只交至 2026-03", r.Message, StringComparison.Ordinal);

        await new App.Dues.RecordDuesPayment(Db(ManagerOf(tree.BranchA)), Time).Handle(new App.Dues.NewDuesPayment(a.Id, new DateOnly(2026, 5, 5), "2026-04", "2026-04", 10m));
        Assert.Equal(TransferState.Issued, (await Issue(a, new DateOnly(2026, 5, 10), duesPaidThrough: "2026-04")).Progress.State);
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    public async Task Certificate_ForAStayOfMoreThanSixMonths_IsAWarning_T02(int months, bool warned)
    {
        await SetUpAsync();
        var a = await CreateMemberAsync(tree.BranchA, "甲");
        var issue = () => Issue(a, new DateOnly(2026, 5, 10), kind: TransferKind.Certificate, stayMonths: months);

        if (!warned)
        {
            Assert.Equal(TransferKind.Certificate, (await issue()).Progress.Kind);
            return;
        }

        // T-02-when-to-transfer: more than 6 months at a fixed place calls for a formal transfer.
        var e = await Assert.ThrowsAsync<RuleViolationException>(issue);
        Assert.Equal("T-02-when-to-transfer", Assert.Single(e.Refusals).Rule);
    }

    [Fact]
    public async Task Certificate_WhenAccepted_LeavesTheRelationAtHome_T10()
    {
        await SetUpAsync();
        var a = await CreateMemberAsync(tree.BranchA, "甲");
        var t = await Issue(a, new DateOnly(2026, 5, 10), kind: TransferKind.Certificate, stayMonths: 3);
        await Step(t.Head.Id, new Received(), new DateOnly(2026, 5, 12));
        await Step(t.Head.Id, new Accepted(), new DateOnly(2026, 5, 13));

        // T-10-effect-of-acceptance: a 党员证明信 changes no relation.
        Assert.Equal(tree.BranchA.Id, (await MemberAsync(a.Id)).OrgId);
        Assert.Equal([MembershipChange.Registered], (await HistoryAsync(a.Id)).Select(h => h.Change));
    }

    [Fact]
    public async Task Receipt_IsDueOneCalendarMonthAfterAcceptance_AsTheReceiversDeadline_T07()
    {
        await SetUpAsync();
        var a = await CreateMemberAsync(tree.BranchA, "甲");
        var t = await Issue(a, new DateOnly(2026, 1, 15));
        await Step(t.Head.Id, new Received(), new DateOnly(2026, 1, 20));

        // T-08-pending-review: a received letter is decided within 30 days, by the receiving side.
        var receiverAlerts = await new ListAlerts(Db(Receiver), Time).Handle(null, new DateOnly(2026, 1, 20), 60);
        Assert.Contains(receiverAlerts, x => x.CaseId == t.Head.Id && x.Rule == "T-08-pending-review" && x.DueDate == new DateOnly(2026, 2, 19));

        var accepted = await Step(t.Head.Id, new Accepted(), new DateOnly(2026, 1, 31));

        // T-07-receipt: accepted 2026-01-31 → 回执 due 2026-02-28 (G-01 month end).
        var receipt = Assert.Single(accepted.Deadlines, d => d.Rule == "T-07-receipt");
        Assert.Equal(new DateOnly(2026, 2, 28), receipt.DueDate);
        var alerts = await new ListAlerts(Db(Receiver), Time).Handle(null, new DateOnly(2026, 2, 20), 14);
        var alert = Assert.Single(alerts, x => x.CaseId == t.Head.Id);
        Assert.Equal("T-07-receipt", alert.Rule);
        Assert.Equal(Domain.Procedures.ProcedureKind.Transfer, alert.Kind);
        Assert.DoesNotContain(await new ListAlerts(Db(Sender), Time).Handle(null, new DateOnly(2026, 2, 20), 14), x => x.CaseId == t.Head.Id);

        await Step(t.Head.Id, new ReceiptReturned(), new DateOnly(2026, 2, 10));
        Assert.DoesNotContain(await new ListAlerts(Db(Receiver), Time).Handle(null, new DateOnly(2026, 2, 20), 14), x => x.CaseId == t.Head.Id);
    }

    [Fact]
    public async Task PendingReview_Undecided_EscalatesToTheCommonHigherOrgsAlerts_T08()
    {
        await SetUpAsync();
        var a = await CreateMemberAsync(tree.BranchA, "甲");
        var t = await Issue(a, new DateOnly(2026, 4, 28), validityDays: 90);
        var received = await Step(t.Head.Id, new Received(), new DateOnly(2026, 5, 1));

        // T-08-pending-review: the receiver by 2026-05-31; T-08-pending-review-escalated: the county committee, above
        // both 城关镇党委 and 安和一中党委, by 2026-06-15.
        Assert.Equal(new DateOnly(2026, 5, 31), Assert.Single(received.Deadlines, d => d.Rule == "T-08-pending-review").DueDate);
        var escalated = Assert.Single(received.Deadlines, d => d.Rule == "T-08-pending-review-escalated");
        Assert.Equal((new DateOnly(2026, 6, 15), tree.County.Id), (escalated.DueDate, escalated.HolderOrgId));
        var row = await Db().CaseDeadlines.IgnoreQueryFilters().AsNoTracking().SingleAsync(d => d.CaseId == t.Head.Id && d.Rule == "T-08-pending-review-escalated");
        Assert.Equal(tree.County.Path, row.OrgPath);

        // Overdue on 2026-06-16: the county's alerts list the escalation; the receiving committee's do not (not its
        // obligation), the sender's neither.
        var day = new DateOnly(2026, 6, 16);
        var county = await new ListAlerts(Db(ManagerOf(tree.County)), Time).Handle(null, day, 7);
        Assert.Contains(county, x => x.CaseId == t.Head.Id && x.Rule == "T-08-pending-review-escalated" && x.Overdue);
        Assert.DoesNotContain(await new ListAlerts(Db(Receiver), Time).Handle(null, day, 7), x => x.Rule == "T-08-pending-review-escalated");
        Assert.DoesNotContain(await new ListAlerts(Db(Sender), Time).Handle(null, day, 7), x => x.CaseId == t.Head.Id);
        Assert.Contains(await new ListAlerts(Db(Receiver), Time).Handle(null, day, 7), x => x.CaseId == t.Head.Id && x.Rule == "T-08-pending-review");

        // Decided on day 31: late for the receiver, in time for the escalation; neither is outstanding.
        var accepted = await Step(t.Head.Id, new Accepted(), new DateOnly(2026, 6, 1));
        Assert.False(Assert.Single(accepted.Deadlines, d => d.Rule == "T-08-pending-review").Satisfied);
        Assert.True(Assert.Single(accepted.Deadlines, d => d.Rule == "T-08-pending-review-escalated").Satisfied);
        Assert.False(await Db().CaseDeadlines.IgnoreQueryFilters().AnyAsync(d => d.CaseId == t.Head.Id && (d.Rule == "T-08-pending-review" || d.Rule == "T-08-pending-review-escalated")));
    }

    [Fact]
    public async Task ReceiverSteps_ByTheSender_AndWithdrawalByTheReceiver_AreRefused_T03()
    {
        await SetUpAsync();
        var a = await CreateMemberAsync(tree.BranchA, "甲");
        var t = await Issue(a, new DateOnly(2026, 5, 10));

        // T-03-issuer-and-acceptor: the receiving side receives; the issuing side withdraws.
        var e = await Assert.ThrowsAsync<RuleViolationException>(() => Step(t.Head.Id, new Received(), new DateOnly(2026, 5, 12), Sender));
        Assert.Equal("T-03-issuer-and-acceptor", Assert.Single(e.Refusals).Rule);
        var w = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Step(t.Head.Id, new Withdrawn { Reason = "误开" }, new DateOnly(2026, 5, 12), Receiver));
        Assert.Equal("T-03-issuer-and-acceptor", Assert.Single(w.Refusals).Rule);

        var withdrawn = await Step(t.Head.Id, new Withdrawn { Reason = "本人不再调动" }, new DateOnly(2026, 5, 12), Sender);
        Assert.Equal(TransferState.Withdrawn, withdrawn.State);
        Assert.Empty(withdrawn.Deadlines);
    }

    [Fact]
    public async Task Issuer_ThatIsABranch_IsAWarning_T03()
    {
        await SetUpAsync();
        var a = await CreateMemberAsync(tree.BranchA, "甲");
        var db = Db(Sender);

        var e = await Assert.ThrowsAsync<RuleViolationException>(() => new IssueTransfer(db, new TransferFacts(db, Time), Time).Handle(new NewTransfer(
            new Issued { MemberId = a.Id, Kind = TransferKind.Formal, Reason = "工作单位变动", IssuingOrgId = tree.BranchA.Id, ToOrgId = schoolBranch.Id, DuesPaidThrough = "2026-10" },
            new DateOnly(2026, 5, 10), [], [])));

        Assert.Equal("T-03-issuer-and-acceptor", Assert.Single(e.Refusals).Rule);
        Assert.Equal(RuleSeverity.Warn, e.Refusals[0].Severity);
    }

    [Fact]
    public async Task AcceptedTwice_MovesTheMemberOnce_TheSecondIsRefusedByTheTable()
    {
        await SetUpAsync();
        var a = await CreateMemberAsync(tree.BranchA, "甲");
        var t = await Issue(a, new DateOnly(2026, 5, 10));
        await Step(t.Head.Id, new Received(), new DateOnly(2026, 5, 12));
        await Step(t.Head.Id, new Accepted(), new DateOnly(2026, 5, 13));

        var e = await Assert.ThrowsAsync<RuleViolationException>(() => Step(t.Head.Id, new Accepted(), new DateOnly(2026, 5, 14)));

        Assert.Equal("CASE-transition", Assert.Single(e.Refusals).Rule);
        Assert.Equal(1, (await HistoryAsync(a.Id)).Count(h => h.Change == MembershipChange.TransferredIn));
    }

    [Fact]
    public async Task TwoWritersAcceptingAtOnce_MoveTheMemberExactlyOnce_TheLoserGetsAConflict()
    {
        await SetUpAsync();
        var a = await CreateMemberAsync(tree.BranchA, "甲");
        var t = await Issue(a, new DateOnly(2026, 5, 10));
        await Step(t.Head.Id, new Received(), new DateOnly(2026, 5, 12));

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                await Step(t.Head.Id, new Accepted(), new DateOnly(2026, 5, 13), expectedVersion: 2);
                return "ok";
            }
            catch (ConflictException)
            {
                return "409";
            }
        }));

        Assert.Equal(["409", "ok"], results.Order());
        Assert.Equal(1, (await HistoryAsync(a.Id)).Count(h => h.Change == MembershipChange.TransferredIn));
        Assert.True((await new VerifyTransferIntegrity(Db()).Handle(t.Head.Id)).Valid);
    }

    [Fact]
    public async Task FormalTransferOutOfTheSystem_WhenAccepted_TheMemberLeavesTheRegister_ButIsKept()
    {
        await SetUpAsync();
        var a = await CreateMemberAsync(tree.BranchA, "甲");
        var t = await Issue(a, new DateOnly(2026, 5, 10), toOrgName: "中共某市某区某街道工作委员会");
        await Step(t.Head.Id, new Received(), new DateOnly(2026, 5, 20), Sender);
        await Step(t.Head.Id, new Accepted(), new DateOnly(2026, 5, 25), Sender);

        var left = await MemberAsync(a.Id);
        Assert.Equal(new DateOnly(2026, 5, 25), left.LeftDate);
        Assert.Equal(MembershipChange.TransferredOut, (await HistoryAsync(a.Id))[^1].Change);
        Assert.DoesNotContain((await new ListMembers(Db(Sender)).Handle(null, null, 1, 50)).Items, v => v.Member.Id == a.Id);
        Assert.Contains(MemberFlags.Left, await new MemberFlags(Db(), Time).Handle(left));
    }

    [Fact]
    public async Task ProbationaryMember_Accepted_TheOpenDevelopmentCaseContinuesAtTheReceivingBranch_R34()
    {
        calendar = new OfficialCalendar();
        await calendar.InitialiseAsync(Db(), Time);
        await new SeedDemo(Db(), Time).Handle();
        await new SeedDemoCases(Db(), Time, calendar).Handle();
        var probation = await Db().Cases.AsNoTracking().FirstAsync(c => c.Stage == DevelopmentStage.ProbationaryMember);
        var member = await Db().Members.AsNoTracking().FirstAsync(m => m.PersonId == probation.PersonId);
        var issuing = await Db().Orgs.AsNoTracking().Where(o => o.HasAdmissionApprovalAuthority && probation.OrgPath.StartsWith(o.Path))
            .OrderByDescending(o => o.Path.Length).FirstAsync();
        var orgs = await Db().Orgs.AsNoTracking().ToListAsync();
        var demoSchool = orgs.Single(o => o.Name == "中共安和县第一中学委员会");
        var inSchool = probation.OrgPath.StartsWith(demoSchool.Path, StringComparison.Ordinal);
        school = inSchool ? orgs.Single(o => o.Name == "中共安和县城关镇委员会") : demoSchool;
        schoolBranch = orgs.Single(o => o.Name == (inSchool ? "中共城关镇机关支部委员会" : "中共安和县第一中学教工第一支部委员会"));
        var db = Db(AdminUser);
        var t = await new IssueTransfer(db, new TransferFacts(db, Time), Time).Handle(new NewTransfer(
            new Issued { MemberId = member.Id, Kind = TransferKind.Formal, Reason = "工作调动", IssuingOrgId = issuing.Id, ToOrgId = schoolBranch.Id, DuesPaidThrough = "2026-10" },
            Today, [], []));
        var receiver = new Caller("u-school", "school", "一中党委组织委员", Domain.Accounts.Role.Manager, school.Id, school.Path);
        await Step(t.Head.Id, new Received(), Today, receiver);

        await Step(t.Head.Id, new Accepted { IntroductionProvided = true }, Today, receiver);

        // R-34-probationary-transfer: the case goes with the member, recorded as a step of the case itself.
        var moved = await Db().Cases.IgnoreQueryFilters().AsNoTracking().FirstAsync(c => c.Id == probation.Id);
        Assert.Equal(schoolBranch.Id, moved.OrgId);
        Assert.Equal(CaseEventType.ProbationaryTransferred,
            (await Db().CaseEvents.AsNoTracking().Where(e => e.CaseId == probation.Id).OrderBy(e => e.Seq).LastAsync()).Type);
        Assert.True((await new VerifyCaseIntegrity(Db()).Handle(probation.Id)).Valid);
        Assert.Equal(schoolBranch.Id, (await MemberAsync(member.Id)).OrgId);
        Assert.Single((await new ListCases(Db(receiver)).Handle(null, null, null, null, 1, 50)).Items, c => c.Id == probation.Id);
    }
}

public sealed class TransferUseCaseTests_Sqlite : TransferUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class TransferUseCaseTests_Postgres : TransferUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
