using Jishi.App.Calendar;
using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Demo;

/// <summary>
/// Gives the demo's applicants development cases at different stages — four applicants, four activists, four
/// candidates (one a mobile person with notices at both places) — recorded step by step through
/// <see cref="RecordCaseEvent"/>, so every demo step has passed the same rules as a user's. Dates are relative to today.
/// </summary>
public sealed class SeedDemoCases(JishiDbContext db, TimeProvider time, OfficialCalendar calendar)
{
    private static readonly TalkTopic[] AllTopics = Enum.GetValues<TalkTopic>();

    public async Task<int> Handle(CancellationToken ct = default)
    {
        var memberPeople = db.Members.IgnoreQueryFilters().Select(m => m.PersonId);
        var applicants = await db.People.IgnoreQueryFilters().AsNoTracking()
            .Where(p => !memberPeople.Contains(p.Id) && !db.Cases.IgnoreQueryFilters().Any(c => c.PersonId == p.Id) && p.OrgId != null)
            .OrderBy(p => p.Id).Take(12).ToListAsync(ct);
        var today = ChinaTime.Today(time);
        var get = new GetCase(db);
        var open = new OpenCase(db, time, get);
        var record = new RecordCaseEvent(db, new CaseFacts(db, calendar, time), time);

        for (var i = 0; i < applicants.Count; i++)
        {
            var p = applicants[i];
            var org = await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == p.OrgId, ct);
            var chain = await ChainAsync(org, ct);
            var committee = chain.First(o => o.Type is OrgType.PrimaryCommittee or OrgType.TownshipCommittee);
            var members = await db.Members.IgnoreQueryFilters().AsNoTracking().Include(m => m.Sanctions)
                .Where(m => m.OrgId == org.Id && m.Status == MemberStatus.FullMember).OrderBy(m => m.Id).ToListAsync(ct);
            var clean = members.Where(m => m.Sanctions.Count == 0 && m.PartyAgeStartDate < today.AddYears(-3)).Select(m => m.Id).ToList();
            var decidedBy = org.HasCommittee ? DecidingBody.BranchCommitteeMeeting : DecidingBody.BranchAssembly;
            var relation = p.UnitHasPartyOrg == true ? ReceivingOrgRelation.UnitOrg : ReceivingOrgRelation.ResidenceOrg;

            var stage = i < 4 ? DevelopmentStage.Applicant : i < 8 ? DevelopmentStage.Activist : DevelopmentStage.Candidate;
            var received = stage switch
            {
                DevelopmentStage.Applicant => today.AddDays(-12 - (7 * i)),
                DevelopmentStage.Activist => today.AddMonths(-9).AddDays(i),
                _ => today.AddMonths(-22).AddDays(i),
            };
            var view = await open.Handle(new NewCase(p.Id, org.Id, received, relation), ct);
            var id = view.Case.Id;

            async Task Step(CaseEventType type, DateOnly date, EventData data) =>
                await record.Handle(id, new NewCaseEvent(type, date, data, [], []), null, ct);

            if (stage == DevelopmentStage.Applicant)
            {
                if (i % 2 == 0)
                {
                    await Step(CaseEventType.ApplicationTalkHeld, received.AddDays(7), new EventData { InterviewerMemberIds = [clean[0]], Topics = AllTopics });
                }

                continue;
            }

            var activist = received.AddDays(30);
            await Step(CaseEventType.ApplicationTalkHeld, received.AddDays(10), new EventData { InterviewerMemberIds = [clean[0]], Topics = AllTopics });
            await Step(CaseEventType.NominationRecorded, received.AddDays(20), new EventData { Method = NominationMethod.MemberRecommendation });
            await Step(CaseEventType.ActivistDesignated, activist, new EventData { DecidedBy = decidedBy });
            await Step(CaseEventType.ActivistFiled, activist.AddDays(5), new EventData { FiledWithOrgId = committee.Id });
            await Step(CaseEventType.MentorAssigned, activist.AddDays(7), new EventData { MentorMemberIds = [clean[1], clean[2]], QualificationAttested = true });
            for (var k = 1; activist.AddMonths(5 * k) <= today.AddDays(-45) || (k == 1 && activist.AddMonths(5) <= today); k++)
            {
                await Step(CaseEventType.ActivistAssessed, activist.AddMonths(5 * k), new EventData { Summary = "学习积极，表现良好，能够发挥模范作用。" });
            }

            if (stage == DevelopmentStage.Activist)
            {
                continue;
            }

            await Step(CaseEventType.OpinionsCollected, today.AddDays(-40), new EventData
            {
                Purpose = OpinionPurpose.CandidateListing,
                Sources = [OpinionSource.Mentor, OpinionSource.Member, OpinionSource.NonMember],
                MentorOpinions = [new MentorOpinion(clean[1], true), new MentorOpinion(clean[2], true)],
            });
            await Step(CaseEventType.CandidateProposed, today.AddDays(-35), new EventData { DecidedBy = decidedBy });
            var consent = today.AddDays(-32);
            await Step(CaseEventType.CandidateConsented, consent, new EventData { ConsentingOrgId = committee.Id });
            var start = consent.AddDays(2);
            var end = calendar.Current.AddWorkingDays(start, 5);
            var places = p.IsMobile ? new[] { NoticePlace.OutflowPlace, NoticePlace.InflowPlace } : [p.UnitHasPartyOrg == true ? NoticePlace.Unit : NoticePlace.Residence];
            foreach (var place in places)
            {
                await Step(CaseEventType.PublicNoticeEnded, end, new EventData { StartDate = start, Place = place, Outcome = nameof(PublicNoticeOutcome.NoImpact) });
            }

            await Step(CaseEventType.CandidateListed, end.AddDays(1), new EventData());
            await Step(CaseEventType.SponsorsAssigned, end.AddDays(3), new EventData { SponsorMemberIds = [clean[1], clean[2]], Source = SponsorSource.MentorAsSponsor });
        }

        return applicants.Count;
    }

    private async Task<List<Organisation>> ChainAsync(Organisation org, CancellationToken ct)
    {
        var ids = org.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        return [.. orgs.OrderByDescending(o => o.Depth)];
    }
}
