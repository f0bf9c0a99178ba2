using static TorchSharp.torch;

namespace XaiReference.Figures;

/// <summary>One row of a method figure: a name shown beside it and one RGB cell per picture.</summary>
/// <param name="Name">Written beside the row, e.g. "saliency" or "filter 0 activation".</param>
/// <param name="Cells">
/// [N, 3, h, w] RGB in [0, 1], one cell per picture of the figure; values outside [0, 1] are clamped.
/// Cells smaller than the pictures are enlarged to the pictures' size with nearest-neighbour sampling.
/// The row does not own the tensor; the builders of <see cref="MethodFigure"/> create it in the caller's
/// current dispose scope.
/// </param>
public sealed record FigureRow(string Name, Tensor Cells);
