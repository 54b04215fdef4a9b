namespace Jishi.Domain.Rules;

/// <summary>
/// The rule ids of the catalog (RULES.md, MANAGEMENT.md) that the code names, one constant each: a refusal, a deadline
/// or a label carries the id by one of these. The value is the catalog's heading id, exactly as stored and served.
/// </summary>
public static class RuleIds
{
    // 通用约定 G (RULES.md §0.3 dates and counts, §0.4 cross-cutting rules)
    public const string G03WorkingDays = "G-03-working-days";
    public const string G05Dates = "G-05-dates";
    public const string G07BranchCommitteeSubstitute = "G-07-branch-committee-substitute";
    public const string G08VotingRights = "G-08-voting-rights";
    public const string G09Quorum = "G-09-quorum";
    public const string G11WrittenOpinions = "G-11-written-opinions";
    public const string G12SecretBallot = "G-12-secret-ballot";
    public const string G14ApprovalAuthority = "G-14-approval-authority";

    // 申请入党 (RULES.md §2.1; 《细则》第五至七条)
    public const string R05Age18 = "R-05-age-18";
    public const string R06WhereToApply = "R-06-where-to-apply";
    public const string R07TalkWithin1Month = "R-07-talk-within-1-month";
    public const string R07TalkContent = "R-07-talk-content";

    // 入党积极分子 (RULES.md §2.2; 第八至十二条)
    public const string R08ActivistSelection = "R-08-activist-selection";
    public const string R08ActivistFiling = "R-08-activist-filing";
    public const string R09MentorCountAndStatus = "R-09-mentor-count-and-status";
    public const string R09MentorQualification = "R-09-mentor-qualification";
    public const string R09MentorDuties = "R-09-mentor-duties";
    public const string R11HalfYearlyAssessment = "R-11-half-yearly-assessment";
    public const string R12ActivistTransfer = "R-12-activist-transfer";

    // 发展对象 (RULES.md §2.3; 第十三至十七条)
    public const string R13CandidateMin1Year = "R-13-candidate-min-1-year";
    public const string R13CandidateOpinions = "R-13-candidate-opinions";
    public const string R13CandidateBranchDiscussion = "R-13-candidate-branch-discussion";
    public const string R13CandidateUpperConsent = "R-13-candidate-upper-consent";
    public const string R13CandidatePublicNotice = "R-13-candidate-public-notice";
    public const string R13MobileDualNotice = "R-13-mobile-dual-notice";
    public const string R13CandidateListing = "R-13-candidate-listing";
    public const string R14TwoSponsors = "R-14-two-sponsors";
    public const string R14SponsorDisciplinaryProbation = "R-14-sponsor-disciplinary-probation";
    public const string R14SponsorSanctionEffectPeriod = "R-14-sponsor-sanction-effect-period";
    public const string R16PoliticalReviewRequired = "R-16-political-review-required";
    public const string R16Content = "R-16-content";
    public const string R16MethodsAndInquiry = "R-16-methods-and-inquiry";
    public const string R16MobileConsultation = "R-16-mobile-consultation";
    public const string R17TrainingRequired = "R-17-training-required";
    public const string R17TrainingDuration = "R-17-training-duration";
    public const string R17TrainingOrganiserAndMode = "R-17-training-organiser-and-mode";

    // 接收预备党员 (RULES.md §2.4; 第十八至二十七条)
    public const string R18BranchStrictReview = "R-18-branch-strict-review";
    public const string R18Prereview = "R-18-prereview";
    public const string R18AdmissionFormIssuance = "R-18-admission-form-issuance";
    public const string R18LeavingWithin3Months = "R-18-leaving-within-3-months";
    public const string R19AssemblyWithin1Month = "R-19-assembly-within-1-month";
    public const string R19Quorum = "R-19-quorum";
    public const string R20Procedure = "R-20-procedure";
    public const string R20SecretBallot = "R-20-secret-ballot";
    public const string R20PassThreshold = "R-20-pass-threshold";
    public const string R21ResolutionContent = "R-21-resolution-content";
    public const string R21SubmissionPackage = "R-21-submission-package";
    public const string R22IntermediateReview = "R-22-intermediate-review";
    public const string R22TemporaryOrg = "R-22-temporary-org";
    public const string R23PreApprovalTalk = "R-23-pre-approval-talk";
    public const string R24CollectiveApproval = "R-24-collective-approval";
    public const string R24Notify = "R-24-notify";
    public const string R24NotApprovedNotify = "R-24-not-approved-notify";
    public const string R25ApprovalWithin3Months = "R-25-approval-within-3-months";
    public const string R25FilingToOrgDept = "R-25-filing-to-org-dept";
    public const string R26DirectAdmission = "R-26-direct-admission";
    public const string R27PosthumousAdmission = "R-27-posthumous-admission";

