using Jishi.Domain.Rules;

namespace Jishi.Domain.Organisations;

/// <summary>
/// A lenient structural check of the organisation tree — not a RULES.md rule, a data-entry guard following S3 第三十条
/// (基层委员会、总支部委员会、支部委员会) and 《中国共产党支部工作条例（试行）》 (党员人数较多的党支部可以划分若干党小组).
/// Only the combinations below are refused; every other parent/child pairing is accepted because deployments vary.
/// </summary>
public static class OrgHierarchy
{
    private const string Field = "parentId";

    /// <summary>
    /// Checks that an organisation of type <paramref name="child"/> may sit under one of type
    /// <paramref name="parent"/> (<see langword="null"/> = top level). Refused, as a <see cref="FieldError"/> for
    /// <c>parentId</c>:
    /// <list type="bullet">
    /// <item>a <see cref="OrgType.CentralCommittee"/> with any parent;</item>
    /// <item>anything under a <see cref="OrgType.PartyCell"/>;</item>
    /// <item>a <see cref="OrgType.PartyCell"/> that is not under a <see cref="OrgType.Branch"/>,
    /// <see cref="OrgType.RetireeBranch"/>, <see cref="OrgType.TemporaryOrg"/> or
    /// <see cref="OrgType.MobileMemberOrg"/> (including one at top level);</item>
    /// <item>under a <see cref="OrgType.Branch"/> or <see cref="OrgType.RetireeBranch"/>, anything but a
    /// <see cref="OrgType.PartyCell"/>;</item>
    /// <item>under a <see cref="OrgType.GeneralBranch"/>, anything but a <see cref="OrgType.Branch"/> or
    /// <see cref="OrgType.RetireeBranch"/> (a 党小组 belongs to a branch, not directly to a 党总支).</item>
    /// </list>
    /// Every other type may be at top level (a deployment's root need not be a committee of the national tree).
    /// </summary>
    public static FieldError? CheckParent(OrgType child, OrgType? parent)
    {
        if (child == OrgType.CentralCommittee)
        {
            return parent is null ? null : Error($"党的中央委员会不能有上级组织，填写的上级组织为{parent.Value.Label()}");
        }

        if (parent == OrgType.PartyCell)
        {
            return Error($"党小组下不能设立下级组织，填写的是在党小组下设立{child.Label()}");
        }

        if (child == OrgType.PartyCell)
        {
            return parent is { } holder && holder.HoldsPartyCells()
                ? null
                : Error($"党小组应设在党支部、离退休党支部、临时党组织或流动党员党组织之下，填写的上级组织为{ParentLabel(parent)}");
        }

        if (parent is { } p && p.IsBranch())
        {
            return Error($"{p.Label()}之下只能设立党小组，填写的是{child.Label()}");
        }

        return parent == OrgType.GeneralBranch && !child.IsBranch()
            ? Error($"党总支之下只能设立党支部或离退休党支部，填写的是{child.Label()}")
            : null;
    }

    private static string ParentLabel(OrgType? parent) => parent is null ? "无（顶层）" : parent.Value.Label();

    private static FieldError Error(string message) => new(Field, message);
}
