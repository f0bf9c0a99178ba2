namespace XaiReference.Specs.Attribution.Sanity;

/// <summary>Spearman's rank correlation, with tied values given the mean of the ranks they share.</summary>
internal static class RankCorrelation
{
    /// <summary>The Pearson correlation of the two sequences' ranks, in [-1, 1].</summary>
    /// <param name="first">The first sample.</param>
    /// <param name="second">The second sample, as long as the first, at least two values.</param>
    public static double Spearman(IReadOnlyList<float> first, IReadOnlyList<float> second)
    {
        if (first.Count != second.Count || first.Count < 2)
        {
            throw new ArgumentException(
                $"Expected two samples of one length, at least 2; got {first.Count} and {second.Count}.");
        }

        return Pearson(Ranks(first), Ranks(second));
    }

    /// <summary>Ranks 1..n in ascending order; a run of equal values shares the mean of its ranks.</summary>
    public static double[] Ranks(IReadOnlyList<float> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            // Positions start..end (0-based) hold ranks start+1..end+1; their mean is the midpoint.
            var shared = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = shared;
            }

            start = end + 1;
        }

        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        var (meanX, meanY) = (x.Average(), y.Average());
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var (dx, dy) = (x[i] - meanX, y[i] - meanY);
            covariance += dx * dy;
            varianceX += dx * dx;
            varianceY += dy * dy;
        }

        return covariance / Math.Sqrt(varianceX * varianceY);
    }
}
