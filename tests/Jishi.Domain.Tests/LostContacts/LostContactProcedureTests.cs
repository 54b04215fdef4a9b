using Jishi.Domain.Development;
using Jishi.Domain.LostContacts;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.LostContacts;

/// <summary>The lost-contact procedure on the engine, pure: its table, F-05…F-08 at their boundaries, its deadlines
/// and named effects.</summary>
public sealed class LostContactProcedureTests
{
    private static readonly OrgFacts County = new("o-k", "中共安和县委员会", OrgType.CountyCommittee, null, true, true, false, true);
    private static readonly OrgFacts Committee = new("o-c", "中共城关镇委员会", OrgType.TownshipCommittee, "o-k", true, true, false, true);
    private static readonly OrgFacts Branch = new("o-b", "第一社区党支部", OrgType.Branch, "o-c", false, false, false, true);
    private static readonly OrgFacts Elsewhere = new("o-e", "中共安和一中委员会", OrgType.PrimaryCommittee, "o-k", true, true, false, true);

    private static LostContactContext Ctx(DateOnly today, OrgFacts? named = null, MemberStatus status = MemberStatus.FullMember) => new()
    {
        Today = today,
        MemberName = "赵刚",
        MemberStatus = status,
        MemberOrgChain = [Branch, Committee, County],
        NamedOrg = named,
    };

    private static LostContactProgress Open(DateOnly lostSince, DateOnly? reported = null)
    {
        var p = LostContactProcedure.Instance.NewProgress();
        p.Apply(new ProcedureEvent<LostContactEvent>(1, nameof(Reported), reported ?? lostSince,
            new Reported { MemberId = "m-9", LostSinceDate = lostSince, Circumstance = LostContactCircumstance.WorkingAway }, [], []));
        return p;
    }

    private static void Apply(LostContactProgress p, LostContactEvent e, DateOnly date) =>
        p.Apply(new ProcedureEvent<LostContactEvent>(p.NextSeq, e.GetType().Name, date, e, [], []));

    private static ProcedureDecision<LostContactEvent> Decide(LostContactProgress p, LostContactEvent e, DateOnly date, OrgFacts? named = null,
        MemberStatus status = MemberStatus.FullMember, IReadOnlyList<RuleException>? exceptions = null) =>
        LostContactProcedure.Instance.Decide(p, e.GetType().Name, date, e, Ctx(date, named, status), null, exceptions);

    private static readonly SearchLogged Search = new() { Method = "联系家属", Result = "家属也不知去向" };

    /// <summary>Lost since 2025-12-31, searched, suspension decided and approved on 2026-07-01.</summary>
    private static LostContactProgress Suspended()
    {
        var p = Open(new DateOnly(2025, 12, 31));
        Apply(p, Search, new DateOnly(2026, 1, 15));
        Apply(p, new SuspensionDecided { DecidingOrgId = Branch.Id, Basis = "党员大会决议" }, new DateOnly(2026, 7, 1));
        Apply(p, new SuspensionApproved { ApprovingOrgId = Committee.Id }, new DateOnly(2026, 7, 1));
        return p;
    }

    [Fact]
    public void Table_HasOneRowPerStateAndEvent_AndEveryEventTypeIsARecordOfItsOwn()
    {
        var table = LostContactProcedure.StateMachine;
        Assert.Equal(table.All.Count, table.All.Select(t => (t.From, t.Event)).Distinct().Count());
        foreach (var (tag, type) in LostContactProcedure.Instance.EventTypes)
        {
            Assert.Equal(tag, type.Name);
            Assert.True(type.IsSubclassOf(typeof(LostContactEvent)));
        }

        Assert.All(table.All, t => Assert.True(LostContactProcedure.Instance.EventTypes.ContainsKey(t.Event)));
    }

    [Theory]
    [InlineData(new[] { "SearchLogged", "Found" }, LostContactState.Closed)]
    [InlineData(new[] { "SearchLogged", "SuspensionDecided", "SuspensionApproved" }, LostContactState.Suspended)]
    [InlineData(new[] { "SuspensionDecided", "SuspensionApproved", "RestorationApplied", "RestorationApproved" }, LostContactState.Closed)]
    [InlineData(new[] { "SuspensionDecided", "SuspensionApproved", "RemovalDecided", "RemovalApproved" }, LostContactState.Removed)]
    public void ReplayingAPath_ThroughTheTableAndThroughApply_Agree(string[] path, LostContactState expected)
    {
        var state = LostContactProcedure.StateMachine.Replay(path);
        var p = Open(new DateOnly(2024, 1, 1));
        foreach (var type in path)
        {
            Apply(p, (LostContactEvent)Activator.CreateInstance(LostContactProcedure.Instance.EventTypes[type])!, new DateOnly(2026, 1, 1));
        }

        Assert.Equal(expected, state);
        Assert.Equal(expected, p.State);
    }

