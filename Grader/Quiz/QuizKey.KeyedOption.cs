namespace XaiReference.Grader.Quiz;

/// <summary>One option of a question.</summary>
/// <param name="Letter">Its letter, a single capital: A, B, C, ...</param>
/// <param name="Text">What the option says.</param>
public sealed record KeyedOption(string Letter, string Text)
{
    /// <summary>Whether <paramref name="letter"/> is a single capital letter A to Z.</summary>
    public static bool IsLetter(string? letter) => letter is { Length: 1 } && letter[0] is >= 'A' and <= 'Z';
}
