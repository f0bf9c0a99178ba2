using FluentAssertions;
using NUnit.Framework;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using XaiReference.Figures;
using XaiReference.Imaging;
using static TorchSharp.torch;

namespace XaiReference.Specs.Figures;

/// <summary>
/// A method figure is the pictures over rows of maps: its size follows from N and the rows, map cells show
/// the colour-mapped values pixel for pixel, the title is drawn, and nothing is drawn for no pictures.
/// </summary>
public sealed class MethodFigureSpecs
{
    private const int Size = 16;

    [TestCase(1, 1)]
    [TestCase(3, 1)]
    [TestCase(3, 2)]
    [TestCase(4, 3)]
    public void The_figure_size_follows_from_the_picture_count_and_the_rows(int count, int rows)
    {
        using var scope = NewDisposeScope();
        var pictures = rand(count, 3, Size, Size);
        var mapRows = Enumerable.Range(0, rows).Select(r => MethodFigure.MapRow($"row {r}", rand(count, 8, 8)))
            .ToArray();

        using var figure = Image.Load<Rgb24>(MethodFigure.RenderPng("title", pictures, Captions(count), mapRows));

        // Hand-derived from the layout's constants: each picture adds a cell and a margin across, each row down.
        var layout = FigureLayout.For(count, rows, Size, Size);
        figure.Width.Should().Be(layout.Width);
        figure.Height.Should().Be(layout.Height);
        layout.Width.Should().Be(FigureLayout.Gutter + FigureLayout.Margin + (count * (Size + FigureLayout.Margin)));
        layout.Height.Should().Be(
            FigureLayout.Margin + FigureLayout.TitleHeight + Size + FigureLayout.CaptionHeight
            + (rows * (Size + FigureLayout.Margin)));
    }

    [Test]
    public void A_map_cell_shows_the_hot_colours_of_the_map_scaled_to_its_own_range()
    {
        using var scope = NewDisposeScope();

        // A ramp over [0, 1] per picture, stored shifted and stretched to [2, 5]: the figure scales each map to
        // its own range first (as imshow does), so the cell must show Hot(ramp) exactly.
        var ramp = arange(Size * Size, dtype: ScalarType.Float32).reshape(Size, Size) / ((Size * Size) - 1);
        var flipped = ramp.flip(1);
        var maps = stack([ramp, flipped]) * 3 + 2;
        var pictures = rand(2, 3, Size, Size);

        using var figure = Image.Load<Rgb24>(
            MethodFigure.RenderPng("hot", pictures, Captions(2), [MethodFigure.MapRow("map", maps)]));

        var layout = FigureLayout.For(2, 1, Size, Size);
        foreach (var (column, map) in new[] { (0, ramp), (1, flipped) })
        {
            // Exact: both sides round(v * 255) of the same float32 colours; PNG and whole-pixel drawing lose nothing.
            var expected = ColorMaps.Apply(map, ColorMap.Hot).mul(255).round().to(ScalarType.Byte)
                .permute(1, 2, 0).contiguous().data<byte>().ToArray();
            CellBytes(figure, layout.Cell(1, column)).Should().Equal(expected, $"cell of map {column}");
        }
    }

    [Test]
    public void The_pictures_appear_unchanged_in_the_first_row()
    {
        using var scope = NewDisposeScope();
        var pictures = rand(2, 3, Size, Size);

        using var figure = Image.Load<Rgb24>(
            MethodFigure.RenderPng("pictures", pictures, Captions(2), [MethodFigure.MapRow("map", rand(2, 4, 4))]));

        // Exact: round(v * 255) on both sides, as PictureWriter stores pictures.
        var layout = FigureLayout.For(2, 1, Size, Size);
        var expected = pictures[1].mul(255).round().to(ScalarType.Byte).permute(1, 2, 0).contiguous()
            .data<byte>().ToArray();
        CellBytes(figure, layout.Cell(0, 1)).Should().Equal(expected);
    }

    [Test]
    public void The_title_is_drawn_in_the_title_line()
    {
        using var scope = NewDisposeScope();
        // Eight pictures make the figure wide enough (about 200 pixels) for the whole title.
        var pictures = zeros(8, 3, Size, Size) + 0.5;
        FigureRow[] rows = [MethodFigure.PictureRow("grey", pictures, normalise: false)];
        var blank = Enumerable.Repeat("", 8).ToArray();

        using var titled = Image.Load<Rgb24>(MethodFigure.RenderPng("Saliency (course)", pictures, blank, rows));
        using var untitled = Image.Load<Rgb24>(MethodFigure.RenderPng("", pictures, blank, rows));

        // The band above the first cell, right of the row names' gutter, holds only the title: ink there is its.
        var band = FigureLayout.Margin + FigureLayout.TitleHeight - 2;
        InkedPixels(untitled, band).Should().Be(0);
        InkedPixels(titled, band).Should().BeGreaterThan(100, "'Saliency (course)' at 16 px leaves visible ink");
    }

    [Test]
    public void No_pictures_are_refused()
    {
        using var scope = NewDisposeScope();
        var none = zeros(0, 3, Size, Size);

        var act = () => MethodFigure.RenderPng("empty", none, [], [new FigureRow("map", none)]);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "pictures")
            .WithMessage("Expected at least one picture, got none.*");
    }

    [Test]
    public void A_row_with_the_wrong_number_of_cells_is_refused()
    {
        using var scope = NewDisposeScope();
        var pictures = rand(2, 3, Size, Size);

        FigureRow[] rows = [MethodFigure.MapRow("map", rand(1, 4, 4))];

        var act = () => MethodFigure.RenderPng("short", pictures, Captions(2), rows);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "rows")
            .WithMessage("Expected 2 cells in row 'map', got 1.*");
    }

    private static string[] Captions(int count) => Enumerable.Range(0, count).Select(MethodFigure.Caption).ToArray();

    private static byte[] CellBytes(Image<Rgb24> figure, FigureCell cell)
    {
        var bytes = new List<byte>(cell.Width * cell.Height * 3);
        for (var y = cell.Top; y < cell.Top + cell.Height; y++)
        {
            for (var x = cell.Left; x < cell.Left + cell.Width; x++)
            {
                var p = figure[x, y];
                bytes.AddRange([p.R, p.G, p.B]);
            }
        }

        return [.. bytes];
    }

    private static int InkedPixels(Image<Rgb24> figure, int rows)
    {
        var count = 0;
        for (var y = 0; y < rows; y++)
        {
            for (var x = FigureLayout.Gutter; x < figure.Width; x++)
            {
                var p = figure[x, y];
                // Any channel below 200 on the white ground: glyph strokes and their antialiased edges.
                count += Math.Min(p.R, Math.Min(p.G, p.B)) < 200 ? 1 : 0;
            }
        }

        return count;
    }
}
