using Jishi.App.Data;
using Jishi.Domain.Members;
using Jishi.Domain.Membership;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Members;

/// <summary>The members of an organisation on a date, from the registry and the history (G-08, L-02): full and
/// probationary members whose relation was there that day (a transfer accepted on D moves it at the end of D, T-10),
/// who had joined by then and had not left, and were not under 停止党籍 (F-06).</summary>
public static class OrgRoster
{
    public static async Task<List<Member>> OnAsync(JishiDbContext db, string orgId, DateOnly date, CancellationToken ct)
    {
        var leftSince = db.MemberHistory.IgnoreQueryFilters()
            .Where(h => h.OrgId == orgId && h.Change == MembershipChange.TransferredOut && h.Date >= date).Select(h => h.MemberId);
        var candidates = await db.Members.IgnoreQueryFilters().AsNoTracking()
            .Where(m => (m.OrgId == orgId || leftSince.Contains(m.Id))
                && (m.ProbationStartDate <= date || (m.ProbationStartDate == null && m.PartyAgeStartDate <= date))
                && (((m.Status == MemberStatus.FullMember || m.Status == MemberStatus.ProbationaryMember) && m.LeftDate == null)
                    || m.LeftDate > date))
            .OrderBy(m => m.Name).ThenBy(m => m.Id).ToListAsync(ct);
        var ids = candidates.Select(m => m.Id).ToList();
        var moves = (await db.MemberHistory.IgnoreQueryFilters().AsNoTracking()
                .Where(h => ids.Contains(h.MemberId) && ((h.Change == MembershipChange.TransferredOut && h.Date >= date)
                    || ((h.Change == MembershipChange.Suspended || h.Change == MembershipChange.Restored) && h.Date <= date)))
                .ToListAsync(ct))
            .ToLookup(h => h.MemberId, h => new MembershipEntry(h.Date, h.Change, h.OrgId, h.Detail));
        return [.. candidates.Where(m => Relation.OrgOn(m.OrgId, moves[m.Id], date) == orgId && !Relation.IsSuspendedOn(moves[m.Id], date))];
    }
}
