using Jishi.App.Accounts;
using Jishi.App.Alerts;
using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Accounts;
using Jishi.Domain.Development;
using Jishi.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Alerts;

/// <summary>
/// The start page's figures, the alert rows and the calendar feed use cases, each limited to the caller's subtree.
/// Cases are opened through <see cref="OpenCase"/> (each gets the deadline R-07-talk-within-1-month: received + 1
/// month); today is 2026-11-22.
/// </summary>
public abstract class DashboardTests : UseCaseTest
{
    private async Task<string> OpenAsync(string name, Organisation org, DateOnly received)
    {
        var person = await CreatePersonAsync(name, org);
        var db = Db();
        var view = await new OpenCase(db, Time, new GetCase(db)).Handle(new NewCase(person.Id, org.Id, received, ReceivingOrgRelation.ResidenceOrg));
        Time.Advance(TimeSpan.FromSeconds(1));
        return view.Case.Id;
    }

    /// <summary>A: overdue (due 11-01) · B: due soon (12-01) · C: later (12-20) · A: overdue (11-15), an activist ·
    /// B: a closed case without deadlines.</summary>
    private async Task<(OrgFixture Tree, string[] Cases)> ScenarioAsync()
    {
        var tree = await BuildTreeAsync();
        var a1 = await OpenAsync("甲一", tree.BranchA, new DateOnly(2026, 10, 1));
        var b1 = await OpenAsync("乙一", tree.BranchB, new DateOnly(2026, 11, 1));
        var c1 = await OpenAsync("丙一", tree.BranchC, new DateOnly(2026, 11, 20));
        var a2 = await OpenAsync("甲二", tree.BranchA, new DateOnly(2026, 10, 15));
        var b2 = await OpenAsync("乙二", tree.BranchB, new DateOnly(2026, 10, 1));

        var db = Db();
        (await db.Cases.SingleAsync(c => c.Id == a2)).Stage = DevelopmentStage.Activist;
        (await db.Cases.SingleAsync(c => c.Id == b2)).Status = CaseStatus.Withdrawn;
        db.CaseDeadlines.RemoveRange(await db.CaseDeadlines.Where(d => d.CaseId == b2).ToListAsync());
        await db.SaveChangesAsync();
        return (tree, [a1, b1, c1, a2, b2]);
    }

    [Fact]
    public async Task Dashboard_CountsOpenCasesByStage_AndDeadlines_WithinTheCallersSubtree()
    {
        var (tree, _) = await ScenarioAsync();

        var general = await new Dashboard(Db(ManagerOf(tree.GeneralBranch)), Time).Handle();
        var branchC = await new Dashboard(Db(ViewerOf(tree.BranchC)), Time).Handle();
        var all = await new Dashboard(Db(AdminUser), Time).Handle();

        Assert.Equal(Today, general.AsOf);
        Assert.Equal(2, general.OpenByStage[DevelopmentStage.Applicant]);
        Assert.Equal(1, general.OpenByStage[DevelopmentStage.Activist]);
        Assert.Equal(0, general.OpenByStage[DevelopmentStage.Candidate]);
        Assert.Equal(0, general.OpenByStage[DevelopmentStage.ProbationaryMember]);
        Assert.Equal(2, general.Overdue);
        Assert.Equal(1, general.DueSoon);

        Assert.Equal(1, branchC.OpenByStage[DevelopmentStage.Applicant]);
        Assert.Equal(0, branchC.OpenByStage[DevelopmentStage.Activist]);
        Assert.Equal(0, branchC.Overdue);
        Assert.Equal(0, branchC.DueSoon);

        Assert.Equal(3, all.OpenByStage[DevelopmentStage.Applicant]);
        Assert.Equal(1, all.OpenByStage[DevelopmentStage.Activist]);
        Assert.Equal(2, all.Overdue);
        Assert.Equal(1, all.DueSoon);
    }

    [Fact]
    public async Task Dashboard_DueSoonHorizon_FollowsWithinDays()
    {
        var (tree, _) = await ScenarioAsync();

        var wide = await new Dashboard(Db(ManagerOf(tree.County)), Time).Handle(withinDays: 30);
        var later = await new Dashboard(Db(ManagerOf(tree.County)), Time).Handle(asOf: new DateOnly(2026, 12, 2), withinDays: 0);

        Assert.Equal(2, wide.Overdue);
        Assert.Equal(2, wide.DueSoon);
        Assert.Equal(3, later.Overdue);
        Assert.Equal(0, later.DueSoon);
        await Assert.ThrowsAsync<Domain.Rules.InvalidInputException>(() => new Dashboard(Db(), Time).Handle(withinDays: 400));
    }

    [Fact]
    public async Task Dashboard_RecentSteps_AreTheLastRecordedInScope_NewestFirst()
    {
        var (tree, cases) = await ScenarioAsync();

        var general = await new Dashboard(Db(ManagerOf(tree.GeneralBranch)), Time).Handle();
        var branchC = await new Dashboard(Db(ManagerOf(tree.BranchC)), Time).Handle();

        Assert.Equal([cases[4], cases[3], cases[1], cases[0]], general.Recent.Select(r => r.CaseId));
        var newest = general.Recent[0];
        Assert.Equal("乙二", newest.PersonName);
        Assert.Equal(CaseEventType.ApplicationReceived, newest.Type);
        Assert.Equal(new DateOnly(2026, 10, 1), newest.Date);
        Assert.Equal(1, newest.Seq);
        Assert.Equal(Caller.System.DisplayName, newest.RecordedByName);
        Assert.Equal([cases[2]], branchC.Recent.Select(r => r.CaseId));
    }

