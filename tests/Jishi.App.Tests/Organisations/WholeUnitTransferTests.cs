using Jishi.App.Accounts;
using Jishi.App.Data;
using Jishi.App.Members;
using Jishi.App.Organisations;
using Jishi.App.Tests.Infrastructure;
using Jishi.App.Transfers;
using Jishi.Domain.Membership;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Jishi.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Organisations;

/// <summary>整建制转接 (T-11-whole-unit) on a real database: 城关镇社区党总支, with its two branches and their members,
/// moves to 安和一中党委 in one act, recorded by the county committee's Manager.</summary>
public abstract class WholeUnitTransferTests : UseCaseTest
{
    private static readonly DateOnly ActDate = new(2026, 11, 20);

    private OrgFixture tree = null!;
    private Organisation school = null!;

    private Caller County => ManagerOf(tree.County);

    private async Task SetUpAsync()
    {
        tree = await BuildTreeAsync();
        school = await CreateOrgAsync("中共安和县第一中学委员会", OrgType.PrimaryCommittee, tree.County, approves: true);
    }

    private Task<Organisation> Act(Organisation unit, Organisation? toParent, DateOnly? date = null, string? reason = "单位划转", Caller? caller = null) =>
        new TransferWholeUnit(Db(caller ?? County), Time).Handle(unit.Id,
            new WholeUnitTransferRequest(toParent?.Id, date ?? ActDate, reason, "安组〔2026〕12号"));

