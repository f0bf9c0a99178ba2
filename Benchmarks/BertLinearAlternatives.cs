using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using XaiReference.Grader.Quiz;
using XaiReference.Models.Bert;
using static TorchSharp.torch;
using static XaiReference.Benchmarks.Timings;

namespace XaiReference.Benchmarks;

/// <summary>
/// Where the time of the default model's encoder goes for one sentence, against ONNX Runtime's per-operator
/// profile, and what other ways of computing its linear layers cost there: <c>bert-linear [rounds]</c>.
/// </summary>
/// <remarks>
/// The encoder is written out here as functions of the real model's weights (the same operations as
/// <see cref="BertLayer"/>, checked against <see cref="BertModel.Infer"/>), so that each operation can be timed
/// where it runs, after the ones before it, and so that a linear layer can be swapped for another form. Each
/// alternative alternates with the encoder as built, one forward each per round; the ratio is the median of the
/// per-round ratios. Two alternatives call libtorch operators that TorchSharp does not bind (MKL's and oneDNN's
/// products on weights packed once beforehand); they run through a TorchScript module written here, since
/// TorchScript resolves any registered operator by name. Those operators are libtorch's internals: a libtorch
/// without them fails to compile the module, and TorchSharp lets that error end the process.
/// </remarks>
internal static class BertLinearAlternatives
{
    private const string ScriptCode = """
        class Packed(Module):
          __parameters__ = []
          __buffers__ = []
          training : bool
          def forward(self: __torch__.Packed, x: Tensor) -> Tensor:
            return x
          def pack_mkl(self: __torch__.Packed, w: Tensor, rows: int) -> Tensor:
            return ops.mkl._mkl_reorder_linear_weight(w, rows)
          def mkl(self: __torch__.Packed, x: Tensor, packed: Tensor, w: Tensor, b: Tensor, rows: int) -> Tensor:
            return ops.mkl._mkl_linear(x, packed, w, b, rows)
          def pack_dnn(self: __torch__.Packed, w: Tensor, rows: int) -> Tensor:
            return ops.mkldnn._reorder_linear_weight(w, rows)
          def dnn(self: __torch__.Packed, x: Tensor, packed: Tensor, b: Tensor) -> Tensor:
            return ops.mkldnn._linear_pointwise(x, packed, b, "none", annotate(List[Optional[number]], []), "")
          def dnn_gelu(self: __torch__.Packed, x: Tensor, packed: Tensor, b: Tensor) -> Tensor:
            return ops.mkldnn._linear_pointwise(x, packed, b, "gelu", annotate(List[Optional[number]], []), "none")
          def dnn_add(self: __torch__.Packed, x: Tensor, other: Tensor, packed: Tensor, b: Tensor) -> Tensor:
            return ops.mkldnn._linear_pointwise(x, other, packed, b, "add")

        """;

    private static readonly string[] Linears =
    [
        "attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
        "intermediate.dense", "output.dense",
    ];

    /// <summary>Prints, for the two quiz texts, ONNX Runtime's profile, ours, and each alternative's ratio.</summary>
    /// <param name="rounds">Rounds per alternative, after 20 warm-up rounds.</param>
    public static void Run(int rounds)
    {
        BenchmarkSetup.Torch();
        using var bert = BertLoader.LoadDefault();
        using var script = LoadScript();
        var text = QuizInputs.DefaultText();
        var example = text.Examples[0];
        foreach (var encoding in new[]
                 {
                     bert.Tokenizer.Encode(text.AttentionSentence),
                     bert.Tokenizer.Encode(example.Question, example.Context),
                 })
        {
            using var batch = bert.Tokenizer.ToBatch([encoding]);
            Console.WriteLine($"== {batch.Length} tokens, {BenchmarkSetup.Threads} threads");
            ProfileOnnxRuntime(batch);
            using var scope = NewDisposeScope();
            using var inference = inference_mode();
            var encoder = new Encoder(bert, batch, script);
            encoder.PrintBreakdown(rounds);
            encoder.CompareAlternatives(rounds);
        }
    }

