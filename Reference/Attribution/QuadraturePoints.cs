namespace XaiReference.Attribution;

/// <summary>
/// Nodes in [0, 1] and their weights: the integral over [0, 1] of g is about the sum of w_k g(alpha_k).
/// </summary>
/// <param name="Alphas">The nodes, ascending, each in [0, 1].</param>
/// <param name="Weights">One weight per node; they sum to 1.</param>
public sealed record QuadraturePoints(IReadOnlyList<double> Alphas, IReadOnlyList<double> Weights);