    /// <summary>Everything the act could change: every organisation's path and parent, every member's path, the history.</summary>
    private async Task<string> SnapshotAsync()
    {
        var db = Db();
        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id + o.Path + o.ParentId + o.Depth).ToListAsync();
        var members = await db.Members.IgnoreQueryFilters().AsNoTracking().OrderBy(m => m.Id).Select(m => m.Id + m.OrgId + m.OrgPath).ToListAsync();
        var history = await db.MemberHistory.IgnoreQueryFilters().AsNoTracking().OrderBy(h => h.Id).Select(h => h.Id + h.Change + h.OrgPath).ToListAsync();
        return string.Join("|", orgs.Concat(members).Concat(history));
    }

    [Fact]
    public async Task WholeUnit_MovesTheUnitAndItsSubtree_AndEachMembersHistoryShowsTheWholeUnitEntriesOnBothSides_T11()
    {
        await SetUpAsync();
        var a = await CreateMemberAsync(tree.BranchA, "甲");
        var b = await CreateMemberAsync(tree.BranchB, "乙");
        var c = await CreateMemberAsync(tree.BranchC, "丙");
        var oldPathOfA = tree.BranchA.Path;

        var moved = await Act(tree.GeneralBranch, school);

        // T-11-whole-unit: the unit sits under the new parent, its branches with it.
        Assert.Equal(school.Id, moved.ParentId);
        Assert.Equal(school.ChildPath(tree.GeneralBranch.Id), moved.Path);
        var newPathOfA = moved.ChildPath(tree.BranchA.Id);
        Assert.Equal(newPathOfA, (await Db().Orgs.AsNoTracking().FirstAsync(o => o.Id == tree.BranchA.Id)).Path);
        var memberA = await Db().Members.IgnoreQueryFilters().AsNoTracking().FirstAsync(m => m.Id == a.Id);
        Assert.Equal((tree.BranchA.Id, newPathOfA), (memberA.OrgId, memberA.OrgPath));

        // Each member of the unit: 整建制转出 at the old place, 整建制转入 at the new, dated the act's date.
        var history = await new GetMemberHistory(Db(AdminUser)).Handle(a.Id);
        Assert.Equal([MembershipChange.Registered, MembershipChange.TransferredOut, MembershipChange.TransferredIn], history.Select(h => h.Change));
        var outEntry = history[1];
        var inEntry = history[2];
        Assert.All([outEntry, inEntry], h => Assert.True(h is { WholeUnit: true } && h.Date == ActDate && h.OrgId == tree.BranchA.Id));
        Assert.Equal(oldPathOfA, outEntry.OrgPath);
        Assert.Equal(newPathOfA, inEntry.OrgPath);
        Assert.StartsWith("整建制转接（安组〔2026〕12号）：中共城关镇社区总支部委员会由中共城关镇委员会转到中共安和县第一中学委员会", inEntry.Detail, StringComparison.Ordinal);
        Assert.Equal(2, (await new GetMemberHistory(Db(AdminUser)).Handle(b.Id)).Count(h => h.WholeUnit));

        // The township sees the members leave, the school committee sees them come: statistics by subtree.
        Assert.Equal(new[] { a.Id, b.Id }.Order(StringComparer.Ordinal), (await Db(ManagerOf(tree.Township)).MemberHistory.AsNoTracking()
            .Where(h => h.WholeUnit && h.Change == MembershipChange.TransferredOut).Select(h => h.MemberId).ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(2, await Db(ManagerOf(school)).MemberHistory.CountAsync(h => h.WholeUnit && h.Change == MembershipChange.TransferredIn));
        Assert.Empty(await Db(ManagerOf(school)).MemberHistory.Where(h => h.Change == MembershipChange.TransferredOut).ToListAsync());

        // A member outside the unit is untouched.
        Assert.DoesNotContain(await new GetMemberHistory(Db(AdminUser)).Handle(c.Id), h => h.WholeUnit);
    }

    [Fact]
    public async Task WholeUnit_Refused_ChangesNothing_T11()
    {
        await SetUpAsync();
        var a = await CreateMemberAsync(tree.BranchA, "甲");
        await CreateMemberAsync(tree.BranchB, "乙");
        var before = await SnapshotAsync();

        // G-05-dates: not in the future.
        var future = await Assert.ThrowsAsync<RuleViolationException>(() => Act(tree.GeneralBranch, school, Today.AddDays(1)));
        Assert.Equal("G-05-dates", Assert.Single(future.Refusals).Rule);

        // T-11-whole-unit: only a unit of the branch class moves this way; not under its own parent again.
        var committee = await Assert.ThrowsAsync<RuleViolationException>(() => Act(tree.Township, school));
        Assert.Equal("T-11-whole-unit", Assert.Single(committee.Refusals).Rule);
        var same = await Assert.ThrowsAsync<RuleViolationException>(() => Act(tree.BranchA, tree.GeneralBranch));
        Assert.Equal("T-11-whole-unit", Assert.Single(same.Refusals).Rule);

        // OrgHierarchy.CheckParent: a 党总支 may not go under a branch (400 on toParentId); nor under itself.
        Assert.Equal("toParentId", Assert.Single((await Assert.ThrowsAsync<InvalidInputException>(() => Act(tree.GeneralBranch, tree.BranchC))).Errors).Field);
        Assert.Equal("toParentId", Assert.Single((await Assert.ThrowsAsync<InvalidInputException>(() => Act(tree.GeneralBranch, tree.BranchA))).Errors).Field);

        // Scope: the township's Manager can write the unit but not the school committee (404).
        await Assert.ThrowsAsync<NotFoundException>(() => Act(tree.GeneralBranch, school, caller: ManagerOf(tree.Township)));

        // Missing reason: 400.
        Assert.Equal("reason", Assert.Single((await Assert.ThrowsAsync<InvalidInputException>(() => Act(tree.GeneralBranch, school, reason: " "))).Errors).Field);

        Assert.Equal(before, await SnapshotAsync());

        // T-11-whole-unit: a member with an open 组织关系介绍信 is first settled.
        var db = Db(ManagerOf(tree.Township));
        await new IssueTransfer(db, new TransferFacts(db, Time), Time).Handle(new NewTransfer(
            new Issued { MemberId = a.Id, Kind = TransferKind.Formal, Reason = "工作调动", IssuingOrgId = tree.Township.Id, ToOrgId = tree.BranchC.Id, DuesPaidThrough = "2026-10" },
            new DateOnly(2026, 11, 10), [], []));
        before = await SnapshotAsync();
        var open = await Assert.ThrowsAsync<RuleViolationException>(() => Act(tree.GeneralBranch, school));
        var refusal = Assert.Single(open.Refusals);
        Assert.Equal("T-11-whole-unit", refusal.Rule);
        Assert.Contains("甲", refusal.Message, StringComparison.Ordinal);

        Assert.Equal(before, await SnapshotAsync());
    }
}

public sealed class WholeUnitTransferTests_Sqlite : WholeUnitTransferTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class WholeUnitTransferTests_Postgres : WholeUnitTransferTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
