using Jishi.Domain.Development;
using Jishi.Domain.Mobility;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Procedures;

namespace Jishi.Domain.Tests.Mobility;

/// <summary>The mobile-member procedure on the engine, pure: its table, F-01…F-04 at their boundaries, its deadlines.</summary>
public sealed class MobilityProcedureTests
{
    private static readonly OrgFacts Branch = new("o-b", "第一社区党支部", OrgType.Branch, "o-c", false, false, false, true);
    private static readonly OrgFacts InflowBranch = new("o-i", "深圳某园区党支部", OrgType.Branch, "o-x", false, false, false, true);
    private static readonly OrgFacts Department = new("o-d", "组织部", OrgType.OrgDepartment, "o-x", false, false, false, true);

    private static MobilityContext Ctx(DateOnly today, OrgFacts? inflow = null, bool left = false) =>
        new() { Today = today, MemberName = "王强", FormalOrg = Branch, InflowOrg = inflow, MemberHasLeft = left };

    private static OutflowRegistered Outflow(string? card = null, string? inflowOrgId = null) => new()
    {
        MemberId = "m-1",
        Destination = "广东省深圳市",
        Reason = "务工经商",
        Category = MobileCategory.RuralMobile,
        ActivityCardNo = card,
        InflowOrgId = inflowOrgId,
    };

    private static MobilityProgress Open(DateOnly left, string? card = null)
    {
        var p = MobilityProcedure.Instance.NewProgress();
        p.Apply(new ProcedureEvent<MobilityEvent>(1, nameof(OutflowRegistered), left, Outflow(card), [], []));
        return p;
    }

    private static void Apply(MobilityProgress p, MobilityEvent e, DateOnly date) =>
        p.Apply(new ProcedureEvent<MobilityEvent>(p.NextSeq, e.GetType().Name, date, e, [], []));

    private static ProcedureDecision<MobilityEvent> Decide(MobilityProgress p, MobilityEvent e, DateOnly date, OrgFacts? inflow = null) =>
        MobilityProcedure.Instance.Decide(p, e.GetType().Name, date, e, Ctx(date, inflow));

    [Fact]
    public void Table_HasOneRowPerStateAndEvent_AndEveryEventTypeIsARecordOfItsOwn()
    {
        var table = MobilityProcedure.StateMachine;
        Assert.Equal(table.All.Count, table.All.Select(t => (t.From, t.Event)).Distinct().Count());
        foreach (var (tag, type) in MobilityProcedure.Instance.EventTypes)
        {
            Assert.Equal(tag, type.Name);
            Assert.True(type.IsSubclassOf(typeof(MobilityEvent)));
        }

        Assert.All(table.All, t => Assert.True(MobilityProcedure.Instance.EventTypes.ContainsKey(t.Event)));
    }

    [Theory]
    [InlineData(new[] { "InflowRegistered" }, MobilityState.AtInflowOrg)]
    [InlineData(new[] { "InflowRegistered", "InflowDeparted" }, MobilityState.Away)]
    [InlineData(new[] { "ContactLogged", "Returned" }, MobilityState.Returned)]
    [InlineData(new[] { "InflowRegistered", "Ended" }, MobilityState.Ended)]
    public void ReplayingAPath_ThroughTheTableAndThroughApply_Agree(string[] path, MobilityState expected)
    {
        var state = MobilityProcedure.StateMachine.Replay(path);
        var p = Open(new DateOnly(2026, 3, 1));
        foreach (var type in path)
        {
            var data = (MobilityEvent)Activator.CreateInstance(MobilityProcedure.Instance.EventTypes[type])!;
            Apply(p, data, new DateOnly(2026, 4, 1));
        }

        Assert.Equal(expected, state);
        Assert.Equal(expected, p.State);
    }

    [Fact]
    public void F01_MobileDefinition_SixConsecutiveMonthsAway_FromTheLeavingDate()
    {
        // F-01-mobile-definition: left 2025-12-31 → a mobile member from 2026-06-30 (G-01), not the day before.
        var p = Open(new DateOnly(2025, 12, 31));
        Assert.False(p.IsMobileOn(new DateOnly(2026, 6, 29)));
        Assert.True(p.IsMobileOn(new DateOnly(2026, 6, 30)));
        Apply(p, new Returned(), new DateOnly(2026, 7, 1));
        Assert.False(p.IsMobileOn(new DateOnly(2026, 7, 2)));
    }

