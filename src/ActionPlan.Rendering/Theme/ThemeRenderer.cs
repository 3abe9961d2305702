using System.Collections.Concurrent;
using System.Text;
using ActionPlan.Rendering.Site;
using Microsoft.AspNetCore.Html;
using RazorLight;
using RazorLight.Caching;

namespace ActionPlan.Rendering.Theme;

/// <summary>
/// Renders page models with the RazorLight templates in theme/. One engine per theme folder; each template is
/// compiled once and reused for every page of its kind.
/// </summary>
public sealed class ThemeRenderer
{
    private readonly RazorLightEngine _engine;

    public string ThemeDirectory { get; }

    public ThemeRenderer(string themeDirectory, ICachingProvider? cache = null)
    {
        ThemeDirectory = Path.GetFullPath(themeDirectory);
        if (SingleFileCompilation.Needed)
        {
            _engine = SingleFileCompilation.Engine(ThemeDirectory, cache ?? new MemoryCachingProvider(), typeof(Page).Assembly);
            return;
        }
        var builder = new RazorLightEngineBuilder()
            .UseFileSystemProject(ThemeDirectory, ".cshtml")
            .SetOperatingAssembly(typeof(Page).Assembly);
        builder = cache is null ? builder.UseMemoryCachingProvider() : builder.UseCachingProvider(cache);
        _engine = builder.Build();
    }

    /// <summary>
    /// Each template's compiled type, loaded once: the first page that needs a template compiles (or loads) it and
    /// pages rendering at the same time wait for that one compile instead of starting their own.
    /// </summary>
    private readonly ConcurrentDictionary<string, Lazy<Task<Type>>> _types = new(StringComparer.Ordinal);

    private async ValueTask<ITemplatePage> TemplateAsync(string key)
    {
        var type = await _types.GetOrAdd(key, k => new Lazy<Task<Type>>(() => CompileAsync(k))).Value.ConfigureAwait(false);
        var template = (ITemplatePage)Activator.CreateInstance(type)!;
        template.Key = key;
        template.DisableEncoding = false;
        return template;
    }

