using FluentAssertions;
using NUnit.Framework;
using XaiReference.Models.Bert;
using XaiReference.Specs.Support;
using static TorchSharp.torch;

namespace XaiReference.Specs.Models.Bert;

/// <summary>Properties of the forward pass of the real all-MiniLM-L6-v2 that any correct BERT has.</summary>
public sealed class BertForwardSpecs
{
    private static PretrainedBert Bert => MiniLm.Bert;

    [Test]
    public void It_returns_layers_plus_one_hidden_states_and_one_attention_per_layer_with_the_stated_shapes()
    {
        using var scope = NewDisposeScope();
        var (_, batch) = Bert.Tokenizer.EncodeBatch(["The cat sat.", "A dog ran far away."]);
        using var output = Bert.Model.Infer(batch);

        output.HiddenStates.Should().HaveCount(Bert.Config.LayerCount + 1);
        output.Attentions.Should().HaveCount(Bert.Config.LayerCount);
        output.HiddenStates.Should().OnlyContain(h => h.shape.SequenceEqual(new[] { 2L, batch.Length, 384L }));
        output.Attentions.Should()
            .OnlyContain(a => a.shape.SequenceEqual(new[] { 2L, 12L, batch.Length, batch.Length }));
        output.PooledOutput!.shape.Should().Equal(2, 384);
    }

    [Test]
    public void Linear_weights_keep_the_checkpoint_shape_but_lie_input_major_and_compute_x_times_w_transposed()
    {
        using var scope = NewDisposeScope();
        var query = Bert.Model.named_modules().Single(m => m.name == "encoder.layer.0.attention.self.query").module;
        var state = Bert.Model.state_dict();
        var weight = state["encoder.layer.0.attention.self.query.weight"];
        var bias = state["encoder.layer.0.attention.self.query.bias"];

        // [out, in] as in the checkpoint, stored as the transpose of a contiguous [in, out]: a step of one along
        // the output dimension moves one float, a step along the input dimension moves a whole row of 384.
        weight.shape.Should().Equal(384, 384);
        weight.stride().Should().Equal(1, 384);

        var x = randn(2, 7, 384, generator: new Generator().manual_seed(3));
        using var noGrad = no_grad();
        var actual = ((TorchSharp.Modules.Linear)query).call(x);
        var expected = matmul(x, weight.contiguous().t()) + bias;

        // The same dot products of 384 terms, summed by another kernel: float32 rounding only.
        actual.Should().BeCloseTo(expected, absoluteTolerance: 1e-5, relativeTolerance: 1e-5);
    }

    [Test]
    public void Attention_rows_sum_to_one_and_padded_keys_get_exactly_zero()
    {
        using var scope = NewDisposeScope();
        var (encodings, batch) =
            Bert.Tokenizer.EncodeBatch(["Short.", "This sentence is quite a bit longer than that."]);
        using var output = Bert.Model.Infer(batch);
        var realLength = encodings[0].Count;

        foreach (var attention in output.Attentions)
        {
            // A float32 softmax row of at most ~12 terms sums to 1 within a few ulps; 1e-5 is far above that.
            var worstRowError = (attention.sum(-1) - 1).abs().max().item<float>();
            worstRowError.Should().BeLessThan(1e-5f);

            // Row 0 is padded after realLength: every query's weight on those keys underflows to exactly 0.
            attention[0, .., .., realLength..].abs().max().item<float>().Should().Be(0f);
        }
    }

    [Test]
    public void Padding_does_not_change_the_hidden_states_of_real_tokens()
    {
        using var scope = NewDisposeScope();
        const string sentence = "Padding should not matter.";
        var alone = Bert.Tokenizer.EncodeBatch([sentence]).Batch;
        var padded = Bert.Tokenizer
            .EncodeBatch([sentence, "A much longer companion sentence forces padding on the first."]).Batch;
        using var outAlone = Bert.Model.Infer(alone);
        using var outPadded = Bert.Model.Infer(padded);

        var length = alone.Length;
        var difference = (outAlone.LastHiddenState[0] - outPadded.LastHiddenState[0, ..(int)length])
            .abs().max().item<float>();

        // Only summation order differs (the padded keys add exact zeros); float32 noise stays below 1e-5.
        difference.Should().BeLessThan(1e-5f);
    }

