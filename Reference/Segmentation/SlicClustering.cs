using System.Numerics;
using System.Runtime.CompilerServices;

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
        // the spatial normaliser from the first grid's largest step (skimage hands it over as a C
        // float and squares it in single precision; exact for any realistic step).
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

        var planes = new Planes(lab, width, height);
        var nearest = new long[width * height];
        Array.Fill(nearest, -1L);
        var distance = new double[width * height];
        var members = new int[centreCount];
        var alive = new bool[centreCount];
        Array.Fill(alive, true);

        for (var round = 0; round < iterations; round++)
        {
            var changed = Assign(planes, centres, alive, window, spatialWeight, nearest, distance);
            if (!changed)
            {
                break;
            }

            Update(planes, centres, alive, nearest, members);
        }

        return Array.ConvertAll(nearest, k => (int)k);
    }

    private static bool Assign(
        Planes planes,
        ReadOnlySpan<double> centres,
        ReadOnlySpan<bool> alive,
        RegularGrid window,
        double spatialWeight,
        Span<long> nearest,
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
            var rows = (
                (int)Math.Max(cy - (2 * window.StepY), 0),
                (int)Math.Min(cy + (2 * window.StepY) + 1, planes.Height));
            var columns = (
                (int)Math.Max(cx - (2 * window.StepX), 0),
                (int)Math.Min(cx + (2 * window.StepX) + 1, planes.Width));
            var centre = new Centre(k, cy, cx, centres[(5 * k) + 2], centres[(5 * k) + 3], centres[(5 * k) + 4]);
            changed |= Offer(planes, centre, rows, columns, spatialWeight, nearest, distance);
        }

        return changed;
    }

    /// <summary>
    /// Offers one centre to the pixels of its window. Vector lanes are neighbouring pixels of a row,
    /// so each pixel's distance is computed with the same operations in the same order as one by one.
    /// </summary>
    private static bool Offer(
        Planes planes,
        Centre centre,
        (int First, int End) rows,
        (int First, int End) columns,
        double spatialWeight,
        Span<long> nearest,
        Span<double> distance)
    {
        var lanes = Vector<double>.Count;
        var length = columns.End - columns.First;
        var vectorEnd = Vector.IsHardwareAccelerated ? length - (length % lanes) : 0;
        var vcx = new Vector<double>(centre.X);
        var vl = new Vector<double>(centre.L);
        var va = new Vector<double>(centre.A);
        var vb = new Vector<double>(centre.B);
        var vw = new Vector<double>(spatialWeight);
        var vk = new Vector<long>(centre.Index);
        var anyBetter = Vector<long>.Zero;
        var changed = false;
        ref var columnStart = ref planes.Columns[columns.First];
        for (var y = rows.First; y < rows.End; y++)
        {
            var dy = centre.Y - y;
            dy *= dy;
            var vdy = new Vector<double>(dy);
            var offset = (y * planes.Width) + columns.First;
            ref var lightStart = ref planes.L[offset];
            ref var greenStart = ref planes.A[offset];
            ref var blueStart = ref planes.B[offset];
            ref var distanceStart = ref distance[offset];
            ref var nearestStart = ref nearest[offset];

            var i = 0;
            for (; i < vectorEnd; i += lanes)
            {
                var at = (nuint)i;
                var dx = vcx - Vector.LoadUnsafe(ref columnStart, at);
                var dl = Vector.LoadUnsafe(ref lightStart, at) - vl;
                var da = Vector.LoadUnsafe(ref greenStart, at) - va;
                var db = Vector.LoadUnsafe(ref blueStart, at) - vb;
                var d = ((vdy + (dx * dx)) * vw) + ((dl * dl) + (da * da) + (db * db));
                var best = Vector.LoadUnsafe(ref distanceStart, at);
                var better = Vector.GreaterThan(best, d);
                Vector.ConditionalSelect(better, d, best).StoreUnsafe(ref distanceStart, at);
                Vector.ConditionalSelect(better, vk, Vector.LoadUnsafe(ref nearestStart, at))
                    .StoreUnsafe(ref nearestStart, at);
                anyBetter |= better;
            }

            for (; i < length; i++)
            {
                var dx = centre.X - Unsafe.Add(ref columnStart, i);
                var dl = Unsafe.Add(ref lightStart, i) - centre.L;
                var da = Unsafe.Add(ref greenStart, i) - centre.A;
                var db = Unsafe.Add(ref blueStart, i) - centre.B;
                var d = ((dy + (dx * dx)) * spatialWeight) + ((dl * dl) + (da * da) + (db * db));
                if (Unsafe.Add(ref distanceStart, i) > d)
                {
                    Unsafe.Add(ref distanceStart, i) = d;
                    Unsafe.Add(ref nearestStart, i) = centre.Index;
                    changed = true;
                }
            }
        }

        return changed || anyBetter != Vector<long>.Zero;
    }

    private readonly record struct Centre(int Index, double Y, double X, double L, double A, double B);

    /// <summary>The picture as one plane per Lab channel, plus the column coordinates as doubles.</summary>
    private sealed class Planes
    {
        public Planes(ReadOnlySpan<double> lab, int width, int height)
        {
            (Width, Height) = (width, height);
            L = new double[width * height];
            A = new double[width * height];
            B = new double[width * height];
            for (var p = 0; p < L.Length; p++)
            {
                L[p] = lab[3 * p];
                A[p] = lab[(3 * p) + 1];
                B[p] = lab[(3 * p) + 2];
            }

            Columns = new double[width];
            for (var x = 0; x < width; x++)
            {
                Columns[x] = x;
            }
        }

        public int Width { get; }

        public int Height { get; }

        public double[] L { get; }

        public double[] A { get; }

        public double[] B { get; }

        public double[] Columns { get; }
    }

    private static void Update(
        Planes planes,
        Span<double> centres,
        Span<bool> alive,
        ReadOnlySpan<long> nearest,
        Span<int> members)
    {
        var (width, height) = (planes.Width, planes.Height);
        centres.Clear();
        members.Clear();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var pixel = (y * width) + x;
                var k = (int)nearest[pixel];
                if (k < 0)
                {
                    continue;
                }

                members[k]++;
                centres[5 * k] += y;
                centres[(5 * k) + 1] += x;
                centres[(5 * k) + 2] += planes.L[pixel];
                centres[(5 * k) + 3] += planes.A[pixel];
                centres[(5 * k) + 4] += planes.B[pixel];
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
