using System.Globalization;
using FluentAssertions;
using NUnit.Framework;
using XaiReference.Models.Bert;

namespace XaiReference.Specs.Models.Bert;

/// <summary>
/// The WordPiece wrapper against FastBertTokenizer (an independent implementation of BERT's tokenization) and
/// the word-to-token mapping it adds.
/// </summary>
public sealed class TokenizerSpecs
{
    // Punctuation, accents, CJK, unknown characters, numbers, contractions, long and rare words, odd spacing.
    private static readonly string[] Corpus =
    [
        "The quick brown fox jumps over the lazy dog.",
        "Hello, world! How's it going?? (Fine; thanks.)",
        "Naïve café owners in Zürich serve crème brûlée and jalapeño piñatas.",
        "ÉCOLE Français Ångström Øresund Straße",
        "我爱北京天安门。東京は日本の首都です。",
        "Mixed: BERT理解中文吗? yes/no -- maybe...",
        "Emoji 😀 and symbols ∑ ≈ ∞ are often [UNK] for this vocabulary: ᚠᛇᚻ.",
        "Numbers 3.14159, 1,000,000 and 2024-06-01 at 10:30am cost $5.99 (or €4,50).",
        "Antidisestablishmentarianism and pneumonoultramicroscopicsilicovolcanoconiosis are long words.",
        "Tabs\tand\nnewlines   and    many spaces.",
        "e-mail: someone@example.com, URL https://example.org/a_b?c=d#e",
        "\"Quoted\" 'single' «guillemets» „low” — em-dash – en-dash … ellipsis",
        "Apple's shares rose; apples fell from the apple tree.",
    ];

    private static BertTextTokenizer Tokenizer => MiniLm.Bert.Tokenizer;

    [Test]
    public void Ids_match_FastBertTokenizer_on_a_corpus_with_punctuation_accents_CJK_and_unknown_words()
    {
        var oracle = new FastBertTokenizer.BertTokenizer();
        using (var reader = new StreamReader(MiniLm.Vocabulary()))
        {
            oracle.LoadVocabulary(reader, convertInputToLowercase: true);
        }

        foreach (var text in Corpus)
        {
            var expected = oracle.Encode(text).InputIds.ToArray().Select(id => (int)id);
            Tokenizer.Encode(text).Ids.Should().Equal(expected, $"both tokenize \"{text}\" with one vocabulary");
        }
    }

    [Test]
    public void The_corpus_really_exercises_unknown_words_CJK_and_several_piece_words()
    {
        var tokens = Corpus.SelectMany(text => Tokenizer.Encode(text).Tokens).ToList();
        tokens.Should().Contain("[UNK]");
        tokens.Should().Contain("北").And.Contain("京");
        tokens.Should().Contain(t => t.StartsWith("##", StringComparison.Ordinal));
    }

    [Test]
    public void Each_word_s_pieces_spell_the_lower_cased_accent_free_word()
    {
        foreach (var encoding in Corpus.Select(text => Tokenizer.Encode(text)))
        {
            foreach (var word in encoding.Words.Where(w => w.TokenCount > 0))
            {
                var pieces = word.TokenIndices.Select(i => encoding.Tokens[i]).ToList();
                if (pieces.Contains("[UNK]"))
                {
                    pieces.Should().HaveCount(1, "WordPiece turns a word it cannot spell into a single [UNK]");
                    continue;
                }

                var spelled = string.Concat(
                    pieces.Select(p => p.StartsWith("##", StringComparison.Ordinal) ? p[2..] : p));
                spelled.Should().Be(LowerWithoutAccents(word.Text), $"in \"{encoding.Text}\"");
            }
        }
    }

    [Test]
    public void Words_carry_their_character_span_in_the_original_text()
    {
        var encoding = Tokenizer.Encode("Naïve café, 東京!");

        encoding.Words.Select(w => w.Text).Should().Equal("Naïve", "café", ",", "東", "京", "!");
        encoding.Words.Should().OnlyContain(w => encoding.Text.Substring(w.Start, w.Length) == w.Text);
        encoding.WordIndices[0].Should().Be(-1, "[CLS] belongs to no word");
        encoding.WordIndices[^1].Should().Be(-1, "[SEP] belongs to no word");
    }

