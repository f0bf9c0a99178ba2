using FluentAssertions;
using NUnit.Framework;
using XaiReference.Segmentation;

namespace XaiReference.Specs.Segmentation;

/// <summary>Every pixel gets exactly one label, and the labels are 0 .. Count - 1 with none unused.</summary>
public sealed class EveryPixelIsLabelledSpecs
{
    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var name in SlicFixtures.PictureNames)
        {
            yield return new TestCaseData(name, true).SetArgDisplayNames(name, "connectivity enforced");
            yield return new TestCaseData(name, false).SetArgDisplayNames(name, "raw clusters");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Labels_should_cover_every_pixel_and_run_from_0_without_gaps(string name, bool enforceConnectivity)
    {
        var (rgb, width, height) = SlicFixtures.LoadPicture(name);
        var settings = SlicSettings.Course with { EnforceConnectivity = enforceConnectivity };

        var result = Slic.Segment(rgb, width, height, settings);

        result.Labels.Length.Should().Be(width * height);
        var labels = result.Labels.ToArray();
        labels.Should().OnlyContain(label => label >= 0 && label < result.Count);
        labels.Distinct().Should().HaveCount(result.Count, "every label in 0..Count-1 should be used");
        result.SegmentSizes().Sum().Should().Be(width * height);
    }

    // Expected counts, by hand from the grid rule (skimage 0.19.3 gives the same):
    // 1x1 has one seed. 8x8 has 64 <= 200 pixels, so every pixel is a seed and the minimum piece
    // size is floor(0.5 x 64 / 64) = 0: 64 segments. 200x3: spacing sqrt(600 / 200) = 1.73 rounds to 2,
    // first seed floor(0.87) = 0, so rows 0 and 2 and 100 columns give 200 seeds of 3 pixels each
    // (row 1 ties between rows 0 and 2 and goes to the lower index); floor(0.5 x 3) = 1 merges none.
    [TestCase(1, 1, 1)]
    [TestCase(8, 8, 64)]
    [TestCase(200, 3, 200)]
    public void A_flat_grey_picture_of_any_size_should_be_fully_labelled_by_the_grid(int width, int height, int count)
    {
        // Flat: the stretch leaves it alone (max - min = 0) and only the spatial term decides.
        var rgb = Enumerable.Repeat(0.5f, width * height * 3).ToArray();

        var result = Slic.Segment(rgb, width, height);

        result.Labels.ToArray().Should().OnlyContain(label => label >= 0 && label < result.Count);
        result.Labels.ToArray().Distinct().Should().HaveCount(result.Count);
        result.Count.Should().Be(count);
    }
}
