using Jishi.App.Data;
using Jishi.App.Members;
using Jishi.App.Organisations;
using Jishi.App.People;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Organisations;

public abstract class OrgUseCaseTests : UseCaseTest
{
    [Fact]
    public async Task CreateOrg_CountyTownshipGeneralBranchBranch_SetsPathDepthAndLevel()
    {
        var county = await CreateOrgAsync("中共安和县委员会", OrgType.CountyCommittee, approves: true);
        var township = await CreateOrgAsync("中共城关镇委员会", OrgType.TownshipCommittee, county, approves: true);
        var general = await CreateOrgAsync("社区党总支", OrgType.GeneralBranch, township);
        var branch = await CreateOrgAsync("第一社区党支部", OrgType.Branch, general);

        var stored = await Db().Orgs.AsNoTracking().ToDictionaryAsync(o => o.Id);
        Assert.Equal(4, stored.Count);

        var c = stored[county.Id];
        Assert.Equal($"/{county.Id}/", c.Path);
        Assert.Equal(0, c.Depth);
        Assert.Null(c.ParentId);
        Assert.Equal(OrgLevel.County, c.Level);
        Assert.True(c.HasAdmissionApprovalAuthority);

        var t = stored[township.Id];
        Assert.Equal($"/{county.Id}/{township.Id}/", t.Path);
        Assert.Equal(1, t.Depth);
        Assert.Equal(county.Id, t.ParentId);
        Assert.Equal(OrgLevel.Primary, t.Level);

        var g = stored[general.Id];
        Assert.Equal($"/{county.Id}/{township.Id}/{general.Id}/", g.Path);
        Assert.Equal(2, g.Depth);
        Assert.Equal(OrgLevel.Branch, g.Level);
        Assert.True(g.HasCommittee);
        Assert.True(g.IsUnderTownshipOrSubdistrict);

        var b = stored[branch.Id];
        Assert.Equal($"/{county.Id}/{township.Id}/{general.Id}/{branch.Id}/", b.Path);
        Assert.Equal(3, b.Depth);
        Assert.Equal(general.Id, b.ParentId);
        Assert.Equal(OrgLevel.Branch, b.Level);
        Assert.False(b.HasCommittee);
        Assert.False(b.HasAdmissionApprovalAuthority);
        Assert.Equal(Now, b.CreatedAt);
    }

    [Theory]
    [InlineData(OrgType.Branch)]
    [InlineData(OrgType.GeneralBranch)]
    [InlineData(OrgType.TemporaryOrg)]
    [InlineData(OrgType.LeadingPartyGroup)]
    public async Task CreateOrg_NonCommitteeWithApprovalAuthority_IsRefusedByG14AndNothingIsSaved(OrgType type)
    {
        var county = await CreateOrgAsync("中共安和县委员会", OrgType.CountyCommittee);

        var e = await Assert.ThrowsAsync<RuleViolationException>(() => CreateOrgAsync("某组织", type, county, approves: true));

        AssertG14(e);
        Assert.Equal(1, await CountAsync<Organisation>());
    }

    [Fact]
    public async Task CreateOrg_PrimaryCommitteeUnderCounty_MayTakeApprovalAuthority()
    {
        var county = await CreateOrgAsync("中共安和县委员会", OrgType.CountyCommittee);

        var school = await CreateOrgAsync("中共安和县第一中学委员会", OrgType.PrimaryCommittee, county, approves: true);

        Assert.False(school.IsUnderTownshipOrSubdistrict);
        Assert.True((await new GetOrg(Db()).Handle(school.Id)).HasAdmissionApprovalAuthority);
    }

    [Fact]
    public async Task CreateOrg_PrimaryCommitteeUnderTownship_IsMarkedUnderTownship()
    {
        var county = await CreateOrgAsync("中共安和县委员会", OrgType.CountyCommittee);
        var township = await CreateOrgAsync("中共城关镇委员会", OrgType.TownshipCommittee, county);

        var village = await CreateOrgAsync("中共青山村委员会", OrgType.PrimaryCommittee, township);

        Assert.True(village.IsUnderTownshipOrSubdistrict);
        Assert.True((await new GetOrg(Db()).Handle(village.Id)).IsUnderTownshipOrSubdistrict);
    }

