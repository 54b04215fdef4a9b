using Jishi.Domain.Calendar;
using Jishi.Domain.Procedures;

namespace Jishi.Domain.Disposals;

/// <summary>What a disposal case's recorded steps establish: the ground, the measure as it now stands (限期改正 turns
/// to 劝退 when not corrected, 劝退 to 除名 when refused), the correction period, the decisions and their dates.</summary>
public sealed class DisposalProgress() : ProcedureProgress<DisposalState, DisposalEvent>(DisposalProcedure.StateMachine)
{
    public string MemberId { get; private set; } = "";

    public DateOnly StartDate { get; private set; }

    public DisposalGround Ground { get; private set; }

    /// <summary>The measure first proposed.</summary>
    public DisposalMeasure ProposedMeasure { get; private set; }

    /// <summary>The measure as it now stands.</summary>
    public DisposalMeasure Measure { get; private set; }

    public string? MatterRef { get; private set; }

    public DateOnly? FiledDate { get; private set; }

    public int InvestigationCount { get; private set; }

    public int TalkCount { get; private set; }

    public DateOnly? CorrectionStartDate { get; private set; }

    public DateOnly? CorrectionDeadline { get; private set; }

    public DateOnly? CorrectionReviewedDate { get; private set; }

    public CorrectionOutcome? CorrectionResult { get; private set; }

    /// <summary>劝退 was approved, notified, and the member refused (劝而不退).</summary>
    public bool WithdrawalRefused { get; private set; }

    public DateOnly? DecidedDate { get; private set; }

    public DateOnly? ApprovedDate { get; private set; }

    public DateOnly? NotifiedDate { get; private set; }

    public DateOnly? ClosedDate { get; private set; }

    public int AppealCount { get; private set; }

    /// <summary>The case closed with the member out of the party: withdrew after 劝退, or removed (除名 of any kind).</summary>
    public bool MemberLeft { get; private set; }

    /// <summary>X-06-readmission-bar: the approval date of the 劝退 or 除名 that ended the membership + 5 years (G-02).</summary>
    public DateOnly? ReadmissionBarUntil => MemberLeft && ApprovedDate is { } d ? StatutoryPeriod.YearsAfter(d, DisposalRules.ReadmissionBarYears) : null;

    public bool IsOpen => State != DisposalState.Closed;

    protected override void Record(ProcedureEvent<DisposalEvent> e)
    {
        switch (e.Data)
        {
            case DisposalProposed r:
                MemberId = r.MemberId ?? "";
                StartDate = e.Date;
                Ground = r.Ground ?? default;
                ProposedMeasure = Measure = r.Measure ?? default;
                MatterRef = r.MatterRef;
                break;
            case FiledWithCommittee:
                FiledDate = e.Date;
                break;
            case Investigated:
                InvestigationCount++;
                break;
            case TalkHeld:
                TalkCount++;
                break;
            case CorrectionOrdered c:
                CorrectionStartDate = e.Date;
                CorrectionDeadline = c.Deadline ?? DisposalRules.DefaultCorrectionDeadline(e.Date);
                break;
            case CorrectionReviewed r:
                CorrectionReviewedDate = e.Date;
                CorrectionResult = r.Result;
                if (r.Result == CorrectionOutcome.NotCorrected)
                {
                    Measure = DisposalMeasure.PersuadeToWithdraw;
                }
                else
                {
                    ClosedDate = e.Date;
                }

                break;
            case AssemblyDecided a:
                DecidedDate = e.Date;
                if (a.Result != DisposalVoteResult.Passed)
                {
                    ClosedDate = e.Date;
                }

                break;
            case Approved:
                ApprovedDate = e.Date;
                break;
            case NotApproved:
                ClosedDate = e.Date;
                break;
            case Notified n:
                NotifiedDate = e.Date;
                if (n.Response == WithdrawalResponse.Refused)
                {
                    WithdrawalRefused = true;
                    Measure = DisposalMeasure.Removal;
                    DecidedDate = null;
                    ApprovedDate = null;
                    NotifiedDate = null;
                }
                else
                {
                    MemberLeft = true;
                    ClosedDate = e.Date;
                }

                break;
            case Appealed:
                AppealCount++;
                break;
        }
    }
}
