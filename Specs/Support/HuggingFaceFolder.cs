using System.Text.Json;
using XaiReference.Models;
using XaiReference.Models.Bert;

namespace XaiReference.Specs.Support;

/// <summary>
/// Writes a loaded BERT back out as a Hugging Face folder (<c>config.json</c>, <c>vocab.txt</c>,
/// <c>model.safetensors</c>), so specs can feed the folder loader a real model without a download.
/// </summary>
internal static class HuggingFaceFolder
{
    /// <summary>Writes <paramref name="bert"/>'s configuration, the given vocabulary and its weights.</summary>
    /// <param name="bert">The model whose state dict is written.</param>
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

        CheckpointLoader.SaveSafetensors(bert.Model, Path.Combine(folder, "model.safetensors"));
    }
}
