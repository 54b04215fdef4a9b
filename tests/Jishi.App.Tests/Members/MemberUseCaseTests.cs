using Jishi.App.Data;
using Jishi.App.Members;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Members;
using Jishi.Domain.Rules;

namespace Jishi.App.Tests.Members;

public abstract class MemberUseCaseTests : UseCaseTest
{
    private Task<Member> Create(NewMember input) => new CreateMember(Db(), Time).Handle(input);

    private Task<Sanction> Sanction(string memberId, NewSanction input) => new AddSanction(Db(), Time).Handle(memberId, input);

    [Fact]
    public async Task CreateMember_FullMember_IsSavedWithTheOrgPathAndShownWithThePerson()
    {
        var tree = await BuildTreeAsync();
        var person = await CreatePersonAsync("王伟", tree.BranchA);

        var member = await Create(new NewMember(person.Id, tree.BranchA.Id, MemberStatus.FullMember,
            new DateOnly(2015, 7, 1), new DateOnly(2016, 7, 1)));

        var view = await new GetMember(Db()).Handle(member.Id);
        Assert.Equal(tree.BranchA.Path, view.Member.OrgPath);
        Assert.Equal(tree.BranchA.Id, view.Member.OrgId);
        Assert.Equal(MemberStatus.FullMember, view.Member.Status);
        Assert.Equal(new DateOnly(2015, 7, 1), view.Member.ProbationStartDate);
        Assert.Equal(new DateOnly(2016, 7, 1), view.Member.PartyAgeStartDate);
        Assert.Equal("王伟", view.Person.Name);
        Assert.True(view.Member.HasVotingRightOn(Today));
    }

    [Fact]
    public async Task CreateMember_ProbationaryMember_HasNoVotingRight()
    {
        var tree = await BuildTreeAsync();
        var person = await CreatePersonAsync("王伟", tree.BranchA);

        var member = await Create(new NewMember(person.Id, tree.BranchA.Id, MemberStatus.ProbationaryMember, Today));

        Assert.False((await new GetMember(Db()).Handle(member.Id)).Member.HasVotingRightOn(Today));
    }

    [Fact]
    public async Task CreateMember_ForAPersonAlreadyInTheRegistry_IsConflictNamingTheExistingMember()
    {
        var tree = await BuildTreeAsync();
        var first = await CreateMemberAsync(tree.BranchA, "王伟");

        var e = await Assert.ThrowsAsync<ConflictException>(
            () => Create(new NewMember(first.PersonId, tree.BranchB.Id, MemberStatus.FullMember)));

        Assert.Equal(first.Id, e.ExistingId);
        Assert.Equal(1, await CountAsync<Member>());
    }

    [Fact]
    public async Task CreateMember_WithProbationStartAfterToday_IsRefusedByG05()
    {
        var tree = await BuildTreeAsync();
        var person = await CreatePersonAsync("王伟", tree.BranchA);

        var e = await Assert.ThrowsAsync<RuleViolationException>(() => Create(new NewMember(person.Id, tree.BranchA.Id,
            MemberStatus.ProbationaryMember, Today.AddDays(1))));

        var refusal = Assert.Single(e.Refusals);
        Assert.Equal("G-05-dates", refusal.Rule);
        Assert.Contains("probationStartDate", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync<Member>());
    }

    [Fact]
    public async Task CreateMember_WithProbationStartToday_IsAccepted()
    {
        var tree = await BuildTreeAsync();
        var person = await CreatePersonAsync("王伟", tree.BranchA);

        var member = await Create(new NewMember(person.Id, tree.BranchA.Id, MemberStatus.ProbationaryMember, Today));

        Assert.Equal(Today, member.ProbationStartDate);
    }

