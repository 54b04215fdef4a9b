using Jishi.Domain.Calendar;
using Jishi.Domain.Rules;
using static Jishi.Domain.Tests.Calendar.CalendarTestFiles;

namespace Jishi.Domain.Tests.Calendar;

public sealed class CalendarFileTests
{
    [Fact]
    public void ParseHolidayCn_Unpublished2027FileWithEmptyDays_IsInvalidInput()
    {
        var exception = Assert.Throws<InvalidInputException>(
            () => CalendarFile.ParseHolidayCn(File.ReadAllText(HolidayCnFile(2027))));
        var error = Assert.Single(exception.Errors);
        Assert.Equal("days", error.Field);
        Assert.Contains("2027 年", error.Message, StringComparison.Ordinal);
        Assert.Contains("尚未发布", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("{\"year\": 2026, \"days\": [}")]
    [InlineData("[]")]
    public void ParseHolidayCn_MalformedJson_IsInvalidInputOnJson(string json)
    {
        var exception = Assert.Throws<InvalidInputException>(() => CalendarFile.ParseHolidayCn(json));
        Assert.Equal("json", Assert.Single(exception.Errors).Field);
    }

    [Theory]
    [InlineData("""{"days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": true}]}""", "year")]
    [InlineData("""{"year": "2026", "days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": true}]}""", "year")]
    [InlineData("""{"year": 2026}""", "days")]
    [InlineData("""{"year": 2026, "days": {}}""", "days")]
    [InlineData("""{"year": 2026, "days": [{"name": "元旦", "date": "2026-02-30", "isOffDay": true}]}""", "days[0].date")]
    [InlineData("""{"year": 2026, "days": [{"name": "元旦", "date": "2026/01/01", "isOffDay": true}]}""", "days[0].date")]
    [InlineData("""{"year": 2026, "days": [{"name": "元旦", "date": "2025-05-01", "isOffDay": true}]}""", "days[0].date")]
    [InlineData("""{"year": 2026, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}""", "days[0].date")]
    [InlineData("""{"year": 2026, "days": [{"name": "元旦", "date": "2026-01-01"}]}""", "days[0].isOffDay")]
    [InlineData("""{"year": 2026, "days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": "yes"}]}""", "days[0].isOffDay")]
    [InlineData("""{"year": 2026, "days": [{"date": "2026-01-01", "isOffDay": true}]}""", "days[0].name")]
    [InlineData("""{"year": 2026, "days": [3]}""", "days[0]")]
    public void ParseHolidayCn_InvalidField_IsInvalidInputNamingTheField(string json, string field)
    {
        var exception = Assert.Throws<InvalidInputException>(() => CalendarFile.ParseHolidayCn(json));
        Assert.Equal(field, Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void ParseHolidayCn_DuplicateDate_IsInvalidInputOnTheSecondOccurrence()
    {
        const string json = """
            {"year": 2026, "days": [
              {"name": "国庆节", "date": "2026-10-01", "isOffDay": true},
              {"name": "国庆节", "date": "2026-10-02", "isOffDay": true},
              {"name": "国庆节", "date": "2026-10-01", "isOffDay": true}
            ]}
            """;
        var exception = Assert.Throws<InvalidInputException>(() => CalendarFile.ParseHolidayCn(json));
        var error = Assert.Single(exception.Errors);
        Assert.Equal("days[2].date", error.Field);
        Assert.Contains("2026-10-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseHolidayCn_SchemaIdAndPapers_AreIgnoredAndDaysSorted()
    {
        const string json = """
            {
              "$schema": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json",
              "$id": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/2026.json",
              "year": 2026,
              "papers": ["https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm"],
              "days": [
                {"name": "国庆节", "date": "2026-10-10", "isOffDay": false},
                {"name": "国庆节", "date": "2026-10-01", "isOffDay": true}
              ]
            }
            """;
        var year = Assert.Single(CalendarFile.ParseHolidayCn(json));
        Assert.Equal(2026, year.Year);
        Assert.Equal(
            [new CalendarDay(Date("2026-10-01"), "国庆节", true), new CalendarDay(Date("2026-10-10"), "国庆节", false)],
            year.Days);
    }

    [Fact]
    public void ParseHolidayCn_Real2026File_HasTheWorkedSpringFestivalSaturdays()
    {
        var year = Assert.Single(CalendarFile.ParseHolidayCn(File.ReadAllText(HolidayCnFile(2026))));
        Assert.Equal(2026, year.Year);
        Assert.Equal(39, year.Days.Count);
        Assert.Contains(new CalendarDay(Date("2026-02-14"), "春节", false), year.Days);
        Assert.Contains(new CalendarDay(Date("2026-02-28"), "春节", false), year.Days);
    }

    [Fact]
    public void ParseHolidayCn_2019NoticeReachingInto2018_ReturnsTheDecemberDaysAsA2018Entry()
    {
        var years = CalendarFile.ParseHolidayCn(File.ReadAllText(HolidayCnFile(2019)));

        Assert.Equal([2018, 2019], years.Select(y => y.Year));
        Assert.Equal(
            [
                new CalendarDay(Date("2018-12-29"), "元旦", false),
                new CalendarDay(Date("2018-12-30"), "元旦", true),
                new CalendarDay(Date("2018-12-31"), "元旦", true),
            ],
            years[0].Days);
        Assert.All(years[1].Days, d => Assert.Equal(2019, d.Date.Year));
    }

    [Fact]
    public void ParseHolidayCn_OnlyDaysOfThePreviousDecember_IsInvalidInput()
    {
        const string json = """{"year": 2019, "days": [{"name": "元旦", "date": "2018-12-30", "isOffDay": true}]}""";
        var exception = Assert.Throws<InvalidInputException>(() => CalendarFile.ParseHolidayCn(json));
        Assert.Equal("days", Assert.Single(exception.Errors).Field);
    }

    [Theory]
    [InlineData("""{"source": "x"}""", "years")]
    [InlineData("""{"years": []}""", "years")]
    [InlineData("""{"years": [{"days": [{"date": "2026-01-01", "name": "元旦", "isOffDay": true}]}]}""", "years[0].year")]
    [InlineData("""{"years": [{"year": 2027, "days": []}]}""", "years[0].days")]
    [InlineData("""{"years": [{"year": 2026, "days": [{"date": "2025-12-31", "name": "元旦", "isOffDay": true}]}]}""", "years[0].days[0].date")]
    [InlineData("""{"years": [{"year": 2026, "days": [{"date": "2026-01-01", "name": "元旦", "isOffDay": true}, {"date": "2026-01-01", "name": "元旦", "isOffDay": true}]}]}""", "years[0].days[1].date")]
    [InlineData("""{"years": [{"year": 2026, "days": [{"date": "2026-01-01", "name": "元旦", "isOffDay": true}]}, {"year": 2026, "days": [{"date": "2026-01-02", "name": "元旦", "isOffDay": true}]}]}""", "years[1].year")]
    [InlineData("""{"years": [{"year": 2025, "days": [{"date": "2025-01-01", "name": "元旦", "isOffDay": true}]}, {"year": 2026, "days": [{"date": "2026-01-01", "name": "元旦", "isOffDay": 1}]}]}""", "years[1].days[0].isOffDay")]
    [InlineData("{\"years\": [", "json")]
    public void ParseProjectFile_InvalidField_IsInvalidInputNamingTheField(string json, string field)
    {
        var exception = Assert.Throws<InvalidInputException>(() => CalendarFile.ParseProjectFile(json));
        Assert.Equal(field, Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void WriteProjectFile_ThenParseProjectFile_RoundTripsSortedYearsAndDays()
    {
        CalendarYear[] years =
        [
            new(2026,
            [
                new CalendarDay(Date("2026-10-10"), "国庆节", false),
                new CalendarDay(Date("2026-02-14"), "春节", false),
                new CalendarDay(Date("2026-10-01"), "国庆节", true),
            ]),
            new(2015, [new CalendarDay(Date("2015-09-03"), "抗日战争暨世界反法西斯战争胜利70周年纪念日 \"<&>\" \\", true)]),
        ];

        var written = CalendarFile.WriteProjectFile(years);
        var parsed = CalendarFile.ParseProjectFile(written);

        Assert.Equal([2015, 2026], parsed.Select(y => y.Year));
        Assert.Equal(years[1].Days, parsed[0].Days);
        Assert.Equal(years[0].Days.OrderBy(d => d.Date), parsed[1].Days);
        Assert.Contains("\"name\": \"春节\"", written, StringComparison.Ordinal);
        Assert.Contains(CalendarFile.OfficialSource, written, StringComparison.Ordinal);
        Assert.Equal(written, CalendarFile.WriteProjectFile(parsed));
    }

    [Fact]
    public void WriteProjectFile_ContradictoryDays_IsInvalidInput()
    {
        CalendarYear[] years =
        [
            new(2026, [new CalendarDay(Date("2026-10-10"), "国庆节", false)]),
            new(2026, [new CalendarDay(Date("2026-10-10"), "国庆节", true)]),
        ];
        var exception = Assert.Throws<InvalidInputException>(() => CalendarFile.WriteProjectFile(years));
        Assert.Equal("years[1].days[0].date", Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void OfficialCalendarFile_IsInTheCanonicalFormWriteProjectFileProduces()
    {
        var text = File.ReadAllText(OfficialCalendarPath);
        Assert.Equal(text, CalendarFile.WriteProjectFile(CalendarFile.ParseProjectFile(text)));
    }
}
