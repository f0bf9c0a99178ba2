using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Attribution;

/// <summary>
/// Puts a model in evaluation mode with gradients off for its parameters, and puts everything back
/// on <see cref="Dispose"/>: the training flag of the model and of each submodule, and each parameter's
/// <c>requires_grad</c>. Use it with <c>using</c>, so the restore also runs when an exception is thrown.
/// </summary>
/// <remarks>
/// Evaluation mode makes Dropout the identity and BatchNorm use its running statistics, so each
/// picture's output depends on that picture alone; parameters without <c>requires_grad</c> keep the
/// backward pass from computing (and accumulating) weight gradients nobody asked for.
/// </remarks>
public sealed class ModelStateGuard : IDisposable
{
    private readonly Module model;
    private readonly bool modelTraining;
    private readonly List<(int Depth, Module Module, bool Training)> submodules;
    private readonly List<(Parameter Parameter, bool RequiresGrad)> parameters;
    private bool disposed;

    /// <summary>Records the model's state, then switches it to evaluation mode with frozen parameters.</summary>
    /// <param name="model">The model to guard.</param>
    public ModelStateGuard(Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.model = model;

        modelTraining = model.training;
        submodules = model.named_modules()
            .Select(named => (named.name.Count(c => c == '.'), named.module, named.module.training))
            .ToList();
        parameters = model.parameters().Select(p => (p, p.requires_grad)).ToList();

        model.eval();
        foreach (var (parameter, _) in parameters)
        {
            parameter.requires_grad = false;
        }
    }

    /// <summary>Restores every recorded flag; safe to call more than once.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;

        // train() recurses into children, so set the outermost modules first and the deepest last.
        model.train(modelTraining);
        foreach (var (_, module, training) in submodules.OrderBy(s => s.Depth))
        {
            module.train(training);
        }

        foreach (var (parameter, requiresGrad) in parameters)
        {
            parameter.requires_grad = requiresGrad;
        }
    }
}
