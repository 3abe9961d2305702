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
        var builder = new RazorLightEngineBuilder()
            .UseFileSystemProject(ThemeDirectory, ".cshtml")
            .SetOperatingAssembly(typeof(Page).Assembly);
        builder = cache is null ? builder.UseMemoryCachingProvider() : builder.UseCachingProvider(cache);
        _engine = builder.Build();
    }

    /// <summary>Renders straight into normalized UTF-8 (see <see cref="NormalizingWriter"/>) without building intermediate strings.</summary>
    public async Task<byte[]> RenderBytesAsync(Page page)
    {
        var template = await _engine.CompileTemplateAsync(page.Template).ConfigureAwait(false);
        using var writer = new NormalizingWriter();
        await _engine.RenderTemplateAsync(template, (object)page, writer).ConfigureAwait(false);
        return writer.ToArray();
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
