using FluentAssertions;
using NUnit.Framework;
using XaiReference.Segmentation;
using static TorchSharp.torch;

namespace XaiReference.Specs.Segmentation;

/// <summary>Bad input is refused with an exception that names the parameter and the offending value.</summary>
public sealed class BadInputSpecs
{
    private const int Side = 8;

    [Test]
    public void A_buffer_of_the_wrong_length_should_be_refused_naming_rgb()
    {
        var act = () => Slic.Segment(new float[(Side * Side * 3) - 1], Side, Side);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "rgb" && e.Message.Contains("191"));
    }

    [TestCase(0, 8, "width")]
    [TestCase(8, -1, "height")]
    public void A_size_below_1_should_be_refused_naming_it(int width, int height, string parameter)
    {
        var act = () => Slic.Segment(new float[3], width, height);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == parameter);
    }

    [TestCase(float.NaN, "NaN")]
    [TestCase(1.5f, "1.5")]
    [TestCase(-0.25f, "-0.25")]
    [TestCase(float.PositiveInfinity, "Infinity")]
    public void A_value_outside_0_to_1_should_be_refused_naming_rgb_and_the_pixel(float bad, string shown)
    {
        var rgb = new float[Side * Side * 3];
        rgb[(((2 * Side) + 5) * 3) + 1] = bad;

        var act = () => Slic.Segment(rgb, Side, Side);

        act.Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "rgb")
            .WithMessage($"*{shown} at row 2, column 5, channel 1*");
    }

    private static IEnumerable<TestCaseData> BadSettings()
    {
        var course = SlicSettings.Course;
        yield return Case(course with { SegmentCount = 0 }, "SegmentCount", "0");
        yield return Case(course with { Compactness = 0 }, "Compactness", "0");
        yield return Case(course with { Compactness = double.NaN }, "Compactness", "NaN");
        yield return Case(course with { Sigma = -1 }, "Sigma", "-1");
        yield return Case(course with { MaxIterations = 0 }, "MaxIterations", "0");
        yield return Case(course with { MinSizeFactor = -0.5 }, "MinSizeFactor", "-0.5");
        yield return Case(course with { MaxSizeFactor = 0 }, "MaxSizeFactor", "0");

        static TestCaseData Case(SlicSettings settings, string setting, string value) =>
            new TestCaseData(settings, setting).SetArgDisplayNames($"{setting} {value}");
    }

    [TestCaseSource(nameof(BadSettings))]
    public void A_setting_out_of_range_should_be_refused_naming_settings_and_the_setting(
        SlicSettings settings,
        string setting)
    {
        var act = () => Slic.Segment(new float[Side * Side * 3], Side, Side, settings);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "settings")
            .WithMessage($"*SlicSettings.{setting}*");
    }

    [Test]
    public void A_tensor_that_is_not_3_by_H_by_W_should_be_refused_naming_image()
    {
        using var image = zeros(4, Side, Side);

        var act = () => Slic.Segment(image);

        act.Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "image")
            .WithMessage("*[3, H, W]*[4, 8, 8]*");
    }

    [Test]
    public void An_integer_tensor_should_be_refused_naming_image()
    {
        using var image = zeros([3, Side, Side], ScalarType.Int32);

        var act = () => Slic.Segment(image);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "image" && e.Message.Contains("Int32"));
    }

    [Test]
    public void A_tensor_value_outside_0_to_1_should_be_refused_naming_image()
    {
        using var image = full(3, Side, Side, 2.0f);

        var act = () => Slic.Segment(image);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "image");
    }
}
