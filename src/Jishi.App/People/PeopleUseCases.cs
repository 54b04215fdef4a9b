using System.Text.Json;
using System.Text.RegularExpressions;
using Jishi.App.Data;
using Jishi.Domain.People;
using Jishi.Domain.Rules;
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

public sealed class GetPerson(JishiDbContext db)
{
    public async Task<Person> Handle(string id, CancellationToken ct = default) =>
        await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("人员", id);
}

/// <summary>Finds people in scope by name or by the last digits of the id number, newest first (ids sort by creation).</summary>
public sealed class ListPeople(JishiDbContext db)
{
    public async Task<(IReadOnlyList<Person> Items, int Total)> Handle(string? q, int page, int pageSize, CancellationToken ct = default)
    {
        var people = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            people = term.All(c => char.IsAsciiDigit(c) || c is 'X' or 'x')
                ? people.Where(p => p.IdNumber.EndsWith(term.ToUpperInvariant()))
                : people.Where(p => p.Name.Contains(term));
        }

        var total = await people.CountAsync(ct);
        var items = await people.OrderByDescending(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }
}

/// <summary>
/// Changes the optional fields of a person from a JSON merge patch: a present field is set (null clears it),
/// an absent field is kept. The id number and what derives from it cannot be changed.
/// </summary>
public sealed class UpdatePerson(JishiDbContext db)
{
    private static readonly HashSet<string> Fixed = ["idNumber", "birthDate", "gender", "id"];

    public async Task<Person> Handle(string id, JsonElement patch, CancellationToken ct = default)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("人员", id);
        if (patch.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInputException("body", "请求体应为 JSON 对象");
        }

        var v = new Validation();
        string? ethnicity = person.Ethnicity, phone = person.Phone, unit = person.UnitName, hukou = person.HukouLocation,
            residence = person.Residence, outflow = person.OutflowPlace, inflow = person.InflowPlace;
        foreach (var p in patch.EnumerateObject())
        {
            var field = p.Name;
            var value = p.Value;
            try
            {
                switch (field)
                {
                    case "name": person.Name = v.Required("name", value.GetString(), 100, "姓名"); break;
                    case "ethnicity": ethnicity = Text(value); break;
                    case "phone": phone = Text(value); break;
                    case "unitName": unit = Text(value); break;
                    case "hukouLocation": hukou = Text(value); break;
                    case "residence": residence = Text(value); break;
                    case "outflowPlace": outflow = Text(value); break;
                    case "inflowPlace": inflow = Text(value); break;
                    case "unitHasPartyOrg": person.UnitHasPartyOrg = value.ValueKind == JsonValueKind.Null ? null : value.GetBoolean(); break;
                    case "isMobile": person.IsMobile = value.GetBoolean(); break;
                    case "education": person.Education = Enum<Education>(v, field, value); break;
                    case "occupation": person.Occupation = Enum<Occupation>(v, field, value); break;
                    case "expectedDepartureDate":
                        person.ExpectedDepartureDate = value.ValueKind == JsonValueKind.Null ? null : DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd");
                        break;
                    case "orgId":
                        v.Add(field, "登记组织不能通过此接口修改");
                        break;
                    default:
                        v.Add(field, Fixed.Contains(field) ? "身份证号码及由其确定的出生日期、性别不能修改" : "未知字段");
                        break;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentNullException)
            {
                v.Add(field, $"值的类型或格式不正确：{Describe(value)}");
            }
        }

        PersonFields.ApplyTexts(v, person, ethnicity, phone, unit, hukou, residence, outflow, inflow);
        v.ThrowIfInvalid();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.Members.IgnoreQueryFilters().Where(m => m.PersonId == person.Id && m.Name != person.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Name, person.Name), ct);
        await tx.CommitAsync(ct);
        return person;
    }

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetString();

    private static T? Enum<T>(Validation v, string field, JsonElement value)
        where T : struct, Enum
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.GetString();
        if (System.Enum.TryParse<T>(text, ignoreCase: false, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(text, out _))
        {
            return parsed;
        }

        v.Add(field, $"“{text}”不是有效值；应为 {string.Join("、", System.Enum.GetNames<T>())} 之一");
        return null;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "\"" + value.GetString() + "\"",
        _ => value.GetRawText(),
    };
}

internal static partial class PersonFields
{
    [GeneratedRegex(@"^\+?[0-9][0-9\- ]{4,19}$")]
    private static partial Regex PhonePattern();

    public static void ApplyTexts(Validation v, Person person, string? ethnicity, string? phone, string? unitName,
        string? hukou, string? residence, string? outflow, string? inflow)
    {
        person.Ethnicity = v.Optional("ethnicity", ethnicity, 40, "民族");
        if (person.Ethnicity is { } e && !Ethnicities.IsOfficial(e))
        {
            v.Add("ethnicity", $"“{e}”不是 56 个民族的规范名称（例如“汉族”“蒙古族”）");
        }

        person.Phone = v.Optional("phone", phone, 20, "联系电话");
        if (person.Phone is { } p && !PhonePattern().IsMatch(p))
        {
            v.Add("phone", $"联系电话“{p}”格式不正确：应为手机号（11 位）或固定电话");
        }

        person.UnitName = v.Optional("unitName", unitName, 200, "工作（学习）单位");
        person.HukouLocation = v.Optional("hukouLocation", hukou, 200, "户籍所在地");
        person.Residence = v.Optional("residence", residence, 200, "居住地");
        person.OutflowPlace = v.Optional("outflowPlace", outflow, 200, "流出地");
        person.InflowPlace = v.Optional("inflowPlace", inflow, 200, "流入地");
    }
}
