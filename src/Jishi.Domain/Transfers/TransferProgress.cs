using Jishi.Domain.Procedures;

namespace Jishi.Domain.Transfers;

/// <summary>What a transfer's recorded steps establish: the letter's terms, its dates and its counterpart.</summary>
public sealed class TransferProgress() : ProcedureProgress<TransferState, TransferEvent>(TransferProcedure.StateMachine)
{
    public TransferKind Kind { get; private set; }

    public string MemberId { get; private set; } = "";

    public string IssuingOrgId { get; private set; } = "";

    public string? ToOrgId { get; private set; }

    public string? ToOrgName { get; private set; }

    public string? Serial { get; private set; }

    public DateOnly IssuedDate { get; private set; }

    public int ValidityDays { get; private set; }

    /// <summary>有效期至: issued + validity days (T-04), moved once by <see cref="ValidityExtended"/> (T-05).</summary>
    public DateOnly ExpiryDate { get; private set; }

    public bool ValidityWasExtended { get; private set; }

    public DateOnly? ReceivedDate { get; private set; }

    public DateOnly? AcceptedDate { get; private set; }

    public DateOnly? DecidedDate { get; private set; }

    public DateOnly? ReceiptReturnedDate { get; private set; }

    public DateOnly? ClosedDate { get; private set; }

    /// <summary>The branch the member was placed in on acceptance.</summary>
    public string? PlacedInOrgId { get; private set; }

    /// <summary>The receiving organisation is in this system.</summary>
    public bool IsInsideSystem => ToOrgId is not null;

    public bool IsOpen => State is TransferState.Issued or TransferState.Received;

    /// <summary>The state as read on <paramref name="today"/>: an open letter past its expiry date is Expired.</summary>
    public TransferState StateOn(DateOnly today) => IsOpen && today > ExpiryDate ? TransferState.Expired : State;

    protected override void Record(ProcedureEvent<TransferEvent> e)
    {
        switch (e.Data)
        {
            case Issued i:
                Kind = i.Kind ?? TransferKind.Formal;
                MemberId = i.MemberId ?? "";
                IssuingOrgId = i.IssuingOrgId ?? "";
                ToOrgId = i.ToOrgId;
                ToOrgName = i.ToOrgName;
                Serial = i.Serial;
                IssuedDate = e.Date;
                ValidityDays = i.ValidityDays ?? RelationTransferRules.DefaultValidityDays;
                ExpiryDate = e.Date.AddDays(ValidityDays);
                break;
            case Received:
                ReceivedDate = e.Date;
                break;
            case Accepted a:
                AcceptedDate = e.Date;
                DecidedDate = e.Date;
                PlacedInOrgId = a.BranchId ?? ToOrgId;
                break;
            case Rejected:
                DecidedDate = e.Date;
                ClosedDate = e.Date;
                break;
            case ReceiptReturned:
                ReceiptReturnedDate = e.Date;
                break;
            case Withdrawn:
                ClosedDate = e.Date;
                break;
            case ValidityExtended x:
                ValidityWasExtended = true;
                ExpiryDate = ExpiryDate.AddDays(x.Days ?? 0);
                break;
        }
    }
}
