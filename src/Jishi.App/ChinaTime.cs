namespace Jishi.App;

/// <summary>China Standard Time (UTC+8, no daylight saving): legal dates are China local dates (G-05).</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());

    /// <summary>The China date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);
}
