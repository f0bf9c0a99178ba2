using FluentAssertions;
using NUnit.Framework;
using XaiReference.Models;
using XaiReference.Specs.Support;
using static TorchSharp.torch;

namespace XaiReference.Specs.Models;

/// <summary>What <see cref="CheckpointLoader.SaveSafetensors"/> writes loads back bit for bit.</summary>
public sealed class SafetensorsRoundTripSpecs
{
    private string folder = string.Empty;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("xai-st-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Saving_then_loading_restores_every_parameter_and_buffer_exactly()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        using var original = new CourseClassifier(TinyCheckpoint.Width);
        original.train();
        using (no_grad())
        {
            // One training-mode pass moves the running statistics and counts a batch, so buffers are non-trivial.
            original.call(rand(2, 3, CourseClassifier.PictureSize, CourseClassifier.PictureSize));
        }

        var path = Path.Combine(folder, "round-trip.safetensors");
        CheckpointLoader.SaveSafetensors(original, path);
        using var copy = new CourseClassifier(TinyCheckpoint.Width);
        var format = CheckpointLoader.Load(copy, path);

        format.Should().Be(CheckpointFormat.Safetensors);
        var expected = original.state_dict();
        var actual = copy.state_dict();
        actual.Keys.Should().BeEquivalentTo(expected.Keys);
        expected["cnn.1.num_batches_tracked"].item<long>().Should().Be(1, "one training-mode batch was run");
        foreach (var (key, value) in expected)
        {
            actual[key].dtype.Should().Be(value.dtype, key);
            actual[key].Should().BeCloseTo(value, 0, 0, "{0} was written and read as raw little-endian bytes", key);
        }
    }

    [Test]
    public void Saving_into_a_missing_folder_names_the_folder()
    {
        using var model = new CourseClassifier(TinyCheckpoint.Width);
        var path = Path.Combine(folder, "absent", "x.safetensors");

        var act = () => CheckpointLoader.SaveSafetensors(model, path);

        act.Should().Throw<DirectoryNotFoundException>().WithMessage($"*{Path.Combine(folder, "absent")}*");
    }
}
