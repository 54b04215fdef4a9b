using Jishi.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Organisations;

/// <summary>The names of organisations a record names (a member's history names the organisations left behind,
/// outside the caller's scope now): names only, in one query.</summary>
public sealed class GetOrgNames(JishiDbContext db)
{
    public async Task<IReadOnlyDictionary<string, string>> Handle(IEnumerable<string> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        return wanted.Count == 0
            ? new Dictionary<string, string>()
            : await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }
}