    [Fact]
    public void F01_MobileDefinition_AMemberWhoHasLeft_OrAnInflowOrgThatCannotTakePart_IsBlocked()
    {
        var first = MobilityProcedure.Instance.NewProgress();
        var left = MobilityProcedure.Instance.Decide(first, nameof(OutflowRegistered), new DateOnly(2026, 5, 1), Outflow(),
            Ctx(new DateOnly(2026, 5, 1), left: true));
        Assert.Contains(left.Refusals, r => r.Rule == "F-01-mobile-definition");

        var department = MobilityProcedure.Instance.Decide(first, nameof(OutflowRegistered), new DateOnly(2026, 5, 1), Outflow(inflowOrgId: Department.Id),
            Ctx(new DateOnly(2026, 5, 1), Department));
        Assert.Contains(department.Refusals, r => r.Rule == "F-01-mobile-definition" && r.Message.Contains("组织部", StringComparison.Ordinal));

        var same = MobilityProcedure.Instance.Decide(first, nameof(OutflowRegistered), new DateOnly(2026, 5, 1), Outflow(inflowOrgId: Branch.Id),
            Ctx(new DateOnly(2026, 5, 1), Branch));
        Assert.Contains(same.Refusals, r => r.Rule == "F-01-mobile-definition");

        var fine = MobilityProcedure.Instance.Decide(first, nameof(OutflowRegistered), new DateOnly(2026, 5, 1), Outflow(inflowOrgId: InflowBranch.Id),
            Ctx(new DateOnly(2026, 5, 1), InflowBranch));
        Assert.True(fine.IsAccepted, string.Join("; ", fine.Refusals.Select(r => r.Message)));
    }

    [Fact]
    public void Fields_OfTheOpeningStep_AreJudgedOneByOne()
    {
        var d = MobilityProcedure.Instance.Decide(MobilityProcedure.Instance.NewProgress(), nameof(OutflowRegistered), new DateOnly(2026, 5, 1),
            new OutflowRegistered { ExpectedReturnDate = new DateOnly(2026, 4, 1) }, Ctx(new DateOnly(2026, 5, 1)));
        Assert.Equal(["memberId", "destination", "reason", "expectedReturnDate"], d.Errors.Select(e => e.Field).ToArray());
    }

    [Fact]
    public void F02_Contact_IsDueInEveryFullQuarterAway_TheFirstBeingTheQuarterAfterLeaving()
    {
        // F-02-contact: left 2026-02-10 (Q1) → first contact due by 2026-06-30.
        var p = Open(new DateOnly(2026, 2, 10));
        var due = MobilityRules.Deadlines(p).Where(d => d.Rule == "F-02-contact").ToList();
        Assert.Equal([new DateOnly(2026, 6, 30)], due.Select(d => d.DueDate).ToArray());
        Assert.True(due[0].Outstanding);

        // A contact on the quarter's last day satisfies it; the next is due at the end of the next quarter.
        Apply(p, new ContactLogged { Method = ContactMethod.Phone, Summary = "电话联系" }, new DateOnly(2026, 6, 30));
        due = MobilityRules.Deadlines(p).Where(d => d.Rule == "F-02-contact").ToList();
        Assert.True(due[0].Satisfied);
        Assert.Equal(new DateOnly(2026, 9, 30), due[^1].DueDate);
        Assert.True(due[^1].Outstanding);

        // Q3 missed, a contact on 2026-10-01 is late for Q3 and counts for Q4.
        Apply(p, new ContactLogged { Method = ContactMethod.Visit, Summary = "走访" }, new DateOnly(2026, 10, 1));
        due = MobilityRules.Deadlines(p).Where(d => d.Rule == "F-02-contact").ToList();
        var q3 = due.Single(d => d.DueDate == new DateOnly(2026, 9, 30));
        Assert.False(q3.Satisfied);
        Assert.Equal(new DateOnly(2026, 10, 1), q3.CompletedDate);
        Assert.True(due.Single(d => d.DueDate == new DateOnly(2026, 12, 31)).Satisfied);
    }

    [Fact]
    public void F02_Contact_EndsWithTheReturn()
    {
        var p = Open(new DateOnly(2026, 2, 10));
        Apply(p, new Returned(), new DateOnly(2026, 5, 20));
        Assert.DoesNotContain(MobilityRules.Deadlines(p), d => d.Outstanding);
    }

