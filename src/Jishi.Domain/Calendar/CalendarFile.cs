using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Calendar;

/// <summary>
/// Reads and writes official holiday arrangements (RULES.md G-03): the holiday-cn import format, one year per file
/// (<c>{"year": 2026, "days": [{"name", "date", "isOffDay"}]}</c>), and the project's own calendar file
/// (<c>{"source": "…", "years": [{"year", "days": [{"date", "name", "isOffDay"}]}]}</c>). Invalid input throws
/// <see cref="InvalidInputException"/> naming every offending field.
/// </summary>
public static class CalendarFile
{
    /// <summary>The <c>source</c> written into the project's calendar file unless another is given.</summary>
    public const string OfficialSource =
        "根据国务院办公厅历年《关于部分节假日安排的通知》（2013–2026 年）整理：放假日与调休上班日";

    private const string DateFormat = "yyyy-MM-dd";

    private static readonly JavaScriptEncoder ReadableEncoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// Parses one year in the holiday-cn format (<c>$schema</c>, <c>$id</c>, <c>papers</c> are ignored). A notice may
    /// arrange days at the end of December of the previous year (the 2019 notice arranges 2018-12-29..31 for 元旦);
    /// those days are returned as a separate, earlier <see cref="CalendarYear"/> that holds only them — it is not a
    /// complete year on its own and must be merged into that year's arrangements (<see cref="Merge"/>). The last
    /// entry is always the file's own year. A year with an empty <c>days</c> list is not yet published and is refused.
    /// </summary>
    public static IReadOnlyList<CalendarYear> ParseHolidayCn(string json)
    {
        using var document = ParseDocument(json);
        var root = document.RootElement;
        var errors = new List<FieldError>();
        var year = ReadYear(root, "year", errors);
        var days = ReadDays(root, "", year, allowPreviousDecember: true, errors);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var ownYear = year!.Value;
        var own = days!.Where(d => d.Date.Year == ownYear).ToArray();
        var previous = days!.Where(d => d.Date.Year != ownYear).ToArray();
        if (own.Length == 0)
        {
            throw new InvalidInputException("days", $"days 列表中没有 {ownYear} 年内的日期：该年的节假日安排不完整，不能载入");
        }

        return previous.Length == 0
            ? [new CalendarYear(ownYear, own)]
            : [new CalendarYear(ownYear - 1, previous), new CalendarYear(ownYear, own)];
    }

    /// <summary>
    /// Parses the project's own calendar file. Every year must be listed once, with a non-empty <c>days</c> list whose
    /// dates all lie in that year and are distinct. Years and days are returned sorted.
    /// </summary>
    public static IReadOnlyList<CalendarYear> ParseProjectFile(string json)
    {
        using var document = ParseDocument(json);
        var root = document.RootElement;
        var errors = new List<FieldError>();
        if (!root.TryGetProperty("years", out var yearsElement))
        {
            throw new InvalidInputException("years", "缺少年份列表 years");
        }

        if (yearsElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInputException("years", "years 必须是列表");
        }

        if (yearsElement.GetArrayLength() == 0)
        {
            throw new InvalidInputException("years", "years 列表为空：日历文件至少要包含一个年份");
        }

        var result = new List<CalendarYear>();
        var seenYears = new Dictionary<int, int>();
        var index = 0;
        foreach (var yearElement in yearsElement.EnumerateArray())
        {
            var prefix = $"years[{index}]";
            if (yearElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError(prefix, "每个年份必须是 JSON 对象"));
            }
            else
            {
                var year = ReadYear(yearElement, $"{prefix}.year", errors);
                if (year is { } y && !seenYears.TryAdd(y, index))
                {
                    errors.Add(new FieldError($"{prefix}.year", $"{y} 年重复（与 years[{seenYears[y]}] 相同）"));
                }

                var days = ReadDays(yearElement, $"{prefix}.", year, allowPreviousDecember: false, errors);
                if (year is { } valid && days is not null)
                {
                    result.Add(new CalendarYear(valid, days));
                }
            }

            index++;
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return [.. result.OrderBy(y => y.Year)];
    }

