using System.Diagnostics;
using System.Threading.Channels;
using ActionPlan.Input;
using ActionPlan.Site.Pipeline;

namespace ActionPlan.Site.Serve;

/// <summary>
/// `serve`: builds a draft, serves it on 127.0.0.1, watches input/ (and a theme folder given with --theme) and rebuilds
/// in-process. File events go into a channel read by one rebuild loop: it waits until the events stop for a moment
/// (debounce), rebuilds once for all of them, and reports every outcome — a bad edit keeps the last good site served
/// and shows the located error in the browser and the terminal; an unexpected failure is shown the same way and the
/// loop goes on. Builds never overlap.
/// </summary>
public sealed class ServeSession : IAsyncDisposable
{
    /// <summary>How long the files must be quiet before a rebuild starts (an editor's save is several events).</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(40);

    private readonly BuildSession _session;
    private readonly TextWriter _log;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<(bool Theme, long At)> _changes = Channel.CreateUnbounded<(bool, long)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _building = new(1, 1);
    private Task _loop = Task.CompletedTask;
    private int _version;

    public PreviewServer Server { get; private set; } = null!;
    public int Version => _version;
    /// <summary>Milliseconds the last rebuild took, from the first file event to the new site being served.</summary>
    public double LastRebuildMs { get; private set; }

    private ServeSession(BuildSession session, TextWriter log)
    {
        _session = session;
        _log = log;
    }

    /// <summary>
    /// Builds the first draft and starts serving it, or returns null after saying why in Japanese (sources with errors,
    /// an output folder that is not the tool's, a port in use). A theme folder given with --theme is watched (the theme
    /// inside the program, <paramref name="theme"/> null, never changes while serving).
    /// </summary>
    public static async Task<ServeSession?> StartAsync(string input, string output, string? theme, string? baseUrl, int port, string? netlifyToml, TextWriter log,
        string? templateCache = null)
    {
        var session = new BuildSession(input, output, theme, baseUrl, templateCache: templateCache) { Memoize = true, Draft = true };
        var serve = new ServeSession(session, log);
        var first = await session.BuildAsync();
        Print(first, log);
        if (!first.Ok)
        {
            log.WriteLine("最初のビルドに失敗したため、プレビューを開始できません。上のエラーを直してから、もう一度実行してください。");
            return null;
        }
        serve._version = 1;
        try
        {
            serve.Server = await PreviewServer.StartAsync(ServedSite.FromFolder(output, 1, Problems(first)), port, netlifyToml, liveReload: true);
        }
        catch (IOException ex) when (AddressInUse(ex))
        {
            log.WriteLine($"エラー: ポート {port} はほかのプログラム（別の serve など）が使っています。そのプログラムを終了するか、--port 8081 のように別の番号を指定してください（--port 0 なら空いている番号を使います）。");
            return null;
        }
        serve._loop = Task.Run(serve.RebuildLoopAsync);
        serve.Watch(input, themeChanged: false);
        if (theme is not null) serve.Watch(theme, themeChanged: true);
        log.WriteLine($"プレビュー: {serve.Server.Address}  （{(theme is not null ? "入力とテーマ" : "入力")}の変更を監視しています。終了は Ctrl+C）");
        if (first.Diagnostics.Any(d => d.Severity == Severity.Blocking))
            log.WriteLine("公開できない問題があるため、プレビューは「下書き」と表示しています。直すと表示が消えます。公開用のサイトは build で作ります。");
        return serve;
    }

    private void Watch(string dir, bool themeChanged)
    {
        var watcher = new FileSystemWatcher(Path.GetFullPath(dir))
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
        };
        FileSystemEventHandler handler = (_, _) => _changes.Writer.TryWrite((themeChanged, Stopwatch.GetTimestamp()));
        watcher.Changed += handler;
        watcher.Created += handler;
        watcher.Deleted += handler;
        watcher.Renamed += (_, _) => _changes.Writer.TryWrite((themeChanged, Stopwatch.GetTimestamp()));
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    /// <summary>The one consumer: a burst of file events becomes one rebuild; nothing it does is left unobserved.</summary>
    private async Task RebuildLoopAsync()
    {
        var reader = _changes.Reader;
        while (await reader.WaitToReadAsync())
        {
            var theme = false;
            long? first = null;
            while (true)
            {
                var any = false;
                while (reader.TryRead(out var change)) { any = true; theme |= change.Theme; first ??= change.At; }
                if (!any) break;          // quiet for one debounce interval: the burst is over
                await Task.Delay(Debounce);
            }
            try { await RebuildAsync(first, theme); }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var message = $"エラー: 作り直しの途中で予期しない問題が起きました（{ex.GetType().Name}: {ex.Message}）。前回のサイトを表示し続けています。";
                _log.WriteLine(message);
                Server.Update(Server.Site with { Errors = [message] });
            }
        }
    }

    /// <summary>Rebuilds now (the rebuild loop calls this; tests may call it directly). Never runs beside another rebuild.</summary>
    public async Task RebuildAsync(long? startedTimestamp = null, bool themeChanged = false)
    {
        await _building.WaitAsync();
        try
        {
            var start = startedTimestamp ?? Stopwatch.GetTimestamp();
            if (themeChanged) _session.InvalidateTheme();
            var result = await _session.BuildAsync();
            if (result.Ok)
            {
                var version = Interlocked.Increment(ref _version);
                Server.Update(ServedSite.FromFolder(_session.Output, version, Problems(result)));
            }
            else
            {
                var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Format()).Concat(result.Errors).ToList();
                Server.Update(Server.Site with { Errors = errors });
            }
            LastRebuildMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Print(result, _log, LastRebuildMs, _session.LastRender);
        }
        finally { _building.Release(); }
    }

    /// <summary>Kestrel reports a busy port as an IOException wrapping AddressInUseException (itself over a SocketException).</summary>
    private static bool AddressInUse(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex.GetType().Name == "AddressInUseException" || ex is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
                return true;
        return false;
    }

    private static IReadOnlyList<string> Problems(BuildResult result) =>
        result.Diagnostics.Where(d => d.Severity == Severity.Blocking).Select(d => d.Format()).ToList();

    /// <summary>The session's pipeline (for tests that look at what a rebuild re-rendered).</summary>
    public BuildSession Session => _session;

    private static void Print(BuildResult result, TextWriter log, double? ms = null, (int Rendered, int Reused)? render = null)
    {
        foreach (var d in result.Diagnostics) log.WriteLine(d.Format());
        foreach (var e in result.Errors) log.WriteLine("エラー: " + e);
        if (!result.Ok) { log.WriteLine(result.Failure == BuildFailure.OutputRefused ? "出力先を変えてから、もう一度実行してください。" : "前回のサイトを表示し続けています。"); return; }
        if (result.Changes is { IsFirstBuild: false } changes) log.Write(changes.Format());
        var detail = render is { Rendered: var r, Reused: var u } && u > 0 ? $"、再描画{r}・再利用{u}" : "";
        log.WriteLine($"作成: {result.Pages}ページ（{(ms ?? result.Total.TotalMilliseconds).ToString("0", System.Globalization.CultureInfo.InvariantCulture)} ms{detail}）");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var w in _watchers) w.Dispose();
        _changes.Writer.TryComplete();
        await _loop;
        if (Server is not null) await Server.DisposeAsync();
    }
}
