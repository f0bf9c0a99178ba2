using System.Globalization;
using System.Text.RegularExpressions;

namespace XaiReference.Imaging;

/// <summary>
/// Finds the pictures of a food-11 split folder in either of the course's layouts.
/// Files are named <c>&lt;label&gt;_&lt;index&gt;.jpg</c> (also .jpeg or .png, any case).
/// </summary>
/// <remarks>
/// Flat layout (<see cref="ScanFlat"/>): the label comes from the file-name prefix, e.g.
/// <c>validation/3_17.jpg</c>. Per-class layout (<see cref="ScanPerClass"/>): one folder per class named by
/// its number, two digits (<c>00</c> .. <c>10</c>, as in the course's <c>training/labeled/</c>) or plain
/// (<c>0</c> .. <c>10</c>), e.g. <c>training/labeled/03/3_17.jpg</c>; the file-name prefix must agree with
/// the folder. Nothing is dropped silently: whatever does not follow the naming is returned in
/// <see cref="PictureFolderScan.Rejected"/> with a reason. This only lists files; it decodes nothing.
/// </remarks>
public static partial class PictureFolders
{
    /// <summary>Scans a folder whose files carry their label in the name prefix.</summary>
    /// <param name="folder">An existing folder; sub-folders are reported, not entered.</param>
    public static PictureFolderScan ScanFlat(string folder)
    {
        EnsureFolder(folder);

        var entries = new List<PictureEntry>();
        var rejected = new List<RejectedFile>();
        foreach (var directory in Directory.EnumerateDirectories(folder))
        {
            rejected.Add(new RejectedFile(directory, "a folder inside a flat picture folder is not read"));
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            Classify(file, expectedLabel: null, entries, rejected);
        }

        return Finish(entries, rejected);
    }

    /// <summary>Scans a folder with one sub-folder per class (named 00 .. 10 or 0 .. 10).</summary>
    /// <param name="folder">An existing folder such as <c>training/labeled</c>.</param>
    public static PictureFolderScan ScanPerClass(string folder)
    {
        EnsureFolder(folder);

        var entries = new List<PictureEntry>();
        var rejected = new List<RejectedFile>();
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            rejected.Add(new RejectedFile(file, "a file outside the class folders is not read"));
        }

        foreach (var directory in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(directory);
            if (!ClassFolderName().IsMatch(name) || int.Parse(name, CultureInfo.InvariantCulture) > MaxLabel)
            {
                rejected.Add(new RejectedFile(
                    directory, $"expected a class folder named 00 .. {MaxLabel} or 0 .. {MaxLabel}, got '{name}'"));
                continue;
            }

            var label = int.Parse(name, CultureInfo.InvariantCulture);
            foreach (var nested in Directory.EnumerateDirectories(directory))
            {
                rejected.Add(new RejectedFile(nested, "a folder inside a class folder is not read"));
            }

            foreach (var file in Directory.EnumerateFiles(directory))
            {
                Classify(file, label, entries, rejected);
            }
        }

        return Finish(entries, rejected);
    }

    private const int MaxLabel = 10;

    private static void Classify(
        string file,
        int? expectedLabel,
        List<PictureEntry> entries,
        List<RejectedFile> rejected)
    {
        var name = Path.GetFileName(file);
        var match = PictureFileName().Match(name);
        if (!match.Success)
        {
            rejected.Add(new RejectedFile(file, $"expected a name like <label>_<index>.jpg, got '{name}'"));
            return;
        }

        if (!int.TryParse(match.Groups["label"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var label)
            || label > MaxLabel)
        {
            rejected.Add(new RejectedFile(
                file, $"expected a label in 0 .. {MaxLabel}, got '{match.Groups["label"].Value}'"));
            return;
        }

        if (!int.TryParse(match.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            rejected.Add(new RejectedFile(file, $"index '{match.Groups["index"].Value}' does not fit in an int"));
            return;
        }

        if (expectedLabel is { } folderLabel && folderLabel != label)
        {
            rejected.Add(new RejectedFile(
                file, $"label {label} in the name disagrees with class folder {folderLabel}"));
            return;
        }

        entries.Add(new PictureEntry(file, label, index));
    }

    private static PictureFolderScan Finish(List<PictureEntry> entries, List<RejectedFile> rejected)
    {
        var ordered = entries
            .OrderBy(e => e.Label)
            .ThenBy(e => e.Index)
            .ThenBy(e => e.Path, StringComparer.Ordinal)
            .ToList();

        // Two files for one (label, index), e.g. 3_7.jpg and 3_7.png: keep the first, report the others.
        var kept = new List<PictureEntry>();
        foreach (var entry in ordered)
        {
            if (kept.Count > 0 && kept[^1].Label == entry.Label && kept[^1].Index == entry.Index)
            {
                rejected.Add(new RejectedFile(entry.Path, $"same label and index as {kept[^1].Path}"));
                continue;
            }

            kept.Add(entry);
        }

        return new PictureFolderScan(kept, [.. rejected.OrderBy(r => r.Path, StringComparer.Ordinal)]);
    }

    private static void EnsureFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"expected an existing folder, got '{folder}'");
        }
    }

    [GeneratedRegex(@"^(?<label>[0-9]+)_(?<index>[0-9]+)\.(jpg|jpeg|png)$", RegexOptions.IgnoreCase)]
    private static partial Regex PictureFileName();

    [GeneratedRegex("^[0-9]{1,2}$")]
    private static partial Regex ClassFolderName();
}
