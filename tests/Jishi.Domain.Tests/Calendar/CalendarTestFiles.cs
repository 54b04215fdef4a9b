using System.Globalization;
using System.Runtime.CompilerServices;
using Jishi.Domain.Calendar;

namespace Jishi.Domain.Tests.Calendar;

/// <summary>
/// The project's calendar file (src/Jishi.App/Calendar/official-calendar.json) and the holiday-cn facts
/// (../shared/data/holidays-cn beside the repository, or $JISHI_SHARED_DIR/data/holidays-cn), read from disk.
/// </summary>
internal static class CalendarTestFiles
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);
    private static readonly Lazy<WorkingDayCalendar> OfficialCalendar =
        new(() => new WorkingDayCalendar(CalendarFile.ParseProjectFile(File.ReadAllText(OfficialCalendarPath))));

    public static string RepositoryRoot => Root.Value;

    public static string OfficialCalendarPath =>
        Path.Combine(RepositoryRoot, "src", "Jishi.App", "Calendar", "official-calendar.json");

    public static string HolidayCnDirectory
    {
        get
        {
            var shared = Environment.GetEnvironmentVariable("JISHI_SHARED_DIR") is { Length: > 0 } overridden
                ? overridden
                : Path.Combine(RepositoryRoot, "..", "shared");
            var directory = Path.GetFullPath(Path.Combine(shared, "data", "holidays-cn"));
            return Directory.Exists(directory)
                ? directory
                : throw new DirectoryNotFoundException(
                    $"holiday-cn facts not found at {directory}; set JISHI_SHARED_DIR to the shared folder");
        }
    }

    /// <summary>The calendar the product ships, built from the project's calendar file.</summary>
    public static WorkingDayCalendar Official => OfficialCalendar.Value;

    public static string HolidayCnFile(int year) => Path.Combine(HolidayCnDirectory, $"{year}.json");

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FindRepositoryRoot()
    {
        // The build output normally lies inside the repository; with --artifacts-path elsewhere, fall back to the
        // location of this source file.
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(ThisSourceFile()) })
        {
            for (var directory = start is null ? null : new DirectoryInfo(start);
                 directory is not null;
                 directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Jishi.slnx")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"No folder containing Jishi.slnx above {AppContext.BaseDirectory}");
    }

    private static string ThisSourceFile([CallerFilePath] string path = "") => path;
}
