using System.Collections.Concurrent;
using System.Diagnostics;
using ActionPlan.Domain;
using ActionPlan.Input;
using ActionPlan.Rendering;
using ActionPlan.Rendering.Site;
using ActionPlan.Rendering.Theme;
using ActionPlan.Site.Output;

namespace ActionPlan.Site.Pipeline;

/// <summary>
/// Which stage stopped a build: the sources (Input), the publish gate (Unpublishable: the plan reads but is unfinished
/// or contradictory), the theme, the output folder refused before anything was touched (OutputRefused), or writing it.
/// </summary>
public enum BuildFailure { None, Input, Unpublishable, ThemeMissing, Theme, OutputRefused, Output }

/// <summary>What one build produced: the files written (when it succeeded), what was wrong, and each stage's time.</summary>
public sealed record BuildResult(
    BuildFailure Failure,
    EvaluatedPlan? Plan,
    IReadOnlyList<string> Paths,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> Errors,
    ChangeReport? Changes,
    SiteWriter.Result? Write,
    TimeSpan Load,
    TimeSpan RenderAndWrite,
    bool Draft = false,
    int TemplatesCompiled = 0)
{
    public bool Ok => Failure == BuildFailure.None;
    public int Pages => Paths.Count(p => p.EndsWith(".html", StringComparison.Ordinal));
    public TimeSpan Total => Load + RenderAndWrite;
}

/// <summary>
/// The one pipeline, Load → Compute → Render → Write, kept alive between builds so that `serve` reuses the compiled
/// templates. Pages stream from the renderer into the write transaction; a failed stage returns its errors and the
/// previous output is never touched.
/// </summary>
public sealed class BuildSession(string input, string output, string theme, string? baseUrl, string? templateCache = null)
{
    /// <summary>Build even when the publish gate objects, marking every page as a draft (build --draft, serve).</summary>
    public bool Draft { get; init; }

    /// <summary>Compile every template of the theme, also those no page of this plan uses (tools/publish.sh ships them all).</summary>
    public bool CompileAllTemplates { get; init; }

    /// <summary>Whether the theme folder is the user's own (--theme): then it is protected like the input folder.</summary>
    public bool ThemeIsUsers { get; init; } = true;

    private ThemeRenderer? _renderer;
    private TemplateCache? _cache;

    public string Input => input;
    public string Output => output;
    public string Theme => theme;

    /// <summary>Told when a stage will take a while (large plans only), so the console is not silent for seconds.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>Plans at least this large get a progress line; smaller ones finish in well under a second.</summary>
    public const int ProgressThreshold = 1000;

    /// <summary>Keep the rendered pages between builds and re-render only pages whose model changed (serve).</summary>
    public bool Memoize { get; init; }
    private RenderMemo? _memo;

    /// <summary>Pages rendered and pages reused by the last build (with <see cref="Memoize"/>).</summary>
    public (int Rendered, int Reused) LastRender => _memo is null ? (0, 0) : (_memo.Rendered, _memo.Reused);

    /// <summary>Drops the compiled templates and the remembered pages (after a theme edit).</summary>
    public void InvalidateTheme()
    {
        _renderer = null;
        _memo = null;
    }