    /// <summary>Writes the project's calendar file with <see cref="OfficialSource"/> as its source.</summary>
    public static string WriteProjectFile(IEnumerable<CalendarYear> years) => WriteProjectFile(years, OfficialSource);

    /// <summary>
    /// Writes the project's calendar file in its canonical form: years merged (<see cref="Merge"/>) and sorted, one
    /// day per line sorted by date, two-space indentation, LF line ends, Chinese unescaped.
    /// </summary>
    public static string WriteProjectFile(IEnumerable<CalendarYear> years, string source)
    {
        var merged = Merge(years);
        if (merged.Count == 0)
        {
            throw new InvalidInputException("years", "日历文件至少要包含一个年份");
        }

        var text = new StringBuilder();
        text.Append("{\n  \"source\": ").Append(Quote(source)).Append(",\n  \"years\": [\n");
        for (var i = 0; i < merged.Count; i++)
        {
            var year = merged[i];
            text.Append("    {\n      \"year\": ").Append(year.Year.ToString(CultureInfo.InvariantCulture))
                .Append(",\n      \"days\": [\n");
            for (var j = 0; j < year.Days.Count; j++)
            {
                var day = year.Days[j];
                text.Append("        { \"date\": \"").Append(day.Date.ToString(DateFormat, CultureInfo.InvariantCulture))
                    .Append("\", \"name\": ").Append(Quote(day.Name))
                    .Append(", \"isOffDay\": ").Append(day.IsOffDay ? "true" : "false")
                    .Append(j < year.Days.Count - 1 ? " },\n" : " }\n");
            }

            text.Append(i < merged.Count - 1 ? "      ]\n    },\n" : "      ]\n    }\n");
        }

        text.Append("  ]\n}\n");
        return text.ToString();
    }

