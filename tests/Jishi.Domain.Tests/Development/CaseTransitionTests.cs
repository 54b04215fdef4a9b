using Jishi.Domain.Development;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Development;

/// <summary>The transition table (RULES.md §7, CASE-transition), dates (G-05), deadlines and the workflow diagram.</summary>
public sealed class CaseTransitionTests
{
    /// <summary>Data that passes the field checks of each step type, so that only the transition is judged.</summary>
    private static EventData AnyValidData(CaseEventType type, DateOnly date) => type switch
    {
        CaseEventType.ApplicationTalkHeld => CaseData.Talk(),
        CaseEventType.NominationRecorded => new EventData { Method = NominationMethod.Other },
        CaseEventType.ActivistDesignated or CaseEventType.CandidateProposed or CaseEventType.BranchReviewPassed =>
            new EventData { DecidedBy = DecidingBody.BranchCommitteeMeeting },
        CaseEventType.ActivistFiled or CaseEventType.AdmissionFiled => new EventData { FiledWithOrgId = CaseKit.Committee },
        CaseEventType.MentorAssigned => CaseData.Mentors(CaseKit.MentorA),
        CaseEventType.SponsorsAssigned => CaseData.Sponsors(CaseKit.MentorA, CaseKit.MentorB),
        CaseEventType.PoliticalReviewConcluded => CaseData.PoliticalReview(),
        CaseEventType.PreReviewPassed => new EventData { ReviewingOrgId = CaseKit.Committee },
        CaseEventType.AdmissionFormIssued => new EventData { Serial = "GD-9" },
        CaseEventType.AdmissionVoteHeld => CaseData.Vote(date, 10, 10, 10),
        CaseEventType.ConfirmationVoteHeld => CaseData.ConfirmationVote(date, 10, ConfirmationOutcome.ConfirmOnTime),
        CaseEventType.AdmissionApproved or CaseEventType.AdmissionRejected => CaseData.Approval(date),
        CaseEventType.ConfirmationApproved => CaseData.ConfirmationApproval(date, ConfirmationOutcome.ConfirmOnTime),
        CaseEventType.ApprovalTalkHeld => CaseData.ApprovalTalk(),
        CaseEventType.AssignedToBranchAndCell => new EventData { BranchId = CaseKit.Branch },
        CaseEventType.ProbationAssessed or CaseEventType.ActivistAssessed => new EventData { Summary = "表现良好" },
        _ => new EventData(),
    };

    [Theory]
    [InlineData(CaseEventType.CandidateListed)]
    [InlineData(CaseEventType.AdmissionApproved)]
    [InlineData(CaseEventType.OathTaken)]
    [InlineData(CaseEventType.MentorAssigned)]
    public void Step_NotLegalForAnApplicant_IsRefusedWithTheListOfLegalSteps(CaseEventType type)
    {
        var run = new CaseKit().Open();
        var date = run.Next(CaseEventType.ApplicationTalkHeld).Date;

        var refusal = Verdict.OnlyRefusedBy(run.Decide(type, date, AnyValidData(type, date)), TransitionTable.RuleId, RuleSeverity.Block);

        Assert.Contains("Applicant", refusal.Message);
        foreach (var legal in TransitionTable.LegalAt(DevelopmentStage.Applicant, CaseStatus.Open))
        {
            Assert.Contains(legal.ToString(), refusal.Message);
        }
    }

    [Fact]
    public void ApplicationReceived_ThroughTheEngine_IsRefusedByTheTransitionTable()
    {
        var run = new CaseKit().Open();

        Verdict.OnlyRefusedBy(run.Decide(CaseEventType.ApplicationReceived, run.Plan.Received, new EventData()), TransitionTable.RuleId,
            RuleSeverity.Block);
    }

    [Fact]
    public void CaseState_ApplyingAStepTheTableDoesNotAllow_Throws()
    {
        var state = new CaseState();
        state.Apply(new CaseEvent(1, CaseEventType.ApplicationReceived, CaseKit.Date("2026-01-05"), new EventData(), [], []));

        Assert.Throws<InvalidOperationException>(() =>
            state.Apply(new CaseEvent(2, CaseEventType.CandidateListed, CaseKit.Date("2026-01-06"), new EventData(), [], [])));
    }

    [Fact]
    public void CaseState_ReplayOfTheRecordedSteps_GivesTheSameStateAndDates()
    {
        var run = new CaseKit { Today = CaseKit.Date("2027-12-31") }.Open().To(Milestone.Confirmed);

        var replayed = CaseState.Replay(run.State.Events);

        Assert.Equal(run.State.Stage, replayed.Stage);
        Assert.Equal(run.State.ActivistDate, replayed.ActivistDate);
        Assert.Equal(run.State.CandidateListedDate, replayed.CandidateListedDate);
        Assert.Equal(run.State.PartyAgeStartDate, replayed.PartyAgeStartDate);
    }

