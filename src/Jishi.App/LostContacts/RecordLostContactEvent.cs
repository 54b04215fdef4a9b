using Jishi.App.Data;
using Jishi.App.Members;
using Jishi.App.Procedures;
using Jishi.Domain.LostContacts;
using Jishi.Domain.Membership;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.LostContacts;

/// <summary>
/// Records a step of a lost-contact case: search, found, 停止党籍 decided and approved (F-05), restoration applied and
/// approved (F-07), removal decided and approved (F-08); the named effects on the member (history, voters) in the
/// same transaction; If-Match (409); every rule on the step's date (422) — or nothing.
/// </summary>
public sealed class RecordLostContactEvent(JishiDbContext db, LostContactFacts facts, TimeProvider time)
{
    public async Task<LostContactView> Handle(string id, NewProcedureEvent<LostContactEvent> step, int? expectedVersion, CancellationToken ct = default)
    {
        db.EnsureCallerCanWrite();
        var definition = LostContactProcedure.Instance;
        var (head, events, progress) = await ProcedureSteps.Load(db, definition, id, expectedVersion, track: true, "失联党员登记", ct);
        var row = await db.LostContacts.FirstAsync(r => r.Id == id, ct);
        var member = await db.Members.IgnoreQueryFilters().FirstAsync(m => m.Id == progress.MemberId, ct);
        var (namedId, namedField) = LostContactFacts.NamedOrg(step.Data);
        var loaded = await facts.Load(member, namedId, namedField, ct);
        var decision = definition.Decide(progress, step.Type, step.Date, step.Data, loaded.Context, step.Overrides, step.Exceptions);
        var refusals = ProcedureSteps.Refusals(decision);
        if (refusals.Count > 0)
        {
            await ProcedureLog.ThrowIfMovedOn(db, head, "失联党员登记", ct);
            throw new RuleViolationException(refusals);
        }

        var record = ProcedureSteps.Commit(db, definition, head, progress, step.Type, step.Date, decision, time);
        foreach (var effect in decision.Effects)
        {
            var org = loaded.MemberOrg;
            switch (effect)
            {
                case MemberSuspended s:
                    member.SuspendedDate = s.Date;
                    MemberHistoryLog.Add(db, time, member.Id, s.Date, MembershipChange.Suspended, org.Id, org.Path,
                        $"失去联系（自 {progress.LostSinceDate:yyyy-MM-dd}）满6个月，经查找仍无法取得联系，停止党籍", id);
                    break;
                case MemberRestored r:
                    member.SuspendedDate = null;
                    // Only by an exception after a removal (X-07-no-restoration): the membership is restored too.
                    member.LeftDate = null;
                    MemberHistoryLog.Add(db, time, member.Id, r.Date, MembershipChange.Restored, org.Id, org.Path, "停止党籍后恢复党籍", id);
                    break;
                case MemberRemovedAsLapsed x:
                    member.LeftDate = x.Date;
                    MemberHistoryLog.Add(db, time, member.Id, x.Date, MembershipChange.Removed, org.Id, org.Path,
                        "停止党籍2年后仍无法取得联系，按照自行脱党予以除名（其中失联）", id);
                    break;
                default:
                    throw new InvalidOperationException($"no handler for the effect {effect.GetType().Name}");
            }
        }

        LostContactProjection.Update(row, progress);
        await ProcedureLog.ReplaceDeadlines(db, head, definition.Deadlines(progress), _ => row.OrgPath, ct);
        await ProcedureLog.Save(db, "失联党员登记已被他人同时更新，请刷新后重试", ct);
        return new LostContactView(ProcedureSteps.View(definition, head, row, [.. events, record], progress));
    }
}