    [Fact]
    public async Task CreateOrg_PrimaryCommitteeUnderTownshipWithApprovalAuthority_IsRefusedByG14()
    {
        var county = await CreateOrgAsync("中共安和县委员会", OrgType.CountyCommittee);
        var township = await CreateOrgAsync("中共城关镇委员会", OrgType.TownshipCommittee, county);

        var e = await Assert.ThrowsAsync<RuleViolationException>(
            () => CreateOrgAsync("中共青山村委员会", OrgType.PrimaryCommittee, township, approves: true));

        AssertG14(e);
        Assert.Contains("乡镇（街道）党委所属的基层党委", e.Refusals[0].Message);
        Assert.Equal(2, await CountAsync<Organisation>());
    }

    [Fact]
    public async Task UpdateOrg_GrantingApprovalAuthorityToCommitteeUnderTownship_IsRefusedByG14AndNothingChanges()
    {
        var county = await CreateOrgAsync("中共安和县委员会", OrgType.CountyCommittee);
        var township = await CreateOrgAsync("中共城关镇委员会", OrgType.TownshipCommittee, county);
        var village = await CreateOrgAsync("中共青山村委员会", OrgType.PrimaryCommittee, township);

        var e = await Assert.ThrowsAsync<RuleViolationException>(
            () => new UpdateOrg(Db()).Handle(village.Id, new OrgChanges(Name: "新名称", HasAdmissionApprovalAuthority: true)));

        AssertG14(e);
        var stored = await new GetOrg(Db()).Handle(village.Id);
        Assert.False(stored.HasAdmissionApprovalAuthority);
        Assert.Equal("中共青山村委员会", stored.Name);
    }

    [Fact]
    public async Task UpdateOrg_ClearingUnderTownshipBelowATownship_IsRefusedForTheField()
    {
        var county = await CreateOrgAsync("中共安和县委员会", OrgType.CountyCommittee);
        var township = await CreateOrgAsync("中共城关镇委员会", OrgType.TownshipCommittee, county);
        var village = await CreateOrgAsync("中共青山村委员会", OrgType.PrimaryCommittee, township);

        var e = await Assert.ThrowsAsync<InvalidInputException>(
            () => new UpdateOrg(Db()).Handle(village.Id, new OrgChanges(IsUnderTownshipOrSubdistrict: false)));

        AssertSingleField(e, "isUnderTownshipOrSubdistrict");
        Assert.True((await new GetOrg(Db()).Handle(village.Id)).IsUnderTownshipOrSubdistrict);
    }

    [Fact]
    public async Task UpdateOrg_Rename_IsSavedAndKeepsPathAndFlags()
    {
        var tree = await BuildTreeAsync();

        var updated = await new UpdateOrg(Db()).Handle(tree.BranchA.Id, new OrgChanges(Name: "  第一网格党支部  "));

        Assert.Equal("第一网格党支部", updated.Name);
        var stored = await new GetOrg(Db()).Handle(tree.BranchA.Id);
        Assert.Equal("第一网格党支部", stored.Name);
        Assert.Equal(tree.BranchA.Path, stored.Path);
        Assert.Equal(tree.BranchA.HasCommittee, stored.HasCommittee);
    }

    [Fact]
    public async Task UpdateOrg_BlankName_IsRefusedForName()
    {
        var tree = await BuildTreeAsync();

        var e = await Assert.ThrowsAsync<InvalidInputException>(
            () => new UpdateOrg(Db()).Handle(tree.BranchA.Id, new OrgChanges(Name: "   ")));

        AssertSingleField(e, "name");
        Assert.Equal(tree.BranchA.Name, (await new GetOrg(Db()).Handle(tree.BranchA.Id)).Name);
    }

