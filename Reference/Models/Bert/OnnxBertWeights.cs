using System.Runtime.InteropServices;
using Onnx;
using static TorchSharp.torch;

namespace XaiReference.Models.Bert;

/// <summary>
/// Reads the weights of a BERT exported to ONNX by PyTorch and gives them their Hugging Face names.
/// </summary>
/// <remarks>
/// The exporter keeps the names of embeddings, biases, LayerNorms and the pooler (whose Gemm has transB = 1,
/// so its weight is [out, in] as in PyTorch), but stores each Linear weight of the encoder as an anonymous
/// initializer, transposed to [in, out], that is the second input of a MatMul. The Add that takes the
/// MatMul's output also takes the named bias of that Linear: replacing <c>.bias</c> by <c>.weight</c> in its
/// name names the weight. Raw tensor data is little-endian, as on every platform .NET runs on here.
/// </remarks>
internal static class OnnxBertWeights
{
    public static Dictionary<string, Tensor> Read(Stream onnx, string source)
    {
        var model = ModelProto.Parser.ParseFrom(onnx);
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name);
        var consumers = graph.Node
            .SelectMany(n => n.Input.Select(input => (input, node: n)))
            .ToLookup(p => p.input, p => p.node);

        var weights = new Dictionary<string, Tensor>();
        foreach (var matMul in graph.Node.Where(n => n.OpType == "MatMul" && n.Input.Count == 2))
        {
            if (!initializers.TryGetValue(matMul.Input[1], out var matrix))
            {
                continue;
            }

            var bias = consumers[matMul.Output[0]]
                .Where(n => n.OpType == "Add")
                .SelectMany(n => n.Input)
                .FirstOrDefault(name =>
                    name.EndsWith(".bias", StringComparison.Ordinal) && initializers.ContainsKey(name))
                ?? throw new InvalidDataException(
                    $"{source}: the MatMul weight '{matrix.Name}' feeds no Add with a named bias, "
                    + "so it cannot be named.");

            // [in, out] as stored -> [out, in] as PyTorch's Linear keeps it.
            using var stored = ToTensor(matrix, source);
            weights[bias[..^".bias".Length] + ".weight"] = stored.t().contiguous();
        }

        foreach (var (name, initializer) in initializers)
        {
            var named = name.Contains('.', StringComparison.Ordinal);
            if (named && initializer.DataType == (int)TensorProto.Types.DataType.Float)
            {
                weights[name] = ToTensor(initializer, source);
            }
        }

        return weights;
    }

    private static Tensor ToTensor(TensorProto proto, string source)
    {
        if (proto.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw new InvalidDataException(
                $"{source}: initializer '{proto.Name}' has ONNX data type {proto.DataType}; expected 1 (float).");
        }

        var shape = proto.Dims.ToArray();
        var values = proto.RawData.Length > 0
            ? MemoryMarshal.Cast<byte, float>(proto.RawData.Span).ToArray()
            : proto.FloatData.ToArray();
        if (values.LongLength != shape.Aggregate(1L, (a, b) => a * b))
        {
            throw new InvalidDataException(
                $"{source}: initializer '{proto.Name}' has {values.Length} values for shape "
                + $"[{string.Join(", ", shape)}].");
        }

        return tensor(values, shape);
    }
}
