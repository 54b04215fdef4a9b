using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>
/// Decides whether a proposed step may be recorded on a case: the fields it needs (400), the transition table, and
/// every rule of the catalog that applies at the step's date (R-44), each at its severity. A WARN passes with an
/// override reason, a BLOCK-EX with a structured exception record, a BLOCK never. All refusals come back together.
/// </summary>
public static class CaseEngine
{
    private static readonly CaseRules[] RuleGroups =
    [
        CommonRules.Check, ApplicationRules.Check, ActivistRules.Check, CandidateRules.Check, AdmissionRules.Check,
        ProbationRules.Check, TransferRules.Check, SpecialAdmissionRules.Check, ArchiveRules.Check, ReadmissionRules.Check,
    ];

    public static Decision Decide(CaseState state, CaseEventType type, DateOnly date, EventData data, CaseContext ctx,
        IReadOnlyList<Override>? overrides = null, IReadOnlyList<RuleException>? exceptions = null)
    {
        overrides ??= [];
        exceptions ??= [];
        var errors = EventFields.Validate(type, date, data, state).ToList();
        errors.AddRange(Gate.Validate(overrides, exceptions));
        if (errors.Count > 0)
        {
            return new Decision(errors, [], data, [], []);
        }

        if (type == CaseEventType.ApplicationReceived || !TransitionTable.IsLegal(state.Stage, state.Status, type))
        {
            var legal = TransitionTable.LegalAt(state.Stage, state.Status).ToList();
            var refusal = Refusal.Block(TransitionTable.RuleId, "规则目录第 7 节（状态机）",
                state.Status != CaseStatus.Open && legal.Count == 0
                    ? $"个案已结束（{state.Status}），不能再记录 {type}"
                    : $"个案处于 {state.Stage} 阶段，不能记录 {type}；此阶段可记录：{string.Join("、", legal)}");
            return new Decision([], [refusal], data, [], []);
        }

        var input = new RuleInput(state, type, date, data, ctx);
        var refusals = RuleGroups.SelectMany(g => g(input)).ToList();
        if (type is CaseEventType.AdmissionVoteHeld or CaseEventType.ConfirmationVoteHeld)
        {
            var (voteRefusals, judged) = VoteRules.Judge(input, admission: type == CaseEventType.AdmissionVoteHeld);
            refusals.AddRange(voteRefusals);
            data = judged;
        }

        return Resolve(refusals, data, overrides, exceptions);
    }

    /// <summary>Separates what the overrides and exceptions pass from what still refuses the step (the one gate of
    /// every procedure, <see cref="Gate"/>).</summary>
    public static Decision Resolve(IReadOnlyList<Refusal> refusals, EventData data, IReadOnlyList<Override> overrides,
        IReadOnlyList<RuleException> exceptions)
    {
        var gate = Gate.Resolve(refusals, overrides, exceptions);
        return new Decision([], gate.Remaining, data, gate.UsedOverrides, gate.UsedExceptions);
    }
}
