using Jishi.Domain.OrgLife;
namespace Jishi.Domain.Mobility;

/// <summary>流动党员分类 (GLOSSARY §10; S2 (十六), M-16).</summary>
public enum MobileCategory
{
    /// <summary>农村流动党员.</summary>
    RuralMobile,

    /// <summary>大中专毕业生中的流动党员.</summary>
    Graduate,

    /// <summary>流动人才中的党员.</summary>
    MobileTalent,

    /// <summary>劳务派遣工中的流动党员.</summary>
    DispatchedWorker,

    /// <summary>出国（境）人员中的党员.</summary>
    Overseas,

    /// <summary>离退休干部、职工中的流动党员.</summary>
    Retiree,
}

/// <summary>出国（境）: whether and why a mobile member is abroad (T-13-abroad, 《党员教育管理工作条例》第二十四、三十四条).</summary>
public enum AbroadKind
{
    /// <summary>未出国（境）.</summary>
    None,

    /// <summary>出国（境）学习.</summary>
    Study,

    /// <summary>出国（境）研究（访学、科研）.</summary>
    Research,

    /// <summary>出国（境）定居.</summary>
    Settled,
}

/// <summary>Where a mobile member's record stands (MANAGEMENT.md §2).</summary>
public enum MobilityState
{
    /// <summary>外出（流出登记，尚未在流入地登记）.</summary>
    Away,

    /// <summary>已在流入地党组织登记.</summary>
    AtInflowOrg,

    /// <summary>已返回（恢复参加正式组织关系所在党支部的活动）.</summary>
    Returned,

    /// <summary>已结束（如已正式转移组织关系）.</summary>
    Ended,
}

/// <summary>How the outflow branch kept in touch (F-02).</summary>
public enum ContactMethod
{
    /// <summary>电话.</summary>
    Phone,

    /// <summary>网络（微信、邮件等）.</summary>
    Online,

    /// <summary>书信.</summary>
    Letter,

    /// <summary>走访（见面）.</summary>
    Visit,

    /// <summary>本人汇报.</summary>
    MemberReport,
}

/// <summary>A step of a mobile member's record: each type its own record with exactly its fields.</summary>
public abstract record MobilityEvent
{
    public string? Note { get; init; }
}

/// <summary>流出登记: the member leaves the formal branch's activities without a formal transfer (API.md POST /mobility;
/// the step's date is the <c>leftDate</c>).</summary>
public sealed record OutflowRegistered : MobilityEvent
{
    public string? MemberId { get; init; }

    /// <summary>外出地点.</summary>
    public string? Destination { get; init; }

    /// <summary>外出事由.</summary>
    public string? Reason { get; init; }

    public MobileCategory? Category { get; init; }

    /// <summary>The inflow organisation when it is in this system and known.</summary>
    public string? InflowOrgId { get; init; }

    /// <summary>《流动党员活动证》 number, when a card is issued on leaving (F-03).</summary>
    public string? ActivityCardNo { get; init; }

    /// <summary>流动党员联系电话 (as the 花名册 has it).</summary>
    public string? Phone { get; init; }

    public DateOnly? ExpectedReturnDate { get; init; }

    /// <summary>出国（境）学习、研究或定居 (T-13-abroad); none when omitted.</summary>
    public AbroadKind? AbroadKind { get; init; }
}

/// <summary>联系记录: the outflow branch's contact with the member (F-02, at least once a calendar quarter).</summary>
public sealed record ContactLogged : MobilityEvent
{
    public ContactMethod? Method { get; init; }

    public string? Summary { get; init; }
}

/// <summary>流入登记: the inflow branch registers the member (流入地党支部, 流入时间, 联系人; activity card part 2).</summary>
public sealed record InflowRegistered : MobilityEvent
{
    public string? InflowOrgId { get; init; }

    /// <summary>The inflow organisation's name when it is not in this system.</summary>
    public string? InflowOrgName { get; init; }

    /// <summary>党支部联系人及联系方式.</summary>
    public string? ContactPerson { get; init; }
}

/// <summary>发放《流动党员活动证》 (F-03): number by county coding.</summary>
public sealed record ActivityCardIssued : MobilityEvent
{
    public string? CardNo { get; init; }
}

/// <summary>活动证年审（查验） for a year, done together with 民主评议 (F-03).</summary>
public sealed record ActivityCardChecked : MobilityEvent
{
    public int? Year { get; init; }
}

/// <summary>流入地党组织的民主评议 of the member, reported to the formal organisation (F-04).</summary>
public sealed record InflowAppraised : MobilityEvent
{
    public int? Year { get; init; }

    public AppraisalGrade? Grade { get; init; }
}

/// <summary>离开流入地: the inflow branch's leaving entry (org life and dues at the inflow org; card part 3).</summary>
public sealed record InflowDeparted : MobilityEvent
{
    /// <summary>参加党的活动和交纳党费情况.</summary>
    public string? Conduct { get; init; }
}

/// <summary>出国（境）审查: the organisation holding the relation has reviewed a member settled abroad, or abroad for study
/// or research more than 5 years (T-13-abroad, 第二十四条 "一般予以停止党籍"): its conclusion is recorded; a suspension, when
/// decided, is a procedure of its own, never this step.</summary>
public sealed record AbroadReviewed : MobilityEvent
{
    /// <summary>党组织的审查结论.</summary>
    public string? Conclusion { get; init; }
}

/// <summary>返回: the member is back at the formal branch's activities.</summary>
public sealed record Returned : MobilityEvent;

/// <summary>结束: the record closes for another reason (the relation formally transferred, 应转尽转).</summary>
public sealed record Ended : MobilityEvent
{
    public string? Reason { get; init; }
}
