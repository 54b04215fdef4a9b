using Jishi.Domain.Members;

namespace Jishi.Domain.Tests.Members;

public sealed class SanctionEffectTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso);

    private static DateOnly? OptionalD(string? iso) => iso is null ? null : DateOnly.Parse(iso);

    [Theory]
    [InlineData(SanctionType.Warning, "2025-03-31", "2026-03-31")]
    [InlineData(SanctionType.Warning, "2024-02-29", "2025-02-28")]
    [InlineData(SanctionType.SeriousWarning, "2024-08-31", "2026-02-28")]
    [InlineData(SanctionType.SeriousWarning, "2024-01-15", "2025-07-15")]
    [InlineData(SanctionType.RemovalFromPartyPost, "2024-02-29", "2026-02-28")]
    [InlineData(SanctionType.RemovalFromPartyPost, "2025-01-31", "2027-01-31")]
    [InlineData(SanctionType.Expulsion, "2024-02-29", "2029-02-28")]
    [InlineData(SanctionType.Expulsion, "2025-06-30", "2030-06-30")]
    public void EffectEndDate_CountsCalendarMonthsFromApproval(SanctionType type, string approved, string end)
    {
        Assert.Equal(D(end), SanctionEffect.EffectEndDate(type, D(approved), rightsRestoredDate: null));
    }

    [Fact]
    public void EffectEndDate_WhenDisciplinaryProbationIsNotRestored_IsOpenEnded()
    {
        Assert.Null(SanctionEffect.EffectEndDate(SanctionType.DisciplinaryProbation, D("2025-03-31"), null));
    }

    [Fact]
    public void EffectEndDate_WhenDisciplinaryProbationIsRestored_IsTheRestorationDate()
    {
        Assert.Equal(
            D("2026-03-31"),
            SanctionEffect.EffectEndDate(SanctionType.DisciplinaryProbation, D("2025-03-31"), D("2026-03-31")));
    }

    [Theory]
    [InlineData(SanctionType.Warning, "2025-03-31", "2025-03-30", false)]
    [InlineData(SanctionType.Warning, "2025-03-31", "2025-03-31", true)]
    [InlineData(SanctionType.Warning, "2025-03-31", "2026-03-31", true)]
    [InlineData(SanctionType.Warning, "2025-03-31", "2026-04-01", false)]
    [InlineData(SanctionType.SeriousWarning, "2024-08-31", "2026-02-28", true)]
    [InlineData(SanctionType.SeriousWarning, "2024-08-31", "2026-03-01", false)]
    [InlineData(SanctionType.RemovalFromPartyPost, "2024-02-29", "2026-02-28", true)]
    [InlineData(SanctionType.RemovalFromPartyPost, "2024-02-29", "2026-03-01", false)]
    [InlineData(SanctionType.Expulsion, "2021-05-10", "2026-05-10", true)]
    [InlineData(SanctionType.Expulsion, "2021-05-10", "2026-05-11", false)]
    public void IsInEffectOn_IncludesBothTheApprovalDayAndTheEndDay(
        SanctionType type, string approved, string day, bool expected)
    {
        Assert.Equal(expected, SanctionEffect.IsInEffectOn(type, D(approved), null, D(day)));
    }

    [Theory]
    [InlineData("2025-03-31", null, "2025-03-30", false)]
    [InlineData("2025-03-31", null, "2025-03-31", true)]
    [InlineData("2025-03-31", null, "2030-01-01", true)] // not restored: open-ended
    [InlineData("2025-03-31", "2026-03-31", "2026-03-30", true)]
    [InlineData("2025-03-31", "2026-03-31", "2026-03-31", false)] // rights restored on that day
    [InlineData("2025-03-31", "2026-03-31", "2026-04-01", false)]
    public void IsInEffectOn_ForDisciplinaryProbation_EndsOnTheRestorationDay(
        string approved, string? restored, string day, bool expected)
    {
        Assert.Equal(
            expected,
            SanctionEffect.IsInEffectOn(SanctionType.DisciplinaryProbation, D(approved), OptionalD(restored), D(day)));
    }

    [Theory]
    [InlineData(SanctionType.DisciplinaryProbation, "2025-03-31", null)]
    [InlineData(SanctionType.DisciplinaryProbation, "2025-03-31", "2025-04-01")]
    [InlineData(SanctionType.DisciplinaryProbation, "2025-03-31", "2026-03-31")]
    [InlineData(SanctionType.DisciplinaryProbation, "2025-03-31", "2027-03-31")] // exactly two years
    [InlineData(SanctionType.DisciplinaryProbation, "2024-02-29", "2026-02-28")]
    [InlineData(SanctionType.Warning, "2025-03-31", null)]
    [InlineData(SanctionType.Expulsion, "2025-03-31", null)]
    public void Validate_AcceptsConsistentDates(SanctionType type, string approved, string? restored)
    {
        Assert.Empty(SanctionEffect.Validate(type, D(approved), OptionalD(restored)));
    }

    [Theory]
    [InlineData(SanctionType.Warning, "2025-03-31", "2026-03-31", "只有留党察看处分才有恢复党员权利之日")]
    [InlineData(SanctionType.Expulsion, "2025-03-31", "2026-03-31", "只有留党察看处分才有恢复党员权利之日")]
    [InlineData(SanctionType.DisciplinaryProbation, "2025-03-31", "2025-03-31", "恢复党员权利之日应晚于处分批准之日2025-03-31")]
    [InlineData(SanctionType.DisciplinaryProbation, "2025-03-31", "2025-01-01", "恢复党员权利之日应晚于处分批准之日2025-03-31")]
    [InlineData(SanctionType.DisciplinaryProbation, "2025-03-31", "2027-04-01", "留党察看最长不超过两年")]
    [InlineData(SanctionType.DisciplinaryProbation, "2024-02-29", "2026-03-01", "留党察看最长不超过两年")]
    public void Validate_RefusesInconsistentRestorationDateOnItsField(
        SanctionType type, string approved, string restored, string expectedStart)
    {
        var error = Assert.Single(SanctionEffect.Validate(type, D(approved), D(restored)));

        Assert.Equal("rightsRestoredDate", error.Field);
        Assert.StartsWith(expectedStart, error.Message);
        Assert.Contains(restored, error.Message);
    }

    [Fact]
    public void Validate_WhenRestorationIsTooLate_StatesTheLatestAllowedDate()
    {
        var error = Assert.Single(
            SanctionEffect.Validate(SanctionType.DisciplinaryProbation, D("2024-02-29"), D("2026-03-01")));

        Assert.Contains("最迟应为2026-02-28", error.Message);
    }

    [Theory]
    [InlineData(SanctionType.Warning, "警告")]
    [InlineData(SanctionType.SeriousWarning, "严重警告")]
    [InlineData(SanctionType.RemovalFromPartyPost, "撤销党内职务")]
    [InlineData(SanctionType.DisciplinaryProbation, "留党察看")]
    [InlineData(SanctionType.Expulsion, "开除党籍")]
    public void Label_IsTheChineseSanctionName(SanctionType type, string label)
    {
        Assert.Equal(label, type.Label());
    }
}
