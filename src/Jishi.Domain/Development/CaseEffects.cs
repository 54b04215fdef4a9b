using Jishi.Domain.Members;
using Jishi.Domain.Membership;
using Jishi.Domain.Procedures;

namespace Jishi.Domain.Development;

/// <summary>R-18: the 入党志愿书 serial the step issues leaves the committee's register and becomes the case's.</summary>
public sealed record AdmissionSerialIssued(string Serial, DateOnly Date) : ProcedureEffect;

/// <summary>R-34 and 第十三条: the case goes with the person to the receiving organisation, its deadlines with it.</summary>
public sealed record CaseMoved(string ToOrgId) : ProcedureEffect;

/// <summary>The person enters the member registry (N-01 <c>Admitted</c>) unless already in it.</summary>
public sealed record MemberRegistered(DateOnly Date, string Detail) : ProcedureEffect;

/// <summary>The member's relation moves with the case (a probationary member transferred, R-34; assigned to a branch,
/// 第二十九条): <c>TransferredOut</c> and <c>TransferredIn</c> in the history.</summary>
public sealed record MemberMovedWithCase(string ToOrgId, DateOnly Date, string Detail) : ProcedureEffect;

/// <summary>The registry entry follows the case: full or probationary, the probation and party-age start dates, and the
/// history entry of the step when it changes the member's standing (confirmed, probation extended).</summary>
public sealed record MemberStandingUpdated(MemberStatus Status, DateOnly? ProbationStartDate, DateOnly? PartyAgeStartDate, DateOnly Date,
    MembershipChange? Change, string? Detail) : ProcedureEffect;

/// <summary>The membership the case gave ends (probation cancelled, not recognised, died): the entry is closed, never
/// deleted.</summary>
public sealed record MembershipEnded(MembershipChange Change, DateOnly Date) : ProcedureEffect;

/// <summary>
/// The named effects of an accepted step of the development case, from the step and the case as it stands after it.
/// The application carries each out in the step's transaction; a step without effects only appends to the record.
/// </summary>
public static class CaseEffects
{
    public static IReadOnlyList<ProcedureEffect> Of(CaseEventType type, DateOnly date, EventData data, CaseState after)
    {
        var effects = new List<ProcedureEffect>();
        if (type == CaseEventType.AdmissionFormIssued && data.Serial is { } serial)
        {
            effects.Add(new AdmissionSerialIssued(serial, date));
        }

        if (type is CaseEventType.ActivistTransferred or CaseEventType.ProbationaryTransferred && data.ToOrgId is { } to)
        {
            effects.Add(new CaseMoved(to));
        }

        if (!TouchesRegistry(type))
        {
            return effects;
        }

        effects.Add(new MemberRegistered(date, type == CaseEventType.PosthumouslyAdmitted ? "追认为中共党员" : "接收为预备党员"));
        if (Ends(after.Status) is { } ended)
        {
            effects.Add(new MembershipEnded(ended, date));
            return effects;
        }

        if (type == CaseEventType.ProbationaryTransferred && data.ToOrgId is { } probationTo)
        {
            effects.Add(new MemberMovedWithCase(probationTo, date, "预备期内转移（R-34）"));
        }

        if (type == CaseEventType.AssignedToBranchAndCell && data.BranchId is { } branch)
        {
            effects.Add(new MemberMovedWithCase(branch, date, "编入党支部"));
        }

        var full = after.Stage == DevelopmentStage.FullMember;
        MembershipChange? change = null;
        string? detail = null;
        if (type == CaseEventType.ConfirmationApproved && full)
        {
            change = MembershipChange.Confirmed;
        }
        else if (type == CaseEventType.ConfirmationApproved && after.ExtensionMonths is { } months)
        {
            (change, detail) = (MembershipChange.ProbationExtended, $"延长预备期 {months} 个月");
        }

        effects.Add(new MemberStandingUpdated(full ? MemberStatus.FullMember : MemberStatus.ProbationaryMember, after.ProbationStartDate,
            after.PartyAgeStartDate, date, change, detail));
        return effects;
    }

    /// <summary>The change of a case that closes with the membership it gave (never deleted).</summary>
    private static MembershipChange? Ends(CaseStatus status) => status switch
    {
        CaseStatus.ProbationCancelled => MembershipChange.ProbationCancelled,
        CaseStatus.NotRecognized => MembershipChange.NotRecognized,
        CaseStatus.Deceased => MembershipChange.Died,
        CaseStatus.Open or CaseStatus.ApplicationRefused or CaseStatus.ActivistRemoved or CaseStatus.AdmissionNotPassed
            or CaseStatus.AdmissionNotApproved or CaseStatus.Withdrawn or CaseStatus.Removed or CaseStatus.Expelled
            or CaseStatus.Archived => null,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The steps after which the registry entry follows the case.</summary>
    private static bool TouchesRegistry(CaseEventType type) =>
        type is CaseEventType.AdmissionApproved or CaseEventType.ConfirmationApproved or CaseEventType.AssignedToBranchAndCell
            or CaseEventType.ProbationaryTransferred or CaseEventType.DirectlyAdmitted or CaseEventType.PosthumouslyAdmitted
            or CaseEventType.NonRecognitionDecided;
}
