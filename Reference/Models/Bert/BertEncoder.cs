using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiReference.Models.Bert;

/// <summary>Hugging Face's <c>encoder</c>: the list <c>layer</c> of transformer layers.</summary>
public sealed class BertEncoder : nn.Module
{
#pragma warning disable IDE1006
    private readonly ModuleList<BertLayer> layer;
#pragma warning restore IDE1006

    /// <summary>Builds <see cref="BertConfig.LayerCount"/> layers with fresh weights.</summary>
    /// <param name="config">Sizes and options.</param>
    public BertEncoder(BertConfig config)
        : base(nameof(BertEncoder))
    {
        ArgumentNullException.ThrowIfNull(config);
        Layers = Enumerable.Range(0, config.LayerCount).Select(_ => new BertLayer(config)).ToArray();
        layer = nn.ModuleList(Layers.ToArray());
        RegisterComponents();
    }

    /// <summary>The layers, input side first.</summary>
    public IReadOnlyList<BertLayer> Layers { get; }
}
