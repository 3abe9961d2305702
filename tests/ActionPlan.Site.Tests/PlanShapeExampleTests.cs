using System.Text;
using System.Text.Json;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// `init DIR --example NAME` (issue 20): each example builds clean from what init writes, and its pages show the shape it
/// is there to show. The examples' pages also join the browser pass and the validators (Browser.Tests SiteFixture) and
/// have reviewed snapshots (<see cref="SiteSnapshotTests.Example"/>).
/// </summary>
public class PlanShapeExampleTests
{
    [Theory]
    [InlineData("行動計画", null)]
    [InlineData("総合戦略", "sogo-senryaku")]
    [InlineData("行革", "gyokaku")]
    public void Each_example_inits_and_builds_clean(string name, string? folder)
    {
        using var dir = new Repo.TempDir();
        var plan = dir["計画"];
        var init = Cli.Invoke("init", plan, "--example", name);
        Assert.True(init.ExitCode == 0, init.Err);
        Assert.Empty(Repo.Differences(Repo.Tree(folder is null ? Repo.Input : Repo.Examples[folder]), Repo.Tree(Path.Combine(plan, "input"))
            .Where(f => folder is null || f.Key != "README.md").ToDictionary()));
        Assert.True(File.Exists(Path.Combine(plan, "input", "README.md")));   // every plan folder has the README that explains every shape
        var build = Cli.Invoke("build", "--input", Path.Combine(plan, "input"), "--output", Path.Combine(plan, "_site"));
        Assert.True(build.ExitCode == 0, build.Err);
        Assert.Contains("エラー0件・公開不可0件・警告0件", build.Out);
    }

    [Fact]
    public void Init_help_lists_the_examples_and_a_wrong_name_is_refused_with_them()
    {
        var help = Cli.Invoke("init", "--help");
        foreach (var name in new[] { "行動計画", "総合戦略", "行革" }) Assert.Contains(name, help.Out);
        using var dir = new Repo.TempDir();
        var wrong = Cli.Invoke("init", dir["x"], "--example", "総合計画");
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("総合戦略", wrong.Err);
        Assert.False(Directory.Exists(dir["x/input"]));
        var both = Cli.Invoke("init", dir["y"], "--example", "行革", "--empty");
        Assert.NotEqual(0, both.ExitCode);
        Assert.Contains("一緒に使えません", both.Err);
    }

    private static string Page(string example, string path) =>
        Encoding.UTF8.GetString(SiteBuild.Examples[example].Single(f => f.Path == path).Content);

    [Fact]
    public void The_strategy_example_shows_levels_baselines_final_targets_forecasts_stages_and_an_uncapped_grade()
    {
        const string e = "sogo-senryaku";
        foreach (var file in SiteBuild.Examples[e].Where(f => f.Path.EndsWith(".html") && !f.Path.StartsWith("divisions/old")))
            Assert.Contains("架空の例", Encoding.UTF8.GetString(file.Content));   // every page says the figures are invented
        var index = Page(e, "index.html");
        Assert.Contains("具体的な取組み 令和5年度実績・令和6年度計画", index);
        Assert.Contains(">具体的な取組みの一覧</h2>", index);
        Assert.Contains(">基本目標</a>", index);                                 // the navigation names the top level
        Assert.Contains("S（100%以上）", index);

        var uncapped = Page(e, "items/01.html");
        Assert.Contains("130%", uncapped);                                       // 26 ÷ 20, not capped
        Assert.Contains("上限を設けず", uncapped);

        var kpi = Page(e, "items/05.html");                                      // baseline 800 (R1) → 1,200 by R7, forecast R6
        Assert.Contains("目標値 1,200件（令和7年度）", kpi);
        Assert.Contains("基準値 800件（令和元年度）", kpi);
        Assert.Contains("ap-kpi-chart__forecast-line", kpi);
        Assert.Contains("ap-kpi-chart__point--forecast", kpi);
        Assert.Contains("令和6年度見込", kpi);
        Assert.Contains("9月30日現在の見通し", kpi);
        Assert.Contains("87.5%", kpi);

        Assert.Contains("累計 7社", Page(e, "items/02.html"));                  // 2 + 3 + 2 of 10
        var stage = Page(e, "items/03.html");
        Assert.Contains("段階（未着手、検討、策定、実施）", stage);
        Assert.Contains("66.7%", stage);

        var goal = Page(e, "policies/2.html");                                   // a 基本目標's 数値目標, not ratable this year
        Assert.Contains("この基本目標の指標", goal);
        Assert.Contains("評価不能", goal);
        Assert.Contains("ap-meter--not-ratable", goal);
        Assert.Contains(">基本目標2</p>", goal);                                  // the label already names its level
        Assert.Contains("90%", Page(e, "policies/1.html"));                      // (24,900 − 24,000) ÷ (25,000 − 24,000)

        var csv = Encoding.UTF8.GetString(SiteBuild.Examples[e].Single(f => f.Path == "opendata/achievements.csv").Content);
        Assert.Contains("基準年度,目標年度,時点,区分,累計値,職員の評価,指標の評価", csv);
        Assert.Contains(",800,2019,2025,9月30日現在の見通し,見込,,,", csv);
        using var json = JsonDocument.Parse(SiteBuild.Examples[e].Single(f => f.Path == "opendata/plan.json").Content);
        Assert.Equal("基本目標", json.RootElement.GetProperty("shape").GetProperty("levels")[0].GetString());
        Assert.Equal("評価不能", json.RootElement.GetProperty("policies")[3].GetProperty("years")[1].GetProperty("results")[0].GetProperty("indicators")[0].GetProperty("notRatable").GetString());
    }

