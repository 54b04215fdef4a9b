using System.Text.Json;
using Jishi.App.Accounts;
using Jishi.App.Data;
using Jishi.App.Members;
using Jishi.App.Organisations;
using Jishi.App.People;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.People;
using Jishi.Domain.Rules;

namespace Jishi.App.Tests.Data;

/// <summary>
/// The caller's scope, enforced by <see cref="JishiDbContext"/>: a Manager or Viewer bound to an organisation sees and
/// writes only that organisation's subtree (anything else answers 404, as if it did not exist); a Viewer writes
/// nothing (403); an Admin sees everything.
/// </summary>
public abstract class CallerScopeTests : UseCaseTest
{
    private sealed record Scene(OrgFixture Tree, Member MemberA, Member MemberB, Person ApplicantA, Person ApplicantB);

    private async Task<Scene> BuildSceneAsync()
    {
        var tree = await BuildTreeAsync();
        var memberA = await CreateMemberAsync(tree.BranchA, "张伟");
        var memberB = await CreateMemberAsync(tree.BranchB, "李强");
        var applicantA = await CreatePersonAsync("王芳", tree.BranchA);
        var applicantB = await CreatePersonAsync("赵敏", tree.BranchB);
        return new Scene(tree, memberA, memberB, applicantA, applicantB);
    }

    [Fact]
    public async Task ListOrgs_WithoutParent_ForManagerOfBranchA_ReturnsOnlyBranchA()
    {
        var s = await BuildSceneAsync();
        var manager = ManagerOf(s.Tree.BranchA);

        var tops = await new ListOrgs(Db(manager)).Handle(null);
        var all = await new ListOrgs(Db(manager)).Handle(null, subtree: true);

        Assert.Equal(s.Tree.BranchA.Id, Assert.Single(tops).Id);
        Assert.Equal(s.Tree.BranchA.Id, Assert.Single(all).Id);
        Assert.Equal(s.Tree.BranchA.Id, Assert.Single(await new OrgTree(Db(manager)).Handle()).Org.Id);
    }

