namespace XaiReference.Figures;

/// <summary>Where one cell of a method figure lies, in pixels from the figure's top-left corner.</summary>
/// <param name="Left">The cell's first column.</param>
/// <param name="Top">The cell's first row.</param>
/// <param name="Width">Its width.</param>
/// <param name="Height">Its height.</param>
public readonly record struct FigureCell(int Left, int Top, int Width, int Height);
