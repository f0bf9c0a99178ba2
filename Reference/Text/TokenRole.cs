namespace XaiReference.Text;

/// <summary>What a token of a question/context pair is, for colouring and for distances.</summary>
public enum TokenRole
{
    /// <summary>[CLS] or [SEP].</summary>
    Special,

    /// <summary>A token of the question.</summary>
    Question,

    /// <summary>A token of the context outside the answer.</summary>
    Context,

    /// <summary>A token of the answer span.</summary>
    Answer,
}
