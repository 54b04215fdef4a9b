using System.Text.Json;

namespace Jishi.Web.Tests.Api;

public sealed class MemberEndpointsTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    private async Task<(string Branch, string Member)> MemberAsync(string status = "FullMember")
    {
        var branch = await admin.CreateOrgAsync("某党支部", "Branch");
        var person = await admin.CreatePersonAsync("党员某", IdNumbers.Unique(), branch);
        return (branch, await admin.CreateMemberAsync(person, branch, status));
    }

    [Fact]
    public async Task RegisteringAMember_Answers201WithTheRecord()
    {
        var branch = await admin.CreateOrgAsync("某党支部", "Branch");
        var person = await admin.CreatePersonAsync("韩某", IdNumbers.Unique(), branch);

        var reply = await admin.PostAsync("/api/v1/members",
            new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2019-07-01", partyAgeStartDate = "2020-07-01" });

        Assert.Equal(201, reply.Status);
        var member = reply.Json;
        Assert.False(string.IsNullOrWhiteSpace(member.GetProperty("id").GetString()));
        Assert.Equal(person, member.GetProperty("personId").GetString());
        Assert.Equal(branch, member.GetProperty("orgId").GetString());
        Assert.Equal("FullMember", member.GetProperty("status").GetString());
        Assert.Equal("2019-07-01", member.GetProperty("probationStartDate").GetString());
        Assert.Equal("2020-07-01", member.GetProperty("partyAgeStartDate").GetString());
        Assert.True(member.GetProperty("hasVotingRight").GetBoolean());
        Assert.Empty(member.GetProperty("sanctions").EnumerateArray());
    }

    [Fact]
    public async Task ListingByOrg_AnswersItemsAndTotalOfTheOrgAndBelow()
    {
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");
        var branch = await admin.CreateOrgAsync("某党支部", "Branch", county);
        var other = await admin.CreateOrgAsync("别的党支部", "Branch");
        var inCounty = await admin.CreateMemberAsync(await admin.CreatePersonAsync("县委党员", IdNumbers.Unique(), county), county);
        var inBranch = await admin.CreateMemberAsync(await admin.CreatePersonAsync("支部党员", IdNumbers.Unique(), branch), branch);
        await admin.CreateMemberAsync(await admin.CreatePersonAsync("别处党员", IdNumbers.Unique(), other), other);

        var ofCounty = await admin.GetAsync($"/api/v1/members?orgId={county}");
        var ofBranch = await admin.GetAsync($"/api/v1/members?orgId={branch}");

        Assert.Equal(200, ofCounty.Status);
        Assert.Equal(2, ofCounty.Json.GetProperty("total").GetInt32());
        Assert.Equal(new[] { inCounty, inBranch }.Order(),
            ofCounty.Json.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).Order());
        Assert.Equal(1, ofBranch.Json.GetProperty("total").GetInt32());
        Assert.Equal(inBranch, ofBranch.Json.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task TheSamePersonTwice_Is409WithTheExistingId()
    {
        var branch = await admin.CreateOrgAsync("某党支部", "Branch");
        var person = await admin.CreatePersonAsync("杨某", IdNumbers.Unique(), branch);
        var first = await admin.CreateMemberAsync(person, branch);

        var reply = await admin.PostAsync("/api/v1/members", new { personId = person, orgId = branch, status = "ProbationaryMember" });

        Assert.Equal(first, Problem.Assert(reply, 409).GetProperty("existingId").GetString());
    }

    [Fact]
    public async Task DisciplinaryProbation_Answers201AndTakesAwayTheVotingRight()
    {
        var (_, member) = await MemberAsync();

        var reply = await admin.PostAsync($"/api/v1/members/{member}/sanctions",
            new { type = "DisciplinaryProbation", approvedDate = "2026-06-30" });
        var fetched = await admin.GetAsync($"/api/v1/members/{member}");

        Assert.Equal(201, reply.Status);
        Assert.Equal("DisciplinaryProbation", reply.Json.GetProperty("type").GetString());
        Assert.True(reply.Json.GetProperty("inEffect").GetBoolean());
        Assert.Equal(200, fetched.Status);
        Assert.False(fetched.Json.GetProperty("hasVotingRight").GetBoolean());
        var sanction = Assert.Single(fetched.Json.GetProperty("sanctions").EnumerateArray());
        Assert.Equal("DisciplinaryProbation", sanction.GetProperty("type").GetString());
        Assert.Equal("2026-06-30", sanction.GetProperty("approvedDate").GetString());
        Assert.True(sanction.GetProperty("inEffect").GetBoolean());
        Assert.Equal(JsonValueKind.Null, sanction.GetProperty("effectEndDate").ValueKind);
    }

    [Fact]
    public async Task DisciplinaryProbationWithRightsRestoredToday_NoLongerTakesAwayTheVotingRight()
    {
        var (_, member) = await MemberAsync();

        var reply = await admin.PostAsync($"/api/v1/members/{member}/sanctions",
            new { type = "DisciplinaryProbation", approvedDate = "2025-11-22", rightsRestoredDate = "2026-11-22" });
        var fetched = await admin.GetAsync($"/api/v1/members/{member}");

        Assert.Equal(201, reply.Status);
        Assert.False(reply.Json.GetProperty("inEffect").GetBoolean());
        Assert.True(fetched.Json.GetProperty("hasVotingRight").GetBoolean());
    }

    [Theory]
    [InlineData("2026-01-15", "2027-01-15", true)]
    [InlineData("2025-11-22", "2026-11-22", true)] // the end day itself is still in effect
    [InlineData("2025-11-21", "2026-11-21", false)]
    [InlineData("2024-02-29", "2025-02-28", false)] // leap day: a missing day-of-month becomes the month's last day
    public async Task AWarning_TakesEffectForTwelveMonthsFromApproval(string approved, string end, bool inEffect)
    {
        var (_, member) = await MemberAsync();

        var reply = await admin.PostAsync($"/api/v1/members/{member}/sanctions", new { type = "Warning", approvedDate = approved });
        var fetched = await admin.GetAsync($"/api/v1/members/{member}");

        Assert.Equal(201, reply.Status);
        Assert.Equal(end, reply.Json.GetProperty("effectEndDate").GetString());
        Assert.Equal(inEffect, reply.Json.GetProperty("inEffect").GetBoolean());
        var sanction = Assert.Single(fetched.Json.GetProperty("sanctions").EnumerateArray());
        Assert.Equal(end, sanction.GetProperty("effectEndDate").GetString());
        Assert.True(fetched.Json.GetProperty("hasVotingRight").GetBoolean());
    }

    [Fact]
    public async Task ASanctionApprovedAfterToday_Is422G05AndNotRecorded()
    {
        var (_, member) = await MemberAsync();

        var reply = await admin.PostAsync($"/api/v1/members/{member}/sanctions", new { type = "Warning", approvedDate = "2026-11-23" });
        var fetched = await admin.GetAsync($"/api/v1/members/{member}");

        Assert.Equal(422, reply.Status);
        var refusal = Assert.Single(reply.Json.GetProperty("refusals").EnumerateArray());
        Assert.Equal("G-05-dates", refusal.GetProperty("rule").GetString());
        Assert.Equal("Block", refusal.GetProperty("severity").GetString());
        Assert.Contains("2026-11-23", refusal.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(fetched.Json.GetProperty("sanctions").EnumerateArray());
    }

    [Fact]
    public async Task ASanctionDecidedByTheBranch_NeedsItsAssemblyVote_RefusedUnderL04WithoutQuorumOrMajority_AndRecordedWhenPassed()
    {
        var (branch, member) = await MemberAsync();
        var url = $"/api/v1/members/{member}/sanctions";
        object Vote(int n, int present, int votesFor) => new
        {
            type = "SeriousWarning",
            approvedDate = "2026-06-30",
            decidingOrgId = branch,
            assemblyVote = new { eligibleVoterCount = n, presentVoterCount = present, votesFor },
        };

        // Decided by the branch without the assembly's figures: 400 naming the field.
        Problem.AssertInvalid(await admin.PostAsync(url, new { type = "SeriousWarning", approvedDate = "2026-06-30", decidingOrgId = branch }),
            "assemblyVote");
        Problem.AssertInvalid(await admin.PostAsync(url, Vote(10, 11, 6)), "assemblyVote.presentVoterCount");

        // L-04-assembly-votes: 2A = N has no quorum; 2Y = N does not pass — no sanction either way.
        var noQuorum = Problem.AssertRefused(await admin.PostAsync(url, Vote(10, 5, 5)), "L-04-assembly-votes");
        Assert.Contains("第十一条", noQuorum.GetProperty("article").GetString(), StringComparison.Ordinal);
        Problem.AssertRefused(await admin.PostAsync(url, Vote(10, 8, 5)), "L-04-assembly-votes");
        Assert.Empty((await admin.GetAsync($"/api/v1/members/{member}")).Json.GetProperty("sanctions").EnumerateArray());

        // 2A = N + 1 and 2Y = N + 1.
        var passed = await admin.PostAsync(url, Vote(11, 6, 6));
        Assert.Equal(201, passed.Status);
        Assert.Single((await admin.GetAsync($"/api/v1/members/{member}")).Json.GetProperty("sanctions").EnumerateArray());
    }

    [Fact]
    public async Task ASanctionDecidedByACommitteeAbove_NeedsNoAssemblyVote_AndAnUnrelatedDecidingOrgIs400()
    {
        var committee = await admin.CreateOrgAsync("某基层党委", "PrimaryCommittee");
        var branch = await admin.CreateOrgAsync("某党支部", "Branch", committee);
        var other = await admin.CreateOrgAsync("别的党支部", "Branch");
        var member = await admin.CreateMemberAsync(await admin.CreatePersonAsync("党员某", IdNumbers.Unique(), branch), branch);
        var url = $"/api/v1/members/{member}/sanctions";

        Problem.AssertInvalid(await admin.PostAsync(url, new { type = "Warning", approvedDate = "2026-06-30", decidingOrgId = other }), "decidingOrgId");
        Assert.Equal(201, (await admin.PostAsync(url, new { type = "Warning", approvedDate = "2026-06-30", decidingOrgId = committee })).Status);
    }

    [Fact]
    public async Task ASanctionApprovedToday_IsAccepted()
    {
        var (_, member) = await MemberAsync();

        var reply = await admin.PostAsync($"/api/v1/members/{member}/sanctions", new { type = "SeriousWarning", approvedDate = "2026-11-22" });

        Assert.Equal(201, reply.Status);
        Assert.Equal("2028-05-22", reply.Json.GetProperty("effectEndDate").GetString());
    }

    [Fact]
    public async Task AnUnknownSanctionType_Is400NamingType()
    {
        var (_, member) = await MemberAsync();

        var reply = await admin.PostAsync($"/api/v1/members/{member}/sanctions", new { type = "Reprimand", approvedDate = "2026-01-05" });

        Problem.AssertInvalid(reply, "type");
    }

    [Fact]
    public async Task ASanctionOfAnUnknownMember_Is404()
    {
        var reply = await admin.PostAsync("/api/v1/members/00000000000000000000/sanctions", new { type = "Warning", approvedDate = "2026-01-05" });

        Problem.Assert(reply, 404);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=x", "page")]
    public async Task BadPaging_Is400NamingTheParameter(string query, string field)
    {
        var reply = await admin.GetAsync($"/api/v1/members?{query}");

        Problem.AssertInvalid(reply, field);
    }

    [Fact]
    public async Task AMemberOfAnUnknownPerson_Is404NamingPersonId()
    {
        var branch = await admin.CreateOrgAsync("某党支部", "Branch");

        var reply = await admin.PostAsync("/api/v1/members", new { personId = "00000000000000000000", orgId = branch, status = "FullMember" });

        var problem = Problem.Assert(reply, 404);
        Assert.True(problem.GetProperty("errors").TryGetProperty("personId", out _), reply.Body);
    }
}
