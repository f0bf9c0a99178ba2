namespace XaiReference.Attribution;

/// <summary>
/// How the path integral of Integrated Gradients is approximated from n evaluations; the names and
/// node placements follow the Integrated Gradients literature and Captum.
/// </summary>
public enum QuadratureRule
{
    /// <summary>Nodes k/n for k = 0..n-1, weights 1/n. The course's rule (it never evaluates alpha = 1).</summary>
    RiemannLeft,

    /// <summary>Nodes k/n for k = 1..n, weights 1/n.</summary>
    RiemannRight,

    /// <summary>Nodes (k + 1/2)/n for k = 0..n-1, weights 1/n.</summary>
    RiemannMiddle,

    /// <summary>Nodes k/(n-1) for k = 0..n-1, weights 1/(n-1) with halves at both ends; needs n >= 2.</summary>
    RiemannTrapezoid,

    /// <summary>
    /// Gauss-Legendre nodes and weights of order n mapped from [-1, 1] to [0, 1]: exact for polynomials
    /// of degree up to 2n - 1.
    /// </summary>
    GaussLegendre,
}
