using FluentAssertions;
using NUnit.Framework;
using XaiReference.Fixtures;

namespace XaiReference.Specs.Fixtures;

/// <summary>
/// The class evidence lies in the food: a nearest-class-mean classifier on the colour histogram of the
/// food pixels separates the eleven classes, and the same classifier on the table and plate pixels
/// does no better than chance.
/// </summary>
public sealed class ClassSeparabilitySpecs
{
    private const int BinsPerChannel = 4;
    private const int PerClass = 20;

    // Class means from one seed, tested on pictures of another; shared by both specs.
    private static readonly Lazy<IReadOnlyList<GeneratedPicture>> Training =
        new(() => new FoodPictureGenerator(101).GenerateBalanced(PerClass));

    private static readonly Lazy<IReadOnlyList<GeneratedPicture>> Evaluation =
        new(() => new FoodPictureGenerator(202).GenerateBalanced(PerClass));

    [Test]
    public void The_colours_of_the_food_tell_the_classes_apart()
    {
        var accuracy = HeldOutAccuracy(region => region == PictureRegion.Food);

        TestContext.Out.WriteLine($"nearest-class-mean accuracy on food colour histograms: {accuracy:P1}");

        // Chance is 1/11 = 9%. 0.85 still leaves room for honest confusions (bread / fried food,
        // dairy / rice) that shape and texture, not colour, settle.
        accuracy.Should().BeGreaterThanOrEqualTo(0.85);
    }

    [Test]
    public void The_table_and_plate_carry_no_class_evidence()
    {
        var accuracy = HeldOutAccuracy(region => region != PictureRegion.Food);

        TestContext.Out.WriteLine($"nearest-class-mean accuracy on table and plate histograms: {accuracy:P1}");

        // Chance is 1/11 = 0.091; with 220 test pictures its standard deviation is sqrt(0.091 * 0.909 / 220) = 0.019,
        // so 0.2 is more than five standard deviations above chance.
        accuracy.Should().BeLessThan(0.2);
    }

    private static double HeldOutAccuracy(Func<PictureRegion, bool> include)
    {
        var (training, test) = (Training.Value, Evaluation.Value);

        var means = new double[FoodClasses.Count][];
        for (var label = 0; label < FoodClasses.Count; label++)
        {
            var histograms = training.Where(p => p.Label == label).Select(p => Histogram(p, include)).ToList();
            means[label] = [.. Enumerable.Range(0, histograms[0].Length).Select(b => histograms.Average(h => h[b]))];
        }

        var correct = test.Count(p =>
        {
            var h = Histogram(p, include);
            var predicted = Enumerable.Range(0, FoodClasses.Count).MinBy(label => L1(h, means[label]));
            return predicted == p.Label;
        });
        return (double)correct / test.Count;
    }

    private static double[] Histogram(GeneratedPicture picture, Func<PictureRegion, bool> include)
    {
        // A normalised joint RGB histogram with 4 bins per channel (64 bins).
        var histogram = new double[BinsPerChannel * BinsPerChannel * BinsPerChannel];
        var rgb = picture.Rgb.Span;
        var mask = picture.RegionMask.Span;
        var count = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            if (!include((PictureRegion)mask[i]))
            {
                continue;
            }

            var (r, g, b) = (Bin(rgb[i * 3]), Bin(rgb[(i * 3) + 1]), Bin(rgb[(i * 3) + 2]));
            var bin = (((r * BinsPerChannel) + g) * BinsPerChannel) + b;
            histogram[bin]++;
            count++;
        }

        return [.. histogram.Select(h => h / count)];
    }

    private static int Bin(byte level) => level * BinsPerChannel / 256;

    private static double L1(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Sum();
}
