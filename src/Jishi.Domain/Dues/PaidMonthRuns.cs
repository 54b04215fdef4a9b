using System.Globalization;
using System.Text;

namespace Jishi.Domain.Dues;

/// <summary>
/// A set of months written as runs of consecutive months, "2026-01~2026-03,2026-05~2026-11": what a member has paid,
/// kept beside the payments so that a sheet of thousands of members reads one short text per member instead of every
/// payment (D-13). Encoding sorts and merges; decoding accepts the runs in any order.
/// </summary>
public static class PaidMonthRuns
{
    public static string Encode(IEnumerable<DuesMonth> months)
    {
        var sb = new StringBuilder();
        DuesMonth? first = null, last = null;
        foreach (var m in months.Distinct().Order())
        {
            if (last is { } l && m == l.AddMonths(1))
            {
                last = m;
                continue;
            }

            Append(sb, first, last);
            (first, last) = (m, m);
        }

        Append(sb, first, last);
        return sb.ToString();
    }

    public static IEnumerable<DuesMonth> Decode(string? runs)
    {
        foreach (var run in (runs ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (from, to) = (DuesMonth.Parse(run[..7]), DuesMonth.Parse(run[^7..]));
            if (from is null || to is null)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"not a run of months: “{run}”"));
            }

            foreach (var m in DuesMonth.Range(from.Value, to.Value))
            {
                yield return m;
            }
        }
    }

    private static void Append(StringBuilder sb, DuesMonth? first, DuesMonth? last)
    {
        if (first is { } f && last is { } l)
        {
            sb.Append(sb.Length > 0 ? "," : "").Append(f.ToString()).Append('~').Append(l.ToString());
        }
    }
}
