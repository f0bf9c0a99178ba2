using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiReference.Models;

/// <summary>
/// A convolution followed by a BatchNorm2d in evaluation mode, computed as one convolution: with s = gamma /
/// sqrt(running_var + eps), BN(conv(x; w, b)) = conv(x; w s, (b - running_mean) s + beta), channel by channel.
/// </summary>
/// <remarks>
/// In evaluation mode a BatchNorm2d is a fixed affine map per channel, so it can be moved into the convolution's
/// weights and bias; the function, and so every gradient of it, stays the same up to float rounding. The folded
/// weights are computed afresh at every call from the modules' current parameters and buffers, so nothing is
/// cached and nothing goes stale; where the parameters require gradients the folding is part of the graph and
/// their gradients are those of the unfolded pair. In training mode a BatchNorm2d normalises with the batch's own
/// statistics and updates its running ones, and no folding applies.
/// </remarks>
internal static class BatchNormFolding
{
    /// <summary>
    /// Whether <paramref name="norm"/> after <paramref name="convolution"/> can be folded now: the norm is in
    /// evaluation mode with running statistics, the convolution is a plain zero-padded one, and neither module
    /// has a forward hook that a folded call would skip.
    /// </summary>
    /// <param name="convolution">The convolution.</param>
    /// <param name="norm">The BatchNorm2d that takes its output.</param>
    public static bool Applies(Conv2d convolution, BatchNorm2d norm) =>
        !norm.training
        && norm.track_running_stats
        && norm.running_mean is not null
        && norm.running_var is not null
        && !convolution.transposed
        && convolution.padding_type is null
        && convolution.padding_mode == PaddingModes.Zeros
        && !ModuleHooks.Any(convolution)
        && !ModuleHooks.Any(norm);

    /// <summary>norm(convolution(input)) as one convolution with folded weights and bias.</summary>
    /// <param name="convolution">The convolution.</param>
    /// <param name="norm">The BatchNorm2d after it, for which <see cref="Applies"/> holds.</param>
    /// <param name="input">[N, C_in, H, W].</param>
    /// <returns>[N, C_out, H', W'].</returns>
    public static Tensor Convolve(Conv2d convolution, BatchNorm2d norm, Tensor input)
    {
        using var scope = NewDisposeScope();
        var scale = (norm.running_var! + norm.eps).rsqrt();
        if (norm.weight is not null)
        {
            scale = scale * norm.weight;
        }

        var weight = convolution.weight! * scale.view(-1, 1, 1, 1);
        var shift = convolution.bias is null ? -norm.running_mean! : convolution.bias - norm.running_mean!;
        var bias = norm.bias is null ? shift * scale : addcmul(norm.bias, shift, scale, 1);
        return nn.functional.conv2d(
                input, weight, bias, convolution.stride, convolution.padding, convolution.dilation, convolution.groups)
            .MoveToOuterDisposeScope();
    }
}
