using Jishi.App.Data;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Alerts;

/// <summary>Unmet deadlines of open cases in scope that are overdue or due within <c>withinDays</c> of <c>asOf</c>,
/// answered from the indexed deadlines table, and the unmet obligations of the organisations in scope (OrgWARN) due
/// by then, from every <see cref="IOrgObligations"/> source.</summary>
public sealed class ListAlerts(JishiDbContext db, TimeProvider time)
{
    /// <summary>A deadline of a procedure (<see cref="CaseId"/> and <see cref="Kind"/>), or an organisation's own
    /// obligation (<see cref="Obligation"/>, no case).</summary>
    public sealed record Alert(string? CaseId, string Rule, DateOnly DueDate, bool Overdue,
        Domain.Procedures.ProcedureKind Kind = Domain.Procedures.ProcedureKind.DevelopmentCase, OrgObligation? Obligation = null);

    public async Task<IReadOnlyList<Alert>> Handle(string? orgId, DateOnly? asOf, int withinDays, CancellationToken ct = default)
    {
        if (withinDays is < 0 or > 366)
        {
            throw new InvalidInputException("withinDays", "应在 0 到 366 之间");
        }

        var day = asOf ?? ChinaTime.Today(time);
        var horizon = day.AddDays(withinDays);
        var deadlines = db.CaseDeadlines.AsNoTracking().Where(d => d.DueDate <= horizon);
        Organisation? org = null;
        if (!string.IsNullOrWhiteSpace(orgId))
        {
            org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
                ?? throw new NotFoundException("组织", orgId, "orgId");
            var upper = Organisation.SubtreeUpperBound(org.Path);
            deadlines = deadlines.Where(d => d.OrgPath.CompareTo(org.Path) >= 0 && d.OrgPath.CompareTo(upper) < 0);
        }

        var rows = await deadlines.OrderBy(d => d.DueDate).ThenBy(d => d.CaseId).Take(10_000).ToListAsync(ct);
        var alerts = rows.Select(d => new Alert(d.CaseId, d.Rule, d.DueDate, d.DueDate < day, d.Kind)).ToList();
        foreach (var source in OrgObligations.Sources)
        {
            alerts.AddRange((await source.DueBy(db, org, horizon, ct))
                .Select(o => new Alert(null, o.Rule, o.DueDate, o.DueDate < day, Obligation: o)));
        }

        return [.. alerts.OrderBy(a => a.DueDate).ThenBy(a => a.CaseId ?? a.Obligation!.OrgId, StringComparer.Ordinal)];
    }
}
