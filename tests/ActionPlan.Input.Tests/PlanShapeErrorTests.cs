using System.Text;
using ActionPlan.Testing;

namespace ActionPlan.Input.Tests;

/// <summary>
/// Every new way to get a plan's shape wrong (issue 20) gives a Japanese message naming the file, line and field. Each
/// case edits a copy of the 総合戦略 example (src/ActionPlan.Site/Init/examples/sogo-senryaku): plan.md line 10 評価,
/// 12 階層, 13 段階, 14 指標の評価, 15 集計, 16 例; items/03 a 段階 KPI, 04 a bound target 「35%以上」, 05 dated observations and a 見込, 06 a 以下
/// target with 基準値 35人 (R2 → R7), 07 a 増加 KPI.
/// </summary>
public class PlanShapeErrorTests
{
    public sealed record Case(string Name, string File, Func<string, string> Edit, string ExpectFile, int? ExpectLine, string? ExpectField, string ExpectCode)
    {
        public override string ToString() => Name;
    }

    private static Func<string, string> Replace(string from, string to) => text =>
    {
        Assert.Contains(from, text);
        return text.Replace(from, to);
    };

    private const string Tally = "集計: KPIの目標達成率 = 目標値超え";

    private static Func<string, string> Append(string row) => text => text.TrimEnd('\r', '\n') + "\n" + row + "\n";

    public static readonly Case[] Cases =
    [
        new("a result written as a bound", "items/04.csv", Replace("35%以上,26.0%", "35%以上,26%以上"), "input/items/04.csv", 2, "実績値", "bound-not-number"),
        new("a baseline written as a bound", "items/06.csv", Replace("以下,※,,,35人", "以下,※,,,35人以上"), "input/items/06.csv", 2, "基準値", "bound-not-number"),
        new("a bound target that contradicts its kind", "items/04.csv", Replace("35%以上,26.0%,%,", "35%以上,26.0%,%,以下"), "input/items/04.csv", 2, "目標値", "target-bound-conflict"),
        new("a milestone state not in the list", "items/03.csv", Replace("実施,検討,", "実施,検討中,"), "input/items/03.csv", 2, "実績値", "stage-unknown"),
        new("a milestone with no stages declared", "plan.md", Replace("段階: 未着手、検討、策定、実施\n", ""), "input/items/03.csv", 2, "目標の種類", "stage-undeclared"),
        new("a baseline year after the target year", "items/06.csv", Replace(",R2,R7,", ",R8,R7,"), "input/items/06.csv", 2, "基準年度", "baseline-year-after-target-year"),
        new("a baseline year without a baseline", "items/06.csv", Replace("以下,※,,,35人,,R2", "以下,※,,,,,R2"), "input/items/06.csv", 2, "基準年度", "baseline-year-without-baseline"),
        new("an unreadable target year", "items/06.csv", Replace(",R2,R7,", ",R2,来年度,"), "input/items/06.csv", 2, "目標年度", "year-unparseable"),
        new("an observation with no date", "items/05.csv", Replace("R1,R7,3月31日現在\nR5", "R1,R7,\nR5"), "input/items/05.csv", 2, "時点", "observation-date-missing"),
        new("a date on a plan row", "items/01.csv", Replace("創業件数,20件,,件,以上,,,,,,,,", "創業件数,20件,,件,以上,,,,,,,,3月末"), "input/items/01.csv", 4, "時点", "as-of-on-plan"),
        new("a forecast for a year with results", "items/05.csv", Append("R5,見込,見込の行,,,,,,,,,,,,,"), "input/items/05.csv", 6, "区分", "forecast-not-after-reporting-year"),
        new("a direction with no baseline", "items/07.csv", Replace("増加,※,,,30冊", "増加,※,,,"), "input/items/07.csv", 2, "基準値", "direction-without-baseline"),
        new("not ratable on a plan row", "items/01.csv", Replace("創業件数,20件,,件,以上", "創業件数,20件,評価不能,件,以上"), "input/items/01.csv", 4, "実績値", "not-ratable-on-plan"),
        new("levels with one name", "plan.md", Replace("階層: 基本目標 > 施策 > 具体的な取組み", "階層: 基本目標"), "input/plan.md", 12, "階層", "plan-levels-shape"),
        new("one stage", "plan.md", Replace("段階: 未着手、検討、策定、実施", "段階: 実施"), "input/plan.md", 13, "段階", "plan-stages-shape"),
        new("a stage twice", "plan.md", Replace("段階: 未着手、検討、策定、実施", "段階: 未着手、検討、検討、実施"), "input/plan.md", 13, "段階", "plan-list-duplicate"),
        new("an unreadable tally", "plan.md", Replace(Tally, "集計: 実施率"), "input/plan.md", 15, "集計", "plan-tally-shape"),
        new("a tally of an unknown grade", "plan.md", Replace(Tally, "集計: 達成率 = S、AA"), "input/plan.md", 15, "集計", "plan-tally-grade-unknown"),
        new("a tally across two scales", "plan.md", Replace(Tally, "集計: 達成率 = S、目標値超え"), "input/plan.md", 15, "集計", "plan-tally-grade-unknown"),
        new("an extra field every item already has", "plan.md", Replace("例:", "項目の欄: 目標\n例:"), "input/plan.md", 16, "項目の欄", "plan-field-reserved"),
        new("a not-ratable word that is also a grade", "plan.md", Replace("例:", "評価不能: S\n例:"), "input/plan.md", 16, "評価不能", "plan-not-ratable-is-a-grade"),
        new("a baseline rule in the plan's own scale", "plan.md", Replace("評価: S 100%、A 80%", "評価: S 100%、A = 基準値より上"), "input/plan.md", 10, "評価", "plan-scale-rule-place"),
        new("an indicator grade with no condition", "plan.md", Replace("基準値より下落 = 基準値より下", "基準値より下落"), "input/plan.md", 14, "指標の評価", "plan-scale-no-rule"),
        new("an unreadable band", "plan.md", Replace("基準値±10%", "基準値±十%"), "input/plan.md", 14, "指標の評価", "plan-scale-shape"),
        new("two indicator grades on one rule", "plan.md", Replace("基準値より下落 = 基準値より下", "基準値より下落 = 基準値より悪化、大きく下落 = 基準値より下"), "input/plan.md", 14, "指標の評価", "plan-scale-rule-twice"),
        new("indicator percents not ordered", "plan.md", Replace("目標値超え = 目標達成、", "目標値超え = 目標達成、おおむね = 50%、ほぼ = 80%、"), "input/plan.md", 14, "指標の評価", "plan-scale-order"),
        new("a staff scale mixing words and percents", "plan.md", Replace("例:", "職員の評価: A 計画通り、B 80%、C 0%\n例:"), "input/plan.md", 16, "職員の評価", "plan-scale-shape"),
        new("a staff grade twice", "plan.md", Replace("例:", "職員の評価: A 計画通り、B 概ね計画通り、A 遅れている\n例:"), "input/plan.md", 16, "職員の評価", "plan-scale-duplicate"),
        new("a policy deeper than the levels", "policies.csv", Append("1-1-1,1-1,(ア),深すぎる方針,説明です。,"), "input/policies.csv", 8, "上位コード", "policy-level-too-deep"),
    ];

