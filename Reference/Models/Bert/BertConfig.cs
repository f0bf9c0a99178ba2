using System.Globalization;
using System.Text.Json;

namespace XaiReference.Models.Bert;

/// <summary>
/// The shape and options of a BERT encoder, with the fields of a Hugging Face <c>config.json</c>
/// (and the tokenizer options of <c>tokenizer_config.json</c>).
/// </summary>
/// <remarks>
/// JSON names: <c>vocab_size</c>, <c>hidden_size</c>, <c>num_hidden_layers</c>, <c>num_attention_heads</c>,
/// <c>intermediate_size</c>, <c>hidden_act</c>, <c>max_position_embeddings</c>, <c>type_vocab_size</c>,
/// <c>layer_norm_eps</c>, <c>hidden_dropout_prob</c>, <c>attention_probs_dropout_prob</c>, and the tokenizer's
/// <c>do_lower_case</c>, <c>tokenize_chinese_chars</c>, <c>strip_accents</c>. Missing fields take the defaults of
/// Hugging Face's <c>BertConfig</c> (bert-base-uncased).
/// </remarks>
public sealed record BertConfig
{
    /// <summary>Number of WordPiece tokens (<c>vocab_size</c>); 30,522 for the uncased English vocabulary.</summary>
    public int VocabSize { get; init; } = 30522;

    /// <summary>Width of every hidden state (<c>hidden_size</c>).</summary>
    public int HiddenSize { get; init; } = 768;

    /// <summary>Number of transformer layers (<c>num_hidden_layers</c>).</summary>
    public int LayerCount { get; init; } = 12;

    /// <summary>Attention heads per layer (<c>num_attention_heads</c>); must divide <see cref="HiddenSize"/>.</summary>
    public int HeadCount { get; init; } = 12;

    /// <summary>Width of the feed-forward layer (<c>intermediate_size</c>).</summary>
    public int IntermediateSize { get; init; } = 3072;

    /// <summary>
    /// Feed-forward activation (<c>hidden_act</c>): <c>gelu</c> (the exact erf form, x * Phi(x)),
    /// <c>gelu_new</c> or <c>gelu_pytorch_tanh</c> (the tanh approximation), or <c>relu</c>.
    /// </summary>
    public string HiddenAct { get; init; } = "gelu";

    /// <summary>Number of learned positions (<c>max_position_embeddings</c>): the longest input in tokens.</summary>
    public int MaxPositionEmbeddings { get; init; } = 512;

    /// <summary>Number of segments (<c>type_vocab_size</c>); 2 for sentence pairs.</summary>
    public int TypeVocabSize { get; init; } = 2;

    /// <summary>Epsilon inside every LayerNorm (<c>layer_norm_eps</c>).</summary>
    public double LayerNormEps { get; init; } = 1e-12;

    /// <summary>Dropout after embeddings and sub-layers in training mode (<c>hidden_dropout_prob</c>).</summary>
    public double HiddenDropoutProb { get; init; } = 0.1;

    /// <summary>Dropout on attention probabilities in training mode (<c>attention_probs_dropout_prob</c>).</summary>
    public double AttentionDropoutProb { get; init; } = 0.1;

    /// <summary>Lower-case the text before WordPiece (<c>do_lower_case</c>).</summary>
    public bool DoLowerCase { get; init; } = true;

    /// <summary>Make each CJK ideograph a word of its own (<c>tokenize_chinese_chars</c>).</summary>
    public bool TokenizeChineseChars { get; init; } = true;

    /// <summary>
    /// Remove accents (<c>strip_accents</c>); <see langword="null"/> means "as <see cref="DoLowerCase"/>",
    /// which is what Hugging Face's tokenizer does.
    /// </summary>
    public bool? StripAccents { get; init; }

    /// <summary>Width of one attention head: <see cref="HiddenSize"/> / <see cref="HeadCount"/>.</summary>
    public int HeadSize => HiddenSize / HeadCount;

    /// <summary>Whether accents are removed, after resolving <see cref="StripAccents"/> = null.</summary>
    public bool RemovesAccents => StripAccents ?? DoLowerCase;

    /// <summary>
    /// The configuration of sentence-transformers/all-MiniLM-L6-v2 (its <c>config.json</c> and
    /// <c>tokenizer_config.json</c>): 6 layers, 12 heads, hidden 384, feed-forward 1536, uncased.
    /// </summary>
    public static BertConfig MiniLmL6V2 { get; } = new()
    {
        VocabSize = 30522,
        HiddenSize = 384,
        LayerCount = 6,
        HeadCount = 12,
        IntermediateSize = 1536,
        HiddenAct = "gelu",
        MaxPositionEmbeddings = 512,
        TypeVocabSize = 2,
        LayerNormEps = 1e-12,
        DoLowerCase = true,
    };

