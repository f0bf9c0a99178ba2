using FluentAssertions;
using NUnit.Framework;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using XaiReference.Figures;
using static TorchSharp.torch;

namespace XaiReference.Specs.Figures;

/// <summary>
/// The palette encoding keeps a figure's size, and its pixels close where the figure has few colours.
/// </summary>
public sealed class FigurePngSpecs
{
    [Test]
    public void A_figure_with_few_colours_keeps_every_pixel_within_a_few_levels()
    {
        using var scope = NewDisposeScope();

        // Two flat pictures over a two-level map: white ground, grey frames, these fills and the title's
        // antialiased ink stay well under 256 colours, so the palette holds them all.
        var pictures = stack([zeros(3, 16, 16) + 0.2, zeros(3, 16, 16) + 0.8]);
        var maps = stack([zeros(16, 16), ones(16, 16)]).reshape(2, 16, 16);
        maps[0, 0, 0] = tensor(1f);
        var png = MethodFigure.RenderPng("few", pictures, ["a", "b"], [MethodFigure.MapRow("map", maps)]);

        using var original = Image.Load<Rgb24>(png);
        using var palette = Image.Load<Rgb24>(FigurePng.ToPalette(png));

        (palette.Width, palette.Height).Should().Be((original.Width, original.Height));
        var worst = 0;
        for (var y = 0; y < original.Height; y++)
        {
            for (var x = 0; x < original.Width; x++)
            {
                var (a, b) = (original[x, y], palette[x, y]);
                var channel = Math.Max(Math.Abs(a.R - b.R), Math.Max(Math.Abs(a.G - b.G), Math.Abs(a.B - b.B)));
                worst = Math.Max(worst, channel);
            }
        }

        // Wu's quantiser sorts colours into a histogram of 32 levels per channel, boxes 8 levels of 255 wide; with
        // far fewer boxes than 256 in use none are merged, so a colour moves at most to its box's mean: < 8.
        worst.Should().BeLessThan(8, "each colour stays within its histogram box of 8 levels");
    }

    [TestCase(1)]
    [TestCase(257)]
    public void A_palette_size_outside_2_to_256_is_refused(int colors)
    {
        var act = () => FigurePng.ToPalette([], colors);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "colors")
            .WithMessage($"Expected 2 .. 256 colours, got {colors}.*");
    }
}
