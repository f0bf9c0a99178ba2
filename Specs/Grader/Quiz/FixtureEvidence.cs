using XaiReference.Grader.Quiz;
using XaiReference.Grader.Quiz.Evidence;

namespace XaiReference.Specs.Grader.Quiz;

/// <summary>
/// The quiz evidence of the embedded fixtures at quick settings (fewer samples and steps than the course),
/// measured once for all specs into a temporary cache.
/// </summary>
internal static class FixtureEvidence
{
    private static readonly Lazy<DerivedKey> quick = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "xai-specs-cache-" + Environment.ProcessId);
        return KeyDerivation.Derive(QuizInputs.Default(), new EvidenceCache(folder), EvidenceSettings.Quick);
    });

    /// <summary>The derived key with its evidence.</summary>
    public static DerivedKey Quick => quick.Value;
}
