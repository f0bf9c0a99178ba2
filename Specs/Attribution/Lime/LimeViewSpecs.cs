using FluentAssertions;
using NUnit.Framework;
using XaiReference.Attribution;
using static TorchSharp.torch;

namespace XaiReference.Specs.Attribution.Lime;

/// <summary>
/// The course shows LIME's answer as the picture with its strongest superpixels tinted: green where the
/// superpixel speaks for the class, red where it speaks against it.
/// </summary>
public sealed class LimeViewSpecs
{
    [Test]
    public void Positive_superpixels_are_green_negative_ones_red_and_weak_ones_untouched()
    {
        using var scope = NewDisposeScope();
        var (picture, explanation) = Explained();
        var fit = explanation[0];

        var (view, mask) = LimeView.ImageAndMask(
            picture, explanation, 0, LimeEvidence.Both, features: 16, minWeight: 0.05);

        var top = picture.max().item<float>();
        var segments = LimeImageSpecs.GridSegments();
        for (var p = 0; p < segments.Length; p++)
        {
            var weight = fit.Weights[segments[p]];
            var expected = Math.Abs(weight) < 0.05 ? 0 : Math.Sign(weight);
            mask[p].Should().Be(expected, $"pixel {p} lies in superpixel {segments[p]} of weight {weight:F4}");
            var (y, x) = (p / 16, p % 16);
            if (expected == 1)
            {
                view[1, y, x].item<float>().Should().Be(top);
            }
            else if (expected == -1)
            {
                view[0, y, x].item<float>().Should().Be(top);
            }
            else
            {
                view[.., y, x].data<float>().ToArray().Should().Equal(picture[.., y, x].data<float>().ToArray());
            }
        }
    }

    [Test]
    public void At_most_the_requested_number_of_superpixels_is_shown_strongest_first()
    {
        using var scope = NewDisposeScope();
        var (picture, explanation) = Explained();

        var (_, mask) = LimeView.ImageAndMask(picture, explanation, 0, LimeEvidence.Both, features: 3, minWeight: 0);

        var shown = LimeImageSpecs.GridSegments().Where((_, p) => mask[p] != 0).Distinct().Order();
        shown.Should().Equal(explanation[0].Ranked.Take(3).Select(f => f.Segment).Order());
    }

    [Test]
    public void Positive_only_shows_untinted_positive_superpixels_and_can_hide_the_rest()
    {
        using var scope = NewDisposeScope();
        var (picture, explanation) = Explained();

        var (view, mask) = LimeView.ImageAndMask(
            picture, explanation, 0, LimeEvidence.PositiveOnly, features: 16, minWeight: 0, hideRest: true);

        var segments = LimeImageSpecs.GridSegments();
        for (var p = 0; p < mask.Length; p++)
        {
            var positive = explanation[0].Weights[segments[p]] > 0;
            mask[p].Should().Be(positive ? 1 : 0);
            var pixel = view[.., p / 16, p % 16].data<float>().ToArray();
            pixel.Should().Equal(positive ? picture[.., p / 16, p % 16].data<float>().ToArray() : new float[3]);
        }
    }

    private static (Tensor Picture, LimeExplanation Explanation) Explained()
    {
        var (picture, _) = LimeImageSpecs.RandomPicture(seed: 31);
        var (classifier, _) = LimeImageSpecs.LinearClassifier(classes: 2, seed: 32);
        var explanation = LimeImage.Explain(
            classifier, picture, LimeImageSpecs.GridSegments(), [0], LimeSettings.Course with { Samples = 200 });
        return (picture, explanation);
    }
}
