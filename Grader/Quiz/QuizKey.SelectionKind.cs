namespace XaiReference.Grader.Quiz;

/// <summary>How many options a question lets a student choose.</summary>
public enum SelectionKind
{
    /// <summary>Exactly one option (radio buttons); the key has exactly one correct letter.</summary>
    Single,

    /// <summary>Any number of options (check boxes); the key has one or more correct letters.</summary>
    Multiple,
}
