using System.Globalization;

namespace Jishi.Bench;

/// <summary>Summary of a series of durations in milliseconds (percentiles by nearest rank).</summary>
public sealed record Stats(int Count, double Mean, double P50, double P95, double P99, double Max, double Min)
{
    public static Stats Of(IReadOnlyCollection<double> ms)
    {
        var sorted = ms.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Stats(sorted.Length, sorted.Average(), Rank(0.50), Rank(0.95), Rank(0.99), sorted[^1], sorted[0]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count}  mean={Mean:F2}  p50={P50:F2}  p95={P95:F2}  p99={P99:F2}  max={Max:F2}  min={Min:F2}  (ms)");
}
