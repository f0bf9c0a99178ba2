using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiReference.Models.Bert;

/// <summary>
/// Hugging Face's <c>cls.predictions</c>: <c>transform</c> (dense, activation, LayerNorm) and <c>decoder</c>.
/// </summary>
public sealed class BertLmPredictions : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006
    private readonly BertLmTransform transform;
    private readonly Linear decoder;
#pragma warning restore IDE1006

    /// <summary>Builds the transform and the decoder of <paramref name="config"/> with fresh weights.</summary>
    /// <param name="config">Hidden and vocabulary sizes, activation and epsilon.</param>
    public BertLmPredictions(BertConfig config)
        : base(nameof(BertLmPredictions))
    {
        ArgumentNullException.ThrowIfNull(config);
        transform = new BertLmTransform(config);
        decoder = nn.Linear(config.HiddenSize, config.VocabSize);
        RegisterComponents();
    }

    /// <summary>decoder(transform(hidden)).</summary>
    /// <param name="hidden">[B, T, hidden].</param>
    /// <returns>[B, T, vocab] logits.</returns>
    public override Tensor forward(Tensor hidden)
    {
        using var scope = NewDisposeScope();
        return decoder.call(transform.call(hidden)).MoveToOuterDisposeScope();
    }
}
