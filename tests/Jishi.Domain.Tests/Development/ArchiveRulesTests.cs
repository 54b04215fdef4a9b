using Jishi.Domain.Development;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Development;

public sealed class ArchiveRulesTests
{
    private static CaseRun Confirmed() => new CaseKit().Open(new CasePlan { AssemblyDate = CaseKit.Date("2025-07-01") }).To(Milestone.Confirmed);

    private static EventData Archive(params DocumentType[] without) => new()
    {
        ArchivedWithOrgId = CaseKit.Committee,
        Materials = ArchiveRules.Required(RulesVersion.Rules2026).Except(without).ToList(),
    };

    [Fact]
    public void ArchiveSubmitted_WithEveryRequiredMaterial_ClosesTheCaseAsArchived()
    {
        var run = Confirmed();

        run.Record(CaseEventType.ArchiveSubmitted, CaseKit.Date("2026-11-20"), Archive());

        Assert.Equal(DevelopmentStage.FullMember, run.State.Stage);
        Assert.Equal(CaseStatus.Archived, run.State.Status);
        Assert.Empty(TransitionTable.LegalAt(run.State.Stage, run.State.Status));
    }

    [Theory]
    [InlineData(DocumentType.ProbationRecordForm)]
    [InlineData(DocumentType.AdmissionForm)]
    [InlineData(DocumentType.FullMembershipRequest)]
    public void ArchiveSubmitted_WithAMaterialMissing_IsRefusedByR36ArchiveUnlessALossReportIsRecorded(DocumentType missing)
    {
        var run = Confirmed();
        var date = CaseKit.Date("2026-11-20");

        var refused = Verdict.OnlyRefusedBy(run.Decide(CaseEventType.ArchiveSubmitted, date, Archive(missing)), "R-36-archive",
            RuleSeverity.BlockWithException);
        Assert.Contains(AdmissionRules.Label(missing), refused.Message, StringComparison.Ordinal);

        var withLossReport = run.Decide(CaseEventType.ArchiveSubmitted, date, Archive(missing), [],
            [new RuleException("R-36-archive", "原件遗失，经党委会议研究同意以复印件和说明归档", CaseKit.Committee, date)]);
        Verdict.Accepted(withLossReport);
        Assert.Single(withLossReport.AcceptedExceptions);
    }

    [Fact]
    public void ArchiveSubmitted_CountsTheScansAttachedToTheCase_AsMaterialsHandedOver()
    {
        var run = Confirmed();
        var date = CaseKit.Date("2026-11-20");
        var paper = new EventData { ArchivedWithOrgId = CaseKit.Committee, Materials = [DocumentType.ApplicationLetter, DocumentType.AdmissionForm] };
        run.Kit.AttachedDocuments.UnionWith([DocumentType.ActivistRecordForm, DocumentType.PoliticalReviewFile, DocumentType.ProbationRecordForm]);

        // One material neither declared nor scanned: refused, naming only it.
        var refused = Verdict.OnlyRefusedBy(run.Decide(CaseEventType.ArchiveSubmitted, date, paper), "R-36-archive", RuleSeverity.BlockWithException);
        Assert.EndsWith("尚缺：转正申请书；如材料遗失，须记录经党委批准的遗失说明（例外）", refused.Message, StringComparison.Ordinal);

        run.Kit.AttachedDocuments.Add(DocumentType.FullMembershipRequest);
        Verdict.Accepted(run.Decide(CaseEventType.ArchiveSubmitted, date, paper));
        Verdict.Accepted(run.Decide(CaseEventType.ArchiveSubmitted, date, new EventData { ArchivedWithOrgId = CaseKit.Committee }
            with
        { Materials = [DocumentType.ApplicationLetter, DocumentType.AdmissionForm] }));
    }

    [Fact]
    public void ArchiveSubmitted_Before2026_05_11_DoesNotAskForTheTwoRecordForms()
    {
        var run = new CaseKit().Open(new CasePlan { AssemblyDate = CaseKit.Date("2024-07-01") }).To(Milestone.Confirmed);
        var archive = new EventData
        {
            ArchivedWithOrgId = CaseKit.Committee,
            Materials = ArchiveRules.Required(RulesVersion.Rules2014).ToList(),
        };

        Verdict.Accepted(run.Decide(CaseEventType.ArchiveSubmitted, CaseKit.Date("2026-05-10"), archive));
        Verdict.OnlyRefusedBy(run.Decide(CaseEventType.ArchiveSubmitted, CaseKit.Date("2026-05-11"), archive), "R-36-archive",
            RuleSeverity.BlockWithException);
    }

    [Fact]
    public void ArchiveSubmitted_ToABranch_IsRefusedByR36Archive()
    {
        var run = Confirmed();

        Verdict.RefusedBy(run.Decide(CaseEventType.ArchiveSubmitted, CaseKit.Date("2026-11-20"), Archive() with { ArchivedWithOrgId = CaseKit.Branch }),
            "R-36-archive", RuleSeverity.Block);
    }

    [Fact]
    public void ArchiveSubmitted_BeforeFullMembership_IsRefusedByTheTransitionTable()
    {
        var run = new CaseKit().Open(new CasePlan { AssemblyDate = CaseKit.Date("2025-07-01") }).To(Milestone.Approved);

        Verdict.OnlyRefusedBy(run.Decide(CaseEventType.ArchiveSubmitted, CaseKit.Date("2026-11-20"), Archive()), "CASE-transition", RuleSeverity.Block);
    }
}
