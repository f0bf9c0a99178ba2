namespace XaiReference.Segmentation;

/// <summary>
/// The k-means stage of SLIC (Achanta et al., TPAMI 2012) as scikit-image runs it on a 2D picture:
/// local assignment windows, a fixed number of rounds, centres as plain means.
/// </summary>
/// <remarks>
/// <para>Centres start on the <see cref="RegularGrid"/> with colour (0, 0, 0): skimage does not read the
/// picture at the seeds, so the first assignment compares every centre against the same colour and
/// is decided by position alone (nearest seed; ties to the lower index).</para>
/// <para>Each round first assigns: every centre k at (cy, cx) scans the window of rows
/// trunc(max(cy - 2 Sy, 0)) .. trunc(min(cy + 2 Sy + 1, H)) - 1 (likewise columns with Sx), where Sy, Sx are
/// the grid steps, and a pixel takes k when
/// D = ((cy - y)^2 + (cx - x)^2) / S^2 + |lab(y, x) - lab_k|^2 is strictly below its best so far
/// (S is the larger grid step; the Lab values were already divided by the compactness). Centres are
/// visited in grid order, so ties go to the lower index. Then every centre moves to the mean
/// position and mean colour of its pixels, summed in row-major order. There is no convergence test
/// (skimage's one can only stop a round in which no pixel is in any window), so all rounds run and
/// the labels are those of the last assignment.</para>
/// <para>A centre that ends a round with no pixels becomes NaN in skimage and never wins a pixel
/// again; here it is skipped, with the same effect.</para>
/// </remarks>
internal static class SlicClustering
{
    /// <summary>Clusters the picture; returns the index of the winning centre per pixel (row-major).</summary>
    /// <param name="lab">Interleaved (height, width, 3) smoothed Lab values divided by the compactness.</param>
    /// <param name="width">Picture width.</param>
    /// <param name="height">Picture height.</param>
    /// <param name="segmentCount">Requested number of segments (seeds come from it).</param>
    /// <param name="iterations">Number of assignment and update rounds.</param>
    public static int[] Run(ReadOnlySpan<double> lab, int width, int height, int segmentCount, int iterations)
    {
        var seeds = RegularGrid.For(1, height, width, segmentCount);
        var rows = RegularGrid.SeedsAlong(height, seeds.StartY, seeds.StepY);
        var columns = RegularGrid.SeedsAlong(width, seeds.StartX, seeds.StepX);
        var centreCount = rows * columns;

        // Window half-sizes come from a second grid for the number of seeds actually placed;
        // the spatial normaliser from the first grid's largest step.
        var window = RegularGrid.For(1, height, width, centreCount);
        var spatialStep = Math.Max(Math.Max(seeds.StepZ, seeds.StepY), seeds.StepX);
        var spatialWeight = 1.0 / ((float)spatialStep * (float)spatialStep);

        // Centre features: y, x, L, a, b.
        var centres = new double[centreCount * 5];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var k = (r * columns) + c;
                centres[5 * k] = seeds.StartY + (r * seeds.StepY);
                centres[(5 * k) + 1] = seeds.StartX + (c * seeds.StepX);
            }
        }

        var nearest = new int[width * height];
        Array.Fill(nearest, -1);
        var distance = new double[width * height];
        var members = new int[centreCount];
        var alive = new bool[centreCount];
        Array.Fill(alive, true);

        for (var round = 0; round < iterations; round++)
        {
            var changed = Assign(lab, width, height, centres, alive, window, spatialWeight, nearest, distance);
            if (!changed)
            {
                break;
            }

            Update(lab, width, height, centres, alive, nearest, members);
        }

        return nearest;
    }

    private static bool Assign(
        ReadOnlySpan<double> lab,
        int width,
        int height,
        ReadOnlySpan<double> centres,
        ReadOnlySpan<bool> alive,
        RegularGrid window,
        double spatialWeight,
        Span<int> nearest,
        Span<double> distance)
    {
        distance.Fill(double.MaxValue);
        var changed = false;
        for (var k = 0; k < alive.Length; k++)
        {
            if (!alive[k])
            {
                continue;
            }

            var cy = centres[5 * k];
            var cx = centres[(5 * k) + 1];
            var cl = centres[(5 * k) + 2];
            var ca = centres[(5 * k) + 3];
            var cb = centres[(5 * k) + 4];
            var yMin = (int)Math.Max(cy - (2 * window.StepY), 0);
            var yMax = (int)Math.Min(cy + (2 * window.StepY) + 1, height);
            var xMin = (int)Math.Max(cx - (2 * window.StepX), 0);
            var xMax = (int)Math.Min(cx + (2 * window.StepX) + 1, width);

            for (var y = yMin; y < yMax; y++)
            {
                var dy = cy - y;
                dy *= dy;
                var rowStart = y * width;
                var rowLab = lab.Slice(3 * (rowStart + xMin), 3 * (xMax - xMin));
                var rowDistance = distance.Slice(rowStart + xMin, xMax - xMin);
                var rowNearest = nearest.Slice(rowStart + xMin, xMax - xMin);
                for (var i = 0; i < rowDistance.Length; i++)
                {
                    var dx = cx - (xMin + i);
                    dx *= dx;
                    var dl = rowLab[3 * i] - cl;
                    var da = rowLab[(3 * i) + 1] - ca;
                    var db = rowLab[(3 * i) + 2] - cb;
                    var d = ((dy + dx) * spatialWeight) + ((dl * dl) + (da * da) + (db * db));
                    if (rowDistance[i] > d)
                    {
                        rowDistance[i] = d;
                        rowNearest[i] = k;
                        changed = true;
                    }
                }
            }
        }

        return changed;
    }

    private static void Update(
        ReadOnlySpan<double> lab,
        int width,
        int height,
        Span<double> centres,
        Span<bool> alive,
        ReadOnlySpan<int> nearest,
        Span<int> members)
    {
        centres.Clear();
        members.Clear();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var pixel = (y * width) + x;
                var k = nearest[pixel];
                if (k < 0)
                {
                    continue;
                }

                members[k]++;
                centres[5 * k] += y;
                centres[(5 * k) + 1] += x;
                centres[(5 * k) + 2] += lab[3 * pixel];
                centres[(5 * k) + 3] += lab[(3 * pixel) + 1];
                centres[(5 * k) + 4] += lab[(3 * pixel) + 2];
            }
        }

        for (var k = 0; k < members.Length; k++)
        {
            if (members[k] == 0)
            {
                alive[k] = false;
                continue;
            }

            for (var f = 0; f < 5; f++)
            {
                centres[(5 * k) + f] /= members[k];
            }
        }
    }
}