    [Theory]
    [InlineData(CaseEventType.OathTaken)]
    [InlineData(CaseEventType.AdmissionApproved)]
    [InlineData(CaseEventType.AdmissionVoteHeld)]
    [InlineData(CaseEventType.ApprovalTalkHeld)]
    [InlineData(CaseEventType.ConfirmationVoteHeld)]
    [InlineData(CaseEventType.AssignedToBranchAndCell)]
    public void Step_AfterAdmissionRejected_IsRefusedExceptTheAnnouncement(CaseEventType type)
    {
        var run = Rejected(out var date);

        Verdict.OnlyRefusedBy(run.Decide(type, date, AnyValidData(type, date)), TransitionTable.RuleId, RuleSeverity.Block);
    }

    [Fact]
    public void DecisionAnnounced_NotApprovedAfterAdmissionRejected_IsAccepted()
    {
        var run = Rejected(out var date);

        Verdict.Accepted(run.Decide(CaseEventType.DecisionAnnounced, date, new EventData { Decision = AnnouncedDecision.NotApproved }));
        Verdict.OnlyRefusedBy(run.Decide(CaseEventType.DecisionAnnounced, date, new EventData { Decision = AnnouncedDecision.Admission }),
            "R-24-notify", RuleSeverity.Block);
    }

    private static CaseRun Rejected(out DateOnly next)
    {
        var run = new CaseKit().Open().RecordUntil(CaseEventType.AdmissionApproved);
        var step = run.Next(CaseEventType.AdmissionApproved);
        run.Record(CaseEventType.AdmissionRejected, step.Date, step.Data with { VotesFor = 1 });
        Assert.Equal(CaseStatus.AdmissionNotApproved, run.State.Status);
        Assert.Equal(DevelopmentStage.Candidate, run.State.Stage);
        next = step.Date.AddDays(3);
        return run;
    }

    [Fact]
    public void DecisionAnnounced_AdmissionBeforeTheCommitteeApproved_IsRefused()
    {
        // R-24-notify: the branch announces the admission after the committee approved it (第二十四条). A candidate whose
        // assembly passed but whose approval is still pending has nothing to announce.
        var run = new CaseKit().Open().To(Milestone.AssemblyPassed);
        var date = run.State.AssemblyDate!.Value.AddDays(1);

        var decision = run.Decide(CaseEventType.DecisionAnnounced, date, new EventData { Decision = AnnouncedDecision.Admission });

        Assert.False(decision.IsAccepted, "an admission was announced before the committee approved it: " + CaseRun.Describe(decision));
    }

    [Fact]
    public void DecisionAnnounced_AdmissionAfterApproval_IsAccepted()
    {
        var run = new CaseKit().Open().To(Milestone.Approved);

        Verdict.Accepted(run.Decide(CaseEventType.DecisionAnnounced, run.State.ApprovalDate!.Value.AddDays(2),
            new EventData { Decision = AnnouncedDecision.Admission }));
    }

    [Theory]
    [InlineData("2026-11-22", "2026-11-23")]
    [InlineData("2027-01-10", "2027-01-11")]
    public void Step_DatedAfterToday_IsRefusedByG05(string today, string stepDate)
    {
        var kit = new CaseKit { Today = CaseKit.Date(today) };
        var run = kit.Open().To(Milestone.OathTaken);

        Verdict.OnlyRefusedBy(run.Decide(CaseEventType.ProbationAssessed, stepDate, new EventData { Summary = "表现良好" }), "G-05-dates",
            RuleSeverity.Block);
        Verdict.Accepted(run.Decide(CaseEventType.ProbationAssessed, today, new EventData { Summary = "表现良好" }));
    }

    [Fact]
    public void Step_DatedBeforeThePreviousStep_IsRefusedByG05()
    {
        var run = new CaseKit().Open().To(Milestone.Activist);
        var activist = run.State.ActivistDate!.Value;

        var decision = run.Decide(CaseEventType.ActivistFiled, activist.AddDays(-1), new EventData { FiledWithOrgId = CaseKit.Committee });

        Verdict.OnlyRefusedBy(decision, "G-05-dates", RuleSeverity.Block);
        Verdict.Accepted(run.Decide(CaseEventType.ActivistFiled, activist, new EventData { FiledWithOrgId = CaseKit.Committee }));
    }

