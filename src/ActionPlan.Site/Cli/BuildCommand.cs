using ActionPlan.Input;
using ActionPlan.Site.Pipeline;

namespace ActionPlan.Site.Cli;

/// <summary>「build」: Load → Compute → Render → Write; on any error the previous output stays untouched.</summary>
public static class BuildCommand
{
    public static async Task<int> RunAsync(Options o, TextWriter stdout, TextWriter stderr)
    {
        var session = new BuildSession(o.Input, o.Output, o.Theme, o.BaseUrl, templateCache: o.NoCache ? null : DefaultTemplateCache)
        {
            Progress = o.Quiet ? null : stdout.WriteLine,
            Draft = o.Draft,
            CompileAllTemplates = o.AllTemplates,
        };
        var result = await session.BuildAsync();
        Report(result, o, stdout, stderr);
        return ExitCode(result.Failure);
    }

    public static int ExitCode(BuildFailure failure) => failure switch
    {
        BuildFailure.None => ExitCodes.Ok,
        BuildFailure.Output => ExitCodes.OutputError,
        BuildFailure.Internal => ExitCodes.Internal,
        BuildFailure.ThemeMissing or BuildFailure.OutputRefused => ExitCodes.Usage,
        _ => ExitCodes.DataError,
    };

    /// <summary>
    /// Compiled templates persist here between runs: the user's own cache folder (<see cref="Rendering.Theme.PrivateFolder"/>,
    /// used only when nobody else can write it; docs/performance.md); --no-cache turns it off.
    /// </summary>
    public static string? DefaultTemplateCache => Rendering.Theme.PrivateFolder.TemplateCache();

    public static void Report(BuildResult result, Options o, TextWriter stdout, TextWriter stderr)
    {
        foreach (var d in result.Diagnostics.Where(d => !o.Quiet || d.Severity != Severity.Warning)) stderr.WriteLine(d.Format());
        foreach (var e in result.Errors) stderr.WriteLine("エラー: " + e);
        var counts = Counts(result.Diagnostics);
        if (!result.Ok)
        {
            if (result.Diagnostics.Count > 0) stderr.WriteLine($"（{counts}）");
            return;
        }
        foreach (var kept in result.Write?.Kept ?? [])
            stderr.WriteLine($"お知らせ: 出力先の「{kept}」はこのツールが作ったファイルではないため、消さずにそのまま残しました（公開したくなければ手で移してください）。");
        foreach (var notice in result.Notices ?? []) stderr.WriteLine("お知らせ: " + notice);
        if (o.Verbose)
            stdout.WriteLine($"読み込み {result.Load.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)} ms・描画と書き込み {result.RenderAndWrite.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)} ms・テンプレートのコンパイル {result.TemplatesCompiled}件");
        if (o.Quiet) return;
        if (result.Changes is { } changes) stdout.Write(changes.Format(maxPages: 30));
        var w = result.Write;
        stdout.WriteLine($"{(result.Draft ? "下書きを作成しました（公開には使えません）" : "サイトを作成しました")}: {o.Output}/（{result.Pages}ページ・{result.Paths.Count}ファイル" +
                         (w is null ? "" : $"、更新{w.Written}・変更なし{w.Unchanged}・削除{w.Removed}") +
                         $"、{result.Total.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}秒、{counts}）");
    }

    /// <summary>「エラー0件・公開不可2件・警告1件」: every diagnostic counted by what it is.</summary>
    public static string Counts(IReadOnlyList<Diagnostic> diagnostics) =>
        $"エラー{diagnostics.Count(d => d.Severity == Severity.Error)}件・公開不可{diagnostics.Count(d => d.Severity == Severity.Blocking)}件・警告{diagnostics.Count(d => d.Severity == Severity.Warning)}件";
}
