using FluentAssertions;
using NUnit.Framework;
using static TorchSharp.torch;
using LabelMap = XaiReference.Segmentation.SuperpixelMap;

namespace XaiReference.Specs.Segmentation;

/// <summary>The label map type keeps its promise of labels 0 .. Count - 1 without gaps.</summary>
public sealed class SegmentationResultSpecs
{
    [Test]
    public void It_should_count_labels_index_by_row_and_column_and_size_segments()
    {
        // 3 wide, 2 high: row 0 = 0 0 1, row 1 = 2 1 1.
        var map = new LabelMap(3, 2, [0, 0, 1, 2, 1, 1]);

        map.Count.Should().Be(3);
        map[1, 0].Should().Be(2);
        map[0, 2].Should().Be(1);
        map.SegmentSizes().Should().Equal(2, 3, 1);
    }

    [Test]
    public void Its_tensor_should_be_int64_height_by_width()
    {
        var map = new LabelMap(3, 2, [0, 0, 1, 2, 1, 1]);

        using var labels = map.ToTensor();

        labels.shape.Should().Equal(2, 3);
        labels.dtype.Should().Be(ScalarType.Int64);
        labels.data<long>().ToArray().Should().Equal(0, 0, 1, 2, 1, 1);
    }

    [Test]
    public void Labels_with_a_gap_should_be_refused_naming_labels()
    {
        var act = () => new LabelMap(2, 2, [0, 2, 2, 0]);

        act.Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "labels")
            .WithMessage("*1 is missing*");
    }

    [Test]
    public void A_negative_label_or_a_wrong_count_should_be_refused_naming_labels()
    {
        var negative = () => new LabelMap(2, 1, [0, -1]);
        var short_ = () => new LabelMap(2, 2, [0, 0, 0]);

        negative.Should().Throw<ArgumentException>().Where(e => e.ParamName == "labels");
        short_.Should().Throw<ArgumentException>().Where(e => e.ParamName == "labels" && e.Message.Contains("4"));
    }

    [Test]
    public void The_indexer_should_refuse_a_pixel_outside_the_picture()
    {
        var map = new LabelMap(3, 2, [0, 0, 1, 2, 1, 1]);

        var act = () => map[2, 0];

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "row");
    }
}
