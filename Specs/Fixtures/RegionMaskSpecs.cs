using FluentAssertions;
using NUnit.Framework;
using XaiReference.Fixtures;

namespace XaiReference.Specs.Fixtures;

/// <summary>Every picture has table, plate and food, in shares that follow from the drawing geometry.</summary>
public sealed class RegionMaskSpecs
{
    private static readonly IReadOnlyList<GeneratedPicture> Pictures =
        new FoodPictureGenerator(2024).GenerateBalanced(10);

    [Test]
    public void Every_mask_holds_only_the_three_region_values()
    {
        foreach (var picture in Pictures)
        {
            picture.RegionMask.ToArray().Should().OnlyContain(v => v <= 2, $"picture {picture.Position}");
            picture.RegionMask.Length.Should().Be(128 * 128);
        }
    }

    [Test]
    public void Every_picture_shows_table_plate_and_food_in_plausible_shares()
    {
        foreach (var picture in Pictures)
        {
            var food = picture.AreaShare(PictureRegion.Food);
            var plate = picture.AreaShare(PictureRegion.Plate);
            var table = picture.AreaShare(PictureRegion.Background);
            var because = $"picture {picture.Position} ({picture.ClassName})";

            // The plate's radii are at most 57 px, so plate and food cover at most pi * 57^2 / 128^2 = 0.623:
            // the table keeps at least 0.377, less a pixel ring of anti-aliasing (0.01).
            table.Should().BeGreaterThan(0.367, because);

            // The largest food, soup, is a disc of 1.02 frame units, at most 1.02 * 0.8 = 0.816 of the plate's
            // smaller radius r. It leaves at least (1 - 0.816^2) * pi * r^2 of the plate bare, with r at least
            // 44 * 0.86 = 37.8 px: 0.334 * pi * 37.8^2 / 128^2 = 0.091 of the picture.
            plate.Should().BeGreaterThan(0.09, because);

            // Food must be visible (2%, 330 pixels); at most it is that soup disc with r = 57:
            // pi * 46.5^2 / 128^2 = 0.416.
            food.Should().BeInRange(0.02, 0.42, because);
            (food + plate + table).Should().BeApproximately(1.0, 1e-12, "the three shares partition the picture");
        }
    }

    [Test]
    public void Food_lies_on_the_plate()
    {
        foreach (var picture in Pictures)
        {
            var mask = picture.RegionMask.Span;
            int food = 0, onPlate = 0;
            for (var row = 0; row < picture.Size; row++)
            {
                for (var column = 0; column < picture.Size; column++)
                {
                    if (mask[(row * picture.Size) + column] != (byte)PictureRegion.Food)
                    {
                        continue;
                    }

                    food++;
                    onPlate += picture.Plate.Contains(column, row) ? 1 : 0;
                }
            }

            // The food reaches at most 0.12 * 0.8 * sqrt(2) + 1.05 * 0.8 = 0.98 of the plate's smaller radius
            // from its centre, so only anti-aliased edge pixels (at most 1%) may fall outside the ellipse.
            ((double)onPlate / food).Should().BeGreaterThanOrEqualTo(
                0.99,
                $"picture {picture.Position} ({picture.ClassName}) has {food - onPlate} of {food} food pixels off it");
        }
    }

    [Test]
    public void The_plate_region_lies_inside_the_plate_ellipse()
    {
        foreach (var picture in Pictures)
        {
            var mask = picture.RegionMask.Span;
            for (var row = 0; row < picture.Size; row++)
            {
                for (var column = 0; column < picture.Size; column++)
                {
                    if (mask[(row * picture.Size) + column] == (byte)PictureRegion.Plate)
                    {
                        // Half coverage of an anti-aliased edge can put a pixel centre up to half a pixel outside.
                        var grown = picture.Plate with
                        {
                            RadiusX = picture.Plate.RadiusX + 0.75,
                            RadiusY = picture.Plate.RadiusY + 0.75,
                        };
                        grown.Contains(column, row).Should().BeTrue($"({column}, {row}) of picture {picture.Position}");
                    }
                }
            }
        }
    }
}
