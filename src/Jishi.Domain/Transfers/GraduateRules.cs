using Jishi.Domain.Rules;

namespace Jishi.Domain.Transfers;

/// <summary>
/// T-12-graduates (WARN, S8《党员教育管理工作条例》第三十四条): the organisation of a university may keep the relation of a
/// graduate who has left it, "党员组织关系保留时间一般不超过2年"; beyond 24 months (G-01 month arithmetic) the relation
/// is to be transferred. The deadline is owed by the organisation that kept the relation, while it still holds it.
/// </summary>
public static class GraduateRules
{
    /// <summary>一般不超过2年: 24 calendar months from the graduation date.</summary>
    public const int KeepMonths = 24;

    public const string Article34 = "《党员教育管理工作条例》第三十四条";

    /// <summary>The last day the relation may be kept: graduated 2024-07-01 → 2026-07-01 (inclusive, G-01); overdue from
    /// the day after.</summary>
    public static DateOnly KeepUntil(DateOnly graduated) => graduated.AddMonths(KeepMonths);

    /// <summary>T-12-graduates: on <paramref name="date"/> the relation has been kept more than 24 months.</summary>
    public static bool IsOverdue(DateOnly graduated, DateOnly date) => date > KeepUntil(graduated);

    /// <summary>T-12-graduates: the deadline applies while the organisation that kept the relation at graduation still
    /// holds it and the member is in this registry (a transfer out, accepted, ends it).</summary>
    public static bool Applies(string keepingOrgId, string currentOrgId, bool memberHasLeft) =>
        !memberHasLeft && string.Equals(keepingOrgId, currentOrgId, StringComparison.Ordinal);

    /// <summary>T-12-graduates: the prompt on <paramref name="date"/> when the relation has been kept too long.</summary>
    public static Refusal? Prompt(string memberName, DateOnly graduated, DateOnly date) => IsOverdue(graduated, date)
        ? Refusal.Warn(RuleIds.T12Graduates, Article34,
            $"{memberName} 于 {graduated:yyyy-MM-dd} 毕业，组织关系保留已超过2年（至 {KeepUntil(graduated):yyyy-MM-dd}）：应转出组织关系")
        : null;
}
