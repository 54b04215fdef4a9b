using Jishi.App.Accounts;
using Jishi.App.Data;
using Jishi.App.Members;
using Jishi.App.Organisations;
using Jishi.App.People;
using Jishi.Domain.Accounts;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.People;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Jishi.App.Tests.Infrastructure;

/// <summary>
/// Base of the use-case tests: every test gets its own freshly migrated database of <see cref="Provider"/> and a
/// clock fixed at 2026-11-22T02:00:00Z (10:00 China time, so "today" is 2026-11-22). Test bodies live in abstract
/// classes; a sealed <c>…_Sqlite</c> and <c>…_Postgres</c> subclass of each runs them on both databases.
/// </summary>
public abstract class UseCaseTest : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The China date of <see cref="Now"/>.</summary>
    protected static readonly DateOnly Today = new(2026, 11, 22);

    private readonly List<JishiDbContext> contexts = [];
    private TestDatabase? database;
    private int nextSequence = 101;

    protected FakeTimeProvider Time { get; } = new(Now);

    protected abstract DatabaseProvider Provider { get; }

    protected TestDatabase Database => database ?? throw new InvalidOperationException("The database is not created yet.");

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(Provider);

    public async Task DisposeAsync()
    {
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>A new context (one unit of work, as one request would have) acting as <paramref name="caller"/>.</summary>
    protected JishiDbContext Db(Caller? caller = null)
    {
        var db = Database.Open(caller);
        contexts.Add(db);
        return db;
    }

    protected static Caller ManagerOf(Organisation org) =>
        new("u-mgr-" + org.Id, "mgr" + org.Id[^6..], "管理员", Role.Manager, org.Id, org.Path);

    protected static Caller ViewerOf(Organisation org) =>
        new("u-view-" + org.Id, "view" + org.Id[^6..], "查看员", Role.Viewer, org.Id, org.Path);

    protected static Caller AdminUser { get; } = new("u-admin", "admin", "管理员", Role.Admin, null, null);

    /// <summary>A valid 18-character number (ISO 7064 MOD 11-2 check digit) for a birth date and sequence code.</summary>
    protected static string IdNumberFor(DateOnly birth, int sequence, string region = "110105")
    {
        var first17 = $"{region}{birth:yyyyMMdd}{sequence:D3}";
        return first17 + IdNumber.ComputeCheckDigit(first17);
    }

    /// <summary>A fresh valid id number (a different sequence code each call); odd sequence = male.</summary>
    protected string NextIdNumber(DateOnly? birth = null) =>
        IdNumberFor(birth ?? new DateOnly(1990, 5, 17), nextSequence++);

    protected async Task<Organisation> CreateOrgAsync(string name, OrgType type, Organisation? parent = null,
        bool? approves = null, Caller? caller = null) =>
        await new CreateOrg(Db(caller), Time).Handle(new NewOrg(name, type, parent?.Id, HasAdmissionApprovalAuthority: approves));

    protected async Task<Person> CreatePersonAsync(string name, Organisation? org, Caller? caller = null) =>
        await new CreatePerson(Db(caller), Time).Handle(new NewPerson(name, NextIdNumber(), OrgId: org?.Id, Ethnicity: "汉族"));

    protected async Task<Member> CreateMemberAsync(Organisation org, string? name = null,
        MemberStatus status = MemberStatus.FullMember, Caller? caller = null)
    {
        var person = await CreatePersonAsync(name ?? "党员" + nextSequence, org, caller);
        return await new CreateMember(Db(caller), Time).Handle(new NewMember(person.Id, org.Id, status,
            ProbationStartDate: new DateOnly(2010, 7, 1),
            PartyAgeStartDate: status == MemberStatus.FullMember ? new DateOnly(2011, 7, 1) : null));
    }

    protected async Task<OrgFixture> BuildTreeAsync()
    {
        var county = await CreateOrgAsync("中共安和县委员会", OrgType.CountyCommittee, approves: true);
        var township = await CreateOrgAsync("中共城关镇委员会", OrgType.TownshipCommittee, county, approves: true);
        var general = await CreateOrgAsync("中共城关镇社区总支部委员会", OrgType.GeneralBranch, township);
        var a = await CreateOrgAsync("第一社区党支部", OrgType.Branch, general);
        var b = await CreateOrgAsync("第二社区党支部", OrgType.Branch, general);
        var c = await CreateOrgAsync("机关党支部", OrgType.Branch, township);
        return new OrgFixture(county, township, general, a, b, c);
    }

    /// <summary>How many rows of <typeparamref name="T"/> the database holds (unscoped).</summary>
    protected async Task<int> CountAsync<T>()
        where T : class => await Db().Set<T>().IgnoreQueryFilters().CountAsync();

    /// <summary>Asserts that the refusal names exactly one field, <paramref name="field"/>, and returns its message.</summary>
    protected static string AssertSingleField(InvalidInputException e, string field)
    {
        var error = Assert.Single(e.Errors);
        Assert.Equal(field, error.Field);
        return error.Message;
    }

    protected static void AssertG14(RuleViolationException e)
    {
        var refusal = Assert.Single(e.Refusals);
        Assert.Equal("G-14-approval-authority", refusal.Rule);
        Assert.Equal(RuleSeverity.Block, refusal.Severity);
    }
}

/// <summary>A small tree: 县委 → 乡镇党委 → 党总支 → 党支部 A and B; and 县委 → 乡镇党委 → 党支部 C.</summary>
public sealed record OrgFixture(
    Organisation County,
    Organisation Township,
    Organisation GeneralBranch,
    Organisation BranchA,
    Organisation BranchB,
    Organisation BranchC);
