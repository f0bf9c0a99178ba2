using static TorchSharp.torch;

namespace XaiReference.Attribution;

/// <summary>
/// What every attribution method returns: the explained inputs, the class each was explained for,
/// one attribution per input element, a single-channel picture for display, and, where the method
/// has one, the gap by which the attributions miss the completeness axiom.
/// </summary>
/// <remarks>
/// The result owns <see cref="Attributions"/>, <see cref="Map"/> and <see cref="ConvergenceDelta"/>
/// and disposes them with itself; <see cref="Inputs"/> is the caller's tensor and is left alone.
/// The tensors are created in the caller's current dispose scope, if any.
/// </remarks>
public sealed class AttributionResult : IDisposable
{
    /// <summary>Creates a result; the methods of this namespace are its only intended producers.</summary>
    /// <param name="inputs">The explained pictures, [N, C, H, W].</param>
    /// <param name="target">The class explained for each picture, N entries.</param>
    /// <param name="attributions">One value per input element, [N, C, H, W].</param>
    /// <param name="map">The display picture, [N, H, W].</param>
    /// <param name="convergenceDelta">[N] completeness gaps, or null where the method has none.</param>
    public AttributionResult(
        Tensor inputs,
        IReadOnlyList<long> target,
        Tensor attributions,
        Tensor map,
        Tensor? convergenceDelta = null)
    {
        Inputs = inputs;
        Target = target;
        Attributions = attributions;
        Map = map;
        ConvergenceDelta = convergenceDelta;
    }

    /// <summary>The explained pictures as the caller passed them, [N, C, H, W] (not copied, not owned).</summary>
    public Tensor Inputs { get; }

    /// <summary>The class index explained for each picture, one per row of <see cref="Inputs"/>.</summary>
    public IReadOnlyList<long> Target { get; }

    /// <summary>
    /// The attributions, always the same shape as <see cref="Inputs"/>: element [n, c, h, w] says how much
    /// input element [n, c, h, w] contributes, in the sense the producing method defines. Never normalised:
    /// normalisation, where a variant asks for it, only shapes <see cref="Map"/>.
    /// </summary>
    public Tensor Attributions { get; }

    /// <summary>
    /// The single-channel picture the variant displays, [N, H, W]: the attributions reduced over channels
    /// and min-max normalised per picture where the variant does so (see <see cref="MapStyle"/>).
    /// </summary>
    public Tensor Map { get; }

    /// <summary>
    /// For methods with a completeness axiom (Integrated Gradients multiplied by the inputs): per picture,
    /// the sum of its attributions minus (F(input) - F(baseline)) for the target logit F, shape [N].
    /// Null where the method or variant promises no completeness.
    /// </summary>
    public Tensor? ConvergenceDelta { get; }

    /// <summary>Releases the tensors this result owns (not <see cref="Inputs"/>).</summary>
    public void Dispose()
    {
        Attributions.Dispose();
        Map.Dispose();
        ConvergenceDelta?.Dispose();
    }
}
