using FluentAssertions;
using NUnit.Framework;
using SixLabors.ImageSharp;
using XaiReference.Export;
using XaiReference.Figures;
using XaiReference.Fixtures;
using XaiReference.Grader.Commands;
using XaiReference.Grader.Explain;
using XaiReference.Models;
using static TorchSharp.torch;

namespace XaiReference.Specs.Grader.Explain;

/// <summary>
/// <c>grader explain</c>'s work, run in-process on the first two fixture pictures with light settings: every
/// method writes its figure and arrays in the documented shapes, inputs.npy holds exactly the tensors fed,
/// and a second run writes identical arrays.
/// </summary>
public sealed class ExplainRunSpecs
{
    private const int Count = 2;

    private string first = "";
    private string second = "";
    private IReadOnlyList<ExplainOutput> outputs = [];

    [OneTimeSetUp]
    public void RunTwice()
    {
        first = Directory.CreateTempSubdirectory("explain-a-").FullName;
        second = Directory.CreateTempSubdirectory("explain-b-").FullName;
        outputs = RunLight(first);
        RunLight(second);
    }

    [OneTimeTearDown]
    public void RemoveFolders()
    {
        Directory.Delete(first, recursive: true);
        Directory.Delete(second, recursive: true);
    }

    [Test]
    public void Every_method_writes_its_figure_and_arrays()
    {
        outputs.Select(o => o.Method).Should().Equal(ExplainMethods.All);
        Directory.GetFiles(first).Select(Path.GetFileName).Should().BeEquivalentTo(
        [
            "inputs.npy", "labels.npy",
            "saliency.png", "saliency.attributions.npy", "saliency.maps.npy",
            "smoothgrad.png", "smoothgrad.attributions.npy", "smoothgrad.maps.npy",
            "ig.png", "ig.attributions.npy", "ig.maps.npy",
            "lime.png", "lime.segments.npy", "lime.weights.npy", "lime.maps.npy",
            "filters.png", "filters.activations.npy", "filters.visualizations.npy",
        ]);
    }

    [TestCase("inputs.npy", NpyDataType.Float32, new long[] { Count, 3, 128, 128 })]
    [TestCase("labels.npy", NpyDataType.Int64, new long[] { Count })]
    [TestCase("saliency.attributions.npy", NpyDataType.Float32, new long[] { Count, 3, 128, 128 })]
    [TestCase("saliency.maps.npy", NpyDataType.Float32, new long[] { Count, 128, 128 })]
    [TestCase("smoothgrad.attributions.npy", NpyDataType.Float32, new long[] { Count, 3, 128, 128 })]
    [TestCase("smoothgrad.maps.npy", NpyDataType.Float32, new long[] { Count, 128, 128 })]
    [TestCase("ig.attributions.npy", NpyDataType.Float32, new long[] { Count, 3, 128, 128 })]
    [TestCase("ig.maps.npy", NpyDataType.Float32, new long[] { Count, 128, 128 })]
    [TestCase("lime.segments.npy", NpyDataType.Int32, new long[] { Count, 128, 128 })]
    [TestCase("lime.maps.npy", NpyDataType.Float32, new long[] { Count, 128, 128 })]
    [TestCase("filters.activations.npy", NpyDataType.Float32, new long[] { Count, 128, 128 })]
    [TestCase("filters.visualizations.npy", NpyDataType.Float32, new long[] { Count, 3, 128, 128 })]
    public void An_array_has_its_documented_type_and_shape(string file, NpyDataType type, long[] shape)
    {
        var array = NpyReader.Read(Path.Combine(first, file));

        array.DataType.Should().Be(type);
        array.Shape.Should().Equal(shape);
    }

    [Test]
    public void The_lime_weights_hold_one_weight_per_superpixel_padded_with_nan()
    {
        var segments = NpyReader.Read(Path.Combine(first, "lime.segments.npy")).ToArray<int>();
        var weights = NpyReader.Read(Path.Combine(first, "lime.weights.npy"));
        var values = weights.ToArray<double>();
        var widest = (int)weights.Shape[1];

        weights.Shape[0].Should().Be(Count);
        for (var n = 0; n < Count; n++)
        {
            // Picture n has max label + 1 superpixels; the rest of its row is padding.
            var superpixels = segments.Skip(n * 128 * 128).Take(128 * 128).Max() + 1;
            var row = values.Skip(n * widest).Take(widest).ToArray();
            row.Take(superpixels).Should().OnlyContain(w => double.IsFinite(w), $"picture {n}'s weights");
            row.Skip(superpixels).Where(w => !double.IsNaN(w)).Should().BeEmpty($"picture {n}'s padding is NaN");
        }
    }

    [Test]
    public void Inputs_npy_holds_exactly_the_pictures_that_were_explained()
    {
        using var scope = NewDisposeScope();
        var fed = stack(DefaultFixtures.Pictures.Take(Count).Select(p => p.ToTensor()).ToArray());

        var written = NpyReader.Read(Path.Combine(first, "inputs.npy")).ToArray<float>();
        var labels = NpyReader.Read(Path.Combine(first, "labels.npy")).ToArray<long>();

        // Exact: the file holds the float32 tensor itself, no conversion on the way.
        written.Should().Equal(fed.data<float>().ToArray());
        labels.Should().Equal(DefaultFixtures.Pictures.Take(Count).Select(p => (long)p.Label));
    }

    [Test]
    public void Each_figure_has_the_pictures_and_the_method_rows()
    {
        var figures = new[] { ("saliency", 1), ("smoothgrad", 1), ("ig", 1), ("lime", 1), ("filters", 2) };
        foreach (var (stem, rows) in figures)
        {
            var layout = FigureLayout.For(Count, rows, 128, 128);
            var info = Image.Identify(Path.Combine(first, $"{stem}.png"));

            (info.Width, info.Height).Should().Be((layout.Width, layout.Height), $"{stem} has {rows} row(s) of maps");
        }
    }

    [Test]
    public void A_second_run_writes_identical_arrays()
    {
        foreach (var file in Directory.GetFiles(first, "*.npy"))
        {
            var again = Path.Combine(second, Path.GetFileName(file));

            // Exact: fixed seeds and the same CPU kernels; a difference would be nondeterminism.
            File.ReadAllBytes(again).Should().Equal(File.ReadAllBytes(file), Path.GetFileName(file));
        }
    }

    private static IReadOnlyList<ExplainOutput> RunLight(string folder)
    {
        using var inputs = ExplainInputs.Load(model: null, ClassifierWidth.Slim, pictures: null, take: Count);

        // SmoothGrad with 5 samples, LIME with 50, IG with 5 steps and 3 filter steps keep this to seconds.
        var gradients = ExplainRunner.Run(
            inputs,
            [ExplainMethod.Saliency, ExplainMethod.SmoothGrad, ExplainMethod.IntegratedGradients],
            new ExplainKnobs(Samples: 5, Steps: 5),
            folder);
        var lime = ExplainRunner.Run(inputs, [ExplainMethod.Lime], new ExplainKnobs(Samples: 50), folder);
        var filters = ExplainRunner.Run(inputs, [ExplainMethod.Filters], new ExplainKnobs(Steps: 3), folder);
        return [.. gradients, .. lime, .. filters];
    }
}
