using Jishi.App.Data;
using Jishi.App.Disposals;
using Jishi.App.LostContacts;
using Jishi.App.Mobility;
using Jishi.App.Transfers;
using Jishi.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Members;

/// <summary>A member's open procedures: transfers, mobility records, lost-contact and disposal cases not yet closed.
/// They are read whichever side recorded them, as the member's flags are (<see cref="MemberFlags"/>).</summary>
public sealed record OpenProcedures(IReadOnlyList<TransferRecord> Transfers, IReadOnlyList<MobilityRecord> Mobility,
    IReadOnlyList<LostContactRecord> LostContacts)
{
    /// <summary>The member's open disposal cases (X-rules).</summary>
    public IReadOnlyList<DisposalRecord> Disposals { get; init; } = [];
}

/// <summary>The open procedures with the ids of those the caller may open (a transfer issued by the committee above
/// a branch lies outside the branch's scope).</summary>
public sealed record MemberProcedures(OpenProcedures Open, IReadOnlySet<string> Reachable);

/// <summary>The open procedures of a member already read in the caller's scope (<see cref="GetMember"/>), for the
/// member's page.</summary>
public sealed class ListMemberProcedures(JishiDbContext db)
{
    public async Task<MemberProcedures> Handle(Member member, CancellationToken ct = default)
    {
        var open = await Open(db, member.Id, ct);
        var ids = open.Transfers.Select(t => t.Id).Concat(open.Mobility.Select(r => r.Id)).Concat(open.LostContacts.Select(r => r.Id))
            .Concat(open.Disposals.Select(r => r.Id)).ToList();
        var reachable = ids.Count == 0 ? []
            : await db.Procedures.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        return new MemberProcedures(open, reachable.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The member's open transfers (newest first), mobility records, lost-contact and disposal cases, outside any scope.</summary>
    internal static async Task<OpenProcedures> Open(JishiDbContext db, string memberId, CancellationToken ct)
    {
        var transfers = await db.Transfers.IgnoreQueryFilters().AsNoTracking().Where(t => t.MemberId == memberId && t.IsOpen)
            .OrderByDescending(t => t.IssuedDate).ThenByDescending(t => t.Id).ToListAsync(ct);
        var mobility = await db.Mobility.IgnoreQueryFilters().AsNoTracking().Where(r => r.MemberId == memberId && r.IsOpen)
            .OrderByDescending(r => r.LeftDate).ToListAsync(ct);
        var lost = await db.LostContacts.IgnoreQueryFilters().AsNoTracking().Where(r => r.MemberId == memberId && r.IsOpen)
            .OrderByDescending(r => r.LostSinceDate).ToListAsync(ct);
        var disposals = await db.Disposals.IgnoreQueryFilters().AsNoTracking().Where(r => r.MemberId == memberId && r.IsOpen)
            .OrderByDescending(r => r.StartDate).ToListAsync(ct);
        return new OpenProcedures(transfers, mobility, lost) { Disposals = disposals };
    }
}
