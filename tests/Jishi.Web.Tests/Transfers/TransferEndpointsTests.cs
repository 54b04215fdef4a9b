using System.Text.Json;

namespace Jishi.Web.Tests.Transfers;

/// <summary>The transfers contract of API.md ("Organisational relation transfers", "The member and their history")
/// over HTTP: a member of a township branch moves to a branch of another primary committee, each side as its own
/// Manager.</summary>
public sealed class TransferEndpointsTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    private sealed record Sides(ApiClient Sender, ApiClient Receiver, string Township, string Branch, string School, string SchoolBranch, string Member);

    private async Task<Sides> SetUpAsync()
    {
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");
        var township = (await admin.PostAsync("/api/v1/orgs", new { name = "某镇党委", type = "TownshipCommittee", parentId = county, hasAdmissionApprovalAuthority = true })).Id;
        var branch = await admin.CreateOrgAsync("某镇机关党支部", "Branch", township);
        var school = (await admin.PostAsync("/api/v1/orgs", new { name = "某中学党委", type = "PrimaryCommittee", parentId = county, hasAdmissionApprovalAuthority = true })).Id;
        var schoolBranch = await admin.CreateOrgAsync("某中学教工党支部", "Branch", school);
        var person = await admin.CreatePersonAsync("转接人", IdNumbers.Unique(), branch);
        var member = (await admin.PostAsync("/api/v1/members",
            new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id;
        return new Sides(await factory.UserAsync("Manager", township), await factory.UserAsync("Manager", school), township, branch, school, schoolBranch, member);
    }

    private static object Letter(Sides s, string issuedDate = "2026-11-10", int? validityDays = null, string duesPaidThrough = "2026-10") => new
    {
        memberId = s.Member,
        kind = "Formal",
        reason = "工作单位变动",
        issuingOrgId = s.Township,
        toOrgId = s.SchoolBranch,
        issuedDate,
        validityDays,
        duesPaidThrough,
    };

    [Fact]
    public async Task Transfer_IssuedReceivedAccepted_MovesTheMemberAndShowsTheHistory_T10()
    {
        var s = await SetUpAsync();

        var issued = await s.Sender.PostAsync("/api/v1/transfers", Letter(s));
        Assert.Equal(201, issued.Status);
        var t = issued.Json;
        Assert.Equal("Transfer", t.GetProperty("kind").GetString());
        Assert.Equal("Issued", t.GetProperty("state").GetString());
        Assert.Equal("2026-0001", t.GetProperty("serial").GetString());
        Assert.Equal("2026-12-10", t.GetProperty("expiryDate").GetString());
        Assert.Equal(1, t.GetProperty("version").GetInt32());
        var id = issued.Id;

        // The receiving side sees the letter in its In register and records receipt and acceptance.
        var register = await s.Receiver.GetOkAsync($"/api/v1/transfers?orgId={s.School}&direction=In");
        Assert.Equal(id, Assert.Single(register.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(201, (await s.Receiver.PostAsync($"/api/v1/transfers/{id}/events", new { type = "Received", date = "2026-11-12" })).Status);
        var accepted = await s.Receiver.PostAsync($"/api/v1/transfers/{id}/events", new { type = "Accepted", date = "2026-11-13" });
        Assert.Equal(201, accepted.Status);
        Assert.Equal("Accepted", accepted.Json.GetProperty("state").GetString());
        Assert.Contains(accepted.Json.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("rule").GetString() == "T-07-receipt"
            && d.GetProperty("dueDate").GetString() == "2026-12-13");

        var member = await s.Receiver.GetOkAsync($"/api/v1/members/{s.Member}");
        Assert.Equal(s.SchoolBranch, member.GetProperty("orgId").GetString());
        var history = (await s.Receiver.GetOkAsync($"/api/v1/members/{s.Member}/history")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Registered", "TransferredOut", "TransferredIn"], history.Select(h => h.GetProperty("change").GetString()));
        Assert.Equal("2026-11-13", history[2].GetProperty("date").GetString());
        Problem.Assert(await s.Sender.GetAsync($"/api/v1/members/{s.Member}"), 404); // no longer in the sender's scope

        var integrity = await admin.GetOkAsync($"/api/v1/transfers/{id}/integrity");
        Assert.True(integrity.GetProperty("valid").GetBoolean());
        Assert.Equal(3, integrity.GetProperty("eventCount").GetInt32());
        var alerts = await s.Receiver.GetOkAsync("/api/v1/alerts?asOf=2026-12-01&withinDays=14");
        var alert = Assert.Single(alerts.GetProperty("items").EnumerateArray(), a => a.GetProperty("caseId").GetString() == id);
        Assert.Equal("Transfer", alert.GetProperty("kind").GetString());
        Assert.Equal("T-07-receipt", alert.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task SecondOpenTransfer_Is409WithTheExistingId_T01()
    {
        var s = await SetUpAsync();
        var first = await s.Sender.PostAsync("/api/v1/transfers", Letter(s));

        var second = await s.Sender.PostAsync("/api/v1/transfers", Letter(s, "2026-11-11"));

        var problem = Problem.Assert(second, 409);
        Assert.Equal(first.Id, problem.GetProperty("existingId").GetString());
    }

    [Fact]
    public async Task ValidityOfNinetyOneDays_Is422BlockWithException_AndPassesWithAnException_T04()
    {
        var s = await SetUpAsync();

        Problem.AssertRefused(await s.Sender.PostAsync("/api/v1/transfers", Letter(s, validityDays: 91)), "T-04-validity", "BlockWithException");
        Assert.Equal(0, (await admin.GetOkAsync($"/api/v1/transfers?orgId={s.Township}")).GetProperty("total").GetInt32());

        var passed = await s.Sender.PostAsync("/api/v1/transfers", new
        {
            memberId = s.Member,
            kind = "Formal",
            reason = "援建",
            issuingOrgId = s.Township,
            toOrgId = s.SchoolBranch,
            issuedDate = "2026-11-10",
            validityDays = 91,
            duesPaidThrough = "2026-10",
            exceptions = new[] { new { rule = "T-04-validity", basis = "支部证明和本人申请", decidedBy = s.Township, decisionDate = "2026-11-09" } },
        });
        Assert.Equal(201, passed.Status);
        Assert.Contains("T-04-validity", passed.Json.GetProperty("events")[0].GetProperty("exceptions").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_IsA400NamingTheField()
    {
        var s = await SetUpAsync();

        Problem.AssertInvalid(await s.Sender.PostAsync("/api/v1/transfers", Letter(s, duesPaidThrough: "2026/10")), "duesPaidThrough");
        Problem.AssertInvalid(await s.Sender.PostAsync("/api/v1/transfers", new
        {
            memberId = s.Member,
            kind = "Formal",
            reason = "x",
            issuingOrgId = s.Township,
            toOrgId = s.SchoolBranch,
            issuedDate = "2026-11-10",
            duesPaidThrough = "2026-10",
            colour = "red"
        }), "colour");
        var issued = await s.Sender.PostAsync("/api/v1/transfers", Letter(s));
        Problem.AssertInvalid(await s.Receiver.PostAsync($"/api/v1/transfers/{issued.Id}/events", new { type = "Teleported", date = "2026-11-12" }), "type");
        Problem.AssertInvalid(await s.Receiver.PostAsync($"/api/v1/transfers/{issued.Id}/events", new { type = "Received", date = "2026-11-12", reasonCode = "Other" }), "reasonCode");
        Problem.Assert(await s.Receiver.PostAsync("/api/v1/transfers/00000000000000000000/events", new { type = "Received", date = "2026-11-12" }), 404);
    }

    [Fact]
    public async Task RejectionWithoutAReason_Is422AndChangesNothing_T06()
    {
        var s = await SetUpAsync();
        var id = (await s.Sender.PostAsync("/api/v1/transfers", Letter(s))).Id;
        await s.Receiver.PostAsync($"/api/v1/transfers/{id}/events", new { type = "Received", date = "2026-11-12" });

        Problem.AssertRefused(await s.Receiver.PostAsync($"/api/v1/transfers/{id}/events", new { type = "Rejected", date = "2026-11-13", reasonCode = "Other" }),
            "T-06-no-refusal-without-reason");

        var after = await s.Receiver.GetOkAsync($"/api/v1/transfers/{id}");
        Assert.Equal("Received", after.GetProperty("state").GetString());
        Assert.Equal(2, after.GetProperty("version").GetInt32());
        var rejected = await s.Receiver.PostAsync($"/api/v1/transfers/{id}/events",
            new { type = "Rejected", date = "2026-11-13", reasonCode = "IncompleteMaterials", reason = "缺少党员档案" });
        Assert.Equal("Rejected", rejected.Json.GetProperty("state").GetString());
    }

    [Fact]
    public async Task StaleIfMatch_Is409_AndAViewerWriting_Is403()
    {
        var s = await SetUpAsync();
        var id = (await s.Sender.PostAsync("/api/v1/transfers", Letter(s))).Id;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/transfers/{id}/events")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { type = "Received", date = "2026-11-12" }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        var stale = await s.Receiver.Http.SendAsync(request);
        Assert.Equal(409, (int)stale.StatusCode);

        var viewer = await factory.UserAsync("Viewer", s.School);
        Assert.Equal(403, (await viewer.PostAsync($"/api/v1/transfers/{id}/events", new { type = "Received", date = "2026-11-12" })).Status);
    }

    [Fact]
    public async Task ATransferOutsideBothSides_Is404()
    {
        var s = await SetUpAsync();
        var id = (await s.Sender.PostAsync("/api/v1/transfers", Letter(s))).Id;
        var county2 = await admin.CreateOrgAsync("另一县委", "CountyCommittee");
        var stranger = await factory.UserAsync("Manager", county2);

        Problem.Assert(await stranger.GetAsync($"/api/v1/transfers/{id}"), 404);
        Assert.Equal(200, (await s.Receiver.GetAsync($"/api/v1/transfers/{id}")).Status);
    }

    [Fact]
    public async Task TransferPages_ShowTheInRegister_TheRecord_AndTheReceiptAlert()
    {
        var s = await SetUpAsync();
        var id = (await s.Sender.PostAsync("/api/v1/transfers", Letter(s))).Id;
        await s.Receiver.PostAsync($"/api/v1/transfers/{id}/events", new { type = "Received", date = "2026-11-12" });
        await s.Receiver.PostAsync($"/api/v1/transfers/{id}/events", new { type = "Accepted", date = "2026-11-13" });
        var userName = $"t{Guid.NewGuid():N}"[..16];
        Assert.Equal(201, (await admin.PostAsync("/api/v1/users", new { userName, displayName = "接收方组织委员", orgId = s.School, role = "Manager", password = "transfer-pw-2026" })).Status);
        var web = await Pages.WebSession.LogInAsync(factory, userName, "transfer-pw-2026");

        var register = await web.GetAsync($"/transfers?orgId={s.School}&direction=In");
        Assert.Equal(200, register.Status);
        Assert.Contains("组织关系转接", register.Html, StringComparison.Ordinal);
        Assert.Contains($"/transfers/{id}", register.Html, StringComparison.Ordinal);
        Assert.Contains("转接人", register.Html, StringComparison.Ordinal);
        Assert.Contains("已接收", register.Html, StringComparison.Ordinal);

        var page = await web.GetAsync($"/transfers/{id}");
        Assert.Equal(200, page.Status);
        Assert.Contains("组织关系介绍信 第 2026-", page.Html, StringComparison.Ordinal);
        Assert.Contains("全程纪实", page.Html, StringComparison.Ordinal);
        Assert.Contains("收到", page.Html, StringComparison.Ordinal);
        Assert.Contains("接收后一个月内退回回执（T-07）", page.Html, StringComparison.Ordinal);

        var alerts = await web.GetAsync("/alerts?asOf=2026-12-01&withinDays=14");
        Assert.Contains($"/transfers/{id}", alerts.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransferPage_TheReceivingSideRecordsReceiptAndAcceptance_AndARejectionWithoutReasonIsShown_T06()
    {
        var s = await SetUpAsync();
        var id = (await s.Sender.PostAsync("/api/v1/transfers", Letter(s))).Id;
        var userName = $"r{Guid.NewGuid():N}"[..16];
        Assert.Equal(201, (await admin.PostAsync("/api/v1/users", new { userName, displayName = "接收方", orgId = s.School, role = "Manager", password = "transfer-pw-2026" })).Status);
        var web = await Pages.WebSession.LogInAsync(factory, userName, "transfer-pw-2026");

        var page = await web.GetAsync($"/transfers/{id}");
        Assert.Contains("transfer-step", page.Forms);
        var received = await web.PostFormAsync($"/transfers/{id}", "transfer-step", [new("step", "Received"), new("date", "2026-11-12")]);
        Assert.True(received.Status == 302, received.ToString());

        var refused = await web.PostFormAsync($"/transfers/{id}", "transfer-step", [new("step", "Rejected"), new("date", "2026-11-13"), new("reasonCode", "Other")]);
        Assert.Equal(200, refused.Status);
        Assert.Contains("不符合规定，未予记录", refused.Html, StringComparison.Ordinal);
        Assert.Contains("T-06-no-refusal-without-reason", refused.Html, StringComparison.Ordinal);

        var accepted = await web.PostFormAsync($"/transfers/{id}", "transfer-step", [new("step", "Accepted"), new("date", "2026-11-13")]);
        Assert.True(accepted.Status == 302, accepted.ToString());
        Assert.Equal("Accepted", (await admin.GetOkAsync($"/api/v1/transfers/{id}")).GetProperty("state").GetString());
        Assert.Equal(s.SchoolBranch, (await admin.GetOkAsync($"/api/v1/members/{s.Member}")).GetProperty("orgId").GetString());
    }
}
