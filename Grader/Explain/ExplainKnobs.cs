namespace XaiReference.Grader.Explain;

/// <summary>
/// The settings of one <c>grader explain</c> run. Null knobs take the variant's value (the course's: SmoothGrad
/// 500 samples, LIME 1000 samples, Integrated Gradients 10 steps, 100 activation-maximisation steps).
/// </summary>
/// <param name="Paper">The paper's variants of the gradient methods instead of the course's.</param>
/// <param name="Samples">SmoothGrad's noisy copies and LIME's perturbed samples, or null.</param>
/// <param name="Steps">Integrated Gradients' path points and activation maximisation's Adam steps, or null.</param>
/// <param name="Layer">The index into the classifier's <c>cnn</c> whose output the filter figure reads; 6.</param>
/// <param name="Filter">The channel of that layer; 0.</param>
/// <param name="Seed">Seed of SmoothGrad's noise, LIME's samples and the filter run; 0.</param>
/// <param name="Palette">Write the figures as 256-colour palette PNGs (smaller, slightly lossy).</param>
public sealed record ExplainKnobs(
    bool Paper = false,
    int? Samples = null,
    int? Steps = null,
    int Layer = 6,
    int Filter = 0,
    long Seed = 0,
    bool Palette = false);
