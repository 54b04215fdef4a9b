namespace Jishi.Domain.Rules;

/// <summary>
/// Thrown by domain code when rules refuse an action. Carries every refusal that applies, so that the caller can
/// report them all at once; nothing has been changed when it is thrown.
/// </summary>
public sealed class RuleViolationException(IReadOnlyList<Refusal> refusals)
    : Exception(string.Join("; ", refusals.Select(r => $"{r.Rule}（{r.Article}）：{r.Message}")))
{
    public IReadOnlyList<Refusal> Refusals { get; } = refusals;
}

/// <summary>Thrown by domain code for input that is invalid in itself (HTTP 400), naming the field.</summary>
public sealed class InvalidInputException(IReadOnlyList<FieldError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public InvalidInputException(string field, string message) : this([new FieldError(field, message)])
    {
    }

    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
