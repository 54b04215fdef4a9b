using Jishi.Domain.Dues;

namespace Jishi.Domain.Tests.Dues;

public class PaidMonthRunsTests
{
    private static DuesMonth M(string s) => DuesMonth.Parse(s)!.Value;

    [Fact]
    public void Encode_SortsMergesAndCrossesTheYear_AndDecodeGivesTheSameMonthsBack()
    {
        var months = new[] { "2026-03", "2025-12", "2026-01", "2026-01", "2026-02", "2026-05", "2024-07" }.Select(M).ToList();
        var runs = PaidMonthRuns.Encode(months);
        Assert.Equal("2024-07~2024-07,2025-12~2026-03,2026-05~2026-05", runs);
        Assert.Equal(months.Distinct().Order(), PaidMonthRuns.Decode(runs).Order());
    }

    [Fact]
    public void NoMonths_AreTheEmptyText_AndRunsInAnyOrderDecode()
    {
        Assert.Equal("", PaidMonthRuns.Encode([]));
        Assert.Empty(PaidMonthRuns.Decode(null));
        Assert.Equal(["2026-05", "2026-01", "2026-02"], PaidMonthRuns.Decode("2026-05~2026-05,2026-01~2026-02").Select(m => m.ToString()));
        Assert.Throws<FormatException>(() => PaidMonthRuns.Decode("2026-13~2026-14").ToList());
    }
}
