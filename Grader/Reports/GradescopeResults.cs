using System.Text.Json;
using System.Text.Json.Serialization;

namespace XaiReference.Grader.Reports;

/// <summary>
/// Gradescope's autograder result file, <c>/autograder/results/results.json</c>, with the fields its autograder
/// specification documents that this grader fills: the overall <c>score</c>, an <c>output</c> text for the whole
/// submission, <c>visibility</c> and <c>stdout_visibility</c>, and one entry in <c>tests</c> per question.
/// </summary>
/// <param name="Score">The total score.</param>
/// <param name="Output">Text about the whole submission.</param>
/// <param name="Visibility">When the results are shown to the student.</param>
/// <param name="StdoutVisibility">Whether the student sees the autograder's standard output.</param>
/// <param name="Tests">One per question, by number.</param>
public sealed record GradescopeResults(
    [property: JsonPropertyName("score")] decimal Score,
    [property: JsonPropertyName("output")] string Output,
    [property: JsonPropertyName("visibility")] string Visibility,
    [property: JsonPropertyName("stdout_visibility")] string StdoutVisibility,
    [property: JsonPropertyName("tests")] IReadOnlyList<GradescopeTest> Tests)
{
    /// <summary>The visibility values Gradescope documents.</summary>
    public static IReadOnlyList<string> Visibilities { get; } =
        ["hidden", "after_due_date", "after_published", "visible"];

    private static readonly JsonSerializerOptions Options =
        new() { WriteIndented = true, IndentSize = 2, NewLine = "\n" };

    /// <summary>The file's text: indented JSON, LF line ends, the same for the same results.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";
}
