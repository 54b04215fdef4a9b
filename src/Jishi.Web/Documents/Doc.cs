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

    private const string CapitalDigits = "零壹贰叁肆伍陆柒捌玖";

    /// <summary>A number in 大写 numerals, as the letter writes its validity days against alteration (组通字〔2006〕45号
    /// 说明 3): 30 → 叁拾, 10 → 壹拾, 15 → 壹拾伍, 105 → 壹佰零伍, 0 → 零.</summary>
    public static string Capital(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 9999);
        if (n == 0)
        {
            return "零";
        }

        string[] units = ["仟", "佰", "拾", ""];
        var digits = n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        var text = new System.Text.StringBuilder();
        var zero = false;
        for (var i = 0; i < 4; i++)
        {
            var d = digits[i] - '0';
            if (d == 0)
            {
                zero = text.Length > 0;
                continue;
            }

            if (zero)
            {
                text.Append('零');
                zero = false;
            }

            text.Append(CapitalDigits[d]).Append(units[i]);
        }

        return text.ToString();
    }

    /// <summary>A "YYYY-MM" month in 大写 numerals, the year digit by digit: "2026-10" → 贰零贰陆年壹拾月. Anything else is
    /// returned as it is.</summary>
    public static string CapitalMonth(string yearMonth)
    {
        if (yearMonth is not [var y1, var y2, var y3, var y4, '-', var m1, var m2]
            || !char.IsAsciiDigit(y1) || !char.IsAsciiDigit(y2) || !char.IsAsciiDigit(y3) || !char.IsAsciiDigit(y4)
            || !char.IsAsciiDigit(m1) || !char.IsAsciiDigit(m2))
        {
            return yearMonth;
        }

        var year = string.Concat(new[] { y1, y2, y3, y4 }.Select(c => CapitalDigits[c - '0']));
        return $"{year}年{Capital((m1 - '0') * 10 + (m2 - '0'))}月";
    }

    public static string Names(CaseDossier d, IEnumerable<string>? ids) => ids is null ? "" : string.Join("、", ids.Select(d.Name));

    public static string Word<T>(T? value)
        where T : struct, Enum => value is { } v ? Labels.Of(v) : "";

    public static string Words<T>(IEnumerable<T>? values)
        where T : struct, Enum => values is null ? "" : string.Join("、", values.Select(v => Labels.Of(v)));
}
