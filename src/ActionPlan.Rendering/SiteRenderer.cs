using System.Collections.Concurrent;
using System.Text;
using ActionPlan.Domain;
using ActionPlan.Rendering.OpenData;
using ActionPlan.Rendering.Site;
using ActionPlan.Rendering.Theme;

namespace ActionPlan.Rendering;

/// <summary>One file of the built site, handed from the Render stage to the Write stage.</summary>
public sealed record OutputFile(string Path, byte[] Content);

/// <param name="DraftProblems">Set for a draft build (build --draft, serve): what stops publishing, shown in every page's banner.</param>
public sealed record RenderOptions(string? BaseUrl = null, RenderMemo? Memo = null, IReadOnlyList<string>? DraftProblems = null);

/// <summary>
/// Render stage: plan → every file of the site (pages, stylesheet, open data, robots.txt, sitemap.xml). Pages are
/// rendered in parallel and streamed to a sink as they are ready, so memory stays flat however many items there are.
/// The bytes of each file depend only on the plan and the theme.
/// </summary>
/// <summary>A site ready to render: the evaluated plan, the options and the list of its pages (made once, used for pages and the sitemap).</summary>
/// <param name="Policies">The policy tree the pages were built with, also used by the search index (made once).</param>
public sealed record PreparedSite(EvaluatedPlan Plan, RenderOptions Options, IReadOnlyList<PageSpec> Pages, PolicyIndex Policies);

public sealed class SiteRenderer(ThemeRenderer theme)
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>The site's pages, listed with the words of this renderer's theme.</summary>
    public PreparedSite Prepare(EvaluatedPlan plan, RenderOptions options)
    {
        var builder = new SiteModelBuilder(plan, WordsFor(plan.Plan), options.BaseUrl, options.DraftProblems, theme.Theme.Exists(ShareImage));
        return new(plan, options, builder.Specs(), builder.Policies);
    }

    /// <summary>The sharing card's image (og:image), when the theme ships one.</summary>
    public const string ShareImage = "assets/share.png";

    /// <summary>The theme's words with the plan's level names (plan.md 階層) put in.</summary>
    private Words WordsFor(Plan plan) => theme.Theme.Words.WithLevels(plan.Info.Form.ItemLevel, plan.Info.Form.PolicyLevel(0));

    /// <summary>Renders every file and gives it to <paramref name="sink"/> (called concurrently; order not defined).</summary>
    public async Task RenderAsync(EvaluatedPlan plan, RenderOptions options, Action<OutputFile> sink)
    {
        var site = Prepare(plan, options);
        await RenderPagesAsync(site, sink).ConfigureAwait(false);
        foreach (var file in SiteFiles(site)) sink(file);
    }

    /// <summary>Every page, built and rendered on every core (each template is compiled once, by the first page that needs it).</summary>
    public async Task RenderPagesAsync(PreparedSite site, Action<OutputFile> sink)
    {
        var options = site.Options;
        Task<byte[]> Render(Page page) => options.Memo is { } memo ? memo.GetOrRenderAsync(page, theme.RenderBytesAsync) : theme.RenderBytesAsync(page);
        await Parallel.ForEachAsync(site.Pages, async (spec, _) =>
            sink(new OutputFile(spec.Path, await Render(spec.Build()).ConfigureAwait(false)))).ConfigureAwait(false);
    }

    /// <summary>The files that are not pages: stylesheet, open data, robots.txt and (with a base URL) sitemap.xml.</summary>
    public IEnumerable<OutputFile> SiteFiles(PreparedSite site)
    {
        var (plan, options) = (site.Plan, site.Options);
        var baseUrl = options.BaseUrl?.TrimEnd('/');
        yield return new OutputFile("assets/site.css", Utf8.GetBytes(theme.Stylesheet() + RunningTitle(plan.Plan.Info)));
        // The card needs an absolute address: without --base-url no page names the image, so it is not written.
        if (baseUrl is not null && theme.Theme.Bytes(ShareImage) is { } image) yield return new OutputFile(ShareImage, image);
        // The two open data files do not depend on each other: the table is made on another core while the JSON is made here.
        var words = WordsFor(plan.Plan);
        if (theme.Theme.Bytes(Page.SearchScript) is { } script) yield return new OutputFile(Page.SearchScript, script);
        yield return new OutputFile(Feed.Path, Feed.Build(plan.Plan, words, baseUrl));
        yield return new OutputFile(Slugs.SearchIndex, SearchIndex.Build(plan, site.Policies, words));
        var csv = Task.Run(() => OpenDataWriter.Csv(plan, words));
        var json = OpenDataWriter.Json(plan, words);
        var csvBytes = csv.GetAwaiter().GetResult();
        var dictionary = OpenDataWriter.Dictionary(words);
        yield return new OutputFile(OpenDataWriterPaths.Csv, csvBytes);
        yield return new OutputFile(OpenDataWriterPaths.Json, json);
        yield return new OutputFile(OpenDataWriterPaths.Dictionary, dictionary);
        yield return new OutputFile(OpenDataWriterPaths.Catalog, OpenDataCatalog.Build(plan.Plan, words, baseUrl,
        [
            new(OpenDataWriterPaths.Csv, csvBytes, "text/csv", "CSV", "opendata.csv.link"),
            new(OpenDataWriterPaths.Json, json, "application/json", "JSON", "opendata.json.link"),
            new(OpenDataWriterPaths.Dictionary, dictionary, "text/csv", "CSV", "opendata.dictionary.link"),
        ]));
        if (plan.Plan.BookletPdf is { } pdf) yield return new OutputFile(BookletPage.PdfName, pdf);
        if (options.DraftProblems is not null)
        {
            yield return new OutputFile("robots.txt", Utf8.GetBytes($"# {words["robots.draft"]}\nUser-agent: *\nDisallow: /\n"));
            yield break;
        }
        yield return new OutputFile("robots.txt", Utf8.GetBytes("User-agent: *\nAllow: /\n" + (baseUrl is null ? "" : $"Sitemap: {baseUrl}/sitemap.xml\n")));
        if (baseUrl is not null)
            yield return new OutputFile("sitemap.xml", Utf8.GetBytes(Sitemap(baseUrl, site.Pages)));
    }

    /// <summary>Every file in memory, sorted by path (tests and small sites).</summary>
    public async Task<IReadOnlyList<OutputFile>> RenderAsync(EvaluatedPlan plan, RenderOptions options)
    {
        var files = new ConcurrentBag<OutputFile>();
        await RenderAsync(plan, options, files.Add).ConfigureAwait(false);
        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The plan's name at the top of every printed page (a CSS page-margin box; it can only come from the stylesheet,
    /// and the strict CSP forbids inline styles, so the data is written into site.css as a CSS string).
    /// </summary>
    public static string RunningTitle(PlanInfo info)
    {
        var text = new StringBuilder();
        foreach (var c in info.Title)
            text.Append(c is '"' or '\\' || char.IsControl(c) ? $"\\{(int)c:x} " : c.ToString());
        return $"\n/* running title of printed pages, from plan.md */\n@page {{ @top-center {{ content: \"{text}\"; font-size: 9pt; color: #000; }} }}\n";
    }

    private static string Sitemap(string baseUrl, IEnumerable<PageSpec> pages)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var page in pages.Where(p => p.Kind.InSitemap).OrderBy(p => p.Path, StringComparer.Ordinal))
            sb.Append("  <url><loc>").Append(System.Security.SecurityElement.Escape(SiteLinks.Absolute(baseUrl, page.Path))).Append("</loc></url>\n");
        return sb.Append("</urlset>\n").ToString();
    }
}
