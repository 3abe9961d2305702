using System.Diagnostics;
using ActionPlan.Input;
using ActionPlan.Site.Pipeline;

namespace ActionPlan.Site.Serve;

/// <summary>
/// `serve`: builds once, serves the site on 127.0.0.1, watches input/ and theme/, rebuilds in-process (templates
/// stay compiled unless the theme changed) and lets open pages reload. A bad edit keeps the last good site served
/// and shows the located error in the browser and the terminal.
/// </summary>
public sealed class ServeSession : IAsyncDisposable
{
    private readonly BuildSession _session;
    private readonly TextWriter _log;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly object _lock = new();
    private CancellationTokenSource? _debounce;
    private bool _themeDirty;
    private int _version;

    public PreviewServer Server { get; private set; } = null!;
    public int Version => _version;
    /// <summary>Milliseconds the last rebuild took, from the file event to the new site being served.</summary>
    public double LastRebuildMs { get; private set; }
    public event Action<int>? Rebuilt;

    private ServeSession(BuildSession session, TextWriter log)
    {
        _session = session;
        _log = log;
    }

    /// <summary>
    /// Builds the first draft and starts serving it, or returns null after saying why in Japanese (sources with errors,
    /// an output folder that is not the tool's, a port in use). <paramref name="themeIsUsers"/>: the theme folder was given
    /// with --theme, so it is watched (the built-in theme never changes while serving).
    /// </summary>
    public static async Task<ServeSession?> StartAsync(string input, string output, string theme, string? baseUrl, int port, string? netlifyToml, TextWriter log,
        string? templateCache = null, bool themeIsUsers = true)
    {
        var session = new BuildSession(input, output, theme, baseUrl, templateCache: templateCache) { Memoize = true, Draft = true, ThemeIsUsers = themeIsUsers };
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
        serve.Watch(input, themeChanged: false);
        if (themeIsUsers) serve.Watch(theme, themeChanged: true);
        log.WriteLine($"プレビュー: {serve.Server.Address}  （{(themeIsUsers ? "入力とテーマ" : "入力")}の変更を監視しています。終了は Ctrl+C）");
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
        FileSystemEventHandler handler = (_, e) => Changed(themeChanged);
        watcher.Changed += handler;
        watcher.Created += handler;
        watcher.Deleted += handler;
        watcher.Renamed += (_, _) => Changed(themeChanged);
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void Changed(bool theme)
    {
        CancellationTokenSource cts;
        lock (_lock)
        {
            _themeDirty |= theme;
            _debounce?.Cancel();
            _debounce = cts = new CancellationTokenSource();
        }
        var started = Stopwatch.GetTimestamp();
        _ = Task.Delay(40, cts.Token).ContinueWith(async t =>
        {
            if (t.IsCanceled) return;
            await RebuildAsync(started);
        }, TaskScheduler.Default);
    }

    /// <summary>Rebuilds now (the watcher calls this after a short debounce; tests may call it directly).</summary>
    public async Task RebuildAsync(long? startedTimestamp = null)
    {
        await _gate.WaitAsync();
        try
        {
            var start = startedTimestamp ?? Stopwatch.GetTimestamp();
            lock (_lock)
            {
                if (_themeDirty) _session.InvalidateTheme();
                _themeDirty = false;
            }
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
            Rebuilt?.Invoke(_version);
        }
        finally { _gate.Release(); }
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
        log.WriteLine($"作成: {result.Pages}ページ（{(ms ?? result.Total.TotalMilliseconds):0} ms{detail}）");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var w in _watchers) w.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}
