using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>A WARN passed with a reason (API.md Errors).</summary>
public sealed record Override(string? Rule, string? Reason);

/// <summary>A BLOCK-EX passed with a structured exception record: basis, deciding organisation, decision date.</summary>
public sealed record RuleException(string? Rule, string? Basis, string? DecidedBy, DateOnly? DecisionDate);

public sealed record MentorOpinion(string? MemberId, bool? Supports);

public sealed record WrittenOpinion(string? MemberId, VotePosition? Position, DateTimeOffset? SubmittedAt);

public sealed record SponsorIntroduction(string? MemberId, bool? InPerson);

/// <summary>The assembly procedure of 第二十条 (R-20-procedure).</summary>
public sealed record AssemblyProcedure(bool? CandidateReported, bool? CommitteeReported, IReadOnlyList<SponsorIntroduction>? SponsorIntroductions);

/// <summary>
/// The fields of a recorded step: the union of the fields of every event type of API.md (each type uses its own).
/// The same record is what a client sends, what is stored (nulls omitted) and what the state is rebuilt from.
/// Computed figures of a vote (<see cref="Result"/>, <see cref="CountedVotesFor"/>, <see cref="ValidWrittenOpinionsFor"/>)
/// are set by the engine, never taken from the client.
/// </summary>
public sealed record EventData
{
    public string? Note { get; init; }

    // Talks
    public IReadOnlyList<string>? InterviewerMemberIds { get; init; }

    public IReadOnlyList<TalkTopic>? Topics { get; init; }

    public InterviewerRole? InterviewerRole { get; init; }

    // Activist stage
    public NominationMethod? Method { get; init; }

    public DecidingBody? DecidedBy { get; init; }

    public string? FiledWithOrgId { get; init; }

    public IReadOnlyList<string>? MentorMemberIds { get; init; }

    public bool? QualificationAttested { get; init; }

    public string? Summary { get; init; }

    public OpinionPurpose? Purpose { get; init; }

    public IReadOnlyList<OpinionSource>? Sources { get; init; }

    public IReadOnlyList<MentorOpinion>? MentorOpinions { get; init; }

    public string? ConsentingOrgId { get; init; }

    public DateOnly? StartDate { get; init; }

    public NoticePlace? Place { get; init; }

    /// <summary>PublicNoticeEnded: <see cref="PublicNoticeOutcome"/>; ConfirmationApproved: <see cref="ConfirmationOutcome"/>.</summary>
    public string? Outcome { get; init; }

    // Candidate stage
    public IReadOnlyList<string>? SponsorMemberIds { get; init; }

    public SponsorSource? Source { get; init; }

    public IReadOnlyList<PoliticalReviewMethod>? Methods { get; init; }

    public PoliticalReviewConclusion? Conclusion { get; init; }

    public int? Days { get; init; }

    public int? ClassHours { get; init; }

    public TrainingMode? Mode { get; init; }

    public string? OrganizerOrgId { get; init; }

    public string? ReviewingOrgId { get; init; }

    public string? Serial { get; init; }

    // Votes (G-08 … G-13)
    public VoteMethod? VoteMethod { get; init; }

    public DateTimeOffset? MeetingStartAt { get; init; }

    public int? EligibleVoterCount { get; init; }

    public int? PresentVoterCount { get; init; }

    public int? VotesFor { get; init; }

    public int? VotesAgainst { get; init; }

    public int? Abstentions { get; init; }

    public IReadOnlyList<WrittenOpinion>? WrittenOpinions { get; init; }

    public AssemblyProcedure? Procedure { get; init; }

    public string? ResolutionText { get; init; }

    public string? SecretaryMemberId { get; init; }

    // Submission and approval
    public string? SubmittedToOrgId { get; init; }

    public IReadOnlyList<DocumentType>? Materials { get; init; }

    public string? Opinion { get; init; }

    public string? ApprovingOrgId { get; init; }

    public DateOnly? ReportReceivedDate { get; init; }

    public int? CommitteeMemberCount { get; init; }

    public int? PresentCount { get; init; }

    public AnnouncedDecision? Decision { get; init; }

    public string? BranchId { get; init; }

    public string? CellId { get; init; }

    public ConfirmationOutcome? ProposedOutcome { get; init; }

    // Political review details
    public IReadOnlyList<PoliticalReviewItem>? ReviewItems { get; init; }

    public IReadOnlyList<ConsultedOrg>? ConsultedOrgs { get; init; }

    // Transfers
    public string? ToOrgId { get; init; }

    public bool? ReportedToOriginalOrg { get; init; }

    public bool? IntroductionProvided { get; init; }

    public bool? ContinuesTrainingTime { get; init; }

    public DateOnly? PostponedDiscussionDate { get; init; }

    // Discipline during probation, non-recognition, direct and posthumous admission
    public DisciplineSeriousness? Seriousness { get; init; }

    public string? DecidingOrgId { get; init; }

    public DevelopmentStage? AdmittedAs { get; init; }

    public DateOnly? ProbationStartDate { get; init; }

    public DateOnly? PartyAgeStartDate { get; init; }

    public IReadOnlyList<PosthumousCondition>? Conditions { get; init; }

    public DateOnly? BranchDecisionDate { get; init; }

    /// <summary>ArchiveSubmitted: the organisation that keeps the file (the committee or the county organisation department).</summary>
    public string? ArchivedWithOrgId { get; init; }

    public int? ExtensionMonths { get; init; }

    // Attachments (AttachmentAdded): the stored file, its digest, and the step it belongs to.
    public string? AttachmentId { get; init; }

    public DocumentType? DocumentType { get; init; }

    public string? FileName { get; init; }

    public string? Sha256 { get; init; }

    public long? Size { get; init; }

    /// <summary>The sequence number of the recorded step the document belongs to (optional).</summary>
    public int? AttachedToSeq { get; init; }

    // Computed by the engine for votes.
    public AssemblyResult? Result { get; init; }

    /// <summary>Y of G-10: in-person 赞成 plus valid written 赞成 opinions.</summary>
    public int? CountedVotesFor { get; init; }

    public int? ValidWrittenOpinionsFor { get; init; }

    public PublicNoticeOutcome? NoticeOutcome =>
        Enum.TryParse<PublicNoticeOutcome>(Outcome, out var o) && Enum.IsDefined(o) ? o : null;

    public ConfirmationOutcome? ConfirmationOutcome =>
        Enum.TryParse<ConfirmationOutcome>(Outcome, out var o) && Enum.IsDefined(o) ? o : null;
}

/// <summary>A step as recorded: its sequence number, type, date, data, and the overrides and exceptions it passed.</summary>
public sealed record CaseEvent(
    int Seq,
    CaseEventType Type,
    DateOnly Date,
    EventData Data,
    IReadOnlyList<Override> Overrides,
    IReadOnlyList<RuleException> Exceptions)
{
    public RulesVersion RulesVersion => RulesVersions.InForceOn(Date);
}

/// <summary>The engine's answer to a proposed step.</summary>
public sealed record Decision(
    IReadOnlyList<FieldError> Errors,
    IReadOnlyList<Refusal> Refusals,
    EventData Data,
    IReadOnlyList<Override> AcceptedOverrides,
    IReadOnlyList<RuleException> AcceptedExceptions)
{
    public bool IsAccepted => Errors.Count == 0 && Refusals.Count == 0;
}
