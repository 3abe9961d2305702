using ActionPlan.Input;
using ActionPlan.Testing;
using static ActionPlan.Testing.TestWorkbook;

namespace ActionPlan.Site.Tests;

/// <summary>
/// Items kept as Excel workbooks through the real `build` and `next-year`: the same site byte for byte as from the
/// CSV files, a broken workbook stops the build and keeps the previous site, next-year writes into the workbook.
/// </summary>
public class WorkbookBuildTests
{
    private static Dictionary<string, byte[]> Build(string input, string output)
    {
        var run = Cli.Invoke("build", "--input", input, "--output", output, "--quiet");
        Assert.True(run.ExitCode == 0, run.Err);
        return Repo.Tree(output);
    }

    private static void ToWorkbook(string csv, Action<List<List<Cell>>>? edit = null)
    {
        var rows = FromCsv(csv);
        edit?.Invoke(rows);
        Write(Path.ChangeExtension(csv, ".xlsx"), rows);
        File.Delete(csv);
    }

    [Fact]
    public void Item5_as_a_workbook_builds_the_same_site_as_the_csv()
    {
        using var dir = Repo.CopyOf();
        var fromCsv = Build(dir["input"], dir["csv-site"]);
        ToWorkbook(dir["input/items/05.csv"]);
        var fromXlsx = Build(dir["input"], dir["xlsx-site"]);
        Assert.Contains("items/05.html", fromCsv.Keys);
        Assert.Empty(Repo.Differences(fromCsv, fromXlsx));
    }

    /// <summary>The variant a staffer gets by typing numbers: 0.7 as 70%, 0.6727 as 67.27%, 8104 with a thousands separator.</summary>
    [Fact]
    public void Numeric_percent_and_separator_formatted_cells_build_the_same_site()
    {
        using var dir = Repo.CopyOf();
        var fromCsv = Build(dir["input"], dir["csv-site"]);
        ToWorkbook(dir["input/items/05.csv"], rows => rows[1][9] = Cell.Num(0.7, builtIn: 9));
        ToWorkbook(dir["input/items/10.csv"], rows =>
        {
            var rate = rows.Single(r => r[3].Text == "マイナンバーカード普及率");
            (rate[4], rate[5], rate[9]) = (Cell.Num(1, builtIn: 9), Cell.Num(0.6727, builtIn: 10), Cell.Num(0.67, "0%"));
        });
        ToWorkbook(dir["input/items/11.csv"], rows =>
        {
            var sns = rows.Single(r => r[3].Text == "SNS年度末フォロワー数");
            (sns[4], sns[5]) = (Cell.Num(8000, builtIn: 3), Cell.Num(8104, "#,##0"));
        });
        var fromXlsx = Build(dir["input"], dir["xlsx-site"]);
        Assert.Empty(Repo.Differences(fromCsv, fromXlsx));
    }

    [Fact]
    public void A_broken_workbook_stops_the_build_and_keeps_the_previous_site()
    {
        using var dir = Repo.CopyOf();
        var before = Build(dir["input"], dir["site"]);
        ToWorkbook(dir["input/items/05.csv"]);
        File.WriteAllBytes(dir["input/items/05.xlsx"], File.ReadAllBytes(dir["input/items/05.xlsx"])[..200]);   // cut short: a half-copied file
        var run = Cli.Invoke("build", "--input", dir["input"], "--output", dir["site"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("items/05.xlsx", run.Err);
        Assert.Contains("xlsx-not-workbook", run.Err);
        Assert.Empty(Repo.Differences(before, Repo.Tree(dir["site"])));
    }

    [Fact]
    public void Next_year_writes_into_the_workbook_an_item_is_kept_in()
    {
        using var dir = Repo.CopyOf();
        // The staffer moved 内容 to the end: next-year puts each value under its own header.
        ToWorkbook(dir["input/items/05.csv"], rows => { foreach (var r in rows) { var text = r[2]; r.RemoveAt(2); r.Add(text); } });
        var run = Cli.Invoke("next-year", "--year", "R5", "--input", dir["input"]);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("No.5: 令和5年度実績の行を3行追加しました（05.xlsx）", run.Out);
        Assert.False(File.Exists(dir["input/items/05.csv"]));

        var loaded = PlanLoader.Load(dir["input"], "input");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var r5 = loaded.Plan!.Items.Single(i => i.Number == 5).Entries.Single(e => e.Year.Reiwa == 5 && e.Kind == ActionPlan.Domain.EntryKind.Result);
        Assert.Equal(["（未記入）返礼品数(900品)", "（未記入）寄附金額(8億円)", "（未記入）返礼品取扱事業者学習会の開催"], r5.Lines.Select(l => l.Text));
        Assert.Contains(loaded.Blockers, b => b.Code == "placeholder-left" && b.File == "input/items/05.xlsx" && b.Line == 12);
    }
}
