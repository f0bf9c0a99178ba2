using System.Text;
using BenchmarkDotNet.Attributes;
using XaiReference.Grader.Grading;
using XaiReference.Grader.Quiz;
using XaiReference.Grader.Submissions;

namespace XaiReference.Benchmarks;

/// <summary>
/// Grading a class of 1,000 submissions from one CSV export: reading, grading every question, item analysis.
/// The key has the quiz's shape (30 questions, 8 of them multi-select) with invented answers; the cost of
/// grading does not depend on which options are right.
/// </summary>
[Config(typeof(ShortConfig))]
public class GradingBenchmarks
{
    private const int Students = 1000;
    private static readonly int[] MultiSelect = [4, 9, 13, 17, 20, 24, 27, 30];

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"xai-bench-grading-{Environment.ProcessId}");
    private string csv = null!;
    private QuizKey key = null!;

    /// <summary>Writes the class export: seeded answers, about 80% right per question.</summary>
    [GlobalSetup]
    public void Setup()
    {
        key = new QuizKey("benchmark quiz (invented answers)", Enumerable.Range(1, 30).Select(Question).ToList());
        var random = new Random(42);
        var text = new StringBuilder("student,timestamp,");
        text.AppendJoin(',', Enumerable.Range(1, 30).Select(n => $"Q{n}")).Append('\n');
        for (var s = 0; s < Students; s++)
        {
            text.Append($"s{s:D5},2025-03-14T10:{s % 60:D2}:00Z");
            for (var n = 1; n <= 30; n++)
            {
                text.Append(',').Append(random.NextDouble() < 0.8 ? string.Join(";", Correct(n)) : "B;C");
            }

            text.Append('\n');
        }

        Directory.CreateDirectory(folder);
        csv = Path.Combine(folder, "class.csv");
        File.WriteAllText(csv, text.ToString());
    }

    /// <summary>Removes the class export.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    /// <summary>Read the CSV, grade 1,000 submissions, analyse the items.</summary>
    [Benchmark]
    public GradedBatch Grade1000() => BatchGrader.Grade(key, SubmissionReader.Read([csv]));

    private static IReadOnlyList<string> Correct(int number) =>
        !MultiSelect.Contains(number) ? ["ABCD"[(number - 1) % 4].ToString()] : ["A", "C"];

    private static KeyedQuestion Question(int number) => new(
        number,
        number <= 4 ? "LIME" : number <= 20 ? "images" : "text",
        number <= 20 ? 0.3m : 0.4m,
        $"Question {number}",
        MultiSelect.Contains(number) ? SelectionKind.Multiple : SelectionKind.Single,
        "ABCD".Select(c => new KeyedOption(c.ToString(), $"option {c}")).ToList(),
        Correct(number),
        "invented for the benchmark");
}
