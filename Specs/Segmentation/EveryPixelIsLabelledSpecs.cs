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

        var result = Slic.Segment(rgb, width, height, SlicSettings.Course with { EnforceConnectivity = enforceConnectivity });

        result.Labels.Length.Should().Be(width * height);
        var labels = result.Labels.ToArray();
        labels.Should().OnlyContain(label => label >= 0 && label < result.Count);
        labels.Distinct().Should().HaveCount(result.Count, "every label in 0..Count-1 should be used");
        result.SegmentSizes().Sum().Should().Be(width * height);
    }
}
