using System.Globalization;

namespace Jishi.Domain.Dues;

/// <summary>A calendar month of dues ("YYYY-MM"): the unit every dues amount, payment and arrear is counted in.</summary>
public readonly record struct DuesMonth(int Year, int Month) : IComparable<DuesMonth>
{
    public static DuesMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>Parses "YYYY-MM"; null for anything else (the caller names the field).</summary>
    public static DuesMonth? Parse(string? text) =>
        text is { Length: 7 } && text[4] == '-'
        && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
        && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
        && y is >= 1921 and <= 9999 && m is >= 1 and <= 12
            ? new DuesMonth(y, m)
            : null;

    /// <summary>The month as a count of months, for arithmetic.</summary>
    private int Index => (Year * 12) + Month - 1;

    public DuesMonth AddMonths(int months) => FromIndex(Index + months);

    /// <summary>The number of months from this one to <paramref name="last"/>, both included (0 when last is earlier).</summary>
    public int MonthsThrough(DuesMonth last) => Math.Max(0, last.Index - Index + 1);

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public int CompareTo(DuesMonth other) => Index.CompareTo(other.Index);

    public static bool operator <(DuesMonth a, DuesMonth b) => a.CompareTo(b) < 0;

    public static bool operator >(DuesMonth a, DuesMonth b) => a.CompareTo(b) > 0;

    public static bool operator <=(DuesMonth a, DuesMonth b) => a.CompareTo(b) <= 0;

    public static bool operator >=(DuesMonth a, DuesMonth b) => a.CompareTo(b) >= 0;

    /// <summary>Every month from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<DuesMonth> Range(DuesMonth first, DuesMonth last)
    {
        for (var m = first; m <= last; m = m.AddMonths(1))
        {
            yield return m;
        }
    }

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    private static DuesMonth FromIndex(int index) => new(index / 12, (index % 12) + 1);
}
