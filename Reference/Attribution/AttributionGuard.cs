using static TorchSharp.torch;

namespace XaiReference.Attribution;

/// <summary>The checks at the public boundary of the attribution methods, each message in one place.</summary>
internal static class AttributionGuard
{
    public static string Shape(Tensor tensor) => $"[{string.Join(", ", tensor.shape)}]";

    /// <summary>Inputs must be finite floating-point pictures [N, C, H, W], with the given channels if any.</summary>
    public static void Inputs(Tensor inputs, int? channels, string parameterName = "inputs")
    {
        ArgumentNullException.ThrowIfNull(inputs, parameterName);
        if (inputs.dim() != 4 || inputs.shape.Any(size => size == 0))
        {
            throw new ArgumentException(
                $"Expected {parameterName} shaped [N, C, H, W] with no empty dimension, got {Shape(inputs)}.",
                parameterName);
        }

        if (channels is { } expected && inputs.shape[1] != expected)
        {
            throw new ArgumentException(
                $"Expected {parameterName} with {expected} channels, got {inputs.shape[1]} (shape {Shape(inputs)}).",
                parameterName);
        }

        if (!inputs.is_floating_point())
        {
            throw new ArgumentException(
                $"Expected {parameterName} of a floating-point type, got {inputs.dtype}.", parameterName);
        }

        using var scope = NewDisposeScope();
        var notFinite = inputs.isfinite().logical_not();
        if (notFinite.any().item<bool>())
        {
            var index = notFinite.nonzero()[0].data<long>().ToArray();
            var value = inputs[index.Select(i => TensorIndex.Single(i)).ToArray()].item<float>();
            throw new ArgumentException(
                $"Expected finite {parameterName}, got {value} at [{string.Join(", ", index)}].", parameterName);
        }
    }

    /// <summary>One target per picture.</summary>
    public static void TargetCount(IReadOnlyList<long> target, long pictures)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Count != pictures)
        {
            throw new ArgumentException(
                $"Expected one target per picture ({pictures}), got {target.Count}.", nameof(target));
        }

        var negative = target.Select((value, index) => (value, index)).FirstOrDefault(t => t.value < 0);
        if (negative.value < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(target),
                negative.value,
                $"Target {negative.index} must be a class index >= 0, got {negative.value}.");
        }
    }

    /// <summary>Each target must index one of the model's logits.</summary>
    public static void TargetRange(IReadOnlyList<long> target, long classCount)
    {
        for (var i = 0; i < target.Count; i++)
        {
            if (target[i] >= classCount)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(target),
                    target[i],
                    $"Target {i} must be a class index in [0, {classCount}) for a model with {classCount} logits, "
                    + $"got {target[i]}.");
            }
        }
    }

    /// <summary>The model must give one row of logits per picture.</summary>
    public static void Logits(Tensor logits, long pictures)
    {
        if (logits.dim() != 2 || logits.shape[0] != pictures)
        {
            throw new ArgumentException(
                $"Expected the model to return logits shaped [{pictures}, K], got {Shape(logits)}.", "model");
        }
    }

    /// <summary>Baselines must be shaped like the inputs, finite and of a floating type.</summary>
    public static void Baselines(Tensor baselines, Tensor inputs)
    {
        if (!baselines.shape.SequenceEqual(inputs.shape))
        {
            throw new ArgumentException(
                $"Expected baselines shaped like the inputs {Shape(inputs)}, got {Shape(baselines)}.",
                nameof(baselines));
        }

        Inputs(baselines, channels: null, nameof(baselines));
    }

    /// <summary>A count option (steps, samples, batch size) must be at least 1.</summary>
    public static int AtLeastOne(int value, string name) =>
        value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1, got {value}.");
}
