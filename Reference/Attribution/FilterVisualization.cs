using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Attribution;

/// <summary>What one filter of a layer responds to: its activation maps, and pictures that excite it most.</summary>
/// <param name="Activations">[N, H', W'] activation maps of the filter for the given pictures.</param>
/// <param name="Visualizations">[N, C, H, W] pictures after maximising the filter's summed activation.</param>
/// <param name="Objective">
/// The summed activation over the batch before each step (length Steps + 1, last after).
/// </param>
public sealed record FilterVisualizationResult(
    Tensor Activations,
    Tensor Visualizations,
    IReadOnlyList<double> Objective);

/// <summary>
/// Filter activation and activation maximisation (Erhan et al. 2009; Olah et al. 2017, "Feature
/// Visualization", https://distill.pub/2017/feature-visualization/), in the course's form and a regularised form.
/// </summary>
/// <remarks>
/// A forward hook on the layer keeps its output and ends the forward there, since nothing after the layer counts
/// towards the objective (where the layer runs more than once in a forward, its first output is the one used); the
/// course runs the whole network and reads the hook's copy, which gives the same numbers. The activation map is
/// output[:, filter]. Activation maximisation then treats the pictures as parameters and runs Adam on
/// -sum(output[:, filter]) (the course: learning rate 0.1, 100 steps, starting from the real pictures, no
/// regulariser; pictures are not clamped). Since the model runs in eval mode, each picture's optimisation is
/// independent of the others in the batch. The papers usually start from noise and add regularisers; this class
/// offers jitter and total variation. The hook is removed and the model's training mode and parameters'
/// requires_grad restored when the method returns, also when it throws.
/// </remarks>
public static class FilterVisualization
{
    /// <summary>Activation maps of one filter and pictures that maximise its summed activation.</summary>
    /// <param name="model">The classifier; its layer <paramref name="layer"/> must run inside its forward.</param>
    /// <param name="layer">The hooked module, e.g. <c>ModulePath.Find(model, "cnn.6")</c>.</param>
    /// <param name="inputs">[N, C, H, W] pictures.</param>
    /// <param name="filter">Channel of the layer's output, 0 .. channels - 1.</param>
    /// <param name="settings">Steps, learning rate, start and regularisers; the course's by default.</param>
    /// <param name="progress">Receives the number of steps done.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    public static FilterVisualizationResult Explain(
        Module<Tensor, Tensor> model,
        Module<Tensor, Tensor> layer,
        Tensor inputs,
        int filter,
        FilterVisualizationSettings? settings = null,
        IProgress<AttributionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(inputs);
        settings ??= FilterVisualizationSettings.Course;
        settings.Validate();
        if (inputs.dim() != 4)
        {
            throw new ArgumentException(
                $"Expected pictures shaped [N, C, H, W], got [{string.Join(", ", inputs.shape)}].", nameof(inputs));
        }

        // Every tensor made here, the optimiser's state included, is released before returning: long runs stay flat.
        using var scope = NewDisposeScope();
        if (inputs.isnan().any().item<bool>())
        {
            throw new ArgumentException("The pictures contain NaN.", nameof(inputs));
        }

