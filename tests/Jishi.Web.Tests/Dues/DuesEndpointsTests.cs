namespace Jishi.Web.Tests.Dues;

/// <summary>The contract of API.md "Dues" over HTTP: the base and its amount, payments with receipts and their
/// refusals, a reversal, and the monthly sheet.</summary>
public sealed class DuesEndpointsTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    [Fact]
    public async Task ABranchAssessesPaysAndReverses_AndTheSheetShowsIt_D02_D16_D18()
    {
        var county = await admin.CreateOrgAsync("党费县委", "CountyCommittee");
        var branch = await admin.CreateOrgAsync("党费支部", "Branch", county);
        var other = await admin.CreateOrgAsync("另一支部", "Branch", county);
        var person = await admin.CreatePersonAsync("党费甲", IdNumbers.Unique(), branch);
        var member = (await admin.PostAsync("/api/v1/members",
            new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id;
        var manager = await factory.UserAsync("Manager", branch);
        var outsider = await factory.UserAsync("Manager", other);

        var based = await manager.PutAsync($"/api/v1/members/{member}/dues-base", new { from = "2026-01", baseType = "Salaried", @base = 5000.01m });
        Assert.Equal(200, based.Status);
        Assert.Equal((0.015m, 75.00m), (based.Json.GetProperty("rate").GetDecimal(), based.Json.GetProperty("monthlyAmount").GetDecimal()));
        Problem.AssertInvalid(await manager.PutAsync($"/api/v1/members/{member}/dues-base", new { from = "2026-01", baseType = "Salaried" }), "base");
        Problem.AssertInvalid(await manager.PutAsync($"/api/v1/members/{member}/dues-base", new { from = "2026-01", baseType = "Nobody", @base = 1m }), "baseType");
        Problem.Assert(await outsider.PutAsync($"/api/v1/members/{member}/dues-base", new { from = "2026-01", baseType = "Salaried", @base = 1m }), 404);

        var late = await manager.PostAsync("/api/v1/dues/payments", new { memberId = member, paidDate = "2026-08-05", coversFrom = "2026-01", coversTo = "2026-07", amount = 525m });
        Problem.AssertRefused(late, "D-16-back-payment", "Warn");
        var paid = await manager.PostAsync("/api/v1/dues/payments", new
        {
            memberId = member,
            paidDate = "2026-08-05",
            coversFrom = "2026-01",
            coversTo = "2026-07",
            amount = 525m,
            overrides = new[] { new { rule = "D-16-back-payment", reason = "长期病休，返岗后补交" } },
        });
        Assert.Equal(201, paid.Status);
        Assert.Equal("2026-0001", paid.Json.GetProperty("receipt").GetString());
        Problem.AssertRefused(await manager.PostAsync("/api/v1/dues/payments",
            new { memberId = member, paidDate = "2026-08-05", coversFrom = "2026-08", coversTo = "2026-08", amount = 75m, paidBy = "Organisation" }),
            "D-14-collection-integrity");
        Problem.AssertInvalid(await manager.PostAsync("/api/v1/dues/payments",
            new { memberId = member, paidDate = "2026-08-05", coversFrom = "2026-8", coversTo = "2026-08", amount = 75m }), "coversFrom");

        var sheet = await manager.GetOkAsync($"/api/v1/dues/sheet?orgId={branch}&month=2026-07");
        var line = Assert.Single(sheet.GetProperty("items").EnumerateArray());
        Assert.Equal((75.00m, 75.00m, 0), (line.GetProperty("due").GetDecimal(), line.GetProperty("paid").GetDecimal(), line.GetProperty("arrearsMonths").GetInt32()));

        var reversed = await manager.PostAsync($"/api/v1/dues/payments/{paid.Id}/reversal", new { date = "2026-08-06", reason = "月份记错" });
        Assert.Equal(201, reversed.Status);
        Assert.Equal(-525m, reversed.Json.GetProperty("amount").GetDecimal());
        Problem.Assert(await manager.PostAsync($"/api/v1/dues/payments/{paid.Id}/reversal", new { date = "2026-08-06", reason = "再次" }), 409);
        var after = await manager.GetOkAsync($"/api/v1/dues/sheet?orgId={branch}&month=2026-07");
        Assert.Equal(6, Assert.Single(after.GetProperty("items").EnumerateArray()).GetProperty("arrearsMonths").GetInt32());
        var history = await manager.GetOkAsync($"/api/v1/members/{member}/dues");
        Assert.Equal(2, history.GetProperty("payments").GetArrayLength());
        Assert.True(history.GetProperty("payments")[0].GetProperty("reversed").GetBoolean());
    }

    [Fact]
    public async Task TheLedgerOverHttp_EntriesReversalReportAndSupplement_AndTheUnmadeReportIsAnOrgObligation_D18_D20()
    {
        var county = await admin.CreateOrgAsync("账目县委", "CountyCommittee");
        var branch = await admin.CreateOrgAsync("账目支部", "Branch", county);
        var person = await admin.CreatePersonAsync("账目甲", IdNumbers.Unique(), branch);
        var member = (await admin.PostAsync("/api/v1/members",
            new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id;
        var manager = await factory.UserAsync("Manager", branch);
        Assert.Equal(200, (await manager.PutAsync($"/api/v1/members/{member}/dues-base", new { from = "2025-12", baseType = "Salaried", @base = 3000m })).Status);
        Assert.Equal(201, (await manager.PostAsync("/api/v1/dues/payments",
            new { memberId = member, paidDate = "2025-12-10", coversFrom = "2025-12", coversTo = "2025-12", amount = 15m })).Status);

        var interest = await manager.PostAsync("/api/v1/dues/ledger/entries", new { orgId = branch, kind = "Interest", date = "2025-12-21", amount = 0.05m, item = "结息" });
        Assert.Equal(201, interest.Status);
        Problem.AssertInvalid(await manager.PostAsync("/api/v1/dues/ledger/entries",
            new { orgId = branch, kind = "Spent", date = "2025-12-22", amount = 15.06m, item = "购书", category = "EducationMaterials" }), "amount");
        Problem.AssertInvalid(await manager.PostAsync("/api/v1/dues/ledger/entries", new { orgId = branch, kind = "Gift", date = "2025-12-22", amount = 1m, item = "x" }), "kind");
        var remit = await manager.PostAsync("/api/v1/dues/ledger/entries", new { orgId = branch, kind = "Remitted", date = "2025-12-25", amount = 10m, item = "上缴" });
        Assert.Equal((201, county), (remit.Status, remit.Json.GetProperty("counterpartOrgId").GetString()));
        Assert.Equal(201, (await manager.PostAsync($"/api/v1/dues/ledger/entries/{remit.Id}/reversal", new { date = "2025-12-26", reason = "上缴金额有误" })).Status);
        Problem.Assert(await manager.PostAsync($"/api/v1/dues/ledger/entries/{remit.Id}/reversal", new { date = "2025-12-26", reason = "再次" }), 409);
        var payment = (await manager.GetOkAsync($"/api/v1/members/{member}/dues")).GetProperty("payments")[0].GetProperty("id").GetString();
        foreach (var url in new[] { $"/api/v1/dues/payments/{payment}", $"/api/v1/dues/ledger/entries/{remit.Id}" })
        {
            // D-18-immutable-ledger: a payment or an entry is never changed or deleted, only reversed.
            Assert.Contains((await manager.PutAsync(url, new { amount = 1m })).Status, new[] { 404, 405 });
            Assert.Contains((await manager.DeleteAsync(url)).Status, new[] { 404, 405 });
        }

        var ledger = await manager.GetOkAsync($"/api/v1/dues/ledger?orgId={branch}&year=2025");
        Assert.Equal((15m, 0.05m, 0m, 15.05m), (ledger.GetProperty("collected").GetDecimal(), ledger.GetProperty("interest").GetDecimal(),
            ledger.GetProperty("remitted").GetDecimal(), ledger.GetProperty("closing").GetDecimal()));
        Assert.Equal(12, ledger.GetProperty("months").GetArrayLength());
        Assert.Equal(3, ledger.GetProperty("entries").GetArrayLength());
        Problem.AssertInvalid(await manager.GetAsync($"/api/v1/dues/ledger?orgId={branch}&year=1999"), "year");

        var alerts = await manager.GetOkAsync("/api/v1/alerts?asOf=2026-02-01&withinDays=0");
        var owed = alerts.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("kind").GetString() == "OrgObligation").ToList();
        Assert.Equal(2, owed.Count);
        Assert.All(owed, a => Assert.Equal((branch, "D-20-publication-and-report", "2026-01-31", "Overdue"), (a.GetProperty("orgId").GetString(),
            a.GetProperty("rule").GetString(), a.GetProperty("dueDate").GetString(), a.GetProperty("state").GetString())));
        var report = await manager.PostAsync("/api/v1/dues/ledger/reports", new { orgId = branch, year = 2025, kind = "Report", date = "2026-01-10" });
        Assert.Equal((201, 15.05m), (report.Status, report.Json.GetProperty("closing").GetDecimal()));
        Problem.Assert(await manager.PostAsync("/api/v1/dues/ledger/reports", new { orgId = branch, year = 2025, kind = "Report", date = "2026-01-11" }), 409);
        var left = (await manager.GetOkAsync("/api/v1/alerts?asOf=2026-02-01&withinDays=0")).GetProperty("items").EnumerateArray()
            .Count(a => a.GetProperty("kind").GetString() == "OrgObligation");
        Assert.Equal(1, left);

        var supplement = await manager.GetOkAsync($"/api/v1/dues/supplement?orgId={branch}&year=2025");
        Assert.Equal((1, 1), (supplement.GetProperty("members").GetInt32(), supplement.GetProperty("paidToStandard").GetInt32()));
    }
}