    [Fact]
    public void F05_Suspension_LostSince20251231_EarliestOn20260630()
    {
        // F-05-suspension (catalog Tests line): lost since 2025-12-31 → earliest 2026-06-30 (G-01).
        var p = Open(new DateOnly(2025, 12, 31));
        Apply(p, Search, new DateOnly(2026, 1, 15));
        var decision = new SuspensionDecided { DecidingOrgId = Branch.Id, Basis = "党员大会决议" };
        var early = Decide(p, decision, new DateOnly(2026, 6, 29), Branch);
        var refusal = Assert.Single(early.Refusals);
        Assert.Equal("F-05-suspension", refusal.Rule);
        Assert.Contains("2026-06-30", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("《党员教育管理工作条例》第二十四条", refusal.Article);
        Assert.True(Decide(p, decision, new DateOnly(2026, 6, 30), Branch).IsAccepted);
        Assert.Equal(new DateOnly(2026, 6, 30), p.SuspensionFrom);
    }

    [Fact]
    public void F05_Suspension_WithoutASearchRecord_IsRefused()
    {
        // F-05-suspension (catalog Tests line): no search logged → 422.
        var p = Open(new DateOnly(2025, 12, 31));
        var d = Decide(p, new SuspensionDecided { DecidingOrgId = Branch.Id, Basis = "党员大会决议" }, new DateOnly(2026, 7, 1), Branch);
        Assert.Contains(d.Refusals, r => r.Rule == "F-05-suspension" && r.Message.Contains("查找", StringComparison.Ordinal));
    }

    [Fact]
    public void F05_Suspension_NeedsTheDecisionBeforeTheApproval_AndAnApprovingCommitteeAbove()
    {
        var p = Open(new DateOnly(2025, 12, 31));
        Apply(p, Search, new DateOnly(2026, 1, 15));
        var noDecision = Decide(p, new SuspensionApproved { ApprovingOrgId = Committee.Id }, new DateOnly(2026, 7, 1), Committee);
        Assert.Contains(noDecision.Refusals, r => r.Rule == "F-05-suspension" && r.Message.Contains("决定", StringComparison.Ordinal));

        Assert.Contains(Decide(p, new SuspensionDecided { DecidingOrgId = Elsewhere.Id, Basis = "x" }, new DateOnly(2026, 7, 1), Elsewhere).Refusals,
            r => r.Rule == "F-05-suspension");
        Apply(p, new SuspensionDecided { DecidingOrgId = Branch.Id, Basis = "党员大会决议" }, new DateOnly(2026, 7, 1));
        Assert.Contains(Decide(p, new SuspensionApproved { ApprovingOrgId = Branch.Id }, new DateOnly(2026, 7, 2), Branch).Refusals,
            r => r.Rule == "F-05-suspension" && r.Message.Contains("上级党委", StringComparison.Ordinal));
        Assert.Contains(Decide(p, new SuspensionApproved { ApprovingOrgId = Elsewhere.Id }, new DateOnly(2026, 7, 2), Elsewhere).Refusals,
            r => r.Rule == "F-05-suspension");
        var approved = Decide(p, new SuspensionApproved { ApprovingOrgId = Committee.Id }, new DateOnly(2026, 7, 2), Committee);
        Assert.True(approved.IsAccepted);

        // F-06-suspended-rights: the approval's named effect suspends the member (history, voters).
        Assert.Equal(new MemberSuspended("m-9", new DateOnly(2026, 7, 2)), Assert.Single(approved.Effects));
    }

    [Fact]
    public void F05_Suspension_OfAProbationaryMember_IsRefused_ForTheCaseToCancelTheirProbation()
    {
        var p = Open(new DateOnly(2025, 12, 31));
        Apply(p, Search, new DateOnly(2026, 1, 15));
        var d = Decide(p, new SuspensionDecided { DecidingOrgId = Branch.Id, Basis = "x" }, new DateOnly(2026, 7, 1), Branch, MemberStatus.ProbationaryMember);
        Assert.Contains(d.Refusals, r => r.Rule == "F-05-suspension" && r.Message.Contains("取消预备党员资格", StringComparison.Ordinal));
    }

    [Fact]
    public void F05_Suspension_IsADeadline_SatisfiedByTheApproval_OrEndedByFindingTheMember()
    {
        var p = Open(new DateOnly(2025, 12, 31));
        var d = Assert.Single(LostContactRules.Deadlines(p));
        Assert.Equal(("F-05-suspension", new DateOnly(2026, 6, 30)), (d.Rule, d.DueDate));
        Assert.True(d.Outstanding);

        Assert.Contains(LostContactRules.Deadlines(Suspended()), x => x.Rule == "F-05-suspension" && x.CompletedDate == new DateOnly(2026, 7, 1));

        var found = Open(new DateOnly(2025, 12, 31));
        Apply(found, new Found(), new DateOnly(2026, 3, 1));
        Assert.DoesNotContain(LostContactRules.Deadlines(found), x => x.Outstanding);
    }

    [Fact]
    public void F07_Restoration_NeedsTheWrittenApplication_AndCountyLevelApproval()
    {
        var p = Suspended();
        var noApplication = Decide(p, new RestorationApproved { ApprovingOrgId = County.Id }, new DateOnly(2026, 9, 1), County);
        Assert.Contains(noApplication.Refusals, r => r.Rule == "F-07-restoration" && r.Message.Contains("书面申请", StringComparison.Ordinal));

        Apply(p, new RestorationApplied { Statement = "本人申请恢复党籍" }, new DateOnly(2026, 8, 1));
        var township = Decide(p, new RestorationApproved { ApprovingOrgId = Committee.Id }, new DateOnly(2026, 9, 1), Committee);
        Assert.Contains(township.Refusals, r => r.Rule == "F-07-restoration" && r.Message.Contains("县级", StringComparison.Ordinal));

        var approved = Decide(p, new RestorationApproved { ApprovingOrgId = County.Id }, new DateOnly(2026, 9, 1), County);
        Assert.True(approved.IsAccepted);
        Assert.Equal(new MemberRestored("m-9", new DateOnly(2026, 9, 1)), Assert.Single(approved.Effects));
    }

    [Fact]
    public void F07_Restoration_AfterTheTwoYears_OnlyByException()
    {
        // Suspended 2026-07-01: two years end on 2028-07-01 (G-02); the day after needs an exception.
        var p = Suspended();
        Apply(p, new RestorationApplied { Statement = "申请" }, new DateOnly(2026, 8, 1));
        Assert.True(Decide(p, new RestorationApproved { ApprovingOrgId = County.Id }, new DateOnly(2028, 7, 1), County).IsAccepted);
        var late = Decide(p, new RestorationApproved { ApprovingOrgId = County.Id }, new DateOnly(2028, 7, 2), County);
        var refusal = Assert.Single(late.Refusals);
        Assert.Equal(("F-07-restoration", RuleSeverity.BlockWithException), (refusal.Rule, refusal.Severity));
        var excused = Decide(p, new RestorationApproved { ApprovingOrgId = County.Id }, new DateOnly(2028, 7, 2), County,
            exceptions: [new RuleException("F-07-restoration", "本人长期在境外务工，期间多次申请未获办理", "中共安和县委组织部", new DateOnly(2028, 7, 1))]);
        Assert.True(excused.IsAccepted, string.Join("; ", excused.Refusals.Select(r => r.Message)));
    }

    [Fact]
    public void F08_RemovalAsLapsed_NotBeforeTwoYearsOfSuspension_AndByDecisionThenHigherApproval()
    {
        var p = Suspended();
        var decision = new RemovalDecided { DecidingOrgId = Branch.Id, Basis = "党员大会决议" };
        var early = Decide(p, decision, new DateOnly(2028, 6, 30), Branch);
        Assert.Contains(early.Refusals, r => r.Rule == "F-08-removal-as-lapsed" && r.Message.Contains("2028-07-01", StringComparison.Ordinal));
        Assert.True(Decide(p, decision, new DateOnly(2028, 7, 1), Branch).IsAccepted);

        var noDecision = Decide(p, new RemovalApproved { ApprovingOrgId = Committee.Id }, new DateOnly(2028, 7, 2), Committee);
        Assert.Contains(noDecision.Refusals, r => r.Rule == "F-08-removal-as-lapsed" && r.Message.Contains("决定", StringComparison.Ordinal));

        Apply(p, decision, new DateOnly(2028, 7, 1));
        Assert.Contains(Decide(p, new RemovalApproved { ApprovingOrgId = Branch.Id }, new DateOnly(2028, 7, 2), Branch).Refusals,
            r => r.Rule == "F-08-removal-as-lapsed");
        var approved = Decide(p, new RemovalApproved { ApprovingOrgId = Committee.Id }, new DateOnly(2028, 7, 2), Committee);
        Assert.True(approved.IsAccepted);
        Assert.Equal(new MemberRemovedAsLapsed("m-9", new DateOnly(2028, 7, 2)), Assert.Single(approved.Effects));
    }

    [Fact]
    public void F08_RemovalAsLapsed_IsADeadlineTwoYearsAfterTheSuspension()
    {
        var d = Assert.Single(LostContactRules.Deadlines(Suspended()), x => x.Rule == "F-08-removal-as-lapsed");
        Assert.Equal(new DateOnly(2028, 7, 1), d.DueDate);
        Assert.True(d.Outstanding);
    }

    [Fact]
    public void Fields_OfTheOpeningStep_AreJudgedOneByOne()
    {
        var d = LostContactProcedure.Instance.Decide(LostContactProcedure.Instance.NewProgress(), nameof(Reported), new DateOnly(2026, 5, 1),
            new Reported { LostSinceDate = new DateOnly(2026, 5, 2) }, Ctx(new DateOnly(2026, 5, 1)));
        Assert.Equal(["memberId", "lostSinceDate", "circumstance"], d.Errors.Select(e => e.Field).ToArray());
    }

    [Fact]
    public void Found_EndsTheCase_AndNothingMoreIsRecorded()
    {
        var p = Open(new DateOnly(2026, 1, 1));
        Apply(p, new Found(), new DateOnly(2026, 2, 1));
        Assert.Contains(Decide(p, Search, new DateOnly(2026, 3, 1)).Refusals, r => r.Rule == "CASE-transition");
    }
}
