using FluentAssertions;
using NUnit.Framework;
using SixLabors.ImageSharp;
using XaiReference.Export;
using XaiReference.Grader.Commands;
using XaiReference.Grader.Explain;
using XaiReference.Specs.Models.Bert;
using XaiReference.Specs.Text;
using XaiReference.Text;

namespace XaiReference.Specs.Grader.Explain;

/// <summary>
/// The text methods of <c>grader explain</c>, run in-process once each on the embedded all-MiniLM-L6-v2 and the
/// fixture texts: every method writes its files in the documented shapes, and what the files hold is what the
/// library computes when called directly.
/// </summary>
/// <remarks>
/// Comparisons with the library are exact: the command and the spec run the same float32 CPU kernels on the same
/// inputs in one process, so any difference would mean the command computed something else.
/// </remarks>
public sealed class ExplainTextRunSpecs
{
    private string folder = "";
    private readonly Dictionary<TextExplainMethod, TextExplainOutput> outputs = [];

    [OneTimeSetUp]
    public void RunEachMethod()
    {
        folder = Directory.CreateTempSubdirectory("explain-text-").FullName;
        foreach (var method in TextExplainMethods.All)
        {
            outputs[method] = TextExplainRunner.Run(MiniLm.Bert, method, new TextKnobs(), folder);
        }
    }

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Each_method_writes_its_figures_arrays_and_tables()
    {
        string[] Names(TextExplainMethod method) => outputs[method].Files.Select(f => Path.GetFileName(f)!).ToArray();

        Names(TextExplainMethod.Attention).Should().Equal(
            "attention.png", "attention.html", "attention.npy", "attention.json", "attention.heads.csv",
            "attention.coreference.png");
        Names(TextExplainMethod.Embeddings).Should().Equal(
            "embeddings.0.png", "embeddings.1.png", "embeddings.2.png",
            "embeddings.0.npy", "embeddings.1.npy", "embeddings.2.npy", "embeddings.json", "embeddings.csv");
        Names(TextExplainMethod.Distances).Should().Equal(
            "distances.cosine.png", "distances.euclidean.png", "distances.trend.png", "distances.euclidean.npy",
            "distances.cosine-similarity.npy", "distances.cosine-distance.npy", "distances.json", "distances.csv");
        outputs.Values.SelectMany(o => o.Files).Should().OnlyContain(f => File.Exists(f) && new FileInfo(f).Length > 0);
    }

    [Test]
    public void Attention_npy_holds_every_heads_map_of_the_default_sentence()
    {
        var maps = FixtureAnalyses.DefaultSentenceMaps;
        var t = maps.Tokens.Count;

        var array = NpyReader.Read(Path.Combine(folder, "attention.npy"));
        var values = array.ToArray<float>();

        array.DataType.Should().Be(NpyDataType.Float32);
        array.Shape.Should().Equal(6L, 12L, t, t);
        for (var layer = 0; layer < 6; layer++)
        {
            for (var head = 0; head < 12; head++)
            {
                for (var from = 0; from < t; from++)
                {
                    var row = values.AsSpan(((((layer * 12) + head) * t) + from) * t, t).ToArray();
                    row.Should().Equal(
                        Enumerable.Range(0, t).Select(to => (float)maps.Weight(layer, head, from, to)),
                        $"layer {layer} head {head} query {from}");
                }
            }
        }
    }

