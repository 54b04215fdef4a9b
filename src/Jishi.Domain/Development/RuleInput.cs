using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>What every case rule looks at: the case so far, the proposed step, and the facts around it.</summary>
public sealed record RuleInput(CaseState State, CaseEventType Type, DateOnly Date, EventData Data, CaseContext Ctx)
{
    /// <summary>R-44: the rules version in force on the step's date.</summary>
    public RulesVersion Version => RulesVersions.InForceOn(Date);

    public bool Is2026 => Version == RulesVersion.Rules2026;

    public string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A set of case rules (one article group); yields every refusal that applies to the proposed step.</summary>
public delegate IEnumerable<Refusal> CaseRules(RuleInput input);
