using Jishi.App.Accounts;
using Jishi.App.Calendar;
using Jishi.App.Data;
using Jishi.App.Demo;
using Jishi.App.Organisations;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jishi.App.Tests.Data;

/// <summary>
/// Every entity declares how it is bound to the organisation tree (<see cref="EntityScopes"/>); the read filter, the
/// write check and the rewrite of path copies on a move are derived from the declaration.
/// </summary>
public abstract class EntityScopesTests : UseCaseTest
{
    private sealed class Undeclared;

    [Fact]
    public void EveryEntityOfTheModel_DeclaresItsScope_AndEveryDeclarationIsAnEntityOfTheModel()
    {
        var model = Db().Model;
        var entities = model.GetEntityTypes().Select(t => t.ClrType).ToHashSet();

        Assert.Empty(entities.Where(t => !EntityScopes.All.ContainsKey(t)).Select(t => t.Name));
        Assert.Empty(EntityScopes.All.Keys.Where(t => !entities.Contains(t)).Select(t => t.Name));
        foreach (var scope in EntityScopes.All.Values)
        {
            var entity = model.FindEntityType(scope.Entity)!;
            Assert.True(scope.IsScoped ^ (scope.Paths.Count == 0 && scope.Parent is null && scope.NotScopedBecause is not null),
                $"{scope.Entity.Name}: scoped by paths or a parent, or not scoped with a reason");
            Assert.True(!scope.IsScoped || scope.Paths.Count > 0 || scope.Parent is not null, $"{scope.Entity.Name} is scoped by nothing");
            foreach (var path in scope.Paths)
            {
                Assert.Equal(typeof(string), entity.FindProperty(path.Property)?.ClrType);
            }

            if (scope.Parent is { } parent)
            {
                Assert.True(EntityScopes.Of(parent.Type).Paths.Count > 0, $"{scope.Entity.Name}'s parent {parent.Type.Name} has no path");
            }
        }
    }

    [Fact]
    public void AnEntityDeclaringNoScope_IsRefusedWithWhatToDo()
    {
        var e = Assert.Throws<InvalidOperationException>(() => EntityScopes.Of(typeof(Undeclared)));

        Assert.Contains(nameof(Undeclared), e.Message, StringComparison.Ordinal);
        Assert.Contains("EntityScopes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryOrgScopedEntity_IsReadThroughItsScopeFilter_OnEachOfItsPaths()
    {
        var tree = await BuildTreeAsync();
        var db = Db(ManagerOf(tree.BranchA));
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;

        foreach (var scope in EntityScopes.All.Values.Where(s => s.Paths.Count > 0))
        {
            var query = (IQueryable<object>)set.MakeGenericMethod(scope.Entity).Invoke(db, null)!;
            var sql = query.ToQueryString();
            var where = sql[sql.IndexOf("WHERE", StringComparison.Ordinal)..];
            foreach (var path in scope.Paths)
            {
                Assert.Contains($"\"{path.Property}\"", where, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task AUnitOfWorkThatNamesNoCaller_IsAnonymous_SeesNothingAndWritesNothing()
    {
        var tree = await BuildTreeAsync();
        var services = new ServiceCollection().AddJishiData(Database.Settings).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();

        Assert.Equal(Caller.Anonymous, db.Caller);
        Assert.Empty(await db.Orgs.ToListAsync());
        db.Orgs.Add(new Organisation { Id = "o-anon", Name = "无名支部", Type = OrgType.Branch, Path = tree.BranchA.ChildPath("o-anon") });
        await Assert.ThrowsAsync<ForbiddenException>(() => db.SaveChangesAsync());
        Assert.Equal(6, await CountAsync<Organisation>());
    }

    [Fact]
    public async Task MovingAnOrg_RewritesEveryDeclaredPathCopyOfItsSubtree_InEveryTable()
    {
        var calendar = new OfficialCalendar();
        await calendar.InitialiseAsync(Db(), Time);
        await new SeedDemo(Db(), Time).Handle();
        await new SeedDemoCases(Db(), Time, calendar).Handle();
        await new SeedDemoTransfers(Db(), Time, calendar).Handle();
        await new SeedDemoMobility(Db(), Time).Handle();
        var county = await Db().Orgs.AsNoTracking().FirstAsync(o => o.Type == OrgType.CountyCommittee);
        var city = await CreateOrgAsync("中共示范市委员会", OrgType.PrefecturalCommittee, approves: true);
        var before = await CopiesUnder(county.Path);

        await new MoveOrg(Db()).Handle(county.Id, city.Id);

        var moved = await new GetOrg(Db()).Handle(county.Id);
        Assert.Equal(city.ChildPath(county.Id), moved.Path);
        Assert.All(await CopiesUnder(county.Path), c => Assert.Equal(0, c.Count));
        Assert.Equal(before.Select(c => (c.Table, c.Count)), (await CopiesUnder(moved.Path)).Select(c => (c.Table, c.Count)));
        foreach (var table in new[] { "Member.OrgPath", "CaseRecord.OrgPath", "ProcedureRecord.OrgPath", "TransferRecord.IssuingOrgPath",
                     "MobilityRecord.FormalOrgPath", "MembershipChangeRecord.OrgPath", "CaseDeadlineRecord.OrgPath" })
        {
            Assert.True(before.Single(c => c.Table == table).Count > 0, $"the demo has no {table} to move");
        }
    }

    /// <summary>How many rows of each declared path copy (but the tree itself) lie under <paramref name="path"/>.</summary>
    private async Task<IReadOnlyList<(string Table, int Count)>> CopiesUnder(string path)
    {
        var upper = Organisation.SubtreeUpperBound(path);
        var counts = new List<(string, int)>();
        var db = Db();
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
        foreach (var scope in EntityScopes.All.Values.Where(s => s.Entity != typeof(Organisation)))
        {
            foreach (var copy in scope.Paths)
            {
                var rows = ((IQueryable<object>)set.MakeGenericMethod(scope.Entity).Invoke(db, null)!).IgnoreQueryFilters();
                var count = await rows.CountAsync(r => EF.Property<string>(r, copy.Property).CompareTo(path) >= 0
                    && EF.Property<string>(r, copy.Property).CompareTo(upper) < 0);
                counts.Add(($"{scope.Entity.Name}.{copy.Property}", count));
            }
        }

        return counts;
    }
}

public sealed class EntityScopesTests_Sqlite : EntityScopesTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class EntityScopesTests_Postgres : EntityScopesTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
