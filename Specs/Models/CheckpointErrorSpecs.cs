using FluentAssertions;
using NUnit.Framework;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp.PyBridge;
using XaiReference.Models;
using XaiReference.Specs.Support;
using static TorchSharp.torch;

namespace XaiReference.Specs.Models;

/// <summary>
/// Loading is strict, as PyTorch's is by default, and every refusal names the file and, where one is to blame,
/// the first key that does not fit.
/// </summary>
public sealed class CheckpointErrorSpecs
{
    private static readonly string StateDictFile = FixturePaths.Of("checkpoints", "tiny.state_dict.pt");

    private string folder = string.Empty;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("xai-err-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Loading_into_a_network_of_another_width_names_the_key_and_both_shapes()
    {
        using var model = new CourseClassifier(ClassifierWidth.Slim);

        var act = () => CheckpointLoader.Load(model, StateDictFile);

        // The recipe's first convolution has 4 output channels; Slim's has 16.
        act.Should().Throw<CheckpointException>()
            .WithMessage(
                $"{StateDictFile}: cnn.0.weight has shape [4, 3, 3, 3] in the file but [16, 3, 3, 3] in the model "
                + "(width channels [16, 16, 32, 64, 64], hidden 128): "
                + "the file was saved from a network of another width.")
            .Which.Key.Should().Be("cnn.0.weight");
    }

    [Test]
    public void A_missing_buffer_is_an_error_naming_it()
    {
        var path = WriteTinyStateDict("missing.safetensors", d => d.Remove("cnn.1.running_var"));
        using var model = new CourseClassifier(TinyCheckpoint.Width);

        var act = () => CheckpointLoader.Load(model, path);

        act.Should().Throw<CheckpointException>()
            .WithMessage(
                $"{path}: cnn.1.running_var is in the model's state dict but not in the file (1 of the model's*")
            .Which.FilePath.Should().Be(path);
    }

    [Test]
    public void An_unexpected_key_is_an_error_and_nothing_is_copied()
    {
        var path = WriteTinyStateDict("extra.safetensors", d => d.Add("cnn.99.weight", zeros(2)));
        using var model = new CourseClassifier(TinyCheckpoint.Width);
        using var before = model.state_dict()["cnn.0.weight"].clone();

        var act = () => CheckpointLoader.Load(model, path);

        act.Should().Throw<CheckpointException>()
            .WithMessage($"{path}: cnn.99.weight is in the file but not in the model's state dict (1 unexpected*");
        model.state_dict()["cnn.0.weight"].Should()
            .BeCloseTo(before, 0, 0, "a refused file must leave the module untouched");
    }

    [Test]
    public void A_tensor_of_another_dtype_is_an_error_naming_both_dtypes()
    {
        var path = WriteTinyStateDict(
            "dtype.safetensors",
            d => d["cnn.1.num_batches_tracked"] = d["cnn.1.num_batches_tracked"].to_type(ScalarType.Float32));
        using var model = new CourseClassifier(TinyCheckpoint.Width);

        var act = () => CheckpointLoader.Load(model, path);

        act.Should().Throw<CheckpointException>()
            .WithMessage($"{path}: cnn.1.num_batches_tracked has dtype Float32 in the file but Int64 in the model.");
    }

    [Test]
    public void A_legacy_torch_file_is_refused_with_advice_to_resave_it()
    {
        var path = FixturePaths.Of("checkpoints", "tiny.legacy.pt");
        using var model = new CourseClassifier(TinyCheckpoint.Width);

        CheckpointLoader.DetectFormat(path).Should().Be(CheckpointFormat.PyTorchLegacy);
        var act = () => CheckpointLoader.Load(model, path);

        act.Should().Throw<CheckpointException>().WithMessage($"{path}: *before PyTorch 1.6*re-save it*");
    }

    [Test]
    public void A_png_picture_is_not_taken_for_a_checkpoint()
    {
        var path = Path.Combine(folder, "picture.pt");
        using (var picture = new Image<Rgba32>(4, 4))
        {
            picture.SaveAsPng(path);
        }

        var act = () => CheckpointLoader.Load(new CourseClassifier(TinyCheckpoint.Width), path);

        // 89 50 4E 47 0D 0A 1A 0A is the PNG signature.
        act.Should().Throw<CheckpointException>()
            .WithMessage($"{path}: not a PyTorch file*nor a safetensors file*it starts with 89504E470D0A1A0A.");
    }

    [Test]
    public void Random_bytes_are_not_taken_for_a_checkpoint()
    {
        var path = Path.Combine(folder, "noise.bin");
        var bytes = new byte[256];
        new Random(11).NextBytes(bytes);
        bytes[8] = (byte)'x'; // not '{', whatever the seed gives, so the bytes cannot pass for safetensors
        File.WriteAllBytes(path, bytes);

        var act = () => CheckpointLoader.Load(new CourseClassifier(TinyCheckpoint.Width), path);

        act.Should().Throw<CheckpointException>().WithMessage($"{path}: not a PyTorch file*it starts with*");
    }

    [Test]
    public void An_empty_file_is_called_empty()
    {
        var path = Path.Combine(folder, "empty.pt");
        File.WriteAllBytes(path, []);

        var act = () => CheckpointLoader.Load(new CourseClassifier(TinyCheckpoint.Width), path);

        act.Should().Throw<CheckpointException>().WithMessage($"{path}: *it is empty.");
    }

    [Test]
    public void A_truncated_torch_file_is_called_truncated_or_damaged()
    {
        var path = Truncated("tiny.state_dict.pt", keep: 20_000);

        var act = () => CheckpointLoader.Load(new CourseClassifier(TinyCheckpoint.Width), path);

        act.Should().Throw<CheckpointException>()
            .WithMessage($"{path}: could not be read as a torch.save zip archive (truncated or damaged?)*");
    }

    [TestCase(20_000, "*truncated safetensors file: * ends at data byte * but the file holds only * data bytes.")]
    [TestCase(100, "*truncated safetensors file: its header is * bytes long but only 92 bytes follow*")]
    public void A_truncated_safetensors_file_is_called_truncated(int keep, string message)
    {
        var path = Truncated("tiny.safetensors", keep);

        var act = () => CheckpointLoader.Load(new CourseClassifier(TinyCheckpoint.Width), path);

        act.Should().Throw<CheckpointException>().WithMessage(path + message);
    }

    [Test]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(folder, "absent.pt");

        var act = () => CheckpointLoader.Load(new CourseClassifier(TinyCheckpoint.Width), path);

        act.Should().Throw<FileNotFoundException>().WithMessage($"*{path}*");
    }

    private string Truncated(string file, int keep)
    {
        var path = Path.Combine(folder, "truncated-" + file);
        File.WriteAllBytes(path, File.ReadAllBytes(FixturePaths.Of("checkpoints", file))[..keep]);
        return path;
    }

    private string WriteTinyStateDict(string name, Action<Dictionary<string, Tensor>> edit)
    {
        using var scope = NewDisposeScope();
        var stateDict = CheckpointLoader.ReadStateDict(FixturePaths.Of("checkpoints", "tiny.safetensors"));
        edit(stateDict);
        var path = Path.Combine(folder, name);
        Safetensors.SaveStateDict(path, stateDict);
        return path;
    }
}
