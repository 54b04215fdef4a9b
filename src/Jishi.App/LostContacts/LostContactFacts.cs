using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.Domain.LostContacts;
using Jishi.Domain.Members;
using Jishi.Domain.Membership;
using Jishi.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.LostContacts;

/// <summary>Gathers what a lost-contact case's rules need: the member's organisation chain and the organisation a step names.</summary>
public sealed class LostContactFacts(JishiDbContext db, TimeProvider time)
{
    public sealed record Loaded(LostContactContext Context, Organisation MemberOrg);

    public async Task<Loaded> Load(Member member, string? namedOrgId, string? namedField, CancellationToken ct)
    {
        var memberOrg = await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == member.OrgId, ct);
        var chainIds = memberOrg.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse().ToList();
        var ids = chainIds.Concat(new[] { namedOrgId }.OfType<string>()).Distinct().ToList();
        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        if (namedOrgId is not null && !orgs.ContainsKey(namedOrgId))
        {
            throw new NotFoundException("组织", namedOrgId, namedField);
        }

        // X-07-no-restoration: how the membership ended, when the history says it did (劝退, 除名, 开除 …).
        var removed = await db.MemberHistory.IgnoreQueryFilters().AsNoTracking()
            .Where(h => h.MemberId == member.Id && h.Change == MembershipChange.Removed)
            .OrderByDescending(h => h.Date).Select(h => new { h.Date, h.Detail }).FirstOrDefaultAsync(ct);
        return new Loaded(new LostContactContext
        {
            EndedMembership = removed is null ? null : new EndedMembership(removed.Date, removed.Detail ?? "出党"),
            Today = ChinaTime.Today(time),
            MemberName = member.Name,
            MemberStatus = member.Status,
            MemberHasLeft = member.LeftDate is not null,
            MemberOrgChain = chainIds.Where(orgs.ContainsKey).Select(id => CaseFacts.ToFacts(orgs[id])).ToList(),
            NamedOrg = namedOrgId is null ? null : CaseFacts.ToFacts(orgs[namedOrgId]),
        }, memberOrg);
    }

    public static (string? Id, string? Field) NamedOrg(LostContactEvent e) => e switch
    {
        SuspensionDecided d => (d.DecidingOrgId, "decidingOrgId"),
        RemovalDecided d => (d.DecidingOrgId, "decidingOrgId"),
        SuspensionApproved a => (a.ApprovingOrgId, "approvingOrgId"),
        RestorationApproved a => (a.ApprovingOrgId, "approvingOrgId"),
        RemovalApproved a => (a.ApprovingOrgId, "approvingOrgId"),
        _ => (null, null),
    };
}
