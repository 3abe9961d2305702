using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ActionPlan.Input;

/// <summary>
/// Checks chapter prose at load time: Markdown that cannot be parsed (nesting too deep), links whose address is not
/// http(s), mailto or a relative page, and images (the site shows none) are reported with their line.
/// </summary>
public static class ProseCheck
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseCjkFriendlyEmphasis().DisableHtml().Build();

    public static bool Check(string body, int lineOffset, string file, DiagnosticBag d)
    {
        MarkdownDocument doc;
        try { doc = Markdown.Parse(body, Pipeline); }
        catch (ArgumentException)
        {
            d.Error("markdown-too-deep", file, lineOffset + 1, "本文", "Markdownの入れ子が深すぎて読めません。", "箇条書きや引用の重なりを減らしてください。");
            return false;
        }
        var ok = true;
        foreach (var link in doc.Descendants<LinkInline>())
        {
            var line = link.Line + 1 + lineOffset;
            if (link.IsImage)
            {
                d.Error("markdown-image", file, line, "本文", "画像（![…](…)）は使えません。", "図の内容は文や表で書いてください。");
                ok = false;
            }
            else if (!ActionPlan.Domain.LinkRules.IsAllowed(link.Url))
            {
                d.Error("markdown-unsafe-link", file, line, "本文", $"リンク先「{link.Url}」は使えません。", "http:// か https:// で始まるアドレスを書いてください。");
                ok = false;
            }
        }
        return ok;
    }
}
