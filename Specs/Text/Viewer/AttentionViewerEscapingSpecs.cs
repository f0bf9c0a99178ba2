using FluentAssertions;
using NUnit.Framework;
using XaiReference.Text;

namespace XaiReference.Specs.Text.Viewer;

/// <summary>
/// Tokens and titles are text, never markup: a token that looks like HTML or closes the script shows as
/// itself and runs nothing.
/// </summary>
[NonParallelizable]
public sealed class AttentionViewerEscapingSpecs
{
    internal const string Title = "<script>window.pwned = 'title'</script> & <i>friends</i>";

    internal static readonly string[] Tokens =
    [
        "[CLS]", "</script>", "<b>bold</b>", "<img src=x onerror=\"window.pwned='img'\">", "&amp;", "\u2028", "[SEP]",
    ];

    private HeadlessChromium chromium = null!;

    // One layer of two heads: uniform, and "everything on [CLS]"; rows sum to 1 as attention does.
    internal static AttentionMaps HostileMaps()
    {
        var n = Tokens.Length;
        var uniform = new double[n, n];
        var first = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            first[i, 0] = 1;
            for (var j = 0; j < n; j++)
            {
                uniform[i, j] = 1.0 / n;
            }
        }

        return new AttentionMaps(Tokens, [[uniform, first]]);
    }

    [OneTimeSetUp]
    public async Task Open() => chromium = await HeadlessChromium.LaunchAsync();

    [OneTimeTearDown]
    public async Task Close() => await chromium.DisposeAsync();

    [Test]
    public async Task Hostile_tokens_and_title_render_as_their_own_text_and_run_nothing()
    {
        var errors = new List<string>();
        var page = await chromium.NewPageAsync();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) => errors.AddRange(message.Type == "error" ? [message.Text] : []);

        await page.SetContentAsync(AttentionViewer.Render(HostileMaps(), Title));
        await page.WaitForSelectorAsync("body[data-ready='true']");
        await page.HoverAsync("#from-tokens .token[data-index='2']");
        var from = await page.EvalOnSelectorAllAsync<string[]>("#from-tokens text", "ts => ts.map(t => t.textContent)");
        var rowTokens = await page.EvalOnSelectorAllAsync<string[]>(
            "#row-table td.tok", "ts => ts.map(t => t.textContent)");
        var injected = await page.EvaluateAsync<int>("document.querySelectorAll('b, img, i').length");
        var pwned = await page.EvaluateAsync<string?>("window.pwned === undefined ? null : String(window.pwned)");

        from.Should().Equal(Tokens);
        rowTokens.Should().Equal(Tokens);
        (await page.TextContentAsync("h1")).Should().Be(Title);
        (await page.TitleAsync()).Should().Be(Title);
        injected.Should().Be(0, "no token or title became an element");
        pwned.Should().BeNull("no injected script or handler ran");
        errors.Should().BeEmpty();
        await page.CloseAsync();
    }
}
