using Jishi.Domain.Development;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Jishi.Domain.Transfers;

namespace Jishi.Domain.Tests.Transfers;

/// <summary>整建制转接 (T-11-whole-unit): which units move this way, and what stops the act.</summary>
public sealed class WholeUnitTransferRulesTests
{
    private static readonly OrgFacts School = new("o-s", "中共安和一中委员会", OrgType.PrimaryCommittee, "o-county", true, true, false, true);

    private static OrgFacts Unit(OrgType type, string parent = "o-t") => new("o-u", "第一社区党支部", type, parent, false, false, false, true);

    [Theory]
    [InlineData(OrgType.Branch, true)]
    [InlineData(OrgType.RetireeBranch, true)]
    [InlineData(OrgType.GeneralBranch, true)]
    [InlineData(OrgType.TemporaryOrg, true)]
    [InlineData(OrgType.PrimaryCommittee, false)]
    [InlineData(OrgType.TownshipCommittee, false)]
    [InlineData(OrgType.PartyCell, false)]
    public void OnlyAUnitOfTheBranchClass_MovesAsAWholeUnit_T11(OrgType type, bool allowed)
    {
        var refusals = WholeUnitTransferRules.Check(Unit(type), School, []).ToList();
        Assert.Equal(allowed, refusals.Count == 0);
        Assert.All(refusals, r => Assert.Equal(("T-11-whole-unit", RuleSeverity.Block), (r.Rule, r.Severity)));
    }

    [Fact]
    public void AMemberWithAnOpenLetter_OrTheSameParent_StopsTheAct_T11()
    {
        var open = Assert.Single(WholeUnitTransferRules.Check(Unit(OrgType.Branch), School, ["李明", "王芳"]));
        Assert.Equal("T-11-whole-unit", open.Rule);
        Assert.Contains("李明、王芳", open.Message, StringComparison.Ordinal);
        Assert.Equal("T-11-whole-unit", Assert.Single(WholeUnitTransferRules.Check(Unit(OrgType.Branch, parent: "o-s"), School, [])).Rule);
    }

    [Fact]
    public void TheHistoryDetail_NamesWholeUnitTheDocumentAndBothParents_T11()
    {
        Assert.Equal("整建制转接（安组〔2026〕12号）：第一社区党支部由城关镇党委转到一中党委；单位划转",
            WholeUnitTransferRules.Detail("第一社区党支部", "城关镇党委", "一中党委", "单位划转", "安组〔2026〕12号"));
        Assert.Equal("整建制转接：甲由乙转到丙；丁", WholeUnitTransferRules.Detail("甲", "乙", "丙", "丁", null));
        Assert.Equal(400, WholeUnitTransferRules.Detail("甲", "乙", "丙", new string('理', 500), null).Length);
    }
}