    [Test]
    public void A_word_s_tokens_are_found_ignoring_case_and_by_occurrence()
    {
        var encoding = Tokenizer.Encode("Apple's shares rose; apples fell from the apple tree.");

        var first = encoding.TokensOf("apple");
        var second = encoding.TokensOf("apple", occurrence: 1);

        encoding.Tokens[first[0]].Should().Be("apple");
        first[0].Should().Be(1, "Apple is the first word, right after [CLS]");
        second.Should().ContainSingle().Which.Should().BeGreaterThan(first[0]);
        encoding.TokensOf("apples").Select(i => encoding.Tokens[i]).Should().Equal("apples");
    }

    [Test]
    public void A_word_absent_from_the_text_is_an_error_naming_the_word_and_the_text()
    {
        var encoding = Tokenizer.Encode("The pear is ripe.");

        var act = () => encoding.TokensOf("apple");

        act.Should().Throw<ArgumentException>().WithMessage("*'apple'*\"The pear is ripe.\"*");
    }

    [Test]
    public void A_pair_is_CLS_first_SEP_second_SEP_with_segments_zero_then_one()
    {
        var encoding = Tokenizer.Encode("Who sat?", "The cat sat.");

        encoding.Tokens.Should().Equal("[CLS]", "who", "sat", "?", "[SEP]", "the", "cat", "sat", ".", "[SEP]");
        encoding.TokenTypeIds.Should().Equal(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
        encoding.Words.Where(w => w.Segment == 1).Select(w => w.Text).Should().Equal("The", "cat", "sat", ".");
        encoding.TokensOf("sat", occurrence: 1).Should().Equal(7);
    }

    [Test]
    public void The_literal_mask_token_in_a_text_becomes_the_mask_id()
    {
        var encoding = Tokenizer.Encode("The [MASK] sat on the mat.");

        encoding.Ids[2].Should().Be(Tokenizer.MaskId);
        encoding.Words[1].Text.Should().Be("[MASK]");
    }

    [Test]
    public void A_batch_pads_with_PAD_and_mask_zero()
    {
        var (encodings, batch) = Tokenizer.EncodeBatch(["One.", "A longer sentence here."]);
        using (batch)
        {
            var ids = batch.InputIds.data<long>().ToArray();
            var mask = batch.AttentionMask.data<long>().ToArray();
            var length = (int)batch.Length;

            length.Should().Be(encodings[1].Count);
            for (var t = encodings[0].Count; t < length; t++)
            {
                ids[t].Should().Be(Tokenizer.PaddingId);
                mask[t].Should().Be(0);
            }

            mask.Skip(length).Should().OnlyContain(m => m == 1);
        }
    }

    [Test]
    public void A_text_longer_than_the_positions_is_refused_by_default_naming_both_counts()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 600));

        var act = () => Tokenizer.Encode(text);

        act.Should().Throw<ArgumentException>().WithMessage("*602 tokens*512 positions*")
            .And.ParamName.Should().Be("text");
    }

    [Test]
    public void Truncation_keeps_the_first_pieces_and_returns_a_warning()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 600));

        var encoding = Tokenizer.Encode(text, policy: LengthPolicy.Truncate);

        encoding.Count.Should().Be(512);
        encoding.Tokens[^1].Should().Be("[SEP]");
        encoding.Words.Should().HaveCount(510);
        encoding.Warnings.Should().ContainSingle().Which.Should().Contain("602").And.Contain("512");
        Tokenizer.Encode("short").Warnings.Should().BeEmpty();
    }

    [Test]
    public void Truncating_a_pair_shortens_the_longer_text_first()
    {
        var question = "Where is it?";
        var context = string.Join(' ', Enumerable.Repeat("here", 600));

        var encoding = Tokenizer.Encode(question, context, LengthPolicy.Truncate);

        encoding.Count.Should().Be(512);
        encoding.Words.Where(w => w.Segment == 0).Select(w => w.Text).Should().Equal("Where", "is", "it", "?");
        encoding.TokenTypeIds.Count(t => t == 1).Should().Be(512 - 6, "[CLS], four question pieces and [SEP] stay");
    }

    private static string LowerWithoutAccents(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        return string.Concat(
            decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark));
    }
}
