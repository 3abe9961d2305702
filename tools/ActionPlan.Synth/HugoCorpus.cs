using System.Text;

namespace ActionPlan.Synth;

/// <summary>
/// The same synthetic plan as a Hugo site, for a like-for-like speed comparison: one page per item with the same text,
/// yearly plan/result tables and achievement; the home page and a page per policy and per division listing their items
/// in a table (Hugo taxonomies); the same header, navigation, breadcrumb and footer. Page count and size are comparable.
/// </summary>
public static class HugoCorpus
{
    public static void Write(string target, int items, int seed = 1)
    {
        Directory.CreateDirectory(Path.Combine(target, "content", "items"));
        Directory.CreateDirectory(Path.Combine(target, "layouts", "_default"));
        Directory.CreateDirectory(Path.Combine(target, "layouts", "partials"));
        File.WriteAllText(Path.Combine(target, "hugo.toml"), """
            baseURL = "http://example.invalid/"
            languageCode = "ja"
            title = "小郡市行政経営行動計画"
            disableKinds = ["RSS", "sitemap", "robotsTXT"]
            relativeURLs = true
            [taxonomies]
              division = "divisions"
              policy = "policies"
            """);
        File.WriteAllText(Path.Combine(target, "layouts", "_default", "baseof.html"), """
            <!DOCTYPE html>
            <html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{ .Title }} | {{ site.Title }}</title><link rel="stylesheet" href="{{ "site.css" | relURL }}"></head>
            <body><a class="ap-skip-link" href="#main">本文へ移動</a>
            <header class="ap-header"><p class="ap-header__site"><a href="{{ "/" | relURL }}">{{ site.Title }}</a></p>
            <nav aria-label="サイト内の主なページ"><ul><li><a href="{{ "/" | relURL }}">ホーム</a></li><li><a href="{{ "/divisions/" | relURL }}">担当課から探す</a></li><li><a href="{{ "/policies/" | relURL }}">実施方針</a></li></ul></nav></header>
            <nav class="ap-breadcrumb" aria-label="現在位置"><ol><li><a href="{{ "/" | relURL }}">ホーム</a></li><li>{{ .Title }}</li></ol></nav>
            <main id="main">{{ block "main" . }}{{ end }}</main>
            <footer class="ap-footer"><p>福岡県小郡市（総務広報課）</p><p>公表: 令和6年2月（2024年2月）</p></footer></body></html>
            """);
        File.WriteAllText(Path.Combine(target, "layouts", "partials", "table.html"), """
            <table class="ap-table"><caption>実施項目</caption><thead><tr><th scope="col">番号</th><th scope="col">項目名</th><th scope="col">担当課</th><th scope="col">達成度</th></tr></thead><tbody>
            {{ range . }}<tr><td>No.{{ .Params.number }}</td><th scope="row"><a href="{{ .RelPermalink }}">{{ .Title }}</a></th><td>{{ delimit .Params.divisions "、" }}</td>
            <td><span class="ap-meter"><span>{{ .Params.latest }}%</span><svg viewBox="0 0 100 10" width="100" height="10" aria-hidden="true"><rect width="100" height="10"/><rect width="{{ .Params.latest }}" height="10"/></svg><span>{{ if eq .Params.latest 100 }}達成{{ else }}一部達成{{ end }}</span></span></td></tr>{{ end }}
            </tbody></table>
            """);
        File.WriteAllText(Path.Combine(target, "layouts", "index.html"), """
            {{ define "main" }}<h1>{{ site.Title }}</h1>{{ partial "table.html" (where site.RegularPages "Section" "items") }}{{ end }}
            """);
        File.WriteAllText(Path.Combine(target, "layouts", "_default", "list.html"), """
            {{ define "main" }}<h1>{{ .Title }}</h1>{{ partial "table.html" .Pages }}{{ end }}
            """);
        File.WriteAllText(Path.Combine(target, "layouts", "_default", "terms.html"), """
            {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>（{{ len .Pages }}項目）</li>{{ end }}</ul>{{ end }}
            """);
        File.WriteAllText(Path.Combine(target, "layouts", "_default", "single.html"), """
            {{ define "main" }}<p>実施項目 No.{{ .Params.number }}</p><h1>{{ .Title }}</h1>
            <dl><dt>担当課</dt><dd>{{ range $i, $d := .Params.divisions }}{{ if $i }}、{{ end }}<a href="{{ (printf "/divisions/%s/" ($d | urlize)) | relURL }}">{{ $d }}</a>{{ end }}</dd></dl>
            {{ .Content }}
            <h2 id="years">年度ごとの計画と実績</h2>
            {{ range .Params.years }}<section class="ap-year"><h3>令和{{ .reiwa }}年度</h3><p>年度計画達成度: {{ .achievement }}%</p>
            <h4>実績</h4><ul>{{ range .results }}<li>{{ . }}</li>{{ end }}</ul><h4>計画</h4><ul>{{ range .plan }}<li>{{ . }}</li>{{ end }}</ul></section>{{ end }}
            <h2 id="indicators">指標</h2><table class="ap-table"><caption>指標の目標値と実績値</caption><thead><tr><th scope="col">年度</th><th scope="col">指標</th><th scope="col">目標値</th><th scope="col">実績値</th><th scope="col">単位</th><th scope="col">目標の種類</th></tr></thead><tbody>
            {{ range .Params.years }}<tr><td>令和{{ .reiwa }}年度</td><th scope="row">{{ .indicator }}</th><td>{{ .target }}</td><td>{{ .actual }}</td><td>{{ .unit }}</td><td>{{ .kind }}</td></tr>{{ end }}</tbody></table>
            <h2 id="trend">達成度の推移</h2><svg viewBox="0 0 560 260" role="img"><title>推移</title>{{ range $i, $y := .Params.years }}<circle cx="{{ add 76 (mul $i 111) }}" cy="{{ sub 220 (mul $y.achievement 2) }}" r="6"/>{{ end }}</svg>
            {{ with .PrevInSection }}<a href="{{ .RelPermalink }}">前の項目 {{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">次の項目 {{ .Title }}</a>{{ end }}
            {{ end }}
            """);
        File.WriteAllText(Path.Combine(target, "static-site.css"), "");
        var width = Math.Max(2, items.ToString().Length);
        foreach (var item in SyntheticPlan.Generate(items, seed))
        {
            var sb = new StringBuilder("---\n");
            sb.Append($"title: \"{item.Name}\"\nnumber: {item.Number}\nweight: {item.Number}\nlatest: {item.Years[^1].Achievement}\n");
            sb.Append("divisions: [").Append(string.Join(", ", item.Divisions.Select(d => $"\"{d}\""))).Append("]\n");
            sb.Append($"policies: [\"{item.Policy}\"]\nyears:\n");
            foreach (var y in item.Years)
            {
                sb.Append($"  - reiwa: {y.Reiwa}\n    achievement: {y.Achievement}\n    indicator: \"{y.Indicator}\"\n    target: \"{y.Target}\"\n    actual: \"{y.Actual}\"\n    unit: \"{y.Unit}\"\n    kind: \"{y.Kind}\"\n");
                sb.Append("    plan:\n").Append(string.Concat(y.Plan.Select(p => $"      - \"{p}\"\n")));
                sb.Append("    results:\n").Append(string.Concat(y.Results.Select(r => $"      - \"{r}\"\n")));
            }
            sb.Append("---\n\n## 現状・課題\n\n").Append(string.Concat(item.Issues.Select(i => $"- {i}\n")));
            sb.Append($"\n## 目標\n\n- {item.Goal} 【{item.Tag}】\n");
            File.WriteAllText(Path.Combine(target, "content", "items", item.Number.ToString("D" + width) + ".md"), sb.ToString(), new UTF8Encoding(false));
        }
    }
}
