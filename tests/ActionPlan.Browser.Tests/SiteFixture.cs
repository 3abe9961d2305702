using ActionPlan.Site.Pipeline;
using ActionPlan.Site.Serve;
using ActionPlan.Testing;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(ActionPlan.Browser.Tests.SiteFixture))]

namespace ActionPlan.Browser.Tests;

/// <summary>
/// Builds the real site once — and each plan-shape example (Repo.Examples) into examples/NAME/ inside it, so their
/// pages join the same per-page pass and validators, served from a sub-folder as a city homepage would — serves it on 127.0.0.1 with netlify.toml's headers (CSP included), and opens Debian's
/// Chromium through Playwright (never a downloaded browser). Without Chromium the browser tests skip with the reason,
/// except in CI, where they fail.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly Repo.TempDir _dir = new();
    private IPlaywright? _playwright;

    public string SiteDir => _dir["_site"];
    public PreviewServer Server { get; private set; } = null!;
    public IBrowser? Browser { get; private set; }
    public IReadOnlyList<string> Pages { get; private set; } = [];
    public string? Unavailable { get; private set; }

    /// <summary>Where an example's site sits inside the served folder.</summary>
    public static string ExamplePrefix(string example) => $"examples/{example}/";

    /// <summary>
    /// The pages the per-page browser pass loads: every page of the seed, and of each example one page of each kind that
    /// shows its shape — the index (levels, summary, tally), the items that show each indicator kind, a policy page with
    /// its own indicators, the booklet and the open data page. The examples' other pages come from the same templates
    /// with other data; the validators read every one of them (<see cref="Pages"/>), and leaving them out of the browser
    /// keeps the suite within its ten minutes on two cores.
    /// </summary>
    public static IReadOnlyList<string> PagePaths() =>
        SiteBuild.Real.Where(f => f.Path.EndsWith(".html")).Select(f => f.Path)
            .Concat(SiteBuild.Examples.SelectMany(e => e.Value.Where(f => ShowsTheShape(e.Key, f.Path)).Select(f => ExamplePrefix(e.Key) + f.Path)))
            .ToList();

    private static readonly IReadOnlyDictionary<string, string[]> ShapePages = new Dictionary<string, string[]>
    {
        // 総合戦略: uncapped 130% (01), 累計 (02), 段階 (03), a bound target (04), baseline + final target + 見込 + 時点 (05),
        // 増加 and a word value (07); 基本目標 pages with their own 数値目標 (1) and 評価不能 (2).
        ["sogo-senryaku"] = ["items/01.html", "items/02.html", "items/03.html", "items/05.html", "items/07.html", "policies/1.html", "policies/2.html"],
        // 行革: 累計 効果額 with extra fields (02), a staff grade (職員の評価) with no figure (03); a 柱 with the tally and the staff counts (2).
        ["gyokaku"] = ["items/02.html", "items/03.html", "policies/2.html"],
    };

    private static bool ShowsTheShape(string example, string path) =>
        path is "index.html" or "booklet.html" or "opendata/index.html" || ShapePages.TryGetValue(example, out var pages) && pages.Contains(path);

    public async ValueTask InitializeAsync()
    {
        var result = await new BuildSession(Repo.Input, SiteDir, Repo.Theme, null).BuildAsync();
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        var pages = result.Paths.Where(p => p.EndsWith(".html")).ToList();
        foreach (var (name, input) in Repo.Examples)
        {
            var example = await new BuildSession(input, Path.Combine(SiteDir, "examples", name), Repo.Theme, null).BuildAsync();
            Assert.True(example.Ok, name + ":\n" + string.Join("\n", example.Errors));
            pages.AddRange(example.Paths.Where(p => p.EndsWith(".html")).Select(p => ExamplePrefix(name) + p));
        }
        Pages = pages;
        Server = await PreviewServer.StartAsync(ServedSite.FromFolder(SiteDir), 0, Path.Combine(Repo.Root, "netlify.toml"), liveReload: false);
        if (!File.Exists(ChromiumPath)) { Unavailable = $"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium fonts-noto-cjk)"; return; }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>Skips (with the reason) when Chromium is absent on a dev machine; fails instead under CI=true.</summary>
    public IBrowser RequireBrowser()
    {
        if (Browser is not null) return Browser;
        if (Snapshot.IsCi) Assert.Fail("Browser tests must run in CI: " + Unavailable);
        Assert.Skip(Unavailable ?? "no browser");
        return null!;
    }

    public async Task<(IPage Page, List<string> CspViolations)> OpenAsync(string path, int width = 1280, int height = 900)
    {
        var browser = RequireBrowser();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, msg) => { if (msg.Text.Contains("Content Security Policy") || msg.Text.Contains("Refused to")) lock (violations) violations.Add(msg.Text); };
        await page.AddInitScriptAsync("""
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });
            """);
        var response = await page.GotoAsync(new Uri(Server.Address, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.True(response!.Ok || path == "404.html", $"{path}: HTTP {response.Status}");
        var fromPage = await page.EvaluateAsync<string[]>("() => window.__csp");
        violations.AddRange(fromPage);
        return (page, violations);
    }

    private readonly Dictionary<string, (IPage Page, List<string> Console)> _tabs = new();

    /// <summary>
    /// Like <see cref="OpenAsync"/>, but in one tab kept for <paramref name="owner"/> (a test class, whose rows run one
    /// after another) and navigated from page to page: every navigation is a new document with its own CSP record, and a
    /// new tab per page started a renderer each time. The tab is set back to 1280 × 900 first; a closed one is replaced.
    /// </summary>
    public async Task<(IPage Page, List<string> CspViolations)> OpenInTabAsync(string owner, string path)
    {
        var browser = RequireBrowser();
        (IPage Page, List<string> Console) tab;
        lock (_tabs) _tabs.TryGetValue(owner, out tab);
        if (tab.Page is null || tab.Page.IsClosed)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "ja-JP" });
            var page = await context.NewPageAsync();
            var console = new List<string>();
            page.Console += (_, msg) => { if (msg.Text.Contains("Content Security Policy") || msg.Text.Contains("Refused to")) lock (console) console.Add(msg.Text); };
            await page.AddInitScriptAsync("""
                window.__csp = [];
                document.addEventListener('securitypolicyviolation', function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });
                """);
            tab = (page, console);
            lock (_tabs) _tabs[owner] = tab;
        }
        lock (tab.Console) tab.Console.Clear();
        await tab.Page.SetViewportSizeAsync(1280, 900);
        var response = await tab.Page.GotoAsync(new Uri(Server.Address, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.True(response!.Ok || path == "404.html", $"{path}: HTTP {response.Status}");
        var violations = new List<string>();
        lock (tab.Console) violations.AddRange(tab.Console);
        violations.AddRange(await tab.Page.EvaluateAsync<string[]>("() => window.__csp"));
        return (tab.Page, violations);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        _dir.Dispose();
    }
}
