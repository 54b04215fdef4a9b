using Jishi.Domain.Development;
using Jishi.Domain.Membership;
using Jishi.Domain.Organisations;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;
using Jishi.Domain.Transfers;

namespace Jishi.Domain.Tests.Transfers;

/// <summary>The transfer procedure on the engine, pure: its table, its rules at their boundaries, its deadlines.</summary>
public sealed class TransferProcedureTests
{
    private static readonly OrgFacts Committee = new("o-c", "中共城关镇委员会", OrgType.TownshipCommittee, "o-county", true, true, false, true);
    private static readonly OrgFacts Branch = new("o-b", "第一社区党支部", OrgType.Branch, "o-c", false, false, false, true);
    private static readonly OrgFacts Receiver = new("o-r", "中共安和一中委员会", OrgType.PrimaryCommittee, "o-county", true, true, false, true);
    private static readonly OrgFacts ReceiverBranch = new("o-rb", "教师第一党支部", OrgType.Branch, "o-r", false, false, false, true);

    private static TransferContext Ctx(DateOnly today, OrgFacts? issuing = null) => new()
    {
        Today = today,
        MemberName = "李明",
        MemberStatus = Domain.Members.MemberStatus.FullMember,
        MemberOrgId = Branch.Id,
        MemberUnderIssuingOrg = true,
        IssuingOrg = issuing ?? Committee,
        ToOrgChain = [ReceiverBranch, Receiver],
        Orgs = new Dictionary<string, OrgFacts> { [Receiver.Id] = Receiver, [ReceiverBranch.Id] = ReceiverBranch },
    };

    private static Issued Letter(int? validity = null, string dues = "2026-04", TransferKind kind = TransferKind.Formal, int? stay = null) => new()
    {
        MemberId = "m-1",
        Kind = kind,
        Reason = "工作单位变动",
        IssuingOrgId = Committee.Id,
        ToOrgId = ReceiverBranch.Id,
        ValidityDays = validity,
        DuesPaidThrough = dues,
        ExpectedStayMonths = stay,
    };

    private static TransferProgress Issue(DateOnly date, Issued? letter = null)
    {
        var p = TransferProcedure.Instance.NewProgress();
        p.Apply(new ProcedureEvent<TransferEvent>(1, nameof(Issued), date, letter ?? Letter(), [], []));
        return p;
    }

    private static ProcedureDecision<TransferEvent> Decide(TransferProgress p, TransferEvent e, DateOnly date, DateOnly? today = null) =>
        TransferProcedure.Instance.Decide(p, e.GetType().Name, date, e, Ctx(today ?? date));

    [Fact]
    public void Table_HasOneRowPerStateAndEvent_AndEveryEventTypeIsARecordOfItsOwn()
    {
        var table = TransferProcedure.StateMachine;
        Assert.Equal(table.All.Count, table.All.Select(t => (t.From, t.Event)).Distinct().Count());
        foreach (var (tag, type) in TransferProcedure.Instance.EventTypes)
        {
            Assert.Equal(tag, type.Name);
            Assert.True(type.IsSubclassOf(typeof(TransferEvent)));
        }

        Assert.All(table.All, t => Assert.True(TransferProcedure.Instance.EventTypes.ContainsKey(t.Event)));
    }

