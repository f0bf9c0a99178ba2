using FluentAssertions;
using NUnit.Framework;
using XaiReference.Fixtures;
using XaiReference.Models;
using static TorchSharp.torch;

namespace XaiReference.Specs.Fixtures;

/// <summary>
/// The embedded slim network was trained on generated pictures (fixtures/models/README.md); it must really
/// classify food-11-like pictures, or its explanations would explain nothing.
/// </summary>
public sealed class FixtureClassifierSpecs
{
    // Neither the training (1001) nor the recipe's held-out seed (1002): pictures the network never saw.
    private const ulong FreshSeed = 424242;

    private static readonly Lazy<CourseClassifier> model = new(DefaultFixtures.LoadClassifier);

    [Test]
    public void It_classifies_at_least_95_percent_of_fresh_generated_pictures_correctly()
    {
        using var scope = NewDisposeScope();
        var pictures = new FoodPictureGenerator(FreshSeed).GenerateBalanced(perClass: 20);
        var batch = stack(pictures.Select(p => p.ToTensor()).ToArray());
        var labels = tensor(pictures.Select(p => (long)p.Label).ToArray());

        using var noGrad = no_grad();
        var predicted = model.Value.call(batch).argmax(1);
        var accuracy = predicted.eq(labels).to(ScalarType.Float64).mean().item<double>();

        accuracy.Should().BeGreaterThanOrEqualTo(0.95, "220 fresh pictures, 20 of each class");
    }

    [Test]
    public void It_classifies_each_of_the_ten_pinned_pictures_as_its_label()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var predicted = model.Value.call(DefaultFixtures.PictureBatch()).argmax(1).data<long>().ToArray();

        predicted.Select(p => (int)p).Should().Equal(DefaultFixtures.Pictures.Select(p => p.Label));
    }

    [Test]
    public void The_embedded_pictures_are_the_committed_files()
    {
        foreach (var picture in DefaultFixtures.Pictures)
        {
            var committed = File.ReadAllBytes(
                Path.Combine(RepositoryRoot.Path, "fixtures", "pictures", $"{picture.Number}.png"));
            picture.Png.Should().Equal(committed, $"picture {picture.Number} is embedded from fixtures/pictures");
        }
    }
}
