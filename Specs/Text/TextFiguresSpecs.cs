using FluentAssertions;
using NUnit.Framework;
using SixLabors.ImageSharp;
using XaiReference.Specs.Models.Bert;
using XaiReference.Text;

namespace XaiReference.Specs.Text;

/// <summary>
/// The figures are written for the real model and are readable PNGs of the promised size. Their folder is
/// printed, so that a reader can look at them (<c>dotnet test ... --logger "console;verbosity=detailed"</c>).
/// </summary>
public sealed class TextFiguresSpecs
{
    private static readonly string Folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "xai-reference-bert-figures")).FullName;

    [OneTimeSetUp]
    public void SayWhere() => TestContext.Out.WriteLine($"Figures in {Folder}");

    [Test]
    public void The_attention_grid_has_a_panel_per_layer_and_head()
    {
        var (maps, _) = AttentionMaps.Of(MiniLm.Bert, "The cat sat on the mat because it was warm.");
        var path = Path.Combine(Folder, "attention-grid.png");

        TextFigures.SaveAttentionGrid(maps, path);

        var info = Image.Identify(path);
        info.Width.Should().Be(12 * 150);
        info.Height.Should().Be(6 * 160);
    }

    [Test]
    public void A_single_head_map_is_written_with_its_tokens()
    {
        var (maps, _) = AttentionMaps.Of(MiniLm.Bert, "The cat sat on the mat because it was warm.");
        var path = Path.Combine(Folder, "attention-head.png");

        TextFigures.SaveAttentionHead(maps, layer: 1, head: 3, path);

        Image.Identify(path).Width.Should().BeGreaterThan(300);
    }

    [Test]
    public void The_projection_figure_has_a_panel_per_layer_and_one_for_the_distances()
    {
        var example = QaFixtures.Examples[0];
        var projection = EmbeddingProjection.Analyze(MiniLm.Bert, example);
        var path = Path.Combine(Folder, "qa-projection-1.png");

        TextFigures.SaveProjection(projection, path);

        var info = Image.Identify(path);
        (info.Width, info.Height).Should().Be((4 * 520, 2 * 470), "7 layer panels + 1 trend panel in 2 rows of 4");
        foreach (var d in projection.Distances)
        {
            TestContext.Out.WriteLine($"{d}");
        }
    }

    [Test]
    public void The_distance_figure_has_a_matrix_per_layer_and_the_trend()
    {
        var analysis = AmbiguousWordAnalysis.Analyze(MiniLm.Bert, QaFixtures.Apple);
        var path = Path.Combine(Folder, "apple-similarity.png");

        TextFigures.SaveDistanceMatrices(analysis, path);

        var euclideanPath = Path.Combine(Folder, "apple-euclidean.png");
        TextFigures.SaveDistanceMatrices(analysis, euclideanPath, SimilarityMeasure.Euclidean);

        var info = Image.Identify(path);
        (info.Width, info.Height).Should().Be((4 * 560, 2 * 520));
        Image.Identify(euclideanPath).Width.Should().Be(4 * 560);
        foreach (var t in analysis.Trend)
        {
            TestContext.Out.WriteLine($"{t} separation {t.Separation:F3}");
        }
    }
}
