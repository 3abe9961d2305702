using ActionPlan.Domain;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ActionPlan.Input;

/// <summary>
/// Reads an item's Markdown body into its sections: 「## 現状・課題」 and 「## 目標」, each a list of bullets,
/// optional 「### 見出し」 groups, and notes (paragraphs starting with ※). Trailing 【…】 in a bullet become tags.
/// </summary>
public static class SectionReader
{
    public const string IssuesHeading = "現状・課題";
    public const string GoalsHeading = "目標";

    private static readonly string[] Headings = [IssuesHeading, GoalsHeading];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseCjkFriendlyEmphasis().DisableHtml().Build();

    /// <param name="extra">The plan's extra item fields (plan.md 項目の欄), allowed as further 「## 」 sections.</param>
    public static IReadOnlyDictionary<string, Section> Read(string body, int lineOffset, string file, DiagnosticBag diagnostics, IReadOnlyList<string>? extra = null)
    {
        extra ??= [];
        MarkdownDocument doc;
        try { doc = Markdown.Parse(body, Pipeline); }
        catch (ArgumentException)
        {
            diagnostics.Error("markdown-too-deep", file, lineOffset + 1, "本文",
                "Markdownの入れ子（箇条書きや引用「>」の重なり）が深すぎて読めません。", "箇条書きは1段にしてください。");
            return new Dictionary<string, Section>();
        }
        var bodyLines = body.Replace("\r\n", "\n").Split('\n');
        var sections = new Dictionary<string, List<BulletGroup>>();
        List<BulletGroup>? current = null;
        string? heading = null;
        var bullets = new List<Bullet>();
        var notes = new List<string>();

        void Flush()
        {
            if (current is not null && (bullets.Count > 0 || notes.Count > 0 || heading is not null))
                current.Add(new BulletGroup(heading, bullets.ToList(), notes.ToList()));
            bullets.Clear();
            notes.Clear();
            heading = null;
        }

        foreach (var block in doc)
        {
            var line = block.Line + 1 + lineOffset;
            switch (block)
            {
                case HeadingBlock { Level: 2 } h:
                    Flush();
                    var title = InlineText(h.Inline);
                    if (title is not (IssuesHeading or GoalsHeading) && !extra.Contains(title))
                    {
                        diagnostics.Error("markdown-unknown-section", file, line, "見出し",
                            $"見出し「{title}」は使えません。" + (Lookalike.DidYouMean(title, [.. Headings, .. extra]) ?? ""),
                            $"「## {string.Join("」「## ", Headings.Concat(extra))}」を使ってください（全角・半角も含めてこのとおりに）。" +
                            (extra.Count == 0 ? "ほかの欄を加えるときは、plan.md の「項目の欄」に名前を書きます。" : ""));
                        current = null;
                        continue;
                    }
                    if (sections.ContainsKey(title))
                    {
                        diagnostics.Error("markdown-duplicate-section", file, line, "見出し", $"見出し「{title}」が2回あります。", "一つにまとめてください。");
                        current = null;
                        continue;
                    }
                    current = sections[title] = [];
                    break;
                case HeadingBlock { Level: 3 } h3 when current is not null:
                    Flush();
                    heading = InlineText(h3.Inline);
                    break;
                case ListBlock list when current is not null:
                    foreach (var li in list.OfType<ListItemBlock>())
                    {
                        var text = string.Join("", li.OfType<ParagraphBlock>().Select(p => InlineText(p.Inline)));
                        if (li.Any(b => b is not ParagraphBlock))
                            diagnostics.Error("markdown-nested", file, li.Line + 1 + lineOffset, "箇条書き",
                                "箇条書きの中に入れ子の箇条書きや見出しは書けません。", "1段の箇条書き（「- 」で始まる行）にしてください。");
                        if (text.Trim().Length == 0)
                        {
                            diagnostics.Error("markdown-empty-bullet", file, li.Line + 1 + lineOffset, "箇条書き", "空の箇条書きがあります。", "文を書くか、行を消してください。");
                            continue;
                        }
                        foreach (var p in li.OfType<ParagraphBlock>())
                        {
                            // Markdig joins a line without 「- 」 to the bullet above (a lazy continuation); a bullet of the
                            // document is one line, so an unindented second line is a lost 「- 」.
                            var lastLine = body.AsSpan(0, Math.Min(body.Length, p.Span.End + 1)).Count('\n');
                            for (var bodyLine = p.Line + 1; bodyLine <= lastLine && bodyLine < bodyLines.Length; bodyLine++)
                                if (bodyLines[bodyLine].Length > 0 && !char.IsWhiteSpace(bodyLines[bodyLine][0]))
                                    diagnostics.Error("markdown-lazy-continuation", file, bodyLine + 1 + lineOffset, "箇条書き",
                                        $"「{CsvTable.Shorten(bodyLines[bodyLine].Trim())}」の行が「- 」で始まっていないため、前の箇条書きの続きとしてつながってしまいます。",
                                        "新しい箇条書きなら行頭に「- 」を付けてください。前の行の続きなら、前の行につなげて1行にしてください。");
                        }
                        SampleText.Check(text, file, li.Line + 1 + lineOffset, "箇条書き", diagnostics);
                        bullets.Add(SplitTags(text.Trim()));
                    }
                    break;
                case ParagraphBlock p when current is null && InlineText(p.Inline).TrimStart() is var t && (t.StartsWith('#') || t.StartsWith('＃')):
                    diagnostics.Error("markdown-heading-space", file, line, "見出し",
                        $"「{CsvTable.Shorten(t.Trim())}」は見出しになっていません（「#」の後に半角の空白がありません）。",
                        $"「## {t.TrimStart('#', '＃').Trim()}」のように、「##」と見出しの間に半角の空白を入れてください。");
                    break;
                case ParagraphBlock p when current is not null:
                    var para = InlineText(p.Inline).Trim();
                    if (para.StartsWith('#') || para.StartsWith('＃'))
                        diagnostics.Error("markdown-heading-space", file, line, "見出し",
                            $"「{CsvTable.Shorten(para)}」は見出しになっていません（「#」の後に半角の空白がありません）。",
                            $"「## {para.TrimStart('#', '＃').Trim()}」のように、「##」と見出しの間に半角の空白を入れてください。");
                    else if (para.StartsWith('※')) notes.Add(para);
                    else
                        diagnostics.Error("markdown-stray-paragraph", file, line, "本文",
                            "箇条書きでも注記（※で始まる段落）でもない段落があります。",
                            "行頭に「- 」を付けて箇条書きにするか、「※」で始まる注記にしてください。");
                    break;
                case LinkReferenceDefinitionGroup:
                    break;
                default:
                    diagnostics.Error("markdown-unexpected-block", file, line, "本文",
                        current is null ? "最初の見出しより前に本文があります。" : "ここには箇条書き・注記・小見出し以外は書けません。",
                        $"「## {IssuesHeading}」「## {GoalsHeading}」の見出しの下に「- 」で始まる箇条書きを書いてください。");
                    break;
            }
        }
        Flush();
        return sections.ToDictionary(kv => kv.Key, kv => new Section(kv.Value));
    }

