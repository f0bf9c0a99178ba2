using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Attribution;

/// <summary>
/// Finds a submodule by its state-dict path, such as <c>cnn.6</c> for the course's <c>model.cnn[6]</c>.
/// </summary>
public static class ModulePath
{
    /// <summary>The submodule at <paramref name="path"/>, which must take and return one tensor.</summary>
    /// <exception cref="ArgumentException">No such submodule, or it does not map a tensor to a tensor.</exception>
    public static Module<Tensor, Tensor> Find(Module root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        foreach (var (name, module) in root.named_modules())
        {
            if (name != path)
            {
                continue;
            }

            return module as Module<Tensor, Tensor> ?? throw new ArgumentException(
                $"The module at '{path}' is a {module.GetType().Name}, which does not map a tensor to a tensor.",
                nameof(path));
        }

        var siblings = root.named_modules().Select(m => m.name).Where(n => n.Length > 0).Take(12);
        throw new ArgumentException(
            $"The model has no module at '{path}'. Modules include: {string.Join(", ", siblings)}, ...", nameof(path));
    }
}
