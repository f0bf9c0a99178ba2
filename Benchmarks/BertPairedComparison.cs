using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using XaiReference.Grader.Quiz;
using XaiReference.Models.Bert;
using static TorchSharp.torch;
using static XaiReference.Benchmarks.Timings;

namespace XaiReference.Benchmarks;

/// <summary>
/// Our BERT forward against ONNX Runtime on the same ids, alternating call by call in one process: the median of
/// the per-round ratios holds up under a shared machine's changing load far better than two separate timings.
/// ONNX Runtime's worker threads are told not to spin after a run, or they would take the cores from our next call.
/// That also keeps them from spinning between its own operators, which costs ONNX Runtime time within a call; with
/// <c>spinning</c> they keep ONNX Runtime's default and every call waits 100 ms first instead, long enough for the
/// other side's spinning threads to have gone to sleep. With <c>runs</c> each side keeps its default and makes all
/// its calls in one run, back to back, first ours and then ONNX Runtime's: the ratio is then that of the two medians.
/// With <c>every-state</c> ONNX Runtime runs the graph made to return every hidden state and attention tensor, as
/// ours does (<see cref="OnnxBertGraph.WithEveryState"/>), and the run first prints how far its outputs are from
/// ours.
/// </summary>
internal static class BertPairedComparison
{
    /// <summary>Prints, per text, both medians, both fastest calls and the median paired ratio.</summary>
    /// <param name="rounds">Rounds of one call each, after 10 warm-up rounds.</param>
    /// <param name="mode">
    /// <c>alternating</c> (the default), <c>spinning</c> (ONNX Runtime's spinning workers, each call waits 100 ms
    /// first) or <c>runs</c> (each side's calls back to back, ONNX Runtime spinning).
    /// </param>
    /// <param name="everyState">Whether ONNX Runtime returns every hidden state and attention tensor too.</param>
    public static void Run(int rounds, string mode, bool everyState = false)
    {
        if (mode is not ("alternating" or "spinning" or "runs"))
        {
            throw new ArgumentException($"Unknown mode '{mode}': alternating, spinning or runs.", nameof(mode));
        }

        var spinning = mode != "alternating";
        BenchmarkSetup.Torch();
        using var bert = BertLoader.LoadDefault();
        using var options = BenchmarkSetup.OnnxSessionOptions();
        if (!spinning)
        {
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        }

        var everyStateGraph = everyState ? OnnxBertGraph.WithEveryState() : null;
        using var session = new InferenceSession(everyStateGraph?.Graph ?? OnnxBertGraph.Original(), options);

        var text = QuizInputs.DefaultText();
        var example = text.Examples[0];
        foreach (var (name, encoding) in new[]
                 {
                     ("coreference", bert.Tokenizer.Encode(text.AttentionSentence)),
                     ("question-context", bert.Tokenizer.Encode(example.Question, example.Context)),
                 })
        {
            using var batch = bert.Tokenizer.ToBatch([encoding]);
            var inputs = OnnxInputs(batch);
            try
            {
                if (everyStateGraph is not null)
                {
                    PrintAgreement(name, batch, bert, session, inputs, everyStateGraph);
                }

                var pause = mode == "spinning" ? TimeSpan.FromMilliseconds(100) : TimeSpan.Zero;
                Compare(name, batch, bert, session, inputs, rounds, pause, backToBack: mode == "runs");
            }
            finally
            {
                foreach (var value in inputs.Values)
                {
                    value.Dispose();
                }
            }
        }
    }

    private static void Compare(
        string name,
        BertBatch batch,
        PretrainedBert bert,
        InferenceSession session,
        Dictionary<string, OrtValue> inputs,
        int rounds,
        TimeSpan pause,
        bool backToBack)
    {
        double Ours()
        {
            Thread.Sleep(pause);
            var clock = Stopwatch.StartNew();
            using var scope = NewDisposeScope();
            bert.Model.Infer(batch);
            return clock.Elapsed.TotalMilliseconds;
        }

        double Onnx()
        {
            Thread.Sleep(pause);
            var clock = Stopwatch.StartNew();
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, inputs, session.OutputNames);
            return clock.Elapsed.TotalMilliseconds;
        }

        for (var i = 0; i < 10; i++)
        {
            Ours();
            Onnx();
        }

        var (ours, onnx, ratios) = (new List<double>(), new List<double>(), new List<double>());
        if (backToBack)
        {
            ours.AddRange(Enumerable.Range(0, rounds).Select(_ => Ours()));
            onnx.AddRange(Enumerable.Range(0, rounds).Select(_ => Onnx()));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name} ({batch.Length} tokens): ours median {Median(ours):F2} ms (fastest {ours.Min():F2}), " +
                $"ONNX Runtime median {Median(onnx):F2} ms (fastest {onnx.Min():F2}), " +
                $"ratio of the medians {Median(ours) / Median(onnx):F2}, {rounds} calls a side back to back"));
            return;
        }

        for (var i = 0; i < rounds; i++)
        {
            // The side that goes first alternates, so neither always runs on a just-warmed cache.
            var (a, b) = i % 2 == 0 ? (Ours(), Onnx()) : Swap(Onnx(), Ours());
            ours.Add(a);
            onnx.Add(b);
            ratios.Add(a / b);
        }

        var how = pause > TimeSpan.Zero ? " (ONNX Runtime spinning, 100 ms before each call)" : "";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name} ({batch.Length} tokens): ours median {Median(ours):F2} ms (fastest {ours.Min():F2}), " +
            $"ONNX Runtime median {Median(onnx):F2} ms (fastest {onnx.Min():F2}), " +
            $"ours / ONNX Runtime paired median {Median(ratios):F2} over {rounds} rounds{how}"));
    }

    private static (double Ours, double Onnx) Swap(double onnx, double ours) => (ours, onnx);

    /// <summary>The largest difference between ONNX Runtime's hidden states and attentions and ours.</summary>
    private static void PrintAgreement(
        string name,
        BertBatch batch,
        PretrainedBert bert,
        InferenceSession session,
        Dictionary<string, OrtValue> inputs,
        EveryStateGraph graph)
    {
        using var scope = NewDisposeScope();
        using var output = bert.Model.Infer(batch);
        using var runOptions = new RunOptions();
        using var values = session.Run(runOptions, inputs, graph.HiddenStates.Concat(graph.Attentions).ToArray());
        double Largest(IReadOnlyList<Tensor> ours, int offset)
        {
            var largest = 0.0;
            for (var i = 0; i < ours.Count; i++)
            {
                var theirs = tensor(values[offset + i].GetTensorDataAsSpan<float>().ToArray(), ours[i].shape);
                largest = Math.Max(largest, (theirs - ours[i]).abs().max().item<float>());
            }

            return largest;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: ONNX Runtime's every-state outputs against ours, largest difference: hidden states " +
            $"{Largest(output.HiddenStates, 0):E2}, " +
            $"attentions {Largest(output.Attentions, graph.HiddenStates.Count):E2}"));
    }

    internal static Dictionary<string, OrtValue> OnnxInputs(BertBatch batch)
    {
        long[] shape = [batch.Size, batch.Length];
        OrtValue Input(Tensor ids) => OrtValue.CreateTensorValueFromMemory(ids.data<long>().ToArray(), shape);
        return new Dictionary<string, OrtValue>
        {
            ["input_ids"] = Input(batch.InputIds),
            ["attention_mask"] = Input(batch.AttentionMask),
            ["token_type_ids"] = Input(batch.TokenTypeIds),
        };
    }
}
