using System.Diagnostics;
using ActionPlan.Input;
using ActionPlan.Rendering;
using ActionPlan.Rendering.Theme;
using ActionPlan.Site.Output;

namespace ActionPlan.Site.Cli;

/// <summary>「build」: Load → Compute → Render → Write; on any error the previous output stays untouched.</summary>
public static class BuildCommand
{
    public sealed record Outcome(int ExitCode, int Pages, int Files, SiteWriter.Result? Write, IReadOnlyList<Diagnostic> Diagnostics, TimeSpan Elapsed);

    public static async Task<int> RunAsync(Options o, TextWriter stdout, TextWriter stderr)
    {
        var outcome = await BuildAsync(o.Input, o.Output, o.Theme ?? "theme", o.BaseUrl, stderr, o.Verbose ? stdout : null);
        if (outcome.ExitCode == ExitCodes.Ok && !o.Quiet)
        {
            var w = outcome.Write!;
            stdout.WriteLine($"サイトを作成しました: {o.Output}/（{outcome.Pages}ページ・{outcome.Files}ファイル、更新{w.Written}・変更なし{w.Unchanged}・削除{w.Removed}、" +
                             $"{outcome.Elapsed.TotalSeconds:0.00}秒、警告{outcome.Diagnostics.Count(d => d.Severity == Severity.Warning)}件）");
        }
        return outcome.ExitCode;
    }

    public static async Task<Outcome> BuildAsync(string input, string output, string theme, string? baseUrl, TextWriter stderr, TextWriter? verbose = null)
    {
        var clock = Stopwatch.StartNew();
        var loaded = PlanLoader.Load(input, input);
        foreach (var d in loaded.Diagnostics) stderr.WriteLine(d.Format());
        if (loaded.Plan is null)
        {
            stderr.WriteLine($"入力にエラーが{loaded.Errors.Count()}件あるため、サイトを作成しませんでした。出力フォルダ「{output}」は変更していません。");
            return new Outcome(ExitCodes.DataError, 0, 0, null, loaded.Diagnostics, clock.Elapsed);
        }
        verbose?.WriteLine($"読み込み: {loaded.Plan.Items.Count}項目 ({clock.ElapsedMilliseconds} ms)");
        if (!Directory.Exists(theme))
        {
            stderr.WriteLine($"テーマのフォルダ「{theme}」が見つかりません。リポジトリの最上位で実行するか、--theme で指定してください。");
            return new Outcome(ExitCodes.Usage, 0, 0, null, loaded.Diagnostics, clock.Elapsed);
        }
        IReadOnlyList<OutputFile> files;
        try
        {
            files = await new SiteRenderer(new ThemeRenderer(theme)).RenderAsync(loaded.Plan, new RenderOptions(baseUrl));
        }
        catch (Exception ex) when (ex.GetType().Namespace?.StartsWith("RazorLight", StringComparison.Ordinal) == true)
        {
            stderr.WriteLine($"テーマ「{theme}」のテンプレートに誤りがあります: {ex.Message}");
            stderr.WriteLine($"出力フォルダ「{output}」は変更していません。");
            return new Outcome(ExitCodes.DataError, 0, 0, null, loaded.Diagnostics, clock.Elapsed);
        }
        verbose?.WriteLine($"描画: {files.Count}ファイル ({clock.ElapsedMilliseconds} ms)");
        try
        {
            var write = SiteWriter.Write(files, output);
            return new Outcome(ExitCodes.Ok, files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal)), files.Count, write, loaded.Diagnostics, clock.Elapsed);
        }
        catch (OutputException ex)
        {
            stderr.WriteLine("エラー: " + ex.Message);
            return new Outcome(ExitCodes.OutputError, 0, 0, null, loaded.Diagnostics, clock.Elapsed);
        }
    }
}
