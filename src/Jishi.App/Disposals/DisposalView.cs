using Jishi.App.Procedures;
using Jishi.Domain.Disposals;

namespace Jishi.App.Disposals;

/// <summary>A disposal case as the API shows it.</summary>
public sealed record DisposalView(ProcedureView<DisposalProgress, DisposalRecord> Procedure)
{
    public ProcedureRecord Head => Procedure.Head;

    public DisposalRecord Record => Procedure.Record;

    public DisposalProgress Progress => Procedure.Progress;
}
