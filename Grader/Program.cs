using Spectre.Console;
using Spectre.Console.Cli;
using XaiReference.Grader.Commands;
using XaiReference.Grader.Grading;
using XaiReference.Platform;

// Every method allocates the same large activations pass after pass: keep freed native memory for reuse
// instead of faulting fresh pages in each time (docs/benchmarks.md measures what that saves).
NativeAllocator.RetainFreedMemory();

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("grader");
    config.SetExceptionHandler((exception, _) =>
    {
        // Bad options and failures end with one readable line, not a stack trace.
        AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Message)}");
        return 2;
    });
    config.AddCommand<VersionCommand>("version")
        .WithDescription("Prints the versions of the grader, TorchSharp and libtorch.");

    // The key used when a command gets no --key: derived from the reference on the embedded fixtures.
    config.Settings.Registrar.RegisterInstance<IKeySource>(new DerivedKeySource(AnsiConsole.Console));
    config.Settings.Registrar.RegisterInstance(AnsiConsole.Console);
    config.AddCommand<GradeCommand>("grade")
        .WithDescription("Grades JSON and CSV submissions; writes a gradebook, item analysis and feedback.");
    config.AddCommand<KeyCommand>("key")
        .WithDescription("Derives the quiz's answers from the reference's outputs; --explain shows the numbers.");
    config.AddCommand<GradescopeCommand>("gradescope")
        .WithDescription("Gradescope autograder mode: grades one upload and writes results.json.");
    config.AddCommand<QuizCommand>("quiz")
        .WithDescription("Writes the students' question sheet (Markdown, printable HTML, pictures) and answer files.");
    config.AddCommand<ExplainCommand>("explain")
        .WithDescription("Runs an explanation method on pictures or text; writes its figures, .npy arrays and tables.");
});

return app.Run(args);
