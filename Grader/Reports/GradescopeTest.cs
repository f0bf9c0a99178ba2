using System.Text.Json.Serialization;

namespace XaiReference.Grader.Reports;

/// <summary>One entry of <c>tests</c> in Gradescope's <c>results.json</c>: here, one question.</summary>
/// <param name="Score">Points earned.</param>
/// <param name="MaxScore">Points available.</param>
/// <param name="Name">What the student sees as the test's title.</param>
/// <param name="Number">Gradescope's ordering label, a string such as <c>"7"</c>.</param>
/// <param name="Output">What the student sees below the title.</param>
/// <param name="Visibility">One of <see cref="GradescopeResults.Visibilities"/>.</param>
public sealed record GradescopeTest(
    [property: JsonPropertyName("score")] decimal Score,
    [property: JsonPropertyName("max_score")] decimal MaxScore,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("output")] string Output,
    [property: JsonPropertyName("visibility")] string Visibility);
