namespace XaiReference.Imaging;

/// <summary>One picture of a contact sheet with up to two caption lines.</summary>
/// <param name="Rgb">Row-major RGB bytes, channels last (HWC): Width * Height * 3.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Caption">The first line, e.g. "3: Egg".</param>
/// <param name="Detail">An optional second line, e.g. "predicted Egg (97%)".</param>
public sealed record ContactSheetItem(
    ReadOnlyMemory<byte> Rgb,
    int Width,
    int Height,
    string Caption,
    string? Detail = null);
