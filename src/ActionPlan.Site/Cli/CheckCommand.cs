using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ActionPlan.Domain;
using ActionPlan.Input;
using ActionPlan.Site.Pipeline;

namespace ActionPlan.Site.Cli;

/// <summary>
/// 「check」: load, validate, compute every achievement and compare it with the published figure (公表値).
/// Exit 0 when clean; 1 on any error or any disagreement, which is named.
/// </summary>
public static class CheckCommand
{
    /// <param name="Missing">The edition's reporting year (実績年度) has no results for this item: 実績未登録.</param>
    /// <param name="Grade">The year's grade on the plan's scale (computed, or given by staff), or 評価不能; null when none.</param>
    /// <param name="Staff">The grade staff gave on the plan's 職員の評価 scale, when it declares one.</param>
    public sealed record Row(int Number, string Name, FiscalYear Year, Achievement Computed, PublishedAchievement? Published, Agreement Agreement, bool Missing = false, string? Grade = null,
        string? Staff = null);

    /// <summary>One row per item and year with results, plus a 実績未登録 row for an item without results for the reporting year.</summary>
    public static IReadOnlyList<Row> Rows(EvaluatedPlan plan) =>
        plan.Items.SelectMany(evaluation =>
        {
            var item = evaluation.Item;
            var rows = evaluation.WithResults.Select(y => new Row(item.Number, item.Name, y.Year, y.Computed, y.Published, y.Agreement,
                Grade: y.Grade?.Word ?? (y.Status == AchievementStatus.NotRatable ? y.NotRatableWord ?? "評価不能" : null), Staff: y.Staff?.Word)).ToList();
            if (!evaluation.For(plan.ReportingYear).HasResults)
                rows.Add(new Row(item.Number, item.Name, plan.ReportingYear, Achievement.None, null, Agreement.NotPublished, Missing: true));
            return rows;
        })
        .OrderBy(r => r.Number).ThenBy(r => r.Year)
        .ToList();

    public static int Run(Options o, TextWriter stdout, TextWriter stderr)
    {
        var result = Compute.Run(PlanLoader.Load(o.Input, o.Input));
        var rows = result.Plan is null ? [] : Rows(result.Plan);
        var exit = result.HasErrors || result.Blockers.Count > 0 ? ExitCodes.DataError : ExitCodes.Ok;

        if (o.Format == "json")
        {
            stdout.WriteLine(Json(result, rows, exit));
            return exit;
        }
        foreach (var diagnostic in result.Diagnostics)
            stderr.WriteLine(diagnostic.Format());
        if (result.Plan is null)
        {
            stderr.WriteLine($"入力にエラーが{result.Diagnostics.Count(d => d.Severity == Severity.Error)}件あります。上のメッセージの場所を直してから、もう一度実行してください。");
            return exit;
        }
        WriteTable(rows, stdout);
        if (result.Plan.Plan.Info.Form.Tally is { } tally && tally.Of(result.Plan.Items.Select(i => i.For(result.Plan.ReportingYear))) is { Percent: { } percent } counted)
            stdout.WriteLine($"{result.Plan.ReportingYear.Japanese}の{tally.Name}: {percent.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}%（{counted.Of}{(tally.Over == TallyOver.Indicators ? "指標" : "項目")}中{counted.Counted}{(tally.Over == TallyOver.Indicators ? "指標" : "項目")}が{string.Join("・", tally.Grades)}）");
        var missing = rows.Where(r => r.Missing).ToList();
        if (missing.Count > 0)
            stdout.WriteLine($"{result.Plan.ReportingYear.Japanese}の実績未登録: " + string.Join("、", missing.Select(r => $"No.{r.Number} {r.Name}")));
        if (!o.Quiet)
            stdout.WriteLine(exit == 0
                ? $"OK: {result.Plan.Items.Count}項目、計算した達成度はすべて公表値と一致し、公開できない問題はありません（{BuildCommand.Counts(result.Diagnostics)}）。"
                : $"NG: 公開できない問題があります（{BuildCommand.Counts(result.Diagnostics)}）。上の「公開不可」の行を直してください。");
        return exit;
    }

    private static void WriteTable(IReadOnlyList<Row> rows, TextWriter w)
    {
        const int nameWidth = 30;
        // A plan with its own 職員の評価 scale gets a column for the grade staff gave, beside the computed one.
        var staff = rows.Any(r => r.Staff is not null);
        string StaffCell(Row r) => staff ? Text.PadRight(Text.Truncate(r.Staff ?? "", 6), 6) + "  " : "";
        w.WriteLine($"{Text.PadLeft("No.", 5)}  {Text.PadRight("項目名", nameWidth)}  {Text.PadRight("年度", 10)}  {Text.PadLeft("計算値", 6)}  {Text.PadRight("評価", 8)}  {(staff ? Text.PadRight("担当課", 6) + "  " : "")}{Text.PadLeft("公表値", 6)}  照合");
        foreach (var r in rows)
        {
            var year = r.Year == default ? "—" : r.Year.Japanese;
            var agreement = r.Missing ? "実績未登録" : r.Agreement switch
            {
                Agreement.Agrees => "一致",
                Agreement.Disagrees => "不一致",
                _ => "公表値なし",
            };
            w.WriteLine($"{Text.PadLeft(r.Number.ToString(), 5)}  {Text.PadRight(Text.Truncate(r.Name, nameWidth), nameWidth)}  {Text.PadRight(year, 10)}  {Text.PadLeft(r.Computed.Display, 6)}  {Text.PadRight(Text.Truncate(r.Grade ?? "", 8), 8)}  {StaffCell(r)}{Text.PadLeft(r.Published?.Display ?? "", 6)}  {agreement}");
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    private static string Json(Computed result, IReadOnlyList<Row> rows, int exit) => JsonSerializer.Serialize(new
    {
        ok = exit == 0,
        exitCode = exit,
        items = rows.Select(r => new
        {
            number = r.Number,
            name = r.Name,
            year = r.Year == default ? null : r.Year.Short,
            fiscalYear = r.Year == default ? (int?)null : r.Year.Western,
            computed = r.Computed.Percent,
            grade = r.Grade,
            staffGrade = r.Staff,
            published = r.Published?.Percent,
            publishedGiven = r.Published is not null,
            agreement = r.Missing ? "no-results" : r.Agreement switch { Agreement.Agrees => "agrees", Agreement.Disagrees => "disagrees", _ => "not-published" },
        }),
        diagnostics = result.Diagnostics.Select(d => new
        {
            severity = Diagnostic.Key(d.Severity),
            code = d.Code,
            file = d.File,
            line = d.Line,
            field = d.Field,
            message = d.Message,
            hint = d.Hint,
        }),
    }, JsonOptions);
}
