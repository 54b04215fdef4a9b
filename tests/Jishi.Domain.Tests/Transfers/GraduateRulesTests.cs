using Jishi.Domain.Rules;
using Jishi.Domain.Transfers;

namespace Jishi.Domain.Tests.Transfers;

/// <summary>T-12-graduates at the catalog's boundaries: the relation kept up to 24 months after graduation (G-01).</summary>
public sealed class GraduateRulesTests
{
    [Theory]
    [InlineData("2024-07-01", "2026-07-01")] // T-12-graduates: graduated 2024-07-01 → kept until 2026-07-01
    [InlineData("2024-02-29", "2026-02-28")] // G-01: no 29 February in 2026
    [InlineData("2024-08-31", "2026-08-31")]
    public void TheRelationIsKept_Until24MonthsAfterGraduation_T12(string graduated, string until) =>
        Assert.Equal(DateOnly.Parse(until), GraduateRules.KeepUntil(DateOnly.Parse(graduated)));

    [Theory]
    [InlineData("2026-07-01", false)] // T-12-graduates: on the day is still within the 2 years
    [InlineData("2026-07-02", true)]
    public void KeptBeyond24Months_IsAWarnToTransfer_T12(string on, bool overdue)
    {
        var graduated = new DateOnly(2024, 7, 1);
        Assert.Equal(overdue, GraduateRules.IsOverdue(graduated, DateOnly.Parse(on)));
        var prompt = GraduateRules.Prompt("张华", graduated, DateOnly.Parse(on));
        Assert.Equal(overdue, prompt is not null);
        if (prompt is not null)
        {
            Assert.Equal(RuleIds.T12Graduates, prompt.Rule);
            Assert.Equal(RuleSeverity.Warn, prompt.Severity);
            Assert.Contains("第三十四条", prompt.Article, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheDeadline_IsTheKeepingOrganisations_WhileItHoldsTheRelation_T12()
    {
        // T-12-graduates: transferred to another organisation, or out of this registry → no longer applies.
        Assert.True(GraduateRules.Applies("o-u", "o-u", memberHasLeft: false));
        Assert.False(GraduateRules.Applies("o-u", "o-other", memberHasLeft: false));
        Assert.False(GraduateRules.Applies("o-u", "o-u", memberHasLeft: true));
    }
}
