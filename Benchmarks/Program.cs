using BenchmarkDotNet.Running;
using XaiReference.Benchmarks;

// dotnet run -c Release --project Benchmarks -- --filter '*'          every benchmark (docs/benchmarks.md)
// dotnet run -c Release --project Benchmarks -- memory [file.json]     peak resident memory of each image method
// dotnet run -c Release --project Benchmarks -- serve slim|course      the C# half of scripts/benchmark.sh
// dotnet run -c Release --project Benchmarks -- serve bert folder [burst]
//                                                      the same for BERT (side_by_side.py --width bert)
// dotnet run -c Release --project Benchmarks -- bert-paired [rounds] [spinning|runs] [every-state]
//                                                      BERT against ONNX Runtime, alternating calls or runs;
//                                                      every-state: ONNX Runtime returns every hidden state too
// dotnet run -c Release --project Benchmarks -- bert-linear [rounds]
//                                                      where BERT's time goes, and other forms of its products
// dotnet run -c Release --project Benchmarks -- layout|fold slim|course rounds name...
//                                                      one setting of the classifier on and off, alternating calls:
//                                                      channels-last or plain layout; BatchNorm folded or not
if (args.Length > 2 && args[0] == "serve" && args[1] == "bert")
{
    SideBySideServer.RunBert(
        args[2], args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

if (args.Length > 1 && args[0] == "serve")
{
    SideBySideServer.Run(args[1]);
    return;
}

if (args.Length > 0 && args[0] == "memory")
{
    PeakMemory.Run(args.Length > 1 ? args[1] : "peak-memory.json");
    return;
}

if (args.Length > 0 && args[0] == "bert-paired")
{
    BertPairedComparison.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100,
        args.Length > 2 && args[2] != "every-state" ? args[2] : "alternating",
        everyState: args.Contains("every-state"));
    return;
}

if (args.Length > 0 && args[0] == "bert-linear")
{
    BertLinearAlternatives.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300);
    return;
}

if (args.Length > 3 && SettingComparison.Names.Contains(args[0]))
{
    SettingComparison.Run(
        args[0], args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ShortConfig).Assembly).Run(args);
