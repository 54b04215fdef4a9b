using System.Globalization;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Calendar;

/// <summary>
/// Working days under the national calendar (RULES.md G-03-working-days): Monday–Friday that are not holidays, plus
/// weekend days designated as 调休 working days, for the years whose 国务院办公厅 arrangements are loaded. Any
/// question about a date in a year that is not loaded is refused (<see cref="RuleViolationException"/>, rule
/// G-03-working-days); such a date is never counted as a plain weekday. Ranges are counted with per-year prefix sums,
/// so a count over many years costs one step per year.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>The rule id of RULES.md G-03.</summary>
    public const string RuleId = RuleIds.G03WorkingDays;

    private const string Article = "通用约定 G-03";
    private const int MaxYearsNamed = 5;

    private readonly Dictionary<int, YearTable> _years;

    /// <summary>
    /// Builds the calendar from the official arrangements; arrangements given for the same year are merged
    /// (<see cref="CalendarFile.Merge"/>), and contradictory or out-of-year days throw
    /// <see cref="InvalidInputException"/>.
    /// </summary>
    public WorkingDayCalendar(IEnumerable<CalendarYear> years)
    {
        _years = CalendarFile.Merge(years).ToDictionary(y => y.Year, y => new YearTable(y));
        LoadedYears = Array.AsReadOnly(_years.Keys.Order().ToArray());
    }

    /// <summary>The years whose official arrangements are loaded, ascending.</summary>
    public IReadOnlyCollection<int> LoadedYears { get; }

    /// <summary>Whether the official arrangements of <paramref name="year"/> are loaded.</summary>
    public bool IsLoaded(int year) => _years.ContainsKey(year);

    /// <summary>G-03: whether <paramref name="date"/> is a working day. Refused if its year is not loaded.</summary>
    public bool IsWorkingDay(DateOnly date) => Table(date.Year).IsWorkingDay(date.DayOfYear);

    /// <summary>
    /// G-03: the number of working days in the inclusive range [<paramref name="from"/>, <paramref name="to"/>].
    /// Refused if any year of the range is not loaded; <paramref name="from"/> after <paramref name="to"/> is invalid.
    /// </summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            throw new InvalidInputException("to", $"结束日期 {Iso(to)} 早于开始日期 {Iso(from)}");
        }

        RequireLoaded(from.Year, to.Year);
        if (from.Year == to.Year)
        {
            return _years[from.Year].CountBetween(from.DayOfYear, to.DayOfYear);
        }

        var count = _years[from.Year].CountFrom(from.DayOfYear) + _years[to.Year].CountUpTo(to.DayOfYear);
        for (var year = from.Year + 1; year < to.Year; year++)
        {
            count += _years[year].Total;
        }

        return count;
    }

    /// <summary>
    /// G-03 / G-05: the date on which a period of <paramref name="workingDays"/> working days that begins on
    /// <paramref name="start"/> ends. If <paramref name="start"/> is a working day it is day 1; otherwise day 1 is the
    /// next working day. Refused if the period reaches a year that is not loaded.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        if (workingDays < 1)
        {
            throw new InvalidInputException("workingDays", $"工作日数必须至少为 1，实为 {workingDays}");
        }

        var year = start.Year;
        // Working days of the period still to be found, counted from the first day of `year` (long: no overflow).
        long remaining = workingDays + (long)Table(year).CountUpTo(start.DayOfYear - 1);
        while (remaining > Table(year).Total)
        {
            remaining -= _years[year].Total;
            year++;
        }

        var dayOfYear = _years[year].DayOfNthWorkingDay((int)remaining);
        return new DateOnly(year, 1, 1).AddDays(dayOfYear - 1);
    }

    private YearTable Table(int year)
    {
        RequireLoaded(year, year);
        return _years[year];
    }

    private void RequireLoaded(int fromYear, int toYear)
    {
        var missing = new List<int>();
        for (var year = fromYear; year <= toYear; year++)
        {
            if (!_years.ContainsKey(year))
            {
                missing.Add(year);
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        var named = string.Join("、", missing.Take(MaxYearsNamed).Select(y => y.ToString(CultureInfo.InvariantCulture)));
        var years = missing.Count > MaxYearsNamed ? $"{named} 等 {missing.Count} 个" : named;
        throw new RuleViolationException(
            [Refusal.Block(RuleId, Article, $"{years} 年的国务院办公厅节假日安排尚未载入，无法计算工作日")]);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One year as prefix sums: <c>_before[i]</c> = working days among days-of-year 1..i.</summary>
    private sealed class YearTable
    {
        private readonly int[] _before;

        public YearTable(CalendarYear year)
        {
            var start = new DateOnly(year.Year, 1, 1);
            var length = DateTime.IsLeapYear(year.Year) ? 366 : 365;
            var arranged = year.Days.ToDictionary(d => d.Date.DayOfYear, d => !d.IsOffDay);
            _before = new int[length + 1];
            for (var dayOfYear = 1; dayOfYear <= length; dayOfYear++)
            {
                var working = arranged.TryGetValue(dayOfYear, out var listed)
                    ? listed
                    : start.AddDays(dayOfYear - 1).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
                _before[dayOfYear] = _before[dayOfYear - 1] + (working ? 1 : 0);
            }
        }

        public int Total => _before[^1];

        public bool IsWorkingDay(int dayOfYear) => _before[dayOfYear] > _before[dayOfYear - 1];

        public int CountUpTo(int dayOfYear) => _before[dayOfYear];

        public int CountFrom(int dayOfYear) => Total - _before[dayOfYear - 1];

        public int CountBetween(int fromDayOfYear, int toDayOfYear) => _before[toDayOfYear] - _before[fromDayOfYear - 1];

        /// <summary>The day-of-year of the <paramref name="n"/>th working day (1 ≤ n ≤ <see cref="Total"/>).</summary>
        public int DayOfNthWorkingDay(int n)
        {
            // The first index whose prefix sum reaches n; prefix sums are non-decreasing.
            var low = 1;
            var high = _before.Length - 1;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                if (_before[middle] >= n)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return low;
        }
    }
}
