using Jishi.Domain.Development;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Mobility;

/// <summary>
/// The rules of 流动党员 (MANAGEMENT.md §2): S8《党员教育管理工作条例》第三十二条, the 2024 Q&amp;A's definition (S13) and
/// the activity card's style (S10). Each rule is a named method citing its id. One open record per member is a
/// uniqueness check of the application (409 with the existing record).
/// </summary>
public static class MobilityRules
{
    /// <summary>F-01-mobile-definition: 连续6个月以上不能参加正式组织关系所在党支部活动.</summary>
    public const int MobileAfterMonths = 6;

    /// <summary>F-01-mobile-definition: a member who left on <paramref name="left"/> and is still away is a 流动党员 on
    /// <paramref name="date"/> once 6 consecutive months have passed (G-01 month arithmetic).</summary>
    public static bool IsMobile(DateOnly left, DateOnly date) => date >= left.AddMonths(MobileAfterMonths);

    private const string Article32 = "《党员教育管理工作条例》第三十二条";
    private const string Definition = "流动党员管理问答（2024）";
    private const string CardStyle = "《中国共产党流动党员活动证》式样（2006）";

    public static IEnumerable<FieldError> Fields(MobilityEvent data, DateOnly date)
    {
        if (data.Note is { Length: > 1000 })
        {
            yield return new FieldError("note", "备注不能超过 1000 字");
        }

        switch (data)
        {
            case OutflowRegistered o:
                if (string.IsNullOrWhiteSpace(o.MemberId))
                {
                    yield return new FieldError("memberId", "必须填写外出的党员");
                }

                if (string.IsNullOrWhiteSpace(o.Destination) || o.Destination.Length > 200)
                {
                    yield return new FieldError("destination", "必须填写外出地点（不超过 200 字）");
                }

                if (string.IsNullOrWhiteSpace(o.Reason) || o.Reason.Length > 200)
                {
                    yield return new FieldError("reason", "必须填写外出事由（如务工经商、学习，不超过 200 字）");
                }

                if (o.ActivityCardNo is { } card && (string.IsNullOrWhiteSpace(card) || card.Length > 40))
                {
                    yield return new FieldError("activityCardNo", "活动证编号不能为空，且不超过 40 个字符");
                }

                if (o.Phone is { Length: > 40 })
                {
                    yield return new FieldError("phone", "联系电话不超过 40 个字符");
                }

                if (o.ExpectedReturnDate < date)
                {
                    yield return new FieldError("expectedReturnDate", "预计返回日期不能早于外出日期");
                }

                break;
            case ContactLogged c:
                if (c.Method is null)
                {
                    yield return new FieldError("method", $"必须填写联系方式：{string.Join("、", Enum.GetNames<ContactMethod>())}");
                }

                if (string.IsNullOrWhiteSpace(c.Summary) || c.Summary.Length > 1000)
                {
                    yield return new FieldError("summary", "必须填写联系情况（不超过 1000 字）");
                }

                break;
            case InflowRegistered i:
                if (string.IsNullOrWhiteSpace(i.InflowOrgId) == string.IsNullOrWhiteSpace(i.InflowOrgName))
                {
                    yield return new FieldError(string.IsNullOrWhiteSpace(i.InflowOrgId) ? "inflowOrgId" : "inflowOrgName",
                        "流入地党组织二选一：本系统内的组织填 inflowOrgId，系统外的填 inflowOrgName");
                }

                if (i.InflowOrgName is { Length: > 200 })
                {
                    yield return new FieldError("inflowOrgName", "流入地党组织名称不超过 200 字");
                }

                if (i.ContactPerson is { Length: > 100 })
                {
                    yield return new FieldError("contactPerson", "联系人及联系方式不超过 100 字");
                }

                break;
            case ActivityCardIssued a when string.IsNullOrWhiteSpace(a.CardNo) || a.CardNo.Length > 40:
                yield return new FieldError("cardNo", "必须填写活动证编号（县级组织部门按编码规则编定，不超过 40 个字符）");
                break;
            case ActivityCardChecked k when k.Year is null:
                yield return new FieldError("year", "必须填写年审的年度");
                break;
            case InflowAppraised a:
                if (a.Year is null)
                {
                    yield return new FieldError("year", "必须填写评议年度");
                }

                if (a.Grade is null)
                {
                    yield return new FieldError("grade", $"必须填写评议结果：{string.Join("、", Enum.GetNames<AppraisalGrade>())}");
                }

                break;
            case AbroadReviewed r when string.IsNullOrWhiteSpace(r.Conclusion) || r.Conclusion.Length > 1000:
                yield return new FieldError("conclusion", "必须填写党组织的审查结论（不超过 1000 字）");
                break;
            case Ended e when string.IsNullOrWhiteSpace(e.Reason):
                yield return new FieldError("reason", "必须写明结束的原因（如已正式转移组织关系）");
                break;
        }
    }

