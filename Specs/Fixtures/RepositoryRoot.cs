using NUnit.Framework;

namespace XaiReference.Specs.Fixtures;

/// <summary>Finds the repository's root folder (the one holding XaiReference.sln) from the test's folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
             directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "XaiReference.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"no XaiReference.sln above {TestContext.CurrentContext.TestDirectory}");
    }
}
