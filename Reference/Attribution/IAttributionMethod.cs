using static TorchSharp.torch;

namespace XaiReference.Attribution;

/// <summary>An attribution method bound to one classifier: explains pictures for chosen classes.</summary>
public interface IAttributionMethod
{
    /// <summary>A short name for progress reports and captions, e.g. "Saliency".</summary>
    string Name { get; }

    /// <summary>Explains each picture for its target class.</summary>
    /// <param name="inputs">Pictures, [N, C, H, W], finite floats.</param>
    /// <param name="target">One class index per picture, each in [0, K) for a model with K logits.</param>
    /// <returns>Attributions the same shape as <paramref name="inputs"/>, and the display map.</returns>
    AttributionResult Attribute(Tensor inputs, IReadOnlyList<long> target);
}
