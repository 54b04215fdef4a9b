namespace Jishi.Domain.Development;

/// <summary>
/// The state of a development case, derived only by replaying its recorded steps through the transition table.
/// Dates that the rules derive (probation, expiry, party age) are computed here, never typed in.
/// </summary>
public sealed class CaseState
{
    private readonly List<CaseEvent> events = [];

    public DevelopmentStage Stage { get; private set; } = DevelopmentStage.Applicant;

    public CaseStatus Status { get; private set; } = CaseStatus.Open;

    public IReadOnlyList<CaseEvent> Events => events;

    public int NextSeq => events.Count + 1;

    public DateOnly? ApplicationReceivedDate { get; private set; }

    public DateOnly? ActivistDate { get; private set; }

    public DateOnly? CandidateListedDate { get; private set; }

    public DateOnly? PreReviewPassedDate { get; private set; }

    /// <summary>支部大会通过接收之日 = 预备期起算日 .</summary>
    public DateOnly? AssemblyDate { get; private set; }

    public DateOnly? ApprovalDate { get; private set; }

    public DateOnly? ProbationStartDate => Stage >= DevelopmentStage.ProbationaryMember ? directProbationStart ?? AssemblyDate : null;

    private DateOnly? directProbationStart;

    /// <summary>推迟后的转正讨论日期 .</summary>
    public DateOnly? PostponedDiscussionDate { get; private set; }

    /// <summary>A 情节较重 breach of discipline during probation was recorded (R-31-discipline-during-probation).</summary>
    public bool SeriousBreachDuringProbation { get; private set; }

    /// <summary>The last transfer of this stage that the receiving organisation has not yet reviewed .</summary>
    public CaseEvent? UnreviewedTransfer => events.LastOrDefault(e => e.Type is CaseEventType.ActivistTransferred or CaseEventType.ProbationaryTransferred)
        is { } t && !events.Any(e => e.Type == CaseEventType.TransferredMaterialsReviewed && e.Seq > t.Seq) ? t : null;

    /// <summary>The probationary member was transferred in during probation .</summary>
    public bool TransferredDuringProbation =>
        events.Any(e => e.Type == CaseEventType.ProbationaryTransferred && (ProbationEndDate is null || e.Date <= ProbationEndDate));

    /// <summary>Admitted directly by a central or provincial committee: the branch-level steps never happen.</summary>
    public bool DirectlyAdmitted => events.Any(e => e.Type == CaseEventType.DirectlyAdmitted);

    /// <summary>预备期最后一日: start + 1 year − 1 day (R-31-probation-period).</summary>
    public DateOnly? ProbationEndDate => ExpiryDate?.AddDays(-1);

    /// <summary>预备期满之日: start + 1 year (G-02).</summary>
    public DateOnly? ExpiryDate => ProbationStartDate?.AddYears(1);

    public int? ExtensionMonths { get; private set; }

    /// <summary>延长后预备期满之日 = ExpiryDate + L months (R-31-extension).</summary>
    public DateOnly? ExtendedExpiryDate => ExtensionMonths is { } l ? ExpiryDate?.AddMonths(l) : null;

    /// <summary>The date from which the probationary member may be discussed for confirmation.</summary>
    public DateOnly? CurrentExpiryDate => ExtendedExpiryDate ?? ExpiryDate;

    public DateOnly? PartyAgeStartDate { get; private set; }

    public IEnumerable<CaseEvent> Of(CaseEventType type) => events.Where(e => e.Type == type);

    public CaseEvent? Last(CaseEventType type) => events.LastOrDefault(e => e.Type == type);

    /// <summary>Steps of a type recorded while the case was at <paramref name="stage"/> (e.g. the branch review for
    /// admission vs the one for confirmation).</summary>
    public IEnumerable<CaseEvent> OfAtStage(CaseEventType type, DevelopmentStage stage) =>
        stagesAt.Where(x => x.Event.Type == type && x.Stage == stage).Select(x => x.Event);

    private readonly List<(CaseEvent Event, DevelopmentStage Stage)> stagesAt = [];

    /// <summary>The last admission vote that passed, if any.</summary>
    public CaseEvent? PassedAdmissionVote =>
        events.LastOrDefault(e => e.Type == CaseEventType.AdmissionVoteHeld && e.Data.Result == AssemblyResult.Passed);

    /// <summary>The last confirmation vote, if any.</summary>
    public CaseEvent? LastConfirmationVote => Last(CaseEventType.ConfirmationVoteHeld);

    /// <summary>Whether an extension of probation was decided (at most one, R-31-extension).</summary>
    public bool ExtensionUsed => ExtensionMonths is not null;

    public static CaseState Replay(IEnumerable<CaseEvent> recorded)
    {
        var state = new CaseState();
        foreach (var e in recorded)
        {
            state.Apply(e);
        }

        return state;
    }

    /// <summary>Applies an accepted step: the transition table alone moves the stage and status (the row the step's data
    /// matches); the step's own dates are kept. A step the table does not allow here is a programming error.</summary>
    public void Apply(CaseEvent e)
    {
        var row = e.Type == CaseEventType.ApplicationReceived ? null
            : TransitionTable.Find(Stage, Status, e.Type, e.Data) ?? throw new InvalidOperationException($"{e.Type} is not allowed at {Stage}/{Status}");
        stagesAt.Add((e, Stage));
        events.Add(e);
        switch (e.Type)
        {
            case CaseEventType.ApplicationReceived:
                ApplicationReceivedDate = e.Date;
                break;
            case CaseEventType.ActivistDesignated:
                ActivistDate = e.Date;
                break;
            case CaseEventType.CandidateListed:
                CandidateListedDate = e.Date;
                break;
            case CaseEventType.PreReviewPassed:
                PreReviewPassedDate = e.Date;
                break;
            case CaseEventType.AdmissionVoteHeld when e.Data.Result == AssemblyResult.Passed:
                AssemblyDate = e.Date;
                break;
            case CaseEventType.AdmissionApproved or CaseEventType.AdmissionRejected or CaseEventType.PosthumouslyAdmitted:
                ApprovalDate = e.Date;
                break;
            case CaseEventType.TransferredMaterialsReviewed when Stage == DevelopmentStage.Activist && e.Data.ContinuesTrainingTime == false:
                ActivistDate = e.Date; // the receiving organisation restarts the training time
                break;
            case CaseEventType.ConfirmationPostponed:
                PostponedDiscussionDate = e.Data.PostponedDiscussionDate;
                break;
            case CaseEventType.ProbationDisciplineRecorded when e.Data.Seriousness == DisciplineSeriousness.Serious:
                SeriousBreachDuringProbation = true;
                break;
            case CaseEventType.DirectlyAdmitted:
                ApprovalDate = e.Date;
                if (row!.To == DevelopmentStage.FullMember)
                {
                    PartyAgeStartDate = e.Data.PartyAgeStartDate ?? e.Date;
                }
                else
                {
                    directProbationStart = e.Data.ProbationStartDate ?? e.Date;
                }

                break;
            case CaseEventType.ConfirmationApproved when row!.To == DevelopmentStage.FullMember:
                PartyAgeStartDate = CurrentExpiryDate;
                break;
            case CaseEventType.ConfirmationApproved when row!.To is null && row.ToStatus is null:
                ExtensionMonths = e.Data.ExtensionMonths;
                break;
        }

        if (row?.To is { } stage)
        {
            Stage = stage;
        }

        if (row?.ToStatus is { } status)
        {
            Status = status;
        }
    }
}
