using Jishi.Domain.Development;

namespace Jishi.Domain.Tests.Development;

/// <summary>The "及时" follow-up deadlines (RULES.md §6 P-05 … P-07: 30 days) after approval (R-24-notify,
/// R-25-filing-to-org-dept, R-28-assign-branch-and-cell), confirmation (R-33-notify-and-talk) and non-recognition
/// (R-41-nonrecognition): outstanding until the step is recorded, met only on or before the due date.</summary>
public sealed class FollowUpDeadlinesTests
{
    private static (CaseEventType Type, EventData Data) StepFor(string rule) => rule switch
    {
        "R-24-notify" => (CaseEventType.DecisionAnnounced, new EventData { Decision = AnnouncedDecision.Admission }),
        "R-25-filing-to-org-dept" => (CaseEventType.AdmissionFiled, new EventData { FiledWithOrgId = CaseKit.CountyOrgDept }),
        "R-28-assign-branch-and-cell" => (CaseEventType.AssignedToBranchAndCell, new EventData { BranchId = CaseKit.Branch, CellId = CaseKit.Cell }),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    private static Deadline Find(CaseRun run, string rule) => Assert.Single(Deadlines.Of(run.State), d => d.Rule == rule);

    [Theory]
    [InlineData("R-24-notify")]
    [InlineData("R-25-filing-to-org-dept")]
    [InlineData("R-28-assign-branch-and-cell")]
    public void Deadlines_AfterAnApprovalOn2026_07_20_AreDue30DaysLater_AndOutstanding(string rule)
    {
        var run = new CaseKit().Open().To(Milestone.Approved);
        Assert.Equal(CaseKit.Date("2026-07-20"), run.State.ApprovalDate);

        var deadline = Find(run, rule);

        Assert.Equal(CaseKit.Date("2026-08-19"), deadline.DueDate);
        Assert.Null(deadline.CompletedDate);
        Assert.True(deadline.Outstanding);
        Assert.False(deadline.Satisfied);
    }

    [Theory]
    [InlineData("R-24-notify", "2026-07-21", true)]
    [InlineData("R-24-notify", "2026-08-19", true)]
    [InlineData("R-24-notify", "2026-08-20", false)]
    [InlineData("R-25-filing-to-org-dept", "2026-08-19", true)]
    [InlineData("R-25-filing-to-org-dept", "2026-08-20", false)]
    [InlineData("R-28-assign-branch-and-cell", "2026-08-19", true)]
    [InlineData("R-28-assign-branch-and-cell", "2026-08-20", false)]
    public void Deadlines_AfterApproval_AreCompletedOnTheStepsDate_AndMetOnlyByTheDueDate(string rule, string done, bool satisfied)
    {
        var run = new CaseKit().Open().To(Milestone.Approved);
        var (type, data) = StepFor(rule);

        run.Record(type, done, data);

        var deadline = Find(run, rule);
        Assert.Equal(CaseKit.Date("2026-08-19"), deadline.DueDate);
        Assert.Equal(CaseKit.Date(done), deadline.CompletedDate);
        Assert.False(deadline.Outstanding);
        Assert.Equal(satisfied, deadline.Satisfied);
    }

    [Fact]
    public void Deadlines_AfterApproval_AreCompletedEachOnlyByItsOwnStep()
    {
        var run = new CaseKit().Open().To(Milestone.Approved);

        run.Record(CaseEventType.AdmissionFiled, "2026-07-25", StepFor("R-25-filing-to-org-dept").Data);

        Assert.Equal(CaseKit.Date("2026-07-25"), Find(run, "R-25-filing-to-org-dept").CompletedDate);
        Assert.True(Find(run, "R-24-notify").Outstanding);
        Assert.True(Find(run, "R-28-assign-branch-and-cell").Outstanding);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("2026-08-10", true)]
    [InlineData("2026-08-11", false)]
    public void Deadlines_AfterAConfirmationApprovedOn2026_07_11_AskForTheR33NotificationBy2026_08_10(string? announced, bool satisfied)
    {
        // Assembly 2025-07-01: confirmation vote 2026-07-01, approved 2026-07-11.
        var run = new CaseKit().Open(new CasePlan { AssemblyDate = CaseKit.Date("2025-07-01") }).To(Milestone.Confirmed);
        if (announced is not null)
        {
            run.Record(CaseEventType.DecisionAnnounced, announced, new EventData { Decision = AnnouncedDecision.Confirmation });
        }

        var deadline = Find(run, "R-33-notify-and-talk");

        Assert.Equal(CaseKit.Date("2026-08-10"), deadline.DueDate);
        Assert.Equal(announced is null ? null : CaseKit.Date(announced), deadline.CompletedDate);
        Assert.Equal(announced is null, deadline.Outstanding);
        Assert.Equal(satisfied, deadline.Satisfied);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("2026-02-09", true)]
    [InlineData("2026-02-10", false)]
    public void Deadlines_AfterNonRecognitionOn2026_01_10_AskOnlyForTheR41AnnouncementBy2026_02_09(string? announced, bool satisfied)
    {
        var run = new CaseKit().Open(new CasePlan { AssemblyDate = CaseKit.Date("2025-07-01") }).To(Milestone.OathTaken);
        run.Record(CaseEventType.NonRecognitionDecided, "2026-01-10",
            new EventData { DecidingOrgId = CaseKit.CountyOrgDept, Note = "违反规定吸收入党，经综合分析研判不符合党员条件" });
        if (announced is not null)
        {
            run.Record(CaseEventType.DecisionAnnounced, announced, new EventData { Decision = AnnouncedDecision.NotRecognized });
        }

        var deadline = Assert.Single(Deadlines.Of(run.State));

        Assert.Equal("R-41-nonrecognition", deadline.Rule);
        Assert.Equal(CaseKit.Date("2026-02-09"), deadline.DueDate);
        Assert.Equal(announced is null ? null : CaseKit.Date(announced), deadline.CompletedDate);
        Assert.Equal(satisfied, deadline.Satisfied);
    }
}
