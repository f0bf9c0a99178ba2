using FluentAssertions;
using Microsoft.Playwright;
using NUnit.Framework;
using XaiReference.Specs.Models.Bert;
using XaiReference.Text;

namespace XaiReference.Specs.Text.Viewer;

/// <summary>
/// The viewer's page for a real sentence through MiniLM, opened in headless Chromium: what it shows is read
/// back from the DOM and compared with <see cref="AttentionMaps"/>.
/// </summary>
[NonParallelizable]
public sealed class AttentionViewerPageSpecs
{
    private const string Sentence = "The girl lost her keys at the station, so she looked everywhere for them.";

    // Weights are embedded rounded to 5 decimals (error <= 5e-6) and Chromium keeps opacities as float32
    // (relative error ~6e-8): 1e-5 covers both and still tells any two distinct weights of 5 decimals apart.
    private const double OpacityTolerance = 1e-5;

    // The row table prints 3 decimals: half a unit in the last place, plus the embedding's 5e-6.
    private const double TableTolerance = 5e-4 + 5e-6;

    private HeadlessChromium chromium = null!;
    private AttentionMaps maps = null!;
    private string html = null!;

    [OneTimeSetUp]
    public async Task Open()
    {
        maps = AttentionMaps.Of(MiniLm.Bert, Sentence).Maps;
        html = AttentionViewer.Render(maps, "MiniLM attention");
        chromium = await HeadlessChromium.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Close() => await chromium.DisposeAsync();

    [Test]
    public async Task The_page_states_the_token_count_and_lists_every_token_in_both_columns()
    {
        var page = await chromium.ShowAsync(html);

        var count = await page.TextContentAsync("#token-count");
        const string Texts = "ts => ts.map(t => t.textContent)";
        var from = await page.EvalOnSelectorAllAsync<string[]>("#from-tokens text", Texts);
        var to = await page.EvalOnSelectorAllAsync<string[]>("#to-tokens text", Texts);

        count.Should().StartWith($"{maps.Tokens.Count} tokens \u00b7 6 layers \u00b7 12 heads");
        from.Should().Equal(maps.Tokens);
        to.Should().Equal(maps.Tokens);
        await page.CloseAsync();
    }

    [TestCase(0, 0)]
    [TestCase(2, 5)]
    [TestCase(5, 11)]
    public async Task Choosing_a_layer_and_one_head_draws_every_pair_with_the_weight_as_opacity(int layer, int head)
    {
        var page = await chromium.ShowAsync(html);

        await ShowOnly(page, layer, head);
        var lines = await Drawn(page, "#lines line", "strokeOpacity");
        var cells = await Drawn(page, "#heat rect.cell", "fillOpacity");

        var t = maps.Tokens.Count;
        lines.Should().HaveCount(t * t, "one line per (from, to) pair of the one head shown");
        cells.Should().HaveCount(t * t, "the heatmap follows the head just chosen");
        foreach (var drawn in lines.Concat(cells))
        {
            var (l, h, from, to, opacity) = ((int)drawn[0], (int)drawn[1], (int)drawn[2], (int)drawn[3], drawn[4]);
            (l, h).Should().Be((layer, head));
            opacity.Should().BeApproximately(maps.Weight(layer, head, from, to), OpacityTolerance,
                $"the opacity from {from} to {to} is the weight, up to the 5-decimal embedding and float32");
        }

        await page.CloseAsync();
    }

    [Test]
    public async Task Several_heads_show_at_once_each_in_its_own_colour()
    {
        var page = await chromium.ShowAsync(html);

        await ShowOnly(page, layer: 1, head: 3);
        await page.ClickAsync(".head[data-head='8']");
        var heads = await page.EvalOnSelectorAllAsync<string[][]>(
            "#lines line", "ls => ls.map(l => [l.dataset.head, getComputedStyle(l).stroke])");

        var t = maps.Tokens.Count;
        heads.Should().HaveCount(2 * t * t);
        var colours = heads.GroupBy(x => x[0]).ToDictionary(g => g.Key, g => g.Select(x => x[1]).Distinct().ToList());
        colours.Keys.Should().BeEquivalentTo(["3", "8"]);
        colours.Values.Should().OnlyContain(c => c.Count == 1, "every line of a head has the head's colour");
        colours["3"].Should().NotEqual(colours["8"]);
        await page.CloseAsync();
    }

    [Test]
    public async Task Hovering_a_token_shows_only_its_lines_and_its_row_of_weights()
    {
        // The head that links "she" to "girl" most, so the picture shows a coreference.
        var she = maps.Tokens.ToList().IndexOf("she");
        var girl = maps.Tokens.ToList().IndexOf("girl");
        var (layer, head, _) = AttentionHeadFunctions.RankCoreferenceHeads(maps, she, [girl])[0];
        var page = await chromium.ShowAsync(html);

        await ShowOnly(page, layer, head);
        await page.HoverAsync($"#from-tokens .token[data-index='{she}']");
        var lines = await Drawn(page, "#lines line", "strokeOpacity");
        var rows = await page.EvalOnSelectorAllAsync<string[][]>(
            "#row-table tbody tr", "rs => rs.map(r => Array.from(r.cells).map(c => c.textContent))");
        await SaveScreenshot(page);

        lines.Should().HaveCount(maps.Tokens.Count).And.OnlyContain(l => (int)l[2] == she);
        rows.Select(r => r[0]).Should().Equal(maps.Tokens, "the table lists every key token");
        for (var to = 0; to < rows.Length; to++)
        {
            double.Parse(rows[to][1], System.Globalization.CultureInfo.InvariantCulture)
                .Should().BeApproximately(maps.Weight(layer, head, she, to), TableTolerance, "3 decimals shown");
        }

        await page.Mouse.MoveAsync(1, 1);
        (await page.QuerySelectorAsync("#row-table")).Should().BeNull("leaving the token hides its row");
        (await page.Locator("#lines line").CountAsync()).Should().Be(maps.Tokens.Count * maps.Tokens.Count);
        await page.CloseAsync();
    }

    [Test]
    public async Task A_saved_page_opens_from_disk_and_requests_nothing_else()
    {
        var path = Path.Combine(Path.GetTempPath(), $"attention-viewer-{Guid.NewGuid():N}.html");
        AttentionViewer.Save(maps, path, "MiniLM attention");
        var page = await chromium.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.WaitForSelectorAsync("body[data-ready='true']");

        File.ReadAllText(path).Should().Be(html);
        requests.Should().Equal([new Uri(path).AbsoluteUri], "styles, script and data are all inline");
        (await page.Locator("#from-tokens .token").CountAsync()).Should().Be(maps.Tokens.Count);
        await page.CloseAsync();
        File.Delete(path);
    }

    private static async Task ShowOnly(IPage page, int layer, int head)
    {
        await page.SelectOptionAsync("#layer", layer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#no-heads");
        await page.ClickAsync($".head[data-head='{head}']");
    }

    // Each drawn element as [layer, head, from, to, computed opacity].
    private static Task<double[][]> Drawn(IPage page, string selector, string opacity) =>
        page.EvalOnSelectorAllAsync<double[][]>(selector,
            "(es, p) => es.map(e => [+e.dataset.layer, +e.dataset.head, +e.dataset.from, +e.dataset.to, "
            + "+getComputedStyle(e)[p]])",
            opacity);

    private static async Task SaveScreenshot(IPage page)
    {
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, "attention-viewer.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file, "the viewer with one token hovered");
    }
}