    [Fact]
    public void Transitions_RejectATableWithTwoRowsForOneStep()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new Transitions<TransferState>(TransferState.Issued, nameof(Issued),
            [new(TransferState.Issued, nameof(Received), TransferState.Received), new(TransferState.Issued, nameof(Received))]));
        Assert.Contains("Received", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "Received", "Accepted" }, TransferState.Accepted)]
    [InlineData(new[] { "Received", "Accepted", "ReceiptReturned" }, TransferState.Accepted)]
    [InlineData(new[] { "Received", "Rejected" }, TransferState.Rejected)]
    [InlineData(new[] { "Withdrawn" }, TransferState.Withdrawn)]
    [InlineData(new[] { "ValidityExtended", "Received", "Withdrawn" }, TransferState.Withdrawn)]
    public void ReplayingAPath_ThroughTheTableAndThroughApply_Agree(string[] path, TransferState expected)
    {
        var p = Issue(new DateOnly(2026, 5, 1));
        var seq = 2;
        foreach (var type in path)
        {
            TransferEvent data = type switch
            {
                nameof(Received) => new Received(),
                nameof(Accepted) => new Accepted(),
                nameof(Rejected) => new Rejected { ReasonCode = TransferRejectionReason.Other, Reason = "x" },
                nameof(ReceiptReturned) => new ReceiptReturned(),
                nameof(Withdrawn) => new Withdrawn { Reason = "x" },
                _ => new ValidityExtended { Days = 5, Basis = "x" },
            };
            p.Apply(new ProcedureEvent<TransferEvent>(seq++, type, new DateOnly(2026, 5, 2), data, [], []));
        }

        Assert.Equal(expected, p.State);
        Assert.Equal(expected, TransferProcedure.StateMachine.Replay(path));
    }

    [Fact]
    public void StepNotInTheTable_IsRefusedWithTheLegalSteps()
    {
        var d = Decide(Issue(new DateOnly(2026, 5, 1)), new Accepted(), new DateOnly(2026, 5, 2));
        var r = Assert.Single(d.Refusals);
        Assert.Equal("CASE-transition", r.Rule);
        Assert.Contains("Received", r.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(90, false)]
    [InlineData(91, true)]
    public void Validity_AboveNinetyDays_NeedsAnException_T04(int days, bool refused)
    {
        var d = TransferProcedure.Instance.Decide(TransferProcedure.Instance.NewProgress(), nameof(Issued), new DateOnly(2026, 5, 10),
            Letter(days), Ctx(new DateOnly(2026, 5, 10)));
        Assert.Equal(refused, d.Refusals.Any(r => r is { Rule: "T-04-validity", Severity: RuleSeverity.BlockWithException }));
    }

    [Fact]
    public void ExpiryDate_IsIssuedPlusValidityDays_AndAcceptanceOnItIsInTime_T05()
    {
        var p = Issue(new DateOnly(2026, 3, 1));
        Assert.Equal(new DateOnly(2026, 3, 31), p.ExpiryDate);
        p.Apply(new ProcedureEvent<TransferEvent>(2, nameof(Received), new DateOnly(2026, 3, 10), new Received(), [], []));

        Assert.Empty(Decide(p, new Accepted(), new DateOnly(2026, 3, 31)).Refusals);
        Assert.Equal("T-05-late-acceptance", Assert.Single(Decide(p, new Accepted(), new DateOnly(2026, 4, 1)).Refusals).Rule);
        Assert.Equal(TransferState.Received, p.StateOn(new DateOnly(2026, 3, 31)));
        Assert.Equal(TransferState.Expired, p.StateOn(new DateOnly(2026, 4, 1)));
    }

    [Theory]
    [InlineData("2026-05-10", "2026-04", false)]
    [InlineData("2026-05-10", "2026-03", true)]
    [InlineData("2026-01-31", "2025-12", false)]
    [InlineData("2026-01-31", "2025-11", true)]
    public void DuesPaidThrough_AtLeastTheMonthBeforeIssue_T09(string issued, string paid, bool warned)
    {
        var date = DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture);
        var d = TransferProcedure.Instance.Decide(TransferProcedure.Instance.NewProgress(), nameof(Issued), date, Letter(dues: paid), Ctx(date));
        Assert.Equal(warned, d.Refusals.Any(r => r is { Rule: "T-09-dues-through", Severity: RuleSeverity.Warn }));
    }

    [Theory]
    [InlineData("2026-04", null, false)]
    [InlineData("2026-04", "2026-04", false)]
    [InlineData("2026-04", "2026-05", false)]
    [InlineData("2026-04", "2026-03", true)]
    public void DuesPaidThrough_NoLaterThanTheSystemsDuesRecord_WhenItKeepsOne_T09(string paid, string? ledger, bool warned)
    {
        static DateOnly Month(string m) => DateOnly.ParseExact(m + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var r = RelationTransferRules.DuesThroughLedger(Month(paid), ledger is null ? null : Month(ledger));
        Assert.Equal(warned, r is { Rule: "T-09-dues-through", Severity: RuleSeverity.Warn });
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-4")]
    [InlineData("")]
    public void DuesPaidThrough_Malformed_IsAFieldError(string paid)
    {
        var d = TransferProcedure.Instance.Decide(TransferProcedure.Instance.NewProgress(), nameof(Issued), new DateOnly(2026, 5, 10),
            Letter(dues: paid), Ctx(new DateOnly(2026, 5, 10)));
        Assert.Contains(d.Errors, e => e.Field == "duesPaidThrough");
    }

    [Fact]
    public void IssuerThatIsABranch_IsAWarning_T03()
    {
        var d = TransferProcedure.Instance.Decide(TransferProcedure.Instance.NewProgress(), nameof(Issued), new DateOnly(2026, 5, 10),
            Letter(), Ctx(new DateOnly(2026, 5, 10), Branch));
        Assert.Contains(d.Refusals, r => r is { Rule: "T-03-issuer-and-acceptor", Severity: RuleSeverity.Warn });
    }

    [Fact]
    public void Issue_DatedAfterToday_IsRefused_G05()
    {
        var d = TransferProcedure.Instance.Decide(TransferProcedure.Instance.NewProgress(), nameof(Issued), new DateOnly(2026, 5, 11),
            Letter(), Ctx(new DateOnly(2026, 5, 10)));
        Assert.Contains(d.Refusals, r => r.Rule == "G-05-dates");
    }

    [Fact]
    public void Rejection_NeedsACodeAndAReason_T06()
    {
        var p = Issue(new DateOnly(2026, 3, 1));
        p.Apply(new ProcedureEvent<TransferEvent>(2, nameof(Received), new DateOnly(2026, 3, 10), new Received(), [], []));
        Assert.Equal("T-06-no-refusal-without-reason", Assert.Single(Decide(p, new Rejected { Reason = "x" }, new DateOnly(2026, 3, 11)).Refusals).Rule);
        Assert.Empty(Decide(p, new Rejected { ReasonCode = TransferRejectionReason.NotThisUnit, Reason = "不属本单位" }, new DateOnly(2026, 3, 11)).Refusals);
    }

    [Fact]
    public void AcceptedFormalTransfer_NamesTheMoveAsItsEffect_T10()
    {
        var p = Issue(new DateOnly(2026, 3, 1));
        p.Apply(new ProcedureEvent<TransferEvent>(2, nameof(Received), new DateOnly(2026, 3, 10), new Received(), [], []));
        var effect = Assert.Single(Decide(p, new Accepted(), new DateOnly(2026, 3, 12)).Effects);
        Assert.Equal(new MemberMoved("m-1", ReceiverBranch.Id, new DateOnly(2026, 3, 12), false), effect);

        var certificate = Issue(new DateOnly(2026, 3, 1), Letter(kind: TransferKind.Certificate));
        certificate.Apply(new ProcedureEvent<TransferEvent>(2, nameof(Received), new DateOnly(2026, 3, 10), new Received(), [], []));
        Assert.Empty(Decide(certificate, new Accepted(), new DateOnly(2026, 3, 12)).Effects);
    }

    [Theory]
    [InlineData("2026-01-31", "2026-02-28")]
    [InlineData("2024-01-31", "2024-02-29")]
    [InlineData("2026-03-15", "2026-04-15")]
    public void Receipt_IsDueOneCalendarMonthAfterAcceptance_T07(string accepted, string due)
    {
        var date = DateOnly.Parse(accepted, System.Globalization.CultureInfo.InvariantCulture);
        var p = Issue(date.AddDays(-10));
        p.Apply(new ProcedureEvent<TransferEvent>(2, nameof(Received), date.AddDays(-5), new Received(), [], []));
        p.Apply(new ProcedureEvent<TransferEvent>(3, nameof(Accepted), date, new Accepted(), [], []));
        var receipt = Assert.Single(TransferProcedure.Instance.Deadlines(p), d => d.Rule == "T-07-receipt");
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), receipt.DueDate);
        Assert.Equal(ReceiverBranch.Id, receipt.HolderOrgId);
    }

    private static List<ProcedureDeadline> PendingReview(DateOnly received, DateOnly? decided)
    {
        var p = Issue(received.AddDays(-5), Letter(validity: 90));
        p.Apply(new ProcedureEvent<TransferEvent>(2, nameof(Received), received, new Received(), [], []));
        if (decided is { } d)
        {
            p.Apply(new ProcedureEvent<TransferEvent>(3, nameof(Accepted), d, new Accepted(), [], []));
        }

        return TransferProcedure.Instance.Deadlines(p, "/o-county/o-c/", "/o-county/o-r/o-rb/")
            .Where(x => x.Rule.StartsWith("T-08", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public void PendingReview_IsDueAfter30DaysAtTheReceiver_AndEscalatesAfter15MoreToTheCommonHigherOrg_T08()
    {
        // T-08-pending-review: received 2026-05-01 → the receiver decides by 2026-05-31; T-08-pending-review-escalated:
        // still undecided, the common higher organisation (the county committee above both sides) by 2026-06-15.
        var open = PendingReview(new DateOnly(2026, 5, 1), null);
        var first = Assert.Single(open, d => d.Rule == "T-08-pending-review");
        Assert.Equal((new DateOnly(2026, 5, 31), ReceiverBranch.Id), (first.DueDate, first.HolderOrgId));
        var escalated = Assert.Single(open, d => d.Rule == RelationTransferRules.PendingReviewEscalated);
        Assert.Equal((new DateOnly(2026, 6, 15), "o-county"), (escalated.DueDate, escalated.HolderOrgId));
        Assert.All(open, d => Assert.True(d.Outstanding));

        // Decided on day 30: neither is open, both kept.
        Assert.All(PendingReview(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31)), d => Assert.True(d is { Outstanding: false, Satisfied: true }));

        // Decided on day 31: the receiver's deadline was missed, the escalation's was not.
        var late = PendingReview(new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1));
        Assert.False(Assert.Single(late, d => d.Rule == "T-08-pending-review").Satisfied);
        Assert.True(Assert.Single(late, d => d.Rule == RelationTransferRules.PendingReviewEscalated).Satisfied);
    }

    [Theory]
    [InlineData("/c/t/", "/c/s/b/", "/c/")] // two committees under the county: the county
    [InlineData("/c/t/", "/c/t/g/b/", "/c/t/")] // the issuing committee above the receiver: the issuing committee
    [InlineData("/c/t/g/b/", "/c/t/", "/c/")] // the receiver above the issuer: the receiver's parent
    [InlineData("/c/", "/c/", null)] // a root to itself: nothing above
    [InlineData("/c/t/", "/x/y/", null)] // two trees: no common higher organisation
    [InlineData("/c/t/", null, null)] // a letter to an organisation outside the system: no escalation
    public void CommonHigherOrg_IsTheLowestAboveTheReceiverHoldingBothSides_T08(string issuing, string? receiving, string? expected)
    {
        Assert.Equal(expected, RelationTransferRules.CommonHigherOrgPath(issuing, receiving));
        var p = Issue(new DateOnly(2026, 5, 1), receiving is null ? Letter() with { ToOrgId = null, ToOrgName = "外省某党委" } : Letter());
        p.Apply(new ProcedureEvent<TransferEvent>(2, nameof(Received), new DateOnly(2026, 5, 2), new Received(), [], []));
        var escalated = TransferProcedure.Instance.Deadlines(p, issuing, receiving).SingleOrDefault(d => d.Rule == "T-08-pending-review-escalated");
        Assert.Equal(expected is null ? null : RelationTransferRules.OrgIdOfPath(expected), escalated?.HolderOrgId);
    }

    [Theory]
    [InlineData("2026-04-09", "o-old")]
    [InlineData("2026-04-10", "o-old")]
    [InlineData("2026-04-11", "o-new")]
    public void RelationOnADate_FollowsTheTransferFromTheNextDay_G08(string date, string expected)
    {
        MembershipEntry[] history =
        [
            new(new DateOnly(2020, 1, 1), MembershipChange.Registered, "o-old"),
            new(new DateOnly(2026, 4, 10), MembershipChange.TransferredOut, "o-old"),
            new(new DateOnly(2026, 4, 10), MembershipChange.TransferredIn, "o-new"),
        ];
        Assert.Equal(expected, Relation.OrgOn("o-new", history, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
