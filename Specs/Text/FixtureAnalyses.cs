using XaiReference.Grader.Commands;
using XaiReference.Grader.Explain;
using XaiReference.Specs.Models.Bert;
using XaiReference.Text;

namespace XaiReference.Specs.Text;

/// <summary>
/// The library's analyses of the fixture texts on the embedded all-MiniLM-L6-v2, computed once per run and shared
/// by the specs that compare the command's files or the snapshots with them. Read only.
/// </summary>
internal static class FixtureAnalyses
{
    private static readonly Lazy<AttentionMaps> LoadedMaps = new(() =>
        AttentionMaps.Of(MiniLm.Bert, TextExplainInputs.DefaultSentence).Maps);

    private static readonly Lazy<AmbiguousWordAnalysis> LoadedApple = new(() =>
        AmbiguousWordAnalysis.Analyze(MiniLm.Bert, TextExplainInputs.WordSet(null, null)));

    private static readonly Lazy<IReadOnlyList<EmbeddingProjection>> LoadedProjections = new(() =>
        TextExplainInputs.QaExamples().Select(e => EmbeddingProjection.Analyze(MiniLm.Bert, e)).ToList());

    /// <summary>The maps of <c>explain attention</c>'s default sentence.</summary>
    public static AttentionMaps DefaultSentenceMaps => LoadedMaps.Value;

    /// <summary>The analysis of the ten apple sentences.</summary>
    public static AmbiguousWordAnalysis Apple => LoadedApple.Value;

    /// <summary>The projections of the three QA examples, in order.</summary>
    public static IReadOnlyList<EmbeddingProjection> QaProjections => LoadedProjections.Value;
}
