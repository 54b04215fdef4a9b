using Jishi.App.Data;
using Jishi.App.Members;
using Jishi.App.Procedures;
using Jishi.Domain.Disposals;
using Jishi.Domain.Membership;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Disposals;

/// <summary>
/// Records a step of a disposal case: filing, investigation and talks, 限期改正 and its review, the
/// assembly's decision, the approval and the notification, an appeal; the member's removal (history
/// <c>Removed</c>, never deleted) in the same transaction as the notification that carries it out; If-Match (409);
/// every rule on the step's date (422) — or nothing.
/// </summary>
public sealed class RecordDisposalEvent(JishiDbContext db, DisposalFacts facts, TimeProvider time)
{
    private const string Resource = "组织处置";

    public async Task<DisposalView> Handle(string id, NewProcedureEvent<DisposalEvent> step, int? expectedVersion, CancellationToken ct = default)
    {
        db.EnsureCallerCanWrite();
        var definition = DisposalProcedure.Instance;
        var (head, events, progress) = await ProcedureSteps.Load(db, definition, id, expectedVersion, track: true, Resource, ct);
        var row = await db.Disposals.FirstAsync(r => r.Id == id, ct);
        var member = await db.Members.IgnoreQueryFilters().FirstAsync(m => m.Id == progress.MemberId, ct);
        var loaded = await facts.Load(member, step.Data, step.Date, ct);
        var decision = definition.Decide(progress, step.Type, step.Date, step.Data, loaded.Context, step.Overrides, step.Exceptions);
        var refusals = ProcedureSteps.Refusals(decision);
        if (refusals.Count > 0)
        {
            await ProcedureLog.ThrowIfMovedOn(db, head, Resource, ct);
            throw new RuleViolationException(refusals);
        }

        var record = ProcedureSteps.Commit(db, definition, head, progress, step.Type, step.Date, decision, time);
        foreach (var effect in decision.Effects)
        {
            switch (effect)
            {
                case MemberRemovedByDisposal x:
                    member.LeftDate = x.Date;
                    MemberHistoryLog.Add(db, time, member.Id, x.Date, MembershipChange.Removed, loaded.MemberOrg.Id, loaded.MemberOrg.Path,
                        Detail(x), id);
                    break;
                default:
                    throw new InvalidOperationException($"no handler for the effect {effect.GetType().Name}");
            }
        }

        DisposalProjection.Update(row, progress);
        await ProcedureLog.ReplaceDeadlines(db, head, definition.Deadlines(progress), _ => row.OrgPath, ct);
        await ProcedureLog.Save(db, "组织处置已被他人同时更新，请刷新后重试", ct);
        return new DisposalView(ProcedureSteps.View(definition, head, row, [.. events, record], progress));
    }

    /// <summary>The history's wording of how the membership ended (S15 出党方式).</summary>
    public static string Detail(MemberRemovedByDisposal x) => x.Measure switch
    {
        DisposalMeasure.PersuadeToWithdraw => "劝退：经党支部大会讨论、上级党委批准劝其退党，本人退党",
        DisposalMeasure.Removal when x.AfterRefusal => "劝而不退除名：经劝退本人不退，党支部大会决定、上级党委批准予以除名",
        DisposalMeasure.Removal => "除名：经党支部大会决定、上级党委批准予以除名",
        DisposalMeasure.RemovalAsLapsed => "自行脱党除名：连续6个月不参加组织生活、不交纳党费、不做党所分配的工作，按自行脱党予以除名",
        DisposalMeasure.RemovalOnRequest => "退党除名：本人要求退党，经党支部大会讨论宣布除名",
        _ => throw new ArgumentOutOfRangeException(nameof(x), x.Measure, null),
    };
}
