using Jishi.App.Data;
using Jishi.Domain.Disposals;
using Jishi.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Disposals;

/// <summary>The disposal register of an organisation and everything below it (or of the whole scope), by state and
/// measure, newest first. Counts only, never a ratio (X-08-no-quota).</summary>
public sealed class ListDisposals(JishiDbContext db)
{
    public async Task<(IReadOnlyList<DisposalRecord> Items, int Total)> Handle(string? orgId, DisposalState? state, DisposalMeasure? measure,
        int page, int pageSize, CancellationToken ct = default)
    {
        var rows = db.Disposals.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(orgId))
        {
            var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) ?? throw new NotFoundException("组织", orgId, "orgId");
            var upper = Organisation.SubtreeUpperBound(org.Path);
            rows = rows.Where(r => r.OrgPath.CompareTo(org.Path) >= 0 && r.OrgPath.CompareTo(upper) < 0);
        }

        if (state is not null)
        {
            rows = rows.Where(r => r.State == state);
        }

        if (measure is not null)
        {
            rows = rows.Where(r => r.Measure == measure);
        }

        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(r => r.StartDate).ThenByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }
}
