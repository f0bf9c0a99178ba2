using System.Reflection;
using Spectre.Console;
using Spectre.Console.Cli;
using XaiReference.Platform;

namespace XaiReference.Grader.Commands;

/// <summary><c>grader version</c>: what this build is made of, and that libtorch loads.</summary>
public sealed class VersionCommand : Command
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        var grader = typeof(VersionCommand).Assembly.GetName().Version;
        var torchSharp = typeof(TorchSharp.torch).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

        var table = new Table().AddColumn("component").AddColumn("version");
        table.AddRow("grader", grader?.ToString() ?? "unknown");
        table.AddRow("TorchSharp", Markup.Escape(torchSharp ?? "unknown"));
        table.AddRow("libtorch threads", TorchSharp.torch.get_num_threads().ToString());
        table.AddRow(
            "freed native memory",
            NativeAllocator.IsRetainingFreedMemory ? "kept for reuse" : "returned to the system (its default)");
        table.AddRow(".NET", Environment.Version.ToString());
        AnsiConsole.Write(table);
        return 0;
    }
}
