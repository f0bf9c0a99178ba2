namespace XaiReference.Figures;

/// <summary>
/// The geometry of a method figure: a title line, a row of N pictures with a caption band under it, then
/// the map rows, every cell the pictures' size, a margin between cells and a gutter on the left for row names.
/// </summary>
/// <remarks>Width and height follow from N, the row count and the cell size alone.</remarks>
public sealed record FigureLayout
{
    /// <summary>Pixels between neighbouring cells and around the figure.</summary>
    public const int Margin = 10;

    /// <summary>Width of the band on the left that holds the row names, written upwards.</summary>
    public const int Gutter = 22;

    /// <summary>Height of the title line.</summary>
    public const int TitleHeight = 26;

    /// <summary>Height of the caption band under the pictures.</summary>
    public const int CaptionHeight = 24;

    private FigureLayout(int columns, int mapRows, int cellWidth, int cellHeight)
    {
        Columns = columns;
        MapRows = mapRows;
        CellWidth = cellWidth;
        CellHeight = cellHeight;
    }

    /// <summary>Pictures per row, N.</summary>
    public int Columns { get; }

    /// <summary>Rows under the picture row.</summary>
    public int MapRows { get; }

    /// <summary>Width of every cell: the pictures' width.</summary>
    public int CellWidth { get; }

    /// <summary>Height of every cell: the pictures' height.</summary>
    public int CellHeight { get; }

    /// <summary>The figure's width in pixels: Gutter + Margin + N (cell width + Margin).</summary>
    public int Width => Gutter + Margin + (Columns * (CellWidth + Margin));

    /// <summary>
    /// The figure's height in pixels: Margin + TitleHeight + cell height + CaptionHeight
    /// + rows (cell height + Margin).
    /// </summary>
    public int Height => Margin + TitleHeight + CellHeight + CaptionHeight + (MapRows * (CellHeight + Margin));

    /// <summary>The layout of a figure of N pictures over some rows.</summary>
    /// <param name="columns">Pictures, N, at least 1.</param>
    /// <param name="mapRows">Rows under the pictures, at least 1.</param>
    /// <param name="cellWidth">The pictures' width, at least 1.</param>
    /// <param name="cellHeight">The pictures' height, at least 1.</param>
    public static FigureLayout For(int columns, int mapRows, int cellWidth, int cellHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(mapRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cellWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cellHeight, 1);
        return new FigureLayout(columns, mapRows, cellWidth, cellHeight);
    }

    /// <summary>The cell of picture <paramref name="column"/> in row <paramref name="row"/>.</summary>
    /// <param name="row">0 for the pictures, 1 .. <see cref="MapRows"/> for the rows under them.</param>
    /// <param name="column">0 .. N - 1.</param>
    public FigureCell Cell(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(row, MapRows);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);

        var left = Gutter + Margin + (column * (CellWidth + Margin));
        var top = Margin + TitleHeight;
        if (row > 0)
        {
            // Below the pictures and their captions; map rows are one cell and one margin apart.
            top += CellHeight + CaptionHeight + ((row - 1) * (CellHeight + Margin));
        }

        return new FigureCell(left, top, CellWidth, CellHeight);
    }
}
