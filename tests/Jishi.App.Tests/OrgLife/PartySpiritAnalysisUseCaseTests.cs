using Jishi.App.Data;
using Jishi.App.OrgLife;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.App.Tests.OrgLife;

/// <summary>党员党性分析 (L-08 = M-14-party-spirit-analysis-5y) through the use cases on a real database: arranged by the
/// county, participation recorded by a branch, the five-year obligation in the alerts.</summary>
public abstract class PartySpiritAnalysisUseCaseTests : UseCaseTest
{
    private static readonly NewPartySpiritAnalysis Campaign = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 10, 31), "对照党章党规，开展党性分析");

    [Fact]
    public async Task OnlyTheCountyArranges_AndABadPeriodNamesItsField_L08()
    {
        var tree = await BuildTreeAsync();
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            new ArrangePartySpiritAnalysis(Db(ManagerOf(tree.Township)), Time).Handle(tree.Township.Id, Campaign));
        Assert.Equal("L-08-party-spirit-analysis", Assert.Single(refused.Refusals).Rule);
        var bad = await Assert.ThrowsAsync<InvalidInputException>(() => new ArrangePartySpiritAnalysis(Db(ManagerOf(tree.County)), Time)
            .Handle(tree.County.Id, Campaign with { EndDate = new DateOnly(2026, 2, 28) }));
        Assert.Contains("开始日期", AssertSingleField(bad, "endDate"));
        Assert.Equal(0, await CountAsync<PartySpiritAnalysisRecord>());

        var a = await new ArrangePartySpiritAnalysis(Db(ManagerOf(tree.County)), Time).Handle(tree.County.Id, Campaign);
        Assert.Equal((tree.County.Id, new DateOnly(2026, 10, 31)), (a.OrgId, a.EndDate));
    }

    [Fact]
    public async Task ABranchRecordsItsMembersWithinThePeriod_AllOrNothing_AndSeesTheCountysCampaign_L08()
    {
        var tree = await BuildTreeAsync();
        var (wang, li, zhang) = (await CreateMemberAsync(tree.BranchA, "王明"), await CreateMemberAsync(tree.BranchA, "李娜"),
            await CreateMemberAsync(tree.BranchA, "张伟"));
        var a = await new ArrangePartySpiritAnalysis(Db(ManagerOf(tree.County)), Time).Handle(tree.County.Id, Campaign);
        var branch = ManagerOf(tree.BranchA);

        // A date after the period, and a member twice: nothing is recorded.
        var late = await Assert.ThrowsAsync<RuleViolationException>(() => new RecordPartySpiritParticipation(Db(branch), Time)
            .Handle(a.Id, new NewPartySpiritParticipation(new DateOnly(2026, 11, 1), [wang.Id, li.Id])));
        Assert.Equal(2, late.Refusals.Count(r => r.Rule == "L-08-party-spirit-analysis"));
        Assert.Equal(0, await CountAsync<PartySpiritParticipationRecord>());

        Assert.Equal(2, await new RecordPartySpiritParticipation(Db(branch), Time)
            .Handle(a.Id, new NewPartySpiritParticipation(new DateOnly(2026, 10, 31), [wang.Id, li.Id])));
        var again = await Assert.ThrowsAsync<RuleViolationException>(() => new RecordPartySpiritParticipation(Db(branch), Time)
            .Handle(a.Id, new NewPartySpiritParticipation(new DateOnly(2026, 10, 30), [li.Id, zhang.Id])));
        Assert.Contains("李娜", Assert.Single(again.Refusals).Message);
        Assert.Equal(2, await CountAsync<PartySpiritParticipationRecord>());

        // The branch sees the county's campaign (arranged above it) with its own figures, and its roll.
        var overview = await new GetPartySpiritAnalyses(Db(branch)).Handle(tree.BranchA.Id);
        var item = Assert.Single(overview.Items);
        Assert.Equal((a.Id, 2, 3, "中共安和县委员会"), (item.Analysis.Id, item.Participants, item.Members, item.OrgName));
        Assert.Equal((new DateOnly(2026, 10, 31), new DateOnly(2031, 10, 31), false), (overview.LastEnded, overview.NextDue, overview.Arranges));
        var roll = await new GetPartySpiritRoll(Db(branch)).Handle(a.Id, tree.BranchA.Id);
        Assert.Equal([("张伟", null), ("李娜", new DateOnly(2026, 10, 31)), ("王明", new DateOnly(2026, 10, 31))],
            roll.Members.Select(m => (m.Name, m.Date)).OrderBy(x => x.Name, StringComparer.Ordinal));

        // Another county's branch neither sees the campaign nor records in it.
        var other = await CreateOrgAsync("中共邻县委员会", OrgType.CountyCommittee, approves: true);
        var otherBranch = await CreateOrgAsync("邻县某党支部", OrgType.Branch, other);
        var stranger = await CreateMemberAsync(otherBranch, "赵强");
        await Assert.ThrowsAsync<NotFoundException>(() => new GetPartySpiritRoll(Db(ManagerOf(otherBranch))).Handle(a.Id, null));
        await Assert.ThrowsAsync<NotFoundException>(() => new RecordPartySpiritParticipation(Db(ManagerOf(otherBranch)), Time)
            .Handle(a.Id, new NewPartySpiritParticipation(new DateOnly(2026, 5, 1), [stranger.Id])));
        // The county itself, recording for that member by mistake, is refused by the rule.
        var outside = await Assert.ThrowsAsync<RuleViolationException>(() => new RecordPartySpiritParticipation(Db(AdminUser), Time)
            .Handle(a.Id, new NewPartySpiritParticipation(new DateOnly(2026, 5, 1), [stranger.Id])));
        Assert.Contains("不在安排", Assert.Single(outside.Refusals).Message);
    }

    [Fact]
    public async Task TheCountyOwesTheNextCampaignFiveYearsAfterTheLast_InTheAlerts_L08()
    {
        var tree = await BuildTreeAsync();
        var obligations = new PartySpiritObligations();
        async Task<List<string>> Owed(DateOnly horizon) =>
            [.. (await obligations.DueBy(Db(ManagerOf(tree.County)), tree.County, horizon, default)).Select(o => $"{o.OrgId} {o.Rule} {o.DueDate:yyyy-MM-dd}")];

        // No campaign yet: five years after the county entered the registry (2026-11-22).
        Assert.Empty(await Owed(new DateOnly(2031, 11, 21)));
        Assert.Equal([$"{tree.County.Id} L-08-party-spirit-analysis 2031-11-22"], await Owed(new DateOnly(2031, 11, 22)));

        await new ArrangePartySpiritAnalysis(Db(ManagerOf(tree.County)), Time).Handle(tree.County.Id, Campaign);
        Assert.Empty(await Owed(new DateOnly(2031, 10, 30)));
        Assert.Equal([$"{tree.County.Id} L-08-party-spirit-analysis 2031-10-31"], await Owed(new DateOnly(2031, 10, 31)));
        // Nothing is owed by the township or the branches: the county arranges.
        Assert.Empty(await obligations.DueBy(Db(ManagerOf(tree.Township)), tree.Township, new DateOnly(2040, 1, 1), default));
    }
}

public sealed class PartySpiritAnalysisUseCaseTests_Sqlite : PartySpiritAnalysisUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PartySpiritAnalysisUseCaseTests_Postgres : PartySpiritAnalysisUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
