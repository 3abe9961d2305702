using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ActionPlan.Input;

/// <summary>
/// A Markdown file split into its YAML front matter (between two 「---」 lines) and its body.
/// Values keep their line numbers so every problem can be located.
/// </summary>
public sealed class FrontMatter
{
    public sealed record Entry(string Key, YamlNode Node, int Line);

    private readonly Dictionary<string, Entry> _entries;
    public string Body { get; }
    /// <summary>Number of file lines before the body starts (front matter and its fences).</summary>
    public int BodyLineOffset { get; }
    /// <summary>The line of the closing 「---」, where a missing setting is reported (the same number as the offset).</summary>
    public int ClosingLine => BodyLineOffset;

    private FrontMatter(Dictionary<string, Entry> entries, string body, int offset)
    {
        _entries = entries;
        Body = body;
        BodyLineOffset = offset;
    }

    public IEnumerable<Entry> Entries => _entries.Values.OrderBy(e => e.Line);

    public static FrontMatter? Read(string text, string file, DiagnosticBag diagnostics)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            diagnostics.Error("front-matter-missing", file, 1, null,
                "先頭にフロントマター（「---」で囲んだ項目の設定）がありません。",
                "1行目を「---」にし、設定を書いたあと「---」の行で閉じてください。");
            return null;
        }
        var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (close < 0)
        {
            diagnostics.Error("front-matter-unclosed", file, 1, null,
                "フロントマターが「---」の行で閉じられていません。",
                "設定の最後に「---」だけの行を入れてください。");
            return null;
        }
        for (var i = 1; i < close; i++)
        {
            var l = lines[i];
            if (l.Contains('：') && !l.Contains(':') && !l.TrimStart().StartsWith('-'))
            {
                diagnostics.Error("front-matter-fullwidth-colon", file, i + 1, l.Split('：')[0].Trim(),
                    $"「{l.Trim()}」のコロンが全角「：」です。",
                    $"半角のコロンと空白にしてください: {l.Split('：')[0].Trim()}: {string.Join("：", l.Split('：')[1..]).Trim()}");
                return null;
            }
        }
        var yaml = string.Join('\n', lines[1..close]);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0)
            {
                if (stream.Documents[0].RootNode is not YamlMappingNode map)
                {
                    diagnostics.Error("front-matter-shape", file, 2, null,
                        "フロントマターは「キー: 値」の形で書いてください。", "例: 番号: 5");
                    return null;
                }
                foreach (var (k, v) in map.Children)
                {
                    var key = (k as YamlScalarNode)?.Value ?? "";
                    var line = (int)k.Start.Line + 1;
                    if (entries.ContainsKey(key))
                        diagnostics.Error("front-matter-duplicate-key", file, line, key, $"「{key}」が2回書かれています。", "どちらか一方を消してください。");
                    else
                        entries[key] = new Entry(key, v, line);
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
            var line = ex is YamlException y && y.Start.Line > 0 ? (int)y.Start.Line + 1 : FirstBadLine(lines[1..close]) + 1;
            diagnostics.Error("front-matter-syntax", file, line, null,
                "フロントマターの書き方に誤りがあります（YAMLとして読めません）。",
                "「キー: 値」の形か、コロンの後の空白、引用符の閉じ忘れを確認してください。");
            return null;
        }
        var body = string.Join('\n', lines[(close + 1)..]);
        return new FrontMatter(entries, body, close + 1);
    }

    /// <summary>The first front-matter line whose prefix no longer parses (for parser errors without a position).</summary>
    private static int FirstBadLine(string[] lines)
    {
        for (var n = 1; n <= lines.Length; n++)
        {
            try { new YamlStream().Load(new StringReader(string.Join('\n', lines[..n]))); }
            catch (Exception) { return n; }
        }
        return lines.Length;
    }

    public Entry? Get(string key) => _entries.GetValueOrDefault(key);

    /// <summary>Reports keys not in the allowed set.</summary>
    public void RejectUnknown(IReadOnlyCollection<string> allowed, string file, DiagnosticBag diagnostics)
    {
        foreach (var e in Entries.Where(e => !allowed.Contains(e.Key)))
            diagnostics.Error("front-matter-unknown-key", file, e.Line, e.Key,
                $"「{e.Key}」は使えない設定です。" + (Lookalike.DidYouMean(e.Key, allowed) is { } guess ? guess : ""),
                $"使える設定: {string.Join("、", allowed)}");
    }

    /// <summary>A required single-line text value, reported when missing or not text.</summary>
    public string? RequireText(string key, string file, DiagnosticBag diagnostics, string example)
    {
        var e = Get(key);
        if (e is null)
        {
            diagnostics.Error("front-matter-missing-field", file, ClosingLine, key, $"必須の設定「{key}」がありません。", $"例: {key}: {example}");
            return null;
        }
        if (e.Node is not YamlScalarNode s || string.IsNullOrWhiteSpace(s.Value))
        {
            diagnostics.Error("front-matter-not-text", file, e.Line, key, $"「{key}」には文字を一つ書いてください。", $"例: {key}: {example}");
            return null;
        }
        return s.Value!.Trim();
    }

    /// <summary>A list: either a YAML sequence or one line separated by 「、」 or 「,」.</summary>
    public IReadOnlyList<string>? RequireList(string key, string file, DiagnosticBag diagnostics, string example)
    {
        var e = Get(key);
        if (e is null)
        {
            diagnostics.Error("front-matter-missing-field", file, ClosingLine, key, $"必須の設定「{key}」がありません。", $"例: {key}: {example}");
            return null;
        }
        IEnumerable<string> values = e.Node switch
        {
            YamlSequenceNode seq => seq.Children.Select(c => (c as YamlScalarNode)?.Value ?? ""),
            YamlScalarNode s => (s.Value ?? "").Split(['、', ',', '，']),
            _ => [],
        };
        var list = values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        if (list.Count == 0)
        {
            diagnostics.Error("front-matter-empty-list", file, e.Line, key, $"「{key}」が空です。", $"例: {key}: {example}");
            return null;
        }
        return list;
    }
}
