using System.Text;
using ActionPlan.Input;
using ActionPlan.Rendering;
using ActionPlan.Site.Pipeline;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>The PR division's cycle: next year's results, the change report, and what a new year changes on the site.</summary>
public class UpdateCycleTests
{
    private static string Fixture => Path.Combine(Repo.Root, "tests", "ActionPlan.Site.Tests", "Fixtures", "r5-results");

    /// <summary>input/ with the invented R5 results of the fixture laid over it.</summary>
    private static Repo.TempDir WithR5()
    {
        var dir = Repo.CopyOf();
        Repo.Copy(Fixture, dir["input"]);
        File.Delete(dir["input/README.md"]);
        return dir;
    }

    private static string Text(IReadOnlyList<OutputFile> files, string path) => Encoding.UTF8.GetString(files.Single(f => f.Path == path).Content);

    [Fact]
    public void The_index_switches_to_the_latest_year_with_results()
    {
        using var dir = WithR5();
        var site = SiteBuild.Render(dir["input"]);
        var index = Text(site, "index.html");
        Assert.Contains("令和5年度（2023年度）実績のまとめ", index);
        Assert.Contains("令和5年度の達成度", index);
        Assert.DoesNotContain("令和4年度（2022年度）実績のまとめ", index);
        Assert.Contains("<span class=\"ap-meter__value\">80%</span>", index);
    }

