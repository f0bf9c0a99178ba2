using FluentAssertions;
using NUnit.Framework;
using XaiReference.Models;
using XaiReference.Models.Bert;
using XaiReference.Specs.Models.Bert;
using XaiReference.Text;
using static TorchSharp.torch;

namespace XaiReference.Specs.Text;

/// <summary>
/// Masked-word prediction with a masked-LM head. No pretrained MLM weights are available here, so the head is
/// made to prefer a known token: setting the decoder bias of one token to 50, far above the logits that small
/// random weights give (a few units at most), makes it the top candidate at every mask.
/// </summary>
public sealed class MaskedWordPredictionsSpecs
{
    [Test]
    public void Every_mask_gets_the_top_candidates_in_descending_probability()
    {
        using var bert = TinyMaskedLm(favourite: "cat");

        var predictions = MaskedWordPredictions.Predict(bert, "the [MASK] sat on the [MASK] .", top: 3);

        predictions.Should().HaveCount(2, "one list per [MASK]");
        foreach (var candidates in predictions)
        {
            candidates.Should().HaveCount(3);
            candidates[0].Token.Should().Be("cat");
            candidates.Select(c => c.Probability).Should().BeInDescendingOrder();
            candidates.Sum(c => c.Probability).Should().BeLessThanOrEqualTo(1 + 1e-6, "a part of a softmax");
        }
    }

    [Test]
    public void A_text_without_a_mask_and_a_model_without_the_head_are_refused()
    {
        using var bert = TinyMaskedLm(favourite: "dog");

        FluentActions.Invoking(() => MaskedWordPredictions.Predict(bert, "the cat sat ."))
            .Should().Throw<ArgumentException>().WithMessage("*[MASK]*");
        FluentActions.Invoking(() => MaskedWordPredictions.Predict(MiniLm.Bert, "the [MASK] sat ."))
            .Should().Throw<InvalidOperationException>().WithMessage("*masked-LM head*");
    }

    private static PretrainedBert TinyMaskedLm(string favourite)
    {
        var folder = BertFixtures.Text("tiny-bert-qa");
        var config = BertConfig.FromJson(File.ReadAllText(Path.Combine(folder, "config.json")));
        using var source = new BertModel(config, BertParts.MaskedLm);
        var vocabulary = File.ReadAllLines(Path.Combine(folder, "vocab.txt"));
        var state = source.state_dict().ToDictionary(p => p.Key, p => p.Value);
        using (no_grad())
        {
            state["cls.predictions.decoder.bias"].zero_()[Array.IndexOf(vocabulary, favourite)] = 50;
        }

        var scratch = Directory.CreateDirectory(
            Path.Combine(Path.GetTempPath(), "bert-mlm-" + Guid.NewGuid())).FullName;
        try
        {
            foreach (var name in new[] { "config.json", "vocab.txt" })
            {
                File.Copy(Path.Combine(folder, name), Path.Combine(scratch, name));
            }

            CheckpointLoader.SaveSafetensors(state, Path.Combine(scratch, "model.safetensors"));

            return BertLoader.LoadFolder(scratch);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
