using XaiReference.Grader.Quiz;

namespace XaiReference.Grader.Grading;

/// <summary>
/// Where the grade and gradescope commands get the answer key when no <c>--key</c> file is given. The course's
/// implementation derives the key from the reference implementation; <see cref="MissingKeySource"/> stands in
/// until it is registered in <c>Program.cs</c>.
/// </summary>
public interface IKeySource
{
    /// <summary>Returns a validated key.</summary>
    /// <exception cref="QuizKeyException">No key can be had; the message tells course staff what to do.</exception>
    QuizKey GetKey();
}
