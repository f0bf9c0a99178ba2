using FluentAssertions;
using NUnit.Framework;
using XaiReference.Segmentation;

namespace XaiReference.Specs.Segmentation;

/// <summary>Our SLIC against skimage 0.19.3's labels for the committed pictures.</summary>
public sealed class ParityWithSkimageSpecs
{
    [TestCaseSource(typeof(SlicFixtures), nameof(SlicFixtures.PictureNames))]
    public void The_label_map_should_match_skimage(string name)
    {
        var (rgb, width, height) = SlicFixtures.LoadPicture(name);
        var expected = SlicFixtures.LoadSkimageLabels(name, out var expectedWidth, out var expectedHeight);

        var ours = Slic.Segment(rgb, width, height);

        (expectedWidth, expectedHeight).Should().Be((width, height));
        var identical = LabelAgreement.IdenticalShare(ours.Labels, expected);
        var rand = LabelAgreement.AdjustedRandIndex(ours.Labels, expected);
        TestContext.Out.WriteLine($"{name}: identical {identical:P3}, ARI {rand:F6}, count {ours.Count} vs {expected.Max() + 1}");
        identical.Should().Be(1.0);
    }
}
