using Jishi.Domain.LostContacts;

namespace Jishi.App.LostContacts;

/// <summary>The query projection of a lost-contact case (the 失联党员 list by duration and circumstance).</summary>
public sealed class LostContactRecord
{
    /// <summary>The procedure's id.</summary>
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    public required string MemberName { get; init; }

    public required string OrgId { get; init; }

    public required string OrgPath { get; set; }

    public DateOnly LostSinceDate { get; init; }

    public LostContactCircumstance Circumstance { get; init; }

    public LostContactState State { get; set; }

    public bool IsOpen { get; set; }

    public int SearchCount { get; set; }

    public DateOnly? SuspendedDate { get; set; }

    public DateOnly? ClosedDate { get; set; }
}