    public static TheoryData<Case> All => new(Cases);

    private static Repo.TempDir Example() => Repo.CopyOf(Repo.Examples["sogo-senryaku"]);

    [Theory]
    [MemberData(nameof(All))]
    public void Each_shape_mistake_is_located_to_file_line_and_field_in_Japanese(Case c)
    {
        using var dir = Example();
        var path = dir["input/" + c.File];
        var edited = c.Edit(File.ReadAllText(path).Replace("\r\n", "\n"));
        File.WriteAllText(path, edited, new UTF8Encoding(true));

        var result = PlanLoader.Load(dir["input"], "input");

        var found = result.Errors.Where(d => d.Code == c.ExpectCode).ToList();
        Assert.True(found.Count > 0, $"expected {c.ExpectCode}; got:\n{string.Join("\n", result.Diagnostics)}");
        Assert.Null(result.Plan);
        var d = found.First();
        Assert.Equal((c.ExpectFile, c.ExpectLine, c.ExpectField), (d.File, d.Line, d.Field));
        Assert.Matches(@"[\u3040-\u30FF\u4E00-\u9FFF]", d.Message);
        Assert.False(string.IsNullOrWhiteSpace(d.Hint));
        // A mistake in plan.md is reported there alone: the items are not blamed for what plan.md could not tell them (段階).
        if (c.ExpectFile == "input/plan.md")
            Assert.True(result.Errors.All(e => e.File == "input/plan.md"), string.Join("\n", result.Errors));
    }

    [Fact]
    public void The_example_itself_loads_clean()
    {
        foreach (var (name, input) in Repo.Examples)
        {
            var result = PlanLoader.Load(input, "input");
            Assert.True(result.Diagnostics.Count == 0, name + ":\n" + string.Join("\n", result.Diagnostics));
        }
    }

