using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using System.Globalization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Spectre.Console.Testing;
using XaiReference.Grader.Commands;
using XaiReference.Grader.Grading;
using XaiReference.Grader.Quiz;
using XaiReference.Grader.Quiz.Questions;
using XaiReference.Grader.Sheet;
using XaiReference.Grader.Submissions;
using XaiReference.Imaging;

namespace XaiReference.Specs.Grader;

/// <summary>
/// The students' question sheet that <c>grader quiz</c> writes: every question and option of the course quiz in the
/// course's sections, the scoring rule, the pictures as PNG, a printable HTML page that needs no network, and blank
/// answer files the grader reads. None of it needs the derived key.
/// </summary>
public sealed class QuizSheetSpecs
{
    // The course's layout from DOMAIN.md: eight sections and the questions each holds.
    private static readonly (int First, int Last)[] CourseSections =
        [(1, 4), (5, 9), (10, 13), (14, 17), (18, 20), (21, 24), (25, 27), (28, 30)];

    private static readonly Lazy<QuizSheet> CourseSheet = new(() => QuizSheet.Course());

    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = GraderFixtures.TemporaryFolder();
        QuizSheetWriter.WriteAll(CourseSheet.Value, folder);
        return folder;
    });

    private static QuizSheet Sheet => CourseSheet.Value;

    private static string Markdown => File.ReadAllText(Path.Combine(Folder.Value, QuizSheetWriter.MarkdownName));

    private static string Html => File.ReadAllText(Path.Combine(Folder.Value, QuizSheetWriter.HtmlName));

    [Test]
    public void The_sheet_holds_thirty_questions_numbered_1_to_30_in_order()
    {
        Sheet.Questions.Select(q => q.Number).Should().Equal(Enumerable.Range(1, 30));

        var numbers = Regex.Matches(Markdown, @"^\*\*(\d+)\.\*\* ", RegexOptions.Multiline)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        numbers.Should().Equal(Enumerable.Range(1, 30), "quiz.md numbers the questions in order");
    }

    [Test]
    public void Sections_come_in_the_courses_order_each_under_its_heading_and_the_points_total_10()
    {
        Sheet.Sections.Should().HaveCount(CourseSections.Length);
        var headings = new List<int>();
        for (var s = 0; s < CourseSections.Length; s++)
        {
            var (first, last) = CourseSections[s];
            var section = Sheet.Sections[s];
            Sheet.Questions.Where(q => q.Section == section).Select(q => q.Number)
                .Should().Equal(Enumerable.Range(first, last - first + 1), $"section {s} is '{section}'");
            var heading = $"\n## {section} (questions {first}-{last})\n";
            Markdown.Should().Contain(heading);
            headings.Add(Markdown.IndexOf(heading, StringComparison.Ordinal));
        }

        headings.Should().BeInAscendingOrder();
        Sheet.Questions.Where(q => q.Number <= 20).Should().OnlyContain(q => q.Points == 0.3m);
        Sheet.Questions.Where(q => q.Number > 20).Should().OnlyContain(q => q.Points == 0.4m);
        Sheet.Questions.Sum(q => q.Points).Should().Be(10m);
    }

    [Test]
    public void The_instructions_state_the_weights_and_the_all_or_nothing_rule()
    {
        foreach (var sheet in new[] { Unescaped(Markdown), Html })
        {
            sheet.Should().Contain("Questions 1-20 are worth 0.3 points each and 21-30 0.4 each: 10 points in all.")
                .And.Contain("A question scores only when exactly its correct options are chosen");
        }
    }

    [Test]
    public void Every_question_and_every_option_appears_lettered_from_A_with_its_selection_kind()
    {
        var markdown = Unescaped(Markdown);
        var html = Html;
        foreach (var question in Sheet.Questions)
        {
            var kind = question.Select == SelectionKind.Single ? "choose one" : "choose all that apply";
            var points = question.Points.ToString(CultureInfo.InvariantCulture);
            markdown.Should().Contain($"**{question.Number}.** {question.Prompt} *({kind}, {points} points)*");
            html.Should().Contain($"<strong>{question.Number}.</strong> {Encode(question.Prompt)} "
                                  + $"<span class=\"kind\">({kind}, {points} points)</span>");

            // The options in order under their question, A for the first.
            var block = markdown[markdown.IndexOf($"**{question.Number}.** ", StringComparison.Ordinal)..];
            var options = string.Concat(question.Options.Select((o, i) => $"- **{(char)('A' + i)}.** {o}\n"));
            block.Should().Contain(options, $"question {question.Number} lists its options lettered from A");
            foreach (var (option, i) in question.Options.Select((o, i) => (o, i)))
                html.Should().Contain($"<li><strong>{(char)('A' + i)}.</strong> {Encode(option)}</li>");
        }
    }

    [Test]
    public void The_blank_answer_file_reads_as_one_submission_that_grades_to_0_with_every_question_unanswered()
    {
        var path = Path.Combine(Folder.Value, QuizSheetWriter.JsonTemplateName);

        var read = SubmissionReader.Read([path]);
        var graded = BatchGrader.Grade(TestKey.Create(), read);

        read.Failures.Should().BeEmpty();
        read.Submissions.Should().ContainSingle().Which.Answers.Should().BeEmpty();
        graded.Failures.Should().BeEmpty();
        var student = graded.Graded.Should().ContainSingle().Subject;
        student.Total.Should().Be(0m);
        student.Results.Should().HaveCount(30).And.OnlyContain(r => !r.Answered);
    }

    [Test]
    public void A_row_filled_in_under_the_csv_header_template_reads_every_question()
    {
        var folder = GraderFixtures.TemporaryFolder();
        var header = File.ReadAllText(Path.Combine(Folder.Value, QuizSheetWriter.CsvTemplateName));
        var answers = Enumerable.Range(1, 30).Select(n => string.Join(";", TestKey.Correct(n)));
        var path = Path.Combine(folder, "class.csv");
        File.WriteAllText(path, header + "s1,Ada,2026-01-01T09:00:00Z," + string.Join(",", answers) + "\n");

        var read = SubmissionReader.Read([path]);
        var graded = BatchGrader.Grade(TestKey.Create(), read);

        read.Failures.Should().BeEmpty();
        read.Notes.Should().BeEmpty("every column of the template is one the grader knows");
        var submission = read.Submissions.Should().ContainSingle().Subject;
        submission.Name.Should().Be("Ada");
        submission.SubmittedAt.Should().Be(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        graded.Graded.Single().Total.Should().Be(10m, "the row holds the TEST key's own answers");
    }

    [Test]
    public void The_html_page_loads_nothing_from_elsewhere_and_embeds_the_png_it_shows()
    {
        var html = Html;

        html.Should().NotContainAny(["http:", "https:", "<script", "<link", "@import", "url("]);
        var sources = Regex.Matches(html, "src=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        sources.Should().ContainSingle("the sheet without figures shows one picture: the ten pictures' sheet");
        sources[0].Should().StartWith("data:image/png;base64,");
        Convert.FromBase64String(sources[0]["data:image/png;base64,".Length..])
            .Should().Equal(File.ReadAllBytes(Path.Combine(Folder.Value, QuizSheet.PicturesFileName)));
    }

    [Test]
    public void The_pictures_are_a_png_of_the_ten_pictures_enlarged_twice_five_to_a_row_that_quiz_md_links()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder.Value, QuizSheet.PicturesFileName));

        PictureFormats.Sniff(bytes).Should().Be(PictureFormat.Png);
        using var picture = Image.Load(bytes);

        // Contact sheet defaults: five columns of 128-pixel pictures at scale 2, two rows, margins and captions.
        picture.Width.Should().BeGreaterThan(5 * 256);
        picture.Height.Should().BeGreaterThan(2 * 256).And.BeLessThan(picture.Width);
        Markdown.Should().Contain($"]({QuizSheet.PicturesFileName})\n");
    }

    [Test]
    public void Markup_in_a_question_is_escaped_on_both_sheets()
    {
        var question = new QuizQuestion(
            1,
            "Tags & <sections>",
            0.3m,
            "Is 1 < 2 & 3 > 2? <script>alert(1)</script>",
            SelectionKind.Single,
            ["<b>bold</b>", "fish & chips", "[link](http://example.org)"],
            "a question written for this spec",
            _ => throw new InvalidOperationException("the sheet never derives an answer"));
        var sheet = Sheet with { Questions = [question] };

        var html = QuizSheetHtml.Render(sheet);
        var markdown = QuizSheetMarkdown.Render(sheet);

        html.Should().Contain("Is 1 &lt; 2 &amp; 3 &gt; 2? &lt;script&gt;alert(1)&lt;/script&gt;")
            .And.Contain("<h2>Tags &amp; &lt;sections&gt; (question 1)</h2>")
            .And.Contain("&lt;b&gt;bold&lt;/b&gt;").And.Contain("fish &amp; chips")
            .And.NotContain("<script>").And.NotContain("<b>");
        markdown.Should().Contain(@"Is 1 \< 2 & 3 \> 2? \<script\>alert(1)\</script\>")
            .And.Contain(@"- **A.** \<b\>bold\</b\>")
            .And.Contain(@"- **C.** \[link\](http://example.org)", "no link is made from an option's text");
    }

    [Test]
    public void Figures_a_folder_holds_are_shown_once_at_the_start_of_their_section_and_the_rest_only_named()
    {
        var figures = GraderFixtures.TemporaryFolder();
        using (var lime = new Image<Rgb24>(4, 3))
            lime.SaveAsPng(Path.Combine(figures, "lime.png"));

        var found = QuizSheet.LoadFigures(figures, Sheet.FigureNames);
        var markdown = QuizSheetMarkdown.Render(Sheet with { Figures = found });

        found.Keys.Should().Equal("lime");
        var image = $"![{found["lime"].Caption}](lime.png)";
        Regex.Matches(markdown, Regex.Escape(image)).Should().ContainSingle();
        markdown.IndexOf(image, StringComparison.Ordinal).Should()
            .BeGreaterThan(markdown.IndexOf("## LIME (questions 1-4)", StringComparison.Ordinal))
            .And.BeLessThan(markdown.IndexOf("**1.** ", StringComparison.Ordinal));
        markdown.Should().NotContain("saliency.png").And.Contain("*Figure: the saliency maps of the ten pictures.*");
    }

    [Test]
    public void The_text_figures_are_found_under_the_names_grader_explain_gives_them()
    {
        var figures = GraderFixtures.TemporaryFolder();
        foreach (var file in new[] { "attention.png", "embeddings.0.png", "distances.cosine.png" })
        {
            using var figure = new Image<Rgb24>(4, 3);
            figure.SaveAsPng(Path.Combine(figures, file));
        }

        var found = QuizSheet.LoadFigures(figures, Sheet.FigureNames);

        found.Keys.Should().BeEquivalentTo("attention", "projection", "distances");
        found["projection"].FileName.Should().Be("projection.png", "the sheet names the copy after the figure");
    }

    [Test]
    public void A_figure_that_is_not_a_png_is_refused_naming_the_file()
    {
        var figures = GraderFixtures.TemporaryFolder();
        var path = Path.Combine(figures, "saliency.png");
        File.WriteAllText(path, "not a picture");

        var act = () => QuizSheet.LoadFigures(figures, Sheet.FigureNames);

        act.Should().Throw<PictureLoadException>().Which.Path.Should().Be(path);
    }

    [Test]
    public void The_command_writes_every_file_and_writing_again_gives_the_same_bytes_and_no_temporary_files()
    {
        var folder = Path.Combine(GraderFixtures.TemporaryFolder(), "quiz");
        var console = new TestConsole();
        var command = new QuizCommand(console);

        command.Run(new QuizCommand.Settings { Out = folder }).Should().Be(0);
        var first = Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        command.Run(new QuizCommand.Settings { Out = folder }).Should().Be(0);

        first.Keys.Should().BeEquivalentTo(
            "quiz.md", "quiz.html", QuizSheet.PicturesFileName, "answers.json", "answers.csv");
        foreach (var (name, bytes) in first)
        {
            File.ReadAllBytes(Path.Combine(folder, name)).Should().Equal(bytes, $"{name} is rewritten the same");
            console.Output.Should().Contain($"  {name} (");
        }

        Directory.GetFiles(folder).Should().HaveCount(first.Count, "no temporary file is left behind");
    }

    [Test]
    public void The_markdown_sheet_matches_its_snapshot()
    {
        Support.Snapshot.VerifyText(Markdown, "md");
    }

    // quiz.md escapes Markdown's punctuation with a backslash; the question texts themselves hold none.
    private static string Unescaped(string markdown) => Regex.Replace(markdown, @"\\([\\`*_\[\]<>|#])", "$1");

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
