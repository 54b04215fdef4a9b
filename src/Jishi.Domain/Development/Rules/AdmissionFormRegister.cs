using System.Globalization;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>
/// A batch of 《中国共产党入党志愿书》 serials received from the provincial 组织部: <c>first</c> … <c>last</c>, one
/// non-numeric prefix and a numeric tail of one width (e.g. GD-2026-000001 … GD-2026-000500).
/// </summary>
public sealed record SerialRange(string Prefix, long FirstNumber, long LastNumber, int Width)
{
    /// <summary>The most serials one batch may hold.</summary>
    public const int MaxCount = 10_000;

    /// <summary>The longest serial the register stores.</summary>
    public const int MaxLength = 40;

    public int Count => (int)(LastNumber - FirstNumber + 1);

    public string First => Format(FirstNumber);

    public string Last => Format(LastNumber);

    /// <summary>Every serial of the batch, in order.</summary>
    public IEnumerable<string> Serials()
    {
        for (var n = FirstNumber; n <= LastNumber; n++)
        {
            yield return Format(n);
        }
    }

    private string Format(long n) => Prefix + n.ToString(CultureInfo.InvariantCulture).PadLeft(Width, '0');

    /// <summary>
    /// Reads a batch: both ends present, of equal length, with the same prefix and a numeric tail, last ≥ first, at
    /// most <see cref="MaxCount"/> serials. Problems are added to <paramref name="errors"/> under the field they concern
    /// (<c>first</c> or <c>last</c>); the range is returned only when there are none.
    /// </summary>
    public static SerialRange? Parse(string? first, string? last, ICollection<FieldError> errors)
    {
        var a = Split("first", first, "起始编号", errors);
        var b = Split("last", last, "终止编号", errors);
        if (a is null || b is null)
        {
            return null;
        }

        if (first!.Trim().Length != last!.Trim().Length)
        {
            errors.Add(new FieldError("last", $"终止编号 {last.Trim()} 与起始编号 {first.Trim()} 长度不同（{last.Trim().Length} 与 {first.Trim().Length} 个字符）"));
            return null;
        }

        if (a.Value.Prefix != b.Value.Prefix || a.Value.Width != b.Value.Width)
        {
            errors.Add(new FieldError("last", $"终止编号 {last.Trim()} 与起始编号 {first.Trim()} 的前缀不同（“{b.Value.Prefix}”与“{a.Value.Prefix}”）"));
            return null;
        }

        if (b.Value.Number < a.Value.Number)
        {
            errors.Add(new FieldError("last", $"终止编号 {last.Trim()} 小于起始编号 {first.Trim()}"));
            return null;
        }

        var count = b.Value.Number - a.Value.Number + 1;
        if (count > MaxCount)
        {
            errors.Add(new FieldError("last", $"一批最多登记 {MaxCount} 份，{first.Trim()} 至 {last.Trim()} 共 {count} 份"));
            return null;
        }

        return new SerialRange(a.Value.Prefix, a.Value.Number, b.Value.Number, a.Value.Width);
    }

    private static (string Prefix, long Number, int Width)? Split(string field, string? value, string label, ICollection<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, $"必须填写{label}"));
            return null;
        }

        var s = value.Trim();
        if (s.Length > MaxLength)
        {
            errors.Add(new FieldError(field, $"{label}不能超过 {MaxLength} 个字符（实际 {s.Length} 个）"));
            return null;
        }

        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[s.Length - 1 - digits]))
        {
            digits++;
        }

        if (digits == 0)
        {
            errors.Add(new FieldError(field, $"{label} {s} 应以数字结尾（如 GD-2026-000001）"));
            return null;
        }

        if (digits > 18)
        {
            errors.Add(new FieldError(field, $"{label} {s} 末尾的数字部分不能超过 18 位"));
            return null;
        }

        return (s[..^digits], long.Parse(s[^digits..], CultureInfo.InvariantCulture), digits);
    }
}

/// <summary>
/// R-18-admission-form-issuance (第十八条第二款、第四十二条): the 志愿书 is printed by the provincial 组织部 and strictly
/// managed — every serial is registered by the committee that received it, issued once to a candidate of a branch
/// under that committee, or voided.
/// </summary>
public static class AdmissionFormRegister
{
    public const string Rule = RuleIds.R18AdmissionFormIssuance;

    public const string Article = "第四十二条";

    /// <summary>Who may register (hold) a batch: a committee with approval authority (G-14), a 县级以上党委, or a 党委组织部.</summary>
    public static Refusal? MayHold(OrgFacts org) =>
        org.HasAdmissionApprovalAuthority || org.IsCountyOrAbove || org.Type.IsOrgDepartment() ? null : Refusal.Block(Rule, Article,
            $"“{org.Label}”不能登记志愿书编号：志愿书编号由具有审批权限的党委、县级以上党委或其组织部门登记保管");

    /// <summary>A batch overlapping the register is refused, naming the first serial already registered.</summary>
    public static Refusal Clash(string firstClash, int clashCount) => Refusal.Block(Rule, Article,
        $"志愿书编号 {firstClash} 已登记，编号不能重复登记" + (clashCount > 1 ? $"（本批共有 {clashCount} 个编号已登记）" : ""));

    /// <summary>Whether a serial held by <paramref name="holder"/> may be issued on the case: the holder is the case's
    /// organisation or above it, or the organisation department of a committee above it.</summary>
    public static bool IsOnChain(CaseContext ctx, OrgFacts? holder) =>
        holder is not null && (ctx.OrgChain.Any(o => o.Id == holder.Id)
            || (holder.Type.IsOrgDepartment() && ctx.OrgChain.Any(o => o.Id == holder.ParentId)));
}
