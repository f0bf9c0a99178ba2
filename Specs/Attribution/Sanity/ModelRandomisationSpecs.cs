using FluentAssertions;
using NUnit.Framework;
using XaiReference.Attribution;
using XaiReference.Fixtures;
using XaiReference.Models;
using static TorchSharp.torch;

namespace XaiReference.Specs.Attribution.Sanity;

/// <summary>
/// The model-randomisation test of Adebayo et al. (2018), "Sanity checks for saliency maps": an explanation of
/// what a network learned must change when the learned weights are replaced by random ones. If the saliency map of
/// the trained network and that of an untrained copy were alike, the map would be showing the picture (its edges),
/// not the network. Measured with Spearman's rank correlation of the two maps, picture by picture.
/// </summary>
public sealed class ModelRandomisationSpecs
{
    private static readonly Lazy<CourseClassifier> trained = new(DefaultFixtures.LoadClassifier);

    [Test]
    public void Saliency_of_randomised_weights_has_low_rank_correlation_with_the_trained_networks()
    {
        using var scope = NewDisposeScope();
        var pictures = DefaultFixtures.PictureBatch();
        var labels = DefaultFixtures.Pictures.Select(p => (long)p.Label).ToArray();
        using var random = Randomised(seed: 20181008);

        var ofTrained = Maps(trained.Value, pictures, labels);
        var ofRandom = Maps(random, pictures, labels);
        var correlations = ofTrained.Zip(ofRandom, RankCorrelation.Spearman).ToArray();
        TestContext.Out.WriteLine($"trained vs randomised, per picture: {Format(correlations)}");

        correlations.Average().Should().BeLessThan(0.5, "the map should depend on what the network learned");
    }

    [Test]
    public void The_control_a_barely_changed_picture_keeps_the_trained_networks_map()
    {
        // Without this control a low correlation could come from a map that is noise whatever the weights.
        using var scope = NewDisposeScope();
        var pictures = DefaultFixtures.PictureBatch();
        var labels = DefaultFixtures.Pictures.Select(p => (long)p.Label).ToArray();
        using var generator = new Generator(11);
        var nudged = (pictures + (randn(pictures.shape, generator: generator) * (0.5 / 255))).clamp(0, 1);

        var original = Maps(trained.Value, pictures, labels);
        var ofNudged = Maps(trained.Value, nudged, labels);
        var correlations = original.Zip(ofNudged, RankCorrelation.Spearman).ToArray();
        TestContext.Out.WriteLine($"picture vs picture + N(0, 0.5/255), per picture: {Format(correlations)}");

        // Gradients are noisy (SmoothGrad's reason to exist), so even this nudge moves some pixels' ranks: measured
        // 0.90 to 0.95 here, against 0.13 to 0.49 for the randomised network.
        correlations.Should().OnlyContain(c => c > 0.8, "half a grey level of noise barely changes the function");
    }

    private static CourseClassifier Randomised(int seed)
    {
        // The module initialises its weights from the global generator; seeding it makes the copy repeatable.
        manual_seed(seed);
        var model = new CourseClassifier(ClassifierWidth.Slim);
        model.eval();
        return model;
    }

    private static float[][] Maps(CourseClassifier model, Tensor pictures, long[] labels)
    {
        using var result = new Saliency(model, SaliencyOptions.Paper).Attribute(pictures, labels);
        return Enumerable.Range(0, labels.Length)
            .Select(n => result.Map[n].flatten().data<float>().ToArray())
            .ToArray();
    }

    private static string Format(IEnumerable<double> values) =>
        string.Join(", ", values.Select(v => v.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)));
}
