using System.Text;
using ActionPlan.Domain;
using ActionPlan.Input;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// A grade staff give (items/NN.csv 評価, a word of the plan's scale): it grades a year that has no figure, the gate
/// stops it when it contradicts the figure's grade, and a grade not on the scale or on a plan row is a located error.
/// </summary>
public class GivenGradeTests
{
    /// <summary>A copy of input/ with 評価 added to items/NN.csv's header and <paramref name="grade"/> at the end of row <paramref name="line"/>.</summary>
    private static Repo.TempDir WithGrade(int number, int line, string grade)
    {
        var dir = Repo.CopyOf();
        var file = dir[$"input/items/{number:D2}.csv"];
        var lines = File.ReadAllLines(file).ToList();
        lines[0] += ",相違の理由,基準値,評価";
        lines[line - 1] += ",,," + grade;
        File.WriteAllLines(file, lines, new UTF8Encoding(true));
        return dir;
    }

    [Fact]
    public void A_year_without_a_figure_takes_the_grade_staff_gave()
    {
        using var dir = WithGrade(16, 2, "達成");
        var loaded = PlanLoader.Load(dir["input"], "input");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var year = EvaluatedPlan.Of(loaded.Plan!)[16].For(new FiscalYear(4));
        Assert.Null(year.Computed.Percent);
        Assert.Equal((AchievementStatus.Graded, "達成"), (year.Status, year.Grade!.Word));
        Assert.DoesNotContain(Publishing.PublishGate.Judge(loaded, EvaluatedPlan.Of(loaded.Plan!)), x => x.Severity == Severity.Blocking);

        var site = SiteBuild.Render(dir["input"]);
        var index = Encoding.UTF8.GetString(site.Single(f => f.Path == "index.html").Content);
        Assert.Contains("<span class=\"ap-stats__number\">13</span>項目 <span class=\"ap-stats__label\">達成（100%）</span>", index);
        Assert.Contains("<span class=\"ap-stats__number\">0</span>項目 <span class=\"ap-stats__label\">評価対象外・実績未登録</span>", index);
        var page = Encoding.UTF8.GetString(site.Single(f => f.Path == "items/16.html").Content);
        Assert.Contains("<span class=\"ap-meter ap-meter--achieved\">\n  <span class=\"ap-meter__value\">—</span>", page);
    }

    [Fact]
    public void A_given_grade_that_contradicts_the_figure_is_not_published()
    {
        using var dir = WithGrade(5, 2, "達成");   // No.5 computes to 70%: 一部達成
        var loaded = PlanLoader.Load(dir["input"], "input");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var judged = Publishing.PublishGate.Judge(loaded, EvaluatedPlan.Of(loaded.Plan!));
        var stop = Assert.Single(judged, x => x.Code == "grade-disagrees");
        Assert.Equal((Severity.Blocking, "input/items/05.csv", 2, "評価"), (stop.Severity, stop.File, stop.Line, stop.Field));
        Assert.Contains("「達成」と書かれていますが、達成度70%の評価は「一部達成」です", stop.Message);

        using var agreeing = WithGrade(5, 2, "一部達成");
        var ok = PlanLoader.Load(agreeing["input"], "input");
        Assert.DoesNotContain(Publishing.PublishGate.Judge(ok, EvaluatedPlan.Of(ok.Plan!)), x => x.Code == "grade-disagrees");
    }

    [Theory]
    [InlineData(16, 2, "達性", "grade-unknown", "評価「達性」は、この計画の評価（plan.md の「評価」）にありません")]
    [InlineData(16, 3, "達成", "grade-on-plan", "評価は「実績」の行にだけ書けます")]
    public void A_grade_off_the_scale_or_on_a_plan_row_is_a_located_error(int number, int line, string grade, string code, string message)
    {
        using var dir = WithGrade(number, line, grade);
        var loaded = PlanLoader.Load(dir["input"], "input");
        var error = Assert.Single(loaded.Errors, e => e.Code == code);
        Assert.Equal(($"input/items/{number:D2}.csv", line, "評価"), (error.File, error.Line, error.Field));
        Assert.Contains(message, error.Message);
        if (code == "grade-unknown") Assert.Contains("達成、一部達成、未達成", error.Hint);
    }

