using FluentAssertions;
using NUnit.Framework;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using XaiReference.Imaging;

namespace XaiReference.Specs.Imaging;

/// <summary>The contact sheet shows every picture whole, enlarged by whole pixels, with captions.</summary>
public sealed class ContactSheetSpecs
{
    [Test]
    public void Every_picture_appears_enlarged_pixel_for_pixel()
    {
        ContactSheetItem[] items =
        [
            Solid(16, 16, 250, 10, 10, "0: Bread"),
            Solid(16, 16, 10, 10, 250, "1: Dairy product", "predicted Dairy product (97%)"),
            Solid(8, 8, 10, 250, 10, "2: Dessert with a caption far too long to fit under so small a picture"),
        ];

        using var sheet = Image.Load<Rgb24>(ContactSheet.RenderPng(items, columns: 2, scale: 2));

        // Nearest-neighbour enlargement on whole pixels: a 16 x 16 picture covers exactly 32 x 32 pixels.
        Count(sheet, new Rgb24(250, 10, 10)).Should().Be(32 * 32);
        Count(sheet, new Rgb24(10, 10, 250)).Should().Be(32 * 32);
        Count(sheet, new Rgb24(10, 250, 10)).Should().Be(16 * 16);
        sheet.Width.Should().BeGreaterThanOrEqualTo(2 * 32, "two columns of 32-pixel cells");
        sheet.Height.Should().BeGreaterThanOrEqualTo(2 * 32, "two rows");
    }

    [Test]
    public void Captions_are_drawn_under_the_pictures()
    {
        ContactSheetItem[] items = [Solid(16, 16, 250, 10, 10, "0: Bread")];
        ContactSheetItem[] blank = [Solid(16, 16, 250, 10, 10, string.Empty)];

        using var captioned = Image.Load<Rgb24>(ContactSheet.RenderPng(items, scale: 4));
        using var empty = Image.Load<Rgb24>(ContactSheet.RenderPng(blank, scale: 4));

        // Same layout, so any dark pixel in the first sheet below the picture is caption ink.
        var dark = Count(captioned, p => p.R < 100 && p.G < 100 && p.B < 100);
        Count(empty, p => p.R < 100 && p.G < 100 && p.B < 100).Should().Be(0);
        dark.Should().BeGreaterThan(20, "'0: Bread' at 15 px leaves visible ink");
    }

    [Test]
    public void An_empty_list_is_refused()
    {
        var act = () => ContactSheet.RenderPng([]);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "items");
    }

    private static ContactSheetItem Solid(int w, int h, byte r, byte g, byte b, string caption, string? detail = null)
    {
        var rgb = new byte[w * h * 3];
        for (var i = 0; i < w * h; i++)
        {
            (rgb[i * 3], rgb[(i * 3) + 1], rgb[(i * 3) + 2]) = (r, g, b);
        }

        return new ContactSheetItem(rgb, w, h, caption, detail);
    }

    private static int Count(Image<Rgb24> image, Rgb24 colour) => Count(image, p => p == colour);

    private static int Count(Image<Rgb24> image, Func<Rgb24, bool> predicate)
    {
        var count = 0;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (var pixel in rows.GetRowSpan(y))
                {
                    count += predicate(pixel) ? 1 : 0;
                }
            }
        });
        return count;
    }
}
