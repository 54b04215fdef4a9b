using Jishi.App.Procedures;
using Jishi.Domain.LostContacts;

namespace Jishi.App.LostContacts;

/// <summary>A lost-contact case as the API and pages show it.</summary>
public sealed record LostContactView(ProcedureView<LostContactProgress, LostContactRecord> Procedure)
{
    public ProcedureRecord Head => Procedure.Head;

    public LostContactRecord Record => Procedure.Record;

    public LostContactProgress Progress => Procedure.Progress;
}
