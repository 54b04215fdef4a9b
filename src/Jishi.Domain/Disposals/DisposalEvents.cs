using System.Text.Json.Serialization;
using Jishi.Domain.Procedures;

namespace Jishi.Domain.Disposals;

/// <summary>处置的事由 (S8《党员教育管理工作条例》第三十一条; S12 art. 6).</summary>
public enum DisposalGround
{
    /// <summary>理想信念动摇（可限期改正，S12 art. 6）.</summary>
    IdealsWavering,

    /// <summary>理想信念缺失、政治立场动摇、已经丧失党员条件（第三十一条第一项，直接除名）.</summary>
    LostPartyConditions,

    /// <summary>信仰宗教（第三十一条第二项）.</summary>
    ReligiousBelief,

    /// <summary>消极懈怠、不起党员作用（S12 art. 6）.</summary>
    Passivity,

    /// <summary>不按照规定参加组织生活、不按时足额交纳党费等组织纪律散漫（S12 art. 6）.</summary>
    OrgLifeOrDuesBreach,

    /// <summary>失去联系6个月以上2年以内、已取得联系（S12 art. 6）.</summary>
    LostContactFound,

    /// <summary>因思想蜕化提出退党、经教育仍坚持（第三十一条第三项，直接除名）.</summary>
    AsksToLeaveDegenerate,

    /// <summary>以退党为要挟、为达到个人目的（第三十一条第四项）.</summary>
    ThreatensToLeave,

    /// <summary>连续6个月不参加组织生活、不交纳党费、不做党所分配的工作（党章第九条第三款；第三十一条第六项：自行脱党）.</summary>
    Lapse6Months,

    /// <summary>本人要求退党（党章第九条：退党除名）.</summary>
    RequestsToLeave,
}

/// <summary>组织处置的措施 (S12 art. 3; 党章第九条).</summary>
public enum DisposalMeasure
{
    /// <summary>限期改正.</summary>
    CorrectionWithinDeadline,

    /// <summary>劝其退党（劝退）.</summary>
    PersuadeToWithdraw,

    /// <summary>除名（直接除名，或劝而不退除名）.</summary>
    Removal,

    /// <summary>按自行脱党除名.</summary>
    RemovalAsLapsed,

    /// <summary>退党除名.</summary>
    RemovalOnRequest,
}

/// <summary>Where a disposal case stands (MANAGEMENT.md §4, its state table).</summary>
public enum DisposalState
{
    /// <summary>党支部提出处置意见.</summary>
    Proposed,

    /// <summary>已报基层党委备案，调查核实中.</summary>
    Investigating,

    /// <summary>限期改正中.</summary>
    Correcting,

    /// <summary>支部大会已作出决定，待上级党委审批.</summary>
    Decided,

    /// <summary>上级党委已批准，待通知本人.</summary>
    Approved,

    /// <summary>已结束.</summary>
    Closed,
}

/// <summary>限期改正期满的审查结果.</summary>
public enum CorrectionOutcome
{
    /// <summary>已改正.</summary>
    Corrected,

    /// <summary>期满仍无转变（转为劝退）.</summary>
    NotCorrected,
}

/// <summary>支部大会表决时受处置党员的情况 .</summary>
public enum DisposalMemberAttendance
{
    /// <summary>本人到会.</summary>
    Present,

    /// <summary>已通知本人、本人未到会.</summary>
    NotifiedAbsent,
}

/// <summary>劝退通知后本人的答复.</summary>
public enum WithdrawalResponse
{
    /// <summary>本人退党.</summary>
    Withdrew,

    /// <summary>劝而不退（转为除名）.</summary>
    Refused,
}

/// <summary>支部大会表决的结果.</summary>
public enum DisposalVoteResult
{
    /// <summary>通过（赞成票超过应到会有表决权党员的半数）.</summary>
    Passed,

    /// <summary>未通过.</summary>
    NotPassed,
}

