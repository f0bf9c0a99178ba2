using XaiReference.Figures;
using XaiReference.Fixtures;
using XaiReference.Imaging;
using XaiReference.Models;
using static TorchSharp.torch;

namespace XaiReference.Grader.Explain;

/// <summary>What <c>grader explain</c> explains: a classifier, pictures [N, 3, 128, 128] and their labels.</summary>
/// <remarks>Owns the model and the pictures and disposes them with itself.</remarks>
public sealed class ExplainInputs : IDisposable
{
    private ExplainInputs(CourseClassifier model, Tensor pictures, IReadOnlyList<int> labels, string source)
    {
        Model = model;
        Pictures = pictures;
        Labels = labels;
        Source = source;
    }

    /// <summary>The classifier, in eval mode.</summary>
    public CourseClassifier Model { get; }

    /// <summary>The pictures, [N, 3, 128, 128] float32 in [0, 1].</summary>
    public Tensor Pictures { get; }

    /// <summary>Each picture's food-11 class; also the class each is explained for.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Where the model and the pictures came from, for the figures' titles.</summary>
    public string Source { get; }

    /// <summary>The captions under the pictures, e.g. "3: Egg".</summary>
    public IReadOnlyList<string> Captions => Labels.Select(MethodFigure.Caption).ToArray();

    /// <summary>The embedded fixture network and pictures, or the given files.</summary>
    /// <param name="model">A course checkpoint, or null for the embedded slim network.</param>
    /// <param name="width">The checkpoint's width; ignored without <paramref name="model"/>.</param>
    /// <param name="pictures">A flat folder of <c>&lt;label&gt;_&lt;index&gt;</c> pictures, or null for the ten
    /// fixture pictures.</param>
    /// <param name="take">Use only the first this many pictures, or null for all.</param>
    public static ExplainInputs Load(string? model, ClassifierWidth width, string? pictures, int? take = null)
    {
        var classifier = model is null ? DefaultFixtures.LoadClassifier() : LoadCheckpoint(model, width);
        try
        {
            var (batch, labels) = pictures is null ? FixturePictures(take) : FolderPictures(pictures, take);
            var modelName = model is null ? "fixture network" : Path.GetFileName(model);
            var pictureName = pictures is null
                ? "fixture pictures"
                : Path.GetFileName(Path.TrimEndingDirectorySeparator(pictures));
            var source = $"{modelName}, {pictureName}";
            return new ExplainInputs(classifier, batch, labels, source);
        }
        catch
        {
            classifier.Dispose();
            throw;
        }
    }

    /// <summary>Releases the model and the pictures.</summary>
    public void Dispose()
    {
        Pictures.Dispose();
        Model.Dispose();
    }

    private static CourseClassifier LoadCheckpoint(string path, ClassifierWidth width)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"--model: no such file '{path}'", path);
        }

        var classifier = new CourseClassifier(width);
        try
        {
            CheckpointLoader.Load(classifier, path);
            classifier.eval();
            return classifier;
        }
        catch
        {
            classifier.Dispose();
            throw;
        }
    }

    private static (Tensor Batch, int[] Labels) FixturePictures(int? take)
    {
        var chosen = DefaultFixtures.Pictures.Take(take ?? int.MaxValue).ToArray();
        using var scope = NewDisposeScope();
        var batch = stack(chosen.Select(p => p.ToTensor()).ToArray());
        return (batch.MoveToOuterDisposeScope(), chosen.Select(p => p.Label).ToArray());
    }

    private static (Tensor Batch, int[] Labels) FolderPictures(string folder, int? take)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"--pictures: no such folder '{folder}'");
        }

        var entries = PictureFolders.ScanFlat(folder).Entries.Take(take ?? int.MaxValue).ToArray();
        if (entries.Length == 0)
        {
            throw new ArgumentException(
                $"--pictures: expected files named <label>_<index>.png or .jpg in '{folder}', found none");
        }

        return (PictureLoader.LoadBatch(entries.Select(e => e.Path).ToArray()), entries.Select(e => e.Label).ToArray());
    }
}
