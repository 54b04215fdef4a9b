using Jishi.Domain.Rules;

namespace Jishi.Domain.Dues;

/// <summary>Who handed the dues over (D-12, D-17): the member, a relative or another member (代交); never the
/// organisation (垫交, D-14).</summary>
public enum DuesPayer
{
    /// <summary>本人.</summary>
    Self,

    /// <summary>亲属代交.</summary>
    Relative,

    /// <summary>其他党员代交.</summary>
    OtherMember,

    /// <summary>组织垫交（禁止，D-14）.</summary>
    Organisation,
}

/// <summary>How the dues were handed over.</summary>
public enum DuesPaymentMethod
{
    /// <summary>现金.</summary>
    Cash,

    /// <summary>转账或网上交纳.</summary>
    Online,

    /// <summary>从工资中扣缴（禁止，D-14）.</summary>
    PayrollDeduction,
}

/// <summary>A proposed payment with what the App knows of the member and the place: the months it covers, what is due
/// for them, whether any of them is already paid, and where it is paid.</summary>
public sealed record DuesPaymentFacts(
    DateOnly PaidDate,
    DuesMonth CoversFrom,
    DuesMonth CoversTo,
    decimal Amount,
    DuesPayer PaidBy,
    DuesPaymentMethod Method,
    decimal DueForCoveredMonths,
    DuesMonth? FirstDueMonth,
    IReadOnlyList<DuesMonth> AlreadyPaid,
    bool PaidAtFormalBranch,
    bool PaidAtInflowBranchWithActivityCard,
    DateOnly Today);

/// <summary>The rules of a dues payment (D-08, D-12, D-14, D-16, D-17, D-19).</summary>
public static class DuesPaymentRules
{
    /// <summary>D-16: a back payment covers at most six months in arrears ("一般不得超过6个月").</summary>
    public const int BackPaymentMonths = 6;

    /// <summary>D-19 / D-11: a voluntary extra of 1000 元 or more in one payment is forwarded to the Centre.</summary>
    public const decimal LargeVoluntary = 1000m;

    /// <summary>The fields of a payment in themselves (400).</summary>
    public static IEnumerable<FieldError> Fields(DuesPaymentFacts p)
    {
        if (p.CoversTo < p.CoversFrom)
        {
            yield return new FieldError("coversTo", $"交纳月份止（{p.CoversTo}）早于起（{p.CoversFrom}）");
        }

        if (p.Amount <= 0 || decimal.Round(p.Amount, 2) != p.Amount)
        {
            yield return new FieldError("amount", $"交纳金额应为大于 0、至多两位小数的金额（元），填写的是 {p.Amount}");
        }
        else if (p.Amount < p.DueForCoveredMonths)
        {
            yield return new FieldError("amount",
                $"交纳金额 {p.Amount:0.00} 元少于 {p.CoversFrom}—{p.CoversTo} 应交的 {p.DueForCoveredMonths:0.00} 元；请只列出本次交足的月份");
        }

        var twice = p.CoversTo < p.CoversFrom ? [] : DuesMonth.Range(p.CoversFrom, p.CoversTo).Where(p.AlreadyPaid.Contains).ToList();
        if (twice.Count > 0)
        {
            yield return new FieldError("coversFrom",
                $"{string.Join("、", twice)} 的党费已经交纳；多交的部分请在已交月份之外作为自愿多交记录，记错的交纳以冲正记录更正（D-18）");
        }
    }

    /// <summary>Months of the payment that are in arrears on the payment date: those before the month it is paid in.</summary>
    public static int MonthsInArrears(DuesPaymentFacts p)
    {
        var paidMonth = DuesMonth.Of(p.PaidDate);
        var lastArrear = p.CoversTo < paidMonth ? p.CoversTo : paidMonth.AddMonths(-1);
        return p.CoversFrom.MonthsThrough(lastArrear);
    }

