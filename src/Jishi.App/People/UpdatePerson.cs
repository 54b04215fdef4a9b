using System.Text.Json;
using Jishi.App.Data;
using Jishi.Domain.People;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.People;

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
