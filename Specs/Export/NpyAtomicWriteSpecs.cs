using FluentAssertions;
using NUnit.Framework;
using XaiReference.Export;

namespace XaiReference.Specs.Export;

/// <summary>Writes go through a temporary file that is moved into place; nothing else is left behind.</summary>
public sealed class NpyAtomicWriteSpecs
{
    [Test]
    public void Writing_over_an_existing_file_should_replace_it_and_leave_only_that_file()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("labels.npy");
        NpyWriter.Write<int>(path, [1, 2, 3], 3);

        NpyWriter.Write<long>(path, [7, 8], 2);

        NpyReader.Read(path).ToArray<long>().Should().Equal(7L, 8L);
        Directory.GetFiles(folder.Path).Should().Equal(path);
    }

    [Test]
    public void A_refused_write_should_leave_the_earlier_file_untouched()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("labels.npy");
        NpyWriter.Write<int>(path, [1, 2, 3], 3);
        var before = File.ReadAllBytes(path);

        var act = () => NpyWriter.Write<int>(path, [1, 2, 3], 2, 2);

        act.Should().Throw<ArgumentException>();
        File.ReadAllBytes(path).Should().Equal(before);
        Directory.GetFiles(folder.Path).Should().Equal(path);
    }

    [Test]
    public void A_write_whose_move_fails_should_leave_no_temporary_file()
    {
        // The destination is an existing folder, so the final move fails after the data were written.
        using var folder = new TemporaryFolder();
        var path = folder.File("taken");
        Directory.CreateDirectory(path);

        var act = () => NpyWriter.Write<byte>(path, [1], 1);

        act.Should().Throw<IOException>();
        Directory.GetFiles(folder.Path).Should().BeEmpty();
    }

    [Test]
    public void A_missing_folder_should_be_refused_naming_path()
    {
        using var folder = new TemporaryFolder();

        var act = () => NpyWriter.Write<byte>(Path.Combine(folder.Path, "missing", "a.npy"), [1], 1);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "path" && e.Message.Contains("missing"));
    }
}
