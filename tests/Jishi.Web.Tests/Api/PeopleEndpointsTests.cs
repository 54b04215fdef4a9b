using System.Globalization;
using System.Text.Json;

namespace Jishi.Web.Tests.Api;

public sealed class PeopleEndpointsTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private readonly ApiClient admin = factory.Admin();

    [Fact]
    public async Task RegisteringAPerson_Answers201WithBirthDateAndGenderDerivedFromTheIdNumber()
    {
        // 32010219900307 — born 1990-03-07; sequence 452: the 17th digit 2 is even, so female.
        var idNumber = IdNumbers.With("32010219900307452");

        var reply = await admin.PostAsync("/api/v1/people", new { name = "林某", idNumber });

        Assert.Equal(201, reply.Status);
        var person = reply.Json;
        Assert.False(string.IsNullOrWhiteSpace(person.GetProperty("id").GetString()));
        Assert.Equal("1990-03-07", person.GetProperty("birthDate").GetString());
        Assert.Equal("Female", person.GetProperty("gender").GetString());
        Assert.Equal(idNumber, person.GetProperty("idNumber").GetString());
    }

    [Fact]
    public async Task AMaleIdNumber_DerivesMale()
    {
        var reply = await admin.PostAsync("/api/v1/people", new { name = "陈某", idNumber = IdNumbers.With("32010220000229451") });

        Assert.Equal(201, reply.Status);
        Assert.Equal("2000-02-29", reply.Json.GetProperty("birthDate").GetString());
        Assert.Equal("Male", reply.Json.GetProperty("gender").GetString());
    }

    [Fact]
    public async Task TheIdNumber_IsShownInFullToAnAdminAndMaskedToAManagerAndAViewer()
    {
        var county = await admin.CreateOrgAsync("某县委", "CountyCommittee");
        var branch = await admin.CreateOrgAsync("某党支部", "Branch", county);
        var idNumber = IdNumbers.EndingIn1234();
        var id = await admin.CreatePersonAsync("赵某", idNumber, branch);
        var manager = await factory.UserAsync("Manager", branch);
        var viewer = await factory.UserAsync("Viewer", county);

        var asAdmin = await admin.GetAsync($"/api/v1/people/{id}");
        var asManager = await manager.GetAsync($"/api/v1/people/{id}");
        var asViewer = await viewer.GetAsync($"/api/v1/people/{id}");

        Assert.Equal(idNumber, asAdmin.Json.GetProperty("idNumber").GetString());
        Assert.Equal("110105********1234", asManager.Json.GetProperty("idNumber").GetString());
        Assert.Equal("110105********1234", asViewer.Json.GetProperty("idNumber").GetString());
        Assert.DoesNotContain(idNumber, asManager.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, asViewer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListingPeople_AsAManager_AnswersItemsAndTotalWithMaskedIdNumbers()
    {
        var branch = await admin.CreateOrgAsync("某党支部", "Branch");
        var idNumber = IdNumbers.Unique();
        var id = await admin.CreatePersonAsync("许某", idNumber, branch);
        var manager = await factory.UserAsync("Manager", branch);

        var list = await manager.GetOkAsync("/api/v1/people");

        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var person = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(id, person.GetProperty("id").GetString());
        Assert.Equal(idNumber[..6] + "********" + idNumber[14..], person.GetProperty("idNumber").GetString());
    }

    [Fact]
    public async Task AManagerRegisteringAPerson_SeesTheIdNumberMaskedInThe201()
    {
        var branch = await admin.CreateOrgAsync("某党支部", "Branch");
        var manager = await factory.UserAsync("Manager", branch);
        var idNumber = IdNumbers.Unique();

        var reply = await manager.PostAsync("/api/v1/people", new { name = "钱某", idNumber });

        Assert.Equal(201, reply.Status);
        Assert.Equal(idNumber[..6] + "********" + idNumber[14..], reply.Json.GetProperty("idNumber").GetString());
    }

    [Fact]
    public async Task AWrongCheckDigit_Is400NamingIdNumber()
    {
        var valid = IdNumbers.With("11010519900307123");
        var wrong = valid[..17] + (valid[17] == '0' ? "1" : "0");

        var reply = await admin.PostAsync("/api/v1/people", new { name = "孙某", idNumber = wrong });

        Problem.AssertInvalid(reply, "idNumber");
    }

    [Theory]
    [InlineData("20261123")] // tomorrow in China (today is 2026-11-22)
    [InlineData("20270101")]
    public async Task ABirthDateInTheFuture_Is400NamingIdNumber(string birth)
    {
        var reply = await admin.PostAsync("/api/v1/people", new { name = "未来某", idNumber = IdNumbers.With("110105" + birth + "123") });

        Problem.AssertInvalid(reply, "idNumber");
    }

    [Fact]
    public async Task ABirthDateOfToday_IsAccepted()
    {
        var reply = await admin.PostAsync("/api/v1/people", new { name = "今日生", idNumber = IdNumbers.With("11010520261122123") });

        Assert.Equal(201, reply.Status);
        Assert.Equal("2026-11-22", reply.Json.GetProperty("birthDate").GetString());
    }

    [Theory]
    [InlineData("11010519900230123")] // 2月30日
    [InlineData("11010519901301123")] // 13月
    [InlineData("99010519900307123")] // no such province
    public async Task AnImpossibleIdNumber_Is400NamingIdNumber(string first17)
    {
        var reply = await admin.PostAsync("/api/v1/people", new { name = "周某", idNumber = IdNumbers.With(first17) });

        Problem.AssertInvalid(reply, "idNumber");
    }

    [Fact]
    public async Task TheSameIdNumberTwice_Is409WithTheExistingId()
    {
        var idNumber = IdNumbers.Unique();
        var first = await admin.CreatePersonAsync("吴某", idNumber, null);

        var reply = await admin.PostAsync("/api/v1/people", new { name = "吴某某", idNumber });

        var problem = Problem.Assert(reply, 409);
        Assert.Equal(first, problem.GetProperty("existingId").GetString());
    }

    [Fact]
    public async Task TheSameIdNumberWithALowerCaseX_IsTheSameNumber()
    {
        string first17 = "";
        for (var seq = 100; ; seq++)
        {
            first17 = "11010519880808" + seq.ToString(CultureInfo.InvariantCulture);
            if (Jishi.Domain.People.IdNumber.ComputeCheckDigit(first17) == "X")
            {
                break;
            }
        }

        var first = await admin.CreatePersonAsync("郑某", first17 + "X", null);

        var reply = await admin.PostAsync("/api/v1/people", new { name = "郑某某", idNumber = first17 + "x" });

        Assert.Equal(first, Problem.Assert(reply, 409).GetProperty("existingId").GetString());
    }

    [Fact]
    public async Task PatchingAPerson_ChangesThePhone()
    {
        var id = await admin.CreatePersonAsync("冯某", IdNumbers.Unique(), null);

        var reply = await admin.PatchAsync($"/api/v1/people/{id}", new { phone = "13912345678" });
        var fetched = await admin.GetAsync($"/api/v1/people/{id}");

        Assert.Equal(200, reply.Status);
        Assert.Equal("13912345678", reply.Json.GetProperty("phone").GetString());
        Assert.Equal("13912345678", fetched.Json.GetProperty("phone").GetString());
        Assert.Equal("冯某", fetched.Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task PatchingTheIdNumber_Is400NamingIdNumberAndChangesNothing()
    {
        var idNumber = IdNumbers.Unique();
        var id = await admin.CreatePersonAsync("褚某", idNumber, null);

        var reply = await admin.PatchAsync($"/api/v1/people/{id}", new { idNumber = IdNumbers.Unique(), phone = "13912345678" });
        var fetched = await admin.GetAsync($"/api/v1/people/{id}");

        Problem.AssertInvalid(reply, "idNumber");
        Assert.Equal(idNumber, fetched.Json.GetProperty("idNumber").GetString());
        Assert.Equal(JsonValueKind.Null, fetched.Json.GetProperty("phone").ValueKind);
    }

    [Fact]
    public async Task AnImpossibleExpectedDepartureDate_OnRegistration_Is400NamingTheField()
    {
        var reply = await admin.PostAsync("/api/v1/people",
            new { name = "卫某", idNumber = IdNumbers.Unique(), expectedDepartureDate = "2026-02-30" });

        Problem.AssertInvalid(reply, "expectedDepartureDate");
    }

    [Fact]
    public async Task AnImpossibleExpectedDepartureDate_InAPatch_Is400NamingTheField()
    {
        var id = await admin.CreatePersonAsync("蒋某", IdNumbers.Unique(), null);

        var reply = await admin.PatchAsync($"/api/v1/people/{id}", new { expectedDepartureDate = "2026-02-30" });

        Problem.AssertInvalid(reply, "expectedDepartureDate");
    }

    [Fact]
    public async Task AnExpectedDepartureDate_IsStoredAsIsoDate()
    {
        var reply = await admin.PostAsync("/api/v1/people",
            new { name = "沈某", idNumber = IdNumbers.Unique(), isMobile = true, expectedDepartureDate = "2027-02-28" });

        Assert.Equal(201, reply.Status);
        Assert.Equal("2027-02-28", reply.Json.GetProperty("expectedDepartureDate").GetString());
    }
}
