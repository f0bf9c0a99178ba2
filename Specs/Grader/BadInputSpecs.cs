using System.Text;
using FluentAssertions;
using NUnit.Framework;
using XaiReference.Grader.Grading;
using XaiReference.Grader.Reports;
using XaiReference.Grader.Submissions;

namespace XaiReference.Specs.Grader;

/// <summary>
/// Bad input never loses a submission and never stops a batch: each of fixtures/submissions/bad/ gives a row with
/// its error or warning, and the good files around it are graded.
/// </summary>
public sealed class BadInputSpecs
{
    // The bad folder is read with a 64 KiB limit so that oversized.json (71,728 bytes) is over it.
    private static readonly SubmissionReaderOptions SmallLimit = new(MaxFileBytes: 64 * 1024);

    private static GradedBatch GradeBadFolderBetweenGoodFiles() => BatchGrader.Grade(
        TestKey.Create(),
        SubmissionReader.Read(
            [GraderFixtures.Path("sample.json"), GraderFixtures.Path("bad"), GraderFixtures.Path("class-export.csv")],
            SmallLimit));

    private static SubmissionFailure Failure(GradedBatch batch, string file) =>
        batch.Failures.Should().ContainSingle(f => f.Source.Contains(file)).Subject;

    private static GradedSubmission Graded(GradedBatch batch, string student) =>
        batch.Graded.Should().ContainSingle(g => g.Submission.StudentId == student).Subject;

    [Test]
    public void The_good_files_around_the_bad_ones_are_all_graded()
    {
        var batch = GradeBadFolderBetweenGoodFiles();

        batch.Graded.Select(g => g.Submission.StudentId).Should().Contain(
            ["s1001", "s2001", "s2002", "s2003", "s2004"]);
        Graded(batch, "s1001").Total.Should().Be(9.6m);
    }

    [TestCase("malformed.json", "the file is not valid JSON: *LineNumber: 3*")]
    [TestCase("unterminated-quote.csv", "the row is malformed: a quoted field opened on line 2 is never closed")]
    [TestCase("empty.json", "the file is empty (0 bytes)")]
    [TestCase("latin1.csv", "the file is not valid UTF-8: byte 0xE9 at offset 25 *")]
    [TestCase("oversized.json", "the file is 71,728 bytes, over the limit of 65,536; not read")]
    [TestCase("no-student-column.csv", "no student id column: expected a header named*got 'name', 'Q1', 'Q2'")]
    [TestCase("not-an-object.json", "expected a JSON object (or an array of them), got text")]
    [TestCase("header-only.csv", "the CSV has a header but no rows")]
    [TestCase("binary.json", "the file is not valid UTF-8: byte 0x89 at offset 0 *")]
    public void An_unreadable_file_becomes_a_failure_row_with_its_reason(string file, string error)
    {
        var batch = GradeBadFolderBetweenGoodFiles();

        Failure(batch, file).Error.Should().Match(error);
        GradebookCsv.Render(batch).Should().Contain(file, "the gradebook keeps a row for it");
    }

    [Test]
    public void Unknown_questions_and_labels_are_reported_and_the_rest_graded()
    {
        var graded = Graded(GradeBadFolderBetweenGoodFiles(), "s3003");

        graded.Warnings.Should().Contain("answer label 'bonus' names no question (expected like '1' or 'Q1'); ignored");
        graded.Warnings.Should().Contain("question 31 is not in the key; its answer is ignored");
        graded.Total.Should().Be(0.3m, "question 1 is right");
    }

    [Test]
    public void Options_outside_the_question_count_as_wrong_and_are_reported()
    {
        var graded = Graded(GradeBadFolderBetweenGoodFiles(), "s3004");

        graded.Warnings.Should().Contain(w => w.StartsWith("question 1: F is not an option (options A, B, C, D)"));
        graded.Warnings.Should().Contain(w => w.StartsWith("question 2: E is not an option"));
        graded.Warnings.Should().Contain(w => w.StartsWith("question 3: expected letters"));
        graded.Results[1].Picks.Should().Equal("B", "E");
        graded.Total.Should().Be(0m);
    }

    [Test]
    public void Missing_answers_score_zero_and_are_listed()
    {
        var graded = Graded(GradeBadFolderBetweenGoodFiles(), "s3007");

        graded.Total.Should().Be(0.3m);
        graded.Warnings.Should().Contain("no answer to questions 2-30 (scored 0)");
    }

    [Test]
    public void Duplicate_rows_keep_the_latest_and_say_which_were_replaced()
    {
        var batch = GradeBadFolderBetweenGoodFiles();

        var timed = Graded(batch, "s3005");
        timed.Submission.Source.Should().EndWith("duplicate-rows.csv:line 3", "13:00 is later than 12:00");
        timed.Warnings.Should().Contain(w => w.StartsWith("2 submissions; this one counts by the latest timestamp"));
        var untimed = Graded(batch, "s3006");
        untimed.Submission.Source.Should().EndWith("duplicate-rows.csv:line 5", "without timestamps the later row");
        untimed.Warnings.Should().Contain(w => w.Contains("by the order read"));
    }

    [Test]
    public void A_file_one_byte_over_the_default_limit_of_5_MiB_is_not_read()
    {
        var folder = GraderFixtures.TemporaryFolder();
        var path = Path.Combine(folder, "huge.json");
        var bytes = Encoding.ASCII.GetBytes("{\"student\":\"x\",\"answers\":{}}" + new string(' ', 5 * 1024 * 1024));
        File.WriteAllBytes(path, bytes.AsSpan(0, 5 * 1024 * 1024 + 1).ToArray());

        var batch = SubmissionReader.Read([path]);

        batch.Failures.Should().ContainSingle().Which.Error.Should().StartWith("the file is 5,242,881 bytes");
    }

    [Test]
    public void A_path_that_does_not_exist_and_a_file_of_another_type_are_failures_not_crashes()
    {
        var folder = GraderFixtures.TemporaryFolder();
        var text = Path.Combine(folder, "answers.txt");
        File.WriteAllText(text, "A, B, C");

        var batch = SubmissionReader.Read([Path.Combine(folder, "missing.json"), text]);

        batch.Failures.Select(f => f.Error).Should().Equal(
            "no such file or folder", "expected a .json or .csv file, got '.txt'");
    }

    [Test]
    public void A_utf16_file_with_a_byte_order_mark_is_read()
    {
        var folder = GraderFixtures.TemporaryFolder();
        var path = Path.Combine(folder, "utf16.csv");
        File.WriteAllText(path, "student,Q1\ns1,A\n", new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        SubmissionReader.Read([path]).Submissions.Should().ContainSingle().Which.Answers[1].Should().Equal("A");
    }
}