    /// <summary>A plan may name the year it cannot rate in its own word (plan.md 評価不能); the theme's word otherwise.</summary>
    [Fact]
    public void A_plan_names_its_not_ratable_word()
    {
        using var dir = Repo.CopyOf(Repo.Examples["sogo-senryaku"]);
        File.WriteAllText(dir["input/plan.md"], File.ReadAllText(dir["input/plan.md"]).Replace("例:", "評価不能: 統計未公表\n例:"));
        var goal = Encoding.UTF8.GetString(SiteBuild.Render(dir["input"]).Single(f => f.Path == "policies/2.html").Content);
        Assert.Contains("<span class=\"ap-meter__words\">統計未公表</span>", goal);
        Assert.Contains("<span class=\"ap-meter__words\">評価不能</span>", Page("sogo-senryaku", "policies/2.html"));
    }

    /// <summary>
    /// Two scales at once (行革: ◎○△× computed, A–D given by staff under plan.md 職員の評価): each year shows both, in words;
    /// the index counts items on each; check, open data and the change report carry the staff grade apart.
    /// </summary>
    [Fact]
    public void The_reform_example_shows_the_staff_grade_beside_the_computed_one()
    {
        const string e = "gyokaku";
        var index = Page(e, "index.html");
        Assert.Contains("担当課の評価ごとの項目数", index);
        Assert.Contains("<span class=\"ap-stats__number\">2</span>項目 <span class=\"ap-stats__label\">A 計画通り</span>", index);   // No.1, No.3
        Assert.Contains("<span class=\"ap-stats__number\">2</span>項目 <span class=\"ap-stats__label\">B 概ね計画通り</span>", index);  // No.2, No.4
        Assert.Contains("<span class=\"ap-stats__number\">1</span>項目 <span class=\"ap-stats__label\">D 遅れている</span>", index);
        var both = Page(e, "items/05.html");                                      // R5: 0% computed (×), D given
        Assert.Contains("<span class=\"ap-meter__words\">×</span>\n  <span class=\"ap-meter__staff\">担当課の評価 D 遅れている</span>", both);
        var staffOnly = Page(e, "items/03.html");                                 // no figure: the staff grade alone, never borrowed as ◎
        Assert.Contains("<span class=\"ap-meter__words\">評価対象外（数値目標なし）</span>\n  <span class=\"ap-meter__staff\">担当課の評価 A 計画通り</span>", staffOnly);
        Assert.Contains("担当課の評価 A 計画通り。\">", staffOnly);              // the page's description says it too
        Assert.Contains("100%（◎） 担当課の評価 A 計画通り", Page(e, "booklet.html"));

        using var json = JsonDocument.Parse(SiteBuild.Examples[e].Single(f => f.Path == "opendata/plan.json").Content);
        var staff = json.RootElement.GetProperty("rating").GetProperty("staffGrades");
        Assert.Equal(("A", "計画通り", "given"), (staff[0].GetProperty("word").GetString(), staff[0].GetProperty("meaning").GetString(), staff[0].GetProperty("rule").GetString()));
        var csv = Encoding.UTF8.GetString(SiteBuild.Examples[e].Single(f => f.Path == "opendata/achievements.csv").Content);
        Assert.Contains(",実績,,D,×,", csv);                                    // No.5 R5: 職員の評価 D, 指標の評価 ×

        using var dir = Repo.CopyOf(Repo.Examples[e]);
        var check = Cli.Invoke("check", "--input", dir["input"]);
        Assert.Matches(@"5  職員提案制度の活用 +令和5年度 +0%  × +D +公表値なし", check.Out);
        Assert.Contains("担当課", check.Out);
    }

