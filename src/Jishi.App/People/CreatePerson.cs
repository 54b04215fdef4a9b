using Jishi.App.Data;
using Jishi.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.People;

/// <summary>What a client sends to register a person (API.md "People"); <c>orgId</c> is the registering organisation.</summary>
public sealed record NewPerson(
    string? Name,
    string? IdNumber,
    Gender? Gender = null,
    string? Ethnicity = null,
    Education? Education = null,
    Occupation? Occupation = null,
    string? Phone = null,
    string? UnitName = null,
    bool? UnitHasPartyOrg = null,
    string? HukouLocation = null,
    string? Residence = null,
    bool? IsMobile = null,
    string? OutflowPlace = null,
    string? InflowPlace = null,
    DateOnly? ExpectedDepartureDate = null,
    string? OrgId = null);

public sealed partial class CreatePerson(JishiDbContext db, TimeProvider time)
{
    public async Task<Person> Handle(NewPerson input, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var v = new Validation();
        var name = v.Required("name", input.Name, 100, "姓名");
        IdNumber id = default;
        var idValid = false;
        if (string.IsNullOrWhiteSpace(input.IdNumber))
        {
            v.Add("idNumber", "必须填写居民身份证号码");
        }
        else if (IdNumber.TryParse(input.IdNumber, today, out id, out var error))
        {
            idValid = true;
        }
        else
        {
            v.Add("idNumber", error);
        }

        if (input.Gender is { } g && idValid && g != id.Gender)
        {
            v.Add("gender", $"性别与身份证号码不符：号码第 17 位表示{(id.Gender == Gender.Male ? "男" : "女")}性");
        }

        var person = new Person
        {
            Id = Ids.New(time),
            Name = name,
            IdNumber = idValid ? id.Value : "",
            BirthDate = idValid ? id.BirthDate : default,
            Gender = idValid ? id.Gender : default,
            IsMobile = input.IsMobile ?? false,
            UnitHasPartyOrg = input.UnitHasPartyOrg,
            Education = input.Education,
            Occupation = input.Occupation,
            ExpectedDepartureDate = input.ExpectedDepartureDate,
            CreatedAt = time.GetUtcNow(),
        };
        PersonFields.ApplyTexts(v, person, input.Ethnicity, input.Phone, input.UnitName, input.HukouLocation,
            input.Residence, input.OutflowPlace, input.InflowPlace);
        v.ThrowIfInvalid();

        var orgId = string.IsNullOrWhiteSpace(input.OrgId) ? db.Caller.OrgId : input.OrgId;
        if (orgId is not null)
        {
            var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
                ?? throw new NotFoundException("组织", orgId, "orgId");
            person.OrgId = org.Id;
            person.OrgPath = org.Path;
        }

        var existing = await db.People.IgnoreQueryFilters().Where(p => p.IdNumber == person.IdNumber)
            .Select(p => p.Id).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            throw new ConflictException("该居民身份证号码已登记", existing);
        }

        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return person;
    }
}
