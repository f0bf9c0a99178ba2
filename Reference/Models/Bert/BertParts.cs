namespace XaiReference.Models.Bert;

/// <summary>Optional parts of a <see cref="BertModel"/> beside the embeddings and the encoder.</summary>
[Flags]
public enum BertParts
{
    /// <summary>Only embeddings and encoder (Hugging Face's <c>BertModel(add_pooling_layer=False)</c>).</summary>
    None = 0,

    /// <summary><c>pooler.dense</c>: tanh(dense([CLS] hidden state)).</summary>
    Pooler = 1,

    /// <summary><c>qa_outputs</c>: a [hidden -> 2] projection giving start and end logits per token.</summary>
    QuestionAnswering = 2,

    /// <summary>
    /// <c>cls.predictions</c>: transform (dense, activation, LayerNorm) and decoder to vocabulary logits.
    /// </summary>
    MaskedLm = 4,
}
