using FluentAssertions;
using NUnit.Framework;
using XaiReference.Attribution;
using XaiReference.Specs.Support.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Specs.Attribution;

/// <summary>
/// Explaining a model leaves it and the pictures as they were: every module's training flag, every
/// parameter's requires_grad and (absent) gradient, the input values and the input's requires_grad;
/// also when the model throws half-way.
/// </summary>
[TestFixture]
public sealed class NoSideEffects
{
    public static IEnumerable<TestCaseData> Methods()
    {
        yield return Case("Saliency", m => new Saliency(m), failingCall: 1);
        yield return Case("SmoothGrad", m => new SmoothGrad(m, new() { Samples = 4, InternalBatchSize = 2 }), 2);
        yield return Case(
            "IntegratedGradients", m => new IntegratedGradients(m, new() { Steps = 4, InternalBatchSize = 2 }), 3);
    }

    [TestCaseSource(nameof(Methods))]
    public void After_a_run_model_and_inputs_are_as_before(MethodFactory method, int failingCall)
    {
        using var scope = NewDisposeScope();
        var model = MixedStateModel();
        var before = Snapshot(model);
        var input = SpecPictures.Uniform(seed: 1, n: 2).requires_grad_(true);
        var values = input.detach().clone();

        using (method(model).Attribute(input, [0, 1]))
        {
            failingCall.Should().BePositive("the faulty variant of this case fails on that call");
        }

        Snapshot(model).Should().Equal(before, "training flags and requires_grad are restored");
        AssertUntouched(model, input, values, requiresGrad: true);
    }

    [TestCaseSource(nameof(Methods))]
    public void When_the_model_throws_model_and_inputs_are_as_before(
        MethodFactory method,
        int failingCall)
    {
        using var scope = NewDisposeScope();
        var model = new FaultyModel(MixedStateModel(), failingCall);
        var before = Snapshot(model);
        var input = SpecPictures.Uniform(seed: 1, n: 2);
        var values = input.clone();

        var act = () => method(model).Attribute(input, [0, 1]);

        act.Should().Throw<InvalidOperationException>().WithMessage("Deliberate failure*");
        Snapshot(model).Should().Equal(before, "the guard restores the model in a finally block");
        AssertUntouched(model, input, values, requiresGrad: false);
    }

    private static TestCaseData Case(string name, MethodFactory method, int failingCall) =>
        new TestCaseData(method, failingCall).SetArgDisplayNames(name);

    /// <summary>A CNN in training mode with its Dropout alone in eval mode and its first convolution frozen.</summary>
    private static TinyCnn MixedStateModel()
    {
        var model = new TinyCnn(seed: 4);
        model.train();
        model.named_modules().Single(m => m.name == "head.0").module.eval();
        foreach (var (name, parameter) in model.named_parameters())
        {
            parameter.requires_grad = !name.StartsWith("features.0.", StringComparison.Ordinal);
        }

        return model;
    }

    private static List<string> Snapshot(Module model) =>
        [
            $"<root> training={model.training}",
            .. model.named_modules().Select(m => $"{m.name} training={m.module.training}"),
            .. model.named_parameters().Select(p => $"{p.name} requires_grad={p.parameter.requires_grad}"),
        ];

    private static bool Identical(Tensor a, Tensor b) => (a == b).all().item<bool>();

    private static void AssertUntouched(Module model, Tensor input, Tensor values, bool requiresGrad)
    {
        model.parameters().Select(p => p.grad).Should().AllSatisfy(
            g => g.Should().BeNull("gradients are taken with autograd.grad"));
        Identical(input, values).Should().BeTrue("the input values are never written");
        input.requires_grad.Should().Be(requiresGrad, "the input's requires_grad is left as the caller set it");
        input.grad.Should().BeNull("no gradient accumulates in the caller's tensor");
    }
}
