using XaiReference.Specs.Models.Bert;
using XaiReference.Text;

namespace XaiReference.Specs.Text;

/// <summary>The committed text fixtures: three QA examples and the ten apple sentences.</summary>
internal static class QaFixtures
{
    private static readonly Lazy<IReadOnlyList<QaExample>> LoadedExamples = new(() =>
        QaExample.ListFromJson(File.ReadAllText(BertFixtures.Text("qa-examples.json"))));

    private static readonly Lazy<AmbiguousWordSet> LoadedApple = new(() =>
        AmbiguousWordSet.FromJson(File.ReadAllText(BertFixtures.Text("apple-sentences.json"))));

    public static IReadOnlyList<QaExample> Examples => LoadedExamples.Value;

    public static AmbiguousWordSet Apple => LoadedApple.Value;
}