    [Fact]
    public void Item_pages_show_both_years_and_the_chart_has_two_points()
    {
        using var dir = WithR5();
        var site = SiteBuild.Render(dir["input"]);
        var page = Text(site, "items/05.html");
        Assert.Contains("id=\"year-r4\"", page);
        Assert.Contains("id=\"year-r5\"", page);
        Assert.Contains("実績は6.4億円。(※)", page);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(page, "<circle class=\"ap-chart__point\"").Count);
        Assert.Contains("<polyline class=\"ap-chart__line\" points=\"76,80 187,60\"/>", page);
        Assert.Contains("令和4年度（2022年度） 70%、令和5年度（2023年度） 80%", page);
        var no15 = Text(site, "items/15.html");
        Assert.Contains("計算した達成度（95%）は公表値（96%）と異なります", no15);
    }

    [Fact]
    public void A_new_year_changes_only_the_pages_that_show_it()
    {
        using var dir = WithR5();
        var before = SiteBuild.Real.ToDictionary(f => f.Path, f => f.Content);
        var after = SiteBuild.Render(dir["input"]).ToDictionary(f => f.Path, f => f.Content);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        var unchanged = before.Keys.Where(p => before[p].AsSpan().SequenceEqual(after[p])).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["404.html", "accessibility-results.html", "accessibility.html", "assets/search.js", "assets/site.css", "divisions/index.html", "feed.xml", "glossary.html",
                      "opendata/dictionary.csv", "opendata/index.html", "plan/1.html", "plan/2.html", "plan/3.html", "robots.txt", "updates.html"], unchanged);
    }

    [Fact]
    public void The_change_report_speaks_in_the_plans_terms()
    {
        using var dir = WithR5();
        var report = ChangeReport.Compare(SiteBuild.Real, SiteBuild.Render(dir["input"]));
        Assert.Contains("No.5 令和5年度実績を追加（達成度 80%）", report.PlanChanges);
        Assert.Contains("No.10 令和5年度実績を追加（達成度 72%）", report.PlanChanges);
        Assert.Equal(4, report.PlanChanges.Count);
        Assert.DoesNotContain(report.PlanChanges, l => l.StartsWith("No.2 "));
        Assert.Contains("items/05.html", report.Changed);
        Assert.Empty(report.Added);
        Assert.Empty(report.Removed);

        using var edited = Repo.CopyOf();
        File.WriteAllText(edited["input/items/10.csv"], File.ReadAllText(edited["input/items/10.csv"]).Replace("100%,67.27%", "100%,72.4%"));
        var change = ChangeReport.Compare(SiteBuild.Real, SiteBuild.Render(edited["input"]));
        Assert.Equal(["No.10 令和4年度の達成度 67% → 72%"], change.PlanChanges);
        Assert.Contains("・No.10 令和4年度の達成度 67% → 72%", change.Format());
    }

    [Fact]
    public void The_change_report_lists_added_and_removed_pages()
    {
        using var dir = Repo.CopyOf();
        File.Move(dir["input/items/16.md"], dir["input/items/17.md"]);
        File.Move(dir["input/items/16.csv"], dir["input/items/17.csv"]);
        File.WriteAllText(dir["input/items/17.md"], File.ReadAllText(dir["input/items/17.md"]).Replace("番号: 16", "番号: 17"));
        var report = ChangeReport.Compare(SiteBuild.Real, SiteBuild.Render(dir["input"]));
        Assert.Equal(["items/17.html"], report.Added);
        Assert.Equal(["items/16.html"], report.Removed);
        Assert.Contains("No.17 定員の適正管理 を追加", report.PlanChanges);
        Assert.Contains("No.16 定員の適正管理 を削除", report.PlanChanges);
    }

    [Fact]
    public void Next_year_adds_result_rows_from_the_plan_keeping_the_encoding()
    {
        using var dir = Repo.CopyOf();
        var sjis = dir["input/items/05.csv"];
        File.WriteAllBytes(sjis, TextDecoder.ShiftJis.GetBytes(File.ReadAllText(sjis)));
        var run = Cli.Invoke("next-year", "--year", "R5", "--input", dir["input"]);
        Assert.Equal(0, run.ExitCode);

        var bytes = File.ReadAllBytes(sjis);
        Assert.True(TextDecoder.TryDecode(bytes, out var text, out var enc));
        Assert.Equal(TextDecoder.Detected.ShiftJis, enc);
        Assert.Contains("R5,実績,（未記入）返礼品取扱事業者学習会の開催,,,,,,,\r\nR7,計画,", text);

        var loaded = PlanLoader.Load(dir["input"], "input");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var item = loaded.Plan!.Items.Single(i => i.Number == 5);
        Assert.Equal(3, item.Entries.Single(e => e.Year.Reiwa == 5 && e.Kind == ActionPlan.Domain.EntryKind.Result).Lines.Count);
        Assert.Contains(loaded.Blockers, w => w.Code == "placeholder-left" && w.File == "input/items/05.csv");
        Assert.Equal(5, loaded.Plan.Info.ReportingYear.Reiwa);
        Assert.Contains(loaded.Blockers, w => w.Code == "plan-published-placeholder" && w.File == "input/plan.md");
        Assert.Equal("実施項目 令和5年度実績・令和6～7年度計画", loaded.Plan.Info.Subtitle);

        var again = Cli.Invoke("next-year", "--year", "R5", "--input", dir["input"]);
        Assert.Contains("No.5: 令和5年度実績はすでにあります", again.Out);
        Assert.Equal(2, Cli.Invoke("next-year", "--year", "R9", "--input", dir["input"]).ExitCode);
    }

    [Fact]
    public void Next_year_quotes_through_csvhelper_and_keeps_utf16_files_utf16()
    {
        using var dir = Repo.CopyOf();
        var utf16 = dir["input/items/05.csv"];
        File.WriteAllText(utf16, File.ReadAllText(utf16), new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        Assert.Equal(0, Cli.Invoke("next-year", "--year", "R6", "--input", dir["input"]).ExitCode);

        var bytes = File.ReadAllBytes(utf16);
        Assert.Equal([0xFF, 0xFE], bytes[..2]);
        Assert.True(TextDecoder.TryDecode(bytes, out var text, out var enc));
        Assert.Equal(TextDecoder.Detected.Utf16Bom, enc);
        Assert.Contains("R6,実績,\"（未記入）返礼品数(1,000品)\",,,,,,,\r\n", text);
        var loaded = PlanLoader.Load(dir["input"], "input");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        Assert.Equal(5, loaded.Plan!.Items.Single(i => i.Number == 5).Entries.Single(e => e.Year.Reiwa == 6 && e.Kind == ActionPlan.Domain.EntryKind.Result).Lines.Count);
    }

    /// <summary>
    /// Rolling years: after next-year --year R5 the edition promises 令和6～7年度計画, so every item gets its R6 plan copied
    /// as R7 計画 rows marked 「（未記入）」; the gate refuses them until the mark is gone, and refuses the edition outright
    /// if the rows are deleted instead (no item has the promised year's plan), located at plan.md's 実績年度.
    /// </summary>
    [Fact]
    public void Next_year_adds_the_newly_promised_plan_year_and_the_gate_refuses_it_until_filled()
    {
        using var dir = Repo.CopyOf();
        var run = Cli.Invoke("next-year", "--year", "R5", "--input", dir["input"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No.5: 令和7年度計画の行を5行追加しました（令和6年度計画の写し", run.Out);
        var csv = File.ReadAllText(dir["input/items/05.csv"]);
        Assert.EndsWith("R7,計画,（未記入）各種ポータルサイトについて、クオリティや注目度の高いページの作成、デザインの強化,,,,,,,\r\n", csv);
        Assert.Contains("R7,計画,\"（未記入）返礼品数(1,000品)\",,,,,,,", csv);

        var loaded = PlanLoader.Load(dir["input"], "input");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        Assert.All(loaded.Plan!.Items, i => Assert.Contains(i.Entries, e => e.Year.Reiwa == 7 && e.Kind == ActionPlan.Domain.EntryKind.Plan));
        var r7 = loaded.Blockers.Where(b => b.Code == "placeholder-left" && (b.Hint ?? "").Contains("計画の文", StringComparison.Ordinal)).ToList();
        Assert.Equal(16, r7.Select(b => b.File).Distinct().Count());
        var build = Cli.Invoke("build", "--input", dir["input"], "--output", dir["_site"]);
        Assert.Equal(ActionPlan.Site.Cli.ExitCodes.DataError, build.ExitCode);
        Assert.Contains("05.csv:17 [内容] 公開不可: 「（未記入）」の行が残っています。 → この年度の計画の文を書き", build.Err);
        Assert.False(File.Exists(dir["_site/index.html"]));

        // Marks removed from the R7 rows (the plan stays as copied): those findings go, the rest stay.
        foreach (var file in Directory.GetFiles(dir["input/items"], "*.csv"))
            File.WriteAllText(file, File.ReadAllText(file).Replace("R7,計画,（未記入）", "R7,計画,").Replace("R7,計画,\"（未記入）", "R7,計画,\""), new UTF8Encoding(true));
        var filled = PlanLoader.Load(dir["input"], "input");
        Assert.DoesNotContain(filled.Blockers, b => b.Code == "placeholder-left" && (b.Hint ?? "").Contains("計画の文", StringComparison.Ordinal));
        Assert.DoesNotContain(filled.Blockers, b => b.Code == "plan-year-promised-missing");

        // The R7 rows deleted instead: the edition promises a plan year no item has.
        foreach (var file in Directory.GetFiles(dir["input/items"], "*.csv"))
            File.WriteAllLines(file, File.ReadAllLines(file).Where(l => !l.StartsWith("R7,計画,", StringComparison.Ordinal)), new UTF8Encoding(true));
        var missing = PlanLoader.Load(dir["input"], "input");
        var promised = Assert.Single(missing.Blockers, b => b.Code == "plan-year-promised-missing");
        Assert.Equal("input/plan.md", promised.File);
        Assert.Equal(File.ReadAllLines(dir["input/plan.md"]).ToList().FindIndex(l => l.StartsWith("実績年度", StringComparison.Ordinal)) + 1, promised.Line);
        Assert.Contains("令和7年度の計画の行がある実施項目がありません", promised.Message);
        Assert.Contains("R7,計画", promised.Hint);

        // One item's R7 plan back: the edition is kept, the other items are named in warnings.
        File.AppendAllText(dir["input/items/05.csv"], "R7,計画,返礼品数(1,100品),,,,,,,\r\n");
        var one = PlanLoader.Load(dir["input"], "input");
        Assert.DoesNotContain(one.Blockers, b => b.Code == "plan-year-promised-missing");
        Assert.Equal(15, one.Warnings.Count(w => w.Code == "plan-year-missing"));
    }

    /// <summary>
    /// next-year writes under the file's own header: a table whose columns were reordered (年度 and 区分 swapped) and that
    /// has a 基準値 gets its rows in the right columns, and the baseline is copied with the indicator.
    /// </summary>
    [Fact]
    public void Next_year_writes_under_the_files_own_header_and_copies_the_baseline()
    {
        using var dir = Repo.CopyOf();
        var file = dir["input/items/10.csv"];
        var lines = File.ReadAllLines(file).ToList();
        string Reorder(string line)
        {
            var cells = line.Split(',');   // 10.csv has no quoted commas
            return string.Join(",", new[] { cells[1], cells[0] }.Concat(cells[2..]));
        }
        lines = lines.Select(Reorder).ToList();
        lines[0] += ",相違の理由,基準値";
        File.WriteAllLines(file, lines, new UTF8Encoding(true));
        // The R5 plan gets an indicator with a baseline, for next-year to copy into the R5 results.
        File.AppendAllText(file, "計画,R5,マイナンバーカード普及率の向上,マイナンバーカード普及率,100%,,%,以上,,,,50%\r\n", new UTF8Encoding(false));
        var before = PlanLoader.Load(dir["input"], "input");
        Assert.False(before.HasErrors, string.Join("\n", before.Errors));

        Assert.Equal(0, Cli.Invoke("next-year", "--year", "R5", "--input", dir["input"]).ExitCode);
        var text = File.ReadAllText(file);
        Assert.Contains("\r\n実績,R5,（未記入）マイナンバーカード普及率の向上,マイナンバーカード普及率,100%,,%,以上,,,,50%\r\n", text);
        var loaded = PlanLoader.Load(dir["input"], "input");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var indicator = loaded.Plan!.Items.Single(i => i.Number == 10).Entries
            .Single(e => e.Year.Reiwa == 5 && e.Kind == ActionPlan.Domain.EntryKind.Result).Lines.SelectMany(l => l.Indicators).Single();
        Assert.Equal(("マイナンバーカード普及率", "50%"), (indicator.Name, indicator.Baseline?.Display));
    }
}


/// <summary>How far ahead an edition shows plans is the plan's (plan.md 示す計画の年数; 2 when not written).</summary>
public class PlanWindowTests
{
    [Theory]
    [InlineData("1", "実施項目 令和4年度実績・令和5年度計画")]
    [InlineData("３", "実施項目 令和4年度実績・令和5～7年度計画")]
    [InlineData("0", "実施項目 令和4年度実績")]
    public void The_plan_window_is_declared_and_the_subtitle_and_promise_follow_it(string years, string subtitle)
    {
        using var dir = Repo.CopyOf();
        var plan = File.ReadAllText(dir["input/plan.md"]).Replace("副題: 実施項目 令和4年度実績・令和5～6年度計画\n", "").Replace("公表: 2024-02\n", $"公表: 2024-02\n示す計画の年数: {years}\n");
        File.WriteAllText(dir["input/plan.md"], plan, new UTF8Encoding(false));
        var loaded = PlanLoader.Load(dir["input"], "input");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        Assert.Equal(subtitle, loaded.Plan!.Info.Subtitle);
        // Three years ahead promises 令和7年度 plans, which no item of the seed has: refused, at 実績年度.
        Assert.Equal(years == "３", loaded.Blockers.Any(b => b.Code == "plan-year-promised-missing" && b.Message.Contains("令和7年度の計画", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_window_that_is_not_a_number_is_a_located_error()
    {
        using var dir = Repo.CopyOf();
        File.WriteAllText(dir["input/plan.md"], File.ReadAllText(dir["input/plan.md"]).Replace("公表: 2024-02\n", "公表: 2024-02\n示す計画の年数: 二年\n"), new UTF8Encoding(false));
        var loaded = PlanLoader.Load(dir["input"], "input");
        var error = Assert.Single(loaded.Errors, e => e.Code == "plan-years-shown-shape");
        Assert.Equal(("input/plan.md", 11), (error.File, error.Line));
        Assert.Contains("0～10", error.Hint);
    }
}
