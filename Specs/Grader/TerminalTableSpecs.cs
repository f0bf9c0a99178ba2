using System.Text;
using FluentAssertions;
using NUnit.Framework;
using Spectre.Console.Testing;
using XaiReference.Grader.Grading;
using XaiReference.Grader.Reports;
using XaiReference.Grader.Submissions;

namespace XaiReference.Specs.Grader;

/// <summary>
/// The terminal table, rendered by Spectre.Console's TestConsole at a fixed width and compared with an accepted
/// snapshot (Snapshots/*.verified.txt). A difference writes *.received.txt beside it to compare; accept a change
/// by reading it and renaming it, never by editing the verified file.
/// </summary>
public sealed class TerminalTableSpecs
{
    [Test]
    public void The_student_table_for_the_class_export_and_bad_inputs_matches_its_snapshot()
    {
        // Paths relative to the test directory, so that sources read the same on every machine.
        string[] paths = ["class-export.csv", "bad/empty.json", "bad/option-outside.json"];
        var batch = BatchGrader.Grade(
            TestKey.Create(),
            SubmissionReader.Read(paths.Select(p =>
                Path.GetRelativePath(Environment.CurrentDirectory, GraderFixtures.Path(p)))));
        var console = new TestConsole().Width(110);

        console.Write(ResultTables.Students(batch));

        Verify("StudentTable", console.Output);
    }

    private static void Verify(string name, string actual)
    {
        var folder = Path.Combine(GraderFixtures.Folder, "..", "..", "Specs", "Grader", "Snapshots");
        var verified = Path.Combine(folder, $"{name}.verified.txt");
        var received = Path.Combine(folder, $"{name}.received.txt");
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);

        if (File.Exists(verified) && File.ReadAllText(verified, Encoding.UTF8) == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(received, actual, new UTF8Encoding(false));
        File.Exists(verified).Should().BeTrue($"a snapshot is accepted by renaming {received} to {verified}");
        actual.Should().Be(File.ReadAllText(verified, Encoding.UTF8), $"the table changed; see {received}");
    }
}
