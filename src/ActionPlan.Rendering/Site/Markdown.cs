using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ActionPlan.Rendering.Site;

/// <summary>
/// Chapter prose: Markdown → HTML with raw HTML disabled (staff text can never inject markup). Links are kept only
/// for http(s), mailto and relative addresses, images become their text, and table alignment becomes a class (no
/// inline style, so the strict CSP holds). The loader reports these cases; this is the second line of defence.
/// </summary>
public static class ProseMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseCjkFriendlyEmphasis()
        .DisableHtml()
        .Build();

    /// <param name="prose">The page's text marker: signed figures read as マイナス／プラス and first-use 用語集 links
    /// (headings and existing links get signs only). Signs only when not given.</param>
    /// <param name="headingShift">Levels to add to every heading (the booklet nests a chapter's ## under its own h2).</param>
    public static string ToHtml(string markdown, Prose? prose = null, int headingShift = 0)
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
        foreach (var table in doc.Descendants<Table>()) MarkTable(table);
        if (headingShift != 0)
            foreach (var heading in doc.Descendants<HeadingBlock>()) heading.Level = Math.Clamp(heading.Level + headingShift, 1, 6);
        MarkText(doc, prose ?? Prose.SignsOnly);
        var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(doc);
        writer.Flush();
        // Wide tables scroll inside their own container on phones.
        return writer.ToString()
            .Replace("<table class=\"ap-table\">", "<div class=\"ap-table-scroll\"><table class=\"ap-table\">")
            .Replace("</table>", "</table></div>")
            .Replace("\r\n", "\n");
    }

    /// <summary>
    /// Each literal becomes the page's runs: plain text stays a literal (Markdig encodes it), a signed figure, a
    /// separator or a term link becomes an inline whose HTML is built here from encoded text, the same markup the text
    /// component writes for the other pages.
    /// </summary>
    private static void MarkText(MarkdownDocument doc, Prose prose)
    {
        foreach (var literal in doc.Descendants<LiteralInline>().ToList())
        {
            var inLink = false;
            for (var parent = literal.Parent; parent is not null; parent = parent.Parent) inLink |= parent is LinkInline;
            var inHeading = RootOf(literal)?.ParentBlock is HeadingBlock;
            var runs = (inLink || inHeading ? Prose.SignsOnly : prose).Text(literal.Content.ToString()).Runs;
            if (runs.Count == 1 && runs[0] is PlainRun) continue;
            Inline at = literal;
            foreach (var run in runs)
            {
                Inline next = run switch
                {
                    PlainRun p => new LiteralInline(p.Text),
                    SignedRun s => new HtmlInline($"<span class=\"ap-text__signed\"><span aria-hidden=\"true\">{Encode(s.Display)}</span><span class=\"ap-visually-hidden ap-text__spoken\">{Encode(s.Spoken)}</span></span>"),
                    TermRun t => new HtmlInline($"<a class=\"ap-text__term\" href=\"{Encode(t.Href)}\">{Encode(t.Text)}</a>"),
                    SeparatorRun x => new HtmlInline($"<span aria-hidden=\"true\">{Encode(x.Display)}</span><span class=\"ap-visually-hidden ap-text__spoken\">{Encode(x.Spoken)}</span>"),
                    _ => throw new InvalidOperationException(run.GetType().Name),
                };
                at.InsertAfter(next);
                at = next;
            }
            literal.Remove();
        }
    }

    private static ContainerInline? RootOf(Inline inline)
    {
        var container = inline.Parent;
        while (container?.Parent is not null) container = container.Parent;
        return container;
    }

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);

    /// <summary>
    /// In the syntax tree, not in the HTML text: header cells get scope="col" (whatever their alignment), and a column's
    /// alignment becomes a class on each of its cells instead of an inline style (the strict CSP forbids style attributes).
    /// </summary>
    private static void MarkTable(Table table)
    {
        table.GetAttributes().AddClass("ap-table");
        var alignments = table.ColumnDefinitions.Select(c => c.Alignment).ToList();
        foreach (var column in table.ColumnDefinitions) column.Alignment = null;
        foreach (var row in table.OfType<TableRow>())
            for (var i = 0; i < row.Count; i++)
            {
                if (row[i] is not TableCell cell) continue;
                var attributes = cell.GetAttributes();
                if (row.IsHeader) attributes.AddPropertyIfNotExist("scope", "col");
                var column = cell.ColumnIndex >= 0 ? cell.ColumnIndex : i;
                if (column < alignments.Count && alignments[column] is { } align)
                    attributes.AddClass("ap-align-" + align switch { TableColumnAlign.Center => "center", TableColumnAlign.Right => "right", _ => "left" });
            }
    }
}
