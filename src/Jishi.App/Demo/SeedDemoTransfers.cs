using Jishi.App.Calendar;
using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Procedures;
using Jishi.App.Transfers;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Demo;

/// <summary>
/// Gives the demo transfers in every state — accepted with the 回执 returned, accepted with the 回执 overdue, received
/// and awaiting a decision, issued, expired, rejected with its reason, withdrawn, to an organisation outside the system,
/// and a 党员证明信 — between the township committee and the school committee, each step recorded through the
/// transfer use cases and their rules. Dates are relative to today.
/// </summary>
public sealed class SeedDemoTransfers(JishiDbContext db, TimeProvider time, OfficialCalendar calendar)
{
    public async Task<int> Handle(CancellationToken ct = default)
    {
        if (await db.Transfers.IgnoreQueryFilters().AnyAsync(ct))
        {
            return 0;
        }

        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var town = orgs.FirstOrDefault(o => o.Type == OrgType.TownshipCommittee && o.HasAdmissionApprovalAuthority);
        var school = orgs.FirstOrDefault(o => o.Type == OrgType.PrimaryCommittee && o.HasAdmissionApprovalAuthority);
        if (town is null || school is null)
        {
            return 0;
        }

        var townBranches = orgs.Where(o => o.Type == OrgType.Branch && o.Path.StartsWith(town.Path, StringComparison.Ordinal)).Select(o => o.Id).ToList();
        var schoolBranches = orgs.Where(o => o.Type == OrgType.Branch && o.Path.StartsWith(school.Path, StringComparison.Ordinal)).OrderBy(o => o.Path).ToList();
        var busy = db.Cases.IgnoreQueryFilters().Select(c => c.PersonId);
        var candidates = await db.Members.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.Status == MemberStatus.FullMember && m.LeftDate == null && !busy.Contains(m.PersonId))
            .OrderBy(m => m.Id).ToListAsync(ct);
        // Members the demo cases name (mentors, sponsors, interviewers …) stay where the cases expect them.
        var named = string.Join('\n', await db.CaseEvents.IgnoreQueryFilters().AsNoTracking().Select(e => e.DataJson).ToListAsync(ct));
        candidates = candidates.Where(m => !named.Contains(m.Id, StringComparison.Ordinal)).ToList();
        var fromTown = candidates.Where(m => townBranches.Contains(m.OrgId)).Take(8).ToList();
        var fromSchool = candidates.Where(m => m.OrgPath.StartsWith(school.Path, StringComparison.Ordinal)).Take(1).ToList();
        if (fromTown.Count < 8 || fromSchool.Count < 1 || schoolBranches.Count == 0)
        {
            return 0;
        }

        var today = ChinaTime.Today(time);
        var target = schoolBranches[0];
        var townBranch = orgs.First(o => o.Id == townBranches[0]);
        var count = 0;

        async Task<TransferView> Issue(Member m, Organisation issuing, Organisation? to, int daysAgo, TransferKind kind = TransferKind.Formal,
            int? validity = null, string? toName = null, int? stay = null)
        {
            var date = today.AddDays(-daysAgo);
            count++;
            return await new IssueTransfer(db, new TransferFacts(db, time), time).Handle(new NewTransfer(new Issued
            {
                MemberId = m.Id,
                Kind = kind,
                Reason = kind == TransferKind.Certificate ? "外出学习（短期）" : "工作单位变动",
                IssuingOrgId = issuing.Id,
                ToOrgId = to?.Id,
                ToOrgName = toName,
                ValidityDays = validity,
                DuesPaidThrough = $"{date.AddMonths(-1):yyyy-MM}",
                ExpectedStayMonths = stay,
            }, date, [], []), ct);
        }

        async Task Step(TransferView t, TransferEvent e, int daysAgo) =>
            await new RecordTransferEvent(db, new TransferFacts(db, time), new RecordCaseEvent(db, new CaseFacts(db, calendar, time), time), time)
                .Handle(t.Head.Id, new NewProcedureEvent<TransferEvent>(e.GetType().Name, today.AddDays(-daysAgo), e, [], []), null, ct);

        var done = await Issue(fromTown[0], town, target, 60);
        await Step(done, new Received(), 55);
        await Step(done, new Accepted(), 50);
        await Step(done, new ReceiptReturned(), 40);

        var receiptDue = await Issue(fromTown[1], town, target, 50);
        await Step(receiptDue, new Received(), 45);
        await Step(receiptDue, new Accepted(), 40);

        var pending = await Issue(fromTown[2], town, target, 20);
        await Step(pending, new Received(), 15);

        await Issue(fromTown[3], town, target, 5);
        await Issue(fromTown[4], town, target, 45); // expired: 30 days, never presented

        var rejected = await Issue(fromTown[5], town, target, 30);
        await Step(rejected, new Received(), 28);
        await Step(rejected, new Rejected { ReasonCode = TransferRejectionReason.IncompleteMaterials, Reason = "未附党员档案中的入党志愿书复印件，请补齐后重新开具" }, 27);

        var withdrawn = await Issue(fromTown[6], town, target, 25);
        await Step(withdrawn, new Withdrawn { Reason = "本人调动取消" }, 20);

        var outside = await Issue(fromTown[7], town, null, 15, toName: "中共江北市滨江区长河街道工作委员会");
        await Step(outside, new Received(), 12);
        await Step(outside, new Accepted(), 10);

        await Issue(fromSchool[0], school, townBranch, 3, TransferKind.Certificate, stay: 4);
        return count;
    }
}
