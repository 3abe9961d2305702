using Markdig;

namespace ActionPlan.Rendering.Site;

/// <summary>Chapter prose: Markdown → HTML with raw HTML disabled (staff text can never inject markup).</summary>
public static class ProseMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseCjkFriendlyEmphasis()
        .DisableHtml()
        .Build();

    public static string ToHtml(string markdown)
    {
        var html = Markdig.Markdown.ToHtml(markdown, Pipeline);
        // Wide tables scroll inside their own container on phones; headings under the page's h1 start at h2.
        return html
            .Replace("<table>", "<div class=\"ap-table-scroll\"><table class=\"ap-table\">")
            .Replace("</table>", "</table></div>")
            .Replace("<th>", "<th scope=\"col\">")
            .Replace("\r\n", "\n");
    }
}
