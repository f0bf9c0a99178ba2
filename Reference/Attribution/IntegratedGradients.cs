using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Attribution;

/// <summary>
/// Integrated Gradients: (x - x') times the average gradient of the target logit along the straight path
/// from a baseline x' to the input x (Sundararajan, Taly and Yan 2017, "Axiomatic Attribution for Deep
/// Networks", arXiv:1703.01365).
/// </summary>
/// <remarks>
/// <para>Attributions: IG_i(x) = (x_i - x'_i) * integral over alpha in [0, 1] of dF(x' + alpha (x - x'))/dx_i,
/// the integral by the chosen <see cref="QuadratureRule"/>; the same shape as the inputs. By the fundamental
/// theorem of calculus for path integrals they sum to F(x) - F(x') (completeness); the quadrature misses by
/// <see cref="AttributionResult.ConvergenceDelta"/>, which shrinks as the steps grow.</para>
/// <para>The course (<see cref="IntegratedGradientsOptions.Course"/>) uses a black baseline and the left
/// Riemann sum with 10 steps, and returns the averaged gradient without multiplying by x - x', so its
/// attributions are a smoothed gradient, not a decomposition of F(x) - F(x').</para>
/// </remarks>
public sealed class IntegratedGradients : IAttributionMethod
{
    private readonly Module<Tensor, Tensor> model;

    /// <summary>Binds the method to a classifier.</summary>
    /// <param name="model">Classifier, [N, C, H, W] -> [N, K] logits.</param>
    /// <param name="options">Settings; <see cref="IntegratedGradientsOptions.Paper"/> when null.</param>
    public IntegratedGradients(Module<Tensor, Tensor> model, IntegratedGradientsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.model = model;
        Options = options ?? IntegratedGradientsOptions.Paper;
        Points = Quadrature.Points(Options.Rule, Options.Steps);
    }

    /// <summary>The settings in use.</summary>
    public IntegratedGradientsOptions Options { get; }

    /// <summary>
    /// The path positions alpha and their weights, from <see cref="IntegratedGradientsOptions.Rule"/>.
    /// </summary>
    public QuadraturePoints Points { get; }

    /// <inheritdoc />
    public string Name => "IntegratedGradients";

    /// <inheritdoc />
    public AttributionResult Attribute(Tensor inputs, IReadOnlyList<long> target) => Attribute(inputs, target, null);

    /// <summary>Explains each picture for its target class against a baseline.</summary>
    /// <param name="inputs">Pictures x, [N, C, H, W], finite floats.</param>
    /// <param name="target">One class index per picture.</param>
    /// <param name="baselines">Baselines x', the same shape as the inputs; black (zeros) when null.</param>
    /// <param name="progress">Told the number of path points evaluated so far; may be null.</param>
    /// <returns>
    /// Attributions the same shape as the inputs; with <see cref="IntegratedGradientsOptions.MultiplyByInputs"/>
    /// also the [N] float64 convergence deltas sum(attributions) - (F(x) - F(x')).
    /// </returns>
    public AttributionResult Attribute(
        Tensor inputs,
        IReadOnlyList<long> target,
        Tensor? baselines,
        IProgress<AttributionProgress>? progress = null)
    {
        AttributionGuard.Inputs(inputs, Options.Channels);
        AttributionGuard.TargetCount(target, inputs.shape[0]);
        if (baselines is not null)
        {
            AttributionGuard.Baselines(baselines, inputs);
        }

        using var state = new ModelStateGuard(model);
        using var scope = NewDisposeScope();

        var x = inputs.detach();
        var start = baselines?.detach().to(x.dtype) ?? zeros_like(x);
        var targets = tensor(target.ToArray(), ScalarType.Int64);

        // F(x) and F(x') are needed for the deltas only: without them the path's passes check the targets.
        var endpoints = Options.MultiplyByInputs ? EndpointScores(x, start, targets, target) : default;

        var integral = PathIntegral(x, start, targets, target, progress);

        // [N, C, H, W] averaged gradients -> attributions; [N] deltas when completeness applies.
        var difference = x - start;
        var attributions = Options.MultiplyByInputs ? difference * integral : integral;
        var delta = Options.MultiplyByInputs
            ? attributions.flatten(1).sum(1, type: ScalarType.Float64) - (endpoints.Input - endpoints.Baseline)
            : null;
        var map = AttributionMaps.Render(attributions, Options.Map);
        return new AttributionResult(
            inputs,
            target,
            attributions.MoveToOuterDisposeScope(),
            map.MoveToOuterDisposeScope(),
            delta?.MoveToOuterDisposeScope());
    }

    /// <summary>F(x) and F(x') for the target logit, [N] each in float64; checks the targets against K.</summary>
    private (Tensor Input, Tensor Baseline) EndpointScores(
        Tensor x,
        Tensor start,
        Tensor targets,
        IReadOnlyList<long> target)
    {
        using var noGrad = no_grad();
        var inputLogits = model.call(x);
        AttributionGuard.Logits(inputLogits, x.shape[0]);
        AttributionGuard.TargetRange(target, inputLogits.shape[1]);
        var baselineLogits = model.call(start);
        return (
            Gradients.TargetLogits(inputLogits, targets).to(ScalarType.Float64),
            Gradients.TargetLogits(baselineLogits, targets).to(ScalarType.Float64));
    }

    /// <summary>Sum over nodes k of w_k dF(x' + alpha_k (x - x'))/dx, [N, C, H, W].</summary>
    private Tensor PathIntegral(
        Tensor x,
        Tensor start,
        Tensor targets,
        IReadOnlyList<long> target,
        IProgress<AttributionProgress>? progress)
    {
        var pictures = x.shape[0];
        var steps = Points.Alphas.Count;
        var total = pictures * steps;
        var difference = x - start;

        // Flat path point j is node j % steps of picture j / steps: [N * steps] owners, alphas and weights.
        var owners = arange(pictures, ScalarType.Int64).repeat_interleave(steps);
        var alphas = tensor(Points.Alphas.ToArray(), x.dtype).repeat(pictures);
        var weights = tensor(Points.Weights.ToArray(), x.dtype).repeat(pictures);
        var integral = zeros_like(x);

        for (long first = 0; first < total; first += Options.InternalBatchSize)
        {
            using var batchScope = NewDisposeScope();
            var length = Math.Min(Options.InternalBatchSize, total - first);
            var batchOwners = owners.narrow(0, first, length);

            // [B, C, H, W] path points x' + alpha (x - x').
            var alpha = alphas.narrow(0, first, length).view(-1, 1, 1, 1);
            var points = start.index_select(0, batchOwners) + alpha * difference.index_select(0, batchOwners);
            var batchTargets = targets.index_select(0, batchOwners);

            var gradient = Gradients.Of(model, points, logits =>
            {
                AttributionGuard.TargetRange(target, logits.shape[1]);
                return Gradients.SelectedLogits(logits, batchTargets);
            });
            var weight = weights.narrow(0, first, length).view(-1, 1, 1, 1);
            integral.index_add_(0, batchOwners, gradient * weight, 1);

            progress?.Report(new AttributionProgress(Name, first + length, total));
        }

        return integral;
    }
}