    [Fact]
    public void Deadlines_AfterTheApplication_IncludeTheTalkDueOneCalendarMonthLater()
    {
        var run = new CaseKit().Open(new CasePlan { ActivistDate = CaseKit.Date("2026-03-12") });
        Assert.Equal(CaseKit.Date("2026-01-31"), run.State.ApplicationReceivedDate);

        var before = Assert.Single(Deadlines.Of(run.State), d => d.Rule == "R-07-talk-within-1-month");
        run.Record(CaseEventType.ApplicationTalkHeld, "2026-02-10", CaseData.Talk());
        var after = Assert.Single(Deadlines.Of(run.State), d => d.Rule == "R-07-talk-within-1-month");

        Assert.Equal((CaseKit.Date("2026-02-28"), false), (before.DueDate, before.Satisfied));
        Assert.Equal((CaseKit.Date("2026-02-28"), true), (after.DueDate, after.Satisfied));
    }

    [Theory]
    [InlineData("2026-07-10", "2026-08-20")]
    [InlineData("2025-08-10", "2025-09-20")]
    public void Deadlines_AfterApproval_IncludeTheOathDueOneCalendarMonthLater(string assembly, string due)
    {
        var run = new CaseKit().Open(new CasePlan { AssemblyDate = CaseKit.Date(assembly) }).To(Milestone.Approved);

        var oath = Assert.Single(Deadlines.Of(run.State), d => d.Rule == "R-29-oath-within-1-month");
        Assert.Equal((CaseKit.Date(due), false), (oath.DueDate, oath.Satisfied));

        run.To(Milestone.OathTaken);
        Assert.True(Assert.Single(Deadlines.Of(run.State), d => d.Rule == "R-29-oath-within-1-month").Satisfied);
    }

    [Fact]
    public void Deadlines_AfterAPreReviewUnderThe2026Rules_IncludeTheAssemblyDueOneMonthLater()
    {
        var run = new CaseKit().Open(new CasePlan { PreReviewDate = CaseKit.Date("2026-05-31") }).To(Milestone.PreReviewPassed);

        var assembly = Assert.Single(Deadlines.Of(run.State), d => d.Rule == "R-19-assembly-within-1-month");

        Assert.Equal((CaseKit.Date("2026-06-30"), false), (assembly.DueDate, assembly.Satisfied));
    }

    [Fact]
    public void Deadlines_AfterAPreReviewUnderThe2014Rules_HaveNoAssemblyDeadline()
    {
        var run = new CaseKit().Open(new CasePlan { PreReviewDate = CaseKit.Date("2026-03-01") }).To(Milestone.PreReviewPassed);

        Assert.DoesNotContain(Deadlines.Of(run.State), d => d.Rule == "R-19-assembly-within-1-month");
    }

    [Fact]
    public void Deadlines_AfterTheSubmission_IncludeTheApprovalDueThreeMonthsLater()
    {
        var run = new CaseKit().Open(new CasePlan { AssemblyDate = CaseKit.Date("2026-01-12") }).RecordThrough(CaseEventType.AdmissionSubmitted);

        var approval = Assert.Single(Deadlines.Of(run.State), d => d.Rule == "R-25-approval-within-3-months");

        Assert.Equal((CaseKit.Date("2026-04-15"), false), (approval.DueDate, approval.Satisfied));
    }

    [Theory]
    [InlineData("Applicant", "Activist", CaseEventType.ActivistDesignated)]
    [InlineData("Activist", "Candidate", CaseEventType.CandidateListed)]
    [InlineData("Candidate", "ProbationaryMember", CaseEventType.AdmissionApproved)]
    [InlineData("Candidate", "AdmissionNotApproved", CaseEventType.AdmissionRejected)]
    [InlineData("ProbationaryMember", "FullMember", CaseEventType.ConfirmationApproved)]
    [InlineData("ProbationaryMember", "ProbationCancelled", CaseEventType.ConfirmationApproved)]
    public void ToMermaid_ContainsEachStageMovingTransitionOfSection7(string from, string to, CaseEventType type)
    {
        Assert.Contains($"    {from} --> {to}: {type}", TransitionTable.ToMermaid());
    }

    [Fact]
    public void ToMermaid_ContainsEveryStageMovingTransitionOfTheTable()
    {
        var mermaid = TransitionTable.ToMermaid();

        Assert.StartsWith("%% Generated from", mermaid);
        Assert.Contains("[*] --> Applicant: ApplicationReceived", mermaid);
        foreach (var t in TransitionTable.All.Where(t => t.To is not null || t.ToStatus is not null))
        {
            Assert.Contains($"{t.From} --> {t.To?.ToString() ?? t.ToStatus!.Value.ToString()}: {t.Event}", mermaid);
        }
    }
}
