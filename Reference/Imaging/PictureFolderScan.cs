namespace XaiReference.Imaging;

/// <summary>What a folder scan found.</summary>
/// <param name="Entries">Pictures ordered by label, then index, then path (ordinal).</param>
/// <param name="Rejected">Files and folders that do not follow the naming, ordered by path (ordinal).</param>
public sealed record PictureFolderScan(IReadOnlyList<PictureEntry> Entries, IReadOnlyList<RejectedFile> Rejected);
