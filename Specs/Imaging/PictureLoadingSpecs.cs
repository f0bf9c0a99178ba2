using FluentAssertions;
using NUnit.Framework;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using XaiReference.Fixtures;
using XaiReference.Imaging;
using static TorchSharp.torch;

namespace XaiReference.Specs.Imaging;

/// <summary>PNG and JPEG files of any size come out as the course's input: float32 [3, 128, 128] in [0, 1].</summary>
public sealed class PictureLoadingSpecs
{
    [TestCase("wide.png", 200, 150)]
    [TestCase("tall.jpg", 64, 300)]
    [TestCase("large.jpeg", 1024, 768)]
    [TestCase("small.png", 40, 30)]
    public void A_picture_of_any_size_becomes_a_3_by_128_by_128_tensor_in_0_1(string name, int width, int height)
    {
        using var folder = new TemporaryFolder();
        using (var image = TestImages.Ramp(width, height))
        {
            image.Save(folder.File(name));
        }

        using var tensor = PictureLoader.LoadTensor(folder.File(name));

        tensor.shape.Should().Equal(3, 128, 128);
        tensor.dtype.Should().Be(ScalarType.Float32);
        tensor.min().item<float>().Should().BeGreaterThanOrEqualTo(0f);
        tensor.max().item<float>().Should().BeLessThanOrEqualTo(1f);
    }

    [Test]
    public void A_flat_colour_png_keeps_its_colour_through_the_resize()
    {
        using var folder = new TemporaryFolder();
        using (var image = TestImages.Solid(300, 90, new Rgb24(200, 100, 30)))
        {
            image.SaveAsPng(folder.File("flat.png"));
        }

        using var tensor = PictureLoader.LoadTensor(folder.File("flat.png"));

        // The resampler's weights sum to 1 in single precision, so a constant may land on a neighbouring
        // level: one level of 255 is the tolerance.
        var expected = new[] { 200 / 255f, 100 / 255f, 30 / 255f };
        for (var channel = 0; channel < 3; channel++)
        {
            var worst = tensor[channel].sub(expected[channel]).abs().max().item<float>();
            worst.Should().BeLessThanOrEqualTo(1 / 255f + 1e-6f, $"channel {channel}");
        }
    }

    [Test]
    public void A_flat_colour_jpeg_keeps_its_colour_within_the_jpeg_error()
    {
        using var folder = new TemporaryFolder();
        using (var image = TestImages.Solid(150, 120, new Rgb24(200, 100, 30)))
        {
            image.SaveAsJpeg(folder.File("flat.jpg"));
        }

        using var tensor = PictureLoader.LoadTensor(folder.File("flat.jpg"));

        // A flat block keeps only its DC term; RGB -> YCbCr -> RGB rounding and chroma quantisation move a
        // channel by a few levels: 6 of 255 bounds that at ImageSharp's default quality (75).
        var expected = new[] { 200 / 255f, 100 / 255f, 30 / 255f };
        for (var channel = 0; channel < 3; channel++)
        {
            var worst = tensor[channel].sub(expected[channel]).abs().max().item<float>();
            worst.Should().BeLessThanOrEqualTo(6 / 255f, $"channel {channel}");
        }
    }

    [Test]
    public void A_128_pixel_png_loads_back_to_exactly_the_bytes_it_holds()
    {
        using var folder = new TemporaryFolder();
        var picture = FoodPictureGenerator.Create(4, 0, 7);
        PictureWriter.SavePng(picture.Rgb.Span, 128, 128, folder.File("rice.png"));

        using var loaded = PictureLoader.LoadTensor(folder.File("rice.png"));
        using var expected = picture.ToTensor();

        // Resizing 128 x 128 to 128 x 128 must leave every value as it is.
        loaded.shape.Should().Equal(expected.shape);
        loaded.sub(expected).abs().max().item<float>().Should().Be(0f);
    }

    [Test]
    public void A_batch_stacks_the_pictures_in_the_given_order()
    {
        using var folder = new TemporaryFolder();
        var colours = new[] { new Rgb24(255, 0, 0), new Rgb24(0, 0, 255) };
        for (var i = 0; i < colours.Length; i++)
        {
            using var image = TestImages.Solid(64, 64, colours[i]);
            image.SaveAsPng(folder.File($"{i}.png"));
        }

        using var batch = PictureLoader.LoadBatch([folder.File("0.png"), folder.File("1.png")]);

        batch.shape.Should().Equal(2, 3, 128, 128);
        // One level of 255, as for any flat colour through the resampler.
        batch[0, 0].mean().item<float>().Should().BeApproximately(1f, 1 / 255f, "picture 0 is pure red");
        batch[0, 2].mean().item<float>().Should().BeApproximately(0f, 1 / 255f, "picture 0 has no blue");
        batch[1, 2].mean().item<float>().Should().BeApproximately(1f, 1 / 255f, "picture 1 is pure blue");
    }
}