    [Fact]
    public void F03_ActivityCard_OneCardAtATime_AndAYearlyCheck()
    {
        var p = Open(new DateOnly(2026, 3, 1), card: "440300-2026-0001");
        var second = Decide(p, new ActivityCardIssued { CardNo = "X" }, new DateOnly(2026, 4, 1));
        Assert.Contains(second.Refusals, r => r.Rule == "F-03-activity-card");

        var deadline = Assert.Single(MobilityRules.Deadlines(p), d => d.Rule == "F-03-activity-card");
        Assert.Equal(new DateOnly(2026, 12, 31), deadline.DueDate);

        Assert.Contains(Decide(p, new ActivityCardChecked { Year = 2025 }, new DateOnly(2026, 4, 1)).Refusals, r => r.Rule == "F-03-activity-card");
        Assert.Contains(Decide(p, new ActivityCardChecked { Year = 2027 }, new DateOnly(2026, 4, 1)).Refusals, r => r.Rule == "F-03-activity-card");
        Assert.True(Decide(p, new ActivityCardChecked { Year = 2026 }, new DateOnly(2026, 12, 31)).IsAccepted);
        Apply(p, new ActivityCardChecked { Year = 2026 }, new DateOnly(2026, 12, 31));
        Assert.Contains(Decide(p, new ActivityCardChecked { Year = 2026 }, new DateOnly(2027, 1, 5)).Refusals, r => r.Rule == "F-03-activity-card");
        var checks = MobilityRules.Deadlines(p).Where(d => d.Rule == "F-03-activity-card").ToList();
        Assert.True(checks[0].Satisfied);
        Assert.Equal(new DateOnly(2027, 12, 31), checks[^1].DueDate);
    }

    [Fact]
    public void F03_ActivityCard_NoCheckWithoutACard()
    {
        var p = Open(new DateOnly(2026, 3, 1));
        Assert.Contains(Decide(p, new ActivityCardChecked { Year = 2026 }, new DateOnly(2026, 4, 1)).Refusals, r => r.Rule == "F-03-activity-card");
        Assert.DoesNotContain(MobilityRules.Deadlines(p), d => d.Rule == "F-03-activity-card");
    }

    [Fact]
    public void F04_InflowAppraisal_OnlyAtTheInflowOrg_OncePerYearAway()
    {
        var p = Open(new DateOnly(2026, 3, 1));
        var notThere = Decide(p, new InflowAppraised { Year = 2026, Grade = AppraisalGrade.Qualified }, new DateOnly(2026, 12, 1));
        Assert.Contains(notThere.Refusals, r => r.Rule == "CASE-transition");

        Apply(p, new InflowRegistered { InflowOrgId = InflowBranch.Id }, new DateOnly(2026, 3, 15));
        Assert.Contains(Decide(p, new InflowAppraised { Year = 2025, Grade = AppraisalGrade.Qualified }, new DateOnly(2026, 12, 1)).Refusals,
            r => r.Rule == "F-04-inflow-appraisal");
        Assert.True(Decide(p, new InflowAppraised { Year = 2026, Grade = AppraisalGrade.Excellent }, new DateOnly(2026, 12, 1)).IsAccepted);
        Apply(p, new InflowAppraised { Year = 2026, Grade = AppraisalGrade.Excellent }, new DateOnly(2026, 12, 1));
        Assert.Contains(Decide(p, new InflowAppraised { Year = 2026, Grade = AppraisalGrade.Qualified }, new DateOnly(2026, 12, 2)).Refusals,
            r => r.Rule == "F-04-inflow-appraisal");
    }

    [Fact]
    public void Steps_AreRecordedInTheOrderTheyHappened_AndNotInTheFuture()
    {
        var p = Open(new DateOnly(2026, 3, 1));
        var early = Decide(p, new ContactLogged { Method = ContactMethod.Phone, Summary = "x" }, new DateOnly(2026, 2, 28));
        Assert.Contains(early.Refusals, r => r.Rule == "G-05-dates");
        var future = MobilityProcedure.Instance.Decide(p, nameof(ContactLogged), new DateOnly(2026, 5, 2),
            new ContactLogged { Method = ContactMethod.Phone, Summary = "x" }, Ctx(new DateOnly(2026, 5, 1)));
        Assert.Contains(future.Refusals, r => r.Rule == "G-05-dates");
    }

    [Fact]
    public void QuarterEnd_IsTheLastDayOfTheCalendarQuarter()
    {
        Assert.Equal(new DateOnly(2026, 3, 31), MobilityRules.QuarterEnd(new DateOnly(2026, 1, 1)));
        Assert.Equal(new DateOnly(2026, 6, 30), MobilityRules.QuarterEnd(new DateOnly(2026, 4, 1)));
        Assert.Equal(new DateOnly(2026, 12, 31), MobilityRules.QuarterEnd(new DateOnly(2026, 12, 31)));
    }
}
