using FluentAssertions;
using NUnit.Framework;
using XaiReference.Segmentation;

namespace XaiReference.Specs.Segmentation;

/// <summary>How many superpixels come out for the course's 200 requested.</summary>
/// <remarks>
/// <para>The grid holds fewer seeds than requested (196 on 128x128: spacing round(sqrt(16384 / 200))
/// = 9, seeds at 4, 13, ..., 121 gives 14 x 14), and connectivity enforcement then splits and merges.
/// Two bounds follow from the merge rule. Pieces under minSize = floor(0.5 x 16384 / 196) = 41 pixels
/// are merged, so at most floor(16384 / 41) + 1 = 400 labels survive (the +1 for the one piece skimage
/// may leave small in the top-left corner). Pieces stop growing at maxSize = floor(3 x 16384 / 196)
/// = 250 pixels, so on pictures where merges are rare the count cannot fall much below 16384 / 250, about
/// 66, i.e. a third of the request.</para>
/// <para>The band asserted for pictures without fine texture is [SegmentCount / 3, SegmentCount]:
/// measured 153 (two-colour split), 159 (gradients with shapes) and 133 (the 96x160 bands, 198 seeds),
/// i.e. 0.67 to 0.80 of the request. Fine texture makes colour dominate at compactness 1 and many
/// small pieces merge: the noisy texture gives 54 (skimage gives the same), so no lower band is
/// asserted for it.</para>
/// </remarks>
public sealed class SegmentCountSpecs
{
    private static readonly string[] SmoothPictures = ["two_colour_split", "gradient_with_shapes", "wide_bands"];

    [TestCaseSource(nameof(SmoothPictures))]
    public void On_a_picture_without_fine_texture_the_count_should_lie_between_a_third_of_the_request_and_the_request(
        string name)
    {
        var (rgb, width, height) = SlicFixtures.LoadPicture(name);
        var settings = SlicSettings.Course;

        var result = Slic.Segment(rgb, width, height, settings);

        TestContext.Out.WriteLine($"{name}: {result.Count} segments");
        result.Count.Should().BeInRange(settings.SegmentCount / 3, settings.SegmentCount, "see the class remarks");
    }

    [TestCaseSource(typeof(SlicFixtures), nameof(SlicFixtures.PictureNames))]
    public void The_count_should_never_exceed_the_picture_area_over_the_minimum_piece_size_plus_one(string name)
    {
        var (rgb, width, height) = SlicFixtures.LoadPicture(name);

        var result = Slic.Segment(rgb, width, height);

        // 0.5 x average seed area; the 96x160 picture has 11 x 18 = 198 seeds, the others 196.
        var seeds = width == 128 ? 196 : 198;
        var minSize = (int)(0.5 * width * height / seeds);
        result.Count.Should().BeLessThanOrEqualTo((width * height / minSize) + 1);
        result.SegmentSizes().Count(size => size < minSize).Should().BeLessThanOrEqualTo(
            1, "only skimage's top-left quirk can leave a piece under the minimum size");
    }
}
