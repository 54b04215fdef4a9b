using System.Text;
using Jishi.App.Alerts;

namespace Jishi.App.Tests.Alerts;

public sealed class ICalendarTests
{
    [Theory]
    [InlineData("a,b;c\\d", @"a\,b\;c\\d")]
    [InlineData("第一行\n第二行", @"第一行\n第二行")]
    [InlineData("x\r\ny", @"x\ny")]
    [InlineData("plain", "plain")]
    public void EscapeText_EscapesBackslashSemicolonCommaAndNewlines(string value, string expected) =>
        Assert.Equal(expected, ICalendar.EscapeText(value));

    [Fact]
    public void Fold_KeepsEveryLineWithin75Octets_AndNeverSplitsACharacter()
    {
        var line = "SUMMARY:" + string.Concat(Enumerable.Repeat("逾期：派人谈话 · 张三 😀 ", 12));

        var folded = ICalendar.Fold(line);

        var lines = folded.Split("\r\n");
        Assert.True(lines.Length > 1);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)}: {l}"));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l, StringComparison.Ordinal));
        Assert.Equal(line, lines[0] + string.Concat(lines.Skip(1).Select(l => l[1..])));
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(folded)));
    }

    [Fact]
    public void Fold_LeavesAShortLineAlone() => Assert.Equal("VERSION:2.0", ICalendar.Fold("VERSION:2.0"));

    [Fact]
    public void Write_UsesCrlf_AllDayDates_AndOneEventPerItem()
    {
        var text = ICalendar.Write("纪实", new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero),
        [
            new CalendarEvent("c1-R-07@jishi", new DateOnly(2026, 12, 1), "到期：谈话 · 张三", "规则：R-07"),
            new CalendarEvent("c2-R-08@jishi", new DateOnly(2026, 11, 1), "逾期：备案 · 李四", "规则：R-08"),
        ]);

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(2, text.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DTSTART;VALUE=DATE:20261201\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTEND;VALUE=DATE:20261202\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:20261122T020000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("UID:c2-R-08@jishi\r\n", text, StringComparison.Ordinal);
    }
}
