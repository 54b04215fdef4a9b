namespace Jishi.Domain.Development;

/// <summary>发展阶段 (GLOSSARY §1).</summary>
public enum DevelopmentStage
{
    Applicant,
    Activist,
    Candidate,
    ProbationaryMember,
    FullMember,
}

/// <summary>个案状态: <see cref="Open"/> while the process runs, otherwise a terminal/side status (GLOSSARY §1).</summary>
public enum CaseStatus
{
    Open,
    ApplicationRefused,
    ActivistRemoved,
    AdmissionNotPassed,
    AdmissionNotApproved,
    ProbationCancelled,
    NotRecognized,
    Withdrawn,
    Removed,
    Expelled,
    Deceased,

    /// <summary>材料归档: the case's materials were handed to the committee and the case is closed .</summary>
    Archived,
}

/// <summary>The steps recorded on a development case (API.md "Development cases"; GLOSSARY §7).</summary>
public enum CaseEventType
{
    ApplicationReceived,
    ApplicationTalkHeld,
    NominationRecorded,
    ActivistDesignated,
    ActivistFiled,
    MentorAssigned,
    ActivistAssessed,
    OpinionsCollected,
    CandidateProposed,
    CandidateConsented,
    PublicNoticeEnded,
    CandidateListed,
    SponsorsAssigned,
    PoliticalReviewConcluded,
    TrainingCompleted,
    BranchReviewPassed,
    PreReviewPassed,
    AdmissionFormIssued,
    AdmissionVoteHeld,
    AdmissionSubmitted,
    IntermediateReviewed,
    ApprovalTalkHeld,
    AdmissionApproved,
    AdmissionRejected,
    AdmissionFiled,
    DecisionAnnounced,
    AssignedToBranchAndCell,
    OathTaken,
    ProbationAssessed,
    FullMembershipRequested,
    ConfirmationVoteHeld,
    ConfirmationApproved,
    ActivistTransferred,
    TransferredMaterialsReviewed,
    ProbationaryTransferred,
    ConfirmationPostponed,
    ProbationDisciplineRecorded,
    NonRecognitionDecided,
    DirectlyAdmitted,
    PosthumouslyAdmitted,
    ArchiveSubmitted,

    /// <summary>A document (PDF, JPEG or PNG) attached to the case; its SHA-256 digest becomes part of the record.</summary>
    AttachmentAdded,
}

/// <summary>适用规则版本: a step is judged by the rules in force on its date.</summary>
public enum RulesVersion
{
    Rules2014,
    Rules2026,
}

public static class RulesVersions
{
    /// <summary>《细则》2026 年修订版发布施行之日（第四十四条）。</summary>
    public static readonly DateOnly Rules2026Effective = new(2026, 5, 11);

    /// <summary>R-44-effective-date: the version in force on <paramref name="stepDate"/>.</summary>
    public static RulesVersion InForceOn(DateOnly stepDate) =>
        stepDate >= Rules2026Effective ? RulesVersion.Rules2026 : RulesVersion.Rules2014;
}

/// <summary>What the receiving organisation is to the applicant .</summary>
public enum ReceivingOrgRelation
{
    UnitOrg,
    UnitLocationOrg,
    SupervisingDepartmentOrg,
    ResidenceOrg,
    MobileMemberOrg,
}

/// <summary>Items of the application talk (R-07-talk-content).</summary>
public enum TalkTopic
{
    StudyAndWorkHistory,
    UnderstandingOfParty,
    Motivation,
    LawAbiding,
    Family,
    IntroducedPartyKnowledge,
    IntroducedMemberStandards,
}

public enum NominationMethod
{
    MemberRecommendation,
    MassOrgRecommendation,
    Other,
}

/// <summary>The body that decided (G-07): the branch committee, or the assembly where the branch has no committee.</summary>
public enum DecidingBody
{
    BranchCommitteeMeeting,
    BranchAssembly,
}

public enum OpinionPurpose
{
    CandidateListing,
    Confirmation,
}

public enum OpinionSource
{
    Mentor,
    PartyCell,
    Member,
    NonMember,
}

