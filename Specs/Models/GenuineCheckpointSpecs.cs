using FluentAssertions;
using NUnit.Framework;
using XaiReference.Models;
using XaiReference.Specs.Support;
using static TorchSharp.torch;

namespace XaiReference.Specs.Models;

/// <summary>
/// Files written by PyTorch 1.13 (fixtures/checkpoints/make_checkpoints.py) load value for value: every
/// parameter and BatchNorm buffer holds the recipe's formula (see <see cref="TinyCheckpoint"/>).
/// </summary>
public sealed class GenuineCheckpointSpecs
{
    // 11 Conv2d (weight, bias) + 11 BatchNorm2d (weight, bias, running_mean, running_var,
    // num_batches_tracked) + 2 Linear (weight, bias) = 22 + 55 + 4.
    private const int StateDictKeyCount = 81;

    [TestCase("tiny.state_dict.pt", CheckpointFormat.PyTorchZip, TestName = "A bare state dict loads exactly")]
    [TestCase("tiny.checkpoint.pt", CheckpointFormat.PyTorchZip, TestName = "A checkpoint dict loads exactly")]
    [TestCase("tiny.safetensors", CheckpointFormat.Safetensors, TestName = "A safetensors file loads exactly")]
    public void Every_tensor_holds_the_recipe_formula(string file, CheckpointFormat format)
    {
        using var scope = NewDisposeScope();
        using var model = new CourseClassifier(TinyCheckpoint.Width);

        var read = CheckpointLoader.Load(model, FixturePaths.Of("checkpoints", file));

        read.Should().Be(format);
        var state = model.state_dict();
        var order = TinyCheckpoint.PyTorchOrder(model);
        order.Should().HaveCount(StateDictKeyCount).And.BeEquivalentTo(state.Keys);
        for (var t = 0; t < order.Count; t++)
        {
            var actual = state[order[t]];
            actual.Should().BeCloseTo(
                TinyCheckpoint.Expected(t, actual.shape, actual.dtype),
                absoluteTolerance: 0,
                relativeTolerance: 0,
                "{0} is tensor {1} of the recipe, and float32 of the same rounded double is stored exactly",
                order[t],
                t);
            actual.dtype.Should().Be(order[t].EndsWith("num_batches_tracked") ? ScalarType.Int64 : ScalarType.Float32);
        }
    }

    [Test]
    public void The_checkpoint_dict_yields_only_the_model_state_dict()
    {
        using var scope = NewDisposeScope();

        var stateDict = CheckpointLoader.ReadStateDict(FixturePaths.Of("checkpoints", "tiny.checkpoint.pt"));

        stateDict.Should().HaveCount(StateDictKeyCount, "optimizer_state_dict and epoch are left out");
        stateDict.Keys.Should().Contain(["cnn.1.running_mean", "cnn.1.running_var", "cnn.1.num_batches_tracked"]);
    }

    [TestCase("tiny.state_dict.pt", "weights.safetensors", CheckpointFormat.PyTorchZip)]
    [TestCase("tiny.safetensors", "weights.pt", CheckpointFormat.Safetensors)]
    public void The_format_is_told_by_content_not_by_extension(
        string file,
        string misleadingName,
        CheckpointFormat format)
    {
        var folder = Directory.CreateTempSubdirectory("xai-ckpt-").FullName;
        try
        {
            var path = Path.Combine(folder, misleadingName);
            File.Copy(FixturePaths.Of("checkpoints", file), path);
            using var model = new CourseClassifier(TinyCheckpoint.Width);

            CheckpointLoader.DetectFormat(path).Should().Be(format);
            CheckpointLoader.Load(model, path).Should().Be(format);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
