using System.Text;
using FluentAssertions;
using NUnit.Framework;
using XaiReference.Grader.Grading;
using XaiReference.Grader.Submissions;

namespace XaiReference.Specs.Grader;

/// <summary>Reading the JSON and CSV formats, as staff and form tools write them.</summary>
public sealed class SubmissionReadingSpecs
{
    [Test]
    public void The_sample_json_submission_is_read_with_every_answer_form()
    {
        var batch = SubmissionReader.Read([GraderFixtures.Path("sample.json")]);

        batch.Failures.Should().BeEmpty();
        var submission = batch.Submissions.Should().ContainSingle().Subject;
        submission.StudentId.Should().Be("s1001");
        submission.Name.Should().Be("Ada Lovelace");
        submission.SubmittedAt.Should().Be(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero));
        submission.Answers.Should().HaveCount(30);
        submission.Answers[4].Should().Equal("A", "C");
        submission.Answers[9].Should().Equal("B", "D");
        submission.Warnings.Should().BeEmpty();
        BatchGrader.Grade(TestKey.Create(), submission).Total.Should().Be(9.6m, "only question 29 (0.4) is wrong");
    }

    [Test]
    public void The_class_export_is_read_through_its_bom_crlf_and_quoted_fields()
    {
        var batch = SubmissionReader.Read([GraderFixtures.Path("class-export.csv")]);

        batch.Failures.Should().BeEmpty();
        batch.Notes.Should().BeEmpty("Timestamp, Student ID and Name are recognised; Q1..Q30 are questions");
        batch.Submissions.Select(s => s.StudentId).Should().Equal("s2001", "s2002", "s2003", "s2002", "s2004");
        batch.Submissions[0].Name.Should().Be("Lovelace, Ada");
        batch.Submissions[1].Name.Should().Be("Grace \"Amazing\" Hopper");
        batch.Submissions[0].Answers[4].Should().Equal("A", "C");
        batch.Submissions[4].Answers.Should().NotContainKey(6, "s2004 left question 6 blank");
        batch.Submissions[0].Source.Should().EndWith("class-export.csv:line 2");
    }

    [Test]
    public void The_class_export_grades_as_its_readme_says()
    {
        var batch = SubmissionReader.Read([GraderFixtures.Path("class-export.csv")]);

        var graded = BatchGrader.Grade(TestKey.Create(), batch);

        graded.Graded.Select(g => (g.Submission.StudentId, g.Total)).Should().Equal(
            ("s2001", 10m), ("s2002", 9.6m), ("s2003", 8.5m), ("s2004", 9.3m));
        graded.Superseded.Should().ContainSingle().Which.Source.Should().EndWith(":line 3");
    }

    [TestCase("A", new[] { "A" })]
    [TestCase("a; c", new[] { "A", "C" })]
    [TestCase("C,A", new[] { "A", "C" })]
    [TestCase("B | D", new[] { "B", "D" })]
    [TestCase("A A", new[] { "A" })]
    [TestCase("  ", new string[0])]
    public void Letters_are_read_in_every_usual_form(string text, string[] expected)
    {
        AnswerText.ParseLetters(text).Should().Equal(expected);
    }

    [TestCase("1", 1)]
    [TestCase("Q1", 1)]
    [TestCase("q07", 7)]
    [TestCase("Question 12", 12)]
    [TestCase("Q_30", 30)]
    [TestCase("Q0", null)]
    [TestCase("Score", null)]
    [TestCase("1a", null)]
    public void Question_labels_name_a_question_number(string label, int? expected)
    {
        AnswerText.ParseQuestionLabel(label).Should().Be(expected);
    }

    [Test]
    public void A_semicolon_separated_export_with_tab_free_quoting_and_lf_lines_is_read()
    {
        var folder = GraderFixtures.TemporaryFolder();
        var path = Path.Combine(folder, "semicolons.csv");
        File.WriteAllText(path, "id;Q1;Q2\ns1;\"A;C\";B\ns2;B;\n", new UTF8Encoding(false));

        var batch = SubmissionReader.Read([path]);

        batch.Submissions.Should().HaveCount(2);
        batch.Submissions[0].Answers[1].Should().Equal("A", "C");
        batch.Submissions[1].Answers.Should().ContainKey(1).And.NotContainKey(2);
    }

    [Test]
    public void A_json_file_may_hold_an_array_of_submissions()
    {
        var folder = GraderFixtures.TemporaryFolder();
        var path = Path.Combine(folder, "many.json");
        File.WriteAllText(path, """[ { "student": "a", "answers": { "1": "A" } }, 5, { "answers": {} } ]""");

        var batch = SubmissionReader.Read([path]);

        batch.Submissions.Should().ContainSingle().Which.StudentId.Should().Be("a");
        batch.Failures.Select(f => (f.Source[^3..], f.Error)).Should().Equal(
            ("[1]", "expected a JSON object, got the number 5"),
            ("[2]", "expected a 'student' field with the student's id, got none"));
    }

    [Test]
    public void Files_and_folders_mix_and_folders_are_read_in_ordinal_order()
    {
        var folder = GraderFixtures.TemporaryFolder();
        File.WriteAllText(Path.Combine(folder, "b.json"), """{ "student": "b", "answers": {} }""");
        File.WriteAllText(Path.Combine(folder, "a.json"), """{ "student": "a", "answers": {} }""");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a submission");

        var batch = SubmissionReader.Read([GraderFixtures.Path("sample.json"), folder]);

        batch.Submissions.Select(s => s.StudentId).Should().Equal("s1001", "a", "b");
        batch.Failures.Should().BeEmpty("a folder's other files are not submissions");
    }
}
