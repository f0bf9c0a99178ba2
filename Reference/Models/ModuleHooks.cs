using System.Collections;
using System.Reflection;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Models;

/// <summary>
/// Whether a module has forward hooks: a forward that bypasses a module's <c>call</c> (to fold it into another
/// module, say) must not skip a hook someone registered on it.
/// </summary>
/// <remarks>
/// TorchSharp keeps a module's hooks in private dictionaries of its hookable base class and offers no public way
/// to ask for them, so they are read by reflection, once per process for the field lookup. Where the fields are
/// not found (another TorchSharp version, another module type) every module counts as hooked: callers then take
/// the ordinary path, which is always right, only slower. <c>CourseClassifierSpecs</c> checks that the lookup
/// works on the TorchSharp this project builds with.
/// </remarks>
internal static class ModuleHooks
{
    private static readonly string[] FieldNames = ["pre_hooks", "post_hooks", "module_pre_hooks", "module_post_hooks"];

    private static readonly FieldInfo[]? Fields = FindFields(typeof(Module<Tensor, Tensor>));

    /// <summary>
    /// Whether <paramref name="module"/> has any forward hook or forward pre-hook, or cannot be inspected.
    /// </summary>
    /// <param name="module">A module with one tensor in and one tensor out.</param>
    public static bool Any(Module<Tensor, Tensor> module)
    {
        if (Fields is null)
        {
            return true;
        }

        foreach (var field in Fields)
        {
            if (field.GetValue(module) is not ICollection hooks || hooks.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static FieldInfo[]? FindFields(Type type)
    {
        var found = new List<FieldInfo>();
        foreach (var name in FieldNames)
        {
            FieldInfo? field = null;
            for (var declaring = type; declaring is not null && field is null; declaring = declaring.BaseType)
            {
                field = declaring.GetField(name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
            }

            if (field is null || !typeof(ICollection).IsAssignableFrom(field.FieldType))
            {
                return null;
            }

            found.Add(field);
        }

        return [.. found];
    }
}