/// <summary>A step of a disposal case: each type its own record with exactly its fields.</summary>
public abstract record DisposalEvent
{
    public string? Note { get; init; }
}

/// <summary>党支部提出处置意见 (POST /disposals): the member, the ground, the measure proposed, the matter.</summary>
public sealed record DisposalProposed : DisposalEvent
{
    public string? MemberId { get; init; }

    public DisposalGround? Ground { get; init; }

    public DisposalMeasure? Measure { get; init; }

    /// <summary>The matter the disposal deals with: the same reference as a 党纪处分's is refused .</summary>
    public string? MatterRef { get; init; }

    public string? Reason { get; init; }
}

/// <summary>报基层党委事前备案 .</summary>
public sealed record FiledWithCommittee : DisposalEvent
{
    public string? FiledWithOrgId { get; init; }
}

/// <summary>调查核实 by the group the branch committee set up: the facts in writing.</summary>
public sealed record Investigated : DisposalEvent
{
    public string? Findings { get; init; }
}

/// <summary>组织谈话 / 帮助教育: who talked with the member and what the member said.</summary>
public sealed record TalkHeld : DisposalEvent
{
    public string? Interviewers { get; init; }

    public string? Summary { get; init; }
}

/// <summary>限期改正 decided: the deadline (default 6 months, at most 12, X-03) and the help given.</summary>
public sealed record CorrectionOrdered : DisposalEvent
{
    /// <summary>改正期限（最后一日）; the date of the step + 6 months when absent.</summary>
    public DateOnly? Deadline { get; init; }

    public string? HelpMeasures { get; init; }
}

/// <summary>限期改正期满审查: corrected closes the case, not corrected turns it to 劝退.</summary>
public sealed record CorrectionReviewed : DisposalEvent, IHasOutcome
{
    public CorrectionOutcome? Result { get; init; }

    public string? Assessment { get; init; }

    string? IHasOutcome.Outcome => Result?.ToString();
}

/// <summary>支部大会讨论决定 劝退 or 除名: the vote (quorum 2A &gt; N, pass 2Y &gt; N), the member present or
/// notified, and the member's statement (申辩).</summary>
public sealed record AssemblyDecided : DisposalEvent, IHasOutcome
{
    public int? EligibleVoterCount { get; init; }

    public int? PresentVoterCount { get; init; }

    public int? VotesFor { get; init; }

    public int? VotesAgainst { get; init; }

    public int? Abstentions { get; init; }

    public DisposalMemberAttendance? MemberAttendance { get; init; }

    public string? MemberStatement { get; init; }

    /// <summary>The result the figures give (L-04-assembly-votes, G-10: 2Y &gt; N); computed, never posted.</summary>
    [JsonIgnore]
    public DisposalVoteResult? Result => EligibleVoterCount is { } n && VotesFor is { } y
        ? (OrgLife.AssemblyVotes.Passes(n, y) ? DisposalVoteResult.Passed : DisposalVoteResult.NotPassed)
        : null;

    string? IHasOutcome.Outcome => Result?.ToString();
}

/// <summary>上级党委审批同意 .</summary>
public sealed record Approved : DisposalEvent
{
    public string? ApprovingOrgId { get; init; }
}

/// <summary>上级党委不批准: the case closes, nothing happens to the member.</summary>
public sealed record NotApproved : DisposalEvent
{
    public string? ApprovingOrgId { get; init; }

    public string? Reason { get; init; }
}

/// <summary>通知本人. On an approved 劝退 the member's response: withdrew (leaves the party) or refused (劝而不退,
/// the case returns for 除名).</summary>
public sealed record Notified : DisposalEvent, IHasOutcome
{
    public WithdrawalResponse? Response { get; init; }

    string? IHasOutcome.Outcome => Response?.ToString();
}

/// <summary>本人申诉 (recorded; the case stays where it is).</summary>
public sealed record Appealed : DisposalEvent
{
    public string? Statement { get; init; }
}