    /// <summary>The voluntary extra of the payment: what it pays above the dues of the months it covers (D-11).</summary>
    public static decimal VoluntaryExtra(DuesPaymentFacts p) => Math.Max(0, p.Amount - p.DueForCoveredMonths);

    /// <summary>Every rule that applies to the payment, at its severity.</summary>
    public static IEnumerable<Refusal> Check(DuesPaymentFacts p)
    {
        if (p.PaidDate > p.Today)
        {
            yield return Refusal.Block(RuleIds.G05Dates, "规则目录 G-05", $"交纳日期 {p.PaidDate:yyyy-MM-dd} 晚于今天（{p.Today:yyyy-MM-dd}）");
        }

        if (p.PaidBy == DuesPayer.Organisation)
        {
            yield return Refusal.Block(RuleIds.D14CollectionIntegrity, DuesRules.Article + "第十四条",
                "党组织不得为党员垫交党费：党费由党员本人交纳，或由其亲属、其他党员代交");
        }

        if (p.Method == DuesPaymentMethod.PayrollDeduction)
        {
            yield return Refusal.Block(RuleIds.D14CollectionIntegrity, DuesRules.Article + "第十四条",
                "不得从党员工资中扣缴党费：党费由党员主动交纳");
        }

        if (p.FirstDueMonth is null)
        {
            yield return Refusal.Block(RuleIds.D08ProbationaryStart, DuesRules.Article + "第八条",
                "尚未成为预备党员（无预备期开始日期），不交纳党费");
        }
        else if (p.CoversFrom < p.FirstDueMonth)
        {
            yield return Refusal.Block(RuleIds.D08ProbationaryStart, DuesRules.Article + "第八条",
                $"党员从 {p.FirstDueMonth} 起交纳党费（预备党员自支部大会通过之月起），交纳月份始于 {p.CoversFrom}");
        }

        var arrears = MonthsInArrears(p);
        if (arrears > BackPaymentMonths)
        {
            yield return Refusal.Warn(RuleIds.D16BackPayment, DuesRules.Article + "第十二条",
                $"一次补交 {arrears} 个月，超过“一般不得超过6个月”；请说明原因");
        }

        var paidMonth = DuesMonth.Of(p.PaidDate);
        if (p.CoversTo > paidMonth)
        {
            yield return Refusal.Warn(RuleIds.D12PaymentTiming, DuesRules.Article + "第十二条",
                $"预交至 {p.CoversTo}：党费应按月交纳，特殊情况下经党支部同意可按季度交纳；请记录支部同意");
        }

        if (!p.PaidAtFormalBranch && !p.PaidAtInflowBranchWithActivityCard)
        {
            yield return Refusal.Warn(RuleIds.D17ProxyAndPlace, DuesRules.Article + "第十五条",
                "党费应向正式组织关系所在党支部交纳（持《流动党员活动证》的可向流入地党组织交纳）；请说明原因");
        }
    }
}

/// <summary>What a member has not paid (D-13): months due before the month of the day asked about and not paid.</summary>
public static class DuesArrears
{
    public static IReadOnlyList<DuesMonth> Unpaid(DuesMonth? firstDue, IEnumerable<DuesMonth> paid, DateOnly asOf, IEnumerable<DuesMonth>? exempt = null)
    {
        if (firstDue is not { } first)
        {
            return [];
        }

        var covered = paid.ToHashSet();
        covered.UnionWith(exempt ?? []);
        return [.. DuesMonth.Range(first, DuesMonth.Of(asOf).AddMonths(-1)).Where(m => !covered.Contains(m))];
    }

    /// <summary>The longest run of consecutive unpaid months (6 or more without a justified reason feeds M-15).</summary>
    public static int LongestRun(IReadOnlyList<DuesMonth> unpaid)
    {
        var best = 0;
        var run = 0;
        for (var i = 0; i < unpaid.Count; i++)
        {
            run = i > 0 && unpaid[i - 1].AddMonths(1) == unpaid[i] ? run + 1 : 1;
            best = Math.Max(best, run);
        }

        return best;
    }
}
