using ActionPlan.Domain;

namespace ActionPlan.Domain.Tests;

/// <summary>
/// Several scales at once (issue 20): grades relative to the baseline on 指標の評価, a staff scale (職員の評価) beside the
/// computed one, and a tally of indicators. The rules are docs/achievement.md 2c.
/// </summary>
public class ScaleTests
{
    private static readonly Grade Reached = new("目標値超え", 0) { Rule = GradeRule.TargetReached };
    private static readonly Grade Above = new("基準値超え", 0) { Rule = GradeRule.AboveBaseline };
    private static readonly Grade Near = new("基準値と同水準（±10%以内）", 0) { Rule = GradeRule.NearBaseline, Band = 0.1m };
    private static readonly Grade Below = new("基準値より下落", 0) { Rule = GradeRule.BelowBaseline };
    private static readonly Grade Unratable = new("評価不能", 0) { Rule = GradeRule.NotRatable };
    private static readonly RatingScale AgainstBaseline = new([Reached, Above, Near, Below, Unratable], 1m);

    private static Indicator Kpi(decimal? baseline, decimal target, decimal? actual, TargetKind kind = TargetKind.AtLeast) =>
        new("指標", new Quantity(target, "件"), actual is { } a ? new Quantity(a, "件") : null, kind, true, baseline is { } b ? new Quantity(b, "件") : null);

    private static Grade? GradeOf(RatingScale scale, Indicator i) =>
        scale.OfIndicator(AchievementRule.Ratio(i, scale.Cap), AchievementRule.Change(i), i.Counted && i.Actual is not null,
            i.Kind is not (TargetKind.Increase or TargetKind.Decrease));

    /// <summary>
    /// Property: with a baseline and a target on either side of it, exactly one grade holds — 目標値超え exactly when the
    /// result reaches the target; otherwise 同水準 exactly when |実績 − 基準値| ≤ 10% of the baseline; otherwise 超え or 下落
    /// by whether the result moved the way the target lies.
    /// </summary>
    [Fact]
    public void A_result_against_its_baseline_gets_exactly_the_grade_its_rule_says()
    {
        var rng = new Random(30);
        for (var n = 0; n < 2000; n++)
        {
            var baseline = (decimal)rng.Next(1, 500);
            var up = rng.Next(2) == 0;
            var target = up ? baseline + rng.Next(1, 300) : Math.Max(0, baseline - rng.Next(1, (int)baseline + 1));
            if (target == baseline) continue;
            var actual = (decimal)rng.Next(0, 900) / (rng.Next(2) == 0 ? 1 : 10);
            var grade = GradeOf(AgainstBaseline, Kpi(baseline, target, actual, up ? TargetKind.AtLeast : TargetKind.AtMost));
            var reached = up ? actual >= target : actual <= target;
            var near = Math.Abs(actual - baseline) <= baseline / 10;
            var better = up ? actual > baseline : actual < baseline;
            var expected = reached ? Reached : near ? Near : better ? Above : Below;
            Assert.True(expected == grade, $"基準値 {baseline}, 目標 {target}, 実績 {actual}: {grade?.Word} (expected {expected.Word})");
        }
    }

    [Theory]
    [InlineData(100, 150, 110, "基準値と同水準（±10%以内）")]     // +10% exactly is within the band
    [InlineData(100, 150, 110.01, "基準値超え")]
    [InlineData(100, 150, 90, "基準値と同水準（±10%以内）")]
    [InlineData(100, 150, 89.99, "基準値より下落")]
    [InlineData(100, 150, 150, "目標値超え")]
    [InlineData(35, 0, 12, "基準値超え")]                         // a target below the baseline: fewer is better
    [InlineData(35, 0, 40, "基準値より下落")]
    [InlineData(0, 10, 0, "基準値と同水準（±10%以内）")]          // a zero baseline has no band but itself
    [InlineData(0, 10, 1, "基準値超え")]
    public void The_band_is_inclusive_and_follows_the_direction_of_the_target(double baseline, double target, double actual, string expected) =>
        Assert.Equal(expected, GradeOf(AgainstBaseline, Kpi((decimal)baseline, (decimal)target, (decimal)actual, target > baseline ? TargetKind.AtLeast : TargetKind.AtMost))!.Word);

