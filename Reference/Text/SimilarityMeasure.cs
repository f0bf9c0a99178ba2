namespace XaiReference.Text;

/// <summary>Which comparison of word vectors a figure shows.</summary>
public enum SimilarityMeasure
{
    /// <summary>Cosine similarity (1 = same direction).</summary>
    CosineSimilarity,

    /// <summary>Euclidean distance (0 = same vector).</summary>
    Euclidean,
}
