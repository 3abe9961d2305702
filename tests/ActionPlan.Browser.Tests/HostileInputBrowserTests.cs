using ActionPlan.Site.Pipeline;
using ActionPlan.Site.Serve;
using ActionPlan.Testing;

namespace ActionPlan.Browser.Tests;

/// <summary>The site built from payloads in every field, opened in Chromium: no script runs, no dialog opens, no CSP report.</summary>
public class HostileInputBrowserTests(SiteFixture site)
{
    [Fact]
    public async Task No_payload_runs_on_any_page()
    {
        var browser = site.RequireBrowser();
        using var dir = Hostile.Input(out _);
        var result = await new BuildSession(dir["input"], dir["_site"], Repo.Theme, null) { Draft = true }.BuildAsync();
        Assert.True(result.Ok, string.Join("\n", result.Errors.Concat(result.Diagnostics.Select(d => d.Format()))));
        await using var server = await PreviewServer.StartAsync(ServedSite.FromFolder(dir["_site"]), 0, Path.Combine(Repo.Root, "netlify.toml"), liveReload: false);
        var context = await browser.NewContextAsync();
        var dialogs = new List<string>();
        var violations = new List<string>();
        context.Page += (_, page) =>
        {
            page.Dialog += async (_, d) => { lock (dialogs) dialogs.Add(page.Url + ": " + d.Message); await d.DismissAsync(); };
            page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) lock (violations) violations.Add(m.Text); };
        };
        var pages = result.Paths.Where(p => p.EndsWith(".html")).ToList();
        // One tab goes from page to page (a new tab per page started a renderer each time: minutes on two cores); every
        // navigation is a new document, so a payload that ran on an earlier page cannot hide in a later one's window.
        var page = await context.NewPageAsync();
        foreach (var path in pages)
        {
            await page.GotoAsync(new Uri(server.Address, path).ToString());
            await page.Locator("body").HoverAsync();
            Assert.True(await page.EvaluateAsync<int?>("() => window.__xss") is null, path);
        }
        await page.CloseAsync();
        Assert.True(pages.Count > 30);
        Assert.Empty(dialogs);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await context.CloseAsync();
    }
}
