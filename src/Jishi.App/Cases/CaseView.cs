using Jishi.Domain.Development;

namespace Jishi.App.Cases;

/// <summary>A case with its record of steps, the state they replay to (read it, never apply to it), its current
/// deadlines and the steps that may come next.</summary>
public sealed record CaseView(CaseRecord Case, IReadOnlyList<CaseEventRecord> Events, IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<CaseEventType> NextSteps, CaseState State);
