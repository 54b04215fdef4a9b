using Jishi.Domain.Procedures;

namespace Jishi.Domain.Mobility;

/// <summary>What a mobile member's recorded steps establish: where they went, the inflow organisation, the activity
/// card, the contacts kept and the appraisals reported.</summary>
public sealed class MobilityProgress() : ProcedureProgress<MobilityState, MobilityEvent>(MobilityProcedure.StateMachine)
{
    private readonly List<DateOnly> contacts = [];
    private readonly SortedSet<int> checkedYears = [];

    public string MemberId { get; private set; } = "";

    public DateOnly LeftDate { get; private set; }

    public string Destination { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public MobileCategory? Category { get; private set; }

    public string? Phone { get; private set; }

    public DateOnly? ExpectedReturnDate { get; private set; }

    public string? InflowOrgId { get; private set; }

    public string? InflowOrgName { get; private set; }

    public DateOnly? InflowDate { get; private set; }

    public string? ActivityCardNo { get; private set; }

    public DateOnly? ActivityCardIssuedDate { get; private set; }

    public IReadOnlyCollection<int> CheckedYears => checkedYears;

    public IReadOnlyList<DateOnly> ContactDates => contacts;

    public DateOnly? LastContactDate => contacts.Count > 0 ? contacts[^1] : null;

    public DateOnly? ClosedDate { get; private set; }

    /// <summary>出国（境）学习、研究或定居 (T-13-abroad).</summary>
    public AbroadKind AbroadKind { get; private set; }

    public bool IsAbroad => AbroadKind != AbroadKind.None;

    /// <summary>The latest 出国（境）审查 (T-13-abroad) and its conclusion.</summary>
    public DateOnly? AbroadReviewedDate { get; private set; }

    public string? AbroadReviewConclusion { get; private set; }

    public bool IsOpen => State is MobilityState.Away or MobilityState.AtInflowOrg;

    /// <summary>F-01-mobile-definition: away from the formal branch's activities for 6 consecutive months or more
    /// (G-01 month arithmetic) on <paramref name="date"/>.</summary>
    public bool IsMobileOn(DateOnly date) => IsOpen && MobilityRules.IsMobile(LeftDate, date);

    protected override void Record(ProcedureEvent<MobilityEvent> e)
    {
        switch (e.Data)
        {
            case OutflowRegistered o:
                MemberId = o.MemberId ?? "";
                LeftDate = e.Date;
                Destination = o.Destination ?? "";
                Reason = o.Reason ?? "";
                Category = o.Category;
                Phone = o.Phone;
                ExpectedReturnDate = o.ExpectedReturnDate;
                InflowOrgId = o.InflowOrgId;
                AbroadKind = o.AbroadKind ?? AbroadKind.None;
                if (o.ActivityCardNo is { } card)
                {
                    ActivityCardNo = card;
                    ActivityCardIssuedDate = e.Date;
                }

                break;
            case ContactLogged:
                contacts.Add(e.Date);
                break;
            case InflowRegistered i:
                InflowOrgId = i.InflowOrgId;
                InflowOrgName = i.InflowOrgName;
                InflowDate = e.Date;
                break;
            case ActivityCardIssued c:
                ActivityCardNo = c.CardNo;
                ActivityCardIssuedDate = e.Date;
                break;
            case ActivityCardChecked k when k.Year is { } y:
                checkedYears.Add(y);
                break;
            case AbroadReviewed r:
                AbroadReviewedDate = e.Date;
                AbroadReviewConclusion = r.Conclusion;
                break;
            case InflowDeparted:
                InflowDate = null;
                break;
            case Returned or Ended:
                ClosedDate = e.Date;
                break;
        }
    }
}
