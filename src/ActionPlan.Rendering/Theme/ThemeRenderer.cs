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

    /// <summary>Each template's compiled type, once loaded (a template is an object made per page or component).</summary>
    private readonly ConcurrentDictionary<string, Type> _types = new(StringComparer.Ordinal);

    private async ValueTask<ITemplatePage> TemplateAsync(string key)
    {
        ITemplatePage template;
        if (_types.TryGetValue(key, out var type)) template = (ITemplatePage)Activator.CreateInstance(type)!;
        else
        {
            template = await _engine.CompileTemplateAsync(key).ConfigureAwait(false);
            _types.TryAdd(key, template.GetType());
        }
        template.Key = key;
        template.DisableEncoding = false;
        return template;
    }

    /// <summary>
    /// Renders a page into normalized UTF-8 (see <see cref="NormalizingWriter"/>). The template runs into a plain text
    /// buffer, then each layout around it, as RazorLight's renderer would run them, without its per-piece view buffers:
    /// RazorLight collects every literal and value of a page as a separate piece and copies them one by one, through
    /// asynchronous calls, into the output — millions of pieces on a large site. The bytes are the same.
    /// </summary>
    public async Task<byte[]> RenderBytesAsync(Page page)
    {
        var template = await TemplateAsync(page.Template).ConfigureAwait(false);
        var context = new PageContext { Model = page };
        var body = await RunAsync(template, page, context).ConfigureAwait(false);
        var inner = template;
        while (!string.IsNullOrEmpty(inner.Layout))
        {
            var layout = await TemplateAsync(inner.Layout).ConfigureAwait(false);
            layout.PreviousSectionWriters = inner.SectionWriters;
            layout.BodyContent = new HtmlString(body.ToString());
            layout.IsLayoutBeingRendered = true;
            body = await RunAsync(layout, page, context).ConfigureAwait(false);
            layout.EnsureRenderedBodyOrSections();
            inner = layout;
        }
        using var writer = new NormalizingWriter();
        foreach (var chunk in body.GetStringBuilder().GetChunks()) writer.Write(chunk.Span);
        return writer.ToArray();
    }

    private async Task<StringWriter> RunAsync(ITemplatePage template, object model, PageContext context)
    {
        var output = new StringWriter(new StringBuilder(16 * 1024));
        template.SetModel(model);
        context.Writer = output;
        context.ExecutingPageKey = template.Key;
        template.PageContext = context;
        template.IncludeFunc = (key, m) => IncludeAsync(template, key, m);
        await template.ExecuteAsync().ConfigureAwait(false);
        return output;
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
