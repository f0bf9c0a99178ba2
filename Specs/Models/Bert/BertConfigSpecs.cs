using FluentAssertions;
using NUnit.Framework;
using XaiReference.Models.Bert;

namespace XaiReference.Specs.Models.Bert;

/// <summary>Reading Hugging Face's config.json and tokenizer_config.json.</summary>
public sealed class BertConfigSpecs
{
    [Test]
    public void Fields_are_read_by_their_Hugging_Face_names_and_missing_ones_take_BERT_base_defaults()
    {
        var config = BertConfig.FromJson("""{"hidden_size": 384, "num_hidden_layers": 6, "layer_norm_eps": 1e-7}""");

        config.HiddenSize.Should().Be(384);
        config.LayerCount.Should().Be(6);
        config.LayerNormEps.Should().Be(1e-7);
        config.HeadCount.Should().Be(12, "bert-base's default");
        config.HeadSize.Should().Be(32, "384 / 12");
    }

    [Test]
    public void Accents_follow_lower_casing_unless_strip_accents_says_otherwise()
    {
        const string Cased = """{"do_lower_case": false}""";

        BertConfig.FromJson("{}").RemovesAccents.Should().BeTrue("uncased by default, and null follows lower-casing");
        BertConfig.FromJson("{}", Cased).RemovesAccents.Should().BeFalse();
        BertConfig.FromJson("{}", """{"do_lower_case": true, "strip_accents": false}""")
            .RemovesAccents.Should().BeFalse();
    }

    [Test]
    public void Wrong_types_and_inconsistent_sizes_are_errors_naming_the_key_and_the_source()
    {
        FluentActions.Invoking(() => BertConfig.FromJson("""{"hidden_size": "big"}""", source: "/m/config.json"))
            .Should().Throw<InvalidDataException>()
            .WithMessage("/m/config.json: hidden_size should be an integer*\"big\"*");
        FluentActions.Invoking(() => BertConfig.FromJson("""{"hidden_size": 100, "num_attention_heads": 12}"""))
            .Should().Throw<InvalidDataException>().WithMessage("*hidden_size (100)*num_attention_heads (12)*");
        FluentActions.Invoking(() => BertConfig.FromJson("""{"hidden_act": "swish"}"""))
            .Should().Throw<InvalidDataException>().WithMessage("*hidden_act 'swish'*gelu*");
        FluentActions.Invoking(() => BertConfig.FromJson("not json"))
            .Should().Throw<InvalidDataException>().WithMessage("config.json is not valid JSON*");
    }
}
