using Jishi.App.Calendar;
using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Members;
using Jishi.Domain.Membership;
using Jishi.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Cases;

/// <summary>
/// Gathers the facts a step's rules need (<see cref="CaseContext"/>) in a fixed, small number of queries: the person,
/// the organisation chain, the organisations and members the step names, the branch's voters on the step's date.
/// Higher committees and members named in a step may lie outside the caller's scope (an approving committee, a
/// committee member who talked with the candidate): they are looked up without the scope filter, and only their
/// facts are used.
/// </summary>
public sealed class CaseFacts(JishiDbContext db, OfficialCalendar calendar, TimeProvider time)
{
    public async Task<CaseContext> Load(CaseRecord c, CaseState state, CaseEventType? type, DateOnly date, EventData? data,
        CancellationToken ct)
    {
        var person = await db.People.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == c.PersonId, ct);
        var chainIds = c.OrgPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse().ToList();

        var orgIds = new HashSet<string>(chainIds);
        var memberIds = new HashSet<string>();
        if (data is not null)
        {
            CollectOrgs(data, orgIds);
            CollectMembers(data, memberIds);
        }

        foreach (var e in state.Events)
        {
            CollectMembers(e.Data, memberIds);
        }

        // The 志愿书 register: the serial the step names and those issued to this case before, with their holders.
        var serials = new Dictionary<string, AdmissionFormSerialFacts>();
        if (type is CaseEventType.AdmissionFormIssued or CaseEventType.AdmissionVoteHeld)
        {
            var wanted = state.Of(CaseEventType.AdmissionFormIssued).Select(e => e.Data.Serial).Append(data?.Serial)
                .OfType<string>().Distinct().ToList();
            foreach (var r in await db.AdmissionFormSerials.IgnoreQueryFilters().AsNoTracking().Where(x => wanted.Contains(x.Serial)).ToListAsync(ct))
            {
                serials[r.Serial] = new AdmissionFormSerialFacts(r.Serial, r.State, r.OrgId, r.CaseId);
                orgIds.Add(r.OrgId);
            }
        }

        // The organisations named, and in the same round trip the party cells of the case's organisation.
        var caseOrgId = c.OrgId;
        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking()
            .Where(o => orgIds.Contains(o.Id) || (o.ParentId == caseOrgId && o.Type == OrgType.PartyCell)).ToListAsync(ct);
        var hasCells = orgs.Any(o => o.ParentId == caseOrgId && o.Type == OrgType.PartyCell);
        var facts = orgs.Where(o => orgIds.Contains(o.Id)).ToDictionary(o => o.Id, ToFacts);
        var members = await db.Members.IgnoreQueryFilters().AsNoTracking().Include(m => m.Sanctions)
            .Where(m => memberIds.Contains(m.Id)).ToListAsync(ct);

        var voters = new HashSet<string>();
        if (type is CaseEventType.AdmissionVoteHeld or CaseEventType.ConfirmationVoteHeld)
        {
            var (ids, inBranch) = await VotersOn(db, c.OrgId, date, c.PersonId, ct);
            voters = ids;
            foreach (var m in inBranch.Where(m => !memberIds.Contains(m.Id)))
            {
                members.Add(m);
            }
        }

        // X-06-readmission-bar: a person persuaded to withdraw or removed by a disposal, within the five years.
        var bar = type == CaseEventType.AdmissionVoteHeld ? await ReadmissionBarUntil(db, c.PersonId, ct) : null;

        var attached = type == CaseEventType.ArchiveSubmitted
            ? (await db.CaseAttachments.IgnoreQueryFilters().Where(a => a.CaseId == c.Id).Select(a => a.DocumentType).Distinct().ToListAsync(ct)).ToHashSet()
            : [];