    /// <summary>Compiles (or loads from the cache) every template in the theme folder; returns how many there are.</summary>
    public async Task<int> CompileAllAsync()
    {
        var keys = Directory.GetFiles(ThemeDirectory, "*.cshtml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(ThemeDirectory, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        foreach (var key in keys) await TemplateAsync(key).ConfigureAwait(false);
        return keys.Count;
    }

    private async Task<Type> CompileAsync(string key)
    {
        try { return (await _engine.CompileTemplateAsync(key).ConfigureAwait(false)).GetType(); }
        catch (RazorLight.Compilation.TemplateCompilationException ex)
        {
            // RazorLight's message says where (line:column) but not in which template.
            throw new InvalidOperationException(
                $"「{key.TrimStart('/')}」をコンパイルできません（行:列 とコンパイラーのメッセージ）:\n" +
                string.Join("\n", ex.CompilationErrors.Select(e => "- " + e.Trim())) + "\nこの行を直してから、もう一度実行してください。", ex);
        }
    }

    /// <summary>
    /// Renders a page into normalized UTF-8 (see <see cref="NormalizingWriter"/>). The template runs into a plain text
    /// buffer and its layout around it straight into the output, as RazorLight's renderer would run them, without its
    /// per-piece view buffers: RazorLight collects every literal and value of a page as a separate piece and copies them
    /// one by one, through asynchronous calls, into the output — millions of pieces on a large site. The bytes are the same.
    /// </summary>
    public async Task<byte[]> RenderBytesAsync(Page page)
    {
        var template = await TemplateAsync(page.Template).ConfigureAwait(false);
        var context = new PageContext { Model = page };
        var body = new StringWriter(new StringBuilder(16 * 1024));
        await RunAsync(template, page, context, body).ConfigureAwait(false);
        var inner = template;
        while (true)
        {
            using var output = new NormalizingWriter(Math.Max(32 * 1024, body.GetStringBuilder().Length * 2));
            if (string.IsNullOrEmpty(inner.Layout))
            {
                foreach (var chunk in body.GetStringBuilder().GetChunks()) output.Write(chunk.Span);
                return output.ToArray();
            }
            var layout = await LayoutAsync(inner, body).ConfigureAwait(false);
            await RunAsync(layout, page, context, output).ConfigureAwait(false);
            layout.EnsureRenderedBodyOrSections();
            if (string.IsNullOrEmpty(layout.Layout)) return output.ToArray();
            // A layout that has a layout of its own (rare): run it again, into a buffer that is the next layout's body.
            layout = await LayoutAsync(inner, body).ConfigureAwait(false);
            var buffered = new StringWriter(new StringBuilder(body.GetStringBuilder().Length + 16 * 1024));
            await RunAsync(layout, page, context, buffered).ConfigureAwait(false);
            layout.EnsureRenderedBodyOrSections();
            (inner, body) = (layout, buffered);
        }
    }

    private async ValueTask<ITemplatePage> LayoutAsync(ITemplatePage inner, StringWriter body)
    {
        var layout = await TemplateAsync(inner.Layout!).ConfigureAwait(false);
        layout.PreviousSectionWriters = inner.SectionWriters;
        layout.BodyContent = new Body(body.GetStringBuilder());
        layout.IsLayoutBeingRendered = true;
        return layout;
    }

    /// <summary>The page's text inside its layout (@RenderBody()), written from the buffer without a copy into one string.</summary>
    private sealed class Body(StringBuilder text) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, System.Text.Encodings.Web.HtmlEncoder encoder)
        {
            foreach (var chunk in text.GetChunks()) writer.Write(chunk.Span);
        }
    }

    private async Task RunAsync(ITemplatePage template, object model, PageContext context, TextWriter output)
    {
        template.SetModel(model);
        context.Writer = output;
        context.ExecutingPageKey = template.Key;
        template.PageContext = context;
        template.IncludeFunc = (key, m) => IncludeAsync(template, key, m);
        await template.ExecuteAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// A component (<c>@{ await IncludeAsync("components/…", model); }</c>) written straight into the including
    /// template's current output. RazorLight's own include gives every component a buffer of its own, inspects the
    /// model's type by reflection and dispatches through <c>dynamic</c> — per include; a large site includes a
    /// component tens of thousands of times (a meter per year of every item). A component cannot have a layout (it
    /// would have nowhere to go); a theme that gives one gets a clear error.
    /// </summary>
    private async Task IncludeAsync(ITemplatePage parent, string key, object? model)
    {
        var component = await TemplateAsync(key).ConfigureAwait(false);
        if (model is not null) component.SetModel(model);
        component.PageContext = new PageContext { ExecutingPageKey = key, Writer = parent.PageContext.Writer, Model = model };
        component.IncludeFunc = (k, m) => IncludeAsync(component, k, m);
        await component.ExecuteAsync().ConfigureAwait(false);
        if (!string.IsNullOrEmpty(component.Layout))
            throw new InvalidOperationException($"部品テンプレート「{key}」に Layout が指定されています。部品（IncludeAsync で読み込むテンプレート）にはレイアウトを付けられません。Layout の行を消してください。");
    }

    /// <summary>tokens.css, base.css, every components/*/*.css (sorted) and print.css, as one stylesheet.</summary>
    public string Stylesheet()
    {
        var parts = new List<string>();
        void Add(string path) { if (File.Exists(path)) parts.Add(File.ReadAllText(path).Replace("\r\n", "\n").TrimEnd() + "\n"); }
        Add(Path.Combine(ThemeDirectory, "assets", "tokens.css"));
        Add(Path.Combine(ThemeDirectory, "assets", "base.css"));
        var components = Path.Combine(ThemeDirectory, "components");
        if (Directory.Exists(components))
            foreach (var css in Directory.GetFiles(components, "*.css", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                Add(css);
        Add(Path.Combine(ThemeDirectory, "assets", "print.css"));
        return string.Join("\n", parts);
    }
}
