using System.Diagnostics;
using XaiReference.Models.Bert;

namespace XaiReference.Grader.Explain;

/// <summary>
/// The work of the text methods of <c>grader explain</c>, apart from the console: runs one method on the model
/// and writes its figures, arrays and tables into a folder (see docs/text-methods.md for every file).
/// </summary>
public static class TextExplainRunner
{
    /// <summary>Runs one text method and writes into <paramref name="folder"/>.</summary>
    /// <param name="bert">The model and its tokenizer.</param>
    /// <param name="method">attention, embeddings or distances.</param>
    /// <param name="knobs">The sentence, words and word set; null fields take the fixtures' defaults.</param>
    /// <param name="folder">The output folder; created if missing; files in it are replaced.</param>
    /// <returns>The files written and the time taken.</returns>
    /// <exception cref="ArgumentException">The sentence is blank, or a word is not in its text; the message
    /// names the option and the value.</exception>
    /// <exception cref="FileNotFoundException">The word-set file of <see cref="TextKnobs.Sentences"/> does not
    /// exist.</exception>
    /// <exception cref="InvalidDataException">The word-set file is not a word set.</exception>
    public static TextExplainOutput Run(PretrainedBert bert, TextExplainMethod method, TextKnobs knobs, string folder)
    {
        ArgumentNullException.ThrowIfNull(bert);
        ArgumentNullException.ThrowIfNull(knobs);
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);

        var clock = Stopwatch.StartNew();
        var files = method switch
        {
            TextExplainMethod.Attention => AttentionExplainer.Run(bert, knobs, folder),
            TextExplainMethod.Embeddings => EmbeddingsExplainer.Run(bert, knobs, folder),
            TextExplainMethod.Distances => DistancesExplainer.Run(bert, knobs, folder),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown text method."),
        };
        return new TextExplainOutput(method, files, clock.Elapsed);
    }
}
