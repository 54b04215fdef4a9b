using Jishi.App.Data;
using Jishi.App.Disposals;
using Jishi.App.OrgLife;
using Jishi.App.Procedures;
using Jishi.Domain.Disposals;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Demo;

/// <summary>
/// Gives the demo two disposal cases in progress in the township's second branch in name order (the one
/// <see cref="SeedDemoMeetings"/> gives a lapse candidate): the lapse candidate, six months and more without
/// organisational life, proposed for 自行脱党除名, filed with the committee, investigated and talked with, awaiting the
/// branch assembly; and another full member of the branch, 消极懈怠, under 限期改正 with its deadline ahead. Each step
/// goes through the use cases and their rules; dates are relative to today. Run after the meetings.
/// </summary>
public sealed class SeedDemoDisposals(JishiDbContext db, TimeProvider time)
{
    public async Task<int> Handle(CancellationToken ct = default)
    {
        if (await db.Disposals.IgnoreQueryFilters().AnyAsync(ct))
        {
            return 0;
        }

        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var town = orgs.FirstOrDefault(o => o.Type == OrgType.TownshipCommittee && o.HasAdmissionApprovalAuthority);
        var branch = town is null ? null : orgs.Where(o => o.Type == OrgType.Branch && o.Path.StartsWith(town.Path, StringComparison.Ordinal))
            .OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal).Skip(1).FirstOrDefault();
        if (town is null || branch is null)
        {
            return 0;
        }

        var today = ChinaTime.Today(time);
        var lapse = await new ListLapse(db, time).Handle(branch.Id, null, ct);
        var flagged = lapse.Items.Select(i => i.MemberId).ToHashSet();
        var candidate = lapse.Items.FirstOrDefault(i => i.Level == LapseLevel.LapseCandidate)?.MemberId;
        var roster = await GetMeetingRoster.OnAsync(db, branch, MeetingType.BranchAssembly, today, ct);
        var passive = roster.Where(m => m.Status == MemberStatus.FullMember && !flagged.Contains(m.Id)).Skip(2).FirstOrDefault()?.Id;
        var count = 0;

        async Task<string> Open(string memberId, int daysAgo, DisposalGround ground, DisposalMeasure measure, string reason)
        {
            var v = await new ProposeDisposal(db, new DisposalFacts(db, time), time).Handle(new NewProcedureEvent<DisposalEvent>(
                nameof(DisposalProposed), today.AddDays(-daysAgo),
                new DisposalProposed { MemberId = memberId, Ground = ground, Measure = measure, Reason = reason }, [], []), ct);
            count++;
            return v.Head.Id;
        }

        async Task Step(string id, DisposalEvent e, int daysAgo)
        {
            await new RecordDisposalEvent(db, new DisposalFacts(db, time), time)
                .Handle(id, new NewProcedureEvent<DisposalEvent>(e.GetType().Name, today.AddDays(-daysAgo), e, [], []), null, ct);
            count++;
        }

        if (candidate is not null)
        {
            var id = await Open(candidate, 20, DisposalGround.Lapse6Months, DisposalMeasure.RemovalAsLapsed,
                "连续6个月以上未参加党的组织生活，经支部多次通知仍未参加，也未说明理由");
            await Step(id, new FiledWithCommittee { FiledWithOrgId = town.Id }, 18);
            await Step(id, new Investigated { Findings = "支部委员会核实：本人在本地，无正当理由连续7个月未参加组织生活，也未做党所分配的工作" }, 14);
            await Step(id, new TalkHeld { Interviewers = "党支部书记、组织委员", Summary = "上门谈话，本人表示对参加党的活动没有兴趣，不愿继续参加组织生活" }, 9);
        }

        if (passive is not null)
        {
            var id = await Open(passive, 100, DisposalGround.Passivity, DisposalMeasure.CorrectionWithinDeadline,
                "长期消极懈怠，不完成党组织分配的任务，民主评议中群众意见较大");
            await Step(id, new FiledWithCommittee { FiledWithOrgId = town.Id }, 96);
            await Step(id, new Investigated { Findings = "支部委员会走访所在村民小组和本人，情况属实" }, 90);
            await Step(id, new TalkHeld { Interviewers = "党支部书记", Summary = "谈心谈话，本人认识到问题，表示愿意改正" }, 85);
            await Step(id, new CorrectionOrdered { HelpMeasures = "确定一名党员结对帮助；每月参加主题党日并承担一项具体工作" }, 80);
        }

        return count;
    }
}