    private static jit.ScriptModule LoadScript()
    {
        // A TorchScript archive: the module's code, its pickled state (an object of class Packed whose only
        // attribute is training = True: protocol 2, GLOBAL, EMPTY_TUPLE, NEWOBJ, EMPTY_DICT, SETITEM, BUILD, with
        // the memo entries Python's pickler writes),
        // the constants (an empty tuple) and the format version.
        byte[] state = [
            0x80, 0x02, .. "c__torch__\nPacked\n"u8, 0x71, 0x00, 0x29, 0x81, 0x7d, 0x58, 0x08, 0x00, 0x00, 0x00,
            .. "training"u8, 0x71, 0x01, 0x88, 0x73, 0x62, 0x71, 0x02, 0x2e,
        ];
        var path = Path.Combine(Path.GetTempPath(), $"xai-bert-linear-{Environment.ProcessId}.pt");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            void Add(string name, byte[] bytes)
            {
                using var entry = archive.CreateEntry($"packed/{name}", CompressionLevel.NoCompression).Open();
                entry.Write(bytes);
            }

            Add("data.pkl", state);
            Add("code/__torch__.py", Encoding.UTF8.GetBytes(ScriptCode));
            Add("constants.pkl", [0x80, 0x02, 0x29, 0x2e]);
            Add("version", "3\n"u8.ToArray());
        }

