using Jishi.App.Data;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Cases;

/// <summary>A choice in a picker: id and the words shown.</summary>
public sealed record Choice(string Id, string Label);

/// <summary>What the forms of a case offer: members to pick (the registry under the case's committee), organisations
/// (the case's chain and what lies under its committee), the current mentors and sponsors, and today's voters.</summary>
public sealed record CaseOptions(IReadOnlyList<Choice> Members, IReadOnlyList<Choice> Orgs, IReadOnlyList<Choice> Mentors,
    IReadOnlyList<Choice> Sponsors, int VotersToday);

public sealed class CaseFormOptions(JishiDbContext db, TimeProvider time)
{
    public async Task<CaseOptions> Handle(CaseView view, CancellationToken ct = default)
    {
        var c = view.Case;
        var chainIds = c.OrgPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var chain = await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => chainIds.Contains(o.Id)).ToListAsync(ct);
        var committee = chain.Where(o => o.Type.IsPrimaryLevelCommittee() || o.Type == OrgType.CountyCommittee)
            .OrderByDescending(o => o.Depth).FirstOrDefault() ?? chain.OrderBy(o => o.Depth).First();
        var upper = Organisation.SubtreeUpperBound(committee.Path);
        var county = chain.Where(o => o.Depth <= committee.Depth).OrderBy(o => o.Depth).First();
        var countyUpper = Organisation.SubtreeUpperBound(county.Path);

        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking()
            .Where(o => chainIds.Contains(o.Id) || (o.Path.CompareTo(county.Path) >= 0 && o.Path.CompareTo(countyUpper) < 0 && o.Depth <= committee.Depth + 3))
            .OrderBy(o => o.Path).Take(400).ToListAsync(ct);
        var members = await db.Members.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.OrgPath.CompareTo(committee.Path) >= 0 && m.OrgPath.CompareTo(upper) < 0 && m.PersonId != c.PersonId)
            .OrderBy(m => m.OrgId == c.OrgId ? 0 : 1).ThenBy(m => m.Name).Take(500).ToListAsync(ct);
        var orgNames = orgs.ToDictionary(o => o.Id, o => o.Name);
        var today = ChinaTime.Today(time);
        var voters = await db.Members.IgnoreQueryFilters().AsNoTracking().Include(m => m.Sanctions)
            .Where(m => m.OrgId == c.OrgId && m.Status == MemberStatus.FullMember && m.PersonId != c.PersonId).ToListAsync(ct);

        string Label(Member m) => m.Name + (m.OrgId == c.OrgId ? "" : "（" + orgNames.GetValueOrDefault(m.OrgId, "其他组织") + "）")
            + (m.Status == MemberStatus.ProbationaryMember ? "［预备党员］" : "");
        var byId = members.ToDictionary(m => m.Id);
        var state = view.State;
        IReadOnlyList<Choice> Pick(IEnumerable<string> ids) =>
            ids.Select(id => new Choice(id, byId.TryGetValue(id, out var m) ? Label(m) : id)).ToList();

        return new CaseOptions(
            members.Select(m => new Choice(m.Id, Label(m))).ToList(),
            orgs.Select(o => new Choice(o.Id, new string('　', Math.Max(0, o.Depth - county.Depth)) + o.Name + "（" + o.Type.Label() + "）")).ToList(),
            Pick(Domain.Development.ActivistRules.CurrentMentors(state)),
            Pick(state.Last(Domain.Development.CaseEventType.SponsorsAssigned)?.Data.SponsorMemberIds ?? []),
            voters.Count(m => m.HasVotingRightOn(today)));
    }
}
