using System.Text;

namespace ActionPlan.Synth;

/// <summary>
/// Writes an input folder with N items × 5 fiscal years (R4–R8) in the real format: realistic Japanese text,
/// several policies and divisions, plan and result lines with counted indicators. Same N and seed → same bytes.
/// </summary>
public static class SyntheticPlan
{
    private static readonly string[] Subjects = ["公共施設の長寿命化", "窓口業務のデジタル化", "地域公共交通の確保", "子育て支援の充実", "防災体制の強化", "健康づくりの推進",
        "観光資源の活用", "ごみの減量化", "学校給食の安定供給", "市税の収納率向上", "空き家対策の推進", "文化財の保存と活用", "図書館サービスの向上", "農業の担い手確保", "上下水道の経営改善"];
    private static readonly string[] Divisions = ["財政課", "経営戦略課", "総務広報課", "人事法制課", "市民課", "税務課", "商工観光課", "子育て支援課", "健康課", "環境衛生課",
        "都市計画課", "農業振興課", "生涯学習課", "学校教育課", "上下水道課", "防災安全課", "福祉課", "建設課", "文化財課", "関係各課"];
    private static readonly string[] Policies = ["1-1", "1-2", "2", "3"];
    private static readonly (string Name, string Unit, string Kind, decimal Target)[] Indicators =
    [
        ("実施件数", "件", "以上", 20), ("参加者数", "人", "以上", 500), ("事業費", "円", "以下", 150_000_000), ("利用率", "%", "以上", 80),
        ("処理日数", "日", "以下", 10), ("削減額", "円", "以上", 3_600_000), ("点検業務数", "業務", "以上", 100),
    ];

    /// <summary>One synthetic item, shared by the ActionPlan.Site input writer and the Hugo corpus writer.</summary>
    public sealed record SynthItem(int Number, string Name, List<string> Divisions, string Policy, string[] Issues, string Goal, string Tag, List<SynthYear> Years);
    public sealed record SynthYear(int Reiwa, string[] Plan, string[] Results, string Indicator, string Target, string Actual, string Unit, string Kind, int Achievement);

    public static List<SynthItem> Generate(int items, int seed)
    {
        var rng = new Random(seed);
        var list = new List<SynthItem>(items);
        for (var n = 1; n <= items; n++)
        {
            var subject = Subjects[rng.Next(Subjects.Length)];
            var divisions = Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Divisions[rng.Next(Divisions.Length)]).Distinct().ToList();
            var policy = Policies[rng.Next(Policies.Length)];
            string[] issues =
            [
                $"{subject}については、社会情勢の変化や市民ニーズの多様化により、これまで以上に効果的・効率的な取組が求められている。(R2年度決算 約{rng.Next(2, 40)}億円)",
                $"限られた人員と財源の中で、{divisions[0]}を中心に関係各課が連携し、事業の優先順位を見直す必要がある。",
            ];
            var goal = $"令和8年度までに{subject}に関する取組を着実に進め、市民サービスの向上と行政運営の効率化を図る。";
            var years = new List<SynthYear>();
            for (var year = 4; year <= 8; year++)
            {
                var ind = Indicators[rng.Next(Indicators.Length)];
                var goalValue = ind.Target;
                var actual = Math.Round(goalValue * (decimal)(0.5 + rng.NextDouble() * 0.8), ind.Unit == "%" ? 1 : 0);
                var ratio = ind.Kind == "以上" ? actual / goalValue : actual <= goalValue ? 1 : goalValue / actual;
                years.Add(new SynthYear(year,
                    [$"{subject}の推進に向けた事業計画の策定と進行管理", $"{ind.Name}{Format(goalValue, ind.Unit)}{ind.Kind}"],
                    [$"{subject}の推進に向けた事業計画を策定し、進行管理を行った。", $"{ind.Name}{Format(goalValue, ind.Unit)}{ind.Kind}との計画に対し、実績は{Format(actual, ind.Unit)}。(※)"],
                    ind.Name, Format(goalValue, ind.Unit), Format(actual, ind.Unit), ind.Unit, ind.Kind, (int)Math.Floor(Math.Clamp(ratio, 0, 1) * 100 + 0.5m)));
            }
            list.Add(new SynthItem(n, $"{subject}（第{n}号）", divisions, policy, issues, goal, "もっとつながるまち小郡アクションプラン指標", years));
        }
        return list;
    }

    public static void Write(string source, string target, int items, int seed = 1)
    {
        Directory.CreateDirectory(Path.Combine(target, "items"));
        File.Copy(Path.Combine(source, "policies.csv"), Path.Combine(target, "policies.csv"), true);
        // Every synthetic item has results for R4–R8, so this edition reports R8 (the subtitle is derived from it).
        var plan = File.ReadAllText(Path.Combine(source, "plan.md")).Replace("\r\n", "\n");
        plan = string.Join("\n", plan.Split('\n').Where(l => !l.StartsWith("副題:", StringComparison.Ordinal))
            .Select(l => l.StartsWith("実績年度:", StringComparison.Ordinal) ? "実績年度: R8" : l));
        File.WriteAllText(Path.Combine(target, "plan.md"), plan, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(target, "divisions.csv"),
            "名称,URL名,電話,メール,ページ,旧URL名\r\n" + string.Concat(Divisions.Where(d => d != "関係各課").Select((d, i) => $"{d},synth-{i + 1:D2},,,,\r\n")),
            new UTF8Encoding(true));
        Directory.CreateDirectory(Path.Combine(target, "chapters"));
        foreach (var f in Directory.GetFiles(Path.Combine(source, "chapters"))) File.Copy(f, Path.Combine(target, "chapters", Path.GetFileName(f)), true);
        var utf8Bom = new UTF8Encoding(true);
        var width = Math.Max(2, items.ToString().Length);
        foreach (var item in Generate(items, seed))
        {
            var md = new StringBuilder();
            md.Append($"---\n番号: {item.Number}\n項目名: {item.Name}\n担当課:\n");
            foreach (var d in item.Divisions) md.Append($"  - {d}\n");
            md.Append($"実施方針: \"{item.Policy}\"\n---\n\n## 現状・課題\n\n");
            foreach (var issue in item.Issues) md.Append($"- {issue}\n");
            md.Append($"\n## 目標\n\n- {item.Goal} 【{item.Tag}】\n");
            File.WriteAllText(Path.Combine(target, "items", item.Number.ToString("D" + width) + ".md"), md.ToString(), new UTF8Encoding(false));

            var csv = new StringBuilder("年度,区分,内容,指標,目標値,実績値,単位,目標の種類,達成度対象,公表達成度\r\n");
            foreach (var y in item.Years)
            {
                foreach (var line in y.Plan) csv.Append($"R{y.Reiwa},計画,{line},,,,,,,\r\n");
                csv.Append($"R{y.Reiwa},実績,{y.Results[0]},,,,,,,\r\n");
                csv.Append($"R{y.Reiwa},実績,{Q(y.Results[1])},{y.Indicator},{Q(y.Target)},{Q(y.Actual)},{y.Unit},{y.Kind},※,\r\n");
            }
            File.WriteAllText(Path.Combine(target, "items", item.Number.ToString("D" + width) + ".csv"), csv.ToString(), utf8Bom);
        }
    }

    private static string Q(string s) => s.Contains(',') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    private static string Format(decimal value, string unit) => unit == "円" && value >= 100_000_000
        ? (value / 100_000_000m).ToString("0.##") + "億円"
        : unit == "円" && value >= 10_000 ? (value / 10_000m).ToString("#,0.##") + "万円" : value.ToString("#,0.##") + unit;
}
