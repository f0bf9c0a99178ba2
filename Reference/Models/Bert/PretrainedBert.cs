namespace XaiReference.Models.Bert;

/// <summary>
/// A loaded BERT: configuration, weights, tokenizer and what loading found. Dispose to free the weights.
/// </summary>
public sealed class PretrainedBert : IDisposable
{
    internal PretrainedBert(BertModel model, BertTextTokenizer tokenizer, BertLoadReport report)
    {
        Model = model;
        Tokenizer = tokenizer;
        Report = report;
    }

    /// <summary>The model's configuration.</summary>
    public BertConfig Config => Model.Config;

    /// <summary>The model, in eval mode.</summary>
    public BertModel Model { get; }

    /// <summary>The tokenizer of the model's vocabulary and options.</summary>
    public BertTextTokenizer Tokenizer { get; }

    /// <summary>Unused keys, skipped buffers and the parts found.</summary>
    public BertLoadReport Report { get; }

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}
