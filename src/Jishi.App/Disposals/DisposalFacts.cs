using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.Domain.Disposals;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Disposals;

/// <summary>Gathers what a disposal case's rules need: the member's organisation chain, the organisation a step names,
/// the matters of the member's sanctions and, for an assembly decision, the branch's voters on its date (G-08).</summary>
public sealed class DisposalFacts(JishiDbContext db, TimeProvider time)
{
    public sealed record Loaded(DisposalContext Context, Organisation MemberOrg);

    public async Task<Loaded> Load(Member member, DisposalEvent step, DateOnly date, CancellationToken ct)
    {
        var (namedOrgId, namedField) = NamedOrg(step);
        var memberOrg = await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == member.OrgId, ct);
        var chainIds = memberOrg.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse().ToList();
        var ids = chainIds.Concat(new[] { namedOrgId }.OfType<string>()).Distinct().ToList();
        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        if (namedOrgId is not null && !orgs.ContainsKey(namedOrgId))
        {
            throw new NotFoundException("组织", namedOrgId, namedField);
        }

        var matters = step is DisposalProposed
            ? (await db.Sanctions.IgnoreQueryFilters().AsNoTracking().Where(s => s.MemberId == member.Id && s.MatterRef != null).ToListAsync(ct))
                .Select(s => new SanctionedMatter(s.MatterRef!, s.Type.Label(), s.ApprovedDate)).ToList()
            : [];
        int? voters = step is AssemblyDecided ? (await CaseFacts.VotersOn(db, member.OrgId, date, member.PersonId, ct)).Voters.Count : null;
        return new Loaded(new DisposalContext
        {
            Today = ChinaTime.Today(time),
            MemberName = member.Name,
            MemberHasLeft = member.LeftDate is not null,
            MemberOrgChain = chainIds.Where(orgs.ContainsKey).Select(id => CaseFacts.ToFacts(orgs[id])).ToList(),
            NamedOrg = namedOrgId is null ? null : CaseFacts.ToFacts(orgs[namedOrgId]),
            SanctionedMatters = matters,
            EligibleVoterCount = voters,
        }, memberOrg);
    }

    public static (string? Id, string? Field) NamedOrg(DisposalEvent e) => e switch
    {
        FiledWithCommittee f => (f.FiledWithOrgId, "filedWithOrgId"),
        Approved a => (a.ApprovingOrgId, "approvingOrgId"),
        NotApproved a => (a.ApprovingOrgId, "approvingOrgId"),
        _ => (null, null),
    };
}
