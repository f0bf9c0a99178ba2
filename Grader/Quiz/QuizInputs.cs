using XaiReference.Fixtures;
using XaiReference.Grader.Quiz.Evidence;
using XaiReference.Imaging;
using XaiReference.Models;
using static TorchSharp.torch.nn;
using Tensor = TorchSharp.torch.Tensor;

namespace XaiReference.Grader.Quiz;

/// <summary>What a key is derived from: a classifier, its ten pictures with labels and region masks.</summary>
/// <param name="Describe">A line saying where the inputs came from.</param>
/// <param name="ModelBytes">The weights file's bytes (part of the cache key).</param>
/// <param name="LoadModel">Builds the classifier.</param>
/// <param name="Pictures">Each picture's file bytes, label and mask.</param>
public sealed record QuizInputs(
    string Describe,
    byte[] ModelBytes,
    Func<Module<Tensor, Tensor>> LoadModel,
    IReadOnlyList<QuizPicture> Pictures)
{
    /// <summary>The embedded default fixtures: the slim network and its ten pinned pictures.</summary>
    public static QuizInputs Default() => new(
        "the embedded fixtures (slim network, ten generated pictures)",
        DefaultFixtures.ModelBytes(),
        DefaultFixtures.LoadClassifier,
        DefaultFixtures.Pictures.Select(p => new QuizPicture(p.Png, p.Label, p.Mask, $"fixture picture {p.Number}")).ToArray());

    /// <summary>
    /// A course checkpoint and a folder of pictures named <c>&lt;n&gt;.png</c> or <c>.jpg</c> (n = 0 .. 9) with masks
    /// <c>&lt;n&gt;.mask.png</c> beside them and labels given in order.
    /// </summary>
    /// <param name="modelPath">A PyTorch or safetensors file of the course network.</param>
    /// <param name="width">The network's width.</param>
    /// <param name="pictureFolder">The folder holding the pictures and masks.</param>
    /// <param name="labels">The ten pictures' classes, in order.</param>
    public static QuizInputs FromFiles(string modelPath, ClassifierWidth width, string pictureFolder, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"The model file '{modelPath}' does not exist.", modelPath);
        }

        var pictures = new List<QuizPicture>();
        for (var n = 0; n < labels.Count; n++)
        {
            var picture = new[] { ".png", ".jpg", ".jpeg" }.Select(e => Path.Combine(pictureFolder, $"{n}{e}")).FirstOrDefault(File.Exists)
                ?? throw new FileNotFoundException($"Picture {n} is missing: expected {n}.png or {n}.jpg in '{pictureFolder}'.");
            var mask = Path.Combine(pictureFolder, $"{n}.mask.png");
            if (!File.Exists(mask))
            {
                throw new FileNotFoundException(
                    $"The region mask of picture {n} is missing: expected '{mask}' (grey 0 table, 128 plate, 255 food).");
            }

            pictures.Add(new QuizPicture(File.ReadAllBytes(picture), labels[n], RegionMaskFile.Load(mask), picture));
        }

        return new QuizInputs(
            $"{modelPath} and {labels.Count} pictures in {pictureFolder}",
            File.ReadAllBytes(modelPath),
            () =>
            {
                var model = new CourseClassifier(width);
                CheckpointLoader.Load(model, modelPath);
                return model;
            },
            pictures);
    }

    /// <summary>The bytes the evidence depends on, for the cache key.</summary>
    public IEnumerable<byte[]> Fingerprint() =>
        new[] { ModelBytes }
            .Concat(Pictures.SelectMany(p => new[] { p.File, BitConverter.GetBytes(p.Label), p.Mask.Values }));
}

/// <summary>One quiz picture: its file's bytes, its class and its region mask.</summary>
/// <param name="File">The PNG or JPEG file's bytes.</param>
/// <param name="Label">Its class.</param>
/// <param name="Mask">Its regions.</param>
/// <param name="Name">Where it came from, for messages.</param>
public sealed record QuizPicture(byte[] File, int Label, RegionMask Mask, string Name)
{
    /// <summary>As the course feeds it: resized to 128 x 128, [3, 128, 128] floats in [0, 1].</summary>
    public Tensor ToTensor() => PictureLoader.DecodeTensor(File, Name);
}
