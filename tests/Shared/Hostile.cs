using System.Text;

namespace ActionPlan.Testing;

/// <summary>
/// Hostile text placed in every input field staff can write. Each payload, if it ever ran, would set window.__xss
/// or open a dialog; the tests assert it only ever appears as text.
/// </summary>
public static class Hostile
{
    public static readonly string[] Payloads =
    [
        "<script>window.__xss=1;alert(1)</script>",
        "<img src=x onerror=\"window.__xss=1\">",
        "\"><svg onload=\"window.__xss=1\">",
        "'><iframe src=\"javascript:window.__xss=1\"></iframe>",
        "<a href=\"javascript:window.__xss=1\">link</a>",
        "javascript:window.__xss=1",
        "&lt;script&gt;window.__xss=1&lt;/script&gt;",
        "&#60;script&#62;window.__xss=1&#60;/script&#62;",
        "</title><script>window.__xss=1</script>",
        "<style>body{display:none}</style>",
        "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
        "＜script＞window.__xss=1＜/script＞",
        "\u202e<b onmouseover=window.__xss=1>rtl</b>",
        "@(System.IO.File.ReadAllText(\"/etc/passwd\")) @{ throw null; }",
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "]]><!-- --><![CDATA[",
    ];

    /// <summary>A copy of input/ with every payload in every field (one payload per field, rotating).</summary>
    public static Repo.TempDir Input(out int placements)
    {
        var dir = Repo.CopyOf();
        var n = 0;
        string P() => Payloads[n++ % Payloads.Length];
        string Yaml(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        string Csv(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";

        var plan = File.ReadAllText(dir["input/plan.md"]);
        foreach (var key in new[] { "名称", "副題", "自治体", "都道府県", "担当" })
            plan = System.Text.RegularExpressions.Regex.Replace(plan, $"(?m)^{key}: .*$", $"{key}: {Yaml(P())}");
        File.WriteAllText(dir["input/plan.md"], plan);

        var policies = new StringBuilder("コード,上位コード,表記,名称,説明,注記\r\n");
        foreach (var (code, parent) in new[] { ("1", ""), ("1-1", "1"), ("1-2", "1"), ("2", ""), ("3", "") })
            policies.Append($"{code},{parent},{Csv(P())},{Csv(P())},{Csv(P())},{Csv(P())}\r\n");
        File.WriteAllText(dir["input/policies.csv"], policies.ToString(), new UTF8Encoding(true));

        foreach (var chapter in Directory.GetFiles(dir["input/chapters"], "*.md"))
        {
            var text = File.ReadAllText(chapter);
            text = System.Text.RegularExpressions.Regex.Replace(text, "(?m)^題名: .*$", $"題名: {Yaml(P())}");
            text += $"\n{P()}\n\n| {P().Replace("|", "｜")} | {P().Replace("|", "｜")} |\n|:---|---:|\n| a | b |\n\n- {P()}\n";
            File.WriteAllText(chapter, text);
        }

        var divisions = new List<string>();
        foreach (var md in Directory.GetFiles(dir["input/items"], "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(md);
            text = System.Text.RegularExpressions.Regex.Replace(text, "(?m)^項目名: .*$", $"項目名: {Yaml(P())}");
            text = System.Text.RegularExpressions.Regex.Replace(text, "(?m)^  - (.*)$", m =>
            {
                var name = P();
                if (!divisions.Contains(name)) divisions.Add(name);
                return $"  - {Yaml(name)}";
            });
            text = text.Replace("## 現状・課題\n", $"## 現状・課題\n\n### {P()}\n\n- {P()} 【{P().Replace("】", "")}】\n\n※{P()}\n");
            File.WriteAllText(md, text);
        }
        // Every hostile 担当課 is listed in divisions.csv (an unlisted one is refused at load), with a hostile former URL name refused too.
        File.WriteAllText(dir["input/divisions.csv"], "名称,URL名,電話,メール,ページ,旧URL名\r\n" +
            string.Concat(divisions.Select((d, i) => $"{Csv(d)},h{i},0942-72-2111,,https://example.jp/?q={Uri.EscapeDataString(d)},\r\n")), new UTF8Encoding(true));
        foreach (var csv in Directory.GetFiles(dir["input/items"], "*.csv"))
        {
            var text = File.ReadAllText(csv).TrimEnd('\r', '\n');
            text += $"\r\nR6,計画,{Csv(P())},{Csv(P())},8,,{Csv("<b onmouseover=window.__xss=1>")},以上,,\r\n";
            text += $"R6,計画,{Csv("-" + P())},,,,,,,\r\n";
            File.WriteAllText(csv, text, new UTF8Encoding(true));
        }
        placements = n;
        return dir;
    }
}
