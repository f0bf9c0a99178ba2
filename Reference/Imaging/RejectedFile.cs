namespace XaiReference.Imaging;

/// <summary>A file or folder a scan did not take, and why.</summary>
/// <param name="Path">The file or folder.</param>
/// <param name="Reason">Why it was not taken.</param>
public sealed record RejectedFile(string Path, string Reason);
