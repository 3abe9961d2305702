using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ActionPlan.Rendering;
using ActionPlan.Rendering.OpenData;
using ActionPlan.Rendering.Site;

namespace ActionPlan.Site.Pipeline;

/// <summary>
/// What a build changed against the previous output: pages added, changed and removed, and the same in the
/// plan's own terms (「No.5 令和5年度実績を追加（達成度 80%）」「No.10 令和4年度の達成度 67% → 72%」), read from the
/// previous and new opendata/plan.json (the typed <see cref="OpenDataPlan"/> the writer writes) so no extra state is kept.
/// </summary>
public sealed record ChangeReport(IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed, IReadOnlyList<string> PlanChanges)
{
    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;
    public bool IsFirstBuild { get; init; }

    /// <summary>Compares two whole sites held in memory.</summary>
    public static ChangeReport Compare(IReadOnlyList<OutputFile> previous, IReadOnlyList<OutputFile> current)
    {
        var before = previous.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).ToDictionary(f => f.Path, f => f.Content);
        var after = current.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).ToDictionary(f => f.Path, f => f.Content);
        var added = after.Keys.Where(p => !before.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        var removed = before.Keys.Where(p => !after.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        var changed = after.Keys.Where(p => before.TryGetValue(p, out var b) && !b.AsSpan().SequenceEqual(after[p])).Order(StringComparer.Ordinal).ToList();
        return From(added, changed, removed, Json(previous), Json(current), previous.Count == 0);
    }

    /// <summary>The report of a streamed build: the writer's page lists and the previous and new plan.json.</summary>
    public static ChangeReport From(IReadOnlyList<string> added, IReadOnlyList<string> changed, IReadOnlyList<string> removed, byte[]? previousJson, byte[]? currentJson, bool firstBuild)
    {
        // The new plan.json is read back only when there is a previous one to compare it with (a large plan's is megabytes).
        var before = OpenDataJson.Read(previousJson);
        return new(added, changed, removed, before is null ? [] : PlanDiff(before, OpenDataJson.Read(currentJson))) { IsFirstBuild = firstBuild };
    }

    private static byte[]? Json(IReadOnlyList<OutputFile> files) => files.FirstOrDefault(f => f.Path == OpenDataWriterPaths.Json)?.Content;

    private static string Pct(int? p) => p is { } v ? $"{v}%" : "—";

    /// <summary>「評価 B → A」 when both editions graded the year and the grade changed (files before grades were published have none).</summary>
    private static string GradeChange(OpenDataYear before, OpenDataYear after, string shape) =>
        before.Grade is { } b && after.Grade is { } a && b != a ? string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, b, a) : "";

    private static string LinesHash(OpenDataYear year) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { year.Plan, year.Results }, OpenDataJson.Options)));

    private static IReadOnlyList<string> PlanDiff(OpenDataPlan? a, OpenDataPlan? b)
    {
        if (a is null || b is null) return [];
        var before = a.Items.ToDictionary(i => i.Number);
        var after = b.Items.Select(i => i.Number).ToHashSet();
        var lines = new List<string>();
        foreach (var item in b.Items.OrderBy(i => i.Number))
        {
            if (!before.TryGetValue(item.Number, out var old)) { lines.Add($"No.{item.Number} {item.Name} を追加"); continue; }
            var oldYears = old.Years.ToDictionary(y => y.Year);
            foreach (var state in item.Years.OrderBy(y => y.Year))
            {
                oldYears.TryGetValue(state.Year, out var prev);
                var has = state.Results is not null;
                var had = prev?.Results is not null;
                if (has && !had)
                    lines.Add($"No.{item.Number} {state.Label}実績を追加（達成度 {Pct(state.Achievement)}）");
                else if (prev is not null && had && !has)
                    lines.Add($"No.{item.Number} {state.Label}実績を削除");
                else if (prev is not null && prev.Achievement != state.Achievement)
                    lines.Add($"No.{item.Number} {state.Label}の達成度 {Pct(prev.Achievement)} → {Pct(state.Achievement)}" + GradeChange(prev, state, "（評価 {0} → {1}）"));
                else if (prev is not null && prev.Grade is not null && state.Grade is not null && prev.Grade != state.Grade)
                    lines.Add($"No.{item.Number} {state.Label}の" + GradeChange(prev, state, "評価 {0} → {1}"));
                else if (prev is null)
                    lines.Add($"No.{item.Number} {state.Label}計画を追加");
                else if (LinesHash(prev) != LinesHash(state))
                    lines.Add($"No.{item.Number} {state.Label}の計画・実績の文を変更");
                // A grade staff gave on a scale of its own (職員の評価) is reported apart; on the plan's scale it is the year's grade above.
                if (prev?.GivenGrade is { } gb && state.GivenGrade is { } ga && gb != ga && (state.Grade != ga || prev.Grade != gb))
                    lines.Add($"No.{item.Number} {state.Label}の担当課の評価 {gb} → {ga}");
            }
        }
        foreach (var item in a.Items.Where(i => !after.Contains(i.Number)).OrderBy(i => i.Number))
            lines.Add($"No.{item.Number} {item.Name} を削除");
        return lines;
    }

    /// <summary>The report; <paramref name="maxPages"/> limits the page list (the console), the file has it all.</summary>
    public string Format(int? maxPages = null)
    {
        var sb = new StringBuilder();
        if (IsFirstBuild) { sb.Append("前回の出力がないため、すべてのページを新しく作成しました。\n"); return sb.ToString(); }
        if (IsEmpty) { sb.Append("前回の出力から変更はありません。\n"); return sb.ToString(); }
        foreach (var line in PlanChanges) sb.Append("・").Append(line).Append('\n');
        sb.Append($"ページ: 追加{Added.Count}・変更{Changed.Count}・削除{Removed.Count}\n");
        var pages = Added.Select(p => "  + " + p).Concat(Changed.Select(p => "  ~ " + p)).Concat(Removed.Select(p => "  - " + p)).ToList();
        var shown = maxPages is { } max ? pages.Take(max).ToList() : pages;
        foreach (var line in shown) sb.Append(line).Append('\n');
        if (shown.Count < pages.Count) sb.Append($"  …ほか{pages.Count - shown.Count}ページ（すべての一覧は出力フォルダの隣の .changes.txt にあります）\n");
        return sb.ToString();
    }

    /// <summary>The report file for reviewers, next to (not inside) the published folder: _site.changes.txt.</summary>
    public static string PathBeside(string output) => Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar) + ".changes.txt";

    public static void WriteBeside(string output, ChangeReport report)
    {
        try { File.WriteAllText(PathBeside(output), report.Format(), new UTF8Encoding(false)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }
}
