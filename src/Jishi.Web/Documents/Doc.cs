using Jishi.App.Documents;
using Jishi.Web.Components.Cases;

namespace Jishi.Web.Documents;

/// <summary>How the printed documents write dates, names and glossary values.</summary>
public static class Doc
{
    public static string Date(DateOnly? d) => d?.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>The branch as the body that meets or signs: "中共…支部" (a name ending in 支部委员会 names its committee).</summary>
    public static string Body(string orgName)
    {
        var name = orgName.EndsWith("支部委员会", StringComparison.Ordinal) ? orgName[..^3] : orgName;
        return name.StartsWith("中共", StringComparison.Ordinal) || name.StartsWith("中国共产党", StringComparison.Ordinal) ? name : "中共" + name;
    }

    public static string Names(CaseDossier d, IEnumerable<string>? ids) => ids is null ? "" : string.Join("、", ids.Select(d.Name));

    public static string Word<T>(T? value)
        where T : struct, Enum => value is { } v ? Labels.Of(v) : "";

    public static string Words<T>(IEnumerable<T>? values)
        where T : struct, Enum => values is null ? "" : string.Join("、", values.Select(v => Labels.Of(v)));
}