public enum NoticePlace
{
    Unit,
    Residence,
    OutflowPlace,
    InflowPlace,
}

/// <summary>公示结果.</summary>
public enum PublicNoticeOutcome
{
    NoImpact,
    Impact,
}

public enum SponsorSource
{
    MentorAsSponsor,
    OrgDesignated,
}

public enum PoliticalReviewConclusion
{
    Qualified,
    NotQualified,
}

/// <summary>政治审查的方法 (R-16-methods-and-inquiry).</summary>
public enum PoliticalReviewMethod
{
    TalkWithPerson,
    ArchiveReview,
    InquiryOfUnitsAndPeople,
    LetterInquiry,
    FieldInquiry,
}

/// <summary>The six items of the political review (R-16-content, 第十六条第二款).</summary>
public enum PoliticalReviewItem
{
    /// <summary>马克思主义信仰、共产主义觉悟、中国特色社会主义信念.</summary>
    FaithAndConviction,

    /// <summary>领悟"两个确立"、"四个意识"、"四个自信"、"两个维护"的现实表现.</summary>
    TwoEstablishments,

    /// <summary>对党的理论和路线、方针、政策的态度.</summary>
    AttitudeToPartyLine,

    /// <summary>政治历史和在重大政治斗争、急难险重任务中的表现.</summary>
    PoliticalHistory,

    /// <summary>遵纪守法、社会公德、家庭美德以及网络行为表现.</summary>
    LawAndMorality,

    /// <summary>家庭主要成员和重要社会关系的政治情况.</summary>
    FamilyAndRelations,
}

/// <summary>Organisations consulted in the political review of a mobile person (R-16-mobile-consultation).</summary>
public enum ConsultedOrg
{
    HukouOrg,
    ResidenceOrg,
}

/// <summary>情节 of a breach of discipline during probation (R-31-discipline-during-probation).</summary>
public enum DisciplineSeriousness
{
    Minor,
    Serious,
}

/// <summary>The conditions of 追认 (R-27-posthumous-admission).</summary>
public enum PosthumousCondition
{
    /// <summary>在中国特色社会主义事业中为党和人民利益英勇献身.</summary>
    HeroicSacrifice,

    /// <summary>事迹突出.</summary>
    OutstandingDeeds,

    /// <summary>在一定范围内有较大影响.</summary>
    WideInfluence,

    /// <summary>生前一贯表现良好.</summary>
    ConsistentGoodConduct,

    /// <summary>曾向党组织提出过入党要求.</summary>
    HadApplied,
}

public enum TrainingMode
{
    Offline,
    Video,
}

public enum VoteMethod
{
    SecretBallot,
    ShowOfHands,
    NamedBallot,
}

public enum VotePosition
{
    For,
    Against,
    Abstain,
}

public enum AssemblyResult
{
    Passed,
    NotPassed,
}

public enum InterviewerRole
{
    CommitteeMember,
    OrgOfficer,
}

public enum AnnouncedDecision
{
    Admission,
    Confirmation,
    NotApproved,
    NotRecognized,
}

/// <summary>转正结果 (R-31-outcomes).</summary>
public enum ConfirmationOutcome
{
    ConfirmOnTime,
    ExtendProbation,
    CancelProbation,
    Confirm,
}

/// <summary>表格与材料 (GLOSSARY §5).</summary>
public enum DocumentType
{
    ApplicationLetter,
    ActivistRecordForm,
    AdmissionForm,
    ProbationRecordForm,
    PoliticalReviewFile,
    PoliticalReviewConclusion,
    FullMembershipRequest,
    TalkRecord,
    Nomination,
    OpinionRecord,
    PublicNotice,
    PublicNoticeOutcome,
    Filing,
    UpperConsent,
    LetterInquiry,
    FieldInquiry,
    JointReview,
    CandidateTraining,
    PreReviewRequest,
    PreReviewNotice,
    BranchResolution,
    Ballot,
    WrittenOpinion,
    Minutes,
    IntermediateReview,
    ApprovalOpinion,
    ApprovalNotice,
    PersonnelFile,
    MemberFile,
    OrgRelationTransfer,
    MembershipProof,
    ExceptionRecord,
    OverrideReason,
}
