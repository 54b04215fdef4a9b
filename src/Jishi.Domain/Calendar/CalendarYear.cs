namespace Jishi.Domain.Calendar;

/// <summary>
/// The official holiday and 调休 arrangements of one calendar year (RULES.md G-03): every listed day lies in
/// <see cref="Year"/>. A year whose notice is not yet published has no <see cref="CalendarYear"/> at all.
/// </summary>
public sealed record CalendarYear(int Year, IReadOnlyList<CalendarDay> Days);
