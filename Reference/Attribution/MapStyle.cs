namespace XaiReference.Attribution;

/// <summary>How attributions [N, C, H, W] become the display map [N, H, W].</summary>
/// <param name="Reduction">How channels are folded into one.</param>
/// <param name="Normalization">Whether, and before or after the reduction, each picture is min-max normalised.</param>
public sealed record MapStyle(ChannelReduction Reduction, MapNormalization Normalization);
