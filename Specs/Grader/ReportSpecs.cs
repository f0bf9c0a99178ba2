using FluentAssertions;
using NUnit.Framework;
using Spectre.Console.Testing;
using XaiReference.Grader.Commands;
using XaiReference.Grader.Grading;
using XaiReference.Grader.Quiz;
using XaiReference.Grader.Reports;

namespace XaiReference.Specs.Grader;

/// <summary>The files the grade command writes: complete, atomic, and the same bytes on every run.</summary>
public sealed class ReportSpecs
{
    private sealed record FixedKey(QuizKey Key) : IKeySource
    {
        public QuizKey GetKey() => Key;
    }

    private static int Grade(string output, bool reveal = false, bool partial = false)
    {
        var command = new GradeCommand(new FixedKey(TestKey.Create()), new TestConsole());
        return command.Run(new GradeCommand.Settings
        {
            Paths = new[] { "sample.json", "class-export.csv", "bad" }.Select(GraderFixtures.Path).ToArray(),
            Out = output,
            Reveal = reveal,
            PartialCredit = partial,
        });
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    [Test]
    public void Re_running_a_batch_gives_byte_identical_files()
    {
        var first = GraderFixtures.TemporaryFolder();
        var second = GraderFixtures.TemporaryFolder();

        Grade(first).Should().Be(0);
        var before = Snapshot(first);
        Grade(first);
        Grade(second);

        var again = Snapshot(first);
        var elsewhere = Snapshot(second);
        again.Keys.Should().BeEquivalentTo(before.Keys, "re-running leaves no temporary files behind");
        foreach (var (name, bytes) in before)
        {
            again[name].Should().Equal(bytes, $"{name} is rewritten with the same bytes");
            elsewhere[name].Should().Equal(bytes, $"{name} does not depend on where it is written");
        }
    }

    [Test]
    public void The_outputs_are_a_gradebook_an_item_analysis_and_one_feedback_file_per_student()
    {
        var folder = GraderFixtures.TemporaryFolder();

        Grade(folder);

        var files = Snapshot(folder).Keys.Select(k => k.Replace('\\', '/')).ToList();
        files.Should().Contain(["gradebook.csv", "item-analysis.csv", "feedback/s1001.md", "feedback/s2002.md"]);
        var gradebook = File.ReadAllLines(Path.Combine(folder, "gradebook.csv"));
        gradebook[0].Should().StartWith("student,name,total,max,Q1,Q2,")
            .And.EndWith(",Q30,source,submitted_at,warnings,error");
        gradebook.Should().Contain(l => l.StartsWith("s2001,\"Lovelace, Ada\",10,10,0.3,", StringComparison.Ordinal));
        File.ReadAllLines(Path.Combine(folder, "item-analysis.csv"))[0]
            .Should().Be("question,section,points,students,share_correct,discrimination,flag");
    }

    [Test]
    public void Feedback_names_the_wrong_questions_and_shows_the_correct_options_only_when_revealed()
    {
        var hidden = GraderFixtures.TemporaryFolder();
        var revealed = GraderFixtures.TemporaryFolder();

        Grade(hidden);
        Grade(revealed, reveal: true);

        var plain = File.ReadAllText(Path.Combine(hidden, "feedback", "s1001.md"));
        var shown = File.ReadAllText(Path.Combine(revealed, "feedback", "s1001.md"));
        plain.Should().Contain("### Question 29 (embedding analysis): 0 of 0.4")
            .And.Contain("- You chose: C (option C of question 29)")
            .And.NotContain("Correct:");
        shown.Should().Contain("- Correct: A (option A of question 29)");
        plain.Should().NotContain("### Question 28", "question 28 is right");
    }

    [Test]
    public void The_sample_students_feedback_file_matches_its_snapshot()
    {
        // sample.json against the TEST key: every question right but 29 (fixtures/submissions/README.md).
        var folder = GraderFixtures.TemporaryFolder();

        Grade(folder);

        Support.Snapshot.VerifyText(File.ReadAllText(Path.Combine(folder, "feedback", "s1001.md")), "md");
    }

    [Test]
    public void Text_from_students_cannot_become_a_spreadsheet_formula_or_a_path()
    {
        ReportText.CsvField("=HYPERLINK(\"x\")", fromStudent: true).Should().Be("\"'=HYPERLINK(\"\"x\"\")\"");
        ReportText.CsvField("-1", fromStudent: false).Should().Be("-1", "numbers written by the grader stay numbers");
        FeedbackMarkdown.FileName("../../etc/passwd").Should().MatchRegex("^_.*-[0-9a-f]{8}\\.md$")
            .And.NotContain("/");
        FeedbackMarkdown.FileName("a b").Should().NotBe(FeedbackMarkdown.FileName("a_b"), "a hash keeps them apart");
        FeedbackMarkdown.FileName("s1001").Should().Be("s1001.md");
    }

    [TestCase(new[] { 1, 3, 4, 5, 9 }, "1, 3-5, 9")]
    [TestCase(new[] { 2, 3 }, "2, 3")]
    [TestCase(new[] { 30, 29, 28, 1 }, "1, 28-30")]
    [TestCase(new int[0], "")]
    public void Question_lists_shorten_runs_of_three_or_more(int[] numbers, string expected)
    {
        ReportText.Ranges(numbers).Should().Be(expected);
    }

    [Test]
    public void An_atomic_write_replaces_the_whole_file_and_leaves_no_temporary_file()
    {
        var folder = GraderFixtures.TemporaryFolder();
        var path = Path.Combine(folder, "deep", "out.txt");

        AtomicFile.WriteAllText(path, "a long first version");
        AtomicFile.WriteAllText(path, "short");

        File.ReadAllText(path).Should().Be("short");
        Directory.GetFiles(Path.Combine(folder, "deep")).Should().ContainSingle();
    }

    [Test]
    public void Without_a_key_the_grade_command_says_to_pass_one_and_writes_nothing()
    {
        var folder = GraderFixtures.TemporaryFolder();
        var console = new TestConsole();

        var exit = new GradeCommand(new MissingKeySource(), console).Run(
            new GradeCommand.Settings { Paths = [GraderFixtures.Path("sample.json")], Out = folder });

        exit.Should().Be(2);
        console.Output.Should().Contain("no key: pass --key <key.json>");
        Directory.EnumerateFileSystemEntries(folder).Should().BeEmpty();
    }
}
