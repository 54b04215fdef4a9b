using System.Reflection;
using Jishi.App.Data;
using Jishi.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Calendar;

/// <summary>
/// The official working-day calendar in force (G-03), held in memory for every rule that counts working days.
/// Built from the database's <c>calendar_years</c>; the project ships the years 2013–2026 and imports later ones.
/// </summary>
public sealed class OfficialCalendar
{
    private volatile WorkingDayCalendar current = new([]);

    public WorkingDayCalendar Current => current;

    /// <summary>The years the project ships (compiled from the State Council's notices).</summary>
    public static IReadOnlyList<CalendarYear> ShippedYears()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Jishi.official-calendar.json")
            ?? throw new InvalidOperationException("official-calendar.json is not embedded");
        using var reader = new StreamReader(stream);
        return CalendarFile.ParseProjectFile(reader.ReadToEnd());
    }

    /// <summary>Stores the shipped years the database lacks, then loads every stored year.</summary>
    public async Task InitialiseAsync(JishiDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        var stored = await db.CalendarYears.Select(c => c.Year).ToListAsync(ct);
        var missing = ShippedYears().Where(y => !stored.Contains(y.Year)).ToList();
        foreach (var year in missing)
        {
            db.CalendarYears.Add(new CalendarYearRecord
            {
                Year = year.Year,
                DaysJson = CalendarFile.WriteProjectFile([year]),
                Source = CalendarFile.OfficialSource,
                ImportedAt = time.GetUtcNow(),
            });
        }

        if (missing.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        await ReloadAsync(db, ct);
    }

    public async Task ReloadAsync(JishiDbContext db, CancellationToken ct = default)
    {
        var rows = await db.CalendarYears.AsNoTracking().ToListAsync(ct);
        current = new WorkingDayCalendar(rows.SelectMany(r => CalendarFile.ParseProjectFile(r.DaysJson)));
    }
}

/// <summary>Imports one newly published year in the holiday-cn JSON format (replacing a stored one).</summary>
public sealed class ImportCalendarYear(JishiDbContext db, OfficialCalendar calendar, TimeProvider time)
{
    public async Task<CalendarYear> Handle(string json, string? source = null, CancellationToken ct = default)
    {
        Accounts.Accounts.EnsureAdmin(db.Caller);
        var years = CalendarFile.ParseHolidayCn(json);
        var own = years.MaxBy(y => y.Year)!;
        foreach (var year in years)
        {
            var record = await db.CalendarYears.FirstOrDefaultAsync(c => c.Year == year.Year, ct);
            if (year != own)
            {
                // A notice may list late-December days of the year before (e.g. 2019's lists 2018-12-29..31):
                // they amend that year when it is loaded, and cannot make an unloaded year count as loaded.
                if (record is null)
                {
                    continue;
                }

                var days = CalendarFile.ParseProjectFile(record.DaysJson).SelectMany(y => y.Days)
                    .ToDictionary(d => d.Date);
                foreach (var day in year.Days)
                {
                    days[day.Date] = day;
                }

                record.DaysJson = CalendarFile.WriteProjectFile([new CalendarYear(year.Year, [.. days.Values.OrderBy(d => d.Date)])]);
                record.ImportedAt = time.GetUtcNow();
                continue;
            }

            if (record is null)
            {
                record = new CalendarYearRecord { Year = year.Year, DaysJson = "", Source = "" };
                db.CalendarYears.Add(record);
            }

            record.DaysJson = CalendarFile.WriteProjectFile([year]);
            record.Source = source ?? "导入";
            record.ImportedAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        await calendar.ReloadAsync(db, ct);
        return own;
    }
}
