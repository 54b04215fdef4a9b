using Jishi.Domain.Rules;

namespace Jishi.App;

/// <summary>Collects field errors of one request and throws them together (HTTP 400).</summary>
public sealed class Validation
{
    private readonly List<FieldError> errors = [];
    private readonly List<Refusal> refusals = [];

    public bool IsValid => errors.Count == 0;

    public void Add(string field, string message) => errors.Add(new FieldError(field, message));

    /// <summary>A required text: present, not blank, at most <paramref name="maxLength"/> characters. Returns it trimmed.</summary>
    public string Required(string field, string? value, int maxLength, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"必须填写{label}");
            return "";
        }

        return Optional(field, value, maxLength, label) ?? "";
    }

    /// <summary>An optional text: trimmed, blank becomes null, at most <paramref name="maxLength"/> characters.</summary>
    public string? Optional(string field, string? value, int maxLength, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            Add(field, $"{label}不能超过 {maxLength} 个字符（实际 {trimmed.Length} 个）");
        }

        return trimmed;
    }

    public T Required<T>(string field, T? value, string label)
        where T : struct
    {
        if (value is null)
        {
            Add(field, $"必须填写{label}");
            return default;
        }

        return value.Value;
    }

    /// <summary>G-05-dates: no date of the record may lie after today (China time) — a rule's refusal (422), reported
    /// after any malformed input (400).</summary>
    public void NotAfterToday(string field, DateOnly? date, DateOnly today, string label)
    {
        if (date is { } d && d > today)
        {
            refusals.Add(Refusal.Block(RuleIds.G05Dates, "通用约定 G-05",
                $"{label}（{field}：{d:yyyy-MM-dd}）晚于今天（{today:yyyy-MM-dd}），不能记录未来的日期"));
        }
    }

    /// <summary>A year of the record (1921–9999); this year when none is given.</summary>
    public int Year(string field, int? year, DateOnly today)
    {
        if (year is < 1921 or > 9999)
        {
            Add(field, $"年度应为四位数字，填写的是 {year}");
        }

        return year ?? today.Year;
    }

    /// <summary>A rule's refusal found while checking the request (422), reported after any malformed input (400).</summary>
    public void Refuse(Refusal? refusal)
    {
        if (refusal is not null)
        {
            refusals.Add(refusal);
        }
    }

    public void ThrowIfInvalid()
    {
        if (errors.Count > 0)
        {
            throw new InvalidInputException([.. errors]);
        }

        if (refusals.Count > 0)
        {
            throw new RuleViolationException([.. refusals]);
        }
    }
}
