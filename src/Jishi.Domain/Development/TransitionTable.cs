using System.Text;

namespace Jishi.Domain.Development;

/// <summary>One legal step: at <see cref="From"/> (case open) the step <see cref="Event"/> may be recorded; it moves the
/// case to <see cref="To"/> (stage) or <see cref="ToStatus"/> (terminal status) or leaves it where it is. Where one step
/// leads to different places by its outcome (转正 / 延长 / 取消, direct admission as probationary or full member), each
/// row has its <see cref="When"/> and exactly one row matches a recorded step.</summary>
public sealed record Transition(DevelopmentStage From, CaseEventType Event, DevelopmentStage? To = null, CaseStatus? ToStatus = null,
    string? Condition = null, Func<EventData, bool>? When = null)
{
    public bool Matches(EventData data) => When is null || When(data);
}

/// <summary>
/// Every legal step of the development case, declared once (RULES.md §7). Anything not listed is refused with
/// <c>CASE-transition</c>; the case's state is derived only through this table; the workflow diagram in
/// docs/workflows/development-case.mmd is generated from it.
/// </summary>
public static class TransitionTable
{
    public const string RuleId = "CASE-transition";

    public static readonly IReadOnlyList<Transition> All =
    [
        new(DevelopmentStage.Applicant, CaseEventType.ApplicationTalkHeld),
        new(DevelopmentStage.Applicant, CaseEventType.NominationRecorded),
        new(DevelopmentStage.Applicant, CaseEventType.ActivistDesignated, DevelopmentStage.Activist),
        .. DirectAdmission(DevelopmentStage.Applicant),
        new(DevelopmentStage.Applicant, CaseEventType.PosthumouslyAdmitted, DevelopmentStage.FullMember, CaseStatus.Deceased, "追认（R-27）"),
        new(DevelopmentStage.Applicant, CaseEventType.AttachmentAdded),

        new(DevelopmentStage.Activist, CaseEventType.NominationRecorded),
        new(DevelopmentStage.Activist, CaseEventType.ActivistFiled),
        new(DevelopmentStage.Activist, CaseEventType.MentorAssigned),
        new(DevelopmentStage.Activist, CaseEventType.ActivistAssessed),
        new(DevelopmentStage.Activist, CaseEventType.OpinionsCollected),
        new(DevelopmentStage.Activist, CaseEventType.CandidateProposed),
        new(DevelopmentStage.Activist, CaseEventType.CandidateConsented),
        new(DevelopmentStage.Activist, CaseEventType.PublicNoticeEnded),
        new(DevelopmentStage.Activist, CaseEventType.CandidateListed, DevelopmentStage.Candidate),
        new(DevelopmentStage.Activist, CaseEventType.ActivistTransferred, Condition: "材料转交接收单位（R-12）"),
        new(DevelopmentStage.Activist, CaseEventType.TransferredMaterialsReviewed),
        .. DirectAdmission(DevelopmentStage.Activist),
        new(DevelopmentStage.Activist, CaseEventType.PosthumouslyAdmitted, DevelopmentStage.FullMember, CaseStatus.Deceased, "追认（R-27）"),
        new(DevelopmentStage.Activist, CaseEventType.AttachmentAdded),

        new(DevelopmentStage.Candidate, CaseEventType.SponsorsAssigned),
        new(DevelopmentStage.Candidate, CaseEventType.PoliticalReviewConcluded),
        new(DevelopmentStage.Candidate, CaseEventType.TrainingCompleted),
        new(DevelopmentStage.Candidate, CaseEventType.BranchReviewPassed),
        new(DevelopmentStage.Candidate, CaseEventType.PreReviewPassed),
        new(DevelopmentStage.Candidate, CaseEventType.AdmissionFormIssued),
        new(DevelopmentStage.Candidate, CaseEventType.AdmissionVoteHeld, Condition: "表决通过：记录支部大会日期（预备期起算）"),
        new(DevelopmentStage.Candidate, CaseEventType.AdmissionSubmitted),
        new(DevelopmentStage.Candidate, CaseEventType.IntermediateReviewed),
        new(DevelopmentStage.Candidate, CaseEventType.ApprovalTalkHeld),
        new(DevelopmentStage.Candidate, CaseEventType.AdmissionApproved, DevelopmentStage.ProbationaryMember),
        new(DevelopmentStage.Candidate, CaseEventType.AdmissionRejected, ToStatus: CaseStatus.AdmissionNotApproved),
        .. DirectAdmission(DevelopmentStage.Candidate),
        new(DevelopmentStage.Candidate, CaseEventType.PosthumouslyAdmitted, DevelopmentStage.FullMember, CaseStatus.Deceased, "追认（R-27）"),
        new(DevelopmentStage.Candidate, CaseEventType.AttachmentAdded),

        new(DevelopmentStage.ProbationaryMember, CaseEventType.AdmissionFiled),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.DecisionAnnounced),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.AssignedToBranchAndCell),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.OathTaken),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.ProbationAssessed),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.FullMembershipRequested),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.OpinionsCollected),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.BranchReviewPassed),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.ConfirmationVoteHeld),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.ConfirmationApproved, DevelopmentStage.FullMember,
            Condition: "按期转正 / 延长期满转正", When: d => d.ConfirmationOutcome is ConfirmationOutcome.ConfirmOnTime or ConfirmationOutcome.Confirm),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.ConfirmationApproved, ToStatus: CaseStatus.ProbationCancelled,
            Condition: "取消预备党员资格", When: d => d.ConfirmationOutcome == ConfirmationOutcome.CancelProbation),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.ConfirmationApproved, Condition: "延长预备期（6–12 个月，一次）",
            When: d => d.ConfirmationOutcome is not (ConfirmationOutcome.ConfirmOnTime or ConfirmationOutcome.Confirm or ConfirmationOutcome.CancelProbation)),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.ProbationaryTransferred, Condition: "预备期内转移（R-34）"),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.TransferredMaterialsReviewed),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.ConfirmationPostponed),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.ProbationDisciplineRecorded),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.NonRecognitionDecided, ToStatus: CaseStatus.NotRecognized, Condition: "不予承认（R-34、R-41）"),
        new(DevelopmentStage.ProbationaryMember, CaseEventType.AttachmentAdded),

        new(DevelopmentStage.FullMember, CaseEventType.DecisionAnnounced),
        new(DevelopmentStage.FullMember, CaseEventType.NonRecognitionDecided, ToStatus: CaseStatus.NotRecognized, Condition: "不予承认（R-41）"),
        new(DevelopmentStage.FullMember, CaseEventType.ArchiveSubmitted, ToStatus: CaseStatus.Archived, Condition: "材料归档，个案办结（R-36）"),
        new(DevelopmentStage.FullMember, CaseEventType.AttachmentAdded),
    ];

    /// <summary>直接接收 (R-26): as a probationary member by default, as a full member when the decision says so.</summary>
    private static Transition[] DirectAdmission(DevelopmentStage from) =>
    [
        new(from, CaseEventType.DirectlyAdmitted, DevelopmentStage.ProbationaryMember, Condition: "中央或省级党委直接接收（R-26）",
            When: d => d.AdmittedAs != DevelopmentStage.FullMember),
        new(from, CaseEventType.DirectlyAdmitted, DevelopmentStage.FullMember, Condition: "直接接收为正式党员（R-26）",
            When: d => d.AdmittedAs == DevelopmentStage.FullMember),
    ];

    /// <summary>Whether the step may be recorded at this stage and status (closed cases allow only the notification
    /// of a negative outcome).</summary>
    public static bool IsLegal(DevelopmentStage stage, CaseStatus status, CaseEventType type) =>
        status == CaseStatus.Open ? All.Any(t => t.From == stage && t.Event == type)
        : type == CaseEventType.DecisionAnnounced && status is CaseStatus.AdmissionNotApproved or CaseStatus.ProbationCancelled or CaseStatus.NotRecognized;

    /// <summary>The row a recorded step takes: the one of its (stage, step) rows its data matches; null when the step is
    /// not legal here.</summary>
    public static Transition? Find(DevelopmentStage stage, CaseStatus status, CaseEventType type, EventData data)
    {
        if (!IsLegal(stage, status, type))
        {
            return null;
        }

        if (status != CaseStatus.Open)
        {
            return new Transition(stage, type, Condition: "通知本人并做好思想工作（R-24-not-approved-notify）");
        }

        var rows = All.Where(t => t.From == stage && t.Event == type && t.Matches(data)).ToList();
        return rows.Count == 1 ? rows[0]
            : throw new InvalidOperationException($"{type} at {stage}: {rows.Count} transition rows match the step, the table must give exactly one");
    }

    /// <summary>The steps that may be recorded next on an open case at <paramref name="stage"/>.</summary>
    public static IEnumerable<CaseEventType> LegalAt(DevelopmentStage stage, CaseStatus status) =>
        status == CaseStatus.Open ? All.Where(t => t.From == stage).Select(t => t.Event).Distinct()
        : status is CaseStatus.AdmissionNotApproved or CaseStatus.ProbationCancelled or CaseStatus.NotRecognized ? [CaseEventType.DecisionAnnounced]
        : [];

    /// <summary>The Mermaid state diagram of the table (docs/workflows/development-case.mmd).</summary>
    public static string ToMermaid()
    {
        var sb = new StringBuilder();
        sb.Append("%% Generated from Jishi.Domain.Development.TransitionTable — do not edit by hand.\n");
        sb.Append("stateDiagram-v2\n");
        sb.Append("    [*] --> Applicant: ApplicationReceived\n");
        foreach (var t in All.Where(t => t.To is not null || t.ToStatus is not null))
        {
            var target = t.To?.ToString() ?? t.ToStatus!.ToString();
            sb.Append($"    {t.From} --> {target}: {t.Event}{(t.Condition is null ? "" : " — " + t.Condition)}\n");
        }

        foreach (var stage in Enum.GetValues<DevelopmentStage>())
        {
            var steps = All.Where(t => t.From == stage && t.To is null && t.ToStatus is null).Select(t => t.Event.ToString()).Distinct().ToList();
            if (steps.Count > 0)
            {
                sb.Append($"    note right of {stage}\n");
                foreach (var chunk in steps.Chunk(3))
                {
                    sb.Append($"        {string.Join(", ", chunk)}\n");
                }

                sb.Append("    end note\n");
            }
        }

        foreach (var terminal in All.Where(t => t.ToStatus is not null).Select(t => t.ToStatus!.Value).Distinct())
        {
            sb.Append($"    {terminal} --> [*]\n");
        }

        sb.Append("    FullMember --> [*]\n");
        return sb.ToString();
    }
}