    public static IEnumerable<Refusal> Check(MobilityEvent data, DateOnly date, MobilityProgress p, MobilityContext ctx)
    {
        IEnumerable<Refusal?> refusals = data switch
        {
            OutflowRegistered o => [Member(ctx), InflowOrg(ctx)],
            InflowRegistered => [NotBeforePrevious(date, p), InflowOrg(ctx)],
            ActivityCardIssued => [NotBeforePrevious(date, p), OneCard(p)],
            ActivityCardChecked k => [NotBeforePrevious(date, p), CardCheck(k, date, p)],
            InflowAppraised a => [NotBeforePrevious(date, p), AppraisalYear(a, date, p)],
            AbroadReviewed => [NotBeforePrevious(date, p), AbroadReviewAllowed(date, p)],
            ContactLogged or InflowDeparted or Returned or Ended => [NotBeforePrevious(date, p)],
            _ => [],
        };
        return refusals.OfType<Refusal>();
    }

    /// <summary>F-01-mobile-definition: a member of this registry, away from the formal branch.</summary>
    public static Refusal? Member(MobilityContext ctx) => ctx.MemberHasLeft
        ? Refusal.Block(RuleIds.F01MobileDefinition, Definition, $"{ctx.MemberName} 已不在本系统党员名册中，不能登记为流动党员")
        : null;

    /// <summary>F-01-mobile-definition: the inflow organisation is another organisation that can take part in
    /// managing the member (a committee, general branch, branch, or 流动党员党组织).</summary>
    public static Refusal? InflowOrg(MobilityContext ctx)
    {
        if (ctx.InflowOrg is not { } inflow)
        {
            return null;
        }

        if (inflow.Id == ctx.FormalOrg.Id)
        {
            return Refusal.Block(RuleIds.F01MobileDefinition, Definition, $"流入地党组织“{inflow.Name}”就是 {ctx.MemberName} 正式组织关系所在的党组织");
        }

        return inflow.IsCommittee || inflow.Type.IsBranchLike() ? null : Refusal.Block(RuleIds.F01MobileDefinition, Article32,
            $"“{inflow.Name}”（{inflow.Type.Label()}）不能作为流入地党组织：应为党委、党总支、党支部或流动党员党组织");
    }

    /// <summary>F-03-activity-card: one card at a time.</summary>
    public static Refusal? OneCard(MobilityProgress p) => p.ActivityCardNo is { } held
        ? Refusal.Block(RuleIds.F03ActivityCard, CardStyle, $"已持有活动证（编号 {held}），不能再发放")
        : null;

    /// <summary>F-03-activity-card: the yearly check of a card held, once a year, not before the card was issued.</summary>
    public static Refusal? CardCheck(ActivityCardChecked k, DateOnly date, MobilityProgress p)
    {
        if (p.ActivityCardNo is null || p.ActivityCardIssuedDate is not { } issued)
        {
            return Refusal.Block(RuleIds.F03ActivityCard, CardStyle, "未发放活动证，无需年审；请先登记发放活动证");
        }

        var year = k.Year!.Value;
        if (year < issued.Year || year > date.Year)
        {
            return Refusal.Block(RuleIds.F03ActivityCard, CardStyle,
                $"年审年度 {year} 应在发证年度 {issued.Year} 至年审日期所在年度 {date.Year} 之间");
        }

        return p.CheckedYears.Contains(year)
            ? Refusal.Block(RuleIds.F03ActivityCard, CardStyle, $"{year} 年度的活动证年审已经记录")
            : null;
    }

