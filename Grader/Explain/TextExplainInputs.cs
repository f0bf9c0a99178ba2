using XaiReference.Fixtures;
using XaiReference.Models.Bert;
using XaiReference.Text;

namespace XaiReference.Grader.Explain;

/// <summary>
/// What the text methods of <c>grader explain</c> read: the model (the embedded all-MiniLM-L6-v2 or a Hugging
/// Face folder) and the fixture texts. Errors name the option and the value that caused them, on one line.
/// </summary>
public static class TextExplainInputs
{
    /// <summary>The default pronoun of <see cref="DefaultSentence"/>.</summary>
    public const string DefaultPronoun = "it";

    /// <summary>The noun that <see cref="DefaultPronoun"/> stands for in <see cref="DefaultSentence"/>.</summary>
    public const string DefaultNoun = "bridge";

    /// <summary>
    /// The sentence <c>explain attention</c> reads by default: the context of the third embedded QA example,
    /// "After the spring flood damaged the wooden bridge, a team of volunteers from the village repaired it in
    /// two weeks.", where "it" stands for "bridge".
    /// </summary>
    public static string DefaultSentence => QaExamples()[2].Context;

    /// <summary>The three embedded question/context/answer examples (fixtures/text/qa-examples.json).</summary>
    public static IReadOnlyList<QaExample> QaExamples() =>
        QaExample.ListFromJson(DefaultFixtures.QaExamplesJson());

    /// <summary>Loads the embedded model, or a Hugging Face BERT folder.</summary>
    /// <param name="folder">The folder of <c>--bert</c>, or null for the embedded all-MiniLM-L6-v2.</param>
    /// <returns>The model and its tokenizer; the caller disposes it.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist (the message names it).</exception>
    /// <exception cref="FileNotFoundException">A file is missing (the message names it and the folder).</exception>
    /// <exception cref="InvalidDataException">The folder's configuration and weights disagree.</exception>
    public static PretrainedBert LoadBert(string? folder)
    {
        if (folder is null)
        {
            return BertLoader.LoadDefault();
        }

        try
        {
            return BertLoader.LoadFolder(folder);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new DirectoryNotFoundException($"--bert: {e.Message}", e);
        }
        catch (FileNotFoundException e)
        {
            throw new FileNotFoundException($"--bert: {e.Message}", e.FileName, e);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"--bert: {e.Message}", e);
        }
    }

    /// <summary>The word set of <c>explain distances</c>: a JSON file, or the embedded apple sentences.</summary>
    /// <param name="path">The file of <c>--sentences</c>, or null.</param>
    /// <param name="word">The word of <c>--word</c>, or null for the set's own word.</param>
    /// <returns>The set, with <paramref name="word"/> as its word when given.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">The word is blank.</exception>
    public static AmbiguousWordSet WordSet(string? path, string? word)
    {
        if (path is not null && !File.Exists(path))
        {
            throw new FileNotFoundException($"--sentences: no such file '{path}'", path);
        }

        if (word is not null && string.IsNullOrWhiteSpace(word))
        {
            throw new ArgumentException($"--word: expected a word, got '{word}'");
        }

        var set = path is null
            ? AmbiguousWordSet.FromJson(DefaultFixtures.AppleSentencesJson(), "apple-sentences.json")
            : AmbiguousWordSet.FromJson(File.ReadAllText(path), path);
        return word is null ? set : set with { Word = word.Trim() };
    }
}
