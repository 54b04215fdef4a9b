using System.Globalization;
using Jishi.Domain.People;

namespace Jishi.Web.Tests;

/// <summary>Valid 18-character 居民身份证号码 for tests (GB 11643 check digit computed by the domain).</summary>
public static class IdNumbers
{
    private static int next;

    /// <summary>The number with these first 17 digits and its correct check digit.</summary>
    public static string With(string first17) => first17 + IdNumber.ComputeCheckDigit(first17);

    /// <summary>A valid number not handed out before in this test run (region 320102, born 1990-05-01 onwards).</summary>
    public static string Unique()
    {
        var n = Interlocked.Increment(ref next);
        var birth = new DateOnly(1990, 5, 1).AddDays(n / 1000);
        return With("320102" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (n % 1000).ToString("000", CultureInfo.InvariantCulture));
    }

    /// <summary>A valid number of region 110105 ending in 1234 (sequence 123, check digit 4): masked 110105********1234.</summary>
    public static string EndingIn1234()
    {
        for (var birth = new DateOnly(1985, 1, 1); ; birth = birth.AddDays(1))
        {
            var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "123";
            if (IdNumber.ComputeCheckDigit(first17) == "4")
            {
                return first17 + "4";
            }
        }
    }
}
