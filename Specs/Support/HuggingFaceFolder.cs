using System.Text;
using System.Text.Json;
using XaiReference.Models.Bert;
using static TorchSharp.torch;

namespace XaiReference.Specs.Support;

/// <summary>
/// Writes a loaded BERT back out as a Hugging Face folder (<c>config.json</c>, <c>vocab.txt</c>,
/// <c>model.safetensors</c>), so specs can feed the folder loader a real model without a download.
/// </summary>
internal static class HuggingFaceFolder
{
    /// <summary>Writes <paramref name="bert"/>'s configuration, the given vocabulary and its weights.</summary>
    /// <param name="bert">The model whose state dict is written, float32.</param>
    /// <param name="vocabulary">The lines of <c>vocab.txt</c>.</param>
    /// <param name="folder">The folder; created if missing.</param>
    public static void Write(PretrainedBert bert, Stream vocabulary, string folder)
    {
        Directory.CreateDirectory(folder);
        var config = bert.Config;
        var json = new Dictionary<string, object>
        {
            ["model_type"] = "bert",
            ["vocab_size"] = config.VocabSize,
            ["hidden_size"] = config.HiddenSize,
            ["num_hidden_layers"] = config.LayerCount,
            ["num_attention_heads"] = config.HeadCount,
            ["intermediate_size"] = config.IntermediateSize,
            ["hidden_act"] = config.HiddenAct,
            ["max_position_embeddings"] = config.MaxPositionEmbeddings,
            ["type_vocab_size"] = config.TypeVocabSize,
            ["layer_norm_eps"] = config.LayerNormEps,
            ["do_lower_case"] = config.DoLowerCase,
        };
        File.WriteAllText(Path.Combine(folder, "config.json"), JsonSerializer.Serialize(json));
        using (var file = File.Create(Path.Combine(folder, "vocab.txt")))
        {
            vocabulary.CopyTo(file);
        }

        WriteSafetensors(bert.Model.state_dict(), Path.Combine(folder, "model.safetensors"));
    }

    /// <summary>
    /// The safetensors layout: an 8-byte little-endian header length, a JSON header giving each tensor's dtype,
    /// shape and byte range, then the raw little-endian data.
    /// </summary>
    private static void WriteSafetensors(IDictionary<string, Tensor> tensors, string path)
    {
        var header = new Dictionary<string, object>();
        var blobs = new List<byte[]>();
        long offset = 0;
        foreach (var (name, tensor) in tensors.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var values = tensor.detach().to(ScalarType.Float32).contiguous().data<float>().ToArray();
            var bytes = new byte[values.Length * sizeof(float)];
            Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
            long[] range = [offset, offset + bytes.Length];
            header[name] = new { dtype = "F32", shape = tensor.shape, data_offsets = range };
            blobs.Add(bytes);
            offset += bytes.Length;
        }

        var headerBytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        using var output = File.Create(path);
        output.Write(BitConverter.GetBytes((ulong)headerBytes.LongLength));
        output.Write(headerBytes);
        foreach (var blob in blobs)
        {
            output.Write(blob);
        }
    }
}
