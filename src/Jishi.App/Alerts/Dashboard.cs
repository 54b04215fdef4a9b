using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Alerts;

/// <summary>The figures of the start page (工作台) for the caller's scope.</summary>
/// <param name="OpenByStage">Open cases per stage (every stage present, zero when none).</param>
/// <param name="Overdue">Outstanding deadlines of open cases already past on <paramref name="AsOf"/>.</param>
/// <param name="DueSoon">Outstanding deadlines due from <paramref name="AsOf"/> to <paramref name="AsOf"/> + <paramref name="WithinDays"/>.</param>
/// <param name="Recent">The last recorded steps, newest first.</param>
public sealed record DashboardFigures(
    DateOnly AsOf,
    int WithinDays,
    IReadOnlyDictionary<DevelopmentStage, int> OpenByStage,
    int Overdue,
    int DueSoon,
    IReadOnlyList<RecentStep> Recent);

/// <summary>One recorded step of a case in scope: the step's date, the person, the step, who recorded it and when.</summary>
public sealed record RecentStep(string CaseId, int Seq, string PersonName, CaseEventType Type, DateOnly Date,
    string RecordedByName, DateTimeOffset RecordedAt);

/// <summary>
/// The start page's figures in three queries, each limited to the caller's scope by the context's filters: open cases
/// grouped by stage, the overdue and due-soon counts on the indexed <c>case_deadlines</c> table, and the last recorded
/// events joined to the (filtered) cases — events carry no organisation path of their own.
/// </summary>
public sealed class Dashboard(JishiDbContext db, TimeProvider time)
{
    public const int DefaultWithinDays = 14;

    public const int RecentCount = 10;

    public async Task<DashboardFigures> Handle(DateOnly? asOf = null, int withinDays = DefaultWithinDays, CancellationToken ct = default)
    {
        if (withinDays is < 0 or > 366)
        {
            throw new InvalidInputException("withinDays", "应在 0 到 366 之间");
        }

        var day = asOf ?? ChinaTime.Today(time);
        var horizon = day.AddDays(withinDays);

        var byStage = await db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Open)
            .GroupBy(c => c.Stage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToListAsync(ct);
        var open = Enum.GetValues<DevelopmentStage>().ToDictionary(s => s, s => byStage.Where(x => x.Stage == s).Sum(x => x.Count));

        var deadlines = await db.CaseDeadlines.AsNoTracking().Where(d => d.DueDate <= horizon)
            .GroupBy(d => d.DueDate < day)
            .Select(g => new { Overdue = g.Key, Count = g.Count() }).ToListAsync(ct);
        var overdue = deadlines.Where(x => x.Overdue).Sum(x => x.Count);
        var dueSoon = deadlines.Where(x => !x.Overdue).Sum(x => x.Count);

        var steps = from e in db.CaseEvents.AsNoTracking()
                    join c in db.Cases.AsNoTracking() on e.CaseId equals c.Id
                    select new { e, c.PersonName };
        // SQLite cannot order by a DateTimeOffset column; its stored text (always UTC, "+00:00") orders the same way.
        var ordered = db.Database.IsSqlite()
            ? steps.OrderByDescending(x => x.e.RecordedAt.ToString()).ThenByDescending(x => x.e.CaseId).ThenByDescending(x => x.e.Seq)
            : steps.OrderByDescending(x => x.e.RecordedAt).ThenByDescending(x => x.e.CaseId).ThenByDescending(x => x.e.Seq);
        var recent = await ordered.Take(RecentCount)
            .Select(x => new RecentStep(x.e.CaseId, x.e.Seq, x.PersonName, x.e.Type, x.e.Date, x.e.RecordedByName, x.e.RecordedAt))
            .ToListAsync(ct);

        return new DashboardFigures(day, withinDays, open, overdue, dueSoon, recent);
    }
}

/// <summary>An alert row for the alerts page: <see cref="ListAlerts"/>' deadline with the person's name.</summary>
/// <param name="PersonName">The person the case is about, or for an organisation's obligation the organisation.</param>
public sealed record AlertRow(string CaseId, string Rule, DateOnly DueDate, bool Overdue, string PersonName, int DaysFromAsOf,
    Domain.Procedures.ProcedureKind Kind = Domain.Procedures.ProcedureKind.DevelopmentCase, OrgObligation? Obligation = null);

/// <summary>The alerts of <see cref="ListAlerts"/> (overdue and due soon, sorted by due date) with the names of the
/// people concerned, looked up in one more query on the (filtered) cases.</summary>
public sealed class ListAlertRows(JishiDbContext db, ListAlerts alerts, TimeProvider time)
{
    public async Task<IReadOnlyList<AlertRow>> Handle(string? orgId, DateOnly? asOf, int withinDays, CancellationToken ct = default)
    {
        var day = asOf ?? ChinaTime.Today(time);
        var items = await alerts.Handle(orgId, day, withinDays, ct);
        if (items.Count == 0)
        {
            return [];
        }

        var ids = items.Select(a => a.CaseId).OfType<string>().Distinct().ToList();
        var names = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.PersonName }).ToDictionaryAsync(c => c.Id, c => c.PersonName, ct);
        foreach (var p in await db.Procedures.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
        {
            names[p.Id] = p.Title;
        }

        return items.Select(a => new AlertRow(a.CaseId ?? "", a.Rule, a.DueDate, a.Overdue,
                a.Obligation?.OrgName ?? names.GetValueOrDefault(a.CaseId!, ""), a.DueDate.DayNumber - day.DayNumber, a.Kind, a.Obligation))
            .OrderBy(a => a.DueDate).ThenBy(a => a.PersonName, StringComparer.Ordinal).ThenBy(a => a.Rule, StringComparer.Ordinal)
            .ToList();
    }
}
