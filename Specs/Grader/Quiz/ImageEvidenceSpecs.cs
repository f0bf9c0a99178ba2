using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;

namespace XaiReference.Specs.Grader.Quiz;

/// <summary>What the reference measures on the fixture pictures, before any question is derived from it.</summary>
public sealed class ImageEvidenceSpecs
{
    [Test]
    public void Every_share_is_a_fraction_and_the_three_regions_add_up_to_one()
    {
        var evidence = FixtureEvidence.Quick;
        TestContext.Out.WriteLine(JsonSerializer.Serialize(evidence, new JsonSerializerOptions { WriteIndented = true }));

        foreach (var picture in evidence.Pictures)
        {
            foreach (var shares in new[] { picture.Saliency, picture.SmoothGrad, picture.LimePositive, picture.IntegratedGradients })
            {
                (shares.Food + shares.Plate + shares.Background).Should().BeApproximately(1, 1e-9);
                shares.Outline.Should().BeInRange(0, 1);
            }
        }
    }
}
