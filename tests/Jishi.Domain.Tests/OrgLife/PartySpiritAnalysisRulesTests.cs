using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.OrgLife;

/// <summary>L-08-party-spirit-analysis (= M-14-party-spirit-analysis-5y): every five years, arranged by a county-or-above committee.</summary>
public sealed class PartySpiritAnalysisRulesTests
{
    [Fact]
    public void TheNextIsOwedFiveYearsAfterTheLastEnded_OrAfterTheCommitteeEnteredTheRegistry_L08()
    {
        Assert.Equal(new DateOnly(2031, 10, 31), PartySpiritAnalysisRules.NextDue(new DateOnly(2026, 10, 31), new DateOnly(2020, 1, 1)));
        Assert.Equal(new DateOnly(2031, 11, 22), PartySpiritAnalysisRules.NextDue(null, new DateOnly(2026, 11, 22)));
        // G-02: 29 February + 5 years is 28 February.
        Assert.Equal(new DateOnly(2029, 2, 28), PartySpiritAnalysisRules.NextDue(new DateOnly(2024, 2, 29), new DateOnly(2020, 1, 1)));
        Assert.Equal("L-08-party-spirit-analysis", RuleIds.L08PartySpiritAnalysis);
    }

    [Theory]
    [InlineData(OrgType.CountyCommittee, true)]
    [InlineData(OrgType.PrefecturalCommittee, true)]
    [InlineData(OrgType.ProvincialCommittee, true)]
    [InlineData(OrgType.TownshipCommittee, false)]
    [InlineData(OrgType.PrimaryCommittee, false)]
    [InlineData(OrgType.Branch, false)]
    public void OnlyACountyOrAboveCommitteeArranges_L08(OrgType type, bool arranges)
    {
        var refusals = PartySpiritAnalysisRules.CheckArrangement(type, "某党组织").ToList();
        Assert.Equal(arranges, refusals.Count == 0);
        if (!arranges)
        {
            var r = Assert.Single(refusals);
            Assert.Equal(("L-08-party-spirit-analysis", RuleSeverity.Block), (r.Rule, r.Severity));
            Assert.Contains("县级以上党委", r.Message);
        }
    }

    [Fact]
    public void ParticipationFallsWithinThePeriod_BelowTheArrangingCommittee_Once_L08()
    {
        var (start, end) = (new DateOnly(2026, 3, 1), new DateOnly(2026, 10, 31));
        IEnumerable<Refusal> Check(DateOnly date, string path = "/c/t/b/", bool again = false) =>
            PartySpiritAnalysisRules.CheckParticipation(start, end, date, "/c/", path, "王明", again);

        Assert.Empty(Check(start));
        Assert.Empty(Check(end));
        Assert.Equal("L-08-party-spirit-analysis", Assert.Single(Check(start.AddDays(-1))).Rule);
        Assert.Equal("L-08-party-spirit-analysis", Assert.Single(Check(end.AddDays(1))).Rule);
        Assert.Contains("不在安排", Assert.Single(Check(start, "/other/b/")).Message);
        Assert.Contains("已经记录", Assert.Single(Check(start, again: true)).Message);
    }
}
