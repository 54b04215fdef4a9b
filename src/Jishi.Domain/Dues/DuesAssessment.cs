using Jishi.Domain.Rules;

namespace Jishi.Domain.Dues;

/// <summary>少交或免交 (D-07): decided by the branch (党支部研究) and approved by the next-higher committee.</summary>
public sealed record DuesRelief(DuesReliefKind Kind, decimal? Amount, DateOnly? BranchDecisionDate, string? ApprovedByOrgId,
    DateOnly? ApprovalDate);

/// <summary>A member's dues from a month on: the category, the base, the rate and the monthly amount.</summary>
public sealed record DuesAssessment(DuesMonth From, DuesCategory Category, decimal? Base, decimal? Rate, decimal StandardAmount,
    DuesRelief? Relief)
{
    /// <summary>What the member owes a month: the standard amount, or the reduced one, or nothing (D-07).</summary>
    public decimal MonthlyAmount => Relief?.Kind switch
    {
        null => StandardAmount,
        DuesReliefKind.Reduction => Relief.Amount ?? StandardAmount,
        DuesReliefKind.Exemption => 0m,
        _ => throw new ArgumentOutOfRangeException(nameof(Relief), Relief.Kind, null),
    };
}

/// <summary>The 2008 rules of dues (S4 中组发〔2008〕3号, RULES.md §5): bases, rates, fixed amounts, relief.</summary>
public static class DuesRules
{
    public const string Article = "《关于中国共产党党费收缴、使用和管理的规定》";

    /// <summary>D-06: the fixed monthly amount of students, the unemployed, those on relief or 低保; the farmers' least.</summary>
    public const decimal FixedAmount = 0.20m;

    /// <summary>D-06: the most a farmer member is asked for a month.</summary>
    public const decimal FarmerMaximum = 1.00m;

    /// <summary>D-02 (salaried, annual salary, self-employed): the rate of the band holding the whole base — not
    /// progressive: ≤ 3000 → 0.5%, ≤ 5000 → 1%, ≤ 10000 → 1.5%, above → 2%.</summary>
    public static decimal SalariedRate(decimal @base) => @base switch
    {
        <= 3000m => 0.005m,
        <= 5000m => 0.01m,
        <= 10000m => 0.015m,
        _ => 0.02m,
    };

    /// <summary>D-05 (retired): ≤ 5000 → 0.5%, above → 1%.</summary>
    public static decimal RetiredRate(decimal @base) => @base <= 5000m ? 0.005m : 0.01m;