    [Fact]
    public async Task MoveOrg_Subtree_RewritesPathsDepthsAndTheScopeOfItsMembersPeopleCasesAndAlerts()
    {
        var tree = await BuildTreeAsync();
        var school = await CreateOrgAsync("中共第一中学委员会", OrgType.PrimaryCommittee, tree.County, approves: true);
        var department = await CreateOrgAsync("中共第一中学教务处委员会", OrgType.PrimaryCommittee, school);
        var member = await CreateMemberAsync(tree.BranchA, "王伟");
        var applicant = await CreatePersonAsync("李娜", tree.BranchA);
        var opening = Db();
        var caseId = (await new Jishi.App.Cases.OpenCase(opening, Time, new Jishi.App.Cases.GetCase(opening)).Handle(
            new Jishi.App.Cases.NewCase(applicant.Id, tree.BranchA.Id, Today.AddDays(-3), Jishi.Domain.Development.ReceivingOrgRelation.ResidenceOrg))).Case.Id;
        Assert.Single(await new Jishi.App.Alerts.ListAlerts(Db(ManagerOf(tree.Township)), Time).Handle(null, null, 60));
        var oldScope = ManagerOf(tree.Township);
        var newScope = ManagerOf(school);
        Assert.Equal(1, (await new ListMembers(Db(oldScope)).Handle(tree.Township.Id, null, 1, 50)).Total);

        var moved = await new MoveOrg(Db()).Handle(tree.GeneralBranch.Id, department.Id);

        var generalPath = $"{department.Path}{tree.GeneralBranch.Id}/";
        var branchPath = $"{generalPath}{tree.BranchA.Id}/";
        Assert.Equal(generalPath, moved.Path);
        Assert.Equal(department.Id, moved.ParentId);
        Assert.Equal(3, moved.Depth);
        var orgs = await Db().Orgs.AsNoTracking().ToDictionaryAsync(o => o.Id);
        Assert.Equal(branchPath, orgs[tree.BranchA.Id].Path);
        Assert.Equal(4, orgs[tree.BranchA.Id].Depth);
        Assert.Equal($"{generalPath}{tree.BranchB.Id}/", orgs[tree.BranchB.Id].Path);
        Assert.Equal(4, orgs[tree.BranchB.Id].Depth);
        Assert.Equal(tree.BranchC.Path, orgs[tree.BranchC.Id].Path); // a sibling subtree stays where it was
        Assert.Equal(tree.GeneralBranch.Id, orgs[tree.BranchA.Id].ParentId);
        Assert.Equal(branchPath, (await Db().Members.AsNoTracking().SingleAsync()).OrgPath);
        Assert.Equal(branchPath, (await Db().People.AsNoTracking().SingleAsync(p => p.Id == applicant.Id)).OrgPath);
        Assert.Equal(branchPath, (await Db().Cases.AsNoTracking().SingleAsync(c => c.Id == caseId)).OrgPath);
        Assert.All(await Db().CaseDeadlines.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync(), d => Assert.Equal(branchPath, d.OrgPath));

        // The old scope no longer sees the moved subtree …
        await Assert.ThrowsAsync<NotFoundException>(() => new GetOrg(Db(oldScope)).Handle(tree.BranchA.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => new GetMember(Db(oldScope)).Handle(member.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => new GetPerson(Db(oldScope)).Handle(applicant.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => new Jishi.App.Cases.GetCase(Db(oldScope)).Handle(caseId));
        Assert.Empty(await new Jishi.App.Alerts.ListAlerts(Db(oldScope), Time).Handle(null, null, 60));
        Assert.Equal(0, (await new ListMembers(Db(oldScope)).Handle(tree.Township.Id, null, 1, 50)).Total);
        Assert.Equal([tree.BranchC.Id], (await new ListOrgs(Db(oldScope)).Handle(tree.Township.Id, subtree: true)).Select(o => o.Id));

        // … and the new one does.
        Assert.Equal(tree.BranchA.Id, (await new GetOrg(Db(newScope)).Handle(tree.BranchA.Id)).Id);
        Assert.Equal(member.Id, (await new GetMember(Db(newScope)).Handle(member.Id)).Member.Id);
        Assert.Equal(applicant.Id, (await new GetPerson(Db(newScope)).Handle(applicant.Id)).Id);
        Assert.Equal(caseId, (await new Jishi.App.Cases.GetCase(Db(newScope)).Handle(caseId)).Case.Id);
        Assert.Single(await new Jishi.App.Alerts.ListAlerts(Db(newScope), Time).Handle(null, null, 60));
        Assert.Equal(1, (await new ListMembers(Db(newScope)).Handle(school.Id, null, 1, 50)).Total);
        var newSubtree = await new ListOrgs(Db(newScope)).Handle(school.Id, subtree: true);
        Assert.Equal(
            new[] { department.Id, tree.GeneralBranch.Id, tree.BranchA.Id, tree.BranchB.Id }.Order(StringComparer.Ordinal),
            newSubtree.Select(o => o.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MoveOrg_UnderItself_IsRefusedAsCycle()
    {
        var tree = await BuildTreeAsync();

        var e = await Assert.ThrowsAsync<InvalidInputException>(
            () => new MoveOrg(Db()).Handle(tree.GeneralBranch.Id, tree.GeneralBranch.Id));

        AssertSingleField(e, "parentId");
        Assert.Equal(tree.GeneralBranch.Path, (await new GetOrg(Db()).Handle(tree.GeneralBranch.Id)).Path);
    }

    [Fact]
    public async Task MoveOrg_UnderItsOwnDescendant_IsRefusedAsCycle()
    {
        var tree = await BuildTreeAsync();

        var e = await Assert.ThrowsAsync<InvalidInputException>(
            () => new MoveOrg(Db()).Handle(tree.Township.Id, tree.GeneralBranch.Id));

        Assert.Contains("循环", AssertSingleField(e, "parentId"));
        var stored = await new GetOrg(Db()).Handle(tree.Township.Id);
        Assert.Equal(tree.Township.Path, stored.Path);
        Assert.Equal(tree.County.Id, stored.ParentId);
        Assert.Equal(tree.BranchA.Path, (await new GetOrg(Db()).Handle(tree.BranchA.Id)).Path);
    }

    [Fact]
    public async Task MoveOrg_WithoutNewParent_IsRefusedForParentId()
    {
        var tree = await BuildTreeAsync();

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => new MoveOrg(Db()).Handle(tree.BranchA.Id, null));

        AssertSingleField(e, "parentId");
    }

    [Fact]
    public async Task MoveOrg_BranchUnderAnotherBranch_IsRefusedByTheHierarchyCheck()
    {
        var tree = await BuildTreeAsync();

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => new MoveOrg(Db()).Handle(tree.BranchA.Id, tree.BranchC.Id));

        AssertSingleField(e, "parentId");
        Assert.Equal(tree.BranchA.Path, (await new GetOrg(Db()).Handle(tree.BranchA.Id)).Path);
    }

    [Fact]
    public async Task MoveOrg_CommitteeWithApprovalAuthorityUnderTownship_IsRefusedByG14AndNothingChanges()
    {
        var tree = await BuildTreeAsync();
        var school = await CreateOrgAsync("中共第一中学委员会", OrgType.PrimaryCommittee, tree.County, approves: true);

        var e = await Assert.ThrowsAsync<RuleViolationException>(() => new MoveOrg(Db()).Handle(school.Id, tree.Township.Id));

        AssertG14(e);
        var stored = await new GetOrg(Db()).Handle(school.Id);
        Assert.Equal(school.Path, stored.Path);
        Assert.False(stored.IsUnderTownshipOrSubdistrict);
    }

    [Fact]
    public async Task MoveOrg_UnderTownship_MarksTheMovedCommitteeAsUnderTownship()
    {
        var tree = await BuildTreeAsync();
        var enterprise = await CreateOrgAsync("中共安和纺织公司委员会", OrgType.PrimaryCommittee, tree.County);

        var moved = await new MoveOrg(Db()).Handle(enterprise.Id, tree.Township.Id);

        Assert.True(moved.IsUnderTownshipOrSubdistrict);
        await Assert.ThrowsAsync<RuleViolationException>(() =>
            new UpdateOrg(Db()).Handle(enterprise.Id, new OrgChanges(HasAdmissionApprovalAuthority: true)));
    }

    /// <summary>
    /// G-14: a committee below a township committee — directly or through another committee, as
    /// <see cref="CreateOrg"/> decides it — may never approve admissions. Moving its parent under a township must not
    /// leave it with the flag, nor let it be granted the flag afterwards.
    /// </summary>
    [Fact]
    public async Task MoveOrg_UnderTownship_WhenADescendantCommitteeHoldsApprovalAuthority_IsRefusedByG14()
    {
        var tree = await BuildTreeAsync();
        var enterprise = await CreateOrgAsync("中共安和纺织公司委员会", OrgType.PrimaryCommittee, tree.County);
        var workshop = await CreateOrgAsync("中共纺织公司一厂委员会", OrgType.PrimaryCommittee, enterprise, approves: true);

        var e = await Assert.ThrowsAsync<RuleViolationException>(() => new MoveOrg(Db()).Handle(enterprise.Id, tree.Township.Id));

        AssertG14(e);
        Assert.Equal(workshop.Path, (await new GetOrg(Db()).Handle(workshop.Id)).Path);
    }

    [Fact]
    public async Task MoveOrg_UnderTownship_MarksDescendantCommitteesAsUnderTownshipSoTheyCannotTakeApprovalAuthority()
    {
        var tree = await BuildTreeAsync();
        var enterprise = await CreateOrgAsync("中共安和纺织公司委员会", OrgType.PrimaryCommittee, tree.County);
        var workshop = await CreateOrgAsync("中共纺织公司一厂委员会", OrgType.PrimaryCommittee, enterprise);

        await new MoveOrg(Db()).Handle(enterprise.Id, tree.Township.Id);

        Assert.True((await new GetOrg(Db()).Handle(workshop.Id)).IsUnderTownshipOrSubdistrict);
        var e = await Assert.ThrowsAsync<RuleViolationException>(() =>
            new UpdateOrg(Db()).Handle(workshop.Id, new OrgChanges(HasAdmissionApprovalAuthority: true)));
        AssertG14(e);
    }

    [Fact]
    public async Task OrgTree_MemberCounts_IncludeSubOrganisations()
    {
        var tree = await BuildTreeAsync();
        var school = await CreateOrgAsync("中共第一中学委员会", OrgType.PrimaryCommittee, tree.County, approves: true);
        var teachers = await CreateOrgAsync("教工党支部", OrgType.Branch, school);
        foreach (var (org, count) in new[] { (tree.BranchA, 3), (tree.BranchB, 2), (tree.BranchC, 1), (teachers, 4) })
        {
            for (var i = 0; i < count; i++)
            {
                await CreateMemberAsync(org);
            }
        }

        var nodes = await new OrgTree(Db()).Handle();

        var counts = nodes.ToDictionary(n => n.Org.Id, n => n.MemberCount);
        Assert.Equal(10, counts[tree.County.Id]);
        Assert.Equal(6, counts[tree.Township.Id]);
        Assert.Equal(5, counts[tree.GeneralBranch.Id]);
        Assert.Equal(3, counts[tree.BranchA.Id]);
        Assert.Equal(2, counts[tree.BranchB.Id]);
        Assert.Equal(1, counts[tree.BranchC.Id]);
        Assert.Equal(4, counts[school.Id]);
        Assert.Equal(4, counts[teachers.Id]);
        Assert.Equal(tree.County.Id, nodes[0].Org.Id);
        Assert.Equal(nodes.Select(n => n.Org.Path).Order(StringComparer.Ordinal), nodes.Select(n => n.Org.Path));

        var scoped = await new OrgTree(Db(ManagerOf(tree.GeneralBranch))).Handle();
        Assert.Equal(
            new Dictionary<string, int> { [tree.GeneralBranch.Id] = 5, [tree.BranchA.Id] = 3, [tree.BranchB.Id] = 2 },
            scoped.ToDictionary(n => n.Org.Id, n => n.MemberCount));
    }

    [Fact]
    public async Task ListOrgs_OfParent_ReturnsItsChildrenAndWithSubtreeEverythingBelowInTreeOrder()
    {
        var tree = await BuildTreeAsync();

        var children = await new ListOrgs(Db()).Handle(tree.Township.Id);
        var subtree = await new ListOrgs(Db()).Handle(tree.Township.Id, subtree: true);

        Assert.Equal(
            new[] { tree.GeneralBranch.Id, tree.BranchC.Id }.Order(StringComparer.Ordinal),
            children.Select(o => o.Id).Order(StringComparer.Ordinal));
        Assert.Equal(4, subtree.Count);
        Assert.DoesNotContain(subtree, o => o.Id == tree.Township.Id);
        Assert.Equal(subtree.Select(o => o.Path).Order(StringComparer.Ordinal), subtree.Select(o => o.Path));
    }
}

public sealed class OrgUseCaseTests_Sqlite : OrgUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class OrgUseCaseTests_Postgres : OrgUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
