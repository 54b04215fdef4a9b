using Jishi.App.AdmissionForms;
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
/// candidates (one a mobile person with notices at both places), one probationary member and one full member whose
/// case awaits archiving — recorded step by step through <see cref="RecordCaseEvent"/>, so every demo step has passed
/// the same rules as a user's, and every printable form has a case to be printed from. Dates are relative to today.
/// </summary>
public sealed class SeedDemoCases(JishiDbContext db, TimeProvider time, OfficialCalendar calendar)
{
    private static readonly TalkTopic[] AllTopics = Enum.GetValues<TalkTopic>();

    public async Task<int> Handle(CancellationToken ct = default)
    {
        var memberPeople = db.Members.IgnoreQueryFilters().Select(m => m.PersonId);
        var applicants = await db.People.IgnoreQueryFilters().AsNoTracking()
            .Where(p => !memberPeople.Contains(p.Id) && !db.Cases.IgnoreQueryFilters().Any(c => c.PersonId == p.Id) && p.OrgId != null)
            .OrderBy(p => p.Id).Take(14).ToListAsync(ct);
        // The admitted demo cases (the last two) follow a timeline for a settled person: a mobile applicant among them
        // changes places with a candidate, whose steps provide for notices and review at both places.
        if (applicants.Count > 12 && applicants.FindIndex(12, x => x.IsMobile) is var mobile and >= 12)
        {
            (applicants[8], applicants[mobile]) = (applicants[mobile], applicants[8]);
        }
        var today = ChinaTime.Today(time);
        await SeedAdmissionForms(today, ct);
        var get = new GetCase(db);
        var open = new OpenCase(db, time, get);
        var record = new RecordCaseEvent(db, new CaseFacts(db, calendar, time), time);

        for (var i = 0; i < applicants.Count; i++)
        {
            var p = applicants[i];
            var org = await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == p.OrgId, ct);
            var chain = await ChainAsync(org, ct);
            var committee = chain.First(o => o.Type.IsPrimaryLevelCommittee());
            var members = await db.Members.IgnoreQueryFilters().AsNoTracking().Include(m => m.Sanctions)
                .Where(m => m.OrgId == org.Id && m.Status == MemberStatus.FullMember).OrderBy(m => m.Id).ToListAsync(ct);
            var clean = members.Where(m => m.Sanctions.Count == 0 && m.PartyAgeStartDate < today.AddYears(-3)).Select(m => m.Id).ToList();
            var decidedBy = org.HasCommittee ? DecidingBody.BranchCommitteeMeeting : DecidingBody.BranchAssembly;
            var relation = p.UnitHasPartyOrg == true ? ReceivingOrgRelation.UnitOrg : ReceivingOrgRelation.ResidenceOrg;

            if (i >= 12)
            {
                // The assembly 4 months ago (a probationary member) or 16 months ago (confirmed 4 months ago).
                try
                {
                    await AdmittedAsync(p, org, chain, members, clean, decidedBy, relation, today.AddMonths(i == 12 ? -4 : -16), today, open, record, ct);
                }
                catch (Domain.Rules.RuleViolationException)
                {
                    // On some later date a rule may see the fixed timeline differently: the case stays at its last
                    // accepted step rather than keep the demo from starting (the demo test pins the full journey).
                    db.ChangeTracker.Clear();
                }

                continue;
            }

            var stage = i < 4 ? DevelopmentStage.Applicant : i < 8 ? DevelopmentStage.Activist : DevelopmentStage.Candidate;
            var received = stage switch
            {
                DevelopmentStage.Applicant => today.AddDays(-12 - (7 * i)),
                DevelopmentStage.Activist => today.AddMonths(-9).AddDays(i),
                DevelopmentStage.Candidate => today.AddMonths(-22).AddDays(i),
                _ => throw new InvalidOperationException($"演示个案从申请人、积极分子或发展对象阶段开始，不从 {stage} 开始"),
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

    /// <summary>
    /// A case that went the whole way to the assembly on <paramref name="assembly"/>, the committee's approval, the oath
    /// and the probation; when the year of probation has passed, the confirmation too. Every step passes the rules in
    /// force on its date (notices under the 2026 rules, all six items of the political review).
    /// </summary>
    private async Task AdmittedAsync(Domain.People.Person p, Organisation org, List<Organisation> chain, List<Member> members, List<string> clean,
        DecidingBody decidedBy, ReceivingOrgRelation relation, DateOnly assembly, DateOnly today, OpenCase open, RecordCaseEvent record,
        CancellationToken ct)
    {
        var committee = chain.First(o => o.HasAdmissionApprovalAuthority);
        var consent = assembly.AddMonths(-2).AddDays(-20);
        var activist = consent.AddDays(-3).AddYears(-1).AddDays(-20);
        var received = activist.AddDays(-30);
        var id = (await open.Handle(new NewCase(p.Id, org.Id, received, relation), ct)).Case.Id;

        async Task Step(CaseEventType type, DateOnly date, EventData data) =>
            await record.Handle(id, new NewCaseEvent(type, date, data, [], []), null, ct);

        int Voters(DateOnly on) => members.Count(m => m.OrgId == org.Id && m.PersonId != p.Id && m.HasVotingRightOn(on));

        EventData Vote(DateOnly on, string resolution, ConfirmationOutcome? proposed) => new()
        {
            VoteMethod = VoteMethod.SecretBallot,
            MeetingStartAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), ChinaTime.Offset),
            EligibleVoterCount = Voters(on),
            PresentVoterCount = Voters(on) - 1,
            VotesFor = Voters(on) - 1,
            VotesAgainst = 0,
            Abstentions = 0,
            Procedure = proposed is null
                ? new AssemblyProcedure(true, true, [new SponsorIntroduction(clean[1], true), new SponsorIntroduction(clean[2], true)])
                : null,
            ProposedOutcome = proposed,
            ResolutionText = resolution,
            SecretaryMemberId = clean[0],
        };

        await Step(CaseEventType.ApplicationTalkHeld, received.AddDays(10), new EventData { InterviewerMemberIds = [clean[0]], Topics = AllTopics });
        await Step(CaseEventType.NominationRecorded, received.AddDays(20), new EventData { Method = NominationMethod.MemberRecommendation });
        await Step(CaseEventType.ActivistDesignated, activist, new EventData { DecidedBy = decidedBy });
        await Step(CaseEventType.ActivistFiled, activist.AddDays(5), new EventData { FiledWithOrgId = committee.Id });
        await Step(CaseEventType.MentorAssigned, activist.AddDays(7), new EventData { MentorMemberIds = [clean[1], clean[2]], QualificationAttested = true });
        await Step(CaseEventType.ActivistAssessed, activist.AddMonths(5), new EventData { Summary = "认真学习党的理论，工作积极主动，能够团结同志。" });
        await Step(CaseEventType.ActivistAssessed, activist.AddMonths(10), new EventData { Summary = "理想信念坚定，业务骨干作用明显，群众评价好。" });
        await Step(CaseEventType.OpinionsCollected, consent.AddDays(-6), new EventData
        {
            Purpose = OpinionPurpose.CandidateListing,
            Sources = [OpinionSource.Mentor, OpinionSource.Member, OpinionSource.NonMember],
            MentorOpinions = [new MentorOpinion(clean[1], true), new MentorOpinion(clean[2], true)],
            Summary = "培养联系人、党员和群众一致认为该同志基本具备党员条件。",
        });
        await Step(CaseEventType.CandidateProposed, consent.AddDays(-3), new EventData { DecidedBy = decidedBy });
        await Step(CaseEventType.CandidateConsented, consent, new EventData { ConsentingOrgId = committee.Id });
        var start = consent.AddDays(1);
        var end = calendar.Current.AddWorkingDays(start, 5);
        var listed = end.AddDays(1);
        if (RulesVersions.InForceOn(listed) == RulesVersion.Rules2026)
        {
            await Step(CaseEventType.PublicNoticeEnded, end, new EventData
            {
                StartDate = start,
                Place = p.UnitHasPartyOrg == true ? NoticePlace.Unit : NoticePlace.Residence,
                Outcome = nameof(PublicNoticeOutcome.NoImpact),
            });
        }

        await Step(CaseEventType.CandidateListed, listed, new EventData());
        await Step(CaseEventType.SponsorsAssigned, listed.AddDays(2), new EventData { SponsorMemberIds = [clean[1], clean[2]], Source = SponsorSource.MentorAsSponsor });
        await Step(CaseEventType.PoliticalReviewConcluded, assembly.AddDays(-30), new EventData
        {
            Methods = [PoliticalReviewMethod.TalkWithPerson, PoliticalReviewMethod.ArchiveReview, PoliticalReviewMethod.LetterInquiry],
            ReviewItems = Enum.GetValues<PoliticalReviewItem>(),
            Conclusion = PoliticalReviewConclusion.Qualified,
        });
        await Step(CaseEventType.TrainingCompleted, assembly.AddDays(-25), new EventData
        {
            StartDate = assembly.AddDays(-27),
            Days = 3,
            ClassHours = 24,
            Mode = TrainingMode.Offline,
            OrganizerOrgId = committee.Id,
        });
        await Step(CaseEventType.BranchReviewPassed, assembly.AddDays(-15), new EventData { DecidedBy = decidedBy });
        await Step(CaseEventType.PreReviewPassed, assembly.AddDays(-10), new EventData { ReviewingOrgId = committee.Id });
        var serial = await db.AdmissionFormSerials.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.OrgId == committee.Id && x.State == SerialState.Available).OrderBy(x => x.Serial).Select(x => x.Serial).FirstAsync(ct);
        await Step(CaseEventType.AdmissionFormIssued, assembly.AddDays(-8), new EventData { Serial = serial });
        await Step(CaseEventType.AdmissionVoteHeld, assembly, Vote(assembly,
            $"{p.Name}同志入党动机端正，对党的认识正确，工作中起模范带头作用，经培养考察已具备党员条件，同意接收为中共预备党员。", null));
        await Step(CaseEventType.AdmissionSubmitted, assembly.AddDays(4), new EventData
        {
            SubmittedToOrgId = committee.Id,
            Materials = [DocumentType.AdmissionForm, DocumentType.ApplicationLetter, DocumentType.ActivistRecordForm, DocumentType.PoliticalReviewFile],
        });
        if (chain.FirstOrDefault(o => o.Type == OrgType.GeneralBranch) is { } general)
        {
            await Step(CaseEventType.IntermediateReviewed, assembly.AddDays(6), new EventData { ReviewingOrgId = general.Id, Opinion = "同意接收，报党委审批。" });
        }

