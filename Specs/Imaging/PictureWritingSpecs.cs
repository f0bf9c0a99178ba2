using FluentAssertions;
using NUnit.Framework;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using XaiReference.Imaging;
using static TorchSharp.torch;

namespace XaiReference.Specs.Imaging;

/// <summary>Pictures and region masks written as PNG read back exactly.</summary>
public sealed class PictureWritingSpecs
{
    [Test]
    public void A_tensor_of_byte_levels_round_trips_exactly_through_png()
    {
        using var folder = new TemporaryFolder();
        using var levels = arange(3 * 5 * 7).remainder(256).to(ScalarType.Float32).div(255).reshape(3, 5, 7);

        PictureWriter.SavePng(levels, folder.File("levels.png"));
        using var image = PictureLoader.LoadOriginal(folder.File("levels.png"));
        using var back = PictureLoader.ToTensor(image);

        // Values k / 255 become byte k and back to k / 255f: exact.
        back.shape.Should().Equal(3, 5, 7);
        back.sub(levels).abs().max().item<float>().Should().Be(0f);
    }

    [Test]
    public void Values_outside_0_1_are_clamped()
    {
        using var folder = new TemporaryFolder();
        using var picture = tensor(new[] { -0.5f, 1.5f, 0.5f }, [3, 1, 1]);

        PictureWriter.SavePng(picture, folder.File("clamped.png"));
        using var image = Image.Load<Rgb24>(folder.File("clamped.png"));

        // 0.5 * 255 = 127.5 rounds to even, 128.
        image[0, 0].Should().Be(new Rgb24(0, 255, 128));
    }

    [Test]
    public void A_tensor_that_is_not_3_by_h_by_w_is_refused_naming_its_shape()
    {
        using var folder = new TemporaryFolder();
        using var picture = zeros(4, 5, 5);

        var act = () => PictureWriter.SavePng(picture, folder.File("x.png"));

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "picture" && e.Message.Contains("[4, 5, 5]"));
    }

    [Test]
    public void A_region_mask_round_trips_exactly_and_is_readable_grey()
    {
        using var folder = new TemporaryFolder();
        var mask = Enumerable.Range(0, 9 * 6).Select(i => (byte)(i * 7 % 3)).ToArray();

        RegionMaskFile.Save(mask, 9, 6, folder.File("mask.png"));
        var back = RegionMaskFile.Load(folder.File("mask.png"));
        using var grey = Image.Load<L8>(folder.File("mask.png"));

        (back.Width, back.Height).Should().Be((9, 6));
        back.Values.Should().Equal(mask);
        grey[0, 0].PackedValue.Should().Be(0, "region 0 is black");
        grey[1, 0].PackedValue.Should().Be(128, "pixel 1 holds region 1 * 7 % 3 = 1, mid grey");
        grey[2, 0].PackedValue.Should().Be(255, "pixel 2 holds region 2 * 7 % 3 = 2, white");
    }

    [Test]
    public void A_mask_value_other_than_0_1_2_is_refused()
    {
        using var folder = new TemporaryFolder();

        var act = () => RegionMaskFile.Save(new byte[] { 0, 1, 3, 2 }, 2, 2, folder.File("bad.png"));

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "mask" && e.Message.Contains("got 3"));
    }

    [Test]
    public void A_mask_file_with_another_grey_level_is_refused_naming_the_file()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("odd.png");
        using (var image = new Image<L8>(3, 3, new L8(77)))
        {
            image.SaveAsPng(path);
        }

        var act = () => RegionMaskFile.Load(path);

        act.Should().Throw<PictureLoadException>().Where(e => e.Path == path && e.Message.Contains("region level"));
    }
}
