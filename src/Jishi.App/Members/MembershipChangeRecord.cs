using Jishi.Domain.Membership;

namespace Jishi.App.Members;

/// <summary>One entry of a member's history (API.md GET /members/{id}/history): append-only, never deleted.</summary>
public sealed class MembershipChangeRecord
{
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    public DateOnly Date { get; init; }

    public MembershipChange Change { get; init; }

    /// <summary>The organisation the change concerns (the one left for TransferredOut, the one joined for TransferredIn).</summary>
    public required string OrgId { get; init; }

    /// <summary>Copy of that organisation's path (statistics by subtree).</summary>
    public required string OrgPath { get; set; }

    public string? Detail { get; init; }

    /// <summary>整建制: the change came with the member's whole unit (T-11-whole-unit), counted apart in statistics
    /// Table 1 (整建制转入/转出). Such a pair of TransferredOut and TransferredIn names the member's own organisation, at
    /// its path before and after the move.</summary>
    public bool WholeUnit { get; init; }

    /// <summary>The procedure (case, transfer …) whose step made the change.</summary>
    public string? ProcedureId { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>Appends to a member's history: the one way every use case writes a coded change.</summary>
public static class MemberHistoryLog
{
    public static MembershipChangeRecord Add(Data.JishiDbContext db, TimeProvider time, string memberId, DateOnly date, MembershipChange change,
        string orgId, string orgPath, string? detail, string? procedureId, bool wholeUnit = false)
    {
        var row = new MembershipChangeRecord
        {
            Id = Ids.New(time),
            MemberId = memberId,
            Date = date,
            Change = change,
            OrgId = orgId,
            OrgPath = orgPath,
            Detail = detail,
            WholeUnit = wholeUnit,
            ProcedureId = procedureId,
            RecordedAt = time.GetUtcNow(),
        };
        db.MemberHistory.Add(row);
        return row;
    }
}
