namespace XaiReference.Text;

/// <summary>A head ranked by how much a pronoun attends to its noun.</summary>
/// <param name="Layer">0-based layer.</param>
/// <param name="Head">0-based head.</param>
/// <param name="Weight">Attention from the pronoun to the noun (summed over the noun's word pieces).</param>
public sealed record CoreferenceHead(int Layer, int Head, double Weight);
