using System.Text;
using ActionPlan.Domain;
using ActionPlan.Rendering.OpenData;
using ActionPlan.Rendering.Site;
using ActionPlan.Rendering.Theme;

namespace ActionPlan.Rendering;

/// <summary>One file of the built site, in memory until the Write stage puts it on disk.</summary>
public sealed record OutputFile(string Path, byte[] Content);

public sealed record RenderOptions(string? BaseUrl = null);

/// <summary>
/// Render stage: plan → every file of the site (pages, stylesheet, open data, robots.txt, sitemap.xml),
/// sorted by path. Pure apart from reading the theme; the same plan and theme always give the same bytes.
/// </summary>
public sealed class SiteRenderer(ThemeRenderer theme)
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public async Task<IReadOnlyList<OutputFile>> RenderAsync(Plan plan, RenderOptions options)
    {
        var model = new SiteModelBuilder(plan, options.BaseUrl);
        var pages = model.Pages();
        var files = new List<OutputFile>();

        // Compile each template kind once before rendering pages in parallel.
        foreach (var first in pages.GroupBy(p => p.Template).Select(g => g.First()))
            files.Add(new OutputFile(first.Path, Utf8.GetBytes(await theme.RenderAsync(first).ConfigureAwait(false))));
        var rest = pages.Where(p => files.All(f => f.Path != p.Path)).ToList();
        var rendered = new OutputFile[rest.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, rest.Count), async (i, _) =>
            rendered[i] = new OutputFile(rest[i].Path, Utf8.GetBytes(await theme.RenderAsync(rest[i]).ConfigureAwait(false)))).ConfigureAwait(false);
        files.AddRange(rendered);

        files.Add(new OutputFile("assets/site.css", Utf8.GetBytes(theme.Stylesheet())));
        files.Add(new OutputFile(OpenDataWriterPaths.Csv, OpenDataWriter.Csv(plan)));
        files.Add(new OutputFile(OpenDataWriterPaths.Json, OpenDataWriter.Json(plan)));

        var baseUrl = options.BaseUrl?.TrimEnd('/');
        var robots = "User-agent: *\nAllow: /\n" + (baseUrl is null ? "" : $"Sitemap: {baseUrl}/sitemap.xml\n");
        files.Add(new OutputFile("robots.txt", Utf8.GetBytes(robots)));
        if (baseUrl is not null)
            files.Add(new OutputFile("sitemap.xml", Utf8.GetBytes(Sitemap(baseUrl, pages))));

        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    private static string Sitemap(string baseUrl, IEnumerable<Page> pages)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var page in pages.Where(p => p is not NotFoundPage).OrderBy(p => p.Path, StringComparer.Ordinal))
            sb.Append("  <url><loc>").Append(System.Security.SecurityElement.Escape(page.Canonical ?? baseUrl + "/" + page.Path)).Append("</loc></url>\n");
        return sb.Append("</urlset>\n").ToString();
    }
}