    /// <summary>P-15: to the 分, half away from zero.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Whether the category's dues are a share of a base (D-01 … D-05) rather than a fixed amount (D-06).</summary>
    public static bool HasBase(DuesCategory category) => category switch
    {
        DuesCategory.Salaried or DuesCategory.AnnualSalary or DuesCategory.SelfEmployed or DuesCategory.Retired => true,
        DuesCategory.Farmer or DuesCategory.Student or DuesCategory.Unemployed or DuesCategory.OnRelief or DuesCategory.Dibao => false,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>
    /// Assesses a member's dues from <paramref name="from"/>: the fields a category needs (400), then D-06 and D-07
    /// (422). <paramref name="amount"/> is the farmer's fixed amount (0.20–1.00); <paramref name="reliefApprovedAbove"/>
    /// says whether the approving organisation is a committee above the member's branch (the App knows the tree).
    /// </summary>
    public static (DuesAssessment? Assessment, IReadOnlyList<FieldError> Errors, IReadOnlyList<Refusal> Refusals) Assess(
        DuesMonth from, DuesCategory category, decimal? @base, decimal? amount, DuesRelief? relief, bool reliefApprovedAbove)
    {
        var errors = new List<FieldError>();
        var refusals = new List<Refusal>();
        if (HasBase(category))
        {
            if (@base is null)
            {
                errors.Add(new FieldError("base", $"{category} 须填写计算基数（元/月，税后）"));
            }
            else if (@base < 0 || decimal.Round(@base.Value, 2) != @base)
            {
                errors.Add(new FieldError("base", $"计算基数应为不小于 0、至多两位小数的金额（元），填写的是 {@base}"));
            }
        }

        if (amount is { } a && decimal.Round(a, 2) != a)
        {
            errors.Add(new FieldError("amount", $"金额至多两位小数（元），填写的是 {a}"));
        }

        if (relief is { Kind: DuesReliefKind.Reduction, Amount: null })
        {
            errors.Add(new FieldError("relief.amount", "少交须填写每月交纳的金额"));
        }

        if (errors.Count > 0)
        {
            return (null, errors, refusals);
        }

        decimal? rate = null;
        decimal standard;
        switch (category)
        {
            case DuesCategory.Salaried or DuesCategory.AnnualSalary or DuesCategory.SelfEmployed:
                rate = SalariedRate(@base!.Value);
                standard = Round(@base.Value * rate.Value);
                break;
            case DuesCategory.Retired:
                rate = RetiredRate(@base!.Value);
                standard = Round(@base.Value * rate.Value);
                break;
            case DuesCategory.Farmer:
                standard = amount ?? FixedAmount;
                if (standard is < FixedAmount or > FarmerMaximum)
                {
                    refusals.Add(Refusal.Block(RuleIds.D06FixedAmounts, Article + "第六条",
                        $"农民党员每月交纳党费 0.20 元至 1.00 元，填写的是 {standard:0.00} 元"));
                }

                break;
            case DuesCategory.Student or DuesCategory.Unemployed or DuesCategory.OnRelief or DuesCategory.Dibao:
                standard = FixedAmount;
                if (amount is { } fixedAmount && fixedAmount != FixedAmount)
                {
                    refusals.Add(Refusal.Block(RuleIds.D06FixedAmounts, Article + "第六条",
                        $"学生、下岗失业、依靠抚恤或救济生活、领取最低生活保障金的党员每月交纳党费 0.20 元，填写的是 {fixedAmount:0.00} 元；少交或免交须按第七条经支部研究、上级党委批准"));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(category), category, null);
        }

        if (relief is not null)
        {
            refusals.AddRange(Relief(relief, standard, reliefApprovedAbove));
        }

        return (refusals.Count > 0 ? null : new DuesAssessment(from, category, @base, rate, standard, relief), errors, refusals);
    }

    /// <summary>D-07-hardship (第七条): reduced or no dues only with the branch's decision and the approval of the next-higher
    /// committee, in that order, and a reduction less than the standard amount.</summary>
    public static IEnumerable<Refusal> Relief(DuesRelief relief, decimal standard, bool approvedAbove)
    {
        const string rule = RuleIds.D07Hardship;
        const string article = Article + "第七条";
        var what = relief.Kind == DuesReliefKind.Exemption ? "免交" : "少交";
        if (relief.BranchDecisionDate is null)
        {
            yield return Refusal.Block(rule, article, $"{what}党费须经党支部研究决定：未记录支部决定日期");
        }

        if (relief.ApprovalDate is null || string.IsNullOrWhiteSpace(relief.ApprovedByOrgId))
        {
            yield return Refusal.Block(rule, article, $"{what}党费须报上一级党委批准：未记录批准的党委和日期");
        }
        else if (!approvedAbove)
        {
            yield return Refusal.Block(rule, article, $"{what}党费须由党员所在党支部的上一级党委批准，记录的批准组织不是其上级党委");
        }

        if (relief.BranchDecisionDate is { } d && relief.ApprovalDate is { } a && a < d)
        {
            yield return Refusal.Block(rule, article, $"上级党委批准日期 {a:yyyy-MM-dd} 早于支部研究日期 {d:yyyy-MM-dd}");
        }

        if (relief is { Kind: DuesReliefKind.Reduction, Amount: { } amount } && (amount <= 0 || amount >= standard))
        {
            yield return Refusal.Block(rule, article,
                $"少交的金额应大于 0 且少于按标准应交的 {standard:0.00} 元，填写的是 {amount:0.00} 元（不交为免交）");
        }
    }
}
