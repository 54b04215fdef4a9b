using System.Text;
using Jishi.Domain.Disposals;
using Jishi.Domain.Procedures;
using Jishi.Web.Components.Cases;

namespace Jishi.Web.Tests.Disposals;

/// <summary>The contract of collection <c>disposals</c> over HTTP: 201 in the one shape of every procedure, 400 naming
/// the field, 404, 409 on a stale If-Match or a second open case, 422 naming the X-rule.</summary>
public sealed class DisposalEndpointsTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    private async Task<(ApiClient Township, string TownshipId, string Member)> SetUpAsync(string name)
    {
        var county = await admin.CreateOrgAsync("某县委" + name, "CountyCommittee");
        var township = (await admin.PostAsync("/api/v1/orgs", new { name = "某镇党委", type = "TownshipCommittee", parentId = county, hasAdmissionApprovalAuthority = true })).Id;
        var branch = await admin.CreateOrgAsync("某镇机关党支部", "Branch", township);
        var person = await admin.CreatePersonAsync(name, IdNumbers.Unique(), branch);
        var member = (await admin.PostAsync("/api/v1/members",
            new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id;
        return (await factory.UserAsync("Manager", township), township, member);
    }

    private async Task<Reply> PostWithIfMatch(ApiClient client, string url, string json, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await client.Http.SendAsync(request);
        return new Reply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), response);
    }

    [Fact]
    public async Task Propose_201_InTheProcedureShape_ThenFiled_AndTheCorrectionDeadlineBoundary_X03()
    {
        var (township, townshipId, member) = await SetUpAsync("处置甲");
        var created = await township.PostAsync("/api/v1/disposals",
            new { memberId = member, ground = "Passivity", measure = "CorrectionWithinDeadline", startDate = "2026-01-20", reason = "长期不起党员作用" });
        Assert.Equal(201, created.Status);
        var d = created.Json;
        Assert.Equal("Disposal", d.GetProperty("kind").GetString());
        Assert.Equal("Proposed", d.GetProperty("state").GetString());
        Assert.Equal(member, d.GetProperty("memberId").GetString());
        Assert.Equal("CorrectionWithinDeadline", d.GetProperty("measure").GetString());
        Assert.Equal("Passivity", d.GetProperty("ground").GetString());
        Assert.Equal(1, d.GetProperty("version").GetInt32());
        Assert.Equal("DisposalProposed", Assert.Single(d.GetProperty("events").EnumerateArray()).GetProperty("type").GetString());
        Assert.Empty(d.GetProperty("deadlines").EnumerateArray());
        var id = created.Id;

        Problem.AssertRefused(await township.PostAsync($"/api/v1/disposals/{id}/events", new { type = "Investigated", date = "2026-01-21", findings = "属实" }),
            "X-01-prior-filing");
        var filed = await township.PostAsync($"/api/v1/disposals/{id}/events", new { type = "FiledWithCommittee", date = "2026-01-25", filedWithOrgId = townshipId });
        Assert.Equal(201, filed.Status);
        Assert.Equal("Investigating", filed.Json.GetProperty("state").GetString());

        Problem.AssertRefused(await township.PostAsync($"/api/v1/disposals/{id}/events",
            new { type = "CorrectionOrdered", date = "2026-01-31", deadline = "2027-02-01" }), "X-03-correction-deadline");
        var stale = await PostWithIfMatch(township, $"/api/v1/disposals/{id}/events",
            """{"type":"CorrectionOrdered","date":"2026-01-31","deadline":"2027-01-31"}""", "\"1\"");
        Problem.Assert(stale, 409);
        var ordered = await PostWithIfMatch(township, $"/api/v1/disposals/{id}/events",
            """{"type":"CorrectionOrdered","date":"2026-01-31","deadline":"2027-01-31"}""", "\"2\"");
        Assert.Equal(201, ordered.Status);
        Assert.Equal("Correcting", ordered.Json.GetProperty("state").GetString());
        var deadline = Assert.Single(ordered.Json.GetProperty("deadlines").EnumerateArray());
        Assert.Equal(("X-03-correction-deadline", "2027-01-31"), (deadline.GetProperty("rule").GetString(), deadline.GetProperty("dueDate").GetString()));

        var list = await township.GetOkAsync("/api/v1/disposals?state=Correcting&measure=CorrectionWithinDeadline");
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.True((await township.GetOkAsync($"/api/v1/disposals/{id}/integrity")).GetProperty("valid").GetBoolean());
        Assert.Equal(3, (await township.GetOkAsync($"/api/v1/disposals/{id}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task BadInput_400_UnknownIds_404_SecondOpenCase_409_WrongSequence_422()
    {
        var (township, _, member) = await SetUpAsync("处置乙");
        Problem.AssertInvalid(await township.PostAsync("/api/v1/disposals", new { memberId = member, measure = "Removal", startDate = "2026-01-20" }), "ground");
        Problem.AssertInvalid(await township.PostAsync("/api/v1/disposals",
            new { memberId = member, ground = "Passivity", measure = "CorrectionWithinDeadline", startDate = "2026-02-30" }), "startDate");
        Problem.Assert(await township.PostAsync("/api/v1/disposals",
            new { memberId = "m-nowhere", ground = "Passivity", measure = "CorrectionWithinDeadline", startDate = "2026-01-20" }), 404);
        Problem.Assert(await township.GetAsync("/api/v1/disposals/d-nowhere"), 404);
        Problem.AssertRefused(await township.PostAsync("/api/v1/disposals",
            new { memberId = member, ground = "Passivity", measure = "PersuadeToWithdraw", startDate = "2026-01-20" }), "X-02-sequence");

        var first = await township.PostAsync("/api/v1/disposals", new { memberId = member, ground = "Lapse6Months", measure = "RemovalAsLapsed", startDate = "2026-01-20" });
        Assert.Equal(201, first.Status);
        var again = Problem.Assert(await township.PostAsync("/api/v1/disposals",
            new { memberId = member, ground = "Passivity", measure = "CorrectionWithinDeadline", startDate = "2026-01-21" }), 409);
        Assert.Equal(first.Id, again.GetProperty("existingId").GetString());
        Problem.AssertInvalid(await township.PostAsync($"/api/v1/disposals/{first.Id}/events", new { type = "DisposalProposed", date = "2026-01-21" }), "type");
    }

    [Fact]
    public void EveryDisposalValue_StepAndDeadline_HasAChineseLabel()
    {
        foreach (var type in new[] { typeof(DisposalGround), typeof(DisposalMeasure), typeof(DisposalState), typeof(CorrectionOutcome),
                     typeof(DisposalMemberAttendance), typeof(WithdrawalResponse), typeof(DisposalVoteResult) })
        {
            foreach (var name in Enum.GetNames(type))
            {
                var label = Labels.Of(type, name);
                Assert.True(label != name, $"{type.Name}.{name} has no Chinese label");
                Problem.AssertChinese(label);
            }
        }

        foreach (var step in DisposalProcedure.Instance.EventTypes.Keys)
        {
            Assert.True(Labels.Step(ProcedureKind.Disposal, step) != step, $"step {step} has no Chinese label");
        }

        Assert.NotEqual("X-03-correction-deadline", Labels.Deadline("X-03-correction-deadline"));
    }
}
