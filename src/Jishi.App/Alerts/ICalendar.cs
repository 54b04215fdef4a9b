using System.Globalization;
using System.Text;

namespace Jishi.App.Alerts;

/// <summary>An all-day event of an iCalendar feed.</summary>
public sealed record CalendarEvent(string Uid, DateOnly Date, string Summary, string Description, string? Url = null);

/// <summary>
/// Writes an iCalendar (RFC 5545) document: CRLF line endings, TEXT values escaped (backslash, semicolon, comma,
/// newline), and content lines folded so that no line is longer than 75 octets of UTF-8 (a continuation line starts
/// with one space; a multi-byte character is never split).
/// </summary>
public static class ICalendar
{
    public const int MaxOctets = 75;

    public static string Write(string calendarName, DateTimeOffset stamp, IEnumerable<CalendarEvent> events)
    {
        var sb = new StringBuilder();
        var dtstamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Jishi//Jishi deadlines//ZH");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + EscapeText(calendarName));
        Line(sb, "X-WR-TIMEZONE:Asia/Shanghai");
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + EscapeText(e.Uid));
            Line(sb, "DTSTAMP:" + dtstamp);
            Line(sb, "DTSTART;VALUE=DATE:" + e.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line(sb, "DTEND;VALUE=DATE:" + e.Date.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line(sb, "SUMMARY:" + EscapeText(e.Summary));
            Line(sb, "DESCRIPTION:" + EscapeText(e.Description));
            if (e.Url is { Length: > 0 } url)
            {
                Line(sb, "URL:" + url);
            }

            Line(sb, "TRANSP:TRANSPARENT");
            Line(sb, "END:VEVENT");
        }

        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>Escapes a TEXT value (RFC 5545 §3.3.11): <c>\</c> <c>;</c> <c>,</c> and line breaks.</summary>
    public static string EscapeText(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case ';': sb.Append(@"\;"); break;
                case ',': sb.Append(@"\,"); break;
                case '\r' when i + 1 < value.Length && value[i + 1] == '\n': break;
                case '\r' or '\n': sb.Append(@"\n"); break;
                default:
                    if (!char.IsControl(c) || c == '\t')
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Folds one content line into lines of at most <see cref="MaxOctets"/> octets each (the leading space of
    /// a continuation line included), joined by CRLF, without splitting a character (or a surrogate pair).</summary>
    public static string Fold(string line)
    {
        var sb = new StringBuilder(line.Length + 16);
        var octets = 0;
        var i = 0;
        while (i < line.Length)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]) ? 2 : 1;
            var bytes = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + bytes > MaxOctets)
            {
                sb.Append("\r\n ");
                octets = 1;
            }

            sb.Append(line, i, width);
            octets += bytes;
            i += width;
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string line) => sb.Append(Fold(line)).Append("\r\n");
}
