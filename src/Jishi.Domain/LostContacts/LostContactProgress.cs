using Jishi.Domain.Procedures;

namespace Jishi.Domain.LostContacts;

/// <summary>What a lost-contact case's recorded steps establish.</summary>
public sealed class LostContactProgress() : ProcedureProgress<LostContactState, LostContactEvent>(LostContactProcedure.StateMachine)
{
    public string MemberId { get; private set; } = "";

    public DateOnly ReportedDate { get; private set; }

    public DateOnly LostSinceDate { get; private set; }

    public LostContactCircumstance Circumstance { get; private set; }

    public int SearchCount { get; private set; }

    public DateOnly? SuspensionDecidedDate { get; private set; }

    public DateOnly? SuspendedDate { get; private set; }

    public DateOnly? RestorationAppliedDate { get; private set; }

    public DateOnly? RemovalDecidedDate { get; private set; }

    public DateOnly? ClosedDate { get; private set; }

    /// <summary>F-05-suspension: the first day 停止党籍 may be decided (失去联系满6个月, G-01).</summary>
    public DateOnly SuspensionFrom => LostSinceDate.AddMonths(LostContactRules.SuspensionAfterMonths);

    /// <summary>F-07 / F-08: the end of the 2 years after suspension (G-02).</summary>
    public DateOnly? TwoYearsAfterSuspension => SuspendedDate?.AddYears(LostContactRules.RemovalAfterYears);

    public bool IsOpen => State is LostContactState.Searching or LostContactState.Suspended;

    protected override void Record(ProcedureEvent<LostContactEvent> e)
    {
        switch (e.Data)
        {
            case Reported r:
                MemberId = r.MemberId ?? "";
                ReportedDate = e.Date;
                LostSinceDate = r.LostSinceDate ?? e.Date;
                Circumstance = r.Circumstance ?? LostContactCircumstance.Other;
                break;
            case SearchLogged:
                SearchCount++;
                break;
            case Found:
                ClosedDate = e.Date;
                break;
            case SuspensionDecided:
                SuspensionDecidedDate = e.Date;
                break;
            case SuspensionApproved:
                SuspendedDate = e.Date;
                break;
            case RestorationApplied:
                RestorationAppliedDate = e.Date;
                break;
            case RestorationApproved:
                ClosedDate = e.Date;
                break;
            case RemovalDecided:
                RemovalDecidedDate = e.Date;
                break;
            case RemovalApproved:
                ClosedDate = e.Date;
                break;
        }
    }
}
