using Jishi.App.Data;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.OrgLife;

/// <summary>One type of meeting of one branch over a year: how many of its periods are met, missed, still open and
/// not (yet) due.</summary>
public sealed record OrgLifeTally(MeetingType Type, int Periods, int Met, int Missed, int Open, int NotDue);

/// <summary>One branch-like organisation's year of organisational life in a committee's overview.</summary>
public sealed record OrgLifeBranch(string OrgId, string Name, string Path, DateOnly? RecordedFrom, int Meetings, IReadOnlyList<OrgLifeTally> Tallies)
{
    public int Missed => Tallies.Sum(t => t.Missed);
}

/// <summary>A committee's (or a branch's own) overview: every branch-like organisation of the subtree with its tallies.</summary>
public sealed record OrgLifeSummary(string OrgId, int Year, IReadOnlyList<OrgLifeBranch> Branches);

/// <summary>
/// The L-01 matrix of every branch-like organisation under an organisation for one year, tallied per type (the
/// 组织生活 page of a committee: which branches missed what). One read of the subtree and the matrix's three reads.
/// </summary>
public sealed class GetOrgLifeSummary(JishiDbContext db, TimeProvider time)
{
    public async Task<OrgLifeSummary> Handle(string id, int? year, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var v = new Validation();
        var y = v.Year("year", year, today);
        v.ThrowIfInvalid();

        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("组织", id, "orgId");
        var upper = Organisation.SubtreeUpperBound(org.Path);
        var branches = await db.Orgs.AsNoTracking()
            .Where(o => o.Path.CompareTo(org.Path) >= 0 && o.Path.CompareTo(upper) < 0 && OrgTypes.BranchLike.Contains(o.Type))
            .OrderBy(o => o.Path).ToListAsync(ct);
        var (items, recordedFrom) = await GetOrgLife.For(db, branches, [y], today, ct);
        var (first, last) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        var counts = await db.Meetings.AsNoTracking().Where(m => m.OrgPath.CompareTo(org.Path) >= 0 && m.OrgPath.CompareTo(upper) < 0
                && m.Date >= first && m.Date <= last)
            .GroupBy(m => m.OrgPath).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byOrg = items.ToLookup(i => i.OrgId);
        // A meeting belongs to the nearest branch-like organisation above or at its organisation (a cell's to its branch).
        var byPath = branches.ToDictionary(b => b.Path, b => b.Id, StringComparer.Ordinal);
        var held = new Dictionary<string, int>();
        foreach (var c in counts)
        {
            for (var end = c.Key.Length - 1; end > 0; end = c.Key.LastIndexOf('/', end - 1))
            {
                if (byPath.TryGetValue(c.Key[..(end + 1)], out var branchId))
                {
                    held[branchId] = held.GetValueOrDefault(branchId) + c.Count;
                    break;
                }
            }
        }

        return new OrgLifeSummary(org.Id, y, [.. branches.Select(b => new OrgLifeBranch(b.Id, b.Name, b.Path,
            recordedFrom.TryGetValue(b.Id, out var f) && f != DateOnly.MaxValue ? f : null,
            held.GetValueOrDefault(b.Id),
            [.. byOrg[b.Id].GroupBy(i => i.Type).Select(g => new OrgLifeTally(g.Key, g.Count(), g.Count(i => i.State == PeriodState.Met),
                g.Count(i => i.State == PeriodState.Missed), g.Count(i => i.State == PeriodState.Open), g.Count(i => i.State == PeriodState.NotDue)))]))]);
    }
}