    [Fact]
    public void An_item_placed_on_the_wrong_level_is_named_with_the_levels()
    {
        using var dir = Example();
        File.AppendAllText(dir["input/policies.csv"], "3,,基本目標3,人の流れをつくる,説明です。,\n");
        File.WriteAllText(dir["input/items/01.md"], File.ReadAllText(dir["input/items/01.md"]).Replace("実施方針: \"1-1\"", "実施方針: \"3\""));
        var result = PlanLoader.Load(dir["input"], "input");
        var d = Assert.Single(result.Errors, e => e.Code == "item-level");
        Assert.Equal(("input/items/01.md", 6, "実施方針"), (d.File, d.Line, d.Field));
        Assert.Contains("基本目標 > 施策 > 具体的な取組み", d.Message);
        Assert.Contains("1-1", d.Hint);   // the 施策 codes it can use
    }

    [Fact]
    public void Indicators_for_a_policy_that_does_not_exist_are_refused_with_the_nearest_code()
    {
        using var dir = Example();
        File.Copy(dir["input/policies/1.csv"], dir["input/policies/3.csv"]);
        var result = PlanLoader.Load(dir["input"], "input");
        var d = Assert.Single(result.Errors, e => e.Code == "policy-indicators-unknown");
        Assert.Equal("input/policies/3.csv", d.File);
    }

    [Fact]
    public void A_section_the_plan_does_not_declare_names_the_declared_ones()
    {
        using var dir = Repo.CopyOf(Repo.Examples["gyokaku"]);
        File.WriteAllText(dir["input/items/01.md"], File.ReadAllText(dir["input/items/01.md"]).Replace("## 今後の方向性", "## 今後の方針"));
        var result = PlanLoader.Load(dir["input"], "input");
        var d = Assert.Single(result.Errors, e => e.Code == "markdown-unknown-section");
        Assert.Contains("今後の方向性", d.Message + d.Hint);
        // Declared, the section is read and kept in the plan's order.
        var clean = PlanLoader.Load(Repo.Examples["gyokaku"], "input").Plan!;
        Assert.Equal(["今後の方向性", "行革推進委員会の意見"], clean.Items.Single(i => i.Number == 2).Extra.Select(f => f.Name));
        Assert.Equal(["今後の方向性"], clean.Items.Single(i => i.Number == 1).Extra.Select(f => f.Name));
    }

    /// <summary>
    /// With 職員の評価 declared (the 行革 example), the 評価 column takes that scale's words: its symbol, its meaning or both
    /// (staff write 「計画通り」 as readily as 「A」); a word off it is refused at its cell, naming the scale's words.
    /// </summary>
    [Fact]
    public void A_staff_grade_is_read_on_the_staff_scale_by_symbol_or_meaning()
    {
        using var dir = Repo.CopyOf(Repo.Examples["gyokaku"]);
        var path = dir["input/items/03.csv"];
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace(",,,,C,,,", ",,,,計画通り,,,").Replace(",,,,A,,,", ",,,,Ｂ　概ね計画通り,,,"), new UTF8Encoding(true));
        var plan = PlanLoader.Load(dir["input"], "input").Plan!;
        var given = plan.Items.Single(i => i.Number == 3).Entries.Where(e => e.Given is not null).Select(e => e.Given!.Word).ToList();
        Assert.Equal(["A", "B"], given);

        File.WriteAllText(path, text.Replace(",,,,C,,,", ",,,,◎,,,"), new UTF8Encoding(true));
        var result = PlanLoader.Load(dir["input"], "input");
        var d = Assert.Single(result.Errors, e => e.Code == "grade-unknown");
        Assert.Equal(("input/items/03.csv", 2, "評価"), (d.File, d.Line, d.Field));
        Assert.Contains("職員の評価", d.Message);
        Assert.Contains("A 計画通り、B 概ね計画通り、C やや遅れている、D 遅れている", d.Hint);
    }

    /// <summary>Staff write the conditions as they type: 「：」 for 「=」, full-width ±１０％, spaces or none — all read the same.</summary>
    [Fact]
    public void Indicator_grade_conditions_are_read_in_the_forms_staff_type()
    {
        using var dir = Example();
        var plan = dir["input/plan.md"];
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("目標値超え = 目標達成、基準値超え = 基準値より上、基準値と同水準（±10%以内） = 基準値±10%",
            "目標値超え：目標達成、基準値超え=基準値より改善、基準値と同水準（±10%以内） ＝ 基準値±１０％以内"));
        var loaded = PlanLoader.Load(dir["input"], "input");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var scale = loaded.Plan!.Info.IndicatorScale!;
        Assert.Equal(["目標値超え", "基準値超え", "基準値と同水準（±10%以内）", "基準値より下落", "評価不能"], scale.Grades.Select(g => g.Word));
        Assert.Equal(0.1m, scale.Grades[2].Band);
        Assert.Equal(ActionPlan.Domain.GradeRule.AboveBaseline, scale.Grades[1].Rule);
    }
}
