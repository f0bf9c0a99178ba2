using FluentAssertions;
using NUnit.Framework;
using XaiReference.Fixtures;

namespace XaiReference.Specs.Fixtures;

/// <summary>The generator is a pure function of (seed, stream position, label).</summary>
public sealed class GeneratorDeterminismSpecs
{
    [Test]
    public void The_same_seed_gives_identical_pictures_and_masks()
    {
        var first = new FoodPictureGenerator(42).GenerateBalanced(2);
        var second = new FoodPictureGenerator(42).GenerateBalanced(2);

        for (var i = 0; i < first.Count; i++)
        {
            first[i].Rgb.ToArray().Should().Equal(second[i].Rgb.ToArray(), $"picture {i} comes from the same seed");
            first[i].RegionMask.ToArray().Should().Equal(second[i].RegionMask.ToArray());
        }
    }

    [Test]
    public void Another_seed_gives_different_pictures()
    {
        var first = new FoodPictureGenerator(42).GenerateBalanced(1);
        var other = new FoodPictureGenerator(43).GenerateBalanced(1);

        for (var i = 0; i < first.Count; i++)
        {
            var differing = CountDiffering(first[i].Rgb.Span, other[i].Rgb.Span);

            // Table, plate and food are all redrawn, so far more than a handful of bytes must change.
            differing.Should().BeGreaterThan(first[i].Rgb.Length / 4, $"picture {i} of two seeds");
        }
    }

    [Test]
    public void Create_rebuilds_any_picture_of_a_stream_without_replaying_it()
    {
        var generator = new FoodPictureGenerator(7);
        var stream = Enumerable.Range(0, 5).Select(i => generator.Generate(i * 2)).ToList();

        var third = FoodPictureGenerator.Create(7, position: 3, label: 6);

        generator.Position.Should().Be(5);
        stream[3].Position.Should().Be(3);
        third.Rgb.ToArray().Should().Equal(stream[3].Rgb.ToArray());
        third.RegionMask.ToArray().Should().Equal(stream[3].RegionMask.ToArray());
    }

    [Test]
    public void The_table_and_plate_do_not_depend_on_the_label()
    {
        // Same seed and position, two labels: away from either food, every byte must agree.
        var egg = FoodPictureGenerator.Create(11, 0, label: 3);
        var soup = FoodPictureGenerator.Create(11, 0, label: 9);
        var size = egg.Size;

        var compared = 0;
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                if (NearFood(egg, row, column) || NearFood(soup, row, column))
                {
                    continue;
                }

                compared++;
                var i = ((row * size) + column) * 3;
                egg.Rgb.Span.Slice(i, 3).ToArray().Should().Equal(
                    soup.Rgb.Span.Slice(i, 3).ToArray(), $"pixel ({column}, {row}) shows no food in either picture");
            }
        }

        egg.Plate.Should().Be(soup.Plate);
        compared.Should().BeGreaterThan(size * size / 2, "most of the picture is table and plate");
    }

    [Test]
    public void Balanced_generation_cycles_through_the_eleven_labels()
    {
        var pictures = new FoodPictureGenerator(5).GenerateBalanced(3);

        pictures.Select(p => p.Label).Should().Equal(Enumerable.Range(0, 33).Select(i => i % 11));
        pictures.Select(p => p.Position).Should().Equal(Enumerable.Range(0, 33).Select(i => (long)i));
    }

    [Test]
    public void Balanced_generation_in_parallel_equals_generating_one_by_one()
    {
        var balanced = new FoodPictureGenerator(8).GenerateBalanced(2);
        var oneByOne = new FoodPictureGenerator(8);

        foreach (var picture in balanced)
        {
            var expected = oneByOne.Generate(picture.Label);
            picture.Position.Should().Be(expected.Position);
            picture.Rgb.ToArray().Should().Equal(expected.Rgb.ToArray(), $"picture {picture.Position}");
        }
    }

    [Test]
    public void A_label_outside_food_11_is_refused_naming_the_parameter()
    {
        var generator = new FoodPictureGenerator(1);

        var act = () => generator.Generate(11);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "label" && e.Message.Contains("got 11"));
        generator.Position.Should().Be(0, "a refused call does not advance the stream");
    }

    [Test]
    public void The_tensor_holds_the_bytes_divided_by_255_in_channel_first_order()
    {
        var picture = FoodPictureGenerator.Create(3, 0, 8);

        using var tensor = picture.ToTensor();

        tensor.shape.Should().Equal(3, 128, 128);
        tensor.dtype.Should().Be(TorchSharp.torch.ScalarType.Float32);
        var values = tensor.data<float>().ToArray();
        var rgb = picture.Rgb.Span;
        var plane = 128 * 128;
        foreach (var (channel, pixel) in new[] { (0, 0), (1, 5000), (2, 16383), (0, 8256) })
        {
            // Exact: both sides compute byte / 255f in single precision.
            values[(channel * plane) + pixel].Should().Be(rgb[(pixel * 3) + channel] / 255f);
        }
    }

    private static int CountDiffering(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            count += a[i] == b[i] ? 0 : 1;
        }

        return count;
    }

    private static bool NearFood(GeneratedPicture picture, int row, int column)
    {
        // Anti-aliased food edges tint pixels just outside the food mask, so a one-pixel ring is skipped too.
        var mask = picture.RegionMask.Span;
        for (var r = Math.Max(0, row - 1); r <= Math.Min(picture.Size - 1, row + 1); r++)
        {
            for (var c = Math.Max(0, column - 1); c <= Math.Min(picture.Size - 1, column + 1); c++)
            {
                if (mask[(r * picture.Size) + c] == (byte)PictureRegion.Food)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
