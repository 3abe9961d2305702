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
            <nav class="ap-header__nav" aria-label="サイト内の主なページ"><ul class="ap-header__list"><li class="ap-header__item"><a class="ap-header__nav-link" href="{{ "/" | relURL }}">ホーム</a></li><li class="ap-header__item"><a class="ap-header__nav-link" href="{{ "/" | relURL }}">計画について</a></li><li class="ap-header__item"><a class="ap-header__nav-link" href="{{ "/policies/" | relURL }}">実施方針</a></li><li class="ap-header__item"><a class="ap-header__nav-link" href="{{ "/divisions/" | relURL }}">担当課から探す</a></li><li class="ap-header__item"><a class="ap-header__nav-link" href="{{ "/" | relURL }}">オープンデータ</a></li><li class="ap-header__item"><a class="ap-header__nav-link" href="{{ "/" | relURL }}">アクセシビリティ</a></li></ul></nav></header>
            <nav class="ap-breadcrumb" aria-label="現在位置"><ol><li><a href="{{ "/" | relURL }}">ホーム</a></li><li>{{ .Title }}</li></ol></nav>
            <main id="main">{{ block "main" . }}{{ end }}</main>
            <footer class="ap-footer"><div class="ap-width-container"><p class="ap-footer__owner">福岡県小郡市（総務広報課）</p><p class="ap-footer__published">公表: 令和6年2月（2024年2月）</p><ul class="ap-footer__links"><li><a href="{{ "/" | relURL }}">ウェブアクセシビリティ方針</a></li><li><a href="{{ "/" | relURL }}">オープンデータ</a></li></ul></div></footer></body></html>
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
            {{ define "main" }}<p class="ap-caption">実施項目 No.{{ .Params.number }}</p>
            <h1 class="ap-heading-xl">{{ .Title }}</h1>
            <dl class="ap-summary-list">
              <div class="ap-summary-list__row"><dt class="ap-summary-list__key">担当課</dt><dd class="ap-summary-list__value">{{ range $i, $d := .Params.divisions }}{{ if $i }}、{{ end }}<a href="{{ (printf "/divisions/%s/" ($d | urlize)) | relURL }}">{{ $d }}</a>{{ end }}</dd></div>
              <div class="ap-summary-list__row"><dt class="ap-summary-list__key">実施方針</dt><dd class="ap-summary-list__value">{{ range .Params.policies }}<a href="{{ (printf "/policies/%s/" (. | urlize)) | relURL }}">{{ . }}</a>{{ end }}</dd></div>
              <div class="ap-summary-list__row"><dt class="ap-summary-list__key">令和8年度の達成度</dt><dd class="ap-summary-list__value"><span class="ap-meter ap-meter--partial">
              <span class="ap-meter__value">{{ .Params.latest }}%</span>
              <svg class="ap-meter__bar" viewBox="0 0 100 10" width="100" height="10" aria-hidden="true" focusable="false"><rect class="ap-meter__track" x="0" y="0" width="100" height="10"/><rect class="ap-meter__fill" x="0" y="0" width="{{ .Params.latest }}" height="10"/></svg>
              <span class="ap-meter__words">{{ if eq .Params.latest 100 }}達成{{ else }}一部達成{{ end }}</span></span></dd></div>
            </dl>
            <nav class="ap-contents" aria-labelledby="contents-title"><h2 class="ap-contents__title" id="contents-title">このページの内容</h2>
              <ul class="ap-contents__list"><li><a href="#issues">現状・課題</a></li><li><a href="#goals">目標</a></li><li><a href="#years">年度ごとの計画と実績</a></li><li><a href="#indicators">指標</a></li><li><a href="#trend">達成度の推移</a></li></ul></nav>
            <div class="ap-section">{{ .Content }}</div>
            <h2 class="ap-heading-l" id="years">年度ごとの計画と実績</h2>
            <p class="ap-hint">（※）の付いた実績の指標が、その年度の年度計画達成度の計算対象です。</p>
            {{ range .Params.years }}<section class="ap-year" aria-labelledby="year-r{{ .reiwa }}">
              <h3 class="ap-year__heading" id="year-r{{ .reiwa }}">令和{{ .reiwa }}年度（{{ add 2018 .reiwa }}年度）</h3>
              <p class="ap-year__achievement">年度計画達成度: <span class="ap-meter ap-meter--partial">
              <span class="ap-meter__value">{{ .achievement }}%</span>
              <svg class="ap-meter__bar" viewBox="0 0 100 10" width="100" height="10" aria-hidden="true" focusable="false"><rect class="ap-meter__track" x="0" y="0" width="100" height="10"/><rect class="ap-meter__fill" x="0" y="0" width="{{ .achievement }}" height="10"/></svg>
              <span class="ap-meter__words">{{ if eq .achievement 100 }}達成{{ else }}一部達成{{ end }}</span></span></p>
              <h4 class="ap-year__kind">実績</h4><ul class="ap-year__list">{{ range .results }}<li class="ap-year__line">{{ . }}</li>{{ end }}</ul>
              <h4 class="ap-year__kind">計画</h4><ul class="ap-year__list">{{ range .plan }}<li class="ap-year__line">{{ . }}</li>{{ end }}</ul>
            </section>{{ end }}
            <h2 class="ap-heading-l" id="indicators">指標</h2>
            <section class="ap-table-scroll" aria-labelledby="indicator-caption" tabindex="0"><table class="ap-table ap-indicator-table"><caption class="ap-table__caption" id="indicator-caption">指標の目標値と実績値</caption>
            <thead><tr><th scope="col" class="ap-table__header">年度</th><th scope="col" class="ap-table__header">指標</th><th scope="col" class="ap-table__header ap-table__header--numeric">目標値</th><th scope="col" class="ap-table__header ap-table__header--numeric">実績値</th><th scope="col" class="ap-table__header">単位</th><th scope="col" class="ap-table__header">目標の種類</th><th scope="col" class="ap-table__header ap-table__header--numeric">比率</th><th scope="col" class="ap-table__header">達成度対象</th></tr></thead><tbody>
            {{ range .Params.years }}<tr><td class="ap-table__cell">令和{{ .reiwa }}年度実績</td><th scope="row" class="ap-table__cell ap-indicator-table__name">{{ .indicator }}</th><td class="ap-table__cell ap-table__cell--numeric"><span class="ap-figure">{{ .target }}</span></td><td class="ap-table__cell ap-table__cell--numeric"><span class="ap-figure">{{ .actual }}</span></td><td class="ap-table__cell">{{ .unit }}</td><td class="ap-table__cell">{{ .kind }}</td><td class="ap-table__cell ap-table__cell--numeric">{{ .achievement }}.0%</td><td class="ap-table__cell">※ 対象</td></tr>
            {{ end }}</tbody></table></section>
            <h2 class="ap-heading-l" id="trend">達成度の推移</h2>
            <figure class="ap-chart"><svg class="ap-chart__svg" viewBox="0 0 560 260" role="img" aria-labelledby="chart-title chart-desc"><title id="chart-title">No.{{ .Params.number }}の年度計画達成度の推移</title><desc id="chart-desc">{{ range .Params.years }}令和{{ .reiwa }}年度 {{ .achievement }}%、{{ end }}</desc>
            {{ range $p := (slice 0 25 50 75 100) }}<line class="ap-chart__grid" x1="56" x2="540" y1="{{ sub 220 (mul $p 2) }}" y2="{{ sub 220 (mul $p 2) }}"/><text class="ap-chart__axis-label" x="48" y="{{ sub 225 (mul $p 2) }}" text-anchor="end">{{ $p }}%</text>
            {{ end }}{{ range $i, $y := .Params.years }}<text class="ap-chart__axis-label" x="{{ add 76 (mul $i 111) }}" y="244" text-anchor="middle">R{{ $y.reiwa }}</text><circle class="ap-chart__point" cx="{{ add 76 (mul $i 111) }}" cy="{{ sub 220 (mul $y.achievement 2) }}" r="6"/><text class="ap-chart__value" x="{{ add 76 (mul $i 111) }}" y="{{ sub 210 (mul $y.achievement 2) }}" text-anchor="middle">{{ $y.achievement }}%</text>
            {{ end }}</svg><figcaption class="ap-chart__caption">No.{{ .Params.number }}の年度計画達成度の推移（同じ数値を下の表にも示しています）</figcaption></figure>
            <div class="ap-table-scroll"><table class="ap-table ap-chart__table"><caption class="ap-table__caption">年度ごとの年度計画達成度</caption><thead><tr><th scope="col" class="ap-table__header">年度</th><th scope="col" class="ap-table__header ap-table__header--numeric">年度計画達成度</th></tr></thead><tbody>
            {{ range .Params.years }}<tr><th scope="row" class="ap-table__cell ap-chart__year">令和{{ .reiwa }}年度（{{ add 2018 .reiwa }}年度）</th><td class="ap-table__cell ap-table__cell--numeric">{{ .achievement }}%</td></tr>
            {{ end }}</tbody></table></div>
            <nav class="ap-pager" aria-label="前後の実施項目"><ul class="ap-pager__list">{{ with .PrevInSection }}<li class="ap-pager__item ap-pager__item--previous"><a class="ap-pager__link" href="{{ .RelPermalink }}" rel="prev"><span class="ap-pager__label">前の項目</span> No.{{ .Params.number }} {{ .Title }}</a></li>{{ end }}
            {{ with .NextInSection }}<li class="ap-pager__item ap-pager__item--next"><a class="ap-pager__link" href="{{ .RelPermalink }}" rel="next"><span class="ap-pager__label">次の項目</span> No.{{ .Params.number }} {{ .Title }}</a></li>{{ end }}
            <li class="ap-pager__item ap-pager__item--home"><a class="ap-pager__link" href="{{ "/" | relURL }}">実施項目の一覧に戻る</a></li></ul></nav>
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
