using Jishi.App.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jishi.App.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the data lives: <c>Jishi:DataDirectory</c> (default <c>./data</c>) holds the embedded SQLite database
/// <c>jishi.db</c>; <c>Jishi:Database:Provider=Postgres</c> with <c>ConnectionStrings:Jishi</c> selects PostgreSQL.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration["Jishi:DataDirectory"] is { Length: > 0 } d ? d : "data");
        var providerText = configuration["Jishi:Database:Provider"];
        var provider = providerText is null or "" or "Sqlite" or "sqlite" ? DatabaseProvider.Sqlite
            : providerText is "Postgres" or "postgres" or "PostgreSQL" or "Npgsql" ? DatabaseProvider.Postgres
            : throw new InvalidOperationException(
                $"Jishi:Database:Provider 的值“{providerText}”无效：应为 Sqlite 或 Postgres");
        var connectionString = configuration.GetConnectionString("Jishi");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("使用 PostgreSQL 时必须设置 ConnectionStrings:Jishi（环境变量 ConnectionStrings__Jishi）");
        }

        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = $"Data Source={Path.Combine(dataDirectory, "jishi.db")}";
        }

        return new DatabaseSettings(provider, connectionString!, dataDirectory);
    }

    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite（{ConnectionString.Replace("Data Source=", "", StringComparison.Ordinal)}）"
        : "PostgreSQL";
}

public static class JishiDatabase
{
    /// <summary>Registers the provider's context as <see cref="JishiDbContext"/> and the caller scope.</summary>
    public static IServiceCollection AddJishiData(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddScoped<CallerScope>();
        Directory.CreateDirectory(settings.DataDirectory);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<JishiDbContext, SqliteJishiDbContext>(o => ConfigureSqlite(o, settings.ConnectionString));
        }
        else
        {
            services.AddDbContext<JishiDbContext, PostgresJishiDbContext>(o => ConfigurePostgres(o, settings.ConnectionString));
        }

        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(JishiDbContext).Assembly.FullName));

    public static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, s => s.MigrationsAssembly(typeof(JishiDbContext).Assembly.FullName));

    /// <summary>A context outside dependency injection (CLI, tests), acting as <paramref name="caller"/>.</summary>
    public static JishiDbContext Open(DatabaseSettings settings, Caller caller)
    {
        var scope = new CallerScope { Current = caller };
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var b = new DbContextOptionsBuilder<SqliteJishiDbContext>();
            ConfigureSqlite(b, settings.ConnectionString);
            return new SqliteJishiDbContext(b.Options, scope);
        }
        else
        {
            var b = new DbContextOptionsBuilder<PostgresJishiDbContext>();
            ConfigurePostgres(b, settings.ConnectionString);
            return new PostgresJishiDbContext(b.Options, scope);
        }
    }

    /// <summary>Applies the migrations of the configured provider (SQLite: in WAL mode).</summary>
    public static async Task MigrateAsync(JishiDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}

/// <summary>Design-time factory for <c>dotnet ef migrations add … --context SqliteJishiDbContext</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteJishiDbContext>
{
    public SqliteJishiDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<SqliteJishiDbContext>();
        JishiDatabase.ConfigureSqlite(b, "Data Source=design.db");
        return new SqliteJishiDbContext(b.Options, new CallerScope());
    }
}

/// <summary>Design-time factory for <c>dotnet ef migrations add … --context PostgresJishiDbContext</c>.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresJishiDbContext>
{
    public PostgresJishiDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<PostgresJishiDbContext>();
        JishiDatabase.ConfigurePostgres(b, "Host=localhost;Username=jishi");
        return new PostgresJishiDbContext(b.Options, new CallerScope());
    }
}
