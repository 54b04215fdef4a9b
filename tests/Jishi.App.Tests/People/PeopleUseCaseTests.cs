using System.Text.Json;
using Jishi.App.Data;
using Jishi.App.People;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.People;
using Jishi.Domain.Rules;

namespace Jishi.App.Tests.People;

public abstract class PeopleUseCaseTests : UseCaseTest
{
    private Task<Person> Create(NewPerson input) => new CreatePerson(Db(), Time).Handle(input);

    [Theory]
    [InlineData(123, Gender.Male)]
    [InlineData(124, Gender.Female)]
    public async Task CreatePerson_WithValidIdNumber_DerivesBirthDateAndGender(int sequence, Gender expected)
    {
        var tree = await BuildTreeAsync();
        var number = IdNumberFor(new DateOnly(1990, 5, 17), sequence, "330102");

        var person = await Create(new NewPerson("王芳", number, OrgId: tree.BranchA.Id, Ethnicity: "汉族"));

        var stored = await new GetPerson(Db()).Handle(person.Id);
        Assert.Equal(number, stored.IdNumber);
        Assert.Equal(new DateOnly(1990, 5, 17), stored.BirthDate);
        Assert.Equal(expected, stored.Gender);
        Assert.Equal("汉族", stored.Ethnicity);
        Assert.Equal(tree.BranchA.Path, stored.OrgPath);
    }

    [Fact]
    public async Task CreatePerson_WithLowerCaseXCheckCharacter_StoresItUpperCase()
    {
        var number = Enumerable.Range(100, 200).Select(i => IdNumberFor(new DateOnly(1988, 2, 29), i))
            .First(n => n.EndsWith('X'));

        var person = await Create(new NewPerson("李娜", number.ToLowerInvariant()));

        Assert.Equal(number, (await new GetPerson(Db()).Handle(person.Id)).IdNumber);
        Assert.Equal(new DateOnly(1988, 2, 29), person.BirthDate);
    }

    [Fact]
    public async Task CreatePerson_WithWrongCheckDigit_IsRefusedForIdNumberAndNothingIsSaved()
    {
        var valid = IdNumberFor(new DateOnly(1990, 5, 17), 123);
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Create(new NewPerson("王芳", wrong)));

