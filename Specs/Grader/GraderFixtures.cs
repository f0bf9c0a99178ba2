using NUnit.Framework;
using XaiReference.Grader.Submissions;

namespace XaiReference.Specs.Grader;

/// <summary>Paths to fixtures/submissions and small builders the grader specs share.</summary>
public static class GraderFixtures
{
    public static string Folder { get; } = FindFolder();

    public static string Path(string relative) => System.IO.Path.Combine(Folder, relative);

    public static Submission Make(
        string student,
        IReadOnlyDictionary<int, IReadOnlyList<string>> answers,
        int order = 0,
        DateTimeOffset? at = null) =>
        new(student, null, at, answers, $"made:{student}", order, []);

    /// <summary>A fresh empty folder under the test's temporary directory.</summary>
    public static string TemporaryFolder()
    {
        var folder = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(), "xai-grader-specs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "fixtures", "submissions");
            if (Directory.Exists(candidate))
                return candidate;
        }

        throw new DirectoryNotFoundException("fixtures/submissions: expected above the test directory, found none");
    }
}