    /// <summary>
    /// A staff scale with bounds (plan.md 職員の評価: A 計画通り 100%、B 概ね計画通り 60%、…) can be contradicted by the figure: the
    /// gate stops it at its cell, naming the grade the figure earns on that scale, not the plan's ◎○△×.
    /// </summary>
    [Fact]
    public void A_staff_grade_with_bounds_that_contradicts_the_figure_is_not_published()
    {
        using var dir = Repo.CopyOf(Repo.Examples["gyokaku"]);
        var plan = dir["input/plan.md"];
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("職員の評価: A 計画通り、B 概ね計画通り、C やや遅れている、D 遅れている",
            "職員の評価: A 計画通り 100%、B 概ね計画通り 60%、C やや遅れている 30%、D 遅れている 0%"));
        var loaded = PlanLoader.Load(dir["input"], "input");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var stops = Publishing.PublishGate.Judge(loaded, EvaluatedPlan.Of(loaded.Plan!)).Where(x => x.Code == "grade-disagrees").ToList();
        var stop = Assert.Single(stops);                                   // No.2 R5: 43% is C on this scale, staff wrote B
        Assert.Equal((Severity.Blocking, "input/items/02.csv", 3, "評価"), (stop.Severity, stop.File, stop.Line, stop.Field));
        Assert.Contains("「B」と書かれていますが、達成度43%の評価は「C」です", stop.Message);
    }

    /// <summary>The change report says when a staff grade on its own scale changed (the year's computed grade is unchanged).</summary>
    [Fact]
    public void A_changed_staff_grade_is_in_the_change_report()
    {
        using var dir = Repo.CopyOf(Repo.Examples["gyokaku"]);
        var csv = dir["input/items/04.csv"];
        File.WriteAllText(csv, File.ReadAllText(csv).Replace(",※,,,,B,,,", ",※,,,,C,,,"), new UTF8Encoding(true));
        var report = ActionPlan.Site.Pipeline.ChangeReport.Compare(SiteBuild.Examples["gyokaku"], SiteBuild.Render(dir["input"]));
        Assert.Contains("No.4 令和5年度の担当課の評価 B → C", report.PlanChanges);
        Assert.DoesNotContain(report.PlanChanges, l => l.StartsWith("No.4 令和5年度の評価", StringComparison.Ordinal));
    }

    /// <summary>A group's grade: a policy's own indicators (policies/CODE.csv) take a staff grade on 職員の評価 like an item's, shown on its page.</summary>
    [Fact]
    public void A_policy_takes_a_staff_grade_beside_its_computed_one()
    {
        using var dir = Repo.CopyOf(Repo.Examples["sogo-senryaku"]);
        var plan = dir["input/plan.md"];
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("例:", "職員の評価: A 順調、B 概ね順調、C 遅れ\n例:"));
        var csv = dir["input/policies/1.csv"];
        File.WriteAllText(csv, File.ReadAllText(csv).Replace("24,900人\",人,以上,※,,,\"24,000人\",,", "24,900人\",人,以上,※,,,\"24,000人\",B,"), new UTF8Encoding(true));
        var page = Encoding.UTF8.GetString(SiteBuild.Render(dir["input"]).Single(f => f.Path == "policies/1.html").Content);
        Assert.Contains("<span class=\"ap-meter__words\">A</span>\n  <span class=\"ap-meter__staff\">担当課の評価 B 概ね順調</span>", page);   // 90%: A on 評価
    }

    /// <summary>
    /// A plan rated only by people (評価 of words, no bounds: A 計画通り … D 遅れている): each year takes the grade staff gave,
    /// figure or not; a year with a figure but no grade says 評価未記入, not 評価対象外; the index counts items per grade
    /// without ranges.
    /// </summary>
    [Fact]
    public void A_plan_rated_only_by_people_grades_every_year_by_the_grade_given()
    {
        using var dir = Repo.CopyOf(Repo.Examples["gyokaku"]);
        var plan = dir["input/plan.md"];
        var text = File.ReadAllText(plan);
        text = text.Replace("評価: ◎ 100%、○ 80%、△ 1%、× 0%\n", "").Replace("集計: 実施率 = ◎、○", "集計: 実施率 = A、B").Replace("職員の評価:", "評価:");
        File.WriteAllText(plan, text);
        var csv = dir["input/items/01.csv"];
        File.WriteAllText(csv, File.ReadAllText(csv).Replace(",※,,,,A,,,", ",※,,,,,,,"), new UTF8Encoding(true));   // No.1 R5: a figure, no grade
        var loaded = PlanLoader.Load(dir["input"], "input");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var evaluated = EvaluatedPlan.Of(loaded.Plan!);
        var r5 = new FiscalYear(5);
        Assert.Equal(("D", AchievementStatus.Graded), (evaluated[5].For(r5).Grade!.Word, evaluated[5].For(r5).Status));   // 0% and D: no contradiction on words
        Assert.Equal(AchievementStatus.Ungraded, evaluated[1].For(r5).Status);
        Assert.DoesNotContain(Publishing.PublishGate.Judge(loaded, evaluated), x => x.Severity == Severity.Blocking);

        var site = SiteBuild.Render(dir["input"]);
        var index = Encoding.UTF8.GetString(site.Single(f => f.Path == "index.html").Content);
        Assert.Contains("<span class=\"ap-stats__number\">1</span>項目 <span class=\"ap-stats__label\">A 計画通り</span>", index);   // No.3
        Assert.Contains("<span class=\"ap-stats__number\">2</span>項目 <span class=\"ap-stats__label\">B 概ね計画通り</span>", index);  // No.2, No.4
        Assert.Contains("実施率 60.0%（5項目中3項目がA・B）", index);
        var first = Encoding.UTF8.GetString(site.Single(f => f.Path == "items/01.html").Content);
        Assert.Contains("<span class=\"ap-meter ap-meter--ungraded\">", first);
        Assert.Contains("<span class=\"ap-meter__words\">評価未記入</span>", first);
    }
}