    /// <summary>F-04-inflow-appraisal: the inflow organisation appraises the year the member was away, once.</summary>
    public static Refusal? AppraisalYear(InflowAppraised a, DateOnly date, MobilityProgress p)
    {
        var year = a.Year!.Value;
        if (year < p.LeftDate.Year || year > date.Year)
        {
            return Refusal.Block(RuleIds.F04InflowAppraisal, Article32, $"评议年度 {year} 应在外出年度 {p.LeftDate.Year} 至评议日期所在年度 {date.Year} 之间");
        }

        return p.Of(nameof(InflowAppraised)).Any(e => ((InflowAppraised)e.Data).Year == year)
            ? Refusal.Block(RuleIds.F04InflowAppraisal, Article32, $"流入地党组织已记录 {year} 年度的民主评议结果")
            : null;
    }

    /// <summary>T-13-abroad: 出国（境）学习研究超过5年 — strictly more than 5 years (G-02, G-04 "超过" excludes 5).</summary>
    public const int AbroadReviewAfterYears = 5;

    private const string Article24 = "《党员教育管理工作条例》第二十四条";

    /// <summary>T-13-abroad: the first day a member abroad is to be reviewed: the leaving date for a member settled
    /// abroad; for study or research, the day after 5 years (G-02) have passed; none when not abroad.</summary>
    public static DateOnly? AbroadReviewFrom(AbroadKind kind, DateOnly left) => kind switch
    {
        AbroadKind.None => null,
        AbroadKind.Settled => left,
        AbroadKind.Study or AbroadKind.Research => left.AddYears(AbroadReviewAfterYears).AddDays(1),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown abroad kind"),
    };

    /// <summary>
    /// T-13-abroad (WARN, 第二十四条): a member settled abroad, or abroad for study or research more than 5 years, "一般予以
    /// 停止党籍" — a prompt to the organisation holding the relation to review, never an automatic suspension. Shown on
    /// <paramref name="date"/> while the record is open and no review is recorded.
    /// </summary>
    public static Refusal? AbroadReviewPrompt(MobilityProgress p, string memberName, DateOnly date)
    {
        if (!p.IsOpen || p.AbroadReviewedDate is not null || AbroadReviewFrom(p.AbroadKind, p.LeftDate) is not { } from || date < from)
        {
            return null;
        }

        var why = p.AbroadKind == AbroadKind.Settled
            ? $"{memberName} 出国（境）定居"
            : $"{memberName} 自 {p.LeftDate:yyyy-MM-dd} 出国（境）{(p.AbroadKind == AbroadKind.Study ? "学习" : "研究")}已超过{AbroadReviewAfterYears}年";
        return Refusal.Warn(RuleIds.T13Abroad, Article24, $"{why}，一般予以停止党籍：请党组织审查并记录结论（不自动停止党籍）");
    }

    /// <summary>T-13-abroad: the review is recorded for a member abroad once it is due (settled abroad, or abroad for
    /// study or research more than 5 years on the step's date).</summary>
    public static Refusal? AbroadReviewAllowed(DateOnly date, MobilityProgress p)
    {
        if (AbroadReviewFrom(p.AbroadKind, p.LeftDate) is not { } from)
        {
            return Refusal.Block(RuleIds.T13Abroad, Article24, "本登记不是出国（境）人员，无需出国（境）审查");
        }

        return date >= from ? null : Refusal.Block(RuleIds.T13Abroad, Article24,
            $"自 {p.LeftDate:yyyy-MM-dd} 出国（境）学习研究至 {date:yyyy-MM-dd} 未超过{AbroadReviewAfterYears}年，{from:yyyy-MM-dd} 起方需审查");
    }

