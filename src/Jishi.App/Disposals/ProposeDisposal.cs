using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Procedures;
using Jishi.Domain.Disposals;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Disposals;

/// <summary>党支部提出处置意见 (API.md POST /disposals): the ground and the measure it allows, not a matter a
/// sanction dealt with; one open case per member (409 with the existing one).</summary>
public sealed class ProposeDisposal(JishiDbContext db, DisposalFacts facts, TimeProvider time)
{
    public async Task<DisposalView> Handle(NewProcedureEvent<DisposalEvent> input, CancellationToken ct = default)
    {
        db.EnsureCallerCanWrite();
        var definition = DisposalProcedure.Instance;
        var opening = (DisposalProposed)input.Data;
        var progress = definition.NewProgress();
        var errors = DisposalRules.Fields(opening, input.Date, progress).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == opening.MemberId, ct)
            ?? throw new NotFoundException("党员", opening.MemberId, "memberId");
        var open = await db.Disposals.IgnoreQueryFilters().Where(r => r.MemberId == member.Id && r.IsOpen).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            throw new ConflictException($"{member.Name} 已有未结束的组织处置", open);
        }

        var loaded = await facts.Load(member, opening, input.Date, ct);
        var decision = definition.Decide(progress, input.Type, input.Date, opening, loaded.Context, input.Overrides, input.Exceptions);
        var refusals = ProcedureSteps.Refusals(decision);
        if (refusals.Count > 0)
        {
            throw new RuleViolationException(refusals);
        }

        var org = loaded.MemberOrg;
        var head = new ProcedureRecord
        {
            Id = Ids.New(time),
            Kind = ProcedureKind.Disposal,
            MemberId = member.Id,
            PersonId = member.PersonId,
            Title = member.Name,
            OrgId = org.Id,
            OrgPath = org.Path,
            CreatedAt = OpenCase.Truncate(time.GetUtcNow()),
        };
        var record = ProcedureSteps.Commit(db, definition, head, progress, input.Type, input.Date, decision, time);
        var row = new DisposalRecord
        {
            Id = head.Id,
            MemberId = member.Id,
            PersonId = member.PersonId,
            MemberName = member.Name,
            OrgId = org.Id,
            OrgPath = org.Path,
            Ground = progress.Ground,
            ProposedMeasure = progress.ProposedMeasure,
            MatterRef = progress.MatterRef,
            StartDate = progress.StartDate,
        };
        DisposalProjection.Update(row, progress);
        db.Procedures.Add(head);
        db.Disposals.Add(row);
        await ProcedureLog.ReplaceDeadlines(db, head, definition.Deadlines(progress), _ => org.Path, ct);
        await ProcedureLog.Save(db, $"{member.Name} 的组织处置已被同时提交，请刷新后重试", ct);
        return new DisposalView(ProcedureSteps.View(definition, head, row, [record], progress));
    }
}