    /// <summary>「…確保する。 【もっとつながるまち小郡アクションプラン指標】」 → text and tag.</summary>
    public static Bullet SplitTags(string text)
    {
        var tags = new List<string>();
        while (text.EndsWith('】'))
        {
            var open = text.LastIndexOf('【');
            if (open < 0) break;
            tags.Insert(0, text[(open + 1)..^1]);
            text = text[..open].TrimEnd();
        }
        return new Bullet(text, tags);
    }

    /// <summary>The plain text of inline Markdown (emphasis dropped; raw HTML kept as text so it is shown, not run).</summary>
    public static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var sb = new System.Text.StringBuilder();
        Append(inline, sb);
        return sb.ToString();
    }

    private static void Append(Inline inline, System.Text.StringBuilder sb)
    {
        switch (inline)
        {
            case LiteralInline lit: sb.Append(lit.Content.ToString()); break;
            case CodeInline code: sb.Append(code.Content); break;
            case LineBreakInline: break;
            case HtmlInline html: sb.Append(html.Tag); break;
            case HtmlEntityInline entity: sb.Append(entity.Transcoded.ToString()); break;
            case AutolinkInline auto: sb.Append(auto.Url); break;
            case ContainerInline container:
                foreach (var child in container) Append(child, sb);
                break;
        }
    }
}