    /// <summary>
    /// Grades relative to the baseline (総合戦略's 指標の評価: 目標値超え / 基準値超え / 基準値と同水準（±10%以内） / 基準値より下落 /
    /// 評価不能): each KPI's grade in the indicator table, the rules above it, the index counts KPIs per grade, and the
    /// plan's 集計 is the share of KPIs that reached their target.
    /// </summary>
    [Fact]
    public void The_strategy_example_grades_each_kpi_against_its_baseline()
    {
        const string e = "sogo-senryaku";
        var index = Page(e, "index.html");
        Assert.Contains("KPIの目標達成率 14.3%（7指標中1指標が目標値超え）", index);   // only No.1 (26 of 20)
        Assert.Contains("指標の評価ごとの指標数", index);
        Assert.Contains("<span class=\"ap-stats__number\">4</span>指標 <span class=\"ap-stats__label\">基準値超え</span>", index);   // No.2, 3, 5, 6
        Assert.Contains("<span class=\"ap-stats__number\">1</span>指標 <span class=\"ap-stats__label\">基準値と同水準（±10%以内）</span>", index);   // No.7: 32 of 30
        Assert.Contains("<span class=\"ap-stats__number\">1</span>指標 <span class=\"ap-stats__label\">基準値より下落</span>", index);   // No.4: 27.5% of 31.0%

        var fell = Page(e, "items/04.html");
        Assert.Contains("<th scope=\"col\" class=\"ap-table__header\">評価</th>", fell);
        Assert.Contains("<td class=\"ap-table__cell\">基準値より下落</td>", fell);
        Assert.Contains("基準値と同水準（±10%以内）: 基準値の±10%以内", fell);
        Assert.Contains("<td class=\"ap-table__cell\">基準値と同水準（±10%以内）</td>", Page(e, "items/07.html"));
        var goal = Page(e, "policies/2.html");                                     // R4 1.38 of 1.40: within; R5 not ratable
        Assert.Contains("<td class=\"ap-table__cell\">基準値と同水準（±10%以内）</td>", goal);
        Assert.Contains("<td class=\"ap-table__cell\">評価不能</td>", goal);
        // Ogori's plan declares no 指標の評価: no such column there.
        Assert.DoesNotContain("<th scope=\"col\" class=\"ap-table__header\">評価</th>", Encoding.UTF8.GetString(SiteBuild.Real.Single(f => f.Path == "items/01.html").Content));
    }

    [Fact]
    public void The_reform_example_counts_items_as_a_rate_sums_its_savings_and_shows_its_own_fields()
    {
        const string e = "gyokaku";
        var index = Page(e, "index.html");
        Assert.Contains("実施率 40.0%（5項目中2項目が◎・○）", index);          // No.1 ◎, No.4 ○ of 5 (No.3 has no figure, only a staff grade)
        Assert.Contains(">取組項目の一覧</h2>", index);
        var savings = Page(e, "items/02.html");
        Assert.Contains("累計 1.3億円", savings);                               // 0.5 + 0.8 of 3億円 → 43%
        Assert.Contains("43%", savings);
        Assert.Contains("目標値 3億円（令和8年度）", savings);
        Assert.Contains("id=\"field-1\">今後の方向性</h2>", savings);
        Assert.Contains("id=\"field-2\">行革推進委員会の意見</h2>", savings);
        Assert.Contains("今後の方向性", Page(e, "booklet.html"));
        Assert.Contains("実施率 50.0%（2項目中1項目が◎・○）", Page(e, "policies/2.html"));   // No.2 △, No.4 ○
    }
}