        Tensor? captured = null;
        using var state = new ModelStateGuard(model);
        var hook = layer.register_forward_hook((_, _, output) =>
        {
            // Sequential disposes each child's output once the next child has run, and a forward may
            // dispose its temporaries: keep a handle of our own (an alias stays in the autograd graph).
            captured?.Dispose();
            captured = output.alias().DetachFromDisposeScope();

            // Nothing after this layer counts towards the objective: stop the forward here (RunToLayer).
            throw new LayerReached();
        });
        try
        {
            var activations = ActivationMaps(model, inputs, filter, ref captured);
            var (pictures, objective) = Maximise(
                model, inputs, filter, settings, () => captured!, progress, cancellationToken);
            return new FilterVisualizationResult(
                activations.MoveToOuterDisposeScope(), pictures.MoveToOuterDisposeScope(), objective);
        }
        finally
        {
            hook.remove();
            captured?.Dispose();
        }
    }

    private static Tensor ActivationMaps(Module<Tensor, Tensor> model, Tensor inputs, int filter, ref Tensor? captured)
    {
        using var noGrad = no_grad();
        using (NewDisposeScope())
        {
            RunToLayer(model, inputs.detach());
        }

        if (captured is null)
        {
            throw new ArgumentException("The hooked layer did not run in the model's forward pass.", "layer");
        }

        if (captured.dim() != 4)
        {
            throw new ArgumentException(
                $"The hooked layer returns [{string.Join(", ", captured.shape)}], not [N, channels, H, W] maps.",
                "layer");
        }

        var channels = captured.shape[1];
        if (filter < 0 || filter >= channels)
        {
            throw new ArgumentOutOfRangeException(
                nameof(filter), filter, $"The hooked layer has {channels} filters: expected 0..{channels - 1}.");
        }

        // [N, channels, H', W'] -> [N, H', W']
        return captured[.., filter].detach().clone();
    }

    private static (Tensor Pictures, double[] Objective) Maximise(
        Module<Tensor, Tensor> model,
        Tensor inputs,
        int filter,
        FilterVisualizationSettings settings,
        Func<Tensor> captured,
        IProgress<AttributionProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var generator = new Generator().manual_seed(settings.Seed);
        var start = settings.Start == FilterStart.Pictures
            ? inputs.detach().clone()
            : rand(inputs.shape, dtype: inputs.dtype, device: inputs.device, generator: generator);
        var pictures = new TorchSharp.Modules.Parameter(start, requires_grad: true);
        using var optimizer = optim.Adam([pictures], lr: settings.LearningRate);
        var objective = new double[settings.Steps + 1];
        var random = new Random((int)(settings.Seed & int.MaxValue));

        for (var step = 0; step <= settings.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            optimizer.zero_grad();

            // The pass after the last step only reads the final objective: no graph is needed for it.
            using var noGraph = step == settings.Steps ? no_grad() : null;
            var shifted = settings.Jitter > 0 && step < settings.Steps
                ? pictures.roll([random.Next(-settings.Jitter, settings.Jitter + 1),
                    random.Next(-settings.Jitter, settings.Jitter + 1)], [2, 3])
                : pictures;
            RunToLayer(model, shifted);
            var activation = captured()[.., filter].sum();
            objective[step] = activation.item<float>();
            if (step == settings.Steps)
            {
                break;
            }

            var loss = -activation;
            if (settings.TotalVariation > 0)
            {
                loss = loss + settings.TotalVariation * TotalVariation(pictures);
            }

            loss.backward();
            optimizer.step();
            progress?.Report(new AttributionProgress("Filter visualisation", step + 1, settings.Steps));
        }

        return (pictures.detach(), objective);
    }

    /// <summary>
    /// Runs the model's forward up to the hooked layer: the hook ends the forward once it has the layer's output,
    /// so the layers after it, which the objective does not depend on, are not computed. Whatever the forward made
    /// up to there is released by the caller's dispose scope.
    /// </summary>
    private static void RunToLayer(Module<Tensor, Tensor> model, Tensor inputs)
    {
        try
        {
            model.call(inputs);
        }
        catch (LayerReached)
        {
        }
    }

    // Anisotropic total variation: sum of absolute differences between neighbouring pixels.
    private static Tensor TotalVariation(Tensor pictures)
    {
        var height = pictures.shape[2];
        var width = pictures.shape[3];
        var vertical = (pictures.narrow(2, 1, height - 1) - pictures.narrow(2, 0, height - 1)).abs().sum();
        var horizontal = (pictures.narrow(3, 1, width - 1) - pictures.narrow(3, 0, width - 1)).abs().sum();
        return vertical + horizontal;
    }

    /// <summary>Thrown by the hook to end a forward at the hooked layer; never leaves this class.</summary>
    private sealed class LayerReached : Exception
    {
    }
}
