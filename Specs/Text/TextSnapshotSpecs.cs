using NUnit.Framework;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using XaiReference.Specs.Support;
using XaiReference.Text;

namespace XaiReference.Specs.Text;

/// <summary>
/// Pins what the embedded all-MiniLM-L6-v2 gives on the fixture texts: the attention grid of the default
/// sentence of <c>explain attention</c>, its head-function table, the apple word's distance matrices at every
/// layer and the PCA coordinates of the three QA examples. A change to the model, the tokenizer or the analyses
/// shows up here as a snapshot difference (accept it with XAI_ACCEPT_SNAPSHOTS=1 only when it is meant).
/// </summary>
/// <remarks>
/// Numbers are compared within 1e-4 absolute: the hidden states come from float32 CPU kernels whose summation
/// order (and so the last bits) can differ between machines and libtorch builds; such differences stay near
/// 1e-6 relative, far below 1e-4 on distances of about 1 to 10 and coordinates of about 1 to 10, while any real
/// change to the computation moves them by much more.
/// </remarks>
public sealed class TextSnapshotSpecs
{
    private static readonly NumberTolerance FloatKernels = new(absolute: 1e-4, relative: 0);

    [Test]
    public void The_attention_grid_of_the_default_sentence()
    {
        var path = Path.Combine(Path.GetTempPath(), $"attention-grid-{Guid.NewGuid():N}.png");
        try
        {
            // The smallest cells (60 px) keep the snapshot file small; the drawing is the command's.
            TextFigures.SaveAttentionGrid(FixtureAnalyses.DefaultSentenceMaps, path, cellSize: 60);
            using var picture = Image.Load<Rgba32>(path);

            // A weight that moves by float32 rounding can cross into the next of the colour map's levels, a
            // step of a few values per channel; a real change redraws whole cells. Same fonts assumed: the
            // titles are rendered text.
            Snapshot.VerifyImage(picture, new ImageTolerance(maxChannelDifference: 6, meanChannelDifference: 0.05));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void The_head_functions_of_the_default_sentence()
    {
        var table = AttentionHeadFunctions.Measure(FixtureAnalyses.DefaultSentenceMaps).Select(f => new
        {
            f.Layer, f.Head, f.Previous, f.Same, f.Next, f.Cls, f.Sep, f.Period, Strongest = f.Strongest.Name,
        });

        // Exact: each share is a count of arg-max positions over the token count, not a float sum.
        Snapshot.VerifyObject(new { Tokens = FixtureAnalyses.DefaultSentenceMaps.Tokens, Heads = table });
    }

    [Test]
    public void The_apple_distance_matrices_at_every_layer()
    {
        var analysis = FixtureAnalyses.Apple;

        Snapshot.VerifyObject(
            new
            {
                Euclidean = analysis.Euclidean.Select(Jagged),
                CosineSimilarity = analysis.CosineSimilarity.Select(Jagged),
            },
            FloatKernels);
    }

    [Test]
    public void The_pca_coordinates_of_the_qa_examples_at_every_layer()
    {
        var projections = FixtureAnalyses.QaProjections;

        Snapshot.VerifyObject(
            projections.Select(p => new
            {
                p.Encoding.Tokens,
                Roles = p.Roles.Select(r => r.ToString()),
                Projected = p.Layers.Select(l => Jagged(l.Projected)),
                ExplainedVarianceRatio = p.Layers.Select(l => l.ExplainedVarianceRatio),
            }).ToList(),
            FloatKernels);
    }

    private static double[][] Jagged(double[,] matrix) =>
        Enumerable.Range(0, matrix.GetLength(0))
            .Select(r => Enumerable.Range(0, matrix.GetLength(1)).Select(c => matrix[r, c]).ToArray())
            .ToArray();
}
