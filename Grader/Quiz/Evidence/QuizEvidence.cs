namespace XaiReference.Grader.Quiz.Evidence;

/// <summary>All the measurements the quiz's answers are derived from.</summary>
/// <param name="Image">The image methods on the classifier and its ten pictures.</param>
/// <param name="Text">The text methods on the BERT model.</param>
public sealed record QuizEvidence(ImageEvidence Image, TextEvidence Text);
