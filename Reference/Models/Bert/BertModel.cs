using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Models.Bert;

/// <summary>
/// A BERT encoder (Devlin et al. 2019, https://arxiv.org/abs/1810.04805) whose forward pass returns every
/// hidden state and every layer's attention probabilities, with optional pooler, question-answering and
/// masked-LM heads.
/// </summary>
/// <remarks>
/// Parameter names are Hugging Face's (<c>embeddings.word_embeddings.weight</c>,
/// <c>encoder.layer.0.attention.self.query.weight</c>, ..., <c>pooler.dense.weight</c>, <c>qa_outputs.weight</c>,
/// <c>cls.predictions.transform.dense.weight</c>), so a state dict of <c>BertModel</c> loads as it is and one of
/// <c>BertForQuestionAnswering</c> or <c>BertForMaskedLM</c> after its <c>bert.</c> prefix is removed
/// (<see cref="BertLoader"/> does both). Linear weights are [out, in] as in PyTorch.
/// </remarks>
public sealed class BertModel : Module<BertBatch, BertOutput>
{
    // Field names are the state-dict names: TorchSharp registers submodules by field name (null ones are absent).
#pragma warning disable IDE1006
    private readonly BertEmbeddings embeddings;
    private readonly BertEncoder encoder;
    private readonly BertDense? pooler;
    private readonly Linear? qa_outputs;
    private readonly BertMaskedLmHead? cls;
#pragma warning restore IDE1006

    /// <summary>
    /// Builds the model with freshly initialised weights (load real ones with <see cref="BertLoader"/>), in eval
    /// mode.
    /// </summary>
    /// <param name="config">Sizes and options; validated here.</param>
    /// <param name="parts">Optional parts to build beside embeddings and encoder; pooler only by default.</param>
    /// <exception cref="InvalidDataException"><paramref name="config"/> is inconsistent.</exception>
    public BertModel(BertConfig config, BertParts parts = BertParts.Pooler)
        : base(nameof(BertModel))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate(nameof(config));
        Config = config;
        Parts = parts;

        embeddings = new BertEmbeddings(config);
        encoder = new BertEncoder(config);
        pooler = parts.HasFlag(BertParts.Pooler) ? new BertDense(config.HiddenSize, config.HiddenSize, Tanh()) : null;
        qa_outputs = parts.HasFlag(BertParts.QuestionAnswering) ? Linear(config.HiddenSize, 2) : null;
        cls = parts.HasFlag(BertParts.MaskedLm) ? new BertMaskedLmHead(config) : null;
        RegisterComponents();

        // The weights belong to the model, not to a dispose scope the caller may have open while building it
        // (TorchSharp puts the C#-side weight tensors of some modules, e.g. Embedding, into the current scope).
        foreach (var (_, parameter) in named_parameters())
        {
            parameter.DetachFromDisposeScope();
        }

