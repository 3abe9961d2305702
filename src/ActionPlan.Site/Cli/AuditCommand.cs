using System.Globalization;
using ActionPlan.Input;
using ActionPlan.Site.Audit;
using ActionPlan.Site.Output;
using ActionPlan.Site.Serve;

namespace ActionPlan.Site.Cli;

/// <summary>
/// 「audit」: tests every page of the built site in a real browser and keeps the results with the input
/// (input/accessibility/results.json), where the next build turns them into the 試験結果 page. Exit 1 on any failure,
/// each named with the page and the success criterion; exit 2 when there is no built site or no browser.
/// </summary>
public static class AuditCommand
{
    public static async Task<int> RunAsync(Options o, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(Path.Combine(o.Output, SiteWriter.ManifestName)))
        {
            stderr.WriteLine($"エラー: 「{o.Output}」に、このツールで作ったサイトがありません。先に build を実行してください（audit は作ったサイトを試験します）。");
            return ExitCodes.Usage;
        }
        if (!Directory.Exists(o.Input))
        {
            stderr.WriteLine($"エラー: 入力フォルダ「{o.Input}」が見つかりません。結果は入力フォルダに保存します。--input で指定してください。");
            return ExitCodes.Usage;
        }
        var browserPath = BrowserFinder.Find();
        if (browserPath is null)
        {
            stderr.WriteLine(BrowserFinder.NotFoundMessage());
            return ExitCodes.Usage;
        }
        var pages = Directory.GetFiles(o.Output, "*.html", SearchOption.AllDirectories)
            .Where(f => !File.ReadAllText(f).Contains("http-equiv=\"refresh\"", StringComparison.Ordinal))   // moved-page notices send the browser on
            .Select(f => Path.GetRelativePath(o.Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();
        if (!o.Quiet) stdout.WriteLine($"{pages.Count}ページを {browserPath} で試験します…");
        var toml = File.Exists("netlify.toml") ? "netlify.toml" : null;
        await using var server = await PreviewServer.StartAsync(ServedSite.FromFolder(o.Output), 0, toml, liveReload: false);
        var date = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var run = await new SiteAuditor(browserPath).RunAsync(server.Address, pages, date, o.Verbose ? p => stdout.WriteLine("  " + p) : null);
        AccessibilityFiles.Write(o.Input, run);

        foreach (var f in run.Failures)
            stderr.WriteLine($"{o.Output}/{f.Page} [達成基準 {f.Criterion}] 不適合: {f.Message} ({f.Check})");
        var rules = run.Rules.Count(r => r.Outcome == "passed");
        stdout.WriteLine($"試験結果を {Path.Combine(o.Input, AccessibilityFiles.Folder, AccessibilityFiles.Results)} に保存しました（{run.Browser}、{run.Axe}、{pages.Count}ページ、" +
                         $"問題なしの規則{rules}・問題{run.Failures.Count}件）。build を実行すると「試験結果」のページに反映されます。");
        if (!run.Passed)
            stderr.WriteLine("アクセシビリティの問題があります。上のページと達成基準を直してから、build と audit をやり直してください。問題が残っている間は公開しないでください。");
        return run.Passed ? ExitCodes.Ok : ExitCodes.DataError;
    }
}
