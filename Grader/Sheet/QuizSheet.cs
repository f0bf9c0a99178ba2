using System.Globalization;
using XaiReference.Fixtures;
using XaiReference.Grader.Quiz;
using XaiReference.Grader.Quiz.Evidence;
using XaiReference.Grader.Quiz.Questions;
using XaiReference.Imaging;

namespace XaiReference.Grader.Sheet;

/// <summary>
/// What the students' question sheet shows: the questions with their options, sections and points, the ten
/// pictures and the texts the questions are about, and any figure of a method the questions refer to that staff
/// supply. None of it needs the key: question texts and options are fixed, only the correct options are derived.
/// </summary>
/// <param name="Title">The quiz's title.</param>
/// <param name="Questions">The questions, numbered 1 and up, in order.</param>
/// <param name="Texts">The sentence and examples the BERT questions are about.</param>
/// <param name="Pictures">The contact sheet of the pictures, numbered as the questions number them.</param>
/// <param name="Figures">Figures of methods, keyed by the figure name the questions give (e.g. <c>lime</c>).</param>
public sealed record QuizSheet(
    string Title,
    IReadOnlyList<QuizQuestion> Questions,
    TextQuizInputs Texts,
    SheetImage Pictures,
    IReadOnlyDictionary<string, SheetImage> Figures)
{
    /// <summary>The file name of the pictures' contact sheet.</summary>
    public const string PicturesFileName = "pictures.png";

    private static readonly Dictionary<string, string> FigureDescriptions = new(StringComparer.Ordinal)
    {
        ["lime"] = "LIME's explanation of each picture for its own class",
        ["saliency"] = "the saliency maps of the ten pictures",
        ["smoothgrad"] = "the SmoothGrad maps of the ten pictures",
        ["filters"] = "filter 0 of cnn[6]: its activation maps and its visualisation",
        ["attention"] = "the attention maps of the attention sentence",
        ["projection"] = "the PCA projection of the question/context examples' hidden states",
        ["distances"] = "the similarities of the word \"apple\" between the ten sentences, layer by layer",
    };

    /// <summary>The sections in the order of their first question.</summary>
    public IReadOnlyList<string> Sections =>
        Questions.Select(q => q.Section).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The figure names the questions refer to, in the order of their first question.</summary>
    public IReadOnlyList<string> FigureNames =>
        Questions.Select(q => q.Figure).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The course quiz on the embedded fixtures: the questions of <see cref="CourseQuiz"/>, the ten pinned pictures
    /// and the default texts.
    /// </summary>
    /// <param name="figures">Figures of methods keyed by figure name; none by default.</param>
    public static QuizSheet Course(IReadOnlyDictionary<string, SheetImage>? figures = null) => new(
        CourseQuiz.Title,
        CourseQuiz.Questions,
        QuizInputs.DefaultText(),
        new SheetImage(
            PicturesFileName,
            "The ten pictures, numbered 0 to 9, with their classes and the food's share of each",
            ContactSheetPng()),
        figures ?? new Dictionary<string, SheetImage>());

    /// <summary>
    /// The files a figure may come from, in order: <c>&lt;name&gt;.png</c>, then what <c>grader explain</c> writes for
    /// it (the text methods name their files after the method: <c>embeddings.0.png</c>, <c>distances.cosine.png</c>).
    /// </summary>
    /// <param name="name">A figure name the questions give, e.g. <c>projection</c>.</param>
    public static IReadOnlyList<string> FileNamesOf(string name) => name switch
    {
        "projection" => ["projection.png", "embeddings.0.png"],
        "distances" => ["distances.png", "distances.cosine.png"],
        _ => [$"{name}.png"],
    };

    /// <summary>What a figure shows, in words; the name itself for a figure this sheet does not know.</summary>
    public static string DescribeFigure(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return FigureDescriptions.TryGetValue(name, out var description) ? description : $"the {name} figure";
    }

    /// <summary>
    /// The figures among <paramref name="names"/> that <paramref name="folder"/> holds as <c>&lt;name&gt;.png</c>,
    /// each checked to be a PNG the picture loader reads; <c>grader explain all --out</c> writes such a folder.
    /// </summary>
    /// <param name="folder">An existing folder.</param>
    /// <param name="names">The figure names to look for.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="PictureLoadException">A figure file is not a readable PNG.</exception>
    public static IReadOnlyDictionary<string, SheetImage> LoadFigures(string folder, IEnumerable<string> names)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(names);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"--figures: expected an existing folder, got '{folder}'");
        }

        var figures = new Dictionary<string, SheetImage>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var path = FileNamesOf(name).Select(file => Path.Combine(folder, file)).FirstOrDefault(File.Exists);
            if (path is null)
            {
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            if (PictureFormats.Sniff(bytes) != PictureFormat.Png)
            {
                throw new PictureLoadException(path, "expected a PNG figure");
            }

            using (PictureLoader.Decode(bytes, path))
            {
                // Decoded only to refuse a damaged file before it reaches the sheet.
            }

            figures[name] = new SheetImage($"{name}.png", Capitalised(DescribeFigure(name)), bytes);
        }

        return figures;
    }

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static byte[] ContactSheetPng()
    {
        var items = new List<ContactSheetItem>();
        foreach (var picture in DefaultFixtures.Pictures)
        {
            using var image = PictureLoader.Decode(picture.Png, $"fixture picture {picture.Number}");
            var rgb = new byte[image.Width * image.Height * 3];
            image.CopyPixelDataTo(rgb);
            // The food's share of the picture, from its region mask: a saliency question compares a map's
            // share on the food with it.
            var food = (100 * RegionShares.Area(picture.Mask).Food).ToString("F0", CultureInfo.InvariantCulture);
            items.Add(new ContactSheetItem(
                rgb,
                image.Width,
                image.Height,
                $"{picture.Number.ToString(CultureInfo.InvariantCulture)}: {picture.ClassName}",
                $"food {food}% of the picture"));
        }

        return ContactSheet.RenderPng(items);
    }
}
