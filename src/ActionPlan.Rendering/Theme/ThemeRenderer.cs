using ActionPlan.Rendering.Site;
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

    /// <summary>The renderer of the page being rendered on this async flow (components are included through it).</summary>
    private static readonly AsyncLocal<ThemeRenderer?> Rendering = new();

    internal static ThemeRenderer? Current => Rendering.Value;

    /// <summary>Renders straight into normalized UTF-8 (see <see cref="NormalizingWriter"/>) without building intermediate strings.</summary>
    public async Task<byte[]> RenderBytesAsync(Page page)
    {
        Rendering.Value = this;   // restored when this method returns: an async method's changes to the flow stay inside it
        var template = await _engine.CompileTemplateAsync(page.Template).ConfigureAwait(false);
        using var writer = new NormalizingWriter();
        await _engine.RenderTemplateAsync(template, (object)page, writer).ConfigureAwait(false);
        return writer.ToArray();
    }

    /// <summary>
    /// A component (<c>@{ await IncludeAsync("components/…", model); }</c>) written straight into the including
    /// template's output. RazorLight's own include gives every component a buffer of its own, inspects the model's
    /// type by reflection and dispatches through <c>dynamic</c> — per include; a large site includes a component tens of
    /// thousands of times (a meter per year of every item), so that was a large part of the build. The bytes are the
    /// same: the component writes through its own encoder into the same writer its buffer was copied into. A component
    /// cannot have a layout (it would have nowhere to go); a theme that gives one gets a clear error.
    /// </summary>
    internal async Task IncludeAsync(TemplatePage parent, string key, object? model)
    {
        var component = await _engine.CompileTemplateAsync(key).ConfigureAwait(false);
        component.SetModel(model!);
        component.PageContext = new PageContext { ExecutingPageKey = component.Key, Writer = parent.Output, Model = model };
        component.IncludeFunc = parent.IncludeFunc;
        component.DisableEncoding = parent.DisableEncoding;
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
