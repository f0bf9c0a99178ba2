namespace XaiReference.Text;

/// <summary>How well one layer's vectors of an ambiguous word separate its meanings.</summary>
/// <param name="Layer">0 for the embedding output, i for layer i.</param>
/// <param name="WithinSimilarity">Mean cosine similarity over pairs of sentences with the same meaning.</param>
/// <param name="AcrossSimilarity">Mean cosine similarity over pairs with different meanings.</param>
/// <param name="WithinDistance">Mean Euclidean distance over pairs with the same meaning.</param>
/// <param name="AcrossDistance">Mean Euclidean distance over pairs with different meanings.</param>
public sealed record LayerSeparation(
    int Layer,
    double WithinSimilarity,
    double AcrossSimilarity,
    double WithinDistance,
    double AcrossDistance)
{
    /// <summary>WithinSimilarity - AcrossSimilarity: above 0 when same-meaning uses are closer in direction.</summary>
    public double Separation => WithinSimilarity - AcrossSimilarity;
}
