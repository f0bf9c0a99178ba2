using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;
using XaiReference.Grader.Quiz;
using XaiReference.Models.Bert;

namespace XaiReference.Benchmarks;

/// <summary>
/// BERT forward on the default MiniLM (all-MiniLM-L6-v2) for one sentence: ours with every attention and
/// hidden state, against ONNX Runtime running the original graph (which returns the last hidden state and
/// the pooled output) and the same graph returning every hidden state and attention tensor too, on the same ids,
/// all on <see cref="BenchmarkSetup.Threads"/> threads.
/// </summary>
[Config(typeof(ShortConfig))]
public class BertBenchmarks
{
    private PretrainedBert bert = null!;
    private BertBatch batch = null!;
    private InferenceSession? session;
    private SessionOptions? sessionOptions;
    private Dictionary<string, OrtValue>? onnxInputs;

    /// <summary>Which text: the coreference sentence, or the first question with its context.</summary>
    [Params("coreference", "question-context")]
    public string Text { get; set; } = "coreference";

    /// <summary>Loads our model and tokenizes the text once.</summary>
    [GlobalSetup(Target = nameof(Ours))]
    public void SetupOurs()
    {
        BenchmarkSetup.Torch();
        bert = BertLoader.LoadDefault();
        batch = Tokenize(bert, Text);
    }

    /// <summary>
    /// Starts ONNX Runtime on the same ids. Only for its own benchmark: its thread pool spins between runs and
    /// would take the cores from ours if both lived in the process at once.
    /// </summary>
    [GlobalSetup(Target = nameof(OnnxRuntime))]
    public void SetupOnnxRuntime() => SetupOnnxRuntime(OnnxBertGraph.Original());

    /// <summary>Starts ONNX Runtime on the graph that returns every hidden state and attention tensor.</summary>
    [GlobalSetup(Target = nameof(OnnxRuntimeEveryState))]
    public void SetupOnnxRuntimeEveryState() => SetupOnnxRuntime(OnnxBertGraph.WithEveryState().Graph);

    private void SetupOnnxRuntime(byte[] graph)
    {
        bert = BertLoader.LoadDefault();
        batch = Tokenize(bert, Text);
        sessionOptions = BenchmarkSetup.OnnxSessionOptions();
        session = new InferenceSession(graph, sessionOptions);
        onnxInputs = BertPairedComparison.OnnxInputs(batch);
    }

    /// <summary>Frees what the setup made.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var value in onnxInputs?.Values ?? Enumerable.Empty<OrtValue>())
        {
            value.Dispose();
        }

        session?.Dispose();
        sessionOptions?.Dispose();
        (onnxInputs, session, sessionOptions) = (null, null, null);
        batch.Dispose();
        bert.Dispose();
    }

    /// <summary>ONNX Runtime: the original graph, last hidden state and pooled output.</summary>
    [Benchmark(Baseline = true)]
    public float OnnxRuntime()
    {
        using var options = new RunOptions();
        using var outputs = session!.Run(options, onnxInputs!, session.OutputNames);
        return outputs[0].GetTensorDataAsSpan<float>()[0];
    }

    /// <summary>
    /// ONNX Runtime on the graph made to return what ours returns: all 7 hidden states and all 6 attention tensors
    /// (<see cref="OnnxBertGraph.WithEveryState"/>).
    /// </summary>
    [Benchmark]
    public float OnnxRuntimeEveryState() => OnnxRuntime();

    /// <summary>Ours: no-grad forward keeping all 7 hidden states and all 6 attention tensors.</summary>
    [Benchmark]
    public int Ours()
    {
        using var output = bert.Model.Infer(batch);
        return output.Attentions.Count + output.HiddenStates.Count;
    }

    /// <summary>One of the two texts the BERT benchmarks run, as a batch of one.</summary>
    /// <param name="bert">The model whose tokenizer encodes the text.</param>
    /// <param name="text"><c>coreference</c> (the attention sentence) or <c>question-context</c> (the first
    /// question with its context).</param>
    internal static BertBatch Tokenize(PretrainedBert bert, string text)
    {
        var inputs = QuizInputs.DefaultText();
        var example = inputs.Examples[0];
        var encoding = text == "coreference"
            ? bert.Tokenizer.Encode(inputs.AttentionSentence)
            : bert.Tokenizer.Encode(example.Question, example.Context);
        return bert.Tokenizer.ToBatch([encoding]);
    }
}
