using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Transfers;

/// <summary>What the form to issue a member's letter offers: the organisations above the member in the caller's scope
/// that may issue it (the nearest committee with approval authority first, T-03), and the organisations of the whole
/// system that may hold a relation (T-01), apart from the member's own.</summary>
public sealed record TransferOptions(IReadOnlyList<Choice> IssuingOrgs, IReadOnlyList<Choice> ToOrgs);

public sealed class TransferFormOptions(JishiDbContext db)
{
    /// <summary>At most this many receiving organisations are offered; another one is named by hand.</summary>
    public const int MaxToOrgs = 1000;

    public async Task<TransferOptions> Handle(Member member, CancellationToken ct = default)
    {
        var chainIds = member.OrgPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var chain = await db.Orgs.AsNoTracking().Where(o => chainIds.Contains(o.Id)).OrderByDescending(o => o.Depth).ToListAsync(ct);
        var issuing = chain.Where(o => RelationTransferRules.IsTransferAuthority(CaseFacts.ToFacts(o)))
            .Concat(chain.Where(o => !RelationTransferRules.IsTransferAuthority(CaseFacts.ToFacts(o))));
        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id != member.OrgId).OrderBy(o => o.Path)
            .Take(MaxToOrgs).ToListAsync(ct);
        var top = orgs.Count == 0 ? 0 : orgs.Min(o => o.Depth);
        return new TransferOptions(
            issuing.Select(o => new Choice(o.Id, o.Name + "（" + o.Type.Label() + "）")).ToList(),
            orgs.Where(o => RelationTransferRules.CanHoldRelation(CaseFacts.ToFacts(o)))
                .Select(o => new Choice(o.Id, new string('　', o.Depth - top) + o.Name + "（" + o.Type.Label() + "）")).ToList());
    }
}
