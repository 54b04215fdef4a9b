using Jishi.App.Data;
using Jishi.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Organisations;

/// <summary>An organisation of the tree with the number of members in it and below it.</summary>
public sealed record OrgTreeNode(Organisation Org, int MemberCount);

/// <summary>The caller's whole organisation tree in tree order, with member counts (two queries).</summary>
public sealed class OrgTree(JishiDbContext db)
{
    public async Task<IReadOnlyList<OrgTreeNode>> Handle(CancellationToken ct = default)
    {
        var orgs = await db.Orgs.AsNoTracking().OrderBy(o => o.Path).ToListAsync(ct);
        var direct = await db.Members.AsNoTracking().GroupBy(m => m.OrgPath)
            .Select(g => new { Path = g.Key, Count = g.Count() }).ToListAsync(ct);
        // Add each organisation's own count to every ancestor on its path: O(organisations × depth).
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in direct)
        {
            for (var end = d.Path.IndexOf('/', 1); end > 0; end = d.Path.IndexOf('/', end + 1))
            {
                var prefix = d.Path[..(end + 1)];
                totals[prefix] = totals.GetValueOrDefault(prefix) + d.Count;
            }
        }

        return orgs.Select(o => new OrgTreeNode(o, totals.GetValueOrDefault(o.Path))).ToList();
    }
}
