using Jishi.App.Accounts;
using Jishi.App.Data;
using Jishi.App.Demo;
using Jishi.App.Organisations;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Accounts;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Demo;

public abstract class SeedDemoTests : UseCaseTest
{
    [Fact]
    public async Task SeedDemo_OnAnEmptyDatabase_CreatesTheDemoTreeMembersPeopleAndAccounts()
    {
        var login = await new SeedDemo(Db(), Time).Handle();

        Assert.NotNull(login);
        Assert.StartsWith("jishi-", login.Password);
        var orgs = await Db().Orgs.AsNoTracking().ToListAsync();
        Assert.Single(orgs, o => o.Type == OrgType.CountyCommittee);
        Assert.Equal(2, orgs.Count(o => o.Level == OrgLevel.Primary && o.HasAdmissionApprovalAuthority));
        Assert.Single(orgs, o => o.Type == OrgType.GeneralBranch);
        Assert.Equal(6, orgs.Count(o => o.Type == OrgType.Branch));
        Assert.Equal(10, orgs.Count);
        Assert.All(orgs.Where(o => o.HasAdmissionApprovalAuthority),
            o => Assert.Null(ApprovalAuthority.RefuseApprovalAuthority(o.Type, o.IsUnderTownshipOrSubdistrict)));

        var members = await Db().Members.AsNoTracking().CountAsync();
        Assert.InRange(members, 140, 160);
        Assert.Equal(members + 14, await Db().People.AsNoTracking().CountAsync());
        Assert.Equal(2, await Db().Sanctions.AsNoTracking().CountAsync());

        var users = await Db().Users.AsNoTracking().ToDictionaryAsync(u => u.UserName);
        Assert.Equal(3, users.Count);
        Assert.Equal(Role.Admin, users["admin"].Role);
        Assert.Null(users["admin"].OrgId);
        Assert.Equal(Role.Manager, users["zhibu1"].Role);
        Assert.Equal(OrgType.Branch, orgs.Single(o => o.Id == users["zhibu1"].OrgId).Type);
        Assert.Equal(Role.Viewer, users["xianwei"].Role);
        Assert.Equal(OrgType.CountyCommittee, orgs.Single(o => o.Id == users["xianwei"].OrgId).Type);

        // The tree's member counts add up at the root.
        var tree = await new OrgTree(Db()).Handle();
        Assert.Equal(members, tree.Single(n => n.Org.Type == OrgType.CountyCommittee).MemberCount);
    }

    [Fact]
    public async Task SeedDemo_AccountsSignInWithThePrintedPassword()
    {
        var login = await new SeedDemo(Db(), Time).Handle();
        Assert.NotNull(login);

        var (caller, error) = await new SignIn(Db(), Time).ByPassword("zhibu1", login.Password);

        Assert.Null(error);
        Assert.NotNull(caller);
        Assert.Equal(Role.Manager, caller.Role);
        Assert.NotNull(caller.OrgPath);
        var scoped = await new OrgTree(Db(caller)).Handle();
        Assert.Equal(caller.OrgId, Assert.Single(scoped).Org.Id);
    }

    [Fact]
    public async Task SeedDemo_SecondRun_ReturnsNullAndAddsNothing()
    {
        await new SeedDemo(Db(), Time).Handle();
        var counts = (await CountAsync<Organisation>(), await CountAsync<Person>(), await CountAsync<Member>(), await CountAsync<User>());

        var second = await new SeedDemo(Db(), Time).Handle();

        Assert.Null(second);
        Assert.Equal(counts, (await CountAsync<Organisation>(), await CountAsync<Person>(), await CountAsync<Member>(), await CountAsync<User>()));
    }

    [Fact]
    public async Task SeedDemo_EverySeededIdNumberParsesAsValidAndMatchesBirthDateAndGender()
    {
        await new SeedDemo(Db(), Time).Handle();

        var people = await Db().People.AsNoTracking().ToListAsync();

        Assert.NotEmpty(people);
        Assert.Equal(people.Count, people.Select(p => p.IdNumber).Distinct().Count());
        Assert.All(people, p =>
        {
            Assert.True(IdNumber.TryParse(p.IdNumber, Today, out var parsed, out var error), $"{p.IdNumber}: {error}");
            Assert.Equal(parsed.BirthDate, p.BirthDate);
            Assert.Equal(parsed.Gender, p.Gender);
            Assert.NotNull(p.Ethnicity);
            Assert.True(Ethnicities.IsOfficial(p.Ethnicity));
        });
    }

    [Fact]
    public async Task SeedDemo_MemberDatesAreNotInTheFutureAndFollowAgeAndProbation()
    {
        await new SeedDemo(Db(), Time).Handle();

        var members = await Db().Members.AsNoTracking().ToListAsync();
        var births = await Db().People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.BirthDate);

        Assert.All(members, m =>
        {
            Assert.NotNull(m.ProbationStartDate);
            Assert.True(m.ProbationStartDate <= Today, $"probation {m.ProbationStartDate} after today");
            Assert.True(births[m.PersonId].AddYears(18) <= m.ProbationStartDate,
                $"member born {births[m.PersonId]} joined at {m.ProbationStartDate}, before the age of 18 (G-06)");
            if (m.Status == MemberStatus.FullMember)
            {
                Assert.NotNull(m.PartyAgeStartDate);
                Assert.True(m.PartyAgeStartDate > m.ProbationStartDate);
                Assert.True(m.PartyAgeStartDate <= Today);
            }
            else
            {
                Assert.Null(m.PartyAgeStartDate);
            }
        });
    }
}

public sealed class SeedDemoTests_Sqlite : SeedDemoTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SeedDemoTests_Postgres : SeedDemoTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
