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

    /// <summary>The theme's files, read once when the renderer was made.</summary>
    public ThemeFiles Theme { get; }

    /// <summary>Compiled templates: this run's, the program's, the user's cache.</summary>
    public TemplateCache Cache { get; }

    public ThemeRenderer(ThemeFiles theme, TemplateCache? cache = null)
    {
        Theme = theme;
        Cache = cache ?? new TemplateCache(theme, folder: null);
        if (SingleFileCompilation.Needed)
        {
            _engine = SingleFileCompilation.Engine(theme.Project(), Cache, typeof(Page).Assembly, GiveWords);
            return;
        }
        _engine = new RazorLightEngineBuilder()
            .UseProject(theme.Project())
            .SetOperatingAssembly(typeof(Page).Assembly)
            .UseCachingProvider(Cache)
            .AddPrerenderCallbacks(GiveWords)
            .Build();
    }

    /// <summary>RazorLight's own renderer (ACTIONPLAN_RENDERER=razorlight) makes template instances itself: they get the words here.</summary>
    private void GiveWords(ITemplatePage page)
    {
        if (page is IUsesWords usesWords) usesWords.Words = Theme.Words;
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
        if (template is IUsesWords usesWords) usesWords.Words = Theme.Words;
        template.Key = key;
        template.DisableEncoding = false;
        return template;
    }

    /// <summary>Compiles (or loads from the cache) every template of the theme (or those <paramref name="which"/> picks); returns how many.</summary>
    public async Task<int> CompileAllAsync(Func<string, bool>? which = null)
    {
        var keys = Theme.Paths.Where(p => p.EndsWith(".cshtml", StringComparison.Ordinal) && (which is null || which(p))).ToList();
        foreach (var key in keys) await TemplateAsync(key).ConfigureAwait(false);
        return keys.Count;
    }

    private async Task<Type> CompileAsync(string key)
    {
        if (!Theme.Exists(key))
            throw new ThemeException($"テーマに「{ThemeFiles.Normalize(key)}」がありません。ファイル名を確かめるか、標準のテーマから写してください。");
        try { return (await _engine.CompileTemplateAsync(key).ConfigureAwait(false)).GetType(); }
        catch (RazorLight.Compilation.TemplateCompilationException ex)
        {
            // RazorLight's message says where (line:column) but not in which template.
            throw new ThemeException(
                $"「{ThemeFiles.Normalize(key)}」をコンパイルできません（行:列 とコンパイラーのメッセージ）:\n" +
                string.Join("\n", ex.CompilationErrors.Select(e => "- " + e.Trim())) + "\nこの行を直してから、もう一度実行してください。", ex);
        }
        catch (RazorLight.Generation.TemplateGenerationException ex)
        {
            throw new ThemeException($"「{ThemeFiles.Normalize(key)}」を読み取れません: {ex.Message.Trim()}", ex);
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
        if (ThroughRazorLight) return await RenderThroughRazorLightAsync(page).ConfigureAwait(false);
        var template = await TemplateAsync(page.Template).ConfigureAwait(false);
        var context = new PageContext { Model = page };
        var body = new StringWriter(new StringBuilder(16 * 1024));
        await RunAsync(template, page, context, body).ConfigureAwait(false);
        var inner = template;
        var chain = new List<string> { ThemeFiles.Normalize(page.Template) };
        while (true)
        {
            if (!string.IsNullOrEmpty(inner.Layout)) Enter(chain, inner.Layout!);
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
            Enter(chain, layout.Layout!);
            chain.RemoveAt(chain.Count - 1);
            layout = await LayoutAsync(inner, body).ConfigureAwait(false);
            var buffered = new StringWriter(new StringBuilder(body.GetStringBuilder().Length + 16 * 1024));
            await RunAsync(layout, page, context, buffered).ConfigureAwait(false);
            layout.EnsureRenderedBodyOrSections();
            (inner, body) = (layout, buffered);
        }
    }

    /// <summary>
    /// Renders pages with RazorLight's own renderer instead (ACTIONPLAN_RENDERER=razorlight): for the benchmark that
    /// measures what the renderer here buys (docs/performance.md), and for the test that both give the same bytes.
    /// </summary>
    public bool ThroughRazorLight { get; init; } = Environment.GetEnvironmentVariable("ACTIONPLAN_RENDERER") == "razorlight";

    /// <summary>The page as RazorLight's renderer writes it (its layouts, sections and includes), normalized the same way.</summary>
    public async Task<byte[]> RenderThroughRazorLightAsync(Page page)
    {
        var template = await _engine.CompileTemplateAsync(page.Template).ConfigureAwait(false);
        using var output = new NormalizingWriter();
        await _engine.RenderTemplateAsync(template, (object)page, output).ConfigureAwait(false);
        return output.ToArray();
    }

    /// <summary>A layout that is already in the chain (a layout naming itself, or two naming each other) would never end.</summary>
    private static void Enter(List<string> chain, string layout)
    {
        var key = ThemeFiles.Normalize(layout);
        if (chain.Contains(key, StringComparer.Ordinal))
            throw new ThemeException($"レイアウトが循環しています（{string.Join(" → ", chain.Append(key))}）。「{chain[^1]}」の Layout の行を直してください。");
        chain.Add(key);
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
            throw new ThemeException($"部品テンプレート「{key}」に Layout が指定されています。部品（IncludeAsync で読み込むテンプレート）にはレイアウトを付けられません。Layout の行を消してください。");
    }

    /// <summary>tokens.css, base.css, every components/*/*.css (sorted) and print.css, as one stylesheet.</summary>
    public string Stylesheet()
    {
        var parts = new List<string>();
        void Add(string relative) { if (Theme.Text(relative) is { } css) parts.Add(css.Replace("\r\n", "\n").TrimEnd() + "\n"); }
        Add("assets/tokens.css");
        Add("assets/base.css");
        foreach (var css in Theme.Paths.Where(p => p.StartsWith("components/", StringComparison.Ordinal) && p.EndsWith(".css", StringComparison.Ordinal)))
            Add(css);
        Add("assets/print.css");
        return string.Join("\n", parts);
    }
}

/// <summary>A mistake in the theme (a template that does not compile, a missing template, a circular layout): the city's to fix, told in Japanese.</summary>
public sealed class ThemeException(string message, Exception? inner = null) : Exception(message, inner);