    /// <summary>
    /// Merges arrangements given for the same year (e.g. the project file plus a holiday-cn import whose notice reaches
    /// into the previous December). A date listed twice with the same meaning is kept once; a date listed once as a
    /// holiday and once as a working day, a date outside its year, or a year without days is refused. Returns one
    /// <see cref="CalendarYear"/> per year, sorted, with days sorted by date.
    /// </summary>
    public static IReadOnlyList<CalendarYear> Merge(IEnumerable<CalendarYear> years)
    {
        var errors = new List<FieldError>();
        var byYear = new SortedDictionary<int, SortedDictionary<DateOnly, CalendarDay>>();
        var index = 0;
        foreach (var year in years)
        {
            var prefix = $"years[{index}]";
            index++;
            if (year.Year is < 1 or > 9999)
            {
                errors.Add(new FieldError($"{prefix}.year", $"年份 {year.Year} 无效，必须在 1 到 9999 之间"));
                continue;
            }

            if (year.Days.Count == 0)
            {
                errors.Add(new FieldError($"{prefix}.days", EmptyDaysMessage(year.Year)));
            }

            if (!byYear.TryGetValue(year.Year, out var days))
            {
                days = [];
                byYear.Add(year.Year, days);
            }

            for (var j = 0; j < year.Days.Count; j++)
            {
                var day = year.Days[j];
                var field = $"{prefix}.days[{j}].date";
                if (day.Date.Year != year.Year)
                {
                    errors.Add(new FieldError(field, $"日期 {Iso(day.Date)} 不在 {year.Year} 年内"));
                }
                else if (!days.TryGetValue(day.Date, out var existing))
                {
                    days.Add(day.Date, day);
                }
                else if (existing.IsOffDay != day.IsOffDay)
                {
                    errors.Add(new FieldError(field, $"日期 {Iso(day.Date)} 的安排互相矛盾：一处为放假，一处为调休上班"));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return [.. byYear.Select(pair => new CalendarYear(pair.Key, [.. pair.Value.Values]))];
    }

    private static JsonDocument ParseDocument(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var position = (exception.BytePositionInLine ?? 0) + 1;
            throw new InvalidInputException("json", $"不是有效的 JSON（第 {line} 行第 {position} 个字节附近）：{exception.Message}");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new InvalidInputException("json", "顶层必须是 JSON 对象");
        }

        return document;
    }

    private static int? ReadYear(JsonElement owner, string field, List<FieldError> errors)
    {
        if (!owner.TryGetProperty("year", out var element))
        {
            errors.Add(new FieldError(field, "缺少年份 year"));
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var year) || year is < 1 or > 9999)
        {
            errors.Add(new FieldError(field, $"年份必须是 1 到 9999 之间的整数，实为 {element.GetRawText()}"));
            return null;
        }

        return year;
    }

    private static List<CalendarDay>? ReadDays(
        JsonElement owner, string prefix, int? year, bool allowPreviousDecember, List<FieldError> errors)
    {
        var field = $"{prefix}days";
        if (!owner.TryGetProperty("days", out var element))
        {
            errors.Add(new FieldError(field, "缺少日期列表 days"));
            return null;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new FieldError(field, "days 必须是列表"));
            return null;
        }

        if (element.GetArrayLength() == 0)
        {
            errors.Add(new FieldError(field, year is { } y ? EmptyDaysMessage(y) : "days 列表为空"));
            return null;
        }

        var days = new List<CalendarDay>();
        var seen = new Dictionary<DateOnly, int>();
        var errorCount = errors.Count;
        var index = 0;
        foreach (var dayElement in element.EnumerateArray())
        {
            var path = $"{field}[{index}]";
            if (dayElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError(path, "每一天必须是 JSON 对象"));
                index++;
                continue;
            }

            var date = ReadDate(dayElement, $"{path}.date", year, allowPreviousDecember, errors);
            if (date is { } d && !seen.TryAdd(d, index))
            {
                errors.Add(new FieldError($"{path}.date", $"日期 {Iso(d)} 重复（与 {field}[{seen[d]}] 相同）"));
            }

            string? name = null;
            if (!dayElement.TryGetProperty("name", out var nameElement)
                || nameElement.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(name = nameElement.GetString()))
            {
                errors.Add(new FieldError($"{path}.name", "缺少节日名称 name"));
            }

            bool? isOffDay = null;
            if (dayElement.TryGetProperty("isOffDay", out var offElement)
                && offElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                isOffDay = offElement.GetBoolean();
            }
            else
            {
                errors.Add(new FieldError($"{path}.isOffDay", "isOffDay 必须是 true（放假）或 false（调休上班）"));
            }

            if (date is { } validDate && name is not null && isOffDay is { } off)
            {
                days.Add(new CalendarDay(validDate, name, off));
            }

            index++;
        }

        return errors.Count > errorCount ? null : [.. days.OrderBy(d => d.Date)];
    }

    private static DateOnly? ReadDate(
        JsonElement day, string field, int? year, bool allowPreviousDecember, List<FieldError> errors)
    {
        if (!day.TryGetProperty("date", out var element) || element.ValueKind != JsonValueKind.String)
        {
            errors.Add(new FieldError(field, "缺少日期 date（格式 YYYY-MM-DD）"));
            return null;
        }

        var text = element.GetString();
        if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new FieldError(field, $"日期 \"{text}\" 不是 YYYY-MM-DD 格式的有效日期"));
            return null;
        }

        if (year is not { } y)
        {
            return date;
        }

        var inPreviousDecember = allowPreviousDecember && date.Year == y - 1 && date.Month == 12;
        if (date.Year != y && !inPreviousDecember)
        {
            errors.Add(new FieldError(field, allowPreviousDecember
                ? $"日期 {Iso(date)} 不在 {y} 年内（通知只可能延伸到上一年 12 月）"
                : $"日期 {Iso(date)} 不在 {y} 年内"));
            return null;
        }

        return date;
    }

    private static string EmptyDaysMessage(int year) =>
        $"{year} 年的 days 列表为空：该年的国务院办公厅节假日安排尚未发布，不能载入";

    private static string Iso(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string Quote(string value) => $"\"{JsonEncodedText.Encode(value, ReadableEncoder)}\"";
}
