using FluentAssertions;
using NUnit.Framework;

namespace XaiReference.Specs.Grader.Quiz;

/// <summary>What the reference measures on the fixture pictures, before any question is derived from it.</summary>
public sealed class ImageEvidenceSpecs
{
    [Test]
    public void Every_share_is_a_fraction_and_the_three_regions_add_up_to_one()
    {
        foreach (var picture in FixtureEvidence.Quick.Evidence.Image.Pictures)
        {
            foreach (var shares in new[]
                     {
                         picture.Area, picture.Saliency, picture.SmoothGrad, picture.LimePositive,
                         picture.IntegratedGradients, picture.ShallowFilter, picture.DeepFilter,
                     })
            {
                // Ratios of sums of non-negative doubles: only rounding separates them from 1.
                (shares.Food + shares.Plate + shares.Background).Should().BeApproximately(1, 1e-9);
                shares.Outline.Should().BeInRange(0, 1);
            }
        }
    }

    [Test]
    public void The_network_predicts_every_fixture_picture_as_its_label()
    {
        FixtureEvidence.Quick.Evidence.Image.Pictures.Should().OnlyContain(p => p.Predicted == p.Label);
    }

    [Test]
    public void The_layer_types_are_read_from_the_model_in_the_courses_order()
    {
        var types = FixtureEvidence.Quick.Evidence.Image.LayerTypes;

        types.Should().HaveCount(38);
        (types[6], types[15], types[21], types[23]).Should().Be(("Conv2d", "ReLU", "BatchNorm2d", "Conv2d"));
    }

    [Test]
    public void Explanations_concentrate_on_the_food_more_than_its_area_share()
    {
        // The pointing-game check: a method that ignored the picture would put on the food about the food's area share.
        var pictures = FixtureEvidence.Quick.Evidence.Image.Pictures;
        foreach (var (name, share) in new (string, Func<XaiReference.Grader.Quiz.Evidence.PictureEvidence, double>)[]
                 {
                     ("saliency", p => p.Saliency.Food),
                     ("LIME positive weight", p => p.LimePositive.Food),
                     ("course IG", p => p.IntegratedGradients.Food),
                 })
        {
            var ratio = pictures.Average(share) / pictures.Average(p => p.Area.Food);
            TestContext.Out.WriteLine($"{name}: mean food share / mean food area = {ratio:F2}");
            ratio.Should().BeGreaterThan(1.5, $"{name} should look at the food, where all the class evidence is");
        }
    }
}
