using System.Globalization;
using System.Text.Json;
using Jishi.Web.Tests.Cases;

namespace Jishi.Web.Tests.Api;

public sealed class AdmissionFormSerialEndpointsTests_Sqlite(JishiFactory factory)
    : AdmissionFormSerialEndpointsTests(factory), IClassFixture<JishiFactory>;

public sealed class AdmissionFormSerialEndpointsTests_Postgres(PostgresJishiFactory fixture)
    : AdmissionFormSerialEndpointsTests(fixture.Factory), IClassFixture<PostgresJishiFactory>
{
    [Fact]
    public void TheApplicationRunsOnPostgres() => Assert.True(Factory.UsesPostgres);
}

/// <summary>
/// The 志愿书 serial register over HTTP (R-18-admission-form-issuance, 第四十二条): batches, listing, voiding, and the
/// register's part in recording <c>AdmissionFormIssued</c>, on SQLite and on PostgreSQL.
/// </summary>
public abstract class AdmissionFormSerialEndpointsTests(JishiFactory factory)
{
    protected JishiFactory Factory { get; } = factory;

    private readonly ApiClient admin = factory.Admin();

    /// <summary>A prefix no other test uses, e.g. "T482913-".</summary>
    private static string Prefix() => "T" + Random.Shared.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture) + "-";

    private static Task<Reply> Range(ApiClient api, string orgId, string first, string last, string receivedDate = "2025-01-10") =>
        api.PostAsync("/api/v1/admission-form-serials/ranges", new { orgId, first, last, receivedDate, note = "省委组织部统一印制" });

    private static async Task<JsonElement> SerialAsync(ApiClient api, string serial) =>
        await api.GetOkAsync($"/api/v1/admission-form-serials/{serial}");

    /// <summary>A case whose candidate has passed the pre-review (2025-06-10) and may be issued a 志愿书.</summary>
    private async Task<CaseScenario> PreReviewedAsync()
    {
        var s = await CaseScenario.CreateAsync(admin);
        await s.OpenAsync();
        await s.ToActivistAsync();
        await s.ToCandidateAsync();
        await s.StepAsync("SponsorsAssigned", "2025-04-21", new { sponsorMemberIds = new[] { s.Members[0], s.Members[1] }, source = "MentorAsSponsor" });
        await s.StepAsync("PoliticalReviewConcluded", "2025-05-10", new { methods = new[] { "LetterInquiry" }, conclusion = "Qualified" });
        await s.StepAsync("TrainingCompleted", "2025-05-20", new { startDate = "2025-05-18", days = 3, mode = "Video", organizerOrgId = s.Primary });
        await s.StepAsync("BranchReviewPassed", "2025-06-01", new { decidedBy = "BranchCommitteeMeeting" });
        await s.StepAsync("PreReviewPassed", "2025-06-10", new { reviewingOrgId = s.Primary });
        return s;
    }

    [Fact]
    public async Task ARange_IsRecorded_Listed_Read_AndASerialVoidedOnce()
    {
        var s = await CaseScenario.CreateAsync(admin);
        var p = Prefix();

        var recorded = await Range(admin, s.Primary, p + "0001", p + "0005");

        Assert.True(recorded.Status == 201, recorded.ToString());
        Assert.Equal((s.Primary, p + "0001", p + "0005", 5),
            (recorded.Json.Str("orgId"), recorded.Json.Str("first"), recorded.Json.Str("last"), recorded.Json.GetProperty("count").GetInt32()));
        var list = await admin.GetOkAsync($"/api/v1/admission-form-serials?orgId={s.Primary}&state=Available&q={p}&pageSize=2");
        Assert.Equal(5, list.GetProperty("total").GetInt32());
        Assert.Equal([p + "0001", p + "0002"], list.GetProperty("items").EnumerateArray().Select(i => i.Str("serial")));
        var one = await SerialAsync(admin, p + "0003");
        Assert.Equal(("Available", s.Primary), (one.Str("state"), one.Str("orgId")));

        var voided = await admin.PostAsync($"/api/v1/admission-form-serials/{p}0003/void", new { date = "2025-02-01", reason = "印刷污损" });

        Assert.True(voided.Status == 200, voided.ToString());
        Assert.Equal(("Voided", "2025-02-01", "印刷污损"), (voided.Json.Str("state"), voided.Json.Str("voidedDate"), voided.Json.Str("voidReason")));
        var again = await admin.PostAsync($"/api/v1/admission-form-serials/{p}0003/void", new { date = "2025-02-02", reason = "重复" });
        Problem.AssertChinese(Problem.Assert(again, 409).Str("detail"));
        var voidedList = await admin.GetOkAsync($"/api/v1/admission-form-serials?state=Voided&q={p}");
        Assert.Equal(p + "0003", Assert.Single(voidedList.GetProperty("items").EnumerateArray()).Str("serial"));
    }

    [Fact]
    public async Task AnOverlappingRange_Is422NamingTheFirstRegisteredSerial_AndNothingIsAdded()
    {
        var s = await CaseScenario.CreateAsync(admin);
        var p = Prefix();
        Assert.Equal(201, (await Range(admin, s.Primary, p + "0010", p + "0019")).Status);

        var overlap = await Range(admin, s.County, p + "0001", p + "0012");

        var refusal = Problem.AssertRefused(overlap, "R-18-admission-form-issuance");
        Assert.Equal("第四十二条", refusal.Str("article"));
        Assert.Contains(p + "0010", refusal.Str("message"));
        Assert.Equal(10, (await admin.GetOkAsync($"/api/v1/admission-form-serials?q={p}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task BadInput_Is400NamingTheField()
    {
        var s = await CaseScenario.CreateAsync(admin);
        var p = Prefix();

        Problem.AssertInvalid(await Range(admin, s.Primary, p + "0009", p + "0001"), "last");
        Problem.AssertInvalid(await Range(admin, s.Primary, p + "0001", "X" + p[1..] + "0009"), "last");
        Problem.AssertInvalid(await Range(admin, s.Primary, p + "0001", p + "00009"), "last");
        Problem.AssertInvalid(await Range(admin, s.Primary, p + "0001", p + "10001"), "last");
        Problem.AssertInvalid(await Range(admin, s.Primary, p + "A", p + "0009"), "first");
        Problem.AssertInvalid(await admin.PostAsync("/api/v1/admission-form-serials/ranges", new { first = p + "1", last = p + "2", receivedDate = "2025-01-01" }), "orgId");
        Problem.AssertInvalid(await Range(admin, s.Primary, p + "0001", p + "0009", receivedDate: "2025-02-30"), "receivedDate");
        Problem.AssertInvalid(await admin.GetAsync("/api/v1/admission-form-serials?state=Lost"), "state");
        Problem.AssertInvalid(await admin.GetAsync("/api/v1/admission-form-serials?pageSize=500"), "pageSize");
        Assert.Equal(201, (await Range(admin, s.Primary, p + "0001", p + "0001")).Status);
        Problem.AssertInvalid(await admin.PostAsync($"/api/v1/admission-form-serials/{p}0001/void", new { date = "2025-02-01" }), "reason");
        Problem.AssertInvalid(await admin.PostAsync($"/api/v1/admission-form-serials/{p}0001/void", new { reason = "填写错误" }), "date");
        Problem.AssertRefused(await Range(admin, s.Branch, p + "0100", p + "0109"), "R-18-admission-form-issuance");
        Problem.AssertRefused(await Range(admin, s.Primary, p + "0100", p + "0109", receivedDate: "2026-11-23"), "G-05-dates");
        Assert.Equal(1, (await admin.GetOkAsync($"/api/v1/admission-form-serials?q={p}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AViewer_Is403_AnotherScope_Is404()
    {
        var s = await CaseScenario.CreateAsync(admin);
        var other = await CaseScenario.CreateAsync(admin);
        var p = Prefix();
        Assert.Equal(201, (await Range(admin, s.Primary, p + "0001", p + "0003")).Status);
        var viewer = await Factory.UserAsync("Viewer", s.County);
        var stranger = await Factory.UserAsync("Manager", other.County);
        var manager = await Factory.UserAsync("Manager", s.County);

        Problem.Assert(await Range(viewer, s.Primary, p + "0100", p + "0101"), 403);
        Problem.Assert(await viewer.PostAsync($"/api/v1/admission-form-serials/{p}0001/void", new { date = "2025-02-01", reason = "填写错误" }), 403);
        Assert.Equal("Available", (await SerialAsync(viewer, p + "0001")).Str("state"));

        Problem.Assert(await stranger.GetAsync($"/api/v1/admission-form-serials/{p}0001"), 404);
        Problem.Assert(await stranger.PostAsync($"/api/v1/admission-form-serials/{p}0001/void", new { date = "2025-02-01", reason = "填写错误" }), 404);
        Problem.Assert(await Range(stranger, s.Primary, p + "0100", p + "0101"), 404);
        Assert.Equal(0, (await stranger.GetOkAsync($"/api/v1/admission-form-serials?q={p}")).GetProperty("total").GetInt32());

        Assert.Equal(201, (await Range(manager, s.Primary, p + "0100", p + "0101")).Status);
        Assert.Equal(5, (await manager.GetOkAsync($"/api/v1/admission-form-serials?q={p}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Issuing_AnUnknownAForeignOrAVoidedSerial_IsRefusedByR18_AndChangesNothing()
    {
        var s = await PreReviewedAsync();
        var other = await CaseScenario.CreateAsync(admin);
        var p = Prefix();
        Assert.Equal(201, (await Range(admin, s.Primary, p + "0001", p + "0002")).Status);
        Assert.Equal(200, (await admin.PostAsync($"/api/v1/admission-form-serials/{p}0002/void", new { date = "2025-06-01", reason = "填写错误" })).Status);
        var before = await s.GetAsync();

        var unknown = Problem.AssertRefused(await s.PostAsync("AdmissionFormIssued", "2025-06-12", new { serial = p + "9999" }), "R-18-admission-form-issuance");
        Assert.Contains("志愿书编号未登记", unknown.Str("message"));
        Assert.Equal("第四十二条", unknown.Str("article"));
        var foreign = Problem.AssertRefused(await s.PostAsync("AdmissionFormIssued", "2025-06-12", new { serial = other.Serial }), "R-18-admission-form-issuance");
        Assert.Contains(other.Serial, foreign.Str("message"));
        Problem.AssertRefused(await s.PostAsync("AdmissionFormIssued", "2025-06-12", new { serial = p + "0002" }), "R-18-admission-form-issuance");

        Assert.Equal(before.Fingerprint(), (await s.GetAsync()).Fingerprint());
        Assert.Equal("Available", (await SerialAsync(admin, other.Serial)).Str("state"));
        Assert.Equal("Voided", (await SerialAsync(admin, p + "0002")).Str("state"));
        Assert.Equal(JsonValueKind.Null, (await SerialAsync(admin, p + "0002")).GetProperty("caseId").ValueKind);
    }

    [Fact]
    public async Task ABranchManager_IssuesASerialHeldByTheCommitteeAbove()
    {
        var s = await PreReviewedAsync();
        var branchManager = await Factory.UserAsync("Manager", s.Branch);

        var issued = await branchManager.PostAsync($"/api/v1/cases/{s.CaseId}/events", new { type = "AdmissionFormIssued", date = "2025-06-12", serial = s.Serial });

        Assert.True(issued.Status == 201, issued.ToString());
        var serial = await SerialAsync(admin, s.Serial);
        Assert.Equal(("Issued", s.CaseId, s.Primary), (serial.Str("state"), serial.Str("caseId"), serial.Str("orgId")));
    }

    [Fact]
    public async Task Issuing_FlipsTheSerialToIssued_VoidingItKeepsTheCase_AndTheCaseIsThenIssuedANewSerial()
    {
        var s = await PreReviewedAsync();
        var p = Prefix();
        Assert.Equal(201, (await Range(admin, s.County, p + "0001", p + "0002")).Status);

        await s.StepAsync("AdmissionFormIssued", "2025-06-12", new { serial = s.Serial });

        var issued = await SerialAsync(admin, s.Serial);
        Assert.Equal(("Issued", s.CaseId, "2025-06-12"), (issued.Str("state"), issued.Str("caseId"), issued.Str("issuedDate")));
        var second = await s.PostAsync("AdmissionFormIssued", "2025-06-13", new { serial = p + "0001" });
        Assert.Contains(s.Serial, Problem.AssertRefused(second, "R-18-admission-form-issuance").Str("message"));

        var voided = await admin.PostAsync($"/api/v1/admission-form-serials/{s.Serial}/void", new { date = "2025-06-13", reason = "填写错误" });
        Assert.True(voided.Status == 200, voided.ToString());
        Assert.Equal(("Voided", s.CaseId, "2025-06-12"), (voided.Json.Str("state"), voided.Json.Str("caseId"), voided.Json.Str("issuedDate")));
        Problem.AssertRefused(await s.PostAsync("AdmissionVoteHeld", "2025-07-01", s.AdmissionVote("2025-07-01", 6, 6, 6)), "R-18-admission-form-issuance");
        Problem.AssertRefused(await s.PostAsync("AdmissionFormIssued", "2025-06-14", new { serial = s.Serial }), "R-18-admission-form-issuance");

        var reissued = await s.StepAsync("AdmissionFormIssued", "2025-06-14", new { serial = p + "0001" });

        Assert.Equal(p + "0001", reissued.LastEvent().GetProperty("data").Str("serial"));
        Assert.Equal(("Issued", s.CaseId), ((await SerialAsync(admin, p + "0001")).Str("state"), (await SerialAsync(admin, p + "0001")).Str("caseId")));
        var cases = await admin.GetOkAsync($"/api/v1/admission-form-serials?q={s.CaseId}");
        Assert.Equal(2, cases.GetProperty("total").GetInt32());
        Assert.Equal("Passed", (await s.VoteAsync()).LastEvent().GetProperty("data").Str("result"));
    }
}
