using Jishi.Domain.People;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.People;

public sealed class IdNumberTests
{
    private static readonly DateOnly Today = new(2026, 5, 20);

    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", "110105")] // the GB 11643-1999 example, check character X
    [InlineData("440306199003071232", "1990-03-07", "440306")] // check digit 2
    [InlineData("110105202402291233", "2024-02-29", "110105")] // 29 Feb in a leap year
    [InlineData("830000199001010012", "1990-01-01", "830000")] // 台湾居民居住证
    [InlineData("810000198005150022", "1980-05-15", "810000")] // 港澳居民居住证 (香港)
    [InlineData("650102200001010012", "2000-01-01", "650102")]
    public void Parse_WhenNumberIsValid_ExposesBirthDateAndRegionCode(string input, string birthDate, string regionCode)
    {
        var id = IdNumber.Parse(input, Today);

        Assert.Equal(input, id.Value);
        Assert.Equal(DateOnly.Parse(birthDate), id.BirthDate);
        Assert.Equal(regionCode, id.RegionCode);
    }

    [Fact]
    public void Parse_WhenCheckCharacterIsLowercaseX_NormalisesToUppercase()
    {
        var id = IdNumber.Parse("11010519491231002x", Today);

        Assert.Equal("11010519491231002X", id.Value);
        Assert.Equal(IdNumber.Parse("11010519491231002X", Today), id);
    }

    [Fact]
    public void Parse_WhenInputHasSurroundingSpaces_TrimsThem()
    {
        Assert.Equal("440306199003071232", IdNumber.Parse("  440306199003071232 ", Today).Value);
    }

