using System.Text;
using ActionPlan.Domain;
using ActionPlan.Input;
using ActionPlan.Site.Audit;
using ActionPlan.Site.Cli;
using ActionPlan.Testing;

namespace ActionPlan.Browser.Tests;

/// <summary>
/// The `audit` command in the machine's browser: it passes on the seed site, and it fails — naming the page and the
/// success criterion — on a theme with low-contrast text and on a theme whose forced-colours rules are overridden.
/// </summary>
public class AuditTests
{
    private static void RequireBrowser()
    {
        if (BrowserFinder.Find() is not null) return;
        if (Snapshot.IsCi) Assert.Fail("audit must run in CI: " + BrowserFinder.NotFoundMessage());
        Assert.Skip(BrowserFinder.NotFoundMessage());
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await App.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A copy of input/ and of the theme (edited by <paramref name="breakTheme"/>), built.</summary>
    private static async Task<Repo.TempDir> BuiltAsync(Action<string>? breakTheme = null)
    {
        var dir = Repo.CopyOf();
        Repo.Copy(Repo.Theme, dir["theme"]);
        breakTheme?.Invoke(dir["theme"]);
        var build = await Run("build", "--input", dir["input"], "--output", dir["_site"], "--theme", dir["theme"], "--quiet");
        Assert.True(build.Code == 0, build.Err);
        return dir;
    }

    [Fact]
    public async Task Audit_passes_on_the_seed_site_and_the_rebuilt_results_page_lists_all_38_criteria_with_the_date()
    {
        RequireBrowser();
        using var dir = await BuiltAsync();
        var audit = await Run("audit", "--input", dir["input"], "--output", dir["_site"]);
        Assert.True(audit.Code == 0, audit.Err);
        var run = System.Text.Json.JsonSerializer.Deserialize<AuditRun>(File.ReadAllBytes(dir["input/accessibility/results.json"]), AccessibilityFiles.Json)!;
        Assert.Empty(run.Failures);
        Assert.Contains("index.html", run.Pages);
        Assert.StartsWith("axe-core 4.", run.Axe);
        Assert.Contains(run.Rules, r => r.Id == "html-has-lang" && r.Outcome == "passed");
        Assert.Contains(run.Rules, r => r.Id == "color-contrast" && r.Outcome is "passed" or "incomplete");
        Assert.Contains(run.Rules, r => r.Id == "forced-colors-contrast" && r.Outcome == "passed");
        Assert.Contains(run.Rules, r => r.Id == "skip-link" && r.Outcome == "passed");

        var rebuild = await Run("build", "--input", dir["input"], "--output", dir["_site"], "--theme", dir["theme"], "--quiet");
        Assert.Equal(0, rebuild.Code);
        var page = File.ReadAllText(dir["_site/accessibility-results.html"]);
        Assert.Equal(38, System.Text.RegularExpressions.Regex.Matches(page, "<tr><th scope=\"row\"").Count);
        var date = DateTime.ParseExact(run.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"{date.Year}年{date.Month}月{date.Day}日", page);
        Assert.Contains("JIS X 8341-3:2016 の適合レベル AA に配慮", page);   // people have not checked the manual criteria yet
    }

    /// <summary>
    /// A theme broken twice — low-contrast text, and a stylesheet that overrides the forced colours of the charts — is
    /// audited once, on the two pages that show each fault (the other pages are removed from the built site so the
    /// audit, which checks the pages it finds, stays short): each fault is named with its page and criterion.
    /// </summary>
    [Fact]
    public async Task Audit_fails_on_low_contrast_text_and_on_overridden_forced_colours_naming_the_page_and_criterion()
    {
        RequireBrowser();
        using var dir = await BuiltAsync(theme =>
        {
            var tokens = Path.Combine(theme, "assets", "tokens.css");
            File.WriteAllText(tokens, File.ReadAllText(tokens).Replace("--ap-color-text: #1a1a1a;", "--ap-color-text: #b0b0b0;"));
            File.AppendAllText(Path.Combine(theme, "assets", "print.css"), "\n.ap-chart__axis-label, .ap-chart__value { fill: #1a1a1a; }\n");
        });
        foreach (var html in Directory.GetFiles(dir["_site"], "*.html", SearchOption.AllDirectories))
            if (Path.GetRelativePath(dir["_site"], html).Replace('\\', '/') is not ("index.html" or "items/05.html")) File.Delete(html);
        var audit = await Run("audit", "--input", dir["input"], "--output", dir["_site"]);
        Assert.Equal(1, audit.Code);
        Assert.Contains($"{dir["_site"]}/index.html [達成基準 1.4.3] 不適合:", audit.Err);
        Assert.Contains("(axe color-contrast)", audit.Err);
        Assert.Contains($"{dir["_site"]}/items/05.html [達成基準 1.4.3] 不適合: 強制カラーで読めない文字があります: text.ap-chart__", audit.Err);
        Assert.Contains("(forced-colors-contrast)", audit.Err);
    }

    [Fact]
    public async Task Audit_explains_a_missing_site_and_a_missing_browser()
    {
        using var dir = Repo.CopyOf();
        var noSite = await Run("audit", "--input", dir["input"], "--output", dir["_site"]);
        Assert.Equal(2, noSite.Code);
        Assert.Contains("先に build を実行してください", noSite.Err);
        Assert.Contains("ACTIONPLAN_BROWSER", BrowserFinder.NotFoundMessage());
        Assert.Contains("Chrome", BrowserFinder.NotFoundMessage());
    }
}
