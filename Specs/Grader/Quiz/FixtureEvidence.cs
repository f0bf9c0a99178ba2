using XaiReference.Fixtures;
using XaiReference.Grader.Quiz.Evidence;

namespace XaiReference.Specs.Grader.Quiz;

/// <summary>The image evidence of the embedded fixtures at quick settings, measured once for all specs.</summary>
internal static class FixtureEvidence
{
    private static readonly Lazy<ImageEvidence> quick = new(() =>
    {
        var model = DefaultFixtures.LoadClassifier();
        var pictures = DefaultFixtures.Pictures
            .Select(p => new EvidencePicture(p.ToTensor(), p.Label, p.Mask))
            .ToArray();
        return ImageEvidenceRunner.Measure(model, pictures, EvidenceSettings.Quick);
    });

    public static ImageEvidence Quick => quick.Value;
}
