using Microsoft.ML.Tokenizers;
using static TorchSharp.torch;

namespace XaiReference.Models.Bert;

/// <summary>
/// BERT's WordPiece tokenization (Microsoft.ML.Tokenizers' <see cref="BertTokenizer"/>) with what an analysis
/// needs beside the ids: token strings, segments for a pair of texts, the words and character spans the tokens
/// came from, a length policy, and padding into a <see cref="BertBatch"/>.
/// </summary>
/// <remarks>
/// Lower-casing, accent removal and CJK splitting follow the model's <see cref="BertConfig"/>. The text is
/// split into words here by the rules of BERT's original basic tokenizer, and each word goes through
/// Microsoft's WordPiece on its own, which gives the word-to-token mapping. The basic step is not left to
/// Microsoft.ML.Tokenizers 3.0.0 because its pre-tokenizer drops symbol characters (Unicode categories S*:
/// emoji, currency and mathematical signs) that BERT keeps as words (they become [UNK] or word pieces), and
/// counts tabs and line breaks differently; with the words split here the ids match BERT's.
/// </remarks>
public sealed class BertTextTokenizer
{
    private readonly BertTokenizer tokenizer;
    private readonly string[] vocabulary;
    private readonly string[] specialTokens;
    private readonly bool ignoreCase;
    private readonly bool splitCjk;
    private readonly bool removeAccents;

    private BertTextTokenizer(BertTokenizer tokenizer, string[] vocabulary, BertConfig config)
    {
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
        ignoreCase = config.DoLowerCase;
        splitCjk = config.TokenizeChineseChars;
        removeAccents = config.RemovesAccents;
        MaxLength = config.MaxPositionEmbeddings;
        specialTokens = [tokenizer.ClassificationToken, tokenizer.SeparatorToken, tokenizer.MaskingToken,
            tokenizer.PaddingToken, tokenizer.UnknownToken];
    }

    /// <summary>The most tokens an encoding may have, [CLS] and [SEP] included (the model's positions).</summary>
    public int MaxLength { get; }

    /// <summary>Number of entries in the vocabulary.</summary>
    public int VocabularySize => vocabulary.Length;

    /// <summary>Id of [CLS].</summary>
    public int ClassificationId => tokenizer.ClassificationTokenId;

    /// <summary>Id of [SEP].</summary>
    public int SeparatorId => tokenizer.SeparatorTokenId;

    /// <summary>Id of [MASK].</summary>
    public int MaskId => tokenizer.MaskingTokenId;

    /// <summary>Id of [PAD].</summary>
    public int PaddingId => tokenizer.PaddingTokenId;

    /// <summary>The literal text of the mask token, to write into a sentence: <c>[MASK]</c>.</summary>
    public string MaskToken => tokenizer.MaskingToken;

    /// <summary>Reads a WordPiece vocabulary (one token per line, line number = id).</summary>
    /// <param name="vocabulary">The <c>vocab.txt</c> stream; read to the end, not closed.</param>
    /// <param name="config">Tokenizer options (lower case, accents, CJK) and the number of positions.</param>
    /// <param name="source">Where the vocabulary came from, used in error messages.</param>
    /// <exception cref="InvalidDataException">The vocabulary is larger than <see cref="BertConfig.VocabSize"/>
    /// or lacks one of [CLS], [SEP], [MASK], [PAD], [UNK].</exception>
    public static BertTextTokenizer FromVocabulary(Stream vocabulary, BertConfig config, string source = "vocab.txt")
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(config);

        using var copy = new MemoryStream();
        vocabulary.CopyTo(copy);
        copy.Position = 0;
        var lines = new List<string>();
        using (var reader = new StreamReader(copy, leaveOpen: true))
        {
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
        }

        if (lines.Count > config.VocabSize)
        {
            throw new InvalidDataException(
                $"{source} has {lines.Count} tokens but the configuration's vocab_size is {config.VocabSize}.");
        }

        foreach (var required in new[] { "[CLS]", "[SEP]", "[MASK]", "[PAD]", "[UNK]" }.Where(t => !lines.Contains(t)))
        {
            throw new InvalidDataException($"{source} lacks the special token {required}.");
        }

