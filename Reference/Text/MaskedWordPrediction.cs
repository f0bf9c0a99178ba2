namespace XaiReference.Text;

/// <summary>One candidate for a masked position.</summary>
/// <param name="Token">The vocabulary entry.</param>
/// <param name="Id">Its id.</param>
/// <param name="Probability">Softmax probability over the whole vocabulary at that position.</param>
public sealed record MaskedWordPrediction(string Token, int Id, double Probability);
