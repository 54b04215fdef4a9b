namespace Jishi.Domain.Rules;

/// <summary>How a rule gates an action (RULES.md §0.2).</summary>
public enum RuleSeverity
{
    /// <summary>硬性阻断: the action is refused; no override.</summary>
    Block,

    /// <summary>有文件依据的例外阻断: refused unless a structured exception record is given.</summary>
    BlockWithException,

    /// <summary>警告并记录理由: refused unless an override reason is given.</summary>
    Warn,

    /// <summary>提示: never a gate.</summary>
    Info,

    /// <summary>组织层面逾期提醒: organisation-level reminder, never a per-case gate.</summary>
    OrgWarn,
}

/// <summary>
/// A rule's refusal of an action: the rule id and article of RULES.md, its severity, and a message in Chinese that
/// states the actual figures (e.g. "实到会有表决权的党员 8 人，未超过应到会 16 人的半数").
/// </summary>
public sealed record Refusal(string Rule, RuleSeverity Severity, string Article, string Message)
{
    public static Refusal Block(string rule, string article, string message) =>
        new(rule, RuleSeverity.Block, article, message);

    public static Refusal BlockWithException(string rule, string article, string message) =>
        new(rule, RuleSeverity.BlockWithException, article, message);

    public static Refusal Warn(string rule, string article, string message) =>
        new(rule, RuleSeverity.Warn, article, message);
}

/// <summary>
/// An input that is malformed or invalid in itself (400), as opposed to a rule's refusal (422):
/// the field, and what was expected.
/// </summary>
public sealed record FieldError(string Field, string Message);
