using FluentAssertions;
using NUnit.Framework;
using XaiReference.Grader.Commands;
using XaiReference.Grader.Explain;
using XaiReference.Specs.Models.Bert;

namespace XaiReference.Specs.Grader.Explain;

/// <summary>
/// Bad input to the text methods of <c>grader explain</c> fails before the model runs, with one line naming the
/// option and what was given (the app prints it and exits with 2).
/// </summary>
public sealed class ExplainTextInputErrorSpecs
{
    [TestCase("")]
    [TestCase("   ")]
    public void A_blank_text_is_refused(string text)
    {
        var act = () => TextExplainRunner.Run(
            MiniLm.Bert, TextExplainMethod.Attention, new TextKnobs(Text: text), Path.GetTempPath());

        act.Should().Throw<ArgumentException>().WithMessage($"--text: expected a sentence, got '{text}'");
    }

    [Test]
    public void A_blank_text_is_refused_on_the_command_line() =>
        new ExplainCommand.Settings { Method = "attention", Text = "" }.Validate().Message
            .Should().Be("--text: expected a sentence, got ''");

    [Test]
    public void A_pronoun_that_is_not_in_the_text_is_named()
    {
        var act = () => TextExplainRunner.Run(
            MiniLm.Bert, TextExplainMethod.Attention, new TextKnobs("The cat sat.", "she", "cat"), Path.GetTempPath());

        act.Should().Throw<ArgumentException>().WithMessage("--pronoun: the word 'she' is not in \"The cat sat.\"");
    }

    [Test]
    public void A_word_missing_from_a_sentence_is_named_with_the_sentence()
    {
        var act = () => TextExplainRunner.Run(
            MiniLm.Bert, TextExplainMethod.Distances, new TextKnobs(Word: "banana"), Path.GetTempPath());

        act.Should().Throw<ArgumentException>().WithMessage(
            "--word: the word 'banana' is not in sentence 1, \"She sliced a crisp green apple for her lunch.\"");
    }

    [Test]
    public void A_missing_sentences_file_is_named()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-sentences.json");

        var act = () => TextExplainInputs.WordSet(missing, word: null);

        act.Should().Throw<FileNotFoundException>().WithMessage($"--sentences: no such file '{missing}'");
    }

    [Test]
    public void A_missing_bert_folder_is_named()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-bert-folder");

        var act = () => TextExplainInputs.LoadBert(missing);

        act.Should().Throw<DirectoryNotFoundException>()
            .WithMessage($"--bert: The BERT folder '{missing}' does not exist.");
    }

    [Test]
    public void A_bert_folder_without_its_configuration_names_the_file_and_the_folder()
    {
        var folder = Directory.CreateTempSubdirectory("explain-bert-").FullName;
        try
        {
            var act = () => TextExplainInputs.LoadBert(folder);

            act.Should().Throw<FileNotFoundException>()
                .WithMessage($"--bert: config.json is missing from the BERT folder '{folder}'.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestCase("attention", "--model", "--model: belongs to the picture methods (saliency, smoothgrad, ig, lime, "
        + "filters, all), not to 'attention'")]
    [TestCase("saliency", "--bert", "--bert: belongs to the text methods (attention, embeddings, distances), "
        + "not to 'saliency'")]
    [TestCase("distances", "--text", "--text: belongs to attention, not to 'distances'")]
    [TestCase("attention", "--word", "--word: belongs to distances, not to 'attention'")]
    public void An_option_of_another_method_is_refused(string method, string option, string message)
    {
        var settings = option switch
        {
            "--model" => new ExplainCommand.Settings { Method = method, Model = "net.pt" },
            "--bert" => new ExplainCommand.Settings { Method = method, Bert = "folder" },
            "--text" => new ExplainCommand.Settings { Method = method, Text = "A sentence." },
            _ => new ExplainCommand.Settings { Method = method, Word = "apple" },
        };

        settings.Validate().Message.Should().Be(message);
    }

    [Test]
    public void A_pronoun_without_its_noun_is_refused() =>
        new ExplainCommand.Settings { Method = "attention", Text = "The cat sat.", Pronoun = "it" }.Validate().Message
            .Should().Be("--pronoun and --noun: give both or neither, got 'it' and '-'");
}
