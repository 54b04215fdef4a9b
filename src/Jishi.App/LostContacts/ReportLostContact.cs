using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Procedures;
using Jishi.Domain.LostContacts;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.LostContacts;

/// <summary>登记失联党员 (API.md POST /lost-contacts): one open case per member (409 with the existing one).</summary>
public sealed class ReportLostContact(JishiDbContext db, LostContactFacts facts, TimeProvider time)
{
    public async Task<LostContactView> Handle(NewProcedureEvent<LostContactEvent> input, CancellationToken ct = default)
    {
        db.EnsureCallerCanWrite();
        var opening = (Reported)input.Data;
        var errors = LostContactRules.Fields(opening, input.Date).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == opening.MemberId, ct)
            ?? throw new NotFoundException("党员", opening.MemberId, "memberId");
        var open = await db.LostContacts.IgnoreQueryFilters().Where(r => r.MemberId == member.Id && r.IsOpen).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            throw new ConflictException($"{member.Name} 已有未结束的失联党员登记", open);
        }

        var loaded = await facts.Load(member, null, null, ct);
        var definition = LostContactProcedure.Instance;
        var progress = definition.NewProgress();
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
            Kind = ProcedureKind.LostContact,
            MemberId = member.Id,
            PersonId = member.PersonId,
            Title = member.Name,
            OrgId = org.Id,
            OrgPath = org.Path,
            CreatedAt = OpenCase.Truncate(time.GetUtcNow()),
        };
        var record = ProcedureSteps.Commit(db, definition, head, progress, input.Type, input.Date, decision, time);
        var row = new LostContactRecord
        {
            Id = head.Id,
            MemberId = member.Id,
            MemberName = member.Name,
            OrgId = org.Id,
            OrgPath = org.Path,
            LostSinceDate = progress.LostSinceDate,
            Circumstance = progress.Circumstance,
        };
        LostContactProjection.Update(row, progress);
        db.Procedures.Add(head);
        db.LostContacts.Add(row);
        await ProcedureLog.ReplaceDeadlines(db, head, definition.Deadlines(progress), _ => org.Path, ct);
        await ProcedureLog.Save(db, $"{member.Name} 的失联党员登记已被同时提交，请刷新后重试", ct);
        return new LostContactView(ProcedureSteps.View(definition, head, row, [record], progress));
    }
}
