using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using Spectre.Console.Testing;
using XaiReference.Grader.Commands;
using XaiReference.Grader.Grading;
using XaiReference.Grader.Quiz;

namespace XaiReference.Specs.Grader;

/// <summary>
/// The autograder mode writes results.json with exactly the fields of Gradescope's autograder specification that
/// it fills, of the documented types: score (number), output (string), visibility and stdout_visibility (one of
/// hidden, after_due_date, after_published, visible), tests (array of objects with score and max_score numbers,
/// name, number, output and visibility strings).
/// </summary>
public sealed class GradescopeSpecs
{
    private sealed record FixedKey(QuizKey Key) : IKeySource
    {
        public QuizKey GetKey() => Key;
    }

    private static (int Exit, JsonElement Results, string Console) Run(
        string submissionFolder,
        IKeySource? keys = null,
        bool reveal = false)
    {
        var results = Path.Combine(GraderFixtures.TemporaryFolder(), "results", "results.json");
        var console = new TestConsole();
        var command = new GradescopeCommand(keys ?? new FixedKey(TestKey.Create()), console);

        var exit = command.Run(new GradescopeCommand.Settings
        {
            Submission = submissionFolder, Results = results, Reveal = reveal,
        });

        using var document = JsonDocument.Parse(File.ReadAllText(results));
        return (exit, document.RootElement.Clone(), console.Output);
    }

    private static string Upload(params (string Name, string Text)[] files)
    {
        var folder = GraderFixtures.TemporaryFolder();
        foreach (var (name, text) in files)
            File.WriteAllText(Path.Combine(folder, name), text);
        return folder;
    }

    [Test]
    public void Results_json_has_exactly_the_documented_fields_with_their_types()
    {
        var (exit, results, _) = Run(Upload(("answers.json", File.ReadAllText(GraderFixtures.Path("sample.json")))));

        exit.Should().Be(0);
        results.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            ["score", "output", "visibility", "stdout_visibility", "tests"]);
        results.GetProperty("score").ValueKind.Should().Be(JsonValueKind.Number);
        results.GetProperty("output").ValueKind.Should().Be(JsonValueKind.String);
        results.GetProperty("visibility").GetString().Should().Be("visible");
        results.GetProperty("stdout_visibility").GetString().Should().Be("hidden");

        var tests = results.GetProperty("tests").EnumerateArray().ToList();
        tests.Should().HaveCount(30);
        foreach (var test in tests)
        {
            test.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
                ["score", "max_score", "name", "number", "output", "visibility"]);
            test.GetProperty("score").ValueKind.Should().Be(JsonValueKind.Number);
            test.GetProperty("max_score").ValueKind.Should().Be(JsonValueKind.Number);
            test.GetProperty("name").ValueKind.Should().Be(JsonValueKind.String);
            test.GetProperty("number").ValueKind.Should().Be(JsonValueKind.String);
            test.GetProperty("output").ValueKind.Should().Be(JsonValueKind.String);
            test.GetProperty("visibility").GetString().Should().Be("visible");
        }
    }

    [Test]
    public void The_score_is_the_sum_of_the_tests_and_a_wrong_question_hides_the_answer_unless_revealed()
    {
        var upload = Upload(("answers.json", File.ReadAllText(GraderFixtures.Path("sample.json"))));

        var (_, hidden, _) = Run(upload);
        var (_, revealed, _) = Run(upload, reveal: true);

        var tests = hidden.GetProperty("tests").EnumerateArray().ToList();
        hidden.GetProperty("score").GetDecimal().Should().Be(9.6m);
        tests.Sum(t => t.GetProperty("score").GetDecimal()).Should().Be(9.6m);
        tests.Sum(t => t.GetProperty("max_score").GetDecimal()).Should().Be(10m);
        tests[28].GetProperty("name").GetString().Should().Be("Question 29 (embedding analysis)");
        tests[28].GetProperty("output").GetString().Should().Be("Not correct: you chose C.");
        revealed.GetProperty("tests")[28].GetProperty("output").GetString()
            .Should().Be("Not correct: you chose C. The correct options are A.");
    }

    [Test]
    public void An_upload_that_cannot_be_read_scores_zero_and_says_why()
    {
        var (exit, results, _) = Run(Upload(("answers.json", "{ not json")));

        exit.Should().Be(0);
        results.GetProperty("score").GetDecimal().Should().Be(0);
        results.GetProperty("output").GetString().Should().Contain("No submission could be read")
            .And.Contain("Could not read answers.json: the file is not valid JSON");
        results.GetProperty("tests").EnumerateArray()
            .Should().OnlyContain(t => t.GetProperty("score").GetDecimal() == 0);
    }

    [Test]
    public void Of_several_uploaded_files_the_latest_counts()
    {
        var (_, results, _) = Run(Upload(
            ("a.json", """{ "student": "me", "submittedAt": "2025-03-14T12:00:00Z", "answers": { "1": "A" } }"""),
            ("b.json", """{ "student": "me", "submittedAt": "2025-03-14T11:00:00Z", "answers": { "1": "B" } }""")));

        results.GetProperty("score").GetDecimal().Should().Be(0.3m, "a.json is later and answers question 1 right");
    }

    [Test]
    public void Without_a_key_it_writes_results_that_blame_the_setup_and_exits_with_1()
    {
        var (exit, results, console) = Run(Upload(("a.json", "{}")), new MissingKeySource());

        exit.Should().Be(1);
        results.GetProperty("score").GetDecimal().Should().Be(0);
        results.GetProperty("output").GetString().Should().Contain("no usable answer key");
        console.Should().Contain("no key: pass --key");
    }
}
