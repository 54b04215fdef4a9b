namespace Jishi.Domain.LostContacts;

/// <summary>失去联系的情形 (Table 43).</summary>
public enum LostContactCircumstance
{
    /// <summary>外出务工经商.</summary>
    WorkingAway,

    /// <summary>单位改制或破产.</summary>
    UnitRestructured,

    /// <summary>毕业后去向不明.</summary>
    GraduateWhereaboutsUnknown,

    /// <summary>工作单位改变.</summary>
    EmployerChanged,

    /// <summary>出国（境）.</summary>
    Abroad,

    /// <summary>居住地改变.</summary>
    ResidenceChanged,

    /// <summary>其他.</summary>
    Other,
}

/// <summary>Where a lost-contact case stands (MANAGEMENT.md §2).</summary>
public enum LostContactState
{
    /// <summary>查找中.</summary>
    Searching,

    /// <summary>已停止党籍.</summary>
    Suspended,

    /// <summary>已结束（已取得联系，或已恢复党籍）.</summary>
    Closed,

    /// <summary>已按自行脱党除名.</summary>
    Removed,
}

/// <summary>A step of a lost-contact case: each type its own record with exactly its fields.</summary>
public abstract record LostContactEvent
{
    public string? Note { get; init; }
}

/// <summary>登记失联 (API.md POST /lost-contacts): since when and in which circumstance.</summary>
public sealed record Reported : LostContactEvent
{
    public string? MemberId { get; init; }

    /// <summary>失去联系之日 (the 6 months of F-05 count from here, G-01).</summary>
    public DateOnly? LostSinceDate { get; init; }

    public LostContactCircumstance? Circumstance { get; init; }
}

/// <summary>查找记录 ("通过各种方式查找").</summary>
public sealed record SearchLogged : LostContactEvent
{
    /// <summary>How (家属、原单位、公安协查、网络 …).</summary>
    public string? Method { get; init; }

    public string? Result { get; init; }
}

/// <summary>已取得联系: the case closes before any suspension.</summary>
public sealed record Found : LostContactEvent;

/// <summary>停止党籍 decided by the branch assembly or the higher organisation (F-05).</summary>
public sealed record SuspensionDecided : LostContactEvent
{
    public string? DecidingOrgId { get; init; }

    /// <summary>决定的依据（如党员大会决议）.</summary>
    public string? Basis { get; init; }
}

/// <summary>停止党籍 approved by the primary committee and filed with the county organisation department (F-05).</summary>
public sealed record SuspensionApproved : LostContactEvent
{
    public string? ApprovingOrgId { get; init; }
}

/// <summary>恢复党籍的书面申请 (F-07).</summary>
public sealed record RestorationApplied : LostContactEvent
{
    public string? Statement { get; init; }
}

/// <summary>恢复党籍 approved at county level after the branch's and the higher committee's review (F-07).</summary>
public sealed record RestorationApproved : LostContactEvent
{
    public string? ApprovingOrgId { get; init; }
}

/// <summary>按照自行脱党予以除名 decided by the branch assembly (F-08, X-04).</summary>
public sealed record RemovalDecided : LostContactEvent
{
    public string? DecidingOrgId { get; init; }

    public string? Basis { get; init; }
}

/// <summary>除名 approved by the higher committee (F-08, X-04).</summary>
public sealed record RemovalApproved : LostContactEvent
{
    public string? ApprovingOrgId { get; init; }
}
