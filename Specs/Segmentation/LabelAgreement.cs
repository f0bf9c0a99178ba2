namespace XaiReference.Specs.Segmentation;

/// <summary>Measures how far two label maps of the same picture agree.</summary>
internal static class LabelAgreement
{
    /// <summary>Share of pixels with the same label number in both maps.</summary>
    public static double IdenticalShare(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var same = 0;
        for (var i = 0; i < a.Length; i++)
        {
            same += a[i] == b[i] ? 1 : 0;
        }

        return (double)same / a.Length;
    }

    /// <summary>
    /// Adjusted Rand index (Hubert and Arabie 1985): the share of pixel pairs on which the two maps
    /// agree (same segment in both, or different in both), corrected for chance; 1 for identical
    /// partitions whatever the label numbers, about 0 for unrelated ones.
    /// </summary>
    public static double AdjustedRandIndex(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var joint = new Dictionary<(int, int), long>();
        var rows = new Dictionary<int, long>();
        var columns = new Dictionary<int, long>();
        for (var i = 0; i < a.Length; i++)
        {
            joint[(a[i], b[i])] = joint.GetValueOrDefault((a[i], b[i])) + 1;
            rows[a[i]] = rows.GetValueOrDefault(a[i]) + 1;
            columns[b[i]] = columns.GetValueOrDefault(b[i]) + 1;
        }

        static double Pairs(long n) => n * (n - 1) / 2.0;
        var index = joint.Values.Sum(Pairs);
        var rowPairs = rows.Values.Sum(Pairs);
        var columnPairs = columns.Values.Sum(Pairs);
        var expected = rowPairs * columnPairs / Pairs(a.Length);
        var maximum = (rowPairs + columnPairs) / 2;
        return maximum == expected ? 1.0 : (index - expected) / (maximum - expected);
    }
}
