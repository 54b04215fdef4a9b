using Jishi.Domain.Development;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Development;

/// <summary>AttachmentAdded (API.md "Documents and the electronic archive"): a document may be attached at every stage
/// while the case is open, never after it is closed; it does not move the case.</summary>
public sealed class AttachmentTransitionTests
{
    private static readonly string Digest = new('a', 64);

    private static EventData Attachment(int? attachedToSeq = null) => new()
    {
        AttachmentId = "att0000000000000001",
        DocumentType = DocumentType.ApplicationLetter,
        FileName = "入党申请书.pdf",
        Sha256 = Digest,
        Size = 1234,
        AttachedToSeq = attachedToSeq,
    };

    private static CaseRun At(Milestone milestone) =>
        new CaseKit().Open(new CasePlan { AssemblyDate = CaseKit.Date("2025-07-01") }).To(milestone);

    [Theory]
    [InlineData(DevelopmentStage.Applicant)]
    [InlineData(DevelopmentStage.Activist)]
    [InlineData(DevelopmentStage.Candidate)]
    [InlineData(DevelopmentStage.ProbationaryMember)]
    [InlineData(DevelopmentStage.FullMember)]
    public void AttachmentAdded_IsAllowedAtEveryStage_WhileTheCaseIsOpen_AndLeavesTheStageAsItIs(DevelopmentStage stage)
    {
        var run = At(stage switch
        {
            DevelopmentStage.Applicant => Milestone.Applicant,
            DevelopmentStage.Activist => Milestone.Activist,
            DevelopmentStage.Candidate => Milestone.Candidate,
            DevelopmentStage.ProbationaryMember => Milestone.Approved,
            _ => Milestone.Confirmed,
        });
        Assert.Equal(stage, run.State.Stage);
        Assert.Equal(CaseStatus.Open, run.State.Status);
        Assert.Contains(CaseEventType.AttachmentAdded, TransitionTable.LegalAt(stage, CaseStatus.Open));

        run.Record(CaseEventType.AttachmentAdded, run.Kit.Today, Attachment(attachedToSeq: 1));

        Assert.Equal(stage, run.State.Stage);
        Assert.Equal(CaseStatus.Open, run.State.Status);
        Assert.Equal(CaseEventType.AttachmentAdded, run.State.Events[^1].Type);
        Assert.Equal(Digest, run.State.Events[^1].Data.Sha256);
    }

    [Fact]
    public void AttachmentAdded_IsRefusedByTheTransitionTable_OnceTheCaseIsClosed()
    {
        var run = At(Milestone.Confirmed);
        run.Record(CaseEventType.ArchiveSubmitted, "2026-11-20", new EventData
        {
            ArchivedWithOrgId = CaseKit.Committee,
            Materials = ArchiveRules.Required(RulesVersion.Rules2026).ToList(),
        });
        Assert.Equal(CaseStatus.Archived, run.State.Status);

        Verdict.OnlyRefusedBy(run.Decide(CaseEventType.AttachmentAdded, run.Kit.Today, Attachment()), TransitionTable.RuleId, RuleSeverity.Block);
        Assert.DoesNotContain(CaseEventType.AttachmentAdded, TransitionTable.LegalAt(DevelopmentStage.FullMember, CaseStatus.Archived));
    }

    [Fact]
    public void AttachmentAdded_IsRefusedWhenNotApproved_EvenThoughTheDecisionMayStillBeAnnounced()
    {
        Assert.False(TransitionTable.IsLegal(DevelopmentStage.Candidate, CaseStatus.AdmissionNotApproved, CaseEventType.AttachmentAdded));
        Assert.DoesNotContain(CaseEventType.AttachmentAdded, TransitionTable.LegalAt(DevelopmentStage.Candidate, CaseStatus.AdmissionNotApproved));
    }

    [Fact]
    public void AttachmentAdded_NeedsItsDigestAndMetadata_AndAnExistingStep()
    {
        var run = At(Milestone.Applicant);

        var missing = run.Decide(CaseEventType.AttachmentAdded, run.Kit.Today, new EventData());
        Assert.Equal(["attachmentId", "documentType", "fileName", "sha256", "size"], missing.Errors.Select(e => e.Field).Order().ToArray());

        var unknownStep = run.Decide(CaseEventType.AttachmentAdded, run.Kit.Today, Attachment(attachedToSeq: 99));
        Assert.Equal("attachedToSeq", Assert.Single(unknownStep.Errors).Field);

        var badDigest = run.Decide(CaseEventType.AttachmentAdded, run.Kit.Today, Attachment() with { Sha256 = "XYZ" });
        Assert.Equal("sha256", Assert.Single(badDigest.Errors).Field);
    }
}