    [Test]
    public void Attention_json_holds_the_tokens_the_head_functions_and_the_coreference_head()
    {
        var maps = FixtureAnalyses.DefaultSentenceMaps;
        var functions = AttentionHeadFunctions.Measure(maps);
        var ranking = AttentionHeadFunctions.RankCoreferenceHeads(maps, maps.Tokens.ToList().IndexOf("it"), [8]);

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "attention.json")));
        var root = json.RootElement;

        maps.Tokens[8].Should().Be("bridge", "the noun of the default sentence is its ninth token");
        root.GetProperty("tokens").EnumerateArray().Select(e => e.GetString()).Should().Equal(maps.Tokens);
        var written = root.GetProperty("headFunctions").EnumerateArray().ToList();
        written.Should().HaveCount(72, "6 layers x 12 heads");
        for (var i = 0; i < 72; i++)
        {
            var f = functions[i];
            written[i].GetProperty("layer").GetInt32().Should().Be(f.Layer);
            written[i].GetProperty("head").GetInt32().Should().Be(f.Head);
            new[] { "previous", "same", "next", "cls", "sep", "period" }
                .Select(name => written[i].GetProperty(name).GetDouble())
                .Should().Equal(f.Previous, f.Same, f.Next, f.Cls, f.Sep, f.Period);
            written[i].GetProperty("strongest").GetString().Should().Be(f.Strongest.Name);
        }

        var strongest = root.GetProperty("coreference").GetProperty("strongestHeads")[0];
        (strongest.GetProperty("layer").GetInt32(), strongest.GetProperty("head").GetInt32())
            .Should().Be((ranking[0].Layer, ranking[0].Head));
        strongest.GetProperty("weight").GetDouble().Should().Be(ranking[0].Weight);
    }

    [Test]
    public void Attention_heads_csv_has_a_header_and_one_row_per_head()
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "attention.heads.csv"));

        lines[0].Should().Be("layer,head,previous,same,next,cls,sep,period,strongest");
        lines.Should().HaveCount(1 + 72);
        lines[1].Should().StartWith("0,0,");
        lines[^1].Should().StartWith("5,11,");
    }

    [Test]
    public void Embeddings_npy_holds_each_examples_pca_coordinates_per_layer()
    {
        for (var n = 0; n < 3; n++)
        {
            var projection = FixtureAnalyses.QaProjections[n];
            var t = projection.Encoding.Count;

            var array = NpyReader.Read(Path.Combine(folder, $"embeddings.{n}.npy"));
            var values = array.ToArray<double>();

            array.DataType.Should().Be(NpyDataType.Float64);
            array.Shape.Should().Equal(7L, t, 2L);
            var expected = projection.Layers
                .SelectMany(p => Enumerable.Range(0, t)
                    .SelectMany(i => new[] { p.Projected[i, 0], p.Projected[i, 1] }));
            values.Should().Equal(expected, $"example {n}");
        }
    }

    [Test]
    public void Embeddings_csv_has_the_answer_distances_of_every_example_and_layer()
    {
        var projection = FixtureAnalyses.QaProjections[0];

        var lines = File.ReadAllLines(Path.Combine(folder, "embeddings.csv"));
        var layerSix = lines.Single(l => l.StartsWith("0,6,", StringComparison.Ordinal)).Split(',');

        lines.Should().HaveCount(1 + (3 * 7));
        double.Parse(layerSix[2], System.Globalization.CultureInfo.InvariantCulture)
            .Should().Be(projection.Distances[6].AnswerToQuestion, "written with the round-trip format");
    }

    [TestCase("distances.euclidean.npy")]
    [TestCase("distances.cosine-similarity.npy")]
    [TestCase("distances.cosine-distance.npy")]
    public void A_distance_array_holds_the_word_matrices_of_every_layer(string file)
    {
        var analysis = FixtureAnalyses.Apple;
        var matrices = file switch
        {
            "distances.euclidean.npy" => analysis.Euclidean.Select(m => m.Cast<double>()),
            "distances.cosine-similarity.npy" => analysis.CosineSimilarity.Select(m => m.Cast<double>()),
            _ => analysis.CosineSimilarity.Select(m => m.Cast<double>().Select(s => 1 - s)),
        };

        var array = NpyReader.Read(Path.Combine(folder, file));

        array.DataType.Should().Be(NpyDataType.Float64);
        array.Shape.Should().Equal(7L, 10L, 10L);
        array.ToArray<double>().Should().Equal(matrices.SelectMany(m => m));
    }

    [Test]
    public void Distances_json_holds_the_trend_and_the_most_separating_layer()
    {
        var analysis = FixtureAnalyses.Apple;

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "distances.json")));
        var root = json.RootElement;

        root.GetProperty("word").GetString().Should().Be("apple");
        root.GetProperty("sentences").GetArrayLength().Should().Be(10);
        root.GetProperty("trend").EnumerateArray().Select(t => t.GetProperty("separation").GetDouble())
            .Should().Equal(analysis.Trend.Select(t => t.Separation));
        root.GetProperty("mostSeparatingLayer").GetInt32().Should().Be(analysis.MostSeparating.Layer);
        File.ReadAllLines(Path.Combine(folder, "distances.csv")).Should().HaveCount(1 + 7);
    }

    [TestCase("attention.png", 12 * 150, 6 * 160)]
    [TestCase("embeddings.0.png", 4 * 520, 2 * 470)]
    [TestCase("distances.cosine.png", 4 * 560, 2 * 520)]
    [TestCase("distances.trend.png", 900, 380)]
    public void A_figure_has_a_panel_per_head_or_layer(string file, int width, int height)
    {
        // attention: 6 layers x 12 heads of 150 px; the others: 7 layers + the trend in a 4-column grid.
        var info = Image.Identify(Path.Combine(folder, file));

        (info.Width, info.Height).Should().Be((width, height));
    }

    [Test]
    public void Distances_of_a_word_set_file_have_one_row_and_column_per_sentence()
    {
        var setFolder = Directory.CreateTempSubdirectory("explain-bank-").FullName;
        try
        {
            var file = Path.Combine(setFolder, "bank.json");
            File.WriteAllText(file, """
                {"word": "bank", "sentences": [
                  {"text": "We sat on the bank of the river.", "meaning": "river"},
                  {"text": "The river bank was muddy.", "meaning": "river"},
                  {"text": "She paid the money into the bank.", "meaning": "money"},
                  {"text": "The bank raised its interest rate.", "meaning": "money"}]}
                """);

            TextExplainRunner.Run(
                MiniLm.Bert, TextExplainMethod.Distances, new TextKnobs(Sentences: file), setFolder);
            var array = NpyReader.Read(Path.Combine(setFolder, "distances.cosine-similarity.npy"));

            array.Shape.Should().Equal(7L, 4L, 4L);
        }
        finally
        {
            Directory.Delete(setFolder, recursive: true);
        }
    }

    [Test]
    public void Attention_of_a_hugging_face_folder_has_its_layers_and_heads()
    {
        var tinyFolder = Directory.CreateTempSubdirectory("explain-tiny-").FullName;
        try
        {
            using var bert = TextExplainInputs.LoadBert(BertFixtures.Text("tiny-bert-qa"));

            TextExplainRunner.Run(
                bert, TextExplainMethod.Attention, new TextKnobs("the cat sat on the mat . it was run", "it", "cat"),
                tinyFolder);
            var array = NpyReader.Read(Path.Combine(tinyFolder, "attention.npy"));

            array.Shape.Should().Equal([2L, 2L, 12L, 12L], "2 layers, 2 heads, [CLS] + 10 words + [SEP]");
        }
        finally
        {
            Directory.Delete(tinyFolder, recursive: true);
        }
    }
}
