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
public enum BuildFailure { None, Input, Unpublishable, ThemeMissing, Theme, OutputRefused, Output, Internal }

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
    int TemplatesCompiled = 0,
    IReadOnlyList<string>? Notices = null)
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
/// <param name="theme">A theme folder (--theme), or null for the theme inside the program.</param>
/// <param name="templateCache">The user's private folder for compiled templates (<see cref="PrivateFolder.TemplateCache"/>), or null: compile in memory.</param>
public sealed class BuildSession(string input, string output, string? theme, string? baseUrl, string? templateCache = null)
{
    /// <summary>Build even when the publish gate objects, marking every page as a draft (build --draft, serve).</summary>
    public bool Draft { get; init; }

    /// <summary>Compile every template of the theme, also those no page of this plan uses (tools/publish.sh ships them all).</summary>
    public bool CompileAllTemplates { get; init; }


    private ThemeRenderer? _renderer;

    public string Input => input;
    public string Output => output;
    /// <summary>The theme folder, or null for the theme inside the program.</summary>
    public string? Theme => theme;

    private string ThemeName => theme ?? DefaultTheme.Name;

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
        if (OutputGuard.Refusal(output, input, theme) is { } refusal)
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
        if (theme is not null && !Directory.Exists(theme))
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
            _renderer ??= OpenRenderer();
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
            var site = renderer.Prepare(loaded.Plan, options);
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
        catch (ThemeException ex)
        {
            _renderer = null;
            return Fail(BuildFailure.Theme, loaded.Diagnostics, [$"テーマ「{ThemeName}」のテンプレートに誤りがあります: {ex.Message.Trim()}", $"出力フォルダ「{output}」は変更していません。"], load);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Not the staff's input, not the theme's text, not the output folder: a fault of this program (or of a template's
            // code at run time). Said as such, with what a developer needs, and nothing is written.
            _renderer = null;
            return Fail(BuildFailure.Internal, loaded.Diagnostics,
                [$"内部エラー: サイトを作る途中で予期しない問題が起きました（{ex.GetType().Name}: {ex.Message.Trim()}）。出力フォルダ「{output}」は変更していません。" +
                 "テーマを変えていれば、直前の変更を戻して試してください。直らなければ、この表示をそのまま開発担当に伝えてください。"], load);
        }
        finally
        {
            tx?.Dispose();
        }
        var elapsed = clock.Elapsed;
        var changes = ChangeReport.From(tx.Added, tx.Changed, tx.Removed, previousJson, newJson, previousJson is null && write.Unchanged == 0);
        ChangeReport.WriteBeside(output, changes);
        return new BuildResult(BuildFailure.None, loaded.Plan, paths.Order(StringComparer.Ordinal).ToList(), loaded.Diagnostics, [], changes, write, load, elapsed, Draft,
            _renderer?.Cache.Compiled ?? 0, _renderer?.Cache.Refusal is { } refused ? [refused] : []);
    }

    /// <summary>The theme read now (from the program or its folder), with its compiled templates: this program's, then the user's cache.</summary>
    private ThemeRenderer OpenRenderer()
    {
        var files = theme is null ? DefaultTheme.Files : ThemeFiles.FromFolder(theme);
        return new ThemeRenderer(files, new TemplateCache(files, templateCache, CompiledTemplates.Read));
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
