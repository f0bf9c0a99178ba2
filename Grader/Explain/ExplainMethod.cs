namespace XaiReference.Grader.Explain;

/// <summary>
/// The methods <c>grader explain</c> runs; each writes files named by <see cref="ExplainMethods.FileStem"/>.
/// </summary>
public enum ExplainMethod
{
    /// <summary>Vanilla gradient saliency.</summary>
    Saliency,

    /// <summary>SmoothGrad: gradients averaged over noisy copies.</summary>
    SmoothGrad,

    /// <summary>Integrated Gradients from a black baseline.</summary>
    IntegratedGradients,

    /// <summary>LIME on SLIC superpixels.</summary>
    Lime,

    /// <summary>One filter's activation maps and activation maximisation.</summary>
    Filters,
}
