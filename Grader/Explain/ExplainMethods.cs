namespace XaiReference.Grader.Explain;

/// <summary>The command-line names of the <see cref="ExplainMethod"/> values.</summary>
public static class ExplainMethods
{
    /// <summary>All methods, in the order <c>explain all</c> runs them.</summary>
    public static IReadOnlyList<ExplainMethod> All { get; } =
    [
        ExplainMethod.Saliency,
        ExplainMethod.SmoothGrad,
        ExplainMethod.IntegratedGradients,
        ExplainMethod.Lime,
        ExplainMethod.Filters,
    ];

    /// <summary>The name on the command line and the stem of the method's files, e.g. "ig".</summary>
    public static string FileStem(ExplainMethod method) => method switch
    {
        ExplainMethod.Saliency => "saliency",
        ExplainMethod.SmoothGrad => "smoothgrad",
        ExplainMethod.IntegratedGradients => "ig",
        ExplainMethod.Lime => "lime",
        ExplainMethod.Filters => "filters",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown method."),
    };

    /// <summary>The methods a command-line name stands for: one, or all five for "all".</summary>
    /// <param name="name">saliency, smoothgrad, ig, lime, filters or all (any case).</param>
    public static IReadOnlyList<ExplainMethod> Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return All;
        }

        foreach (var method in All)
        {
            if (name.Equals(FileStem(method), StringComparison.OrdinalIgnoreCase))
            {
                return [method];
            }
        }

        // The message names the command-line argument rather than this parameter: it is printed as it is.
        throw new ArgumentException(
            $"method: expected saliency, smoothgrad, ig, lime, filters or all (pictures), or attention, embeddings "
            + $"or distances (text), got '{name}'");
    }
}