    // 预备期 (RULES.md §2.5; 第二十八至三十一条)
    public const string R28AssignBranchAndCell = "R-28-assign-branch-and-cell";
    public const string R29OathRequired = "R-29-oath-required";
    public const string R29OathWithin1Month = "R-29-oath-within-1-month";
    public const string R29OathOrganiser = "R-29-oath-organiser";
    public const string R30ProbationEducation = "R-30-probation-education";
    public const string R31TimelyDiscussion = "R-31-timely-discussion";
    public const string R31Outcomes = "R-31-outcomes";
    public const string R31Extension = "R-31-extension";
    public const string R31DisciplineDuringProbation = "R-31-discipline-during-probation";
    public const string R31DecisionProcedure = "R-31-decision-procedure";

    // 转正 (RULES.md §2.6; 第三十二至三十六条)
    public const string R32ConfirmationProcedure = "R-32-confirmation-procedure";
    public const string R33ConfirmationApproval3Months = "R-33-confirmation-approval-3-months";
    public const string R33NotifyAndTalk = "R-33-notify-and-talk";
    public const string R34ProbationaryTransfer = "R-34-probationary-transfer";
    public const string R34ReviewAndNonrecognition = "R-34-review-and-nonrecognition";
    public const string R35Postponement = "R-35-postponement";
    public const string R36Archive = "R-36-archive";

    // 领导和纪律 (RULES.md §2.7; 第四十、四十一条)
    public const string R40MobileMemberOrgCapability = "R-40-mobile-member-org-capability";
    public const string R41Nonrecognition = "R-41-nonrecognition";

    // 组织关系转接 (MANAGEMENT.md §1; 《党员教育管理工作条例》第二十五条)
    public const string T01SingleRelation = "T-01-single-relation";
    public const string T02WhenToTransfer = "T-02-when-to-transfer";
    public const string T03IssuerAndAcceptor = "T-03-issuer-and-acceptor";
    public const string T04Validity = "T-04-validity";
    public const string T05LateAcceptance = "T-05-late-acceptance";
    public const string T06NoRefusalWithoutReason = "T-06-no-refusal-without-reason";
    public const string T07Receipt = "T-07-receipt";
    public const string T08PendingReview = "T-08-pending-review";
    // the escalation step of T-08-pending-review (to the common higher organisation); no heading of its own
    public const string T08PendingReviewEscalated = "T-08-pending-review-escalated";
    public const string T09DuesThrough = "T-09-dues-through";
    public const string T10EffectOfAcceptance = "T-10-effect-of-acceptance";
    public const string T11WholeUnit = "T-11-whole-unit";
    public const string T12Graduates = "T-12-graduates";
    public const string T13Abroad = "T-13-abroad";

    // 流动党员与失联党员 (MANAGEMENT.md §2; 《党员教育管理工作条例》第二十四、三十二条)
    public const string F01MobileDefinition = "F-01-mobile-definition";
    public const string F02Contact = "F-02-contact";
    public const string F03ActivityCard = "F-03-activity-card";
    public const string F04InflowAppraisal = "F-04-inflow-appraisal";
    public const string F05Suspension = "F-05-suspension";
    public const string F07Restoration = "F-07-restoration";
    public const string F08RemovalAsLapsed = "F-08-removal-as-lapsed";

    // 党费 (RULES.md §5, MANAGEMENT.md §5; 中组发〔2008〕3号); the dues code (Dues/) still spells these out
    public const string D06FixedAmounts = "D-06-fixed-amounts";
    public const string D07Hardship = "D-07-hardship";
    public const string D08ProbationaryStart = "D-08-probationary-start";
    public const string D12PaymentTiming = "D-12-payment-timing";
    public const string D14CollectionIntegrity = "D-14-collection-integrity";
    public const string D16BackPayment = "D-16-back-payment";
    public const string D17ProxyAndPlace = "D-17-proxy-and-place";
    public const string D20PublicationAndReport = "D-20-publication-and-report";

    // 组织生活 (MANAGEMENT.md §3; 《中国共产党支部工作条例（试行）》第十一至十三条)
    public const string L01Frequencies = "L-01-frequencies";
    public const string L02Attendance = "L-02-attendance";
    public const string L03CommitteeQuorum = "L-03-committee-quorum";
    public const string L04AssemblyVotes = "L-04-assembly-votes";
    public const string L05Appraisal = "L-05-appraisal";
    public const string L06Exemptions = "L-06-exemptions";
    public const string L07TrainingHours = "L-07-training-hours";
    public const string L08PartySpiritAnalysis = "L-08-party-spirit-analysis";
    public const string M15Lapse6Months = "M-15-lapse-6-months";

    // 不合格党员组织处置 (MANAGEMENT.md §4; 党章第九条; 《党员教育管理工作条例》第三十、三十一条; S12)
    public const string X01PriorFiling = "X-01-prior-filing";
    public const string X02Sequence = "X-02-sequence";
    public const string X03CorrectionDeadline = "X-03-correction-deadline";
    public const string X04DecisionAndApproval = "X-04-decision-and-approval";
    public const string X05NoDoubleMeasure = "X-05-no-double-measure";
    public const string X06ReadmissionBar = "X-06-readmission-bar";
    public const string X07NoRestoration = "X-07-no-restoration";
}