        try
        {
            return jit.load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void ProfileOnnxRuntime(BertBatch batch)
    {
        using var options = BenchmarkSetup.OnnxSessionOptions();
        options.EnableProfiling = true;
        options.ProfileOutputPathPrefix = Path.Combine(Path.GetTempPath(), "xai-bert-ort-profile");
        using var session = new InferenceSession(OnnxBertGraph.Original(), options);
        var inputs = BertPairedComparison.OnnxInputs(batch);
        const int Calls = 300;
        for (var i = 0; i < Calls; i++)
        {
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, inputs, session.OutputNames);
        }

        var file = session.EndProfiling();
        using var profile = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
        File.Delete(file);
        var byOperator = profile.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("cat").GetString() == "Node"
                        && e.GetProperty("name").GetString()!.EndsWith("_kernel_time", StringComparison.Ordinal))
            .GroupBy(e => e.GetProperty("args").GetProperty("op_name").GetString()
                          + " -> " + e.GetProperty("args").GetProperty("output_type_shape"))
            .Select(g => (g.Key, Us: g.Sum(e => e.GetProperty("dur").GetDouble()), Count: g.Count()))
            .OrderByDescending(g => g.Us)
            .ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ONNX Runtime, profiled ({Calls} calls; profiling slows it): " +
            $"{byOperator.Sum(g => g.Us) / Calls / 1000:F2} ms " +
            $"of kernels a call"));
        foreach (var (key, us, count) in byOperator.Take(8))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {us / Calls / 1000,6:F3} ms a call, {us / count,6:F1} us each, " +
                $"{count / (double)Calls,4:F0} a call: {key}"));
        }

        foreach (var value in inputs.Values)
        {
            value.Dispose();
        }
    }

    /// <summary>The encoder of one model at one sentence's length, as functions of its weights.</summary>
    private sealed class Encoder
    {
        private readonly BertConfig config;
        private readonly jit.ScriptModule script;
        private readonly Tensor input;
        private readonly Tensor expected;
        private readonly Tensor mask;
        private readonly Tensor headMask;
        private readonly long rows;
        private readonly Layer[] layers;
        private readonly Dictionary<string, double> spent = [];
        private bool timing;

        public Encoder(PretrainedBert bert, BertBatch batch, jit.ScriptModule script)
        {
            config = bert.Config;
            this.script = script;
            rows = batch.Length;
            var output = bert.Model.Infer(batch);
            input = output.HiddenStates[0];
            expected = output.LastHiddenState;
            var keep = batch.AttentionMask.to_type(ScalarType.Float32).unsqueeze(1).unsqueeze(2);
            mask = (1.0f - keep) * float.MinValue;
            headMask = mask.view(1, 1, rows);
            var weights = bert.Model.state_dict();
            layers = Enumerable.Range(0, config.LayerCount).Select(i => new Layer(weights, i, rows, script)).ToArray();
        }

        public void PrintBreakdown(int rounds)
        {
            var difference = (AsBuilt(input) - expected).abs().max().item<float>();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"ours, the encoder as built, against Infer: largest difference {difference:E2}"));
            for (var i = 0; i < 20; i++)
            {
                AsBuilt(input).Dispose();
            }

            timing = true;
            spent.Clear();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < rounds; i++)
            {
                AsBuilt(input).Dispose();
            }

            timing = false;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ours, each operation timed where it runs ({rounds} forwards): " +
                $"{clock.Elapsed.TotalMilliseconds / rounds:F2} ms a forward"));
            foreach (var (name, ticks) in spent.OrderByDescending(p => p.Value).Take(10))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {ticks * 1000.0 / Stopwatch.Frequency / rounds,6:F3} ms a forward: {name}"));
            }
        }

        public void CompareAlternatives(int rounds)
        {
            var alternatives = new (string Name, Func<Tensor, Tensor> Forward)[]
            {
                ("MKL product on weights packed once (mkl::_mkl_linear)", MklPacked),
                ("oneDNN product on weights packed once (mkldnn::_linear_pointwise)", OneDnnPacked),
                ("the same with GELU and the residual sum fused into the products", OneDnnFused),
                ("one product for query, key and value; scores by one baddbmm", OneProjection),
                ("W x^T instead of x W^T", WeightFirst),
            };
            foreach (var (name, forward) in alternatives)
            {
                var difference = (forward(input) - expected).abs().max().item<float>();
                var (ours, theirs, ratios) = (new List<double>(), new List<double>(), new List<double>());
                for (var round = 0; round < rounds + 20; round++)
                {
                    var a = Time(AsBuilt);
                    var b = Time(forward);
                    if (round >= 20)
                    {
                        ours.Add(a);
                        theirs.Add(b);
                        ratios.Add(b / a);
                    }
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: {Median(theirs):F2} ms against {Median(ours):F2} as built, paired ratio " +
                    $"{Median(ratios):F2}; largest difference from Infer {difference:E2}"));
            }
        }

        private double Time(Func<Tensor, Tensor> forward)
        {
            var clock = Stopwatch.StartNew();
            forward(input).Dispose();
            return clock.Elapsed.TotalMilliseconds;
        }

        private Tensor Timed(string name, Func<Tensor> operation)
        {
            if (!timing)
            {
                return operation();
            }

            var start = Stopwatch.GetTimestamp();
            var result = operation();
            spent[name] = spent.GetValueOrDefault(name) + (Stopwatch.GetTimestamp() - start);
            return result;
        }

        private Tensor Heads(Tensor x) => x.view(1, rows, config.HeadCount, config.HeadSize).transpose(1, 2);

        private Tensor Attend(Tensor q, Tensor k, Tensor v)
        {
            var (qh, kh, vh) =
                (Timed("view", () => Heads(q)), Timed("view", () => Heads(k)), Timed("view", () => Heads(v)));
            var scores = Timed("query-key product", () => matmul(qh, kh.transpose(-1, -2)));
            var masked = Timed("scale and mask", () => scores / Math.Sqrt(config.HeadSize) + mask);
            var probabilities = Timed("softmax", () => masked.softmax(-1));
            var context = Timed("probability-value product", () => matmul(probabilities, vh));
            return Timed("view", () => context.transpose(1, 2).reshape(1, rows, config.HiddenSize));
        }

        private Tensor Norm(Tensor x, Tensor weight, Tensor bias) => Timed("LayerNorm", () =>
            nn.functional.layer_norm(x, [config.HiddenSize], weight, bias, config.LayerNormEps));

        private Tensor Forward(Tensor hidden, Func<Layer, int, Tensor, Tensor> linear)
        {
            using var scope = NewDisposeScope();
            foreach (var layer in layers)
            {
                Tensor Linear(int which, Tensor x) => linear(layer, which, x);
                var attended = Attend(Linear(0, hidden), Linear(1, hidden), Linear(2, hidden));
                var sum = Linear(3, attended);
                var first = Norm(Timed("residual sum", () => sum + hidden), layer.Norm1Weight, layer.Norm1Bias);
                var inner = Linear(4, first);
                var activated = Timed("GELU", () => nn.functional.gelu(inner));
                var projected = Linear(5, activated);
                hidden = Norm(Timed("residual sum", () => projected + first), layer.Norm2Weight, layer.Norm2Bias);
            }

            return hidden.MoveToOuterDisposeScope();
        }

        private Tensor AsBuilt(Tensor hidden) => Forward(hidden, (layer, which, x) => Timed(
            $"linear {layer.Weight[which].shape[1]} -> {layer.Weight[which].shape[0]}",
            () => nn.functional.linear(x, layer.Weight[which], layer.Bias[which])));

        private Tensor MklPacked(Tensor hidden) => Forward(hidden, (layer, which, x) => (Tensor)script.invoke(
            "mkl", x, layer.Mkl[which], layer.Weight[which], layer.Bias[which], rows));

        private Tensor OneDnnPacked(Tensor hidden) => Forward(hidden, (layer, which, x) =>
            (Tensor)script.invoke("dnn", x, layer.OneDnn[which], layer.Bias[which]));

        private Tensor OneDnnFused(Tensor hidden)
        {
            using var scope = NewDisposeScope();
            foreach (var layer in layers)
            {
                Tensor Linear(int which, Tensor x) =>
                    (Tensor)script.invoke("dnn", x, layer.OneDnn[which], layer.Bias[which]);
                Tensor LinearAdd(int which, Tensor x, Tensor residual) =>
                    (Tensor)script.invoke("dnn_add", x, residual, layer.OneDnn[which], layer.Bias[which]);
                var attended = Attend(Linear(0, hidden), Linear(1, hidden), Linear(2, hidden));
                var first = Norm(LinearAdd(3, attended, hidden), layer.Norm1Weight, layer.Norm1Bias);
                var activated = (Tensor)script.invoke("dnn_gelu", first, layer.OneDnn[4], layer.Bias[4]);
                hidden = Norm(LinearAdd(5, activated, first), layer.Norm2Weight, layer.Norm2Bias);
            }

            return hidden.MoveToOuterDisposeScope();
        }

        private Tensor OneProjection(Tensor hidden)
        {
            using var scope = NewDisposeScope();
            var (heads, size) = (config.HeadCount, config.HeadSize);
            foreach (var layer in layers)
            {
                Tensor Linear(int which, Tensor x) => nn.functional.linear(x, layer.Weight[which], layer.Bias[which]);
                var qkv = addmm(layer.QkvBias, hidden.view(rows, config.HiddenSize), layer.QkvInputMajor, 1, 1)
                    .view(rows, 3, heads, size).permute(1, 2, 0, 3);
                var (q, k, v) = (qkv[0], qkv[1], qkv[2]);

                // TorchSharp's Tensor.baddbmm(b, input) computes input + this @ b.
                var scores = q.baddbmm(k.transpose(-1, -2), headMask, 1, (float)(1 / Math.Sqrt(size)));
                var attended = bmm(scores.softmax(-1), v).transpose(0, 1).reshape(1, rows, config.HiddenSize);
                var first = Norm(Linear(3, attended) + hidden, layer.Norm1Weight, layer.Norm1Bias);
                var activated = nn.functional.gelu(Linear(4, first));
                hidden = Norm(Linear(5, activated) + first, layer.Norm2Weight, layer.Norm2Bias);
            }

            return hidden.MoveToOuterDisposeScope();
        }

        private Tensor WeightFirst(Tensor hidden) => Forward(hidden, (layer, which, x) =>
            addmm(layer.Bias[which].unsqueeze(1), layer.OutputMajor[which], x.view(rows, -1).t(), 1, 1)
                .t().reshape(1, rows, -1));

        /// <summary>One layer's weights, as the model holds them and in each alternative's form.</summary>
        private sealed class Layer
        {
            public Layer(Dictionary<string, Tensor> weights, int index, long rows, jit.ScriptModule script)
            {
                Tensor Get(string name) => weights[$"encoder.layer.{index}.{name}"];
                Weight = Linears.Select(n => Get($"{n}.weight")).ToArray();
                Bias = Linears.Select(n => Get($"{n}.bias")).ToArray();
                OutputMajor = Weight.Select(w => w.contiguous()).ToArray();
                Mkl = OutputMajor.Select(w => (Tensor)script.invoke("pack_mkl", w, rows)).ToArray();
                OneDnn = OutputMajor.Select(w => (Tensor)script.invoke("pack_dnn", w, rows)).ToArray();
                QkvInputMajor = cat(Weight.Take(3).Select(w => w.t()).ToArray(), 1).contiguous();
                QkvBias = cat(Bias.Take(3).ToArray(), 0);
                (Norm1Weight, Norm1Bias) =
                    (Get("attention.output.LayerNorm.weight"), Get("attention.output.LayerNorm.bias"));
                (Norm2Weight, Norm2Bias) = (Get("output.LayerNorm.weight"), Get("output.LayerNorm.bias"));
            }

            /// <summary>[out, in], stored input-major, as <see cref="BertLinear"/> keeps them.</summary>
            public Tensor[] Weight { get; }

            public Tensor[] Bias { get; }

            /// <summary>[out, in] stored row by row, as checkpoints hold them.</summary>
            public Tensor[] OutputMajor { get; }

            public Tensor[] Mkl { get; }

            public Tensor[] OneDnn { get; }

            public Tensor QkvInputMajor { get; }

            public Tensor QkvBias { get; }

            public Tensor Norm1Weight { get; }

            public Tensor Norm1Bias { get; }

            public Tensor Norm2Weight { get; }

            public Tensor Norm2Bias { get; }
        }
    }
}
