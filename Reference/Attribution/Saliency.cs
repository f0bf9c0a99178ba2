using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Attribution;

/// <summary>
/// Saliency maps: the absolute input gradient of a class score, the oldest gradient explanation
/// (Simonyan, Vedaldi and Zisserman 2013, "Deep Inside Convolutional Networks", arXiv:1312.6034).
/// </summary>
/// <remarks>
/// <para>Attributions are |dS/dx| for each input element, the same shape as the inputs. With
/// <see cref="SaliencyOptions.Paper"/> S is the target class's logit and the map is the largest
/// attribution over the channels of each pixel.</para>
/// <para>The course differentiates the cross-entropy loss instead (<see cref="SaliencyOptions.Course"/>):
/// dL/dx = -(dz_y/dx - sum_k p_k dz_k/dx) / N, the target's gradient measured against the
/// softmax-weighted gradient of every class, divided by the batch size. It then min-max normalises each
/// picture's map, so only the relative sizes within a picture can be read off it.</para>
/// </remarks>
public sealed class Saliency : IAttributionMethod
{
    private readonly Module<Tensor, Tensor> model;

    /// <summary>Binds the method to a classifier.</summary>
    /// <param name="model">Classifier, [N, C, H, W] -> [N, K] logits.</param>
    /// <param name="options">Settings; <see cref="SaliencyOptions.Paper"/> when null.</param>
    public Saliency(Module<Tensor, Tensor> model, SaliencyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.model = model;
        Options = options ?? SaliencyOptions.Paper;
    }

    /// <summary>The settings in use.</summary>
    public SaliencyOptions Options { get; }

    /// <inheritdoc />
    public string Name => "Saliency";

    /// <inheritdoc />
    public AttributionResult Attribute(Tensor inputs, IReadOnlyList<long> target)
    {
        AttributionGuard.Inputs(inputs, Options.Channels);
        AttributionGuard.TargetCount(target, inputs.shape[0]);

        using var state = new ModelStateGuard(model);
        using var scope = NewDisposeScope();

        var targets = tensor(target.ToArray(), ScalarType.Int64);
        var gradient = Gradients.Of(model, inputs, logits => Objective(logits, targets, target));

        // [N, C, H, W] gradients -> |.| -> [N, H, W] map.
        var attributions = gradient.abs();
        var map = AttributionMaps.Render(attributions, Options.Map);
        return new AttributionResult(
            inputs, target, attributions.MoveToOuterDisposeScope(), map.MoveToOuterDisposeScope());
    }

    private Tensor Objective(Tensor logits, Tensor targets, IReadOnlyList<long> target)
    {
        AttributionGuard.TargetRange(target, logits.shape[1]);
        return Options.Objective switch
        {
            AttributionObjective.TargetLogit => Gradients.SelectedLogits(logits, targets),
            AttributionObjective.CrossEntropyLoss => functional.cross_entropy(logits, targets),
            _ => throw new InvalidOperationException($"Unknown objective {Options.Objective}."),
        };
    }
}
