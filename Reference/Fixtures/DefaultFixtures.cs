using System.Reflection;
using XaiReference.Imaging;
using XaiReference.Models;
using static TorchSharp.torch;

namespace XaiReference.Fixtures;

/// <summary>
/// The fixtures embedded in this library: the slim course network trained on generated food pictures
/// (<c>fixtures/models/slim-classifier.safetensors</c>) and the ten pinned pictures with their region masks
/// (<c>fixtures/pictures/</c>). They let everything run with no file from the user; fixtures/README.md says
/// how each was made.
/// </summary>
public static class DefaultFixtures
{
    private const string Prefix = "XaiReference.Fixtures.";
    private const string ModelResource = Prefix + "slim-classifier.safetensors";

    private static readonly Lazy<IReadOnlyList<FixturePicture>> pictures = new(LoadPictures);

    /// <summary>The ten pinned pictures, numbered 0 .. 9.</summary>
    public static IReadOnlyList<FixturePicture> Pictures => pictures.Value;

    /// <summary>The embedded weights file's bytes (for hashing, or to save a copy).</summary>
    public static byte[] ModelBytes() => ReadResource(ModelResource);

    /// <summary>The ten sentences with the ambiguous word "apple" (fixtures/text/apple-sentences.json).</summary>
    public static string AppleSentencesJson() =>
        System.Text.Encoding.UTF8.GetString(ReadResource(Prefix + "text.apple-sentences.json"));

    /// <summary>The three question/context/answer examples (fixtures/text/qa-examples.json).</summary>
    public static string QaExamplesJson() =>
        System.Text.Encoding.UTF8.GetString(ReadResource(Prefix + "text.qa-examples.json"));

    /// <summary>The trained slim network, in eval mode.</summary>
    public static CourseClassifier LoadClassifier()
    {
        var model = new CourseClassifier(ClassifierWidth.Slim);
        using var stream = new MemoryStream(ModelBytes(), writable: false);
        CheckpointLoader.LoadSafetensors(model, stream, ModelResource);
        model.eval();
        return model;
    }

    /// <summary>The ten pictures as one batch: [10, 3, 128, 128] floats in [0, 1].</summary>
    public static Tensor PictureBatch()
    {
        using var scope = NewDisposeScope();
        return stack(Pictures.Select(p => p.ToTensor()).ToArray()).MoveToOuterDisposeScope();
    }

    private static IReadOnlyList<FixturePicture> LoadPictures() =>
        PinnedPictures.Labels
            .Select((label, number) => new FixturePicture(
                number,
                label,
                ReadResource($"{Prefix}pictures.{number}.png"),
                RegionMaskFile.Decode(ReadResource($"{Prefix}pictures.{number}.mask.png"), $"fixture mask {number}")))
            .ToArray();

    private static byte[] ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The library was built without its embedded fixture '{name}'.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
