using System.Diagnostics;
using ActionPlan.Domain;
using ActionPlan.Input;
using ActionPlan.Rendering;
using ActionPlan.Rendering.Theme;
using ActionPlan.Site.Output;

namespace ActionPlan.Site.Pipeline;

/// <summary>What one build produced: the files (when it succeeded), what was wrong, and how long each stage took.</summary>
public sealed record BuildResult(
    bool Ok,
    Plan? Plan,
    IReadOnlyList<OutputFile> Files,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> Errors,
    ChangeReport? Changes,
    SiteWriter.Result? Write,
    TimeSpan Load,
    TimeSpan Render,
    TimeSpan WriteTime)
{
    public int Pages => Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
    public TimeSpan Total => Load + Render + WriteTime;
}

/// <summary>
/// The one pipeline, Load → Compute → Render → Write, kept alive between builds so that `serve` reuses the
/// compiled templates. A failed stage returns its errors; the previous output is never touched.
/// </summary>
public sealed class BuildSession(string input, string output, string theme, string? baseUrl, bool writeOutput = true, string? templateCache = null)
{
    private ThemeRenderer? _renderer;
    private IReadOnlyList<OutputFile>? _previous;

    public string Input => input;
    public string Output => output;
    public string Theme => theme;

    /// <summary>Drops the compiled templates (after a theme edit).</summary>
    public void InvalidateTheme() => _renderer = null;

    public async Task<BuildResult> BuildAsync()
    {
        var clock = Stopwatch.StartNew();
        var loaded = PlanLoader.Load(input, input);
        var load = clock.Elapsed;
        if (loaded.Plan is null)
            return Fail(loaded.Diagnostics, [$"入力にエラーが{loaded.Errors.Count()}件あるため、サイトを作成しませんでした。出力フォルダ「{output}」は変更していません。"], load);
        if (!Directory.Exists(theme))
            return Fail(loaded.Diagnostics, [$"テーマのフォルダ「{theme}」が見つかりません。リポジトリの最上位で実行するか、--theme で指定してください。"], load);

        IReadOnlyList<OutputFile> files;
        clock.Restart();
        try
        {
            _renderer ??= new ThemeRenderer(theme, templateCache is null ? null : TemplateCacheStrategy.Provider(theme, templateCache));
            files = await new SiteRenderer(_renderer).RenderAsync(loaded.Plan, new RenderOptions(baseUrl));
        }
        catch (Exception ex) when (ex.GetType().Namespace?.StartsWith("RazorLight", StringComparison.Ordinal) == true || ex is InvalidOperationException)
        {
            _renderer = null;
            return Fail(loaded.Diagnostics, [$"テーマ「{theme}」のテンプレートに誤りがあります: {ex.Message.Trim()}", $"出力フォルダ「{output}」は変更していません。"], load);
        }
        var render = clock.Elapsed;

        var previous = _previous ?? ReadPrevious(output);
        var changes = ChangeReport.Compare(previous, files);
        SiteWriter.Result? write = null;
        clock.Restart();
        if (writeOutput)
        {
            try { write = SiteWriter.Write(files, output); }
            catch (OutputException ex) { return Fail(loaded.Diagnostics, [ex.Message], load) with { Render = render }; }
            ChangeReport.WriteBeside(output, changes);
        }
        _previous = files;
        return new BuildResult(true, loaded.Plan, files, loaded.Diagnostics, [], changes, write, load, render, clock.Elapsed);
    }

    private static BuildResult Fail(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> errors, TimeSpan load) =>
        new(false, null, [], diagnostics, errors, null, null, load, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The files of the previous output on disk, to report what a build changes.</summary>
    private static IReadOnlyList<OutputFile> ReadPrevious(string output)
    {
        if (!Directory.Exists(output)) return [];
        try
        {
            return Directory.GetFiles(output, "*", SearchOption.AllDirectories)
                .Select(f => new OutputFile(Path.GetRelativePath(output, f).Replace('\\', '/'), File.ReadAllBytes(f)))
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return []; }
    }
}
