using Jishi.Domain.Development;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Procedures;

/// <summary>What passes a gate: the refusals that still stand after the overrides and exceptions offered with a step,
/// and which of those were used (stored with the step).</summary>
public sealed record GateResult(IReadOnlyList<Refusal> Remaining, IReadOnlyList<Override> UsedOverrides,
    IReadOnlyList<RuleException> UsedExceptions);

/// <summary>
/// The severities of RULES.md §0.2, the same for every procedure: a WARN passes with an override reason, a BLOCK-EX
/// with a structured exception record (basis, deciding organisation, decision date), a BLOCK never.
/// </summary>
public static class Gate
{
    public static GateResult Resolve(IEnumerable<Refusal> refusals, IReadOnlyList<Override> overrides, IReadOnlyList<RuleException> exceptions)
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

        return new GateResult(remaining, usedOverrides, usedExceptions);
    }

    /// <summary>The fields of the overrides and exceptions themselves (400 when one is incomplete).</summary>
    public static IEnumerable<FieldError> Validate(IReadOnlyList<Override> overrides, IReadOnlyList<RuleException> exceptions)
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
