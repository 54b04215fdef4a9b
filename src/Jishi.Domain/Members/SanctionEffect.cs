using Jishi.Domain.Rules;

namespace Jishi.Domain.Members;

/// <summary>
/// G-16-sanction-effect-periods (RULES.md §0.4; S5; S3 第四十一条): the 影响期 of a 党纪处分, counted from the date the
/// sanction was approved (<c>SanctionApprovedDate</c>), in calendar months (G-01).
/// </summary>
public static class SanctionEffect
{
    private const string RightsRestoredField = "rightsRestoredDate";

    /// <summary>
    /// The end of the 影响期 (G-16): 警告 <c>approvedDate.AddMonths(12)</c>; 严重警告 <c>AddMonths(18)</c>; 撤销党内职务
    /// <c>AddMonths(24)</c> — all inclusive (the day itself is still in effect; a missing day-of-month becomes the last
    /// day of the month, G-01); 开除党籍 <c>approvedDate.AddYears(5)</c> (不得重新入党 for five years, inclusive);
    /// 留党察看 the <paramref name="rightsRestoredDate"/> — which, unlike the others, is the first day <b>no longer</b>
    /// in effect (see <see cref="IsInEffectOn"/>) — or <see langword="null"/> while rights are not restored
    /// (open-ended). <paramref name="rightsRestoredDate"/> is ignored for the other types.
    /// </summary>
    public static DateOnly? EffectEndDate(SanctionType type, DateOnly approvedDate, DateOnly? rightsRestoredDate) =>
        type switch
        {
            SanctionType.Warning => approvedDate.AddMonths(12),
            SanctionType.SeriousWarning => approvedDate.AddMonths(18),
            SanctionType.RemovalFromPartyPost => approvedDate.AddMonths(24),
            SanctionType.DisciplinaryProbation => rightsRestoredDate,
            SanctionType.Expulsion => approvedDate.AddYears(5),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "未知的处分种类"),
        };

    /// <summary>
    /// G-16: whether the sanction is in effect on <paramref name="d"/>. For 警告/严重警告/撤销党内职务/开除党籍:
    /// <c>approvedDate &lt;= d &lt;= EffectEndDate</c> (both ends inclusive). For 留党察看:
    /// <c>approvedDate &lt;= d</c> and, once restored, <c>d &lt; rightsRestoredDate</c> — G-16 says "until
    /// RightsRestoredDate", and we read the restoration day itself as the first day with rights restored, so the
    /// member is <b>not</b> under 留党察看 on that day (e.g. may vote at an assembly held that day, G-08). Before
    /// <paramref name="approvedDate"/> no sanction is in effect.
    /// </summary>
    public static bool IsInEffectOn(SanctionType type, DateOnly approvedDate, DateOnly? rightsRestoredDate, DateOnly d)
    {
        if (d < approvedDate)
        {
            return false;
        }

        return type == SanctionType.DisciplinaryProbation
            ? rightsRestoredDate is not { } restored || d < restored
            : d <= EffectEndDate(type, approvedDate, rightsRestoredDate)!.Value;
    }

    /// <summary>
    /// Checks the dates of a sanction record (field <c>rightsRestoredDate</c>): a 恢复党员权利之日 exists only for
    /// 留党察看; it must be after the approval date and at most two years after it (S3 第四十一条 "留党察看最长不超过两年";
    /// G-16, G-02: <c>approvedDate.AddYears(2)</c> itself is allowed).
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(SanctionType type, DateOnly approvedDate, DateOnly? rightsRestoredDate)
    {
        if (rightsRestoredDate is not { } restored)
        {
            return [];
        }

        if (type != SanctionType.DisciplinaryProbation)
        {
            return
            [
                new FieldError(RightsRestoredField,
                    $"只有留党察看处分才有恢复党员权利之日，{type.Label()}处分不应填写（填写的是{restored:yyyy-MM-dd}）"),
            ];
        }

        if (restored <= approvedDate)
        {
            return
            [
                new FieldError(RightsRestoredField,
                    $"恢复党员权利之日应晚于处分批准之日{approvedDate:yyyy-MM-dd}，填写的是{restored:yyyy-MM-dd}"),
            ];
        }

        var latest = approvedDate.AddYears(2);
        if (restored > latest)
        {
            return
            [
                new FieldError(RightsRestoredField,
                    $"留党察看最长不超过两年（党章第四十一条）：处分批准之日为{approvedDate:yyyy-MM-dd}，" +
                    $"恢复党员权利之日最迟应为{latest:yyyy-MM-dd}，填写的是{restored:yyyy-MM-dd}"),
            ];
        }

        return [];
    }
}
