using Spectre.Console.Cli;
using XaiReference.Grader.Commands;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("grader");
    config.PropagateExceptions();
    config.AddCommand<VersionCommand>("version")
        .WithDescription("Prints the versions of the grader, TorchSharp and libtorch.");
});

return app.Run(args);
