namespace XaiReference.Segmentation;

/// <summary>
/// The clean-up after SLIC's k-means, as scikit-image does it: split every cluster into 4-connected
/// pieces, number the pieces in raster order of their first pixel, and merge pieces that are too small
/// into a neighbouring piece.
/// </summary>
/// <remarks>
/// <para>Pixels are visited in raster order. An unvisited pixel starts a new piece, grown breadth-first
/// over the 4-neighbours with the same cluster in the order right, left, down, up. Growth stops once
/// the piece holds <c>maxSize</c> pixels; the rest of that region is picked up later as further pieces.
/// While growing, the last already-numbered pixel of another piece met next to it is remembered.</para>
/// <para>A piece with fewer than <c>minSize</c> pixels takes the number of that remembered neighbour.
/// When there is none (only possible before any neighbour is numbered, e.g. a small first piece in
/// the top-left corner), it keeps the new number, and since the counter does not advance the next
/// piece found gets the same number too. This quirk of skimage is kept. The numbers stay contiguous.</para>
/// </remarks>
internal static class ConnectivityEnforcement
{
    /// <summary>Returns 0-based piece labels per pixel (row-major).</summary>
    /// <param name="clusters">Cluster index per pixel, row-major; all non-negative.</param>
    /// <param name="width">Picture width.</param>
    /// <param name="height">Picture height.</param>
    /// <param name="minSize">Pieces with fewer pixels are merged into a neighbour.</param>
    /// <param name="maxSize">A piece stops growing at this many pixels.</param>
    public static int[] Run(ReadOnlySpan<int> clusters, int width, int height, int minSize, int maxSize)
    {
        const int unvisited = -1;
        var pieces = new int[clusters.Length];
        Array.Fill(pieces, unvisited);
        var queue = new int[Math.Max(maxSize, 1)];
        var next = 0;

        for (var start = 0; start < clusters.Length; start++)
        {
            if (pieces[start] != unvisited)
            {
                continue;
            }

            var cluster = clusters[start];
            var adjacent = next;
            pieces[start] = next;
            queue[0] = start;
            var size = 1;
            var visited = 0;
            while (visited < size && size < maxSize)
            {
                var pixel = queue[visited];
                var y = pixel / width;
                var x = pixel - (y * width);
                for (var direction = 0; direction < 4; direction++)
                {
                    var (ny, nx) = direction switch
                    {
                        0 => (y, x + 1),
                        1 => (y, x - 1),
                        2 => (y + 1, x),
                        _ => (y - 1, x),
                    };
                    if (nx < 0 || nx >= width || ny < 0 || ny >= height)
                    {
                        continue;
                    }

                    var neighbour = (ny * width) + nx;
                    if (clusters[neighbour] == cluster && pieces[neighbour] == unvisited)
                    {
                        pieces[neighbour] = next;
                        queue[size++] = neighbour;
                        if (size >= maxSize)
                        {
                            break;
                        }
                    }
                    else if (pieces[neighbour] != unvisited && pieces[neighbour] != next)
                    {
                        adjacent = pieces[neighbour];
                    }
                }

                visited++;
            }

            if (size < minSize)
            {
                for (var i = 0; i < size; i++)
                {
                    pieces[queue[i]] = adjacent;
                }
            }
            else
            {
                next++;
            }
        }

        return pieces;
    }
}
