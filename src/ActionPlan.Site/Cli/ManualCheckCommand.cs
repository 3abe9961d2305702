using System.Text.RegularExpressions;
using ActionPlan.Domain;
using ActionPlan.Input;
using ActionPlan.Rendering.Site;
using ActionPlan.Site.Output;

namespace ActionPlan.Site.Cli;

/// <summary>
/// 「manual」: the guided human check. For each success criterion a person still has to check (未確認, or checked more
/// than a year ago), it says in plain Japanese what to look at on which pages of this site (found in the built site:
/// pages with images and charts, tables, forms, links), how to check it with a keyboard, the free screen reader NVDA or
/// the browser's zoom, and what counts as a pass (Audit/ManualGuide.txt); the answer (1 適合 / 2 該当なし / 3 不適合,
/// Enter to leave it for later) goes into input/accessibility/manual.csv with the date and the checker's name, after every
/// answer, so nobody edits the CSV by hand and stopping half-way loses nothing.
/// </summary>
public static partial class ManualCheckCommand
{
    public sealed record Guide(string Number, string Where, string How, string Pass);

    /// <summary>The guidance for every criterion, from the program's own file.</summary>
    public static IReadOnlyList<Guide> Guides()
    {
        using var stream = typeof(ManualCheckCommand).Assembly.GetManifestResourceStream("manual-guide.txt")!;
        var text = new StreamReader(stream).ReadToEnd();
        var guides = new List<Guide>();
        foreach (Match m in GuideShape().Matches(text.Replace("\r\n", "\n")))
            guides.Add(new Guide(m.Groups["n"].Value, m.Groups["where"].Value.Trim(), m.Groups["how"].Value.Trim(), m.Groups["pass"].Value.Trim()));
        return guides;
    }

    [GeneratedRegex(@"^\[(?<n>[0-9.]+)\]\n場所: (?<where>.+)\n確かめ方: (?<how>.+)\n合格: (?<pass>.+)$", RegexOptions.Multiline)]
    private static partial Regex GuideShape();

