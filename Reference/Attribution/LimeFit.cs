namespace XaiReference.Attribution;

/// <summary>
/// LIME's linear surrogate for one class: a weight per superpixel, the intercept, the weighted R^2
/// of the fit on the samples and the surrogate's prediction for the unperturbed picture.
/// </summary>
/// <param name="Target">The class whose score was explained.</param>
/// <param name="Weights">One weight per superpixel, indexed by segment label.</param>
/// <param name="Intercept">The surrogate's intercept.</param>
/// <param name="Score">Weighted R^2 of the surrogate on the samples (lime's <c>score</c>).</param>
/// <param name="LocalPrediction">The surrogate at the all-on sample (lime's <c>local_pred</c>).</param>
public sealed record LimeFit(
    int Target,
    IReadOnlyList<double> Weights,
    double Intercept,
    double Score,
    double LocalPrediction)
{
    /// <summary>Superpixels by decreasing absolute weight (lime's <c>local_exp</c> order).</summary>
    public IReadOnlyList<(int Segment, double Weight)> Ranked { get; } =
        Weights.Select((w, s) => (Segment: s, Weight: w))
            .OrderByDescending(f => Math.Abs(f.Weight))
            .ThenBy(f => f.Segment)
            .ToArray();
}