    [Fact]
    public void What_cannot_be_compared_is_not_ratable_and_never_zero()
    {
        Assert.Equal(Unratable, GradeOf(AgainstBaseline, Kpi(null, 100, 80)));                     // no baseline, target not reached
        Assert.Equal(Reached, GradeOf(AgainstBaseline, Kpi(null, 100, 120)));                     // the target alone decides
        var word = Kpi(50, 100, null) with { NotRatable = "評価不能" };
        Assert.Equal(Unratable, AgainstBaseline.OfIndicator(AchievementRule.Ratio(word), AchievementRule.Change(word), true));
        Assert.Null(AgainstBaseline.OfIndicator(null, null, counted: false));                       // not counted: no grade at all
        var noFallback = new RatingScale([Reached, Above, Near, Below], 1m);
        Assert.Null(GradeOf(noFallback, Kpi(null, 100, 80)));
    }

    [Fact]
    public void A_direction_without_a_target_is_never_graded_as_reaching_it()
    {
        var increase = new Indicator("貸出冊数", null, new Quantity(40, "冊"), TargetKind.Increase, true, new Quantity(30, "冊"));
        Assert.Equal(1m, AchievementRule.Ratio(increase));
        Assert.Equal(Above, GradeOf(AgainstBaseline, increase));
        Assert.Equal(Near, GradeOf(AgainstBaseline, increase with { Actual = new Quantity(32, "冊") }));
        var decrease = increase with { Kind = TargetKind.Decrease, Actual = new Quantity(20, "冊") };
        Assert.Equal(Above, GradeOf(AgainstBaseline, decrease));
    }

    [Fact]
    public void Milestones_compare_by_their_place_in_the_list()
    {
        string[] stages = ["未着手", "検討", "策定", "実施"];
        Indicator Stage(string actual) => new("拠点の整備", null, null, TargetKind.Stage, true, Words: new IndicatorWords("実施", actual, "検討"));
        Grade? Of(string actual) => AgainstBaseline.OfIndicator(AchievementRule.Ratio(Stage(actual), 1m, stages), AchievementRule.Change(Stage(actual), stages), true);
        Assert.Equal(Reached, Of("実施"));
        Assert.Equal(Above, Of("策定"));
        Assert.Equal(Near, Of("検討"));
        Assert.Equal(Below, Of("未着手"));
    }

    /// <summary>Percent grades may sit on an indicator scale too; the first rule that holds, best first, wins.</summary>
    [Fact]
    public void Percent_and_baseline_rules_mix_best_first()
    {
        var mixed = new RatingScale([new("A", 100), new("B", 50), Above, Unratable], null);
        Assert.Equal("A", GradeOf(mixed, Kpi(0, 100, 100))!.Word);
        Assert.Equal("B", GradeOf(mixed, Kpi(0, 100, 60))!.Word);
        Assert.Equal(Above, GradeOf(mixed, Kpi(0, 100, 10)));
    }

    private static readonly RatingScale Marks = new([new("◎", 100), new("○", 80), new("△", 1), new("×", 0)], 1m);
    private static readonly RatingScale Staff = new([
        new("A", 0) { Rule = GradeRule.Given, Meaning = "計画通り" }, new("B", 0) { Rule = GradeRule.Given, Meaning = "概ね計画通り" },
        new("C", 0) { Rule = GradeRule.Given, Meaning = "やや遅れている" }, new("D", 0) { Rule = GradeRule.Given, Meaning = "遅れている" }], 1m);

    private static YearEvaluation YearOf(PlanInfo info, decimal target, decimal actual, string? given)
    {
        var entry = new YearEntry(new FiscalYear(5), EntryKind.Result,
            [new YearLine("実績", [new Indicator("件数", new Quantity(target, "件"), new Quantity(actual, "件"), TargetKind.AtLeast, true)])], null,
            given is null ? null : new GivenGrade(given, 2));
        return EvaluatedPlan.Evaluate([entry], info).Single();
    }

    private static PlanInfo Info(RatingScale main, RatingScale? staff = null, RatingScale? byIndicator = null) =>
        new PlanInfo("計画", "", "町", "", "", new FiscalYear(4), new FiscalYear(8), 2024, 7, new FiscalYear(5), Scale: main)
        { StaffScale = staff, IndicatorScale = byIndicator };

