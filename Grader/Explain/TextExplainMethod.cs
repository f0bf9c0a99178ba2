namespace XaiReference.Grader.Explain;

/// <summary>
/// The text methods of <c>grader explain</c>, on a BERT (the embedded all-MiniLM-L6-v2 unless <c>--bert</c>
/// names a Hugging Face folder); each writes files named by <see cref="TextExplainMethods.FileStem"/>.
/// </summary>
public enum TextExplainMethod
{
    /// <summary>The attention maps of one sentence: figure, viewer page, array and head functions.</summary>
    Attention,

    /// <summary>The PCA of every token's hidden state per layer for the question/context/answer examples.</summary>
    Embeddings,

    /// <summary>Distances between an ambiguous word's hidden states in labelled sentences, per layer.</summary>
    Distances,
}
