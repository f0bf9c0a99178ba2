using System.Reflection;
using FluentAssertions;
using NUnit.Framework;
using XaiReference.Attribution;
using static TorchSharp.torch;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace XaiReference.Specs.Attribution.Filters;

/// <summary>
/// A filter's activation map shows where in a picture the filter fires; activation maximisation changes the
/// picture by gradient ascent until the filter fires as strongly as it can.
/// </summary>
public sealed class FilterVisualizationSpecs
{
    [Test]
    public void The_activation_map_is_the_hooked_layers_output_for_that_filter()
    {
        using var scope = NewDisposeScope();
        var model = TinyNet(seed: 1);
        var pictures = rand(2, 3, 8, 8, generator: new Generator().manual_seed(2));

        var result = FilterVisualization.Explain(
            model,
            ModulePath.Find(model, "0"),
            pictures,
            filter: 2,
            FilterVisualizationSettings.Course with { Steps = 1 });

        using var noGrad = no_grad();
        var expected = ((Module<Tensor, Tensor>)model.children().First()).call(pictures)[.., 2];
        result.Activations.shape.Should().Equal(2, 8, 8);
        (result.Activations - expected).abs().max().item<float>().Should().Be(0, "it is the same computation");
    }

    [Test]
    public void The_layers_after_the_hooked_one_are_not_run_since_the_objective_does_not_depend_on_them()
    {
        using var scope = NewDisposeScope();
        var model = TinyNet(seed: 1);
        var pictures = rand(2, 3, 8, 8, generator: new Generator().manual_seed(2));
        var head = (Module<Tensor, Tensor>)model.children().Last();
        var headCalls = 0;
        var counter = head.register_forward_pre_hook((_, input) =>
        {
            headCalls++;
            return input;
        });

        var settings = FilterVisualizationSettings.Course with { Steps = 3 };
        var result = FilterVisualization.Explain(model, ModulePath.Find(model, "2"), pictures, filter: 0, settings);
        counter.remove();

        headCalls.Should().Be(0, "every forward ends at the hooked layer 2, before the Linear head");
        result.Objective.Should().HaveCount(4);
    }

    [Test]
    public void Gradient_ascent_raises_the_filters_summed_activation()
    {
        using var scope = NewDisposeScope();
        var model = TinyNet(seed: 3);
        var pictures = rand(3, 3, 8, 8, generator: new Generator().manual_seed(4));

        var result = FilterVisualization.Explain(model, ModulePath.Find(model, "2"), pictures, filter: 0);

        result.Objective.Should().HaveCount(101);
        result.Objective[^1].Should().BeGreaterThan(result.Objective[0] + 1,
            "100 Adam steps of size 0.1 on an unbounded ReLU network raise the activation by far more than 1");
        result.Objective.Zip(result.Objective.Skip(10)).Where((_, i) => i % 10 == 0)
            .Should().OnlyContain(p => p.Second > p.First, "the objective rises over every ten steps");
        result.Visualizations.shape.Should().Equal(pictures.shape);
    }

    [Test]
    public void From_noise_with_regularisers_the_objective_still_rises_and_the_seed_repeats_it()
    {
        using var scope = NewDisposeScope();
        var model = TinyNet(seed: 5);
        var pictures = rand(1, 3, 8, 8, generator: new Generator().manual_seed(6));
        var settings = FilterVisualizationSettings.FromNoise with { Steps = 30, Jitter = 1, Seed = 7 };

        var first = FilterVisualization.Explain(model, ModulePath.Find(model, "2"), pictures, 1, settings);
        var again = FilterVisualization.Explain(model, ModulePath.Find(model, "2"), pictures, 1, settings);

        first.Objective[^1].Should().BeGreaterThan(first.Objective[0]);
        again.Objective.Should().Equal(first.Objective);
    }

    [Test]
    public void The_model_is_left_as_it_was_also_when_the_method_throws()
    {
        using var scope = NewDisposeScope();
        var model = TinyNet(seed: 8);
        model.train();
        var frozen = model.parameters().First();
        frozen.requires_grad = false;
        var layer = ModulePath.Find(model, "0");
        var pictures = rand(1, 3, 8, 8);

        FilterVisualization.Explain(model, layer, pictures, 0, FilterVisualizationSettings.Course with { Steps = 2 });
        var fails = () => FilterVisualization.Explain(model, layer, pictures, filter: 99);

        fails.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("filter").WithMessage("*4 filters*99*");
        model.training.Should().BeTrue();
        model.parameters().Select(p => p.requires_grad).Should().Equal([false, .. Enumerable.Repeat(true, 5)]);
        HookCount(layer).Should().Be(0, "the hook is removed");
    }

    [Test]
    public void A_path_that_names_no_module_is_refused_with_the_modules_there_are()
    {
        var model = TinyNet(seed: 9);

        var act = () => ModulePath.Find(model, "cnn.6");

        act.Should().Throw<ArgumentException>().WithParameterName("path").WithMessage("*no module at 'cnn.6'*0, 1, 2*");
    }

    private static Sequential TinyNet(long seed)
    {
        manual_seed(seed);
        return Sequential(
            Conv2d(3, 4, 3, padding: 1), ReLU(), Conv2d(4, 2, 3, padding: 1), ReLU(), Flatten(), Linear(2 * 8 * 8, 3));
    }

    private static int HookCount(Module<Tensor, Tensor> layer)
    {
        var hooks = 0;
        for (var type = layer.GetType(); type is not null; type = type.BaseType)
        {
            foreach (var name in new[] { "post_hooks", "pre_hooks" })
            {
                var field = type.GetField(
                    name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
                if (field?.GetValue(layer) is System.Collections.ICollection collection)
                {
                    hooks += collection.Count;
                }
            }
        }

        return hooks;
    }
}
