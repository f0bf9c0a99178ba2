using XaiReference.Grader.Quiz.Evidence;

namespace XaiReference.Grader.Quiz.Questions;

/// <summary>
/// The quiz written for this project, in the course's sections and weights. Its correct options come from
/// <see cref="Derive"/>, never from typed-in answers.
/// </summary>
public static class CourseQuiz
{
    /// <summary>The title of the derived key.</summary>
    public const string Title = "XaiReference quiz on the fixture classifier and the default BERT";

    /// <summary>Every question, in order.</summary>
    public static IReadOnlyList<QuizQuestion> Questions { get; } =
        LimeQuestions.All()
            .Concat(SaliencyQuestions.All())
            .Concat(SmoothGradQuestions.All())
            .Concat(FilterQuestions.All())
            .Concat(IntegratedGradientsQuestions.All())
            .Concat(AttentionQuestions.All())
            .Concat(EmbeddingQuestions.All())
            .ToArray();

    /// <summary>Derives every question's correct options from the evidence.</summary>
    /// <exception cref="QuestionDerivationException">
    /// A rule gives no answer on this evidence; names the question.
    /// </exception>
    public static QuizKey Derive(QuizEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var keyed = new List<KeyedQuestion>();
        foreach (var question in Questions)
        {
            try
            {
                keyed.Add(question.ToKeyed(evidence));
            }
            catch (QuestionDerivationException e)
            {
                throw new QuestionDerivationException(
                    $"question {question.Number} ({question.Section}): {e.Message}", e);
            }
        }

        return new QuizKey(Title, keyed).Validate();
    }
}