    private static Refusal? NotBeforePrevious(DateOnly date, MobilityProgress p)
    {
        var last = p.Events.Count > 0 ? p.Events[^1].Date : p.LeftDate;
        return date >= last ? null : Refusal.Block(RuleIds.G05Dates, "通用约定 G-05",
            $"日期 {date:yyyy-MM-dd} 早于本记录上一步骤的日期 {last:yyyy-MM-dd}：请按实际发生顺序记录");
    }

    /// <summary>The last day of the calendar quarter of <paramref name="date"/>.</summary>
    public static DateOnly QuarterEnd(DateOnly date)
    {
        var firstOfNext = new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1).AddMonths(3);
        return firstOfNext.AddDays(-1);
    }

    /// <summary>The last day of the calendar half-year of <paramref name="date"/> (30 June or 31 December).</summary>
    public static DateOnly HalfYearEnd(DateOnly date) => date.Month <= 6 ? new DateOnly(date.Year, 6, 30) : new DateOnly(date.Year, 12, 31);

    /// <summary>
    /// The deadlines of a mobile member's record, all owed by the outflow (formal) branch:
    /// F-02-contact, a contact in every full calendar quarter away (counted from the quarter after leaving; the last
    /// listed is the quarter after the latest contact) — for a member abroad instead T-13-abroad, a contact in every
    /// full calendar half-year away (left 2026-01-15 → first due 2026-12-31); F-03-activity-card, the card's check for
    /// every year it is held (from the year of issue to the year after the latest check); and T-13-abroad, the review
    /// of a member settled abroad or abroad more than 5 years, due on its first day (<see cref="AbroadReviewFrom"/>).
    /// </summary>
    public static IReadOnlyList<ProcedureDeadline> Deadlines(MobilityProgress p)
    {
        var list = new List<ProcedureDeadline>();
        var closed = p.ClosedDate;
        var latest = p.LastContactDate is { } c && c > p.LeftDate ? c : p.LeftDate;
        Func<DateOnly, DateOnly> periodEnd = p.IsAbroad ? HalfYearEnd : QuarterEnd;
        var months = p.IsAbroad ? 6 : 3;
        var rule = p.IsAbroad ? RuleIds.T13Abroad : RuleIds.F02Contact;
        var lastDue = closed is { } cd ? periodEnd(cd) : periodEnd(periodEnd(latest).AddDays(1));
        for (var due = periodEnd(periodEnd(p.LeftDate).AddDays(1)); due <= lastDue; due = periodEnd(due.AddDays(1)))
        {
            var start = due.AddDays(1).AddMonths(-months);
            if (closed < start)
            {
                break;
            }

            DateOnly? done = p.ContactDates.Where(d => d >= start).Cast<DateOnly?>().FirstOrDefault();
            if (done is null && closed is { } cl)
            {
                done = cl; // back (or the record ended) before the quarter needed a contact
            }

            list.Add(new(rule, due, done));
        }

        if (p.ActivityCardIssuedDate is { } issued)
        {
            var until = closed?.Year ?? Math.Max(issued.Year, (p.CheckedYears.Count > 0 ? p.CheckedYears.Max() : issued.Year - 1) + 1);
            for (var y = issued.Year; y <= until; y++)
            {
                var year = y;
                DateOnly? done = p.Of(nameof(ActivityCardChecked)).Where(e => ((ActivityCardChecked)e.Data).Year == year).Select(e => (DateOnly?)e.Date)
                    .FirstOrDefault() ?? closed;
                list.Add(new(RuleIds.F03ActivityCard, new DateOnly(year, 12, 31), done));
            }
        }

        if (AbroadReviewFrom(p.AbroadKind, p.LeftDate) is { } reviewFrom && (closed is null || closed >= reviewFrom))
        {
            list.Add(new(RuleIds.T13Abroad, reviewFrom, p.AbroadReviewedDate ?? closed));
        }

        return list;
    }
}
