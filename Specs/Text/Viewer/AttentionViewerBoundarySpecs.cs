using FluentAssertions;
using NUnit.Framework;
using XaiReference.Text;

namespace XaiReference.Specs.Text.Viewer;

/// <summary>What the viewer accepts at its public boundary.</summary>
public sealed class AttentionViewerBoundarySpecs
{
    private static readonly AttentionMaps Tiny = new(["a", "b"], [[new double[,] { { 0.25, 0.75 }, { 1, 0 } }]]);

    [Test]
    public void Missing_maps_or_title_are_rejected_by_name()
    {
        FluentActions.Invoking(() => AttentionViewer.Render(null!, "t"))
            .Should().Throw<ArgumentNullException>().WithParameterName("maps");
        FluentActions.Invoking(() => AttentionViewer.Render(Tiny, null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("title");
    }

    [TestCase("")]
    [TestCase("   ")]
    public void A_blank_path_is_rejected_by_name(string path)
    {
        FluentActions.Invoking(() => AttentionViewer.Save(Tiny, path))
            .Should().Throw<ArgumentException>().WithParameterName("path").WithMessage($"*'{path}'*");
    }

    [Test]
    public void Weights_are_embedded_to_five_decimals()
    {
        var maps = new AttentionMaps(["a"], [[new double[,] { { 1.0 / 3 } }]]);

        var html = AttentionViewer.Render(maps, "t");

        // 1/3 rounded to AttentionViewer.Decimals = 5 places; no longer expansion is written.
        html.Should().Contain("[[[0.33333]]]").And.NotContain("0.333333");
    }

    [Test]
    public void The_page_closes_a_script_only_where_it_opened_one()
    {
        var html = AttentionViewer.Render(
            AttentionViewerEscapingSpecs.HostileMaps(), AttentionViewerEscapingSpecs.Title);

        // The page has two script elements (data and code); no token or title may add a third closing tag.
        html.Split("</script", StringSplitOptions.None).Should().HaveCount(3);
        html.Should().NotContain("<b>").And.NotContain("<img").And.NotContain("<i>");
    }
}
