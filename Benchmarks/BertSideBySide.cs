using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using XaiReference.Export;
using XaiReference.Models;
using XaiReference.Models.Bert;
using static TorchSharp.torch;

namespace XaiReference.Benchmarks;

/// <summary>
/// The C# half of the BERT side-by-side comparison (<c>side_by_side.py --width bert</c>): our forward and ONNX
/// Runtime's on the two benchmark texts, against the same encoder in Python with PyTorch
/// (benchmarks/python/bert_baseline.py).
/// </summary>
/// <remarks>
/// Before serving, it writes into a folder what the Python side needs to run the same computation and to check
/// that it does: the default model's weights (<c>weights.safetensors</c>, Hugging Face's names) and the sizes the
/// weights do not tell (<c>config.json</c>, Hugging Face's keys), and for each text its ids, mask and segments
/// and our 7 hidden states and 6 attention tensors (<c>.npy</c>). A call runs one forward <see cref="Burst"/>
/// times back to back and answers with the median: the driver pauses before every call, and after a pause
/// libtorch's first forward pays for waking its OpenMP worker (docs/benchmarks.md), which the median leaves out
/// on both sides.
/// </remarks>
internal sealed class BertSideBySide : IDisposable
{
    private static readonly string[] Texts = ["coreference", "question-context"];

    private readonly PretrainedBert bert;
    private readonly Dictionary<string, BertBatch> batches = new(StringComparer.Ordinal);
    private readonly List<Dictionary<string, OrtValue>> onnxInputs = [];
    private readonly SessionOptions options;
    private readonly InferenceSession original;
    private readonly InferenceSession everyState;

    private BertSideBySide(string folder, int burst)
    {
        Burst = burst;
        BenchmarkSetup.Torch();
        bert = BertLoader.LoadDefault();
        Directory.CreateDirectory(folder);
        CheckpointLoader.SaveSafetensors(bert.Model, Path.Combine(folder, "weights.safetensors"));
        WriteConfig(folder, bert.Config);

        // ONNX Runtime as people run it: its default pool, whose workers spin between operators.
        options = BenchmarkSetup.OnnxSessionOptions();
        original = new InferenceSession(OnnxBertGraph.Original(), options);
        everyState = new InferenceSession(OnnxBertGraph.WithEveryState().Graph, options);
        foreach (var text in Texts)
        {
            var batch = BertBenchmarks.Tokenize(bert, text);
            batches[text] = batch;
            Write(folder, text, batch);
            var inputs = BertPairedComparison.OnnxInputs(batch);
            onnxInputs.Add(inputs);
            Calls[$"Forward.{text}"] = () => MedianOfBurst(() => bert.Model.Infer(batch).Dispose());
            Calls[$"OnnxRuntime.{text}"] = () => MedianOfBurst(() => RunOnnx(original, inputs));
            Calls[$"OnnxRuntimeEveryState.{text}"] = () => MedianOfBurst(() => RunOnnx(everyState, inputs));
        }
    }

    /// <summary>Forwards a call runs back to back; it answers with their median.</summary>
    public int Burst { get; }

    /// <summary>
    /// The calls by name: <c>Forward.&lt;text&gt;</c> (ours, every hidden state and attention tensor),
    /// <c>OnnxRuntime.&lt;text&gt;</c> (the original graph) and <c>OnnxRuntimeEveryState.&lt;text&gt;</c> (the graph
    /// returning every state too); each returns the median milliseconds of one forward in its burst.
    /// </summary>
    public Dictionary<string, Func<double>> Calls { get; } = new(StringComparer.Ordinal);

    /// <summary>Loads the default model and writes the Python side's inputs into <paramref name="folder"/>.</summary>
    /// <param name="folder">Created if missing; files of an earlier run are replaced.</param>
    /// <param name="burst">Forwards per call, at least 1.</param>
    public static BertSideBySide Create(string folder, int burst)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        return new BertSideBySide(folder, burst);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var value in onnxInputs.SelectMany(inputs => inputs.Values))
        {
            value.Dispose();
        }

        original.Dispose();
        everyState.Dispose();
        options.Dispose();
        foreach (var batch in batches.Values)
        {
            batch.Dispose();
        }

        bert.Dispose();
    }

    private static void RunOnnx(InferenceSession session, Dictionary<string, OrtValue> inputs)
    {
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, inputs, session.OutputNames);
    }

    private double MedianOfBurst(Action forward) => Timings.Median(Enumerable.Range(0, Burst).Select(_ =>
    {
        var clock = Stopwatch.StartNew();
        using (NewDisposeScope())
        {
            forward();
        }

        return clock.Elapsed.TotalMilliseconds;
    }));

    /// <summary>What the weights' shapes do not tell, under the keys of Hugging Face's <c>config.json</c>.</summary>
    private static void WriteConfig(string folder, BertConfig config) =>
        File.WriteAllText(
            Path.Combine(folder, "config.json"),
            JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["num_attention_heads"] = config.HeadCount,
                ["hidden_act"] = config.HiddenAct,
                ["layer_norm_eps"] = config.LayerNormEps,
            }));

    /// <summary>
    /// A text's ids, mask and segments, and our hidden states [7, T, 384] and attentions [6, 12, T, T].
    /// </summary>
    private void Write(string folder, string text, BertBatch batch)
    {
        using var scope = NewDisposeScope();
        using var output = bert.Model.Infer(batch);
        string File(string what) => Path.Combine(folder, $"{text}.{what}.npy");
        NpyWriter.Write(File("input_ids"), batch.InputIds);
        NpyWriter.Write(File("attention_mask"), batch.AttentionMask);
        NpyWriter.Write(File("token_type_ids"), batch.TokenTypeIds);
        NpyWriter.Write(File("hidden_states"), stack(output.HiddenStates.Select(h => h[0]).ToArray()));
        NpyWriter.Write(File("attentions"), stack(output.Attentions.Select(a => a[0]).ToArray()));
    }
}
