using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ActionPlan.Rendering.Site;

/// <summary>
/// Chapter prose: Markdown → HTML with raw HTML disabled (staff text can never inject markup). Links are kept only
/// for http(s), mailto and relative addresses, images become their text, and table alignment becomes a class (no
/// inline style, so the strict CSP holds). The loader reports these cases; this is the second line of defence.
/// </summary>
public static partial class ProseMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseCjkFriendlyEmphasis()
        .DisableHtml()
        .Build();

    [GeneratedRegex(@" style=""text-align: (left|center|right);""")]
    private static partial Regex AlignStyle();

    public static string ToHtml(string markdown)
    {
        MarkdownDocument doc;
        try { doc = Markdig.Markdown.Parse(markdown, Pipeline); }
        catch (ArgumentException) { return "<p>" + System.Net.WebUtility.HtmlEncode(markdown) + "</p>"; }
        foreach (var link in doc.Descendants<LinkInline>().ToList())
        {
            if (!link.IsImage && ActionPlan.Domain.LinkRules.IsAllowed(link.Url)) continue;
            var text = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
            link.ReplaceBy(new LiteralInline(text.Length > 0 ? text : link.Title ?? ""));
        }
        var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(doc);
        writer.Flush();
        var html = AlignStyle().Replace(writer.ToString(), m => $" class=\"ap-align-{m.Groups[1].Value}\"");
        // Wide tables scroll inside their own container on phones; headings under the page's h1 start at h2.
        return html
            .Replace("<table>", "<div class=\"ap-table-scroll\"><table class=\"ap-table\">")
            .Replace("</table>", "</table></div>")
            .Replace("<th>", "<th scope=\"col\">")
            .Replace("\r\n", "\n");
    }
}