    [Test]
    public void At_layer_zero_a_word_at_the_same_position_has_the_same_vector_whatever_its_context()
    {
        // "apple" is token 1 in both sentences, with segment 0: token, position and segment are the same.
        using var scope = NewDisposeScope();
        var (encodings, batch) =
            Bert.Tokenizer.EncodeBatch(["Apple pies are sweet.", "Apple shares fell sharply today."]);
        using var output = Bert.Model.Infer(batch);
        encodings[0].TokensOf("apple").Should().Equal(1);
        encodings[1].TokensOf("apple").Should().Equal(1);

        var layer0 = (output.HiddenStates[0][0, 1] - output.HiddenStates[0][1, 1]).abs().max().item<float>();
        var layer1 = (output.HiddenStates[1][0, 1] - output.HiddenStates[1][1, 1]).abs().max().item<float>();

        // The same three embedding rows and the same LayerNorm: identical up to float32 rounding (none expected).
        layer0.Should().BeLessThan(1e-6f);
        layer1.Should().BeGreaterThan(1e-2f, "from layer 1 on, attention mixes in the different contexts");
    }

    [Test]
    public void At_layer_zero_moving_the_word_or_changing_its_segment_changes_its_vector()
    {
        using var scope = NewDisposeScope();
        var tokenizer = Bert.Tokenizer;
        var encodings = new[]
        {
            tokenizer.Encode("Apple pies are sweet."),
            tokenizer.Encode("I like apple pies."),
            tokenizer.Encode("Hmm?", "Apple pies are sweet."),
        };
        using var batch = tokenizer.ToBatch(encodings);
        using var output = Bert.Model.Infer(batch);
        var layer0 = output.HiddenStates[0];

        var atPosition1 = layer0[0, encodings[0].TokensOf("apple")[0]];
        var moved = layer0[1, encodings[1].TokensOf("apple")[0]];
        var otherSegment = layer0[2, encodings[2].TokensOf("apple")[0]];

        // Different position (or segment) embeddings enter the sum: differences of order 0.1 and more, not noise.
        (atPosition1 - moved).abs().max().item<float>().Should().BeGreaterThan(1e-2f);
        (atPosition1 - otherSegment).abs().max().item<float>().Should().BeGreaterThan(1e-2f);
    }

    [Test]
    public void A_model_built_inside_a_dispose_scope_keeps_every_weight_after_the_scope_ends()
    {
        // TorchSharp registers some modules' weights (Embedding's) in the dispose scope open at construction.
        var config = BertConfig.MiniLmL6V2 with { LayerCount = 1 };
        BertModel model;
        using (NewDisposeScope())
        {
            model = new BertModel(config);
        }

        using (model)
        {
            model.state_dict().Keys.Should().Contain("embeddings.word_embeddings.weight")
                .And.HaveCount(5 + 16 + 2, "embeddings (3 tables, LayerNorm weight and bias), 16 per layer, pooler");
        }
    }

    [Test]
    public void Infer_leaves_the_model_s_mode_and_gradients_as_it_found_them()
    {
        using var scope = NewDisposeScope();
        var (_, batch) = Bert.Tokenizer.EncodeBatch(["Mode check."]);

        using var output = Bert.Model.Infer(batch);

        Bert.Model.training.Should().BeFalse();
        output.LastHiddenState.requires_grad.Should().BeFalse();
    }

    [Test]
    public void Ids_outside_the_vocabulary_and_batches_longer_than_the_positions_are_refused()
    {
        using var scope = NewDisposeScope();
        using var badIds = new BertBatch(
            tensor(new long[] { 101, 40000, 102 }).unsqueeze(0),
            ones(1, 3, ScalarType.Int64),
            zeros(1, 3, ScalarType.Int64));
        using var tooLong = new BertBatch(ones(1, 513, ScalarType.Int64), ones(1, 513, ScalarType.Int64),
            zeros(1, 513, ScalarType.Int64));

        FluentActions.Invoking(() => Bert.Model.Infer(badIds))
            .Should().Throw<ArgumentException>().WithMessage("*40000*");
        FluentActions.Invoking(() => Bert.Model.Infer(tooLong))
            .Should().Throw<ArgumentException>().WithMessage("*513*512*");
    }
}
