using Jishi.App.Data;
using Jishi.Domain.LostContacts;
using Jishi.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.LostContacts;

/// <summary>How long a member has been out of contact, in the bands of Table 43.</summary>
public enum LostContactDuration
{
    /// <summary>不满6个月.</summary>
    UnderSixMonths,

    /// <summary>6个月以上不满1年.</summary>
    SixMonthsToOneYear,

    /// <summary>1—5年.</summary>
    OneToFiveYears,

    /// <summary>6—10年.</summary>
    SixToTenYears,

    /// <summary>11年及以上.</summary>
    ElevenYearsOrMore,
}

/// <summary>The 失联党员 list: open cases (or a state asked for) of an organisation and everything below it, longest
/// lost first, with the duration band of Table 43 on a date.</summary>
public sealed class ListLostContacts(JishiDbContext db, TimeProvider time)
{
    public async Task<(IReadOnlyList<LostContactRecord> Items, int Total)> Handle(string? orgId, LostContactState? state, LostContactDuration? duration,
        int page, int pageSize, CancellationToken ct = default)
    {
        var rows = db.LostContacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(orgId))
        {
            var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) ?? throw new NotFoundException("组织", orgId, "orgId");
            var upper = Organisation.SubtreeUpperBound(org.Path);
            rows = rows.Where(r => r.OrgPath.CompareTo(org.Path) >= 0 && r.OrgPath.CompareTo(upper) < 0);
        }

        rows = state is null ? rows.Where(r => r.IsOpen) : rows.Where(r => r.State == state);
        if (duration is { } band)
        {
            var (from, to) = Band(band, ChinaTime.Today(time));
            rows = rows.Where(r => r.LostSinceDate <= from && r.LostSinceDate > to);
        }

        var total = await rows.CountAsync(ct);
        var items = await rows.OrderBy(r => r.LostSinceDate).ThenBy(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }

    /// <summary>The duration band of a member lost since <paramref name="since"/>, on <paramref name="today"/> (whole
    /// years and months, G-01/G-02).</summary>
    public static LostContactDuration DurationOf(DateOnly since, DateOnly today) =>
        today < since.AddMonths(6) ? LostContactDuration.UnderSixMonths
        : today < since.AddYears(1) ? LostContactDuration.SixMonthsToOneYear
        : today < since.AddYears(6) ? LostContactDuration.OneToFiveYears
        : today < since.AddYears(11) ? LostContactDuration.SixToTenYears
        : LostContactDuration.ElevenYearsOrMore;

    /// <summary>The lost-since dates of a band on <paramref name="today"/>: (latest inclusive, earliest exclusive).</summary>
    private static (DateOnly Latest, DateOnly EarliestExclusive) Band(LostContactDuration band, DateOnly today) => band switch
    {
        LostContactDuration.UnderSixMonths => (today, today.AddMonths(-6)),
        LostContactDuration.SixMonthsToOneYear => (today.AddMonths(-6), today.AddYears(-1)),
        LostContactDuration.OneToFiveYears => (today.AddYears(-1), today.AddYears(-6)),
        LostContactDuration.SixToTenYears => (today.AddYears(-6), today.AddYears(-11)),
        LostContactDuration.ElevenYearsOrMore => (today.AddYears(-11), DateOnly.MinValue),
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, null),
    };
}