        return new CaseContext
        {
            Today = ChinaTime.Today(time),
            Person = new PersonFacts(person.Id, person.Name, person.BirthDate, person.IsMobile, person.UnitName,
                person.UnitHasPartyOrg, person.ExpectedDepartureDate),
            OrgChain = chainIds.Where(facts.ContainsKey).Select(id => facts[id]).ToList(),
            Orgs = facts,
            Members = members.DistinctBy(m => m.Id).ToDictionary(m => m.Id, ToFacts),
            EligibleVoterIds = voters,
            BranchHasCells = hasCells,
            Calendar = calendar.Current,
            Serial = x => serials.GetValueOrDefault(x),
            AttachedDocuments = attached,
            ReadmissionBarUntil = bar,
        };
    }

    /// <summary>X-06-readmission-bar: the latest date until which a disposal that ended the person's membership bars
    /// their readmission; null when none does.</summary>
    public static async Task<DateOnly?> ReadmissionBarUntil(JishiDbContext db, string personId, CancellationToken ct) =>
        await db.Disposals.IgnoreQueryFilters().AsNoTracking().Where(d => d.PersonId == personId && d.ReadmissionBarUntil != null)
            .MaxAsync(d => d.ReadmissionBarUntil, ct);

    /// <summary>
    /// G-08-voting-rights: the members of <paramref name="branchId"/> with voting rights on <paramref name="date"/>, from the
    /// history (T-10: a transfer moves the relation at the end of its acceptance day): those here now and those who have
    /// left it since; not those under 停止党籍 on that date (F-06); never the person the vote is about. A mobile member with
    /// an activity card votes only here, never at the inflow branch (F-03). Also the full members read, for their facts.
    /// </summary>
    public static async Task<(HashSet<string> Voters, List<Member> InBranch)> VotersOn(JishiDbContext db, string branchId, DateOnly date,
        string? excludedPersonId, CancellationToken ct)
    {
        var voters = new HashSet<string>();
        var leftSince = db.MemberHistory.IgnoreQueryFilters()
            .Where(h => h.OrgId == branchId && h.Change == MembershipChange.TransferredOut && h.Date >= date).Select(h => h.MemberId);
        var inBranch = await db.Members.IgnoreQueryFilters().AsNoTracking().Include(m => m.Sanctions)
            .Where(m => (m.OrgId == branchId || leftSince.Contains(m.Id)) && m.Status == MemberStatus.FullMember
                && (m.LeftDate == null || m.LeftDate >= date))
            .ToListAsync(ct);
        var candidateIds = inBranch.Select(m => m.Id).ToList();
        var moves = (await db.MemberHistory.IgnoreQueryFilters().AsNoTracking()
                .Where(h => candidateIds.Contains(h.MemberId) && ((h.Change == MembershipChange.TransferredOut && h.Date >= date)
                    || ((h.Change == MembershipChange.Suspended || h.Change == MembershipChange.Restored) && h.Date <= date)))
                .ToListAsync(ct))
            .ToLookup(h => h.MemberId, h => new MembershipEntry(h.Date, h.Change, h.OrgId, h.Detail));
        foreach (var m in inBranch)
        {
            if (Relation.OrgOn(m.OrgId, moves[m.Id], date) == branchId && m.PersonId != excludedPersonId
                && VotingRight.HasOn(date, m.Status, m.PartyAgeStartDate, m.Sanctions, Relation.IsSuspendedOn(moves[m.Id], date), m.LeftDate))
            {
                voters.Add(m.Id);
            }
        }

        return (voters, inBranch);
    }

    /// <summary>The ids the step names that are not in the registry or the organisation tree (answered 404 with the field).</summary>
    public static IEnumerable<(string Field, string Id, bool IsOrg)> References(EventData d)
    {
        foreach (var (field, id) in new[]
                 {
                     ("filedWithOrgId", d.FiledWithOrgId), ("consentingOrgId", d.ConsentingOrgId), ("organizerOrgId", d.OrganizerOrgId),
                     ("reviewingOrgId", d.ReviewingOrgId), ("submittedToOrgId", d.SubmittedToOrgId), ("approvingOrgId", d.ApprovingOrgId),
                     ("branchId", d.BranchId), ("cellId", d.CellId), ("toOrgId", d.ToOrgId),
                 })
        {
            if (!string.IsNullOrWhiteSpace(id))
            {
                yield return (field, id, true);
            }
        }

        foreach (var (field, ids) in new[]
                 {
                     ("interviewerMemberIds", d.InterviewerMemberIds), ("mentorMemberIds", d.MentorMemberIds),
                     ("sponsorMemberIds", d.SponsorMemberIds),
                     ("mentorOpinions", d.MentorOpinions?.Select(o => o.MemberId).OfType<string>().ToList()),
                     ("writtenOpinions", d.WrittenOpinions?.Select(o => o.MemberId).OfType<string>().ToList()),
                     ("procedure.sponsorIntroductions", d.Procedure?.SponsorIntroductions?.Select(o => o.MemberId).OfType<string>().ToList()),
                     ("secretaryMemberId", d.SecretaryMemberId is null ? null : new List<string> { d.SecretaryMemberId }),
                 })
        {
            foreach (var id in ids ?? [])
            {
                yield return (field, id, false);
            }
        }
    }

    private static void CollectOrgs(EventData d, HashSet<string> ids)
    {
        foreach (var r in References(d).Where(r => r.IsOrg))
        {
            ids.Add(r.Id);
        }
    }

    private static void CollectMembers(EventData d, HashSet<string> ids)
    {
        foreach (var r in References(d).Where(r => !r.IsOrg))
        {
            ids.Add(r.Id);
        }
    }

    public static OrgFacts ToFacts(Organisation o) => new(o.Id, o.Name, o.Type, o.ParentId, o.HasCommittee,
        o.HasAdmissionApprovalAuthority, o.IsUnderTownshipOrSubdistrict, o.MeetsDevelopmentConditions);

    public static MemberFacts ToFacts(Member m) => new(m.Id, m.PersonId, m.Name, m.OrgId, m.Status, m.PartyAgeStartDate, m.Sanctions);
}
