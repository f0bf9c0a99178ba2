using FluentAssertions;
using Microsoft.ML.OnnxRuntime;
using NUnit.Framework;
using XaiReference.Models.Bert;
using static TorchSharp.torch;

namespace XaiReference.Specs.Models.Bert;

/// <summary>
/// Our TorchSharp forward pass against ONNX Runtime running the original graph of all-MiniLM-L6-v2: an
/// independent implementation of every operation, fed the same ids, mask and segments.
/// </summary>
public sealed class OnnxParitySpecs
{
    // Float32 through 6 layers: both engines sum in different orders, LayerNorm rescales, so differences of a
    // few 1e-6 are expected; 1e-4 leaves room for that and still catches any wrong weight, transpose or mask.
    private const double Tolerance = 1e-4;

    private InferenceSession session = null!;

    [OneTimeSetUp]
    public void StartOnnxRuntime() => session = new InferenceSession(MiniLm.OnnxBytes());

    [OneTimeTearDown]
    public void StopOnnxRuntime() => session.Dispose();

    [Test]
    public void A_padded_batch_of_sentences_of_different_lengths_matches_the_original_graph_at_every_real_token()
    {
        string[] sentences =
        [
            "The cat sat on the mat.",
            "Attention lets every token look at every other token, weighted by similarity.",
            "Short one.",
            "Naïve café owners in Zürich don't always serve crème brûlée; 東京 has more.",
        ];
        var (encodings, batch) = MiniLm.Bert.Tokenizer.EncodeBatch(sentences);
        using (batch)
        {
            batch.AttentionMask.sum(1).data<long>().ToArray().Distinct().Should().HaveCount(4,
                "each row has a different length, so three of the four are padded");
            CompareWithOnnx(batch, encodings.Select(e => e.Count).ToArray());
        }
    }

    [Test]
    public void Sentence_pairs_with_segment_ids_match_the_original_graph()
    {
        var tokenizer = MiniLm.Bert.Tokenizer;
        var encodings = new[]
        {
            tokenizer.Encode("Where does the river start?", "The river starts in the mountains and ends at the sea."),
            tokenizer.Encode("Who wrote it?", "It was written by a committee."),
        };
        encodings[0].TokenTypeIds.Should().Contain(1, "the second text is segment 1");
        using var batch = tokenizer.ToBatch(encodings);
        CompareWithOnnx(batch, encodings.Select(e => e.Count).ToArray());
    }

    private void CompareWithOnnx(BertBatch batch, int[] lengths)
    {
        using var scope = NewDisposeScope();
        using var ours = MiniLm.Bert.Model.Infer(batch);
        var theirs = RunOnnx(batch);

        var hidden = MiniLm.Bert.Config.HiddenSize;
        var ourValues = ours.LastHiddenState.data<float>().ToArray();
        var worst = 0.0;
        var worstAt = (Row: -1, Token: -1, Unit: -1);
        for (var row = 0; row < lengths.Length; row++)
        {
            // Only real tokens: at padded positions both engines compute numbers nobody should read.
            for (var token = 0; token < lengths[row]; token++)
            {
                for (var unit = 0; unit < hidden; unit++)
                {
                    var index = ((row * batch.Length) + token) * hidden + unit;
                    var difference = Math.Abs(ourValues[index] - theirs[index]);
                    if (difference > worst)
                    {
                        (worst, worstAt) = (difference, (row, token, unit));
                    }
                }
            }
        }

        TestContext.Out.WriteLine($"max |ours - onnx| = {worst:E2} at {worstAt}");
        worst.Should().BeLessThan(Tolerance, $"the worst element is at (row, token, unit) {worstAt}");
    }

    private float[] RunOnnx(BertBatch batch)
    {
        long[] shape = [batch.Size, batch.Length];
        using var ids = OrtValue.CreateTensorValueFromMemory(batch.InputIds.data<long>().ToArray(), shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(batch.AttentionMask.data<long>().ToArray(), shape);
        using var types = OrtValue.CreateTensorValueFromMemory(batch.TokenTypeIds.data<long>().ToArray(), shape);
        var inputs = new Dictionary<string, OrtValue>
        {
            ["input_ids"] = ids,
            ["attention_mask"] = mask,
            ["token_type_ids"] = types,
        };
        using var options = new RunOptions();
        using var outputs = session.Run(options, inputs, ["last_hidden_state"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
