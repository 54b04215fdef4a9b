using Jishi.Domain.Dues;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Dues;

/// <summary>The 2008 dues rules at their band edges (RULES.md §5, MANAGEMENT.md D-16 onwards).</summary>
public sealed class DuesRulesTests
{
    private static readonly DuesMonth January = new(2026, 1);

    private static DuesAssessment Assessed(DuesCategory category, decimal? @base, decimal? amount = null, DuesRelief? relief = null,
        bool approvedAbove = true)
    {
        var (assessment, errors, refusals) = DuesRules.Assess(January, category, @base, amount, relief, approvedAbove);
        Assert.Empty(errors);
        Assert.Empty(refusals);
        return assessment!;
    }

    [Theory]
    [InlineData("0", "0.00")]
    [InlineData("1234.56", "6.17")] // 6.1728 → 6.17
    [InlineData("3000.00", "15.00")]
    [InlineData("3000.01", "30.00")]
    [InlineData("5000.00", "50.00")]
    [InlineData("5000.01", "75.00")]
    [InlineData("10000.00", "150.00")]
    [InlineData("10000.01", "200.00")]
    [InlineData("4321.50", "43.22")] // 43.215 → 43.22, half away from zero (P-15)
    public void SalariedDues_UseTheRateOfTheBandHoldingTheWholeBase_D02(string @base, string expected)
    {
        foreach (var category in new[] { DuesCategory.Salaried, DuesCategory.AnnualSalary, DuesCategory.SelfEmployed })
        {
            Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
                Assessed(category, decimal.Parse(@base, System.Globalization.CultureInfo.InvariantCulture)).MonthlyAmount);
        }
    }

    [Theory]
    [InlineData("5000.00", "0.005", "25.00")]
    [InlineData("5000.01", "0.01", "50.00")]
    [InlineData("2600.00", "0.005", "13.00")]
    public void RetiredDues_AreHalfAPercentUpTo5000_AndOnePercentAbove_D05(string @base, string rate, string expected)
    {
        var a = Assessed(DuesCategory.Retired, decimal.Parse(@base, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), a.Rate);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), a.MonthlyAmount);
    }

    [Fact]
    public void FixedAmounts_ArePointTwoForStudentsAndTheUnemployed_AndPointTwoToOneForFarmers_D06()
    {
        foreach (var category in new[] { DuesCategory.Student, DuesCategory.Unemployed, DuesCategory.OnRelief, DuesCategory.Dibao })
        {
            Assert.Equal(0.20m, Assessed(category, null).MonthlyAmount);
            var (_, _, refusals) = DuesRules.Assess(January, category, null, 0.10m, null, true);
            Assert.Equal("D-06-fixed-amounts", Assert.Single(refusals).Rule);
        }

        Assert.Equal(0.20m, Assessed(DuesCategory.Farmer, null, 0.20m).MonthlyAmount);
        Assert.Equal(1.00m, Assessed(DuesCategory.Farmer, null, 1.00m).MonthlyAmount);
        foreach (var outside in new[] { 0.19m, 1.01m })
        {
            var (assessment, _, refusals) = DuesRules.Assess(January, DuesCategory.Farmer, null, outside, null, true);
            Assert.Null(assessment);
            var r = Assert.Single(refusals);
            Assert.Equal(("D-06-fixed-amounts", RuleSeverity.Block), (r.Rule, r.Severity));
            Assert.Contains($"{outside:0.00}", r.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ABaseIsNeededWhereTheDuesAreAShareOfIt_AndHasAtMostTwoDecimals()
    {
        var (_, missing, _) = DuesRules.Assess(January, DuesCategory.Salaried, null, null, null, true);
        Assert.Equal("base", Assert.Single(missing).Field);
        var (_, fraction, _) = DuesRules.Assess(January, DuesCategory.Retired, 3000.005m, null, null, true);
        Assert.Equal("base", Assert.Single(fraction).Field);
        var (_, negative, _) = DuesRules.Assess(January, DuesCategory.Salaried, -1m, null, null, true);
        Assert.Equal("base", Assert.Single(negative).Field);
    }

    [Fact]
    public void ReliefNeedsTheBranchDecisionThenTheHigherCommitteesApproval_D07()
    {
        var decided = new DateOnly(2026, 3, 2);
        var approved = new DateOnly(2026, 3, 10);
        var exemption = new DuesRelief(DuesReliefKind.Exemption, null, decided, "o-committee", approved);
        Assert.Equal(0m, Assessed(DuesCategory.Salaried, 2000m, relief: exemption).MonthlyAmount);
        Assert.Equal(5m, Assessed(DuesCategory.Salaried, 2000m, relief: exemption with { Kind = DuesReliefKind.Reduction, Amount = 5m }).MonthlyAmount);

        foreach (var (relief, above, what) in new (DuesRelief, bool, string)[]
                 {
                     (exemption with { BranchDecisionDate = null }, true, "支部"),
                     (exemption with { ApprovalDate = null }, true, "批准"),
                     (exemption, false, "上级党委"),
                     (exemption with { ApprovalDate = decided.AddDays(-1) }, true, "早于"),
                     (exemption with { Kind = DuesReliefKind.Reduction, Amount = 10m }, true, "少于"), // the standard amount itself
                 })
        {
            var (assessment, errors, refusals) = DuesRules.Assess(January, DuesCategory.Salaried, 2000m, null, relief, above);
            Assert.Empty(errors);
            Assert.Null(assessment);
            var r = Assert.Single(refusals);
            Assert.Equal(("D-07-hardship", RuleSeverity.Block), (r.Rule, r.Severity));
            Assert.Contains(what, r.Message, StringComparison.Ordinal);
        }
    }

    private static DuesPaymentFacts Payment(string paid, string from, string to, decimal amount = 10m, decimal due = 10m) => new(
        DateOnly.Parse(paid, System.Globalization.CultureInfo.InvariantCulture), DuesMonth.Parse(from)!.Value, DuesMonth.Parse(to)!.Value,
        amount, DuesPayer.Self, DuesPaymentMethod.Cash, due, new DuesMonth(2020, 1), [], PaidAtFormalBranch: true,
        PaidAtInflowBranchWithActivityCard: false, Today: new DateOnly(2026, 11, 22));

    [Fact]
    public void ABackPaymentOfSixMonthsIsInOrder_SevenIsAWarning_D16()
    {
        Assert.Empty(DuesPaymentRules.Check(Payment("2026-07-05", "2026-01", "2026-06")));
        Assert.Equal(6, DuesPaymentRules.MonthsInArrears(Payment("2026-07-05", "2026-01", "2026-07")));
        var r = Assert.Single(DuesPaymentRules.Check(Payment("2026-07-05", "2025-12", "2026-06")));
        Assert.Equal(("D-16-back-payment", RuleSeverity.Warn), (r.Rule, r.Severity));
        Assert.Contains("7 个月", r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PayingAhead_IsQuarterlyPaymentThatNeedsTheBranchsConsent_D12()
    {
        Assert.Empty(DuesPaymentRules.Check(Payment("2026-07-05", "2026-07", "2026-07")));
        var r = Assert.Single(DuesPaymentRules.Check(Payment("2026-07-05", "2026-07", "2026-09")));
        Assert.Equal(("D-12-payment-timing", RuleSeverity.Warn), (r.Rule, r.Severity));
    }

    [Fact]
    public void TheOrganisationNeverPaysOrDeducts_D14_AndARelativeOrAnotherMemberMay_D17()
    {
        var p = Payment("2026-07-05", "2026-07", "2026-07");
        Assert.Empty(DuesPaymentRules.Check(p with { PaidBy = DuesPayer.Relative }));
        Assert.Empty(DuesPaymentRules.Check(p with { PaidBy = DuesPayer.OtherMember }));
        Assert.Equal("D-14-collection-integrity", Assert.Single(DuesPaymentRules.Check(p with { PaidBy = DuesPayer.Organisation })).Rule);
        var deducted = Assert.Single(DuesPaymentRules.Check(p with { Method = DuesPaymentMethod.PayrollDeduction }));
        Assert.Equal(("D-14-collection-integrity", RuleSeverity.Block), (deducted.Rule, deducted.Severity));
    }

    [Fact]
    public void PaidElsewhere_IsAWarning_UnlessAtTheInflowBranchWithAnActivityCard_D17()
    {
        var p = Payment("2026-07-05", "2026-07", "2026-07") with { PaidAtFormalBranch = false };
        Assert.Equal(("D-17-proxy-and-place", RuleSeverity.Warn), Assert.Single(DuesPaymentRules.Check(p)) is var r ? (r.Rule, r.Severity) : default);
        Assert.Empty(DuesPaymentRules.Check(p with { PaidAtInflowBranchWithActivityCard = true }));
    }

    [Fact]
    public void AProbationaryMemberPaysFromTheMonthOfTheAssembly_D08()
    {
        var p = Payment("2026-07-05", "2026-05", "2026-06") with { FirstDueMonth = new DuesMonth(2026, 5) };
        Assert.Empty(DuesPaymentRules.Check(p));
        var r = Assert.Single(DuesPaymentRules.Check(p with { CoversFrom = new DuesMonth(2026, 4) }));
        Assert.Equal(("D-08-probationary-start", RuleSeverity.Block), (r.Rule, r.Severity));
        Assert.Equal("D-08-probationary-start", Assert.Single(DuesPaymentRules.Check(p with { FirstDueMonth = null })).Rule);
    }

    [Fact]
    public void APaymentCoversWhatItClaims_AndAMonthIsPaidOnce_AndTheExtraIsVoluntary_D19()
    {
        var p = Payment("2026-07-05", "2026-07", "2026-07", amount: 1010m, due: 10m);
        Assert.Empty(DuesPaymentRules.Fields(p));
        Assert.Equal(1000m, DuesPaymentRules.VoluntaryExtra(p));
        Assert.True(DuesPaymentRules.VoluntaryExtra(p) >= DuesPaymentRules.LargeVoluntary);
        Assert.False(DuesPaymentRules.VoluntaryExtra(p with { Amount = 1009.99m }) >= DuesPaymentRules.LargeVoluntary);
        Assert.Equal("amount", Assert.Single(DuesPaymentRules.Fields(p with { Amount = 9.99m })).Field);
        Assert.Equal("coversTo", Assert.Single(DuesPaymentRules.Fields(p with { CoversTo = new DuesMonth(2026, 6) })).Field);
        Assert.Equal("coversFrom", Assert.Single(DuesPaymentRules.Fields(p with { AlreadyPaid = [new DuesMonth(2026, 7)] })).Field);
    }

    [Fact]
    public void Arrears_AreTheMonthsBeforeThisOneNotPaid_AndTheLongestRunCounts_D13()
    {
        var first = new DuesMonth(2026, 1);
        var paid = new[] { new DuesMonth(2026, 1), new DuesMonth(2026, 2), new DuesMonth(2026, 9) };
        var unpaid = DuesArrears.Unpaid(first, paid, new DateOnly(2026, 11, 22));
        Assert.Equal(["2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-10"], unpaid.Select(m => m.ToString()));
        Assert.Equal(6, DuesArrears.LongestRun(unpaid));
        Assert.Empty(DuesArrears.Unpaid(null, [], new DateOnly(2026, 11, 22)));
        Assert.Empty(DuesArrears.Unpaid(new DuesMonth(2026, 11), [], new DateOnly(2026, 11, 22))); // this month is not yet late
    }

    [Theory]
    [InlineData("2026-01", true)]
    [InlineData("2026-12", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-1", false)]
    [InlineData("26-01", false)]
    [InlineData("2026/01", false)]
    [InlineData(null, false)]
    public void AMonthIsWrittenYYYYMM(string? text, bool valid) => Assert.Equal(valid, DuesMonth.Parse(text) is not null);
}
