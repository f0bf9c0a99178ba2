using XaiReference.Attribution;
using XaiReference.Grader.Quiz.Evidence;
using XaiReference.Grader.Quiz.Questions;
using static TorchSharp.torch;

namespace XaiReference.Grader.Quiz;

/// <summary>A derived key with the evidence behind it.</summary>
/// <param name="Key">The quiz key.</param>
/// <param name="Evidence">The measurements its answers were derived from.</param>
/// <param name="FromCache">Whether the measurements came from the cache.</param>
/// <param name="CacheFile">Where the picture measurements are cached; the BERT's lie beside them.</param>
public sealed record DerivedKey(QuizKey Key, QuizEvidence Evidence, bool FromCache, string CacheFile);

/// <summary>
/// Measures (or reads from the cache) the evidence for some inputs and derives the quiz's key from it.
/// </summary>
public static class KeyDerivation
{
    /// <summary>Derives the key.</summary>
    /// <param name="inputs">Model and pictures.</param>
    /// <param name="cache">Where measurements are kept between runs.</param>
    /// <param name="settings">Method settings; the course's by default.</param>
    /// <param name="progress">Progress of the measuring, when it has to run.</param>
    public static DerivedKey Derive(
        QuizInputs inputs,
        EvidenceCache cache,
        EvidenceSettings? settings = null,
        IProgress<AttributionProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(cache);
        settings ??= EvidenceSettings.Course;
        var imageKey = EvidenceCache.Key(settings, inputs.ImageFingerprint());
        var textKey = EvidenceCache.TextKey(inputs.TextFingerprint());
        var image = cache.TryRead<ImageEvidence>(imageKey);
        var text = cache.TryRead<TextEvidence>(textKey);
        var fromCache = image is not null && text is not null;
        if (image is null)
        {
            using var scope = NewDisposeScope();
            var model = inputs.LoadModel();
            var pictures = inputs.Pictures.Select(p => new EvidencePicture(p.ToTensor(), p.Label, p.Mask)).ToArray();
            image = ImageEvidenceRunner.Measure(model, pictures, settings, progress);
            cache.Write(imageKey, image);
        }

        if (text is null)
        {
            progress?.Report(new AttributionProgress("BERT", 0, 1));
            using var bert = inputs.LoadBert();
            text = TextEvidenceRunner.Measure(bert, inputs.BertName, inputs.Text);
            progress?.Report(new AttributionProgress("BERT", 1, 1));
            cache.Write(textKey, text);
        }

        var evidence = new QuizEvidence(image, text);
        return new DerivedKey(CourseQuiz.Derive(evidence), evidence, fromCache, cache.PathOf(imageKey));
    }
}
