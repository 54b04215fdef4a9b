using Jishi.Domain.Development;

namespace Jishi.Domain.Tests.Docs;

public sealed class WorkflowDiagramTests
{
    [Fact]
    public void DevelopmentCaseDiagram_InDocs_IsTheOneGeneratedFromTheTransitionTable() =>
        RepoFiles.AssertGenerated("docs/workflows/development-case.mmd", TransitionTable.ToMermaid());

    [Fact]
    public void Diagram_ShowsEveryStageMovingTransition()
    {
        var mermaid = TransitionTable.ToMermaid();
        foreach (var t in TransitionTable.All.Where(t => t.To is not null || t.ToStatus is not null))
        {
            Assert.Contains($"{t.From} --> {t.To?.ToString() ?? t.ToStatus.ToString()}: {t.Event}", mermaid, StringComparison.Ordinal);
        }
    }
}

public sealed class ProcedureDiagramTests
{
    [Fact]
    public void TransferDiagram_InDocs_IsTheOneGeneratedFromItsTransitionTable() =>
        RepoFiles.AssertGenerated("docs/workflows/transfer.mmd",
            Domain.Transfers.TransferProcedure.StateMachine.ToMermaid("Jishi.Domain.Transfers.TransferProcedure.StateMachine"));

    [Fact]
    public void MobilityDiagram_InDocs_IsTheOneGeneratedFromItsTransitionTable() =>
        RepoFiles.AssertGenerated("docs/workflows/mobility.mmd",
            Domain.Mobility.MobilityProcedure.StateMachine.ToMermaid("Jishi.Domain.Mobility.MobilityProcedure.StateMachine"));

    [Fact]
    public void LostContactDiagram_InDocs_IsTheOneGeneratedFromItsTransitionTable() =>
        RepoFiles.AssertGenerated("docs/workflows/lost-contact.mmd",
            Domain.LostContacts.LostContactProcedure.StateMachine.ToMermaid("Jishi.Domain.LostContacts.LostContactProcedure.StateMachine"));

    [Fact]
    public void DisposalDiagram_InDocs_IsTheOneGeneratedFromItsTransitionTable() =>
        RepoFiles.AssertGenerated("docs/workflows/disposal.mmd",
            Domain.Disposals.DisposalProcedure.StateMachine.ToMermaid("Jishi.Domain.Disposals.DisposalProcedure.StateMachine"));
}