    [Fact]
    public async Task GetOrg_OfAnotherBranchOrOfAnAncestor_ForManagerOfBranchA_IsNotFound()
    {
        var s = await BuildSceneAsync();
        var manager = ManagerOf(s.Tree.BranchA);

        Assert.Equal(s.Tree.BranchA.Name, (await new GetOrg(Db(manager)).Handle(s.Tree.BranchA.Id)).Name);
        var e = await Assert.ThrowsAsync<NotFoundException>(() => new GetOrg(Db(manager)).Handle(s.Tree.BranchB.Id));
        Assert.Equal(s.Tree.BranchB.Id, e.Id);
        await Assert.ThrowsAsync<NotFoundException>(() => new GetOrg(Db(manager)).Handle(s.Tree.GeneralBranch.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => new ListOrgs(Db(manager)).Handle(s.Tree.GeneralBranch.Id));
    }

    [Fact]
    public async Task GetPersonAndGetMember_OfAnotherBranch_ForManagerOfBranchA_AreNotFound()
    {
        var s = await BuildSceneAsync();
        var manager = ManagerOf(s.Tree.BranchA);

        Assert.Equal(s.ApplicantA.Id, (await new GetPerson(Db(manager)).Handle(s.ApplicantA.Id)).Id);
        Assert.Equal(s.MemberA.Id, (await new GetMember(Db(manager)).Handle(s.MemberA.Id)).Member.Id);
        await Assert.ThrowsAsync<NotFoundException>(() => new GetPerson(Db(manager)).Handle(s.ApplicantB.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => new GetMember(Db(manager)).Handle(s.MemberB.Id));
        var e = await Assert.ThrowsAsync<NotFoundException>(() => new ListMembers(Db(manager)).Handle(s.Tree.BranchB.Id, null, 1, 20));
        Assert.Equal("orgId", e.Field);
    }

    [Fact]
    public async Task ListMembers_WithoutOrg_ForManagerOfBranchA_ContainsOnlyBranchAMembers()
    {
        var s = await BuildSceneAsync();

        var (items, total) = await new ListMembers(Db(ManagerOf(s.Tree.BranchA))).Handle(null, null, 1, 20);

        Assert.Equal(1, total);
        Assert.Equal(s.MemberA.Id, Assert.Single(items).Member.Id);
    }

    [Fact]
    public async Task ListMembers_WithoutOrg_ForAnonymousCaller_IsEmpty()
    {
        await BuildSceneAsync();

        var (items, total) = await new ListMembers(Db(Caller.Anonymous)).Handle(null, null, 1, 20);

        Assert.Equal(0, total);
        Assert.Empty(items);
    }

    [Fact]
    public async Task ListMembers_OfOwnBranch_ForManagerOfBranchA_ContainsOnlyBranchAMembers()
    {
        var s = await BuildSceneAsync();

        var (items, total) = await new ListMembers(Db(ManagerOf(s.Tree.BranchA))).Handle(s.Tree.BranchA.Id, null, 1, 20);

        Assert.Equal(1, total);
        Assert.Equal(s.MemberA.Id, Assert.Single(items).Member.Id);
    }

    [Fact]
    public async Task ListPeople_ForManagerOfBranchA_ContainsOnlyPeopleRegisteredInBranchA()
    {
        var s = await BuildSceneAsync();

        var (items, total) = await new ListPeople(Db(ManagerOf(s.Tree.BranchA))).Handle(null, 1, 20);

        Assert.Equal(2, total);
        Assert.All(items, p => Assert.Equal(s.Tree.BranchA.Id, p.OrgId));
    }

    [Fact]
    public async Task CreateMember_InAnotherBranch_ForManagerOfBranchA_IsNotFoundAndNothingIsSaved()
    {
        var s = await BuildSceneAsync();
        var manager = ManagerOf(s.Tree.BranchA);
        var person = await CreatePersonAsync("孙磊", s.Tree.BranchA, manager);

        var e = await Assert.ThrowsAsync<NotFoundException>(() => new CreateMember(Db(manager), Time)
            .Handle(new NewMember(person.Id, s.Tree.BranchB.Id, MemberStatus.FullMember)));

        Assert.Equal("orgId", e.Field);
        Assert.Equal(2, await CountAsync<Member>());
    }

    [Fact]
    public async Task CreateMember_ForPersonOfAnotherBranch_ForManagerOfBranchA_IsNotFound()
    {
        var s = await BuildSceneAsync();
        var personB = await CreatePersonAsync("周杰", s.Tree.BranchB);

        var e = await Assert.ThrowsAsync<NotFoundException>(() => new CreateMember(Db(ManagerOf(s.Tree.BranchA)), Time)
            .Handle(new NewMember(personB.Id, s.Tree.BranchA.Id, MemberStatus.FullMember)));

        Assert.Equal("personId", e.Field);
        Assert.Equal(2, await CountAsync<Member>());
    }

    [Fact]
    public async Task CreatePerson_InAnotherBranch_ForManagerOfBranchA_IsNotFound()
    {
        var s = await BuildSceneAsync();

        var e = await Assert.ThrowsAsync<NotFoundException>(() => new CreatePerson(Db(ManagerOf(s.Tree.BranchA)), Time)
            .Handle(new NewPerson("吴静", NextIdNumber(), OrgId: s.Tree.BranchB.Id)));

        Assert.Equal("orgId", e.Field);
        Assert.Equal(4, await CountAsync<Person>());
    }

    [Fact]
    public async Task CreatePerson_WithoutOrg_ForManager_RegistersThePersonAtTheManagersOrg()
    {
        var s = await BuildSceneAsync();
        var manager = ManagerOf(s.Tree.BranchA);

        var person = await new CreatePerson(Db(manager), Time).Handle(new NewPerson("吴静", NextIdNumber()));

        Assert.Equal(s.Tree.BranchA.Id, person.OrgId);
        Assert.Equal(s.Tree.BranchA.Path, person.OrgPath);
        Assert.Equal(person.Id, (await new GetPerson(Db(manager)).Handle(person.Id)).Id);
    }

    [Fact]
    public async Task CreateMember_InSubOrganisation_ForManagerOfGeneralBranch_Succeeds()
    {
        var s = await BuildSceneAsync();
        var manager = ManagerOf(s.Tree.GeneralBranch);

        var member = await CreateMemberAsync(s.Tree.BranchB, "郑华", caller: manager);

        Assert.Equal(s.Tree.BranchB.Path, member.OrgPath);
        Assert.Equal(3, (await new ListMembers(Db(manager)).Handle(s.Tree.GeneralBranch.Id, null, 1, 20)).Total);
    }

    [Fact]
    public async Task CreateOrg_WithoutParent_ForManager_IsRefusedForParentId()
    {
        var s = await BuildSceneAsync();

        var e = await Assert.ThrowsAsync<InvalidInputException>(
            () => CreateOrgAsync("新县委", OrgType.CountyCommittee, caller: ManagerOf(s.Tree.BranchA)));

        AssertSingleField(e, "parentId");
        Assert.Equal(6, await CountAsync<Organisation>());
    }

    [Fact]
    public async Task CreateOrg_UnderAnOrgOutsideScope_ForManager_IsNotFoundForParentId()
    {
        var s = await BuildSceneAsync();

        var e = await Assert.ThrowsAsync<NotFoundException>(
            () => CreateOrgAsync("党小组", OrgType.PartyCell, s.Tree.BranchB, caller: ManagerOf(s.Tree.BranchA)));

        Assert.Equal("parentId", e.Field);
        Assert.Equal(6, await CountAsync<Organisation>());
    }

    [Fact]
    public async Task CreateOrg_InsideScope_ForManager_Succeeds()
    {
        var s = await BuildSceneAsync();
        var manager = ManagerOf(s.Tree.BranchA);

        var cell = await CreateOrgAsync("第一党小组", OrgType.PartyCell, s.Tree.BranchA, caller: manager);

        Assert.Equal(s.Tree.BranchA.Path + cell.Id + "/", cell.Path);
        Assert.Equal(2, (await new ListOrgs(Db(manager)).Handle(null, subtree: true)).Count);
    }

    [Fact]
    public async Task Viewer_CreatingAnOrgPersonMemberOrSanction_IsForbiddenAndNothingIsSaved()
    {
        var s = await BuildSceneAsync();
        var viewer = ViewerOf(s.Tree.GeneralBranch);

        await Assert.ThrowsAsync<ForbiddenException>(() => CreateOrgAsync("第一党小组", OrgType.PartyCell, s.Tree.BranchA, caller: viewer));
        await Assert.ThrowsAsync<ForbiddenException>(() => new CreatePerson(Db(viewer), Time)
            .Handle(new NewPerson("吴静", NextIdNumber(), OrgId: s.Tree.BranchA.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => new CreateMember(Db(viewer), Time)
            .Handle(new NewMember(s.ApplicantA.Id, s.Tree.BranchA.Id, MemberStatus.FullMember)));
        await Assert.ThrowsAsync<ForbiddenException>(() => new AddSanction(Db(viewer), Time)
            .Handle(s.MemberA.Id, new NewSanction(SanctionType.Warning, Today)));
        await Assert.ThrowsAsync<ForbiddenException>(() => new CreateUser(Db(viewer), Time)
            .Handle(new NewUser("someone", "某人", s.Tree.BranchA.Id, Domain.Accounts.Role.Viewer)));

        Assert.Equal(6, await CountAsync<Organisation>());
        Assert.Equal(4, await CountAsync<Person>());
        Assert.Equal(2, await CountAsync<Member>());
        Assert.Equal(0, await CountAsync<Sanction>());
        Assert.Equal(0, await CountAsync<Domain.Accounts.User>());
    }

    [Fact]
    public async Task Viewer_UpdatingOrMovingAnOrgOrUpdatingAPerson_IsForbiddenAndNothingChanges()
    {
        var s = await BuildSceneAsync();
        var viewer = ViewerOf(s.Tree.Township);
        using var patch = JsonDocument.Parse("""{"phone":"13800138000"}""");

        await Assert.ThrowsAsync<ForbiddenException>(() => new UpdateOrg(Db(viewer)).Handle(s.Tree.BranchA.Id, new OrgChanges(Name: "改名")));
        await Assert.ThrowsAsync<ForbiddenException>(() => new MoveOrg(Db(viewer)).Handle(s.Tree.BranchA.Id, s.Tree.Township.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => new UpdatePerson(Db(viewer)).Handle(s.ApplicantA.Id, patch.RootElement));

        var branch = await new GetOrg(Db()).Handle(s.Tree.BranchA.Id);
        Assert.Equal(s.Tree.BranchA.Name, branch.Name);
        Assert.Equal(s.Tree.BranchA.Path, branch.Path);
        Assert.Null((await new GetPerson(Db()).Handle(s.ApplicantA.Id)).Phone);
    }

    [Fact]
    public async Task Viewer_ReadsItsWholeSubtree()
    {
        var s = await BuildSceneAsync();
        var viewer = ViewerOf(s.Tree.GeneralBranch);

        var subtree = await new ListOrgs(Db(viewer)).Handle(s.Tree.GeneralBranch.Id, subtree: true);

        Assert.Equal(
            new[] { s.Tree.BranchA.Id, s.Tree.BranchB.Id }.Order(StringComparer.Ordinal),
            subtree.Select(o => o.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await new ListMembers(Db(viewer)).Handle(s.Tree.GeneralBranch.Id, null, 1, 20)).Total);
        Assert.Equal(s.MemberB.Id, (await new GetMember(Db(viewer)).Handle(s.MemberB.Id)).Member.Id);
    }

    [Fact]
    public async Task Admin_SeesEverything()
    {
        var s = await BuildSceneAsync();

        foreach (var admin in new[] { Caller.System, AdminUser })
        {
            Assert.Equal(6, (await new ListOrgs(Db(admin)).Handle(null, subtree: true)).Count);
            Assert.Equal(2, (await new ListMembers(Db(admin)).Handle(null, null, 1, 20)).Total);
            Assert.Equal(s.MemberB.Id, (await new GetMember(Db(admin)).Handle(s.MemberB.Id)).Member.Id);
            Assert.Equal(s.ApplicantB.Id, (await new GetPerson(Db(admin)).Handle(s.ApplicantB.Id)).Id);
        }
    }

    [Fact]
    public async Task ListOrgs_WithoutParent_ForAdmin_ReturnsTheTopOrganisations()
    {
        var s = await BuildSceneAsync();

        var tops = await new ListOrgs(Db(AdminUser)).Handle(null);

        Assert.Equal(s.Tree.County.Id, Assert.Single(tops).Id);
    }

    [Fact]
    public async Task Manager_UpdatingAPersonOrSanctioningAMemberOfAnotherBranch_IsNotFound()
    {
        var s = await BuildSceneAsync();
        var manager = ManagerOf(s.Tree.BranchA);
        using var patch = JsonDocument.Parse("""{"phone":"13800138000"}""");

        await Assert.ThrowsAsync<NotFoundException>(() => new UpdatePerson(Db(manager)).Handle(s.ApplicantB.Id, patch.RootElement));
        await Assert.ThrowsAsync<NotFoundException>(() => new AddSanction(Db(manager), Time)
            .Handle(s.MemberB.Id, new NewSanction(SanctionType.Warning, Today)));
        await Assert.ThrowsAsync<NotFoundException>(() => new UpdateOrg(Db(manager)).Handle(s.Tree.BranchB.Id, new OrgChanges(Name: "改名")));

        Assert.Null((await new GetPerson(Db()).Handle(s.ApplicantB.Id)).Phone);
        Assert.Equal(0, await CountAsync<Sanction>());
    }

    [Fact]
    public async Task Manager_SanctioningAMemberInScope_Succeeds()
    {
        var s = await BuildSceneAsync();
        var manager = ManagerOf(s.Tree.GeneralBranch);

        var sanction = await new AddSanction(Db(manager), Time).Handle(s.MemberA.Id, new NewSanction(SanctionType.Warning, Today));

        Assert.Equal(s.MemberA.Id, sanction.MemberId);
        Assert.Single((await new GetMember(Db(manager)).Handle(s.MemberA.Id)).Member.Sanctions);
    }

    [Fact]
    public async Task MoveOrg_UnderAnOrgOutsideScope_ForManager_IsNotFoundAndNothingChanges()
    {
        var s = await BuildSceneAsync();

        var e = await Assert.ThrowsAsync<NotFoundException>(
            () => new MoveOrg(Db(ManagerOf(s.Tree.GeneralBranch))).Handle(s.Tree.BranchA.Id, s.Tree.Township.Id));

        Assert.Equal("parentId", e.Field);
        Assert.Equal(s.Tree.BranchA.Path, (await new GetOrg(Db()).Handle(s.Tree.BranchA.Id)).Path);
    }
}

public sealed class CallerScopeTests_Sqlite : CallerScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class CallerScopeTests_Postgres : CallerScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