        eval();
    }

    /// <summary>The configuration the model was built with.</summary>
    public BertConfig Config { get; }

    /// <summary>The optional parts this model has.</summary>
    public BertParts Parts { get; }

    /// <summary>The embedding layer (layer 0 of the hidden states).</summary>
    public BertEmbeddings Embeddings => embeddings;

    /// <summary>The transformer layers, input side first.</summary>
    public IReadOnlyList<BertLayer> Layers => encoder.Layers;

    /// <summary>
    /// Runs the encoder and keeps every intermediate result. Autograd is as the caller set it; see
    /// <see cref="Infer"/> for the no-gradient, eval-mode form.
    /// </summary>
    /// <param name="batch">Ids, mask and segments, all [B, T] with T at most
    /// <see cref="BertConfig.MaxPositionEmbeddings"/>.</param>
    /// <returns>Layers + 1 hidden states [B, T, hidden], one attention tensor [B, heads, T, T] per layer, and the
    /// pooled [CLS] vector when the model has a pooler.</returns>
    /// <exception cref="ArgumentException">The batch is longer than the model's positions, or holds an id outside
    /// the vocabulary or a segment outside the segment vocabulary.</exception>
    public override BertOutput forward(BertBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        CheckRange(batch);
        using var scope = NewDisposeScope();

        // [B, T] 1/0 -> [B, 1, 1, T]: 0 where a key may be attended, float.MinValue where it is padding.
        // Adding float.MinValue to a score leaves float.MinValue, whose softmax weight underflows to exactly 0.
        var keep = batch.AttentionMask.to_type(ScalarType.Float32).unsqueeze(1).unsqueeze(2);
        var additiveMask = (1.0f - keep) * float.MinValue;

        var hidden = embeddings.call(batch.InputIds, batch.TokenTypeIds);
        var hiddenStates = new List<Tensor> { hidden };
        var attentions = new List<Tensor>();
        foreach (var layer in encoder.Layers)
        {
            (hidden, var probabilities) = layer.call(hidden, additiveMask);
            hiddenStates.Add(hidden);
            attentions.Add(probabilities);
        }

        // [B, T, hidden] -> [B, hidden]: the [CLS] position.
        var pooled = pooler?.call(hidden[.., 0]);

        foreach (var tensor in hiddenStates.Concat(attentions))
        {
            tensor.MoveToOuterDisposeScope();
        }

        return new BertOutput(hiddenStates, attentions, pooled?.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// <see cref="forward"/> without gradients and in eval mode (no dropout); the model's training mode is
    /// restored afterwards.
    /// </summary>
    /// <param name="batch">As for <see cref="forward"/>.</param>
    /// <returns>As for <see cref="forward"/>.</returns>
    public BertOutput Infer(BertBatch batch)
    {
        var wasTraining = training;
        try
        {
            eval();
            using var noGrad = no_grad();
            return call(batch);
        }
        finally
        {
            train(wasTraining);
        }
    }

    /// <summary>Start and end logits of extractive question answering (<c>qa_outputs</c>).</summary>
    /// <param name="lastHiddenState">[B, T, hidden].</param>
    /// <returns>Start and end logits, each [B, T].</returns>
    /// <exception cref="InvalidOperationException">The model has no question-answering head.</exception>
    public (Tensor Start, Tensor End) QuestionAnsweringLogits(Tensor lastHiddenState)
    {
        ArgumentNullException.ThrowIfNull(lastHiddenState);
        if (qa_outputs is null)
        {
            throw new InvalidOperationException(
                "This model has no question-answering head (qa_outputs); its weights were not in the checkpoint.");
        }

        using var scope = NewDisposeScope();

        // [B, T, 2] -> two [B, T]
        var logits = qa_outputs.call(lastHiddenState);
        return (logits[.., .., 0].contiguous().MoveToOuterDisposeScope(),
            logits[.., .., 1].contiguous().MoveToOuterDisposeScope());
    }

    /// <summary>Vocabulary logits of the masked-LM head (<c>cls.predictions</c>).</summary>
    /// <param name="lastHiddenState">[B, T, hidden].</param>
    /// <returns>[B, T, vocab] logits.</returns>
    /// <exception cref="InvalidOperationException">The model has no masked-LM head.</exception>
    public Tensor MaskedLmLogits(Tensor lastHiddenState)
    {
        ArgumentNullException.ThrowIfNull(lastHiddenState);
        return cls is null
            ? throw new InvalidOperationException(
                "This model has no masked-LM head (cls.predictions); its weights were not in the checkpoint.")
            : cls.call(lastHiddenState);
    }

    private void CheckRange(BertBatch batch)
    {
        using var scope = NewDisposeScope();
        if (batch.Length > Config.MaxPositionEmbeddings)
        {
            throw new ArgumentException(
                $"The batch has {batch.Length} tokens per row; this model has "
                + $"{Config.MaxPositionEmbeddings} positions.",
                nameof(batch));
        }

        if (batch.Length == 0)
        {
            return;
        }

        long maxId = batch.InputIds.max().item<long>(), minId = batch.InputIds.min().item<long>();
        if (minId < 0 || maxId >= Config.VocabSize)
        {
            throw new ArgumentException(
                $"Token ids must lie in [0, {Config.VocabSize}), got ids from {minId} to {maxId}.", nameof(batch));
        }

        long maxType = batch.TokenTypeIds.max().item<long>(), minType = batch.TokenTypeIds.min().item<long>();
        if (minType < 0 || maxType >= Config.TypeVocabSize)
        {
            throw new ArgumentException(
                $"Token type ids must lie in [0, {Config.TypeVocabSize}), got {minType} to {maxType}.", nameof(batch));
        }
    }
}
