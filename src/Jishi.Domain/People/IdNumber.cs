using Jishi.Domain.Rules;

namespace Jishi.Domain.People;

/// <summary>
/// An 18-character 公民身份号码 (居民身份证号码) checked against GB 11643-1999: 6-digit address code whose first two
/// digits are a GB/T 2260 province code, 8-digit birth date YYYYMMDD, 3-digit sequence code (odd = male), and an
/// ISO 7064 MOD 11-2 check character (0–9 or X).
/// </summary>
/// <remarks>
/// Only the 18-character form is accepted (the 15-character form was replaced in 1999). <see cref="ToString"/> returns
/// <see cref="Masked"/> so that the full number never ends up in logs by accident; use <see cref="Value"/> on purpose.
/// The default value (not obtained from <see cref="Parse"/>/<see cref="TryParse"/>) is not a valid number and its
/// derived properties throw.
/// </remarks>
public readonly record struct IdNumber
{
    private const int Length = 18;
    private const string CheckCharacters = "10X98765432";
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    /// <summary>
    /// GB/T 2260 province-level codes: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71 (台湾), 81 (香港) and 82 (澳门)
    /// (港澳居民居住证), 83 (台湾居民居住证).
    /// </summary>
    private static readonly HashSet<int> ProvinceCodes =
    [
        11, 12, 13, 14, 15,
        21, 22, 23,
        31, 32, 33, 34, 35, 36, 37,
        41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54,
        61, 62, 63, 64, 65,
        71, 81, 82, 83,
    ];

    private readonly string? _value;

    private IdNumber(string value, DateOnly birthDate)
    {
        _value = value;
        BirthDate = birthDate;
    }

    /// <summary>The normalised 18-character number (upper-case X).</summary>
    public string Value => _value ?? throw Uninitialised();

    /// <summary>出生日期, digits 7–14.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>性别 from the 17th digit: odd → <see cref="Gender.Male"/>, even → <see cref="Gender.Female"/>.</summary>
    public Gender Gender => (Value[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;

    /// <summary>地址码: the first 6 digits (GB/T 2260 county-level code of the place of registration).</summary>
    public string RegionCode => Value[..6];

    /// <summary>The first 6 characters, 8 asterisks for the birth date, and the last 4, e.g. <c>110105********1234</c>.</summary>
    public string Masked => string.Concat(Value.AsSpan(0, 6), "********", Value.AsSpan(14, 4));

    /// <summary>
    /// Checks <paramref name="input"/> per GB 11643-1999 (surrounding whitespace is trimmed, a lower-case x is accepted
    /// and normalised to X). Birth dates must be real calendar dates from 1900-01-01 up to and including
    /// <paramref name="today"/>. On failure <paramref name="error"/> states, in Chinese, what was expected and what was
    /// found; on success it is empty.
    /// </summary>
    public static bool TryParse(string? input, DateOnly today, out IdNumber value, out string error)
    {
        value = default;
        error = Check(input?.Trim(), today, out var normalised, out var birthDate);
        if (error.Length > 0)
        {
            return false;
        }

        value = new IdNumber(normalised, birthDate);
        return true;
    }

    /// <summary>As <see cref="TryParse"/>, but throws <see cref="InvalidInputException"/> for field <c>idNumber</c>.</summary>
    public static IdNumber Parse(string? input, DateOnly today) =>
        TryParse(input, today, out var value, out var error) ? value : throw new InvalidInputException("idNumber", error);

    /// <summary>
    /// The ISO 7064 MOD 11-2 check character for the first 17 digits (GB 11643-1999 §5.4): the sum of the digits times
    /// the weights 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2, modulo 11, indexes "10X98765432".
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="first17"/> is not exactly 17 ASCII digits.</exception>
    public static string ComputeCheckDigit(string first17)
    {
        if (first17 is null || first17.Length != Length - 1 || !first17.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("需要恰好17位数字。", nameof(first17));
        }

        return CheckCharacter(first17).ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => _value is null ? string.Empty : Masked;

    private static char CheckCharacter(string digits)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    private static string Check(string? input, DateOnly today, out string normalised, out DateOnly birthDate)
    {
        normalised = string.Empty;
        birthDate = default;

        if (string.IsNullOrEmpty(input))
        {
            return "未填写身份证号码，应为18位";
        }

        if (input.Length != Length)
        {
            return $"身份证号码应为18位，实际为{input.Length}位";
        }

        for (var i = 0; i < Length - 1; i++)
        {
            if (!char.IsAsciiDigit(input[i]))
            {
                return $"身份证号码前17位应全部为数字，第{i + 1}位为“{input[i]}”";
            }
        }

        var last = char.ToUpperInvariant(input[Length - 1]);
        if (!char.IsAsciiDigit(last) && last != 'X')
        {
            return $"身份证号码第18位（校验码）应为数字或X，实际为“{input[Length - 1]}”";
        }

        normalised = string.Concat(input.AsSpan(0, Length - 1), last.ToString());

        var province = int.Parse(normalised.AsSpan(0, 2), provider: null);
        if (!ProvinceCodes.Contains(province))
        {
            return $"身份证号码前两位应为省级行政区划代码（11–15、21–23、31–37、41–46、50–54、61–65、71、81、82、83），" +
                $"实际为“{normalised[..2]}”";
        }

        var year = int.Parse(normalised.AsSpan(6, 4), provider: null);
        var month = int.Parse(normalised.AsSpan(10, 2), provider: null);
        var day = int.Parse(normalised.AsSpan(12, 2), provider: null);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return $"身份证号码第7–14位应为有效的出生日期（年月日），实际为“{normalised.Substring(6, 8)}”，不是真实存在的日期";
        }

        birthDate = new DateOnly(year, month, day);
        if (birthDate < EarliestBirthDate)
        {
            return $"身份证号码中的出生日期应不早于1900-01-01，实际为{birthDate:yyyy-MM-dd}";
        }

        if (birthDate > today)
        {
            return $"身份证号码中的出生日期应不晚于今天（{today:yyyy-MM-dd}），实际为{birthDate:yyyy-MM-dd}";
        }

        var expected = CheckCharacter(normalised);
        if (expected != last)
        {
            return $"身份证号码校验码错误：按前17位计算第18位应为“{expected}”，实际为“{last}”";
        }

        return string.Empty;
    }

    private static InvalidOperationException Uninitialised() => new("身份证号码未经校验（默认值）。");
}
