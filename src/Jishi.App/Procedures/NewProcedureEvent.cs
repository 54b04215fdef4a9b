using Jishi.Domain.Development;

namespace Jishi.App.Procedures;

/// <summary>A proposed step of a procedure: its type tag and date, its own typed fields, overrides and exceptions.</summary>
public sealed record NewProcedureEvent<TEvent>(string Type, DateOnly Date, TEvent Data, IReadOnlyList<Override> Overrides,
    IReadOnlyList<RuleException> Exceptions)
    where TEvent : class;
