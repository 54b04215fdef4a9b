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
        ProbationRules.Check, TransferRules.Check, SpecialAdmissionRules.Check, ArchiveRules.Check,
    ];

    public static Decision Decide(CaseState state, CaseEventType type, DateOnly date, EventData data, CaseContext ctx,
        IReadOnlyList<Override>? overrides = null, IReadOnlyList<RuleException>? exceptions = null)
    {
        overrides ??= [];
        exceptions ??= [];
        var errors = EventFields.Validate(type, date, data, state).ToList();
        errors.AddRange(Overrides(overrides, exceptions));
        if (errors.Count > 0)
        {
            return new Decision(errors, [], data, [], []);
        }

        if (type == CaseEventType.ApplicationReceived || TransitionTable.Find(state.Stage, state.Status, type) is null)
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

    /// <summary>Separates what the overrides and exceptions pass from what still refuses the step.</summary>
    public static Decision Resolve(IReadOnlyList<Refusal> refusals, EventData data, IReadOnlyList<Override> overrides,
        IReadOnlyList<RuleException> exceptions)
    {
        var remaining = new List<Refusal>();
        var usedOverrides = new List<Override>();
        var usedExceptions = new List<RuleException>();
        foreach (var r in refusals.Distinct())
        {
            if (r.Severity == RuleSeverity.Warn && overrides.FirstOrDefault(o => o.Rule == r.Rule) is { } o)
            {
                if (!usedOverrides.Contains(o))
                {
                    usedOverrides.Add(o);
                }
            }
            else if (r.Severity == RuleSeverity.BlockWithException && exceptions.FirstOrDefault(e => e.Rule == r.Rule) is { } e)
            {
                if (!usedExceptions.Contains(e))
                {
                    usedExceptions.Add(e);
                }
            }
            else
            {
                remaining.Add(r);
            }
        }

        return new Decision([], remaining, data, usedOverrides, usedExceptions);
    }

    private static IEnumerable<FieldError> Overrides(IReadOnlyList<Override> overrides, IReadOnlyList<RuleException> exceptions)
    {
        for (var i = 0; i < overrides.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(overrides[i].Rule))
            {
                yield return new FieldError($"overrides[{i}].rule", "必须指明放行的规则编号");
            }

            if (string.IsNullOrWhiteSpace(overrides[i].Reason))
            {
                yield return new FieldError($"overrides[{i}].reason", "放行警告必须填写理由");
            }
        }

        for (var i = 0; i < exceptions.Count; i++)
        {
            var e = exceptions[i];
            if (string.IsNullOrWhiteSpace(e.Rule))
            {
                yield return new FieldError($"exceptions[{i}].rule", "必须指明例外所针对的规则编号");
            }

            if (string.IsNullOrWhiteSpace(e.Basis))
            {
                yield return new FieldError($"exceptions[{i}].basis", "例外必须写明依据（特殊情况及其文件依据）");
            }

            if (string.IsNullOrWhiteSpace(e.DecidedBy))
            {
                yield return new FieldError($"exceptions[{i}].decidedBy", "例外必须写明作出决定的组织");
            }

            if (e.DecisionDate is null)
            {
                yield return new FieldError($"exceptions[{i}].decisionDate", "例外必须写明决定日期");
            }
        }
    }
}
