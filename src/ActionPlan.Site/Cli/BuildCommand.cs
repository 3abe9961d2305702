using ActionPlan.Input;
using ActionPlan.Site.Pipeline;

namespace ActionPlan.Site.Cli;

/// <summary>「build」: Load → Compute → Render → Write; on any error the previous output stays untouched.</summary>
public static class BuildCommand
{
    public static async Task<int> RunAsync(Options o, TextWriter stdout, TextWriter stderr)
    {
        var session = new BuildSession(o.Input, o.Output, o.Theme ?? "theme", o.BaseUrl, templateCache: o.NoCache ? null : DefaultTemplateCache)
        {
            Progress = o.Quiet ? null : stdout.WriteLine,
        };
        var result = await session.BuildAsync();
        Report(result, o, stdout, stderr);
        return result.Failure switch
        {
            BuildFailure.None => ExitCodes.Ok,
            BuildFailure.Output => ExitCodes.OutputError,
            BuildFailure.ThemeMissing => ExitCodes.Usage,
            _ => ExitCodes.DataError,
        };
    }

    /// <summary>Compiled templates persist here between runs (see docs/performance.md); --no-cache turns it off.</summary>
    public static string DefaultTemplateCache => Environment.GetEnvironmentVariable("ACTIONPLAN_TEMPLATE_CACHE") ?? Path.Combine(".cache", "templates");

    public static void Report(BuildResult result, Options o, TextWriter stdout, TextWriter stderr)
    {
        foreach (var d in result.Diagnostics.Where(d => !o.Quiet || d.Severity == Severity.Error)) stderr.WriteLine(d.Format());
        foreach (var e in result.Errors) stderr.WriteLine("エラー: " + e);
        if (!result.Ok) return;
        foreach (var r in CheckCommand.Rows(result.Plan!).Where(r => r.Agreement == ActionPlan.Domain.Agreement.Disagrees))
            stderr.WriteLine($"警告: No.{r.Number} {r.Year.Japanese}の達成度は計算値 {r.Computed.Display}、公表値 {r.Published!.Display} で一致しません。ページには計算値を表示し、その旨を注記しています。");
        if (o.Verbose)
            stdout.WriteLine($"読み込み {result.Load.TotalMilliseconds:0} ms・描画と書き込み {result.RenderAndWrite.TotalMilliseconds:0} ms");
        if (o.Quiet) return;
        if (result.Changes is { } changes) stdout.Write(changes.Format(maxPages: 30));
        var w = result.Write;
        var warnings = result.Diagnostics.Count(d => d.Severity == Severity.Warning);
        stdout.WriteLine($"サイトを作成しました: {o.Output}/（{result.Pages}ページ・{result.Paths.Count}ファイル" +
                         (w is null ? "" : $"、更新{w.Written}・変更なし{w.Unchanged}・削除{w.Removed}") +
                         $"、{result.Total.TotalSeconds:0.00}秒、警告{warnings}件）");
    }
}
