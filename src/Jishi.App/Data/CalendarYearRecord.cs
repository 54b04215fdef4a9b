namespace Jishi.App.Data;

/// <summary>The official arrangements of one year as stored: the days as JSON in the project file format.</summary>
public sealed class CalendarYearRecord
{
    public int Year { get; init; }

    public required string DaysJson { get; set; }

    public required string Source { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}
