using Jishi.App.Data;
using Jishi.App.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Data;

public abstract class MigrationTests : UseCaseTest
{
    [Fact]
    public async Task Migrate_AppliesEveryMigrationAndLeavesNonePending()
    {
        var db = Db();

        await JishiDatabase.MigrateAsync(db); // again, on the migrated database: a no-op

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Model_HasNoChangesMissingFromTheMigrations()
    {
        Assert.False(Db().Database.HasPendingModelChanges(),
            $"The {Provider} model has changes that no migration captures: add a migration for this provider.");
    }

    [Fact]
    public void Context_IsTheProvidersOwnContext()
    {
        var db = Db();

        Assert.Equal(Provider == DatabaseProvider.Sqlite, db is SqliteJishiDbContext);
        Assert.Equal(Provider == DatabaseProvider.Postgres, db is PostgresJishiDbContext);
        Assert.Equal(Provider == DatabaseProvider.Sqlite, db.Database.IsSqlite());
        Assert.Equal(Provider == DatabaseProvider.Postgres, db.Database.IsNpgsql());
    }
}

public sealed class MigrationTests_Sqlite : MigrationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class MigrationTests_Postgres : MigrationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
