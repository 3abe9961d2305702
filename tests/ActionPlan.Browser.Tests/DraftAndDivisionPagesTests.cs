using System.Diagnostics;
using System.Text;
using ActionPlan.Site.Pipeline;
using ActionPlan.Site.Serve;
using ActionPlan.Testing;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ActionPlan.Browser.Tests;

/// <summary>
/// The pages the seed does not have, held to the same bar in Chromium and the validators: a draft (下書き banner listing
/// the problems), a division and an item with the contact details the city gave, and a former division address that sends
/// the reader on without JavaScript.
/// </summary>
public class DraftAndDivisionPagesTests(SiteFixture site)
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    private static readonly string[] Checked = ["index.html", "divisions/zaisei.html", "items/01.html", "divisions/zaiseika.html"];

    /// <summary>input/ after next-year (unfinished: a draft), with 財政課's contacts and a former URL name.</summary>
    private static async Task<Repo.TempDir> BuildDraftAsync()
    {
        var dir = Repo.CopyOf();
        var csv = dir["input/divisions.csv"];
        File.WriteAllText(csv, File.ReadAllText(csv).Replace("財政課,zaisei,,,,", "財政課,zaisei,0942-72-2111,zaisei@example.lg.jp,https://www.example.lg.jp/zaisei/,zaiseika"), new UTF8Encoding(true));
        Assert.Equal(0, await ActionPlan.Site.Cli.App.RunAsync(["next-year", "--year", "R5", "--input", dir["input"]], TextWriter.Null, TextWriter.Null));
        var result = await new BuildSession(dir["input"], dir["_site"], Repo.Theme, null) { Draft = true }.BuildAsync();
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return dir;
    }

    [Fact]
    public async Task Axe_finds_no_violation_and_nothing_scrolls_sideways_on_draft_and_contact_pages()
    {
        var browser = site.RequireBrowser();
        using var dir = await BuildDraftAsync();
        await using var server = await PreviewServer.StartAsync(ServedSite.FromFolder(dir["_site"]), 0, Path.Combine(Repo.Root, "netlify.toml"), liveReload: false);
        foreach (var path in Checked.Take(3))
        {
            foreach (var width in new[] { 1280, 320 })
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 800 }, Locale = "ja-JP" });
                var page = await context.NewPageAsync();
                await page.GotoAsync(new Uri(server.Address, path).ToString());
                Assert.Contains("下書き", await page.InnerTextAsync(".ap-draft-banner"));
                if (width == 1280)
                {
                    var result = await page.RunAxe(WcagAa);
                    Assert.True(result.Violations.Length == 0, path + "\n" + string.Join("\n", result.Violations.Select(v => $"{v.Id}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
                }
                else
                {
                    var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    Assert.True(overflow <= 0, $"{path} overflows by {overflow}px at 320px");
                }
                await context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task A_former_division_address_sends_the_reader_on_without_javascript()
    {
        var browser = site.RequireBrowser();
        using var dir = await BuildDraftAsync();
        await using var server = await PreviewServer.StartAsync(ServedSite.FromFolder(dir["_site"]), 0, Path.Combine(Repo.Root, "netlify.toml"), liveReload: false);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.Address, "divisions/zaiseika.html").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        // The meta refresh may fire before or after the old page finishes loading: poll the address rather than wait for one event.
        for (var i = 0; i < 150 && !page.Url.EndsWith("/divisions/zaisei.html", StringComparison.Ordinal); i++) await Task.Delay(100);
        Assert.EndsWith("/divisions/zaisei.html", page.Url);
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("財政課の実施項目", (await page.InnerTextAsync("h1")).Trim());
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_validators_report_no_error_on_draft_redirect_and_contact_pages()
    {
        var jar = Path.Combine(Repo.Root, "tools", "validate", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        var cli = Path.Combine(Repo.Root, "tools", "validate", "node_modules", ".bin", "html-validate");
        if (!File.Exists(jar) || !File.Exists(cli))
        {
            if (Snapshot.IsCi) Assert.Fail("tools/validate is not installed");
            Assert.Skip("tools/validate is not installed: npm ci --prefix tools/validate");
        }
        using var dir = await BuildDraftAsync();
        var files = Checked.Select(p => Path.Combine(dir["_site"], p)).ToList();
        foreach (var (tool, args) in new[] { ("java", new List<string> { "-jar", jar, "--errors-only" }), (cli, new List<string> { "--config", Path.Combine(Repo.Root, ".htmlvalidate.json") }) })
        {
            var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir.Path };
            foreach (var a in args.Concat(files)) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.True(p.ExitCode == 0 && (tool != "java" || output.Trim().Length == 0), $"{tool}: {output}");
        }
    }
}
