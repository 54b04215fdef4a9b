using System.Text.RegularExpressions;
using Jishi.Domain.People;

namespace Jishi.App.People;

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
