using Jishi.Domain.Development;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Transfers;

/// <summary>
/// 整建制转接 (MANAGEMENT.md §1 T-11-whole-unit; S15 整建制转入/转出): a unit of the branch class moves with all its
/// members to another parent organisation in one act. What the act may not do is refused here; the tree's own
/// structural checks (OrgHierarchy.CheckParent, no cycle, G-14) are the move's.
/// </summary>
public static class WholeUnitTransferRules
{
    public const string RuleId = RuleIds.T11WholeUnit;

    private const string Basis = "党内统计 S15（整建制转入/转出）";

    /// <summary>The organisations that move as a unit with their members: 党支部, 党总支 and the other organisations of
    /// the branch class (离退休党支部, 临时党组织, 流动党员党组织).</summary>
    public static bool IsWholeUnit(OrgType type) => type.IsBranchLike();

    /// <summary>T-11-whole-unit: the unit is of the branch class, and none of its members has an open 组织关系介绍信 —
    /// a letter issued under the old parent could no longer be accepted (T-10: the member would no longer be where it
    /// was issued), so it is first accepted, rejected or withdrawn.</summary>
    public static IEnumerable<Refusal> Check(OrgFacts unit, OrgFacts newParent, IReadOnlyList<string> membersWithOpenFormalTransfer)
    {
        if (!IsWholeUnit(unit.Type))
        {
            yield return Refusal.Block(RuleId, Basis,
                $"“{unit.Name}”（{unit.Type.Label()}）不是党支部、党总支等支部类组织，不能整建制转接；党委的隶属关系调整请用“移动到其他上级组织”");
        }

        if (unit.ParentId == newParent.Id)
        {
            yield return Refusal.Block(RuleId, Basis, $"“{unit.Name}”已隶属于“{newParent.Name}”");
        }

        if (membersWithOpenFormalTransfer.Count > 0)
        {
            yield return Refusal.Block(RuleId, Basis,
                $"{string.Join("、", membersWithOpenFormalTransfer)} 有未办结的组织关系介绍信：请先办结或撤回，再整建制转接");
        }
    }

    /// <summary>The words of each member's history entry (整建制转接, the document number, from where to where, why).</summary>
    public static string Detail(string unitName, string fromName, string toName, string reason, string? documentNo)
    {
        var text = $"整建制转接{(documentNo is null ? "" : $"（{documentNo}）")}：{unitName}由{fromName}转到{toName}；{reason}";
        return text.Length <= 400 ? text : text[..400];
    }
}
