namespace XaiReference.Imaging;

/// <summary>A picture file named in the course's <c>&lt;label&gt;_&lt;index&gt;.jpg</c> scheme.</summary>
/// <param name="Path">The file.</param>
/// <param name="Label">The food-11 label, 0 .. 10.</param>
/// <param name="Index">The number after the underscore.</param>
public sealed record PictureEntry(string Path, int Label, int Index);
