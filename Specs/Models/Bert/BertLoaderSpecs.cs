using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using XaiReference.Models;
using XaiReference.Models.Bert;
using static TorchSharp.torch;

namespace XaiReference.Specs.Models.Bert;

/// <summary>
/// Loading: the embedded default, and Hugging Face folders (a checkpoint written by PyTorch's <c>torch.save</c>,
/// <c>fixtures/text/tiny-bert-qa</c>, whose recipe also wrote the outputs of a functional BERT in PyTorch).
/// </summary>
public sealed class BertLoaderSpecs
{
    private static readonly string TinyFolder = BertFixtures.Text("tiny-bert-qa");

    private string scratch = null!;

    [SetUp]
    public void MakeScratchFolder() =>
        scratch = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "bert-specs-" + Guid.NewGuid())).FullName;

    [TearDown]
    public void RemoveScratchFolder() => Directory.Delete(scratch, recursive: true);

    [Test]
    public void The_embedded_default_is_all_MiniLM_L6_v2_with_a_pooler_and_nothing_left_over()
    {
        var bert = MiniLm.Bert;

        bert.Config.Should().Be(BertConfig.MiniLmL6V2);
        bert.Report.Parts.Should().Be(BertParts.Pooler);
        bert.Report.UnusedKeys.Should().BeEmpty();
        bert.Model.Layers.Should().HaveCount(6);
        bert.Tokenizer.VocabularySize.Should().Be(30522);
        bert.Model.state_dict().Keys.Should().Contain("encoder.layer.5.attention.self.query.weight")
            .And.Contain("embeddings.word_embeddings.weight").And.Contain("pooler.dense.weight");
    }

    [Test]
    public void A_torch_save_checkpoint_of_BertForQuestionAnswering_loads_with_its_prefix_removed_and_extras_reported()
    {
        using var bert = BertLoader.LoadFolder(TinyFolder);

        bert.Report.Parts.Should().Be(BertParts.QuestionAnswering, "the file has qa_outputs and no pooler");
        bert.Report.UnusedKeys.Should().Equal("cls.seq_relationship.bias", "cls.seq_relationship.weight");
        bert.Report.IgnoredBuffers.Should().Equal("bert.embeddings.position_ids");
        bert.Config.HiddenSize.Should().Be(8);
    }

    [Test]
    public void The_loaded_tiny_model_reproduces_the_functional_PyTorch_forward_of_its_recipe()
    {
        using var scope = NewDisposeScope();
        using var bert = BertLoader.LoadFolder(TinyFolder);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(TinyFolder, "expected.json")));
        var root = expected.RootElement;
        using var batch = new BertBatch(
            Longs(root, "input_ids"), Longs(root, "attention_mask"), Longs(root, "token_type_ids"));

        using var output = bert.Model.Infer(batch);
        var (start, end) = bert.Model.QuestionAnsweringLogits(output.LastHiddenState);

        // Same float32 operations in another order (PyTorch 1.13 vs libtorch 2.10): 1e-5 on values of order 1.
        MaxDifference(output.LastHiddenState, Floats(root, "last_hidden_state")).Should().BeLessThan(1e-5f);
        MaxDifference(output.Attentions[^1], Floats(root, "last_attention")).Should().BeLessThan(1e-5f);
        MaxDifference(start, Floats(root, "start_logits")).Should().BeLessThan(1e-5f);
        MaxDifference(end, Floats(root, "end_logits")).Should().BeLessThan(1e-5f);
    }

    [Test]
    public void A_folder_without_a_required_file_is_an_error_naming_the_file_and_the_folder()
    {
        foreach (var missing in new[] { "config.json", "vocab.txt", "pytorch_model.bin" })
        {
            var folder = CopyTiny(except: missing);

            var act = () => BertLoader.LoadFolder(folder);

            act.Should().Throw<FileNotFoundException>().WithMessage(
                $"*{(missing == "pytorch_model.bin" ? "model.safetensors nor pytorch_model.bin" : missing)}*{folder}*");
        }

        FluentActions.Invoking(() => BertLoader.LoadFolder(Path.Combine(scratch, "nowhere")))
            .Should().Throw<DirectoryNotFoundException>().WithMessage("*nowhere*");
    }

    [Test]
    public void A_config_that_disagrees_with_the_weights_is_an_error_naming_the_key_and_both_shapes()
    {
        var folder = CopyTiny();
        var configPath = Path.Combine(folder, "config.json");
        var edited = File.ReadAllText(configPath).Replace("\"intermediate_size\": 16", "\"intermediate_size\": 12");
        File.WriteAllText(configPath, edited);

        var act = () => BertLoader.LoadFolder(folder);

        act.Should().Throw<InvalidDataException>()
            .WithMessage("*config.json*encoder.layer.0.intermediate.dense.weight*[16, 8]*[12, 8]*");
    }

    [Test]
    public void A_masked_LM_checkpoint_without_a_decoder_weight_is_tied_to_the_word_embeddings()
    {
        // A BertForMaskedLM state dict written as safetensors, from a model built here with the tiny config.
        using var scope = NewDisposeScope();
        var config = BertConfig.FromJson(File.ReadAllText(Path.Combine(TinyFolder, "config.json")));
        using var source = new BertModel(config, BertParts.MaskedLm);
        var state = source.state_dict()
            .Where(p => p.Key != "cls.predictions.decoder.weight")
            .ToDictionary(
                p => p.Key.StartsWith("cls.", StringComparison.Ordinal) ? p.Key : "bert." + p.Key,
                p => p.Value);
        state["cls.predictions.bias"] = state["cls.predictions.decoder.bias"];
        state.Remove("cls.predictions.decoder.bias");
        var folder = CopyTiny(except: "pytorch_model.bin");
        CheckpointLoader.SaveSafetensors(state, Path.Combine(folder, "model.safetensors"));

        using var bert = BertLoader.LoadFolder(folder);

        bert.Report.Parts.Should().Be(BertParts.MaskedLm);
        bert.Report.DecoderTiedToEmbeddings.Should().BeTrue();
        var loaded = bert.Model.state_dict();
        loaded["cls.predictions.decoder.weight"].allclose(loaded["embeddings.word_embeddings.weight"], rtol: 0, atol: 0)
            .Should().BeTrue();
        loaded["cls.predictions.decoder.bias"]
            .allclose(source.state_dict()["cls.predictions.decoder.bias"], rtol: 0, atol: 0)
            .Should().BeTrue("cls.predictions.bias is the decoder bias");
        bert.Model.MaskedLmLogits(zeros(1, 3, 8)).shape.Should().Equal(1, 3, config.VocabSize);
        FluentActions.Invoking(() => bert.Model.QuestionAnsweringLogits(zeros(1, 2, 8)))
            .Should().Throw<InvalidOperationException>().WithMessage("*qa_outputs*");
    }

    private string CopyTiny(string? except = null)
    {
        var name = "tiny-" + Guid.NewGuid().ToString("N")[..8];
        var folder = Directory.CreateDirectory(Path.Combine(scratch, name)).FullName;
        foreach (var file in Directory.GetFiles(TinyFolder).Where(f => Path.GetFileName(f) != except))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    private static Tensor Longs(JsonElement root, string name)
    {
        var rows = root.GetProperty(name);
        var values = rows.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetInt64())).ToArray();
        return tensor(values, [rows.GetArrayLength(), rows[0].GetArrayLength()]);
    }

    private static float[] Floats(JsonElement root, string name)
    {
        var values = new List<float>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in e.EnumerateArray())
                {
                    Walk(child);
                }
            }
            else
            {
                values.Add(e.GetSingle());
            }
        }

        Walk(root.GetProperty(name));
        return values.ToArray();
    }

    // Compares element by element in row-major order; shapes must hold as many elements.
    private static float MaxDifference(Tensor actual, float[] expected)
    {
        actual.numel().Should().Be(expected.Length, "the expected array has one value per element");
        var values = actual.contiguous().data<float>().ToArray();
        return values.Zip(expected, (a, e) => Math.Abs(a - e)).Max();
    }
}
