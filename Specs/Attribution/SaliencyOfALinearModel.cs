using FluentAssertions;
using NUnit.Framework;
using XaiReference.Attribution;
using XaiReference.Specs.Support.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Specs.Attribution;

/// <summary>
/// A linear model z = W x + b has the same input gradient everywhere, dz_k/dx = W[k], so its saliency can be
/// written down from W.
/// </summary>
[TestFixture]
public sealed class SaliencyOfALinearModel
{
    // [2, 3, 4, 4] pictures, K = 4 classes, D = 48 inputs.
    private const int Classes = 4;
    private const int Side = 4;

    // Gradients of a linear model are its weights up to float32 rounding of the backward pass: 1e-6 absolute
    // is tight for weights of size about 1 and would catch any missing or extra term.
    private const double Tolerance = 1e-6;

    private static readonly long[] Target = [3, 1];

    [Test]
    public void The_paper_saliency_is_the_absolute_target_row_of_W_and_its_map_the_channel_max()
    {
        using var scope = NewDisposeScope();
        var (model, weight, input) = Build();

        using var result = new Saliency(model).Attribute(input, Target);

        // [K, 48] -> rows of the targets [2, 48] -> [2, 3, 4, 4].
        var expected = weight.index_select(0, tensor(Target)).abs().reshape(2, 3, Side, Side);
        result.Attributions.ShouldBeClose(expected, Tolerance, 0, "dz_t/dx = W[t] for every x");
        result.Map.ShouldBeClose(expected.amax([1]), Tolerance, 0, "the map is the max over channels of |W[t]|");
    }

    [Test]
    public void Normalised_it_is_the_min_max_scaled_channel_max_of_the_absolute_target_row()
    {
        using var scope = NewDisposeScope();
        var (model, weight, input) = Build();
        var options = SaliencyOptions.Paper with
        {
            Map = new MapStyle(ChannelReduction.MaxOfAbsolute, MapNormalization.AfterReduction),
        };

        using var result = new Saliency(model, options).Attribute(input, Target);

        var raw = weight.index_select(0, tensor(Target)).abs().reshape(2, 3, Side, Side).amax([1]);
        var low = raw.flatten(1).amin([1]).view(2, 1, 1);
        var high = raw.flatten(1).amax([1]).view(2, 1, 1);
        result.Map.ShouldBeClose((raw - low) / (high - low), 1e-5, 0, "(s - min) / (max - min) per picture");
    }

    [Test]
    public void The_course_saliency_is_the_target_row_against_the_softmax_weighted_rows()
    {
        // L = mean over the batch of -z_y + log sum_k exp(z_k). For picture n, dL/dx_n = (1/N) (-W[y] + sum_k p_k W[k])
        // with p = softmax(W x_n + b): |dL/dx_n| = |W[y] - p W| / N. Only the saliency of the course uses it.
        using var scope = NewDisposeScope();
        var (model, weight, input) = Build();
        var bias = ((TorchSharp.Modules.Linear)model.named_children().Single().module).bias!.detach();

        using var result = new Saliency(model, SaliencyOptions.Course).Attribute(input, Target);

        // [2, 48] x [48, K] -> [2, K] probabilities; [2, K] x [K, 48] -> [2, 48] expected row.
        var probabilities = functional.softmax(input.flatten(1).matmul(weight.t()) + bias, 1);
        var difference = weight.index_select(0, tensor(Target)) - probabilities.matmul(weight);
        var expected = (difference.abs() / 2).reshape(2, 3, Side, Side);
        result.Attributions.ShouldBeClose(expected, Tolerance, 1e-5, "|W[y] - p W| / N, derived above");

        // The display map: the channel max, then each picture scaled to [0, 1] (the 1/N cancels there).
        var raw = expected.amax([1]);
        var low = raw.flatten(1).amin([1]).view(2, 1, 1);
        var high = raw.flatten(1).amax([1]).view(2, 1, 1);
        result.Map.ShouldBeClose((raw - low) / (high - low), 1e-5, 0, "the course normalises each picture");
    }

    [Test]
    public void The_course_map_of_a_picture_does_not_depend_on_the_batch_it_came_in()
    {
        // The batch-mean loss scales the gradient by 1/N; the per-picture normalisation removes that factor.
        using var scope = NewDisposeScope();
        var model = new TinyCnn(seed: 3);
        var input = SpecPictures.Uniform(seed: 9, n: 3);

        using var together = new Saliency(model, SaliencyOptions.Course).Attribute(input, [0, 1, 2]);
        using var alone = new Saliency(model, SaliencyOptions.Course).Attribute(input[..1], [0]);

        // Maps are in [0, 1]; 1e-5 is float32 rounding of the division by N and back.
        together.Map[..1].ShouldBeClose(alone.Map, 1e-5, 0, "normalisation cancels the batch size");
        together.Attributions[..1].ShouldBeClose(
            alone.Attributions / 3, 1e-7, 1e-5, "the raw course gradient carries the factor 1/N");
    }

    [Test]
    public void Each_normalised_course_map_spans_exactly_0_to_1()
    {
        using var scope = NewDisposeScope();
        var model = new TinyCnn(seed: 3);
        var input = SpecPictures.Uniform(seed: 9, n: 3);

        using var result = new Saliency(model, SaliencyOptions.Course).Attribute(input, [0, 1, 2]);

        var rows = result.Map.flatten(1);
        rows.amin([1]).ShouldBeClose(zeros(3), 0, 0, "(min - min) / range is exactly 0");
        rows.amax([1]).ShouldBeClose(ones(3), 1e-6, 0, "(max - min) / range is 1 up to one float32 rounding");
    }

    private static (LinearModel Model, Tensor Weight, Tensor Input) Build()
    {
        using var generator = new Generator(21);
        var weight = randn([Classes, 3 * Side * Side], generator: generator);
        var bias = randn([Classes], generator: generator);
        var input = rand([2, 3, Side, Side], generator: generator);
        return (new LinearModel(weight, bias), weight, input);
    }
}