    [Fact]
    public async Task Dashboard_RecentSteps_AreAtMostTen()
    {
        var tree = await BuildTreeAsync();
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await OpenAsync("申请人" + i, tree.BranchA, new DateOnly(2026, 11, 1)));
        }

        var figures = await new Dashboard(Db(ManagerOf(tree.BranchA)), Time).Handle();

        Assert.Equal(Enumerable.Reverse(ids).Take(Dashboard.RecentCount), figures.Recent.Select(r => r.CaseId));
        Assert.Equal(12, figures.OpenByStage[DevelopmentStage.Applicant]);
    }

    [Fact]
    public async Task ListAlertRows_HasNamesAndDays_SortedByDueDate_InScope()
    {
        var (tree, cases) = await ScenarioAsync();

        var rows = await new ListAlertRows(Db(ManagerOf(tree.GeneralBranch)), new ListAlerts(Db(ManagerOf(tree.GeneralBranch)), Time), Time)
            .Handle(null, null, 14);
        var onlyB = await new ListAlertRows(Db(ManagerOf(tree.GeneralBranch)), new ListAlerts(Db(ManagerOf(tree.GeneralBranch)), Time), Time)
            .Handle(tree.BranchB.Id, null, 14);

        Assert.Equal([cases[0], cases[3], cases[1]], rows.Select(r => r.CaseId));
        Assert.Equal(["甲一", "甲二", "乙一"], rows.Select(r => r.PersonName));
        Assert.Equal([true, true, false], rows.Select(r => r.Overdue));
        Assert.Equal([-21, -7, 9], rows.Select(r => r.DaysFromAsOf));
        Assert.All(rows, r => Assert.Equal("R-07-talk-within-1-month", r.Rule));
        Assert.Equal([cases[1]], onlyB.Select(r => r.CaseId));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            new ListAlertRows(Db(ManagerOf(tree.BranchC)), new ListAlerts(Db(ManagerOf(tree.BranchC)), Time), Time).Handle(tree.BranchA.Id, null, 14));
    }

    [Fact]
    public async Task CalendarFeed_TokenOpensTheUsersScope_UntilRevoked()
    {
        var (tree, cases) = await ScenarioAsync();
        var user = await new CreateUser(Db(AdminUser), Time).Handle(new NewUser("feeduser", "订阅者", tree.GeneralBranch.Id, Role.Viewer));
        var caller = await new SignIn(Db(), Time).ByUserId(user.Id);
        Assert.NotNull(caller);

        var issued = await new CreateCalendarFeed(Db(caller), Time).Handle();
        Assert.StartsWith(CalendarFeedTokens.TokenPrefix, issued.Token, StringComparison.Ordinal);
        Assert.Equal(CalendarFeedTokens.Label, issued.Record.Label);
        var stored = await Db().ApiTokens.SingleAsync(t => t.Id == issued.Record.Id);
        Assert.NotEqual(issued.Token, stored.TokenHash);
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.Single(await new ListCalendarFeeds(Db(caller)).Handle());

        var feedCaller = await new CalendarFeedSignIn(Db(), new SignIn(Db(), Time)).Handle(issued.Token);
        Assert.NotNull(feedCaller);
        Assert.Equal(user.Id, feedCaller.UserId);
        var deadlines = await new ListFeedDeadlines(Db(feedCaller)).Handle();
        Assert.Equal([cases[0], cases[3], cases[1]], deadlines.Select(d => d.CaseId));
        Assert.Equal("甲一", deadlines[0].PersonName);

        Assert.Null(await new CalendarFeedSignIn(Db(), new SignIn(Db(), Time)).Handle("jcf_unknown"));
        Assert.Null(await new CalendarFeedSignIn(Db(), new SignIn(Db(), Time)).Handle(issued.Token[4..]));

        Assert.Equal(1, await new RevokeCalendarFeeds(Db(caller), Time).Handle());
        Assert.Null(await new CalendarFeedSignIn(Db(), new SignIn(Db(), Time)).Handle(issued.Token));
        Assert.Empty(await new ListCalendarFeeds(Db(caller)).Handle());
    }

    [Fact]
    public async Task CalendarFeedSignIn_RefusesAnOrdinaryApiToken()
    {
        var tree = await BuildTreeAsync();
        var user = await new CreateUser(Db(AdminUser), Time).Handle(new NewUser("apiuser", "接口用户", tree.BranchA.Id, Role.Manager));
        var api = await new CreateToken(Db(AdminUser), Time).Handle(user.Id);

        Assert.Null(await new CalendarFeedSignIn(Db(), new SignIn(Db(), Time)).Handle(api.Token));
        Assert.Null(await new CalendarFeedSignIn(Db(), new SignIn(Db(), Time)).Handle(CalendarFeedTokens.TokenPrefix + api.Token[4..]));
    }

    [Fact]
    public async Task CreateCalendarFeed_WithoutAUserRecord_IsForbidden() =>
        await Assert.ThrowsAsync<ForbiddenException>(() => new CreateCalendarFeed(Db(Caller.BootstrapAdmin), Time).Handle());
}

public sealed class DashboardTests_Sqlite : DashboardTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class DashboardTests_Postgres : DashboardTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
