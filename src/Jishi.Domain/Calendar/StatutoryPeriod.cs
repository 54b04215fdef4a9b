namespace Jishi.Domain.Calendar;

/// <summary>Calendar-month and calendar-year periods and inclusive deadlines (RULES.md §0.3).</summary>
public static class StatutoryPeriod
{
    /// <summary>
    /// G-01-calendar-month: "N个月" ends on the same day of the month N calendar months later, or on the last day of
    /// that month if it has no such day (2026-01-31 + 1 → 2026-02-28). Never 30-day blocks.
    /// </summary>
    public static DateOnly MonthsAfter(DateOnly baseDate, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        return baseDate.AddMonths(months);
    }

    /// <summary>G-02-year: "N年" = N calendar years; 29 February + 1 year → 28 February.</summary>
    public static DateOnly YearsAfter(DateOnly baseDate, int years)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        return baseDate.AddYears(years);
    }

    /// <summary>
    /// G-01 / G-04-boundaries: an act dated on the deadline itself is in time ("X以内" includes X); dates are local
    /// dates (G-05).
    /// </summary>
    public static bool IsOnOrBefore(DateOnly actual, DateOnly deadline) => actual <= deadline;
}
