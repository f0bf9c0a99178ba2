using static TorchSharp.torch;

namespace XaiReference.Attribution;

/// <summary>Which superpixels a LIME view shows.</summary>
public enum LimeEvidence
{
    /// <summary>Superpixels of either sign: positive ones green, negative ones red (the course's view).</summary>
    Both,

    /// <summary>Only superpixels with positive weight.</summary>
    PositiveOnly,

    /// <summary>Only superpixels with negative weight.</summary>
    NegativeOnly,
}

/// <summary>
/// The picture-and-mask view of a LIME explanation, as lime's <c>get_image_and_mask</c> draws it.
/// </summary>
/// <remarks>
/// With <see cref="LimeEvidence.Both"/>, the <c>features</c> superpixels of largest absolute weight are
/// visited and those with |weight| &lt; <c>minWeight</c> skipped; a kept superpixel has its green channel
/// (positive weight) or red channel (negative weight) set to the picture's maximum. With one sign, the
/// superpixels of that sign whose weight exceeds <c>minWeight</c> in that direction are kept, up to
/// <c>features</c> of them, and shown untinted. The course's call is Both, 11 features, minimum weight 0.05.
/// </remarks>
public static class LimeView
{
    /// <summary>The tinted picture and the mask (+1 positive, -1 negative, 0 not shown) for one class.</summary>
    /// <param name="picture">[3, H, W] picture the explanation was made for.</param>
    /// <param name="explanation">The explanation.</param>
    /// <param name="target">An explained class.</param>
    /// <param name="evidence">Which signs to show.</param>
    /// <param name="features">At most this many superpixels. The course uses 11.</param>
    /// <param name="minWeight">Weights below this (in absolute value) are not shown. The course uses 0.05.</param>
    /// <param name="hideRest">Black out every superpixel that is not shown.</param>
    /// <returns>The view [3, H, W] and a row-major H x W mask.</returns>
    public static (Tensor Picture, int[] Mask) ImageAndMask(
        Tensor picture,
        LimeExplanation explanation,
        int target,
        LimeEvidence evidence = LimeEvidence.Both,
        int features = 11,
        double minWeight = 0.05,
        bool hideRest = false)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 0);
        if (picture.dim() != 3 || picture.shape[0] != 3 || picture.shape[1] != explanation.Height
            || picture.shape[2] != explanation.Width)
        {
            throw new ArgumentException(
                $"Expected the explained picture [3, {explanation.Height}, {explanation.Width}], " +
                $"got [{string.Join(", ", picture.shape)}].", nameof(picture));
        }

        var fit = explanation[target];
        var shown = new Dictionary<int, int>();
        if (evidence == LimeEvidence.Both)
        {
            foreach (var (segment, weight) in fit.Ranked.Take(features))
            {
                if (Math.Abs(weight) >= minWeight)
                {
                    shown[segment] = weight < 0 ? -1 : 1;
                }
            }
        }
        else
        {
            var sign = evidence == LimeEvidence.PositiveOnly ? 1 : -1;
            foreach (var (segment, _) in fit.Ranked.Where(f => sign * f.Weight > 0 && sign * f.Weight > minWeight)
                         .Take(features))
            {
                shown[segment] = sign;
            }
        }

        var mask = new int[explanation.Segments.Count];
        for (var p = 0; p < mask.Length; p++)
        {
            mask[p] = shown.GetValueOrDefault(explanation.Segments[p]);
        }

        return (Draw(picture, mask, evidence == LimeEvidence.Both, hideRest), mask);
    }

    private static Tensor Draw(Tensor picture, int[] mask, bool tint, bool hideRest)
    {
        using var scope = NewDisposeScope();
        var height = picture.shape[1];
        var width = picture.shape[2];
        var signs = tensor(mask, device: picture.device).reshape(1, height, width);
        var view = picture.detach().clone();
        if (hideRest)
        {
            view = view * (signs != 0).to(view.dtype);
        }

        if (tint)
        {
            // lime sets channel 1 (green) for positive and channel 0 (red) for negative to the picture's max.
            var top = picture.max();
            var green = view[1].unsqueeze(0);
            var red = view[0].unsqueeze(0);
            view = cat([
                where(signs == -1, top, red),
                where(signs == 1, top, green),
                view[2].unsqueeze(0),
            ], 0);
        }

        return view.MoveToOuterDisposeScope();
    }
}
