using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Attribution;

/// <summary>Input gradients of a classifier, the shared step of every gradient-based method.</summary>
/// <remarks>
/// The gradient is taken with <c>torch.autograd.grad</c>, not <c>backward()</c>, so nothing accumulates
/// in the parameters' or the inputs' <c>.grad</c>. These helpers neither switch the model to evaluation
/// mode nor validate the pictures: the methods do both (see <see cref="ModelStateGuard"/>).
/// </remarks>
public static class Gradients
{
    /// <summary>
    /// The gradient of a scalar objective of the logits with respect to the inputs, in one pass.
    /// When the objective is a sum of one term per picture and the model treats pictures independently
    /// (evaluation mode), row n of the result is the gradient of picture n's term.
    /// </summary>
    /// <param name="model">Classifier, [N, C, H, W] -> [N, K].</param>
    /// <param name="inputs">[N, C, H, W]; not changed and not marked as requiring grad.</param>
    /// <param name="objective">Maps the logits [N, K] to a scalar.</param>
    /// <returns>[N, C, H, W] gradients, detached.</returns>
    public static Tensor Of(Module<Tensor, Tensor> model, Tensor inputs, Func<Tensor, Tensor> objective)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(objective);

        using var scope = NewDisposeScope();
        using var gradMode = enable_grad();

        // A fresh leaf sharing the caller's storage: requires_grad on it leaves the caller's tensor alone.
        var leaf = inputs.detach().requires_grad_(true);
        var logits = model.call(leaf);
        AttributionGuard.Logits(logits, inputs.shape[0]);

        var value = objective(logits);
        var gradient = autograd.grad([value], [leaf], allow_unused: true)[0];
        var result = gradient is null || gradient.IsInvalid ? zeros_like(leaf) : gradient.detach();
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Per picture, the gradient of its target logit with respect to it, evaluated in chunks of at most
    /// <paramref name="internalBatchSize"/> pictures.
    /// </summary>
    /// <param name="model">Classifier in evaluation mode, [N, C, H, W] -> [N, K].</param>
    /// <param name="inputs">[N, C, H, W].</param>
    /// <param name="targets">[N] int64 class indices, each in [0, K).</param>
    /// <param name="internalBatchSize">Most pictures through the model at once; at least 1.</param>
    /// <returns>[N, C, H, W] gradients.</returns>
    public static Tensor OfTargetLogits(
        Module<Tensor, Tensor> model,
        Tensor inputs,
        Tensor targets,
        int internalBatchSize)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        AttributionGuard.AtLeastOne(internalBatchSize, nameof(internalBatchSize));

        using var scope = NewDisposeScope();

        var chunks = new List<Tensor>();
        var count = inputs.shape[0];
        for (long start = 0; start < count; start += internalBatchSize)
        {
            var length = Math.Min(internalBatchSize, count - start);
            var chunkTargets = targets.narrow(0, start, length);
            chunks.Add(Of(model, inputs.narrow(0, start, length), logits => SelectedLogits(logits, chunkTargets)));
        }

        return cat(chunks, 0).MoveToOuterDisposeScope();
    }

    /// <summary>Sum over pictures of logits[n, targets[n]]: its input gradient is per picture.</summary>
    internal static Tensor SelectedLogits(Tensor logits, Tensor targets) =>
        logits.gather(1, targets.unsqueeze(1)).sum();

    /// <summary>logits[n, targets[n]] for each picture, [N].</summary>
    internal static Tensor TargetLogits(Tensor logits, Tensor targets) =>
        logits.gather(1, targets.unsqueeze(1)).squeeze(1);
}
