namespace XaiReference.Text;

/// <summary>A principal component analysis of N points in D dimensions, kept to K components.</summary>
/// <param name="Mean">The mean point [D] that was subtracted.</param>
/// <param name="Components">K x D: orthonormal rows, largest variance first; each row's entry of largest
/// magnitude is positive (the sign convention that makes the result unique).</param>
/// <param name="ExplainedVariance">[K]: the variance along each component (divided by N - 1), descending.</param>
/// <param name="ExplainedVarianceRatio">[K]: each variance over the total variance of the data.</param>
/// <param name="Projected">N x K: the centred points in component coordinates.</param>
public sealed record PcaResult(
    double[] Mean,
    double[,] Components,
    double[] ExplainedVariance,
    double[] ExplainedVarianceRatio,
    double[,] Projected);
