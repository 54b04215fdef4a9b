using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Transfers;

/// <summary>Gathers what a transfer's rules need in a few queries: the member, the issuing organisation, the
/// receiving organisation's chain and the organisations a step names. Organisations on the other side lie outside
/// the caller's scope: only their facts are used.</summary>
public sealed class TransferFacts(JishiDbContext db, TimeProvider time)
{
    /// <summary>The organisations a step concerns as loaded for its rules, reused by the use case (paths, names).</summary>
    public sealed record Loaded(TransferContext Context, Organisation Issuing, Organisation? To, IReadOnlyDictionary<string, Organisation> Orgs);

    public async Task<Loaded> Load(Member member, string issuingOrgId, string? toOrgId, string? acceptingOrgId, string? branchId,
        CancellationToken ct)
    {
        var issuing = await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Id == issuingOrgId, ct)
            ?? throw new NotFoundException("组织", issuingOrgId, "issuingOrgId");
        Organisation? to = toOrgId is null ? null
            : await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Id == toOrgId, ct)
              ?? throw new NotFoundException("组织", toOrgId, "toOrgId");
        var chainIds = to?.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse().ToList() ?? [];
        var named = new[] { ("acceptingOrgId", acceptingOrgId), ("branchId", branchId) };
        var ids = chainIds.Concat(named.Select(n => n.Item2).OfType<string>()).Append(member.OrgId).Distinct().ToList();
        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        foreach (var (field, id) in named)
        {
            if (id is not null && !orgs.ContainsKey(id))
            {
                throw new NotFoundException("组织", id, field);
            }
        }

        var facts = orgs.Values.Select(CaseFacts.ToFacts).ToDictionary(o => o.Id);
        facts[issuing.Id] = CaseFacts.ToFacts(issuing);
        var branchUnder = branchId is null || (to is not null && orgs[branchId].Path.StartsWith(to.Path, StringComparison.Ordinal));

        orgs[issuing.Id] = issuing;
        var today = ChinaTime.Today(time);
        var book = await Dues.DuesBook.LoadAsync(db, [member.Id], ct);
        var ledger = Dues.RecordDuesPayment.FirstDueMonth(member) is { } first
            ? book.PaidThrough(member.Id, first, Domain.Dues.DuesMonth.Of(today).AddMonths(24))
            : null;
        var context = new TransferContext
        {
            Today = today,
            LedgerPaidThrough = ledger?.FirstDay,
            MemberName = member.Name,
            MemberStatus = member.Status,
            MemberOrgId = member.OrgId,
            MemberUnderIssuingOrg = member.OrgPath.StartsWith(issuing.Path, StringComparison.Ordinal),
            MemberHasLeft = member.LeftDate is not null,
            IssuingOrg = CaseFacts.ToFacts(issuing),
            ToOrgChain = chainIds.Where(facts.ContainsKey).Select(id => facts[id]).ToList(),
            Orgs = facts,
            BranchUnderToOrg = branchUnder,
        };
        return new Loaded(context, issuing, to, orgs);
    }
}