    /// <summary>
    /// Reads a Hugging Face <c>config.json</c>, optionally merged with the tokenizer options of a
    /// <c>tokenizer_config.json</c>.
    /// </summary>
    /// <param name="configJson">Text of <c>config.json</c>.</param>
    /// <param name="tokenizerConfigJson">Text of <c>tokenizer_config.json</c>, or null when there is none.</param>
    /// <param name="source">Where the text came from, used in error messages (a path).</param>
    /// <exception cref="InvalidDataException">A field has the wrong JSON type or the values are inconsistent.
    /// </exception>
    public static BertConfig FromJson(
        string configJson,
        string? tokenizerConfigJson = null,
        string source = "config.json")
    {
        ArgumentNullException.ThrowIfNull(configJson);
        var config = new BertConfig();
        using (var document = Parse(configJson, source))
        {
            var root = document.RootElement;
            config = config with
            {
                VocabSize = Int(root, "vocab_size", config.VocabSize, source),
                HiddenSize = Int(root, "hidden_size", config.HiddenSize, source),
                LayerCount = Int(root, "num_hidden_layers", config.LayerCount, source),
                HeadCount = Int(root, "num_attention_heads", config.HeadCount, source),
                IntermediateSize = Int(root, "intermediate_size", config.IntermediateSize, source),
                HiddenAct = Text(root, "hidden_act", source) ?? config.HiddenAct,
                MaxPositionEmbeddings = Int(root, "max_position_embeddings", config.MaxPositionEmbeddings, source),
                TypeVocabSize = Int(root, "type_vocab_size", config.TypeVocabSize, source),
                LayerNormEps = Real(root, "layer_norm_eps", config.LayerNormEps, source),
                HiddenDropoutProb = Real(root, "hidden_dropout_prob", config.HiddenDropoutProb, source),
                AttentionDropoutProb = Real(root, "attention_probs_dropout_prob", config.AttentionDropoutProb, source),
            };
            config = WithTokenizerOptions(config, root, source);
        }

        if (tokenizerConfigJson is not null)
        {
            using var tokenizerDocument = Parse(tokenizerConfigJson, source);
            config = WithTokenizerOptions(config, tokenizerDocument.RootElement, source);
        }

        config.Validate(source);
        return config;
    }

    /// <summary>Checks that the sizes are positive and the heads divide the hidden size.</summary>
    /// <param name="source">Where the configuration came from, used in the message.</param>
    /// <exception cref="InvalidDataException">A size is not positive, or <see cref="HeadCount"/> does not divide
    /// <see cref="HiddenSize"/>, or <see cref="HiddenAct"/> is not supported.</exception>
    public void Validate(string source = "BertConfig")
    {
        (string Key, int Value)[] sizes =
        [
            ("vocab_size", VocabSize), ("hidden_size", HiddenSize), ("num_hidden_layers", LayerCount),
            ("num_attention_heads", HeadCount), ("intermediate_size", IntermediateSize),
            ("max_position_embeddings", MaxPositionEmbeddings), ("type_vocab_size", TypeVocabSize),
        ];
        foreach (var (key, value) in sizes.Where(s => s.Value <= 0))
        {
            throw new InvalidDataException($"{source}: {key} must be positive, got {value}.");
        }

        if (HiddenSize % HeadCount != 0)
        {
            throw new InvalidDataException(
                $"{source}: hidden_size ({HiddenSize}) must be a multiple of num_attention_heads ({HeadCount}).");
        }

        if (!SupportedActivations.Contains(HiddenAct))
        {
            throw new InvalidDataException(
                $"{source}: hidden_act '{HiddenAct}' is not supported; expected one of "
                + $"{string.Join(", ", SupportedActivations)}.");
        }
    }

    /// <summary>Values <see cref="HiddenAct"/> may take.</summary>
    public static IReadOnlyList<string> SupportedActivations { get; } =
        ["gelu", "gelu_new", "gelu_pytorch_tanh", "relu"];

    private static BertConfig WithTokenizerOptions(BertConfig config, JsonElement root, string source) => config with
    {
        DoLowerCase = Bool(root, "do_lower_case", source) ?? config.DoLowerCase,
        TokenizeChineseChars = Bool(root, "tokenize_chinese_chars", source) ?? config.TokenizeChineseChars,
        StripAccents = root.TryGetProperty("strip_accents", out _)
            ? Bool(root, "strip_accents", source)
            : config.StripAccents,
    };

    private static JsonDocument Parse(string json, string source)
    {
        try
        {
            var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new InvalidDataException($"{source}: expected a JSON object at the top level.");
            }

            return document;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} is not valid JSON: {e.Message}", e);
        }
    }

    private static int Int(JsonElement root, string key, int fallback, string source)
    {
        if (!root.TryGetProperty(key, out var value))
        {
            return fallback;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw WrongType(source, key, "an integer", value);
    }

    private static double Real(JsonElement root, string key, double fallback, string source)
    {
        if (!root.TryGetProperty(key, out var value))
        {
            return fallback;
        }

        return value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw WrongType(source, key, "a number", value);
    }

    private static string? Text(JsonElement root, string key, string source)
    {
        if (!root.TryGetProperty(key, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw WrongType(source, key, "a string", value);
    }

    private static bool? Bool(JsonElement root, string key, string source)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(source, key, "true, false or null", value),
        };
    }

    private static InvalidDataException WrongType(string source, string key, string expected, JsonElement value) =>
        new(string.Create(
            CultureInfo.InvariantCulture, $"{source}: {key} should be {expected}, got {value.GetRawText()}."));
}