    [Fact]
    public async Task CreateMember_ProbationaryWithPartyAgeStartDate_IsRefused()
    {
        var tree = await BuildTreeAsync();
        var person = await CreatePersonAsync("王伟", tree.BranchA);

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Create(new NewMember(person.Id, tree.BranchA.Id,
            MemberStatus.ProbationaryMember, new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 1))));

        Assert.Contains("预备党员", AssertSingleField(e, "partyAgeStartDate"));
        Assert.Equal(0, await CountAsync<Member>());
    }

    [Theory]
    [InlineData("2020-07-01")]
    [InlineData("2019-07-01")]
    public async Task CreateMember_WithPartyAgeNotAfterProbationStart_IsRefused(string partyAge)
    {
        var tree = await BuildTreeAsync();
        var person = await CreatePersonAsync("王伟", tree.BranchA);

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Create(new NewMember(person.Id, tree.BranchA.Id,
            MemberStatus.FullMember, new DateOnly(2020, 7, 1), DateOnly.ParseExact(partyAge, "yyyy-MM-dd"))));

        AssertSingleField(e, "partyAgeStartDate");
    }

    [Fact]
    public async Task CreateMember_WithoutPersonOrgOrStatus_ReportsEachField()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Create(new NewMember(null, " ", null)));

        Assert.Equal(new[] { "orgId", "personId", "status" }, e.Errors.Select(x => x.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateMember_ForUnknownPerson_IsNotFoundForPersonId()
    {
        var tree = await BuildTreeAsync();

        var e = await Assert.ThrowsAsync<NotFoundException>(
            () => Create(new NewMember("nosuchperson", tree.BranchA.Id, MemberStatus.FullMember)));

        Assert.Equal("personId", e.Field);
    }

    [Fact]
    public async Task AddSanction_DisciplinaryProbation_TakesAwayTheVotingRight()
    {
        var tree = await BuildTreeAsync();
        var member = await CreateMemberAsync(tree.BranchA);
        Assert.True((await new GetMember(Db()).Handle(member.Id)).Member.HasVotingRightOn(Today));

        await Sanction(member.Id, new NewSanction(SanctionType.DisciplinaryProbation, new DateOnly(2026, 6, 1)));

        var view = await new GetMember(Db()).Handle(member.Id);
        var sanction = Assert.Single(view.Member.Sanctions);
        Assert.Equal(SanctionType.DisciplinaryProbation, sanction.Type);
        Assert.False(view.Member.HasVotingRightOn(Today));
        Assert.True(view.Member.HasVotingRightOn(new DateOnly(2026, 5, 31)));
    }

    [Fact]
    public async Task AddSanction_DisciplinaryProbationWithRightsRestored_RestoresTheVotingRightOnThatDay()
    {
        var tree = await BuildTreeAsync();
        var member = await CreateMemberAsync(tree.BranchA);

        await Sanction(member.Id, new NewSanction(SanctionType.DisciplinaryProbation, new DateOnly(2025, 11, 22), Today));

        var view = await new GetMember(Db()).Handle(member.Id);
        Assert.True(view.Member.HasVotingRightOn(Today));
        Assert.False(view.Member.HasVotingRightOn(Today.AddDays(-1)));
    }

    /// <summary>G-16: 警告 is in effect from the approval date up to and including approval + 12 months.</summary>
    [Fact]
    public async Task AddSanction_WarningApproved20251122_IsInEffectOn20261122AndNotOn20261123()
    {
        var tree = await BuildTreeAsync();
        var member = await CreateMemberAsync(tree.BranchA);

        await Sanction(member.Id, new NewSanction(SanctionType.Warning, new DateOnly(2025, 11, 22)));

        var view = await new GetMember(Db()).Handle(member.Id);
        var warning = Assert.Single(view.Member.Sanctions);
        Assert.Equal(new DateOnly(2025, 11, 22), warning.ApprovedDate);
        Assert.False(warning.IsInEffectOn(new DateOnly(2025, 11, 21)));
        Assert.True(warning.IsInEffectOn(new DateOnly(2025, 11, 22)));
        Assert.True(warning.IsInEffectOn(new DateOnly(2026, 11, 22)));
        Assert.False(warning.IsInEffectOn(new DateOnly(2026, 11, 23)));
        Assert.True(view.Member.HasVotingRightOn(Today)); // a warning does not take away the vote (G-08)
    }

    [Fact]
    public async Task AddSanction_WarningWithRightsRestoredDate_IsRefusedAndNothingIsSaved()
    {
        var tree = await BuildTreeAsync();
        var member = await CreateMemberAsync(tree.BranchA);

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Sanction(member.Id,
            new NewSanction(SanctionType.Warning, new DateOnly(2026, 1, 5), new DateOnly(2026, 6, 1))));

        AssertSingleField(e, "rightsRestoredDate");
        Assert.Equal(0, await CountAsync<Sanction>());
    }

    [Fact]
    public async Task AddSanction_DisciplinaryProbationRestoredAfterMoreThanTwoYears_IsRefused()
    {
        var tree = await BuildTreeAsync();
        var member = await CreateMemberAsync(tree.BranchA);

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Sanction(member.Id,
            new NewSanction(SanctionType.DisciplinaryProbation, new DateOnly(2026, 1, 5), new DateOnly(2028, 1, 6))));

        AssertSingleField(e, "rightsRestoredDate");
        Assert.Equal(0, await CountAsync<Sanction>());
    }

    [Fact]
    public async Task AddSanction_ApprovedAfterToday_IsRefusedByG05()
    {
        var tree = await BuildTreeAsync();
        var member = await CreateMemberAsync(tree.BranchA);

        var e = await Assert.ThrowsAsync<RuleViolationException>(() => Sanction(member.Id,
            new NewSanction(SanctionType.Warning, Today.AddDays(1))));

        var refusal = Assert.Single(e.Refusals);
        Assert.Equal("G-05-dates", refusal.Rule);
        Assert.Contains("approvedDate", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync<Sanction>());
    }

    [Theory]
    [InlineData(10, 5, 5, true)] // 2A = N: no quorum
    [InlineData(10, 8, 5, true)] // 2Y = N: not passed, no sanction
    [InlineData(11, 6, 6, false)] // 2A = N + 1, 2Y = N + 1
    public async Task AddSanction_DecidedByTheBranch_IsRefusedUnderL04WithoutQuorumOrMajority_AndNothingIsSaved(int n, int present, int votesFor,
        bool refused)
    {
        var tree = await BuildTreeAsync();
        var member = await CreateMemberAsync(tree.BranchA, "王伟");
        var input = new NewSanction(SanctionType.SeriousWarning, new DateOnly(2026, 6, 30), DecidingOrgId: tree.BranchA.Id,
            AssemblyVote: new AssemblyVote(n, present, votesFor, VotesAgainst: present - votesFor));

        if (refused)
        {
            var e = await Assert.ThrowsAsync<RuleViolationException>(() => Sanction(member.Id, input));
            var refusal = Assert.Single(e.Refusals);
            Assert.Equal(("L-04-assembly-votes", RuleSeverity.Block), (refusal.Rule, refusal.Severity));
            Assert.Contains("第十一条", refusal.Article, StringComparison.Ordinal);
            Assert.Equal(0, await CountAsync<Sanction>());
        }
        else
        {
            await Sanction(member.Id, input);
            Assert.Equal(1, await CountAsync<Sanction>());
        }
    }

    [Fact]
    public async Task AddSanction_DecidedByTheBranchWithoutTheVote_OrWithInconsistentFigures_Is400NamingTheField()
    {
        // L-04-assembly-votes: a branch decides a sanction by its assembly; the vote's figures are required and consistent.
        var tree = await BuildTreeAsync();
        var member = await CreateMemberAsync(tree.BranchA, "王伟");
        var approved = new DateOnly(2026, 6, 30);

        var missing = await Assert.ThrowsAsync<InvalidInputException>(() => Sanction(member.Id,
            new NewSanction(SanctionType.Warning, approved, DecidingOrgId: tree.BranchA.Id)));
        AssertSingleField(missing, "assemblyVote");
        var tooMany = await Assert.ThrowsAsync<InvalidInputException>(() => Sanction(member.Id,
            new NewSanction(SanctionType.Warning, approved, DecidingOrgId: tree.BranchA.Id, AssemblyVote: new AssemblyVote(10, 8, 6, 2, 1))));
        AssertSingleField(tooMany, "assemblyVote.votesFor");
        var noCount = await Assert.ThrowsAsync<InvalidInputException>(() => Sanction(member.Id,
            new NewSanction(SanctionType.Warning, approved, DecidingOrgId: tree.BranchA.Id, AssemblyVote: new AssemblyVote(10, null, 6))));
        AssertSingleField(noCount, "assemblyVote.presentVoterCount");
        var elsewhere = await Assert.ThrowsAsync<InvalidInputException>(() => Sanction(member.Id,
            new NewSanction(SanctionType.Warning, approved, DecidingOrgId: tree.BranchB.Id, AssemblyVote: new AssemblyVote(10, 8, 6))));
        AssertSingleField(elsewhere, "decidingOrgId");
        Assert.Equal(0, await CountAsync<Sanction>());
    }

    [Fact]
    public async Task AddSanction_DecidedByACommitteeAbove_NeedsNoAssemblyVote()
    {
        var tree = await BuildTreeAsync();
        var member = await CreateMemberAsync(tree.BranchA, "王伟");

        await Sanction(member.Id, new NewSanction(SanctionType.Warning, new DateOnly(2026, 6, 30), DecidingOrgId: tree.Township.Id));

        Assert.Equal(1, await CountAsync<Sanction>());
    }

    [Fact]
    public async Task AddSanction_ToUnknownMember_IsNotFound()
    {
        var e = await Assert.ThrowsAsync<NotFoundException>(() => Sanction("nosuchmember", new NewSanction(SanctionType.Warning, Today)));

        Assert.Equal("nosuchmember", e.Id);
    }

    [Fact]
    public async Task ListMembers_OfAParentOrg_IncludesSubOrganisationMembersWithPagingTotals()
    {
        var tree = await BuildTreeAsync();
        var inA = new List<Member>();
        for (var i = 0; i < 3; i++)
        {
            inA.Add(await CreateMemberAsync(tree.BranchA, "甲" + i));
        }

        var inB = new[] { await CreateMemberAsync(tree.BranchB, "乙0"), await CreateMemberAsync(tree.BranchB, "乙1") };
        var inC = await CreateMemberAsync(tree.BranchC, "丙0");
        await new AddSanction(Db(), Time).Handle(inB[0].Id, new NewSanction(SanctionType.Warning, new DateOnly(2026, 1, 1)));

        var pages = new List<MemberView>();
        for (var page = 1; page <= 3; page++)
        {
            var (items, total) = await new ListMembers(Db()).Handle(tree.GeneralBranch.Id, null, page, 2);
            Assert.Equal(5, total);
            Assert.Equal(page < 3 ? 2 : 1, items.Count);
            pages.AddRange(items);
        }

        Assert.Equal(
            inA.Concat(inB).Select(m => m.Id).Order(StringComparer.Ordinal),
            pages.Select(v => v.Member.Id).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(pages, v => v.Member.Id == inC.Id);
        Assert.Equal(pages.Select(v => v.Member.OrgPath).Order(StringComparer.Ordinal), pages.Select(v => v.Member.OrgPath));
        Assert.Single(pages.Single(v => v.Member.Id == inB[0].Id).Member.Sanctions);
        Assert.Equal(6, (await new ListMembers(Db()).Handle(tree.Township.Id, null, 1, 50)).Total);
        Assert.Equal(3, (await new ListMembers(Db()).Handle(tree.BranchA.Id, null, 1, 50)).Total);
        var (beyond, beyondTotal) = await new ListMembers(Db()).Handle(tree.GeneralBranch.Id, null, 4, 2);
        Assert.Empty(beyond);
        Assert.Equal(5, beyondTotal);
    }

    [Fact]
    public async Task ListMembers_ByName_FiltersWithinTheOrg()
    {
        var tree = await BuildTreeAsync();
        var wang = await CreateMemberAsync(tree.BranchA, "王伟");
        await CreateMemberAsync(tree.BranchA, "李强");
        await CreateMemberAsync(tree.BranchC, "王芳");

        var (items, total) = await new ListMembers(Db()).Handle(tree.GeneralBranch.Id, "王", 1, 20);

        Assert.Equal(1, total);
        Assert.Equal(wang.Id, Assert.Single(items).Member.Id);
        Assert.Equal("王伟", items[0].Person.Name);
    }
}

public sealed class MemberUseCaseTests_Sqlite : MemberUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class MemberUseCaseTests_Postgres : MemberUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