        copy.Position = 0;
        var options = new BertOptions
        {
            LowerCaseBeforeTokenization = config.DoLowerCase,
            ApplyBasicTokenization = true,
            SplitOnSpecialTokens = true,
            IndividuallyTokenizeCjk = config.TokenizeChineseChars,
            RemoveNonSpacingMarks = config.RemovesAccents,
        };
        return new BertTextTokenizer(BertTokenizer.Create(copy, options), lines.ToArray(), config);
    }

    /// <summary>The vocabulary entry of an id.</summary>
    /// <param name="id">A token id in [0, <see cref="VocabularySize"/>).</param>
    /// <returns>The token string, e.g. <c>apple</c> or <c>##s</c>.</returns>
    public string TokenOf(int id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, vocabulary.Length);
        return vocabulary[id];
    }

    /// <summary>Word-piece ids of a text without [CLS] and [SEP].</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The ids.</returns>
    public IReadOnlyList<int> WordPieceIds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SplitWords(text).SelectMany(w => w.Ids).ToList();
    }

    /// <summary>
    /// Encodes a text, or a pair of texts (question, context), as [CLS] text [SEP] (pair [SEP]).
    /// </summary>
    /// <param name="text">The first text.</param>
    /// <param name="pair">The second text, or null for a single text.</param>
    /// <param name="policy">What to do when the tokens do not fit in <see cref="MaxLength"/>; refuse by
    /// default.</param>
    /// <returns>The encoding with ids, tokens, segments, words and any warning.</returns>
    /// <exception cref="ArgumentException">The text is too long and <paramref name="policy"/> is
    /// <see cref="LengthPolicy.Refuse"/>.</exception>
    public BertEncoding Encode(string text, string? pair = null, LengthPolicy policy = LengthPolicy.Refuse)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Word pieces of each segment, word by word.
        var segments = pair is null ? new[] { text } : [text, pair];
        var pieces = segments.Select(SplitWords).ToArray();

        // Fit into MaxLength: longest segment loses its last piece first (Hugging Face's "longest_first").
        var budget = MaxLength - (segments.Length + 1);
        var counts = pieces.Select(p => p.Sum(w => w.Ids.Count)).ToArray();
        var warnings = new List<string>();
        if (counts.Sum() > budget)
        {
            var needed = counts.Sum() + segments.Length + 1;
            if (policy == LengthPolicy.Refuse)
            {
                throw new ArgumentException(
                    $"The text needs {needed} tokens but the model has {MaxLength} positions "
                    + "(pass LengthPolicy.Truncate to cut it).",
                    pair is null ? nameof(text) : nameof(pair));
            }

            var kept = (int[])counts.Clone();
            while (kept.Sum() > budget)
            {
                var longest = kept.Length == 2 && kept[1] > kept[0] ? 1 : 0;
                kept[longest]--;
            }

            counts = kept;
            warnings.Add($"The text needed {needed} tokens; it was truncated to {MaxLength} "
                + $"({string.Join(" and ", kept.Select((k, i) => $"{k} word pieces of text {i + 1}"))}).");
        }

        return Assemble(text, pair, pieces, counts, warnings);
    }

    /// <summary>Pads encodings to the longest one and stacks them into int64 tensors.</summary>
    /// <param name="encodings">At least one encoding.</param>
    /// <returns>A batch [B, T] with [PAD] ids, attention mask 0 and segment 0 at padded positions.</returns>
    public BertBatch ToBatch(IReadOnlyList<BertEncoding> encodings)
    {
        ArgumentNullException.ThrowIfNull(encodings);
        if (encodings.Count == 0)
        {
            throw new ArgumentException("Expected at least one encoding, got none.", nameof(encodings));
        }

        var length = encodings.Max(e => e.Count);
        var ids = new long[encodings.Count * length];
        var mask = new long[ids.Length];
        var types = new long[ids.Length];
        Array.Fill(ids, PaddingId);
        for (var row = 0; row < encodings.Count; row++)
        {
            for (var t = 0; t < encodings[row].Count; t++)
            {
                ids[row * length + t] = encodings[row].Ids[t];
                mask[row * length + t] = 1;
                types[row * length + t] = encodings[row].TokenTypeIds[t];
            }
        }

        long[] shape = [encodings.Count, length];
        return new BertBatch(tensor(ids, shape), tensor(mask, shape), tensor(types, shape));
    }

    /// <summary>Encodes texts one by one and pads them into a batch.</summary>
    /// <param name="texts">At least one text.</param>
    /// <param name="policy">Length policy for each text.</param>
    /// <returns>The encodings and their batch.</returns>
    public (IReadOnlyList<BertEncoding> Encodings, BertBatch Batch) EncodeBatch(
        IReadOnlyList<string> texts,
        LengthPolicy policy = LengthPolicy.Refuse)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var encodings = texts.Select(t => Encode(t, null, policy)).ToList();
        return (encodings, ToBatch(encodings));
    }

    private List<(int Start, int Length, IReadOnlyList<int> Ids)> SplitWords(string text)
    {
        return BasicWordSplitter.Split(text, splitCjk, specialTokens)
            .Select(w => (w.Start, w.Length, WordIds(text.Substring(w.Start, w.Length))))
            .ToList();
    }

    // One basic word -> its word-piece ids: special tokens as they are, otherwise control characters removed,
    // lower-cased and accents removed as configured, then Microsoft's WordPiece on the word as a whole.
    private IReadOnlyList<int> WordIds(string word)
    {
        var special = Array.IndexOf(specialTokens, word);
        if (special >= 0)
        {
            return [tokenizer.EncodeToIds(word, addSpecialTokens: false)[0]];
        }

        var normalized = BasicWordSplitter.Normalize(word, ignoreCase, removeAccents);
        return normalized.Length == 0
            ? []
            : tokenizer.EncodeToIds(normalized, addSpecialTokens: false, considerPreTokenization: false,
                considerNormalization: false);
    }

    private BertEncoding Assemble(
        string text,
        string? pair,
        IReadOnlyList<List<(int Start, int Length, IReadOnlyList<int> Ids)>> pieces,
        IReadOnlyList<int> keptCounts,
        List<string> warnings)
    {
        var ids = new List<int> { ClassificationId };
        var types = new List<int> { 0 };
        var wordIndices = new List<int> { -1 };
        var words = new List<BertWord>();
        var sources = new[] { text, pair ?? string.Empty };

        for (var segment = 0; segment < pieces.Count; segment++)
        {
            var left = keptCounts[segment];
            foreach (var (start, length, wordIds) in pieces[segment])
            {
                var take = Math.Min(left, wordIds.Count);
                if (take == 0 && wordIds.Count > 0)
                {
                    break;
                }

                var written = sources[segment].Substring(start, length);
                words.Add(new BertWord(written, segment, start, length, ids.Count, take));
                for (var p = 0; p < take; p++)
                {
                    ids.Add(wordIds[p]);
                    types.Add(segment);
                    wordIndices.Add(words.Count - 1);
                }

                left -= take;
            }

            ids.Add(SeparatorId);
            types.Add(segment);
            wordIndices.Add(-1);
        }

        var tokens = ids.Select(TokenOf).ToList();
        return new BertEncoding(text, pair, ids, tokens, types, wordIndices, words, warnings, ignoreCase);
    }
}
