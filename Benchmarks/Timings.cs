namespace XaiReference.Benchmarks;

/// <summary>What the comparisons outside BenchmarkDotNet report (<c>bert-paired</c>, <c>layout</c>, ...).</summary>
internal static class Timings
{
    /// <summary>The median: the middle value, or the mean of the two middle values of an even count.</summary>
    /// <param name="values">At least one value.</param>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("Expected at least one value.", nameof(values));
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
