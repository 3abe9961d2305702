using System.Text;
using ActionPlan.Domain;
using ActionPlan.Input;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// The plan declares its rating scale (plan.md 評価, 比率の上限): the grades and their words reach the pages, a ratio above
/// the target is kept when the plan says so, and every way to write the scale wrong is a located Japanese error.
/// </summary>
public class RatingScaleTests
{
    private static Repo.TempDir WithScale(string scale, string cap)
    {
        var dir = Repo.CopyOf();
        var plan = File.ReadAllText(dir["input/plan.md"]);
        Assert.Contains("評価: 達成 100%、一部達成 1%、未達成 0%\n", plan);   // Ogori's plan declares today's scale
        plan = plan.Replace("評価: 達成 100%、一部達成 1%、未達成 0%", "評価: " + scale).Replace("比率の上限: 100%", "比率の上限: " + cap);
        File.WriteAllText(dir["input/plan.md"], plan, new UTF8Encoding(false));
        return dir;
    }

    [Fact]
    public void A_city_scale_without_a_cap_grades_the_site_in_its_own_words()
    {
        using var dir = WithScale("Ｓ １００％、A 80%、B 60%、C 0%", "なし");
        var loaded = PlanLoader.Load(dir["input"], "input");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var scale = loaded.Plan!.Info.Rating;
        Assert.Equal(["S", "A", "B", "C"], scale.Grades.Select(g => g.Word));
        Assert.Null(scale.Cap);

        var index = Encoding.UTF8.GetString(SiteBuild.Render(dir["input"]).Single(f => f.Path == "index.html").Content);
        Assert.Contains("<span class=\"ap-stats__label\">S（100%以上）</span>", index);
        Assert.Contains("<span class=\"ap-stats__label\">A（80～99%）</span>", index);
        Assert.Contains("<span class=\"ap-stats__label\">C（0～59%）</span>", index);
        Assert.DoesNotContain("一部達成", index);
        // No.2's counted indicator is far above its target: kept as it is, graded S, the bar full.
        var evaluated = EvaluatedPlan.Of(loaded.Plan);
        var no2 = evaluated[2].For(new FiscalYear(4));
        Assert.True(no2.Computed.Percent > 100, no2.Computed.Display);
        Assert.Equal("S", no2.Grade!.Word);
        Assert.Contains($"<span class=\"ap-meter__value\">{no2.Computed.Percent}%</span>", index);
        Assert.Contains("width=\"100\" height=\"10\"/></svg>\n  <span class=\"ap-meter__words\">S</span>", index);
        // Uncapped figures disagree with what the city published: the gate says so, item by item.
        Assert.Contains(Publishing.PublishGate.Judge(loaded, evaluated), x => x.Code == "published-disagrees" && x.File == "input/items/02.csv");
    }

