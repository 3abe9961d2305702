using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ActionPlan.Site.Serve;

/// <summary>
/// What the preview server serves: the last good site (a built folder, which only a successful build replaces), plus
/// the errors of the latest build if it failed.
/// </summary>
/// <param name="Problems">What stops publishing the served draft (the publish gate), shown in the preview's banner.</param>
public sealed record ServedSite(string Folder, int Version, IReadOnlyList<string> Errors, IReadOnlyList<string>? Problems = null)
{
    public static ServedSite FromFolder(string folder, int version = 1, IReadOnlyList<string>? problems = null) => new(Path.GetFullPath(folder), version, [], problems ?? []);

    public bool TryRead(string relative, out byte[] bytes)
    {
        bytes = [];
        try
        {
            var path = Output.SiteWriter.SafeCombine(Folder, relative);
            if (!File.Exists(path)) return false;
            bytes = File.ReadAllBytes(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Output.OutputException) { return false; }
    }
}

/// <summary>
/// A small static server on 127.0.0.1 for previewing and for the browser tests. It sends netlify.toml's headers
/// (so the CSP is the published one). With live reload on, HTML gets one external script that polls for a new
/// build and shows the latest build error above the page (text only, so the CSP still holds).
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    public const string Prefix = "/__actionplan/";
    private readonly WebApplication _app;
    private readonly IReadOnlyList<NetlifyHeaders.Rule> _headers;
    private readonly bool _liveReload;
    private volatile ServedSite _site;

    public Uri Address { get; private set; } = null!;

    private PreviewServer(WebApplication app, ServedSite site, IReadOnlyList<NetlifyHeaders.Rule> headers, bool liveReload)
    {
        _app = app;
        _site = site;
        _headers = headers;
        _liveReload = liveReload;
    }

    public ServedSite Site => _site;
    public void Update(ServedSite site) => _site = site;

    public static async Task<PreviewServer> StartAsync(ServedSite site, int port, string? netlifyToml, bool liveReload)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var headers = netlifyToml is null ? [] : NetlifyHeaders.Read(netlifyToml);
        // The server object exists before the first request can arrive; its address is filled in once listening.
        var server = new PreviewServer(app, site, headers, liveReload);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Address = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var site = _site;
        var path = Uri.UnescapeDataString(ctx.Request.Path.Value ?? "/");
        foreach (var (k, v) in NetlifyHeaders.For(_headers, path)) ctx.Response.Headers[k] = v;
        ctx.Response.Headers.CacheControl = "no-store";

        if (path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await Internal(ctx, path[Prefix.Length..], site);
            return;
        }
        var key = path.TrimStart('/');
        if (key.Length == 0 || key.EndsWith('/')) key += ActionPlan.Rendering.Site.Slugs.Home;   // a folder's index page, as Netlify serves it
        if (!site.TryRead(key, out var bytes))
        {
            ctx.Response.StatusCode = 404;
            if (!site.TryRead(ActionPlan.Rendering.Site.Slugs.NotFound, out bytes)) { await ctx.Response.WriteAsync("404"); return; }
            key = ActionPlan.Rendering.Site.Slugs.NotFound;
        }
        ctx.Response.ContentType = ContentType(key);
        if (_liveReload && key.EndsWith(".html", StringComparison.Ordinal))
            bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("</body>", $"<script src=\"{Prefix}reload.js\" defer></script>\n</body>"));
        await ctx.Response.Body.WriteAsync(bytes);
    }

    private static async Task Internal(HttpContext ctx, string what, ServedSite site)
    {
        switch (what)
        {
            case "status":
                ctx.Response.ContentType = "application/json; charset=utf-8";
                await ctx.Response.WriteAsync(JsonSerializer.Serialize(new { version = site.Version, errors = site.Errors, problems = site.Problems ?? [] }));
                break;
            case "reload.js":
                ctx.Response.ContentType = "text/javascript; charset=utf-8";
                await ctx.Response.WriteAsync(ReloadScript);
                break;
            default:
                ctx.Response.StatusCode = 404;
                break;
        }
    }

    /// <summary>Polls the status; reloads on a new good build; shows build errors as text in a banner.</summary>
    private const string ReloadScript = """
        (function () {
          var seen = null;
          function banner(errors, problems) {
            var box = document.getElementById('ap-build-errors');
            if (!errors.length && !problems.length) { if (box) box.remove(); return; }
            if (!box) {
              box = document.createElement('div');
              box.id = 'ap-build-errors';
              box.setAttribute('role', 'alert');
              box.className = 'ap-build-errors';
              document.body.insertBefore(box, document.body.firstChild);
            }
            box.textContent = '';
            var h = document.createElement('p');
            h.textContent = errors.length ? '入力にエラーがあるため、前回のサイトを表示しています:' : '公開できない問題（build では作られません）:';
            box.appendChild(h);
            (errors.length ? errors : problems).forEach(function (e) { var p = document.createElement('pre'); p.textContent = e; box.appendChild(p); });
          }
          function poll() {
            fetch('/__actionplan/status', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (s) {
              if (seen !== null && s.version !== seen) { location.reload(); return; }
              seen = s.version;
              banner(s.errors, s.problems || []);
            }).catch(function () {}).finally(function () { setTimeout(poll, 400); });
          }
          poll();
        })();
        """;

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        ".xml" => "application/xml; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
