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
}
