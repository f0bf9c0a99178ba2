using FluentAssertions;
using NUnit.Framework;
using XaiReference.Imaging;

namespace XaiReference.Specs.Imaging;

/// <summary>Both course layouts give labelled entries in a stable order, and misnamed files are reported.</summary>
public sealed class PictureFolderSpecs
{
    [Test]
    public void A_flat_folder_takes_labels_from_the_name_prefix_in_label_then_index_order()
    {
        using var folder = new TemporaryFolder();
        foreach (var name in new[] { "3_2.jpg", "0_10.jpg", "10_1.JPG", "0_2.png", "0_9.jpeg" })
        {
            folder.Touch(name);
        }

        var scan = PictureFolders.ScanFlat(folder.Path);

        scan.Entries.Select(e => (e.Label, e.Index, Path.GetFileName(e.Path))).Should().Equal(
            (0, 2, "0_2.png"), (0, 9, "0_9.jpeg"), (0, 10, "0_10.jpg"), (3, 2, "3_2.jpg"), (10, 1, "10_1.JPG"));
        scan.Rejected.Should().BeEmpty();
    }

    [Test]
    public void A_flat_folder_reports_every_misnamed_file_with_a_reason()
    {
        using var folder = new TemporaryFolder();
        folder.Touch("1_1.jpg");
        folder.Touch("readme.txt");
        folder.Touch("11_4.jpg");
        folder.Touch("3_x.jpg");
        folder.Touch("5_7.gif");
        folder.Touch("1_1.png");
        folder.Touch("nested/2_2.jpg");

        var scan = PictureFolders.ScanFlat(folder.Path);

        scan.Entries.Select(e => Path.GetFileName(e.Path)).Should().Equal("1_1.jpg");
        scan.Rejected.Select(r => Path.GetFileName(r.Path)).Should().Equal(
            "11_4.jpg", "1_1.png", "3_x.jpg", "5_7.gif", "nested", "readme.txt");
        scan.Rejected.Single(r => r.Path.EndsWith("11_4.jpg")).Reason.Should().Contain("0 .. 10").And.Contain("'11'");
        scan.Rejected.Single(r => r.Path.EndsWith("1_1.png")).Reason.Should().Contain("1_1.jpg");
        scan.Rejected.Single(r => r.Path.EndsWith("readme.txt")).Reason.Should().Contain("<label>_<index>");
    }

    [Test]
    public void Class_folders_named_with_two_digits_or_one_give_their_labels()
    {
        using var folder = new TemporaryFolder();
        folder.Touch("00/0_5.jpg");
        folder.Touch("00/0_1.jpg");
        folder.Touch("03/3_0.jpg");
        folder.Touch("10/10_2.jpg");
        folder.Touch("7/7_4.jpg");

        var scan = PictureFolders.ScanPerClass(folder.Path);

        scan.Entries.Select(e => (e.Label, e.Index)).Should().Equal((0, 1), (0, 5), (3, 0), (7, 4), (10, 2));
        scan.Entries.Should().OnlyContain(e => Path.GetFileName(Path.GetDirectoryName(e.Path)!).TrimStart('0') ==
            (e.Label == 0 ? string.Empty : e.Label.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        scan.Rejected.Should().BeEmpty();
    }

    [Test]
    public void Class_folders_report_strays_mismatches_and_unknown_folders()
    {
        using var folder = new TemporaryFolder();
        folder.Touch("02/2_1.jpg");
        folder.Touch("02/5_1.jpg");
        folder.Touch("02/thumbs.db");
        folder.Touch("02/deeper/2_9.jpg");
        folder.Touch("11/11_0.jpg");
        folder.Touch("unlabeled/00001.jpg");
        folder.Touch("4_4.jpg");

        var scan = PictureFolders.ScanPerClass(folder.Path);

        scan.Entries.Select(e => (e.Label, e.Index)).Should().Equal((2, 1));
        var reasons = scan.Rejected.ToDictionary(r => Path.GetRelativePath(folder.Path, r.Path), r => r.Reason);
        reasons.Keys.Should().BeEquivalentTo(
            "02/5_1.jpg", "02/thumbs.db", "02/deeper", "11", "unlabeled", "4_4.jpg");
        reasons["02/5_1.jpg"].Should().Contain("label 5").And.Contain("class folder 2");
        reasons["11"].Should().Contain("'11'");
        reasons["4_4.jpg"].Should().Contain("outside the class folders");
    }

    [Test]
    public void A_missing_folder_is_refused_naming_it()
    {
        var act = () => PictureFolders.ScanFlat("/no/such/folder");

        act.Should().Throw<DirectoryNotFoundException>().WithMessage("*'/no/such/folder'*");
    }
}