    /// <summary>Property: with 職員の評価 declared, the computed grade and the staff grade are both kept, whatever they say; neither replaces the other.</summary>
    [Fact]
    public void A_staff_scale_keeps_the_staff_grade_beside_the_computed_one()
    {
        var info = Info(Marks, Staff);
        var rng = new Random(31);
        for (var n = 0; n < 300; n++)
        {
            var actual = (decimal)rng.Next(0, 150);
            var staff = Staff.Grades[rng.Next(4)];
            var year = YearOf(info, 100, actual, staff.Word);
            Assert.Equal(Marks.Of(AchievementRule.ToPercent([Math.Min(1m, actual / 100)])), year.Grade);
            Assert.Equal(staff, year.Staff);
            Assert.False(year.GivenGradeDisagrees);   // words only: nothing to contradict
        }
        // Without a figure the year has no computed grade; the staff grade is still there (it never borrows the other scale).
        var noFigure = EvaluatedPlan.Evaluate([new YearEntry(new FiscalYear(5), EntryKind.Result, [new YearLine("実施しました。", [])], null, new GivenGrade("C"))], info).Single();
        Assert.Null(noFigure.Grade);
        Assert.Equal("C", noFigure.Staff!.Word);
        Assert.Equal("C やや遅れている", noFigure.Staff.Label);
        // Without 職員の評価 a grade staff give is on the plan's own scale, as before.
        var own = EvaluatedPlan.Evaluate([new YearEntry(new FiscalYear(5), EntryKind.Result, [new YearLine("実施しました。", [])], null, new GivenGrade("○"))], Info(Marks)).Single();
        Assert.Equal("○", own.Grade!.Word);
        Assert.Null(own.Staff);
    }

    /// <summary>A staff scale of percents can be contradicted by the figure: the gate stops it, naming the grade the figure earns.</summary>
    [Fact]
    public void A_staff_scale_with_bounds_is_checked_against_the_figure()
    {
        var bounded = new RatingScale([new("A", 100) { Meaning = "計画通り" }, new("B", 60) { Meaning = "概ね計画通り" }, new("C", 0) { Meaning = "遅れている" }], 1m);
        var info = Info(Marks, bounded);
        Assert.False(YearOf(info, 100, 70, "B").GivenGradeDisagrees);
        var wrong = YearOf(info, 100, 50, "B");
        Assert.True(wrong.GivenGradeDisagrees);
        Assert.Equal("C", wrong.ComputedOnGivenScale!.Word);
        Assert.Equal("△", wrong.Grade!.Word);
    }

    [Fact]
    public void Staff_write_a_grade_by_symbol_meaning_or_both()
    {
        Assert.Equal("B", Staff.Find("B")!.Word);
        Assert.Equal("B", Staff.Find("概ね計画通り")!.Word);
        Assert.Equal("B", Staff.Find("Ｂ　概ね計画通り")!.Word);
        Assert.Equal("B", Staff.Find("b")!.Word);
        Assert.Null(Staff.Find("E"));
    }

    /// <summary>Property: a tally over indicators is the share of counted indicators with results whose own grade is one of its words.</summary>
    [Fact]
    public void A_tally_of_indicators_counts_each_counted_result_once()
    {
        var info = Info(Marks, byIndicator: AgainstBaseline);
        var tally = new Tally("目標達成率", ["目標値超え"]) { Over = TallyOver.Indicators };
        var rng = new Random(32);
        for (var n = 0; n < 200; n++)
        {
            var actuals = Enumerable.Range(0, rng.Next(1, 12)).Select(_ => (decimal)rng.Next(0, 200)).ToList();
            var entry = new YearEntry(new FiscalYear(5), EntryKind.Result,
                [new YearLine("実績", actuals.Select(a => Kpi(50, 100, a)).Append(Kpi(50, 100, 500) with { Counted = false }).ToList())], null);
            var year = EvaluatedPlan.Evaluate([entry], info).Single();
            var (counted, of, percent) = tally.Of([year]);
            Assert.Equal((actuals.Count(a => a >= 100), actuals.Count), (counted, of));   // the uncounted 500 is not among them
            Assert.Equal(Math.Round(actuals.Count(a => a >= 100) * 100m / actuals.Count, 1, MidpointRounding.AwayFromZero), percent);
        }
    }
}
