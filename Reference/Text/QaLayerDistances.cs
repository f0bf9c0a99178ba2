namespace XaiReference.Text;

/// <summary>Where the answer tokens sit relative to the others at one layer.</summary>
/// <param name="Layer">0 for the embedding output, i for layer i.</param>
/// <param name="AnswerToQuestion">Mean Euclidean distance (full hidden space) over answer-question token pairs.</param>
/// <param name="AnswerToContext">Mean Euclidean distance over pairs of an answer token and a non-answer context
/// token.</param>
/// <param name="ProjectedAnswerToQuestion">The same as <paramref name="AnswerToQuestion"/> in the 2-D PCA plane of
/// this layer.</param>
/// <param name="ProjectedAnswerToContext">The same as <paramref name="AnswerToContext"/> in that plane.</param>
public sealed record QaLayerDistances(
    int Layer,
    double AnswerToQuestion,
    double AnswerToContext,
    double ProjectedAnswerToQuestion,
    double ProjectedAnswerToContext);
