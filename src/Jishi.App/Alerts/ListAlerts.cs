using Jishi.App.Data;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Alerts;

/// <summary>Unmet deadlines of open cases in scope that are overdue or due within <c>withinDays</c> of <c>asOf</c>,
/// answered from the indexed deadlines table.</summary>
public sealed class ListAlerts(JishiDbContext db, TimeProvider time)
{
    public sealed record Alert(string CaseId, string Rule, DateOnly DueDate, bool Overdue, Domain.Procedures.ProcedureKind Kind = Domain.Procedures.ProcedureKind.DevelopmentCase);

    public async Task<IReadOnlyList<Alert>> Handle(string? orgId, DateOnly? asOf, int withinDays, CancellationToken ct = default)
    {
        if (withinDays is < 0 or > 366)
        {
            throw new InvalidInputException("withinDays", "应在 0 到 366 之间");
        }

        var day = asOf ?? ChinaTime.Today(time);
        var horizon = day.AddDays(withinDays);
        var deadlines = db.CaseDeadlines.AsNoTracking().Where(d => d.DueDate <= horizon);
        if (!string.IsNullOrWhiteSpace(orgId))
        {
            var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
                ?? throw new NotFoundException("组织", orgId, "orgId");
            var upper = Organisation.SubtreeUpperBound(org.Path);
            deadlines = deadlines.Where(d => d.OrgPath.CompareTo(org.Path) >= 0 && d.OrgPath.CompareTo(upper) < 0);
        }

        var rows = await deadlines.OrderBy(d => d.DueDate).ThenBy(d => d.CaseId).Take(10_000).ToListAsync(ct);
        return rows.Select(d => new Alert(d.CaseId, d.Rule, d.DueDate, d.DueDate < day, d.Kind)).ToList();
    }
}
