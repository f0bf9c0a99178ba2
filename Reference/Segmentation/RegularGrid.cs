namespace XaiReference.Segmentation;

/// <summary>
/// Evenly spaced seed points in a (depth, height, width) box, chosen as scikit-image's
/// <c>regular_grid</c> chooses them: the spacing is the cube root of volume / points, except that an
/// axis too short for that spacing gets one seed layer and the spacing is recomputed (square root)
/// for the remaining axes. Along each axis the seeds start at floor(spacing / 2) and repeat every
/// round(spacing) (ties to even) pixels.
/// </summary>
internal readonly record struct RegularGrid(int StartZ, int StepZ, int StartY, int StepY, int StartX, int StepX)
{
    public static RegularGrid For(int depth, int height, int width, int points)
    {
        int[] extents = [depth, height, width];
        var volume = (double)depth * height * width;
        if (volume <= points)
        {
            return new RegularGrid(0, 1, 0, 1, 0, 1);
        }

        // Work on the extents sorted ascending (stable for equal extents), then put them back.
        int[] order = [0, 1, 2];
        Array.Sort(order, (a, b) => extents[a] != extents[b] ? extents[a].CompareTo(extents[b]) : a.CompareTo(b));
        var sorted = new double[3];
        for (var i = 0; i < 3; i++)
        {
            sorted[i] = extents[order[i]];
        }

        var spacing = new double[3];
        Array.Fill(spacing, Math.Pow(volume / points, 1.0 / 3));
        if (sorted.Where((extent, i) => extent < spacing[i]).Any())
        {
            for (var axis = 0; axis < 3; axis++)
            {
                spacing[axis] = sorted[axis];
                var remaining = 1.0;
                for (var later = axis + 1; later < 3; later++)
                {
                    remaining *= sorted[later];
                }

                var rest = Math.Pow(remaining / points, 1.0 / (3 - axis - 1));
                for (var later = axis + 1; later < 3; later++)
                {
                    spacing[later] = rest;
                }

                if (sorted.Where((extent, i) => extent < spacing[i]).Any() is false)
                {
                    break;
                }
            }
        }

        var starts = new int[3];
        var steps = new int[3];
        for (var i = 0; i < 3; i++)
        {
            starts[order[i]] = (int)Math.Floor(spacing[i] / 2);
            steps[order[i]] = (int)Math.Round(spacing[i], MidpointRounding.ToEven);
        }

        return new RegularGrid(starts[0], steps[0], starts[1], steps[1], starts[2], steps[2]);
    }

    /// <summary>Number of seeds along an axis of the given extent.</summary>
    public static int SeedsAlong(int extent, int start, int step) =>
        start >= extent ? 0 : ((extent - 1 - start) / step) + 1;
}
