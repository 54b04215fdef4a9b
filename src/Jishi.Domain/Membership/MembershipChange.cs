namespace Jishi.Domain.Membership;

/// <summary>
/// A coded change of membership or of organisational relation (党员队伍变动, N-01-change-events; API.md
/// "The member and their history"). A member is never deleted: leaving the party, dying or leaving this system's
/// registry is a change like any other.
/// </summary>
public enum MembershipChange
{
    /// <summary>登记入名册（既有党员录入本系统）.</summary>
    Registered,

    /// <summary>发展（接收为预备党员，按审批日期，N-02）.</summary>
    Admitted,

    /// <summary>转为正式党员.</summary>
    Confirmed,

    /// <summary>延长预备期.</summary>
    ProbationExtended,

    /// <summary>组织关系转入.</summary>
    TransferredIn,

    /// <summary>组织关系转出.</summary>
    TransferredOut,

    /// <summary>编入党支部和党小组（同一党委内）.</summary>
    AssignedToBranch,

    /// <summary>停止党籍.</summary>
    Suspended,

    /// <summary>恢复党籍.</summary>
    Restored,

    /// <summary>出党（除名、开除等）.</summary>
    Removed,

    /// <summary>取消预备党员资格.</summary>
    ProbationCancelled,

    /// <summary>不予承认.</summary>
    NotRecognized,

    /// <summary>死亡.</summary>
    Died,
}

/// <summary>One entry of a member's history: when, what, the organisation it concerns, and in words what happened.</summary>
public sealed record MembershipEntry(DateOnly Date, MembershipChange Change, string OrgId, string? Detail = null);

/// <summary>The organisational relation on a date, computed from the history (G-08; T-10).</summary>
public static class Relation
{
    /// <summary>
    /// The organisation a member belongs to on <paramref name="date"/>: a transfer accepted on day D moves the
    /// relation at the end of D (T-10: voters follow from the next day), so the member still belongs to the sending
    /// organisation on D. <paramref name="currentOrgId"/> is where the member is now; each move is
    /// recorded as <c>TransferredOut</c> (the organisation left) and <c>TransferredIn</c> (the one joined).
    /// </summary>
    public static string OrgOn(string currentOrgId, IEnumerable<MembershipEntry> history, DateOnly date) =>
        history.Where(h => h.Change == MembershipChange.TransferredOut && h.Date >= date)
            .OrderBy(h => h.Date).FirstOrDefault()?.OrgId ?? currentOrgId;

    /// <summary>Under 停止党籍 on <paramref name="date"/> (F-06, G-08): the latest suspension or restoration on or before
    /// that date is a suspension (a suspension approved on D takes effect on D).</summary>
    public static bool IsSuspendedOn(IEnumerable<MembershipEntry> history, DateOnly date) =>
        history.Where(h => h.Change is MembershipChange.Suspended or MembershipChange.Restored && h.Date <= date)
            .OrderBy(h => h.Date).LastOrDefault()?.Change == MembershipChange.Suspended;
}
