namespace XaiReference.Models.Bert;

/// <summary>What to do with a text that needs more tokens than the model has positions.</summary>
public enum LengthPolicy
{
    /// <summary>Throw an <see cref="ArgumentException"/> that says how many tokens were needed and allowed.</summary>
    Refuse,

    /// <summary>
    /// Drop word pieces from the end (of the longer text first, for a pair) and add a warning to
    /// <see cref="BertEncoding.Warnings"/>.
    /// </summary>
    Truncate,
}
