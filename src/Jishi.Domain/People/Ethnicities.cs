using System.Collections.Frozen;

namespace Jishi.Domain.People;

/// <summary>
/// The 56 officially recognised 民族 of the People's Republic of China, by their official Chinese names, in the order
/// of GB/T 3304-1991 (《中国各民族名称的罗马字母拼写法和代码》): the position in <see cref="All"/> plus one is the
/// two-digit code (汉族 = 01 … 基诺族 = 56). The API carries the Chinese name itself as the value.
/// </summary>
public static class Ethnicities
{
    private static readonly string[] Names =
    [
        "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
        "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
        "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
        "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
        "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
        "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
    ];

    private static readonly FrozenSet<string> NameSet = Names.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>All 56 names in GB/T 3304 order.</summary>
    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(Names);

    /// <summary>Whether <paramref name="name"/> is exactly one of the 56 official names (e.g. "汉族", not "汉").</summary>
    public static bool IsOfficial(string name) => name is not null && NameSet.Contains(name);
}
