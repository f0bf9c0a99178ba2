using FluentAssertions;
using NUnit.Framework;
using XaiReference.Segmentation;
using static TorchSharp.torch;

namespace XaiReference.Specs.Segmentation;

/// <summary>SLIC is deterministic, leaves its input alone, and gives one answer whatever the input form.</summary>
public sealed class SameInputSameOutputSpecs
{
    [Test]
    public void Segmenting_twice_should_give_identical_labels_and_leave_the_input_unchanged()
    {
        var (rgb, width, height) = SlicFixtures.LoadPicture("noisy_texture");
        var before = rgb.ToArray();

        var first = Slic.Segment(rgb, width, height);
        var second = Slic.Segment(rgb, width, height);

        second.Labels.ToArray().Should().Equal(first.Labels.ToArray());
        rgb.Should().Equal(before);
    }

    [TestCaseSource(typeof(SlicFixtures), nameof(SlicFixtures.PictureNames))]
    public void Floats_doubles_and_a_3_by_H_by_W_tensor_should_give_the_same_labels(string name)
    {
        var (rgb, width, height) = SlicFixtures.LoadPicture(name);
        using var scope = NewDisposeScope();
        var chw = tensor(rgb, [height, width, 3]).permute(2, 0, 1).contiguous();

        var fromFloats = Slic.Segment(rgb, width, height).Labels.ToArray();
        var fromDoubles = Slic.Segment(Array.ConvertAll(rgb, v => (double)v), width, height).Labels.ToArray();
        var fromTensor = Slic.Segment(chw).Labels.ToArray();

        fromDoubles.Should().Equal(fromFloats, "floats widen to doubles exactly");
        fromTensor.Should().Equal(fromFloats, "the tensor holds the same floats in [3, H, W] order");
    }
}