        Assert.Contains("校验码", AssertSingleField(e, "idNumber"));
        Assert.Equal(0, await CountAsync<Person>());
    }

    [Fact]
    public async Task CreatePerson_BornTomorrow_IsRefusedForIdNumber()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(
            () => Create(new NewPerson("王芳", IdNumberFor(Today.AddDays(1), 123))));

        Assert.Contains("不晚于今天（2026-11-22）", AssertSingleField(e, "idNumber"));
        Assert.Equal(0, await CountAsync<Person>());
    }

    [Fact]
    public async Task CreatePerson_BornToday_IsAccepted()
    {
        var person = await Create(new NewPerson("王小芳", IdNumberFor(Today, 124)));

        Assert.Equal(Today, person.BirthDate);
    }

    /// <summary>G-05: "today" is the China date: 2026-11-22T16:00Z is already 2026-11-23 00:00 in Beijing.</summary>
    [Theory]
    [InlineData("2026-11-22T15:59:59Z", false)]
    [InlineData("2026-11-22T16:00:00Z", true)]
    public async Task CreatePerson_BornOnTheNextChinaDate_IsAcceptedOnlyOnceThatDateHasBegunInChina(string utcNow, bool accepted)
    {
        Time.SetUtcNow(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));
        var input = new NewPerson("王小芳", IdNumberFor(new DateOnly(2026, 11, 23), 124));

        if (accepted)
        {
            Assert.Equal(new DateOnly(2026, 11, 23), (await Create(input)).BirthDate);
        }
        else
        {
            AssertSingleField(await Assert.ThrowsAsync<InvalidInputException>(() => Create(input)), "idNumber");
        }
    }

    [Fact]
    public async Task CreatePerson_WithDuplicateIdNumber_IsConflictNamingTheExistingPerson()
    {
        var tree = await BuildTreeAsync();
        var number = NextIdNumber();
        var first = await Create(new NewPerson("王芳", number, OrgId: tree.BranchA.Id));

        var e = await Assert.ThrowsAsync<ConflictException>(() => Create(new NewPerson("王芳芳", number, OrgId: tree.BranchB.Id)));

        Assert.Equal(first.Id, e.ExistingId);
        Assert.Equal(1, await CountAsync<Person>());
    }

    [Fact]
    public async Task CreatePerson_WithDuplicateIdNumberInLowerCase_IsConflict()
    {
        var number = Enumerable.Range(100, 200).Select(i => IdNumberFor(new DateOnly(1975, 1, 1), i)).First(n => n.EndsWith('X'));
        var first = await Create(new NewPerson("王芳", number));

        var e = await Assert.ThrowsAsync<ConflictException>(() => Create(new NewPerson("王芳", number.ToLowerInvariant())));

        Assert.Equal(first.Id, e.ExistingId);
    }

    [Fact]
    public async Task CreatePerson_WithGenderContradictingTheIdNumber_IsRefusedForGender()
    {
        var male = IdNumberFor(new DateOnly(1990, 5, 17), 123);

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Create(new NewPerson("王伟", male, Gender.Female)));

        Assert.Contains("男", AssertSingleField(e, "gender"));
        Assert.Equal(0, await CountAsync<Person>());
    }

    [Theory]
    [InlineData("汉")]
    [InlineData("火星族")]
    [InlineData("Han")]
    public async Task CreatePerson_WithUnknownEthnicity_IsRefusedForEthnicity(string ethnicity)
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Create(new NewPerson("王伟", NextIdNumber(), Ethnicity: ethnicity)));

        AssertSingleField(e, "ethnicity");
        Assert.Equal(0, await CountAsync<Person>());
    }

    [Fact]
    public async Task CreatePerson_WithSeveralErrors_ReportsEachField()
    {
        var valid = IdNumberFor(new DateOnly(1990, 5, 17), 123);
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');

        var e = await Assert.ThrowsAsync<InvalidInputException>(
            () => Create(new NewPerson("", wrong, Ethnicity: "火星族", Phone: "abc")));

        Assert.Equal(
            new[] { "ethnicity", "idNumber", "name", "phone" },
            e.Errors.Select(x => x.Field).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UpdatePerson_WithPatch_ChangesPhoneClearsResidenceAndKeepsTheRest()
    {
        var person = await Create(new NewPerson("王芳", NextIdNumber(), Ethnicity: "回族", Phone: "0571-88886666",
            HukouLocation: "浙江省杭州市", Residence: "浙江省安和县城关镇"));
        using var patch = JsonDocument.Parse("""{"phone":"13800138000","residence":null,"isMobile":true}""");

        var updated = await new UpdatePerson(Db()).Handle(person.Id, patch.RootElement);

        Assert.Equal("13800138000", updated.Phone);
        var stored = await new GetPerson(Db()).Handle(person.Id);
        Assert.Equal("13800138000", stored.Phone);
        Assert.Null(stored.Residence);
        Assert.True(stored.IsMobile);
        Assert.Equal("浙江省杭州市", stored.HukouLocation);
        Assert.Equal("回族", stored.Ethnicity);
        Assert.Equal("王芳", stored.Name);
        Assert.Equal(person.IdNumber, stored.IdNumber);
    }

    [Theory]
    [InlineData("idNumber", "\"110105199005171230\"")]
    [InlineData("birthDate", "\"1991-01-01\"")]
    [InlineData("gender", "\"Female\"")]
    [InlineData("orgId", "\"x\"")]
    [InlineData("nickname", "\"小王\"")]
    public async Task UpdatePerson_PatchingAFixedOrUnknownField_IsRefusedNamingTheFieldAndNothingChanges(string field, string value)
    {
        var person = await Create(new NewPerson("王芳", NextIdNumber(), Phone: "0571-88886666"));
        using var patch = JsonDocument.Parse($$"""{"phone":"13800138000","{{field}}":{{value}}}""");

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => new UpdatePerson(Db()).Handle(person.Id, patch.RootElement));

        AssertSingleField(e, field);
        var stored = await new GetPerson(Db()).Handle(person.Id);
        Assert.Equal("0571-88886666", stored.Phone);
        Assert.Equal(person.IdNumber, stored.IdNumber);
    }

    [Theory]
    [InlineData("isMobile", "\"yes\"")]
    [InlineData("phone", "13800138000")]
    [InlineData("unitHasPartyOrg", "1")]
    [InlineData("expectedDepartureDate", "\"2026-02-30\"")]
    [InlineData("education", "\"PhD\"")]
    [InlineData("education", "\"3\"")]
    [InlineData("ethnicity", "\"汉\"")]
    [InlineData("phone", "\"not a phone\"")]
    [InlineData("name", "null")]
    public async Task UpdatePerson_WithAValueOfTheWrongTypeOrFormat_IsRefusedNamingTheField(string field, string value)
    {
        var person = await Create(new NewPerson("王芳", NextIdNumber()));
        using var patch = JsonDocument.Parse($$"""{"{{field}}":{{value}}}""");

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => new UpdatePerson(Db()).Handle(person.Id, patch.RootElement));

        AssertSingleField(e, field);
        var stored = await new GetPerson(Db()).Handle(person.Id);
        Assert.False(stored.IsMobile);
        Assert.Equal("王芳", stored.Name);
    }

    [Fact]
    public async Task UpdatePerson_WithABodyThatIsNotAnObject_IsRefusedForBody()
    {
        var person = await Create(new NewPerson("王芳", NextIdNumber()));
        using var patch = JsonDocument.Parse("""["phone"]""");

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => new UpdatePerson(Db()).Handle(person.Id, patch.RootElement));

        AssertSingleField(e, "body");
    }

    [Fact]
    public async Task UpdatePerson_OfUnknownId_IsNotFound()
    {
        using var patch = JsonDocument.Parse("""{"phone":"13800138000"}""");

        var e = await Assert.ThrowsAsync<NotFoundException>(() => new UpdatePerson(Db()).Handle("nosuchperson", patch.RootElement));

        Assert.Equal("nosuchperson", e.Id);
    }

    [Fact]
    public async Task ListPeople_ByNameOrByTheLastDigitsOfTheIdNumber_FindsThePerson()
    {
        var wang = await Create(new NewPerson("王芳", IdNumberFor(new DateOnly(1990, 5, 17), 123)));
        await Create(new NewPerson("李强", IdNumberFor(new DateOnly(1985, 3, 2), 456)));

        var byName = await new ListPeople(Db()).Handle("王", 1, 20);
        var byDigits = await new ListPeople(Db()).Handle(wang.IdNumber[^4..].ToLowerInvariant(), 1, 20);
        var all = await new ListPeople(Db()).Handle(null, 1, 1);

        Assert.Equal(wang.Id, Assert.Single(byName.Items).Id);
        Assert.Equal(wang.Id, Assert.Single(byDigits.Items).Id);
        Assert.Equal(2, all.Total);
        Assert.Single(all.Items);
    }
}

public sealed class PeopleUseCaseTests_Sqlite : PeopleUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PeopleUseCaseTests_Postgres : PeopleUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