    [Theory]
    [InlineData("11010519491231002", "11010519491231002X")]
    [InlineData("44030619900307123", "440306199003071232")]
    [InlineData("11010519900307000", "110105199003070009")]
    public void ComputeCheckDigit_ReturnsTheIso7064Mod112Character(string first17, string complete)
    {
        Assert.Equal(complete[17..], IdNumber.ComputeCheckDigit(first17));
        Assert.True(IdNumber.TryParse(first17 + IdNumber.ComputeCheckDigit(first17), Today, out _, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1101051949123100")]
    [InlineData("1101051949123100X1")]
    public void ComputeCheckDigit_WhenInputIsNotSeventeenDigits_Throws(string first17)
    {
        Assert.Throws<ArgumentException>(() => IdNumber.ComputeCheckDigit(first17));
    }

    [Fact]
    public void Parse_WhenCheckDigitIsWrong_NamesTheExpectedDigit()
    {
        var ex = Assert.Throws<InvalidInputException>(() => IdNumber.Parse("110105194912310021", Today));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("idNumber", error.Field);
        Assert.Contains("应为“X”", error.Message);
        Assert.Contains("实际为“1”", error.Message);
    }

    [Theory]
    [InlineData("44030619900307123", "17位")]
    [InlineData("4403061990030712320", "19位")]
    public void TryParse_WhenLengthIsNotEighteen_StatesTheActualLength(string input, string expectedFragment)
    {
        Assert.False(IdNumber.TryParse(input, Today, out _, out var error));
        Assert.Contains("应为18位", error);
        Assert.Contains(expectedFragment, error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_WhenInputIsMissing_SaysEighteenDigitsAreExpected(string? input)
    {
        Assert.False(IdNumber.TryParse(input, Today, out _, out var error));
        Assert.Contains("18位", error);
    }

    [Theory]
    [InlineData("4403061990O3071232", "第11位为“O”")]
    [InlineData("A40306199003071232", "第1位为“A”")]
    [InlineData("4403061990030712X2", "第17位为“X”")]
    public void TryParse_WhenFirstSeventeenContainALetter_NamesThePosition(string input, string expectedFragment)
    {
        Assert.False(IdNumber.TryParse(input, Today, out _, out var error));
        Assert.Contains("前17位应全部为数字", error);
        Assert.Contains(expectedFragment, error);
    }

    [Fact]
    public void TryParse_WhenLastCharacterIsNeitherDigitNorX_SaysSo()
    {
        Assert.False(IdNumber.TryParse("44030619900307123Y", Today, out _, out var error));
        Assert.Contains("应为数字或X", error);
        Assert.Contains("“Y”", error);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("10")]
    [InlineData("16")]
    [InlineData("84")]
    public void TryParse_WhenProvinceCodeIsNotInGbt2260_NamesTheCode(string province)
    {
        var first17 = province + "0306199003071230"[..15];
        var input = first17 + IdNumber.ComputeCheckDigit(first17);

        Assert.False(IdNumber.TryParse(input, Today, out _, out var error));
        Assert.Contains("省级行政区划代码", error);
        Assert.Contains($"实际为“{province}”", error);
    }

    [Theory]
    [InlineData("20250229")] // 2025 is not a leap year
    [InlineData("19000229")] // 1900 is not a leap year (century rule)
    [InlineData("19901301")]
    [InlineData("19900431")]
    [InlineData("19900000")]
    public void TryParse_WhenBirthDateIsNotARealDate_SaysSo(string yyyymmdd)
    {
        var first17 = "110105" + yyyymmdd + "123";
        var input = first17 + IdNumber.ComputeCheckDigit(first17);

        Assert.False(IdNumber.TryParse(input, Today, out _, out var error));
        Assert.Contains("有效的出生日期", error);
        Assert.Contains(yyyymmdd, error);
    }

    [Theory]
    [InlineData("20240229", "2026-05-20", true)]
    [InlineData("20000229", "2026-05-20", true)] // 2000 is a leap year
    [InlineData("20260520", "2026-05-20", true)] // born today
    [InlineData("20260521", "2026-05-20", false)] // born tomorrow
    [InlineData("20300101", "2026-05-20", false)]
    [InlineData("19000101", "2026-05-20", true)]
    [InlineData("18991231", "2026-05-20", false)]
    public void TryParse_BirthDateMustLieBetween1900AndToday(string yyyymmdd, string today, bool valid)
    {
        var first17 = "110105" + yyyymmdd + "123";
        var input = first17 + IdNumber.ComputeCheckDigit(first17);

        Assert.Equal(valid, IdNumber.TryParse(input, DateOnly.Parse(today), out var id, out var error));
        if (valid)
        {
            Assert.Equal(string.Empty, error);
            Assert.Equal(DateOnly.ParseExact(yyyymmdd, "yyyyMMdd"), id.BirthDate);
        }
        else
        {
            Assert.Contains("出生日期应不", error);
        }
    }

    [Fact]
    public void TryParse_WhenBirthDateIsInTheFuture_StatesTodayAndTheBirthDate()
    {
        var first17 = "11010520260521123";
        var input = first17 + IdNumber.ComputeCheckDigit(first17);

        Assert.False(IdNumber.TryParse(input, Today, out _, out var error));
        Assert.Contains("2026-05-20", error);
        Assert.Contains("2026-05-21", error);
    }

    [Theory]
    [InlineData("11010519491231001", Gender.Male)]
    [InlineData("11010519491231003", Gender.Male)]
    [InlineData("11010519491231009", Gender.Male)]
    [InlineData("11010519491231002", Gender.Female)]
    [InlineData("11010519491231000", Gender.Female)]
    [InlineData("11010519491231008", Gender.Female)]
    public void Gender_IsMaleWhenSeventeenthDigitIsOdd(string first17, Gender expected)
    {
        var id = IdNumber.Parse(first17 + IdNumber.ComputeCheckDigit(first17), Today);

        Assert.Equal(expected, id.Gender);
    }

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("440306199003071232", "440306********1232")]
    public void Masked_KeepsFirstSixAndLastFour(string input, string masked)
    {
        var id = IdNumber.Parse(input, Today);

        Assert.Equal(masked, id.Masked);
        Assert.Equal(masked, id.ToString());
    }

    [Fact]
    public void TryParse_WhenValid_ReturnsAnEmptyError()
    {
        Assert.True(IdNumber.TryParse("11010519491231002X", Today, out var id, out var error));
        Assert.Equal(string.Empty, error);
        Assert.Equal(Gender.Female, id.Gender);
    }
}