    [Theory]
    [InlineData("S 100%、A 80%、B 90%、C 0%", "100%", "plan-scale-order", "「B」の下限 90% が、一つ前の「A」の下限 80% 以上")]
    [InlineData("S 100%、A 80%、S 60%、C 0%", "100%", "plan-scale-duplicate", "「S」が2回")]
    [InlineData("S 100%、A 80%、B 60%", "100%", "plan-scale-floor", "最後の評価「B」の下限が 60%")]
    [InlineData("S 100%、A 八割、C 0%", "100%", "plan-scale-shape", "「A 八割」が読めません")]
    [InlineData("S 120%、A 80%、C 0%", "100%", "plan-scale-above-cap", "「S」の下限 120% に、比率の上限（100%）のために届きません")]
    [InlineData("達成 100%、一部達成 1%、未達成 0%", "たくさん", "plan-cap-shape", "比率の上限「たくさん」が読めません")]
    public void A_scale_written_wrong_is_a_located_error_that_says_how_to_write_it(string scale, string cap, string code, string message)
    {
        using var dir = WithScale(scale, cap);
        var loaded = PlanLoader.Load(dir["input"], "input");
        Assert.Null(loaded.Plan);
        var error = Assert.Single(loaded.Errors, e => e.Code == code);
        Assert.Equal("input/plan.md", error.File);
        var key = code == "plan-cap-shape" ? "比率の上限" : "評価";
        Assert.Equal(File.ReadAllLines(dir["input/plan.md"]).ToList().FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal)) + 1, error.Line);
        Assert.Contains(message, error.Message);
        Assert.False(string.IsNullOrEmpty(error.Hint));
    }

    /// <summary>The grade is open data (CSV 評価, JSON grade and rating), so the change report says when it moves: 「評価 B → A」.</summary>
    [Fact]
    public void The_grade_is_in_the_open_data_and_the_change_report_names_its_change()
    {
        using var dir = WithScale("S 100%、A 80%、B 60%、C 0%", "100%");
        var after = SiteBuild.Render(dir["input"]);
        var csv = Encoding.UTF8.GetString(after.Single(f => f.Path == "opendata/achievements.csv").Content);
        Assert.Contains(",公表達成度,評価,基準値,", csv.Split("\r\n")[0]);
        // The year's grade (B), and the indicator's own grade on the same scale (its 69.88% → B) in the last column.
        Assert.Contains(",寄附金額,800000000,8億円,559000000,5.59億円,円,以上,1,0.6988,70,70,B,,,,,実績,,,B,402168,2024-02\r\n", csv);
        var json = ActionPlan.Rendering.OpenData.OpenDataJson.Read(after.Single(f => f.Path == "opendata/plan.json").Content)!;
        Assert.Equal(["S", "A", "B", "C"], json.Rating!.Grades.Select(g => g.Word));
        Assert.Equal("B", json.Items.Single(i => i.Number == 5).Years.Single(y => y.Year == 2022).Grade);

        var report = ActionPlan.Site.Pipeline.ChangeReport.Compare(SiteBuild.Real, after);
        Assert.Contains("No.5 令和4年度の評価 一部達成 → B", report.PlanChanges);
        Assert.Contains("No.1 令和4年度の評価 達成 → S", report.PlanChanges);
        Assert.Contains("No.15 令和4年度の評価 一部達成 → C", report.PlanChanges);

        using var uncapped = WithScale("S 100%、A 80%、B 60%、C 0%", "なし");
        var moved = ActionPlan.Site.Pipeline.ChangeReport.Compare(SiteBuild.Real, SiteBuild.Render(uncapped["input"]));
        Assert.Contains(moved.PlanChanges, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^No\.2 令和4年度の達成度 100% → \d{3,}%（評価 達成 → S）$"));
    }

    /// <summary>Each policy counts its items per grade (the group's 「S 2項目・B 1項目」), and the counts add up to its items.</summary>
    [Fact]
    public void Each_policy_counts_its_items_per_grade()
    {
        using var dir = WithScale("S 100%、A 80%、B 60%、C 0%", "100%");
        var site = SiteBuild.Render(dir["input"]);
        var revenue = Encoding.UTF8.GetString(site.Single(f => f.Path == "policies/1-2.html").Content);   // No.4 100%, No.5 70%, No.6 100%
        Assert.Contains("<span class=\"ap-stats__number\">2</span>項目 <span class=\"ap-stats__label\">S（100%）</span>", revenue);
        Assert.Contains("<span class=\"ap-stats__number\">1</span>項目 <span class=\"ap-stats__label\">B（60～79%）</span>", revenue);
        foreach (var page in site.Where(f => f.Path.StartsWith("policies/", StringComparison.Ordinal)))
        {
            var html = Encoding.UTF8.GetString(page.Content);
            var items = int.Parse(System.Text.RegularExpressions.Regex.Match(html, @"実施項目（(\d+)項目）").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var counted = System.Text.RegularExpressions.Regex.Matches(html, @"ap-stats__number"">(\d+)</span>").Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(items == counted, $"{page.Path}: {items} items, {counted} counted");
        }
    }
}
