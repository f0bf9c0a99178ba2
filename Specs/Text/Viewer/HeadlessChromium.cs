using Microsoft.Playwright;
using NUnit.Framework;

namespace XaiReference.Specs.Text.Viewer;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright: one launch per fixture, one fresh page per spec.
/// Playwright's own browser download does not work offline, so the system browser is used, with a throw-away
/// profile folder.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright playwright;
    private readonly IBrowserContext context;
    private readonly DirectoryInfo profile;

    private HeadlessChromium(IPlaywright playwright, IBrowserContext context, DirectoryInfo profile)
    {
        this.playwright = playwright;
        this.context = context;
        this.profile = profile;
    }

    /// <summary>Starts the browser, or fails the fixture (never skips it) when Chromium is not installed.</summary>
    public static async Task<HeadlessChromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail(
                $"The viewer specs need Debian's Chromium at {ExecutablePath}, which is missing. "
                + "Run scripts/install-system-packages.sh (CI runs it) or: sudo apt-get install -y chromium.");
        }

        // A fresh --user-data-dir: Playwright takes it as the persistent context's folder.
        var profile = Directory.CreateTempSubdirectory("viewer-chromium-");
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
            ViewportSize = new() { Width = 1280, Height = 820 },
        });
        return new HeadlessChromium(playwright, context, profile);
    }

    /// <summary>A new page showing <paramref name="html"/>, once the viewer's script has run.</summary>
    public async Task<IPage> ShowAsync(string html)
    {
        var page = await context.NewPageAsync();
        await page.SetContentAsync(html);
        await page.WaitForSelectorAsync("body[data-ready='true']");
        return page;
    }

    /// <summary>A new page, not yet pointed anywhere.</summary>
    public Task<IPage> NewPageAsync() => context.NewPageAsync();

    public async ValueTask DisposeAsync()
    {
        await context.CloseAsync();
        playwright.Dispose();
        profile.Delete(recursive: true);
    }
}