        await Step(CaseEventType.ApprovalTalkHeld, assembly.AddDays(8), new EventData { InterviewerMemberIds = [clean[3]], InterviewerRole = InterviewerRole.CommitteeMember });
        await Step(CaseEventType.AdmissionApproved, assembly.AddDays(15), new EventData
        {
            ApprovingOrgId = committee.Id,
            ReportReceivedDate = assembly.AddDays(4),
            CommitteeMemberCount = 7,
            PresentCount = 6,
            VotesFor = 6,
        });
        // 报县委组织部备案: the demo's tree has no department of its own, so the county committee receives the filing.
        var county = await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => o.Type == OrgType.CountyOrgDepartment).OrderBy(o => o.Path).FirstOrDefaultAsync(ct)
            ?? chain.Last(o => o.Type == OrgType.CountyCommittee);
        await Step(CaseEventType.AdmissionFiled, assembly.AddDays(20), new EventData { FiledWithOrgId = county.Id });
        await Step(CaseEventType.DecisionAnnounced, assembly.AddDays(21), new EventData { Decision = AnnouncedDecision.Admission });
        await Step(CaseEventType.AssignedToBranchAndCell, assembly.AddDays(21), new EventData { BranchId = org.Id });
        await Step(CaseEventType.OathTaken, assembly.AddDays(25), new EventData { OrganizerOrgId = org.Id });
        var expiry = assembly.AddYears(1);
        for (var k = 1; assembly.AddMonths(3 * k) < expiry.AddDays(-10) && assembly.AddMonths(3 * k) <= today.AddDays(-7); k++)
        {
            await Step(CaseEventType.ProbationAssessed, assembly.AddMonths(3 * k), new EventData { Summary = "按时参加组织生活，认真完成党组织分配的任务，预备期表现良好。" });
        }

        if (expiry.AddDays(35) > today)
        {
            return;
        }

        await Step(CaseEventType.FullMembershipRequested, expiry.AddDays(-10), new EventData());
        await Step(CaseEventType.OpinionsCollected, expiry.AddDays(-7), new EventData
        {
            Purpose = OpinionPurpose.Confirmation,
            Sources = [OpinionSource.Member, OpinionSource.NonMember],
            Summary = "党员和群众认为该同志预备期间表现良好。",
        });
        await Step(CaseEventType.BranchReviewPassed, expiry.AddDays(-4), new EventData { DecidedBy = decidedBy });
        await Step(CaseEventType.ConfirmationVoteHeld, expiry, Vote(expiry,
            $"{p.Name}同志预备期间认真学习，积极工作，发挥了党员的先锋模范作用，同意按期转为中共正式党员。", ConfirmationOutcome.ConfirmOnTime));
        await Step(CaseEventType.ConfirmationApproved, expiry.AddDays(30), new EventData
        {
            ApprovingOrgId = committee.Id,
            Outcome = nameof(ConfirmationOutcome.ConfirmOnTime),
            CommitteeMemberCount = 7,
            PresentCount = 6,
            VotesFor = 6,
        });
        await Step(CaseEventType.DecisionAnnounced, expiry.AddDays(35), new EventData { Decision = AnnouncedDecision.Confirmation });
    }

    /// <summary>One batch of 100 志愿书 per committee with approval authority, so that the demo's candidates can be issued
    /// a registered serial (R-18-admission-form-issuance).</summary>
    private async Task SeedAdmissionForms(DateOnly today, CancellationToken ct)
    {
        var committees = await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => o.HasAdmissionApprovalAuthority)
            .OrderBy(o => o.Path).Select(o => o.Id).ToListAsync(ct);
        var record = new RecordSerialRange(db, time);
        for (var k = 0; k < committees.Count && k < 99; k++)
        {
            var id = committees[k];
            if (await db.AdmissionFormBatches.IgnoreQueryFilters().AnyAsync(b => b.OrgId == id, ct))
            {
                continue;
            }

            var prefix = $"GD{today.Year}{k + 1:D2}";
            await record.Handle(new NewSerialRange(id, prefix + "0001", prefix + "0100", today.AddMonths(-6), "省委组织部统一印制，演示数据"), ct);
        }
    }

    private async Task<List<Organisation>> ChainAsync(Organisation org, CancellationToken ct)
    {
        var ids = org.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        return [.. orgs.OrderByDescending(o => o.Depth)];
    }
}
