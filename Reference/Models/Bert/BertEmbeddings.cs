using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiReference.Models.Bert;

/// <summary>
/// Word + position + token type embeddings, then LayerNorm and dropout: the input of layer 1 and the first of
/// the hidden states. A token's vector here depends only on the token id, its position and its segment.
/// </summary>
public sealed class BertEmbeddings : nn.Module<Tensor, Tensor, Tensor>
{
    // Field names are the state-dict names: TorchSharp registers submodules by field name.
#pragma warning disable IDE1006
    private readonly Embedding word_embeddings;
    private readonly Embedding position_embeddings;
    private readonly Embedding token_type_embeddings;
    private readonly LayerNorm LayerNorm;
    private readonly Dropout dropout;
#pragma warning restore IDE1006

    /// <summary>Builds the embeddings of <paramref name="config"/> with fresh weights.</summary>
    /// <param name="config">Vocabulary, position and segment counts, hidden size and LayerNorm epsilon.</param>
    public BertEmbeddings(BertConfig config)
        : base(nameof(BertEmbeddings))
    {
        ArgumentNullException.ThrowIfNull(config);
        word_embeddings = nn.Embedding(config.VocabSize, config.HiddenSize);
        position_embeddings = nn.Embedding(config.MaxPositionEmbeddings, config.HiddenSize);
        token_type_embeddings = nn.Embedding(config.TypeVocabSize, config.HiddenSize);
        LayerNorm = nn.LayerNorm(config.HiddenSize, eps: config.LayerNormEps);
        dropout = nn.Dropout(config.HiddenDropoutProb);
        RegisterComponents();
    }

    /// <summary>The word embedding matrix [vocab, hidden], which a tied masked-LM decoder shares.</summary>
    public Tensor WordEmbeddingWeight => word_embeddings.weight!;

    /// <summary>Embeds a batch of token ids.</summary>
    /// <param name="inputIds">[B, T] int64 token ids.</param>
    /// <param name="tokenTypeIds">[B, T] int64 segment ids (0 for the first text, 1 for the second).</param>
    /// <returns>[B, T, hidden].</returns>
    public override Tensor forward(Tensor inputIds, Tensor tokenTypeIds)
    {
        using var scope = NewDisposeScope();

        // Positions 0..T-1, shared by every row of the batch: [1, T].
        var positionIds = arange(inputIds.shape[1], dtype: ScalarType.Int64, device: inputIds.device).unsqueeze(0);
        var sum = word_embeddings.call(inputIds) + token_type_embeddings.call(tokenTypeIds)
            + position_embeddings.call(positionIds);
        var normalized = LayerNorm.call(sum);
        return (training ? dropout.call(normalized) : normalized).MoveToOuterDisposeScope();
    }
}
