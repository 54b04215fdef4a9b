namespace Jishi.Domain.Calendar;

/// <summary>
/// One day that an official holiday notice of 国务院办公厅 arranges (RULES.md G-03): a holiday
/// (<see cref="IsOffDay"/> = true, even on a weekday) or a 调休 working day (<see cref="IsOffDay"/> = false, a weekend
/// day that is worked). Days that no notice lists are working days iff Monday–Friday.
/// </summary>
public sealed record CalendarDay(DateOnly Date, string Name, bool IsOffDay);