    [GeneratedRegex(@"<form\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex FormTags();

    [GeneratedRegex(@"\shidden(\s|=|>|/)", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenAttribute();

    public static int Run(Options o, TextReader stdin, TextWriter stdout, TextWriter stderr, DateOnly today)
    {
        if (!File.Exists(Path.Combine(o.Output, SiteWriter.ManifestName)))
        {
            stderr.WriteLine($"エラー: 「{o.Output}」に、このツールで作ったサイトがありません。先に build を実行してください（確認するページを、作ったサイトから探します）。");
            return ExitCodes.Usage;
        }
        var loaded = PlanLoader.Load(o.Input, o.Input);
        if (loaded.Plan is null)
        {
            foreach (var e in loaded.Errors) stderr.WriteLine(e.Format());
            stderr.WriteLine("入力にエラーがあります。先に直してから、もう一度実行してください。");
            return ExitCodes.DataError;
        }
        var plan = loaded.Plan;
        var checks = (plan.Accessibility ?? AccessibilityRecord.None).Manual.ToList();
        var pages = PagesByKind(o.Output);
        bool Needs(string criterion) => checks.LastOrDefault(m => m.Criterion == criterion) is not { Result: not CheckResult.Unchecked } last
            || (plan.Info.PublicationKnown && AccessibilityChecklist.IsDue(last.Date, plan.Info.PublishedYear, plan.Info.PublishedMonth));
        var todo = Guides().Where(g => Needs(g.Number)).ToList();
        if (todo.Count == 0)
        {
            stdout.WriteLine("人による確認が必要な達成基準はありません（38項目すべて確認済みで、1年以内です）。");
            return ExitCodes.Ok;
        }
        stdout.WriteLine($"人による確認を始めます。確認が必要な達成基準は{todo.Count}項目です。");
        stdout.WriteLine("サイトはプレビュー（プログラムをダブルクリック、または serve）で開いておき、ブラウザとNVDA（Windowsの無料の読み上げソフト）を使います。");
        stdout.Write("確認する人の名前を入力してください: ");
        var name = stdin.ReadLine()?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            stderr.WriteLine("エラー: 名前がありません。試験結果のページに確認者として載るため、名前を入れてから始めてください。");
            return ExitCodes.Usage;
        }
        var recorded = 0;
        var criteria = Wcag20.All.ToDictionary(c => c.Number);
        for (var i = 0; i < todo.Count; i++)
        {
            var g = todo[i];
            var c = criteria[g.Number];
            stdout.WriteLine();
            stdout.WriteLine($"【{i + 1}/{todo.Count}】 {c.Number} {c.Name}（レベル{c.Level}）");
            stdout.WriteLine($"  見るページ: {Where(g.Where, pages)}");
            stdout.WriteLine($"  確かめ方: {g.How}");
            stdout.WriteLine($"  合格とする条件: {g.Pass}");
            stdout.Write("  結果を入力してください（1 適合／2 該当なし／3 不適合／何も入れずにEnter あとで）: ");
            var answer = stdin.ReadLine();
            if (answer is null) break;   // the input ended: what was answered is kept
            var result = answer.Trim() switch { "1" or "１" => CheckResult.Conforms, "2" or "２" => CheckResult.NotApplicable, "3" or "３" => CheckResult.Fails, _ => CheckResult.Unchecked };
            if (result == CheckResult.Unchecked) { stdout.WriteLine("  あとで確認します（未確認のまま）。"); continue; }
            var note = "手引きに沿って確認";
            if (result == CheckResult.Fails)
            {
                stdout.Write("  満たしていない所（ページと内容）を書いてください: ");
                note = stdin.ReadLine()?.Trim() is { Length: > 0 } written ? written : "不適合（内容未記入）";
            }
            checks.Add(new ManualCheck(c.Number, result, today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), name, note));
            AccessibilityFiles.WriteManual(o.Input, checks);
            recorded++;
        }
        stdout.WriteLine();
        var rows = AccessibilityChecklist.Rows(new AccessibilityRecord((plan.Accessibility ?? AccessibilityRecord.None).Audit, checks));
        var left = rows.Count(r => r.Result == CheckResult.Unchecked);
        stdout.WriteLine($"{recorded}項目を input/accessibility/manual.csv に記録しました。build を実行すると「試験結果」のページに反映されます。");
        stdout.WriteLine(AccessibilityChecklist.Of(rows) switch
        {
            AccessibilityChecklist.Conformance.Conforms => "38項目すべてが確認済みで、不適合はありません。試験結果のページは「準拠」になります。",
            AccessibilityChecklist.Conformance.PartiallyConforms => "38項目すべてが確認済みですが、不適合があります。試験結果のページは「一部準拠」になります。直したら、もう一度 manual で確認してください。",
            _ => $"未確認の達成基準が{left}項目残っています。続きは、もう一度 manual を実行すると、そこから始まります。",
        });
        return ExitCodes.Ok;
    }

    /// <summary>Where each kind of content is in the built site: up to three pages each, and how many more.</summary>
    private static Dictionary<string, List<string>> PagesByKind(string output)
    {
        var kinds = new Dictionary<string, List<string>> { ["images"] = [], ["tables"] = [], ["forms"] = [], ["links"] = [], ["all"] = [] };
        foreach (var file in Directory.GetFiles(output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var html = File.ReadAllText(file);
            if (html.Contains("http-equiv=\"refresh\"", StringComparison.Ordinal)) continue;
            var path = Path.GetRelativePath(output, file).Replace('\\', '/');
            kinds["all"].Add(path);
            if (html.Contains("<svg", StringComparison.Ordinal)) kinds["images"].Add(path);
            if (html.Contains("<table", StringComparison.Ordinal)) kinds["tables"].Add(path);
            // A form shown without a script (the header's search box is hidden until one runs) is a form staff check by hand.
            if (FormTags().Matches(html).Any(m => !HiddenAttribute().IsMatch(m.Value)) || path == Slugs.Search) kinds["forms"].Add(path);
            if (html.Contains("<a ", StringComparison.Ordinal)) kinds["links"].Add(path);
        }
        return kinds;
    }

    private static string Where(string kind, Dictionary<string, List<string>> pages)
    {
        var list = pages.GetValueOrDefault(kind) ?? pages["all"];
        var label = kind switch { "images" => "グラフや達成度の棒があるページ", "tables" => "表があるページ", "forms" => "検索など入力欄があるページ", "links" => "リンクがあるページ", _ => "すべてのページ" };
        if (list.Count == 0) return label + "（このサイトにはありません。「該当なし」になります）";
        // The pages a person recognises first: the search page, the index, an item's page; then the rest.
        static int Rank(string p) => p == Slugs.Search ? 0 : p == Slugs.Home ? 1 : p.StartsWith(Slugs.Item(1)[..Slugs.Item(1).IndexOf('/')], StringComparison.Ordinal) ? 2 : 3;
        var shown = list.OrderBy(Rank).ThenBy(p => p, StringComparer.Ordinal).Take(3).ToList();
        return $"{label}: {string.Join("、", shown)}" + (list.Count > shown.Count ? $" ほか{list.Count - shown.Count}ページ" : "");
    }
}
