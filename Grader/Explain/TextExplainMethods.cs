namespace XaiReference.Grader.Explain;

/// <summary>The command-line names of the <see cref="TextExplainMethod"/> values.</summary>
public static class TextExplainMethods
{
    /// <summary>The text methods, in the order the help lists them.</summary>
    public static IReadOnlyList<TextExplainMethod> All { get; } =
        [TextExplainMethod.Attention, TextExplainMethod.Embeddings, TextExplainMethod.Distances];

    /// <summary>The name on the command line and the stem of the method's files, e.g. "attention".</summary>
    public static string FileStem(TextExplainMethod method) => method switch
    {
        TextExplainMethod.Attention => "attention",
        TextExplainMethod.Embeddings => "embeddings",
        TextExplainMethod.Distances => "distances",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown text method."),
    };

    /// <summary>Whether a command-line name is a text method, and which.</summary>
    /// <param name="name">The method argument (any case).</param>
    /// <param name="method">The method when the result is true.</param>
    public static bool TryParse(string? name, out TextExplainMethod method)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(name, FileStem(candidate), StringComparison.OrdinalIgnoreCase))
            {
                method = candidate;
                return true;
            }
        }

        method = default;
        return false;
    }
}