    public async Task<BuildResult> BuildAsync()
    {
        var clock = Stopwatch.StartNew();
        if (OutputGuard.Refusal(output, input, ThemeIsUsers ? theme : null) is { } refusal)
            return Fail(BuildFailure.OutputRefused, [], [refusal], TimeSpan.Zero);
        var loaded = Compute.Run(PlanLoader.Load(input, input));
        var load = clock.Elapsed;
        if (loaded.Plan is null)
            return Fail(BuildFailure.Input, loaded.Diagnostics, [$"入力にエラーが{loaded.Diagnostics.Count(d => d.Severity == Severity.Error)}件あるため、サイトを作成しませんでした。出力フォルダ「{output}」は変更していません。"], load);
        var blockers = loaded.Blockers;
        if (blockers.Count > 0 && !Draft)
            return Fail(BuildFailure.Unpublishable, loaded.Diagnostics,
                [$"公開できない問題が{blockers.Count}件あるため、サイトを作成しませんでした。出力フォルダ「{output}」は変更していません。" +
                 "上の「公開不可」の行を直してください。直す前に確認したいときは --draft を付けると、「下書き」と表示したサイトを作ります（公開には使えません）。"], load);
        if (!Directory.Exists(theme))
            return Fail(BuildFailure.ThemeMissing, loaded.Diagnostics, [$"テーマのフォルダ「{theme}」が見つかりません。リポジトリの最上位で実行するか、--theme で指定してください。"], load);

        if (loaded.Plan.Items.Count >= ProgressThreshold)
            Progress?.Invoke($"{loaded.Plan.Items.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}項目を読み込みました（{load.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}秒）。ページを作成しています…");
        var previousJson = ReadPreviousJson(output);
        clock.Restart();
        var paths = new ConcurrentBag<string>();
        byte[]? newJson = null;
        SiteWriter.Result write;
        SiteWriter.Transaction? tx = null;
        try
        {
            tx = SiteWriter.Transaction.Begin(output);
            _renderer ??= new ThemeRenderer(theme, _cache = OpenCache());
            if (CompileAllTemplates) await _renderer.CompileAllAsync();
            if (Memoize) (_memo ??= new RenderMemo()).ResetCounts();
            var renderer = new SiteRenderer(_renderer);
            // A draft lists its problems on every page (build --draft); serve shows them in its live banner instead, so that
            // fixing one problem re-renders only the pages it touched.
            var options = new RenderOptions(baseUrl, Memoize ? _memo : null, !Draft ? null : Memoize ? [] : blockers.Select(b => b.Format()).ToList());
            var sink = MemoryPacing.Paced(file =>
            {
                tx.Add(file);
                paths.Add(file.Path);
                if (file.Path == OpenDataWriterPaths.Json) newJson = file.Content;
            });
            var site = SiteRenderer.Prepare(loaded.Plan, options);
            // The stylesheet and open data are made beside the pages when they are small; a large plan's open data
            // waits until the pages' garbage is collected (MemoryPacing).
            var beside = MemoryPacing.SiteFilesBesidePages(loaded.Plan.Items.Count) ? Task.Run(() => renderer.SiteFiles(site).ToList()) : null;
            await renderer.RenderPagesAsync(site, sink);
            if (beside is null) MemoryPacing.Compact();   // the pages' garbage goes before the open data's large arrays are built
            foreach (var file in beside is null ? renderer.SiteFiles(site) : await beside) sink(file);
            write = tx.Commit();
        }
        catch (ForeignFileException ex)
        {
            return Fail(BuildFailure.OutputRefused, loaded.Diagnostics, [ex.Message], load);
        }
        catch (OutputException ex)
        {
            return Fail(BuildFailure.Output, loaded.Diagnostics, [ex.Message], load);
        }
        catch (Exception ex) when (ex.GetType().Namespace?.StartsWith("RazorLight", StringComparison.Ordinal) == true || ex is InvalidOperationException)
        {
            _renderer = null;
            return Fail(BuildFailure.Theme, loaded.Diagnostics, [$"テーマ「{theme}」のテンプレートに誤りがあります: {ex.Message.Trim()}", $"出力フォルダ「{output}」は変更していません。"], load);
        }
        finally
        {
            tx?.Dispose();
        }
        var elapsed = clock.Elapsed;
        var changes = ChangeReport.From(tx.Added, tx.Changed, tx.Removed, previousJson, newJson, previousJson is null && write.Unchanged == 0);
        ChangeReport.WriteBeside(output, changes);
        return new BuildResult(BuildFailure.None, loaded.Plan, paths.Order(StringComparer.Ordinal).ToList(), loaded.Diagnostics, [], changes, write, load, elapsed, Draft, _cache?.Compiled ?? 0);
    }

    /// <summary>The persistent template cache (null: --no-cache), first given the compiled templates the program ships.</summary>
    private TemplateCache? OpenCache()
    {
        if (templateCache is null) return null;
        CompiledTemplates.Seed(templateCache);
        return TemplateCacheStrategy.Provider(theme, templateCache);
    }

    private static BuildResult Fail(BuildFailure failure, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> errors, TimeSpan load) =>
        new(failure, null, [], diagnostics, errors, null, null, load, TimeSpan.Zero);

    private static byte[]? ReadPreviousJson(string output)
    {
        var path = Path.Combine(output, OpenDataWriterPaths.Json);
        try { return File.Exists(path) ? File.ReadAllBytes(path) : null; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
    }
}
