using ActionPlan.Domain;

namespace ActionPlan.Domain.Tests;

public class AchievementRuleTests
{
    private static Indicator Counted(decimal target, decimal actual, TargetKind kind) =>
        new("指標", new Quantity(target, "円"), new Quantity(actual, "円"), kind, Counted: true);

    [Theory]
    [InlineData(8, 5.59, 0.69875)]      // No.5 寄附金額 8億円 → 5.59億円
    [InlineData(100, 67.27, 0.6727)]    // No.10 普及率
    [InlineData(100, 100, 1)]
    [InlineData(3, 11, 1)]              // over-achievement is clamped to 1
    [InlineData(12, 10.93, 0.910833333333333333333333333)]
    public void At_least_targets_are_actual_over_target_clamped(decimal target, decimal actual, decimal expected)
    {
        var ratio = AchievementRule.Ratio(Counted(target, actual, TargetKind.AtLeast));
        Assert.Equal(expected, ratio!.Value, 10);
    }

    [Theory]
    [InlineData(15, 9, 1)]      // No.1: 9億 ≤ 15億
    [InlineData(15, 15, 1)]
    [InlineData(15, 20, 0.75)]  // our rule for overshoot: target ÷ actual
    [InlineData(10, 40, 0.25)]
    public void At_most_targets_are_met_at_or_under_and_target_over_actual_when_over(decimal target, decimal actual, decimal expected)
    {
        Assert.Equal(expected, AchievementRule.Ratio(Counted(target, actual, TargetKind.AtMost)));
    }

    [Fact]
    public void Signed_targets_work_unchanged_and_a_wrong_direction_clamps_to_zero()
    {
        // No.15: 前年度比 ▲600時間以上 → +5,100時間: ratio −8.5, clamped to 0
        Assert.Equal(-8.5m, AchievementRule.RawRatio(-600, 5100, TargetKind.AtLeast));
        Assert.Equal(0m, AchievementRule.Ratio(Counted(-600, 5100, TargetKind.AtLeast)));
        // ▲700 against ▲600 is better than planned
        Assert.Equal(1m, AchievementRule.Ratio(Counted(-600, -700, TargetKind.AtLeast)));
        Assert.Equal(0.5m, AchievementRule.Ratio(Counted(-600, -300, TargetKind.AtLeast)));
    }

    [Theory]
    [InlineData(-600, -300, 0.5)]    // a reduction of 300 against ▲600以上: half way
    [InlineData(-600, -900, 1)]      // more reduction than planned: clamped
    [InlineData(-600, 5100, 0)]      // an increase: 0
    [InlineData(-1, -0.5, 0.5)]      // ▲1%以上 planned, ▲0.5% achieved
    public void A_negative_at_least_target_is_a_reduction_of_at_least(decimal target, decimal actual, decimal expected) =>
        Assert.Equal(expected, AchievementRule.Ratio(Counted(target, actual, TargetKind.AtLeast)));

    [Fact]
    public void A_negative_at_most_target_has_no_ratio_because_it_reads_two_ways()
    {
        // ▲1%以下 planned, ▲0.5% achieved: scored 100% before (−1 ÷ −0.5 = 2, clamped). Now undefined, refused at load.
        Assert.False(AchievementRule.IsDefined(TargetKind.AtMost, -1));
        Assert.True(AchievementRule.IsDefined(TargetKind.AtMost, 0));
        Assert.True(AchievementRule.IsDefined(TargetKind.AtLeast, -1));
        Assert.Null(AchievementRule.Ratio(Counted(-1, -0.5m, TargetKind.AtMost)));
        Assert.Throws<ArgumentOutOfRangeException>(() => AchievementRule.RawRatio(-1, -0.5m, TargetKind.AtMost));
        Assert.Equal(Achievement.None, AchievementRule.For([Counted(-1, -0.5m, TargetKind.AtMost)]));
    }

    [Fact]
    public void A_zero_target_is_met_by_any_non_negative_actual()
    {
        Assert.Equal(1m, AchievementRule.Ratio(Counted(0, 3, TargetKind.AtLeast)));
        Assert.Equal(0m, AchievementRule.Ratio(Counted(0, -1, TargetKind.AtLeast)));
    }

    [Theory]
    [InlineData(0.455, 46)]   // exactly half rounds up
    [InlineData(0.4549, 45)]
    [InlineData(0.695, 70)]
    [InlineData(0.6949, 69)]
    [InlineData(0.005, 1)]
    [InlineData(0.0049, 0)]
    [InlineData(1, 100)]
    public void The_mean_is_rounded_half_up_to_a_whole_percent(decimal mean, int expected)
    {
        Assert.Equal(expected, AchievementRule.ToPercent([mean]));
    }

    [Fact]
    public void Several_counted_indicators_are_averaged()
    {
        // No.15: 0 and 10.93/12 → (0 + 0.9108) / 2 = 0.4554 → 46%
        var a = AchievementRule.For([Counted(-600, 5100, TargetKind.AtLeast), Counted(12, 10.93m, TargetKind.AtLeast)]);
        Assert.Equal(46, a.Percent);
        Assert.Equal(2, a.Ratios.Count);
    }

    [Fact]
    public void Uncounted_or_incomplete_indicators_do_not_count()
    {
        var notCounted = new Indicator("返礼品数", new Quantity(700, "品"), new Quantity(831, "品"), TargetKind.AtLeast, Counted: false);
        var noTarget = new Indicator("地方債残高", null, new Quantity(17_330_000_000m, "円"), null, Counted: true);
        var a = AchievementRule.For([notCounted, noTarget, Counted(8, 5.59m, TargetKind.AtLeast)]);
        Assert.Equal(70, a.Percent);
        Assert.Single(a.Ratios);
    }

    [Fact]
    public void No_counted_indicator_gives_no_figure()
    {
        var a = AchievementRule.For([]);
        Assert.Null(a.Percent);
        Assert.False(a.IsAssessed);
        Assert.Equal("—", a.Display);
    }

    [Fact]
    public void An_item_without_results_for_a_year_has_no_figure()
    {
        var item = new Item(1, "x", ["財政課"], "1-1", Section.Empty, Section.Empty,
            [new YearEntry(new FiscalYear(5), EntryKind.Plan, [new YearLine("計画", [Counted(1, 1, TargetKind.AtLeast)])], null)]);
        Assert.Null(AchievementRule.For(item, new FiscalYear(5)).Percent);
    }

    [Fact]
    public void Published_figures_are_compared_not_copied()
    {
        var item = new Item(5, "ふるさと納税の推進", ["商工観光課"], "1-2", Section.Empty, Section.Empty,
            [new YearEntry(new FiscalYear(4), EntryKind.Result, [new YearLine("寄附金額", [Counted(8, 6, TargetKind.AtLeast)])], new PublishedAchievement(70))]);
        var year = Assert.Single(EvaluatedPlan.Of(PlanOf(item))[5].Years);
        Assert.Equal(75, year.Computed.Percent);
        Assert.Equal(Agreement.Disagrees, year.Agreement);
    }

    private static Plan PlanOf(Item item) =>
        new(new PlanInfo("計画", "", "小郡市", "", "", new FiscalYear(4), new FiscalYear(8), 2024, 2, new FiscalYear(4)), [], [], [item], []);

    [Fact]
    public void The_evaluated_plan_gives_each_year_a_status()
    {
        var item = new Item(5, "ふるさと納税の推進", ["商工観光課"], "1-2", Section.Empty, Section.Empty,
        [
            new YearEntry(new FiscalYear(4), EntryKind.Result, [new YearLine("寄附金額", [Counted(8, 8, TargetKind.AtLeast)])], null),
            new YearEntry(new FiscalYear(5), EntryKind.Result, [new YearLine("寄附金額", [Counted(8, 4, TargetKind.AtLeast)])], null),
            new YearEntry(new FiscalYear(6), EntryKind.Result, [new YearLine("寄附金額", [Counted(8, 0, TargetKind.AtLeast)])], null),
            new YearEntry(new FiscalYear(7), EntryKind.Result, [new YearLine("検討した", [])], null),
            new YearEntry(new FiscalYear(8), EntryKind.Plan, [new YearLine("寄附金額(8億円)", [])], null),
        ]);
        var evaluated = EvaluatedPlan.Of(PlanOf(item))[5];
        Assert.Equal(
            [AchievementStatus.Graded, AchievementStatus.Graded, AchievementStatus.Graded, AchievementStatus.NotAssessed, AchievementStatus.NoResults],
            evaluated.Years.Select(y => y.Status));
        Assert.Equal(["達成", "一部達成", "未達成", null, null], evaluated.Years.Select(y => y.Grade?.Word));
        Assert.Equal([GradePosition.Best, GradePosition.Between, GradePosition.Worst], evaluated.Years.Take(3).Select(y => y.Position));
        Assert.Equal(50, evaluated.For(new FiscalYear(5)).Computed.Percent);
        Assert.Equal(AchievementStatus.NoResults, evaluated.For(new FiscalYear(9)).Status);
        Assert.Equal(0.5m, evaluated.For(new FiscalYear(5)).Indicators.Single().Ratio);
    }

    private static readonly RatingScale Sabc = new([new("S", 100), new("A", 80), new("B", 60), new("C", 0)], null);

    /// <summary>A city's own scale, uncapped: 達成率 130% stays 130% and is graded S; each bound starts its grade exactly.</summary>
    [Theory]
    [InlineData(13, 10, 130, "S")]
    [InlineData(10, 10, 100, "S")]
    [InlineData(999, 1000, 100, "S")]   // 99.9% rounds half up to 100
    [InlineData(79, 100, 79, "B")]
    [InlineData(80, 100, 80, "A")]
    [InlineData(59, 100, 59, "C")]
    [InlineData(0, 100, 0, "C")]
    public void An_uncapped_scale_keeps_ratios_above_the_target_and_grades_by_its_bounds(decimal actual, decimal target, int percent, string grade)
    {
        var item = new Item(1, "例", ["課"], "1", Section.Empty, Section.Empty,
            [new YearEntry(new FiscalYear(4), EntryKind.Result, [new YearLine("指標", [Counted(target, actual, TargetKind.AtLeast)])], null)]);
        var plan = PlanOf(item) is var p ? p with { Info = p.Info with { Scale = Sabc } } : null!;
        var year = EvaluatedPlan.Of(plan)[1].For(new FiscalYear(4));
        Assert.Equal(percent, year.Computed.Percent);
        Assert.Equal(grade, year.Grade!.Word);
    }

    /// <summary>Property: on any ordered scale, every whole percent gets exactly the grade whose range holds it, and the ranges touch.</summary>
    [Fact]
    public void Every_percent_falls_in_exactly_one_grade_range()
    {
        foreach (var scale in new[] { RatingScale.Default, Sabc, new RatingScale([new("◎", 100), new("○", 70), new("△", 30), new("×", 0)], 1m) })
            for (var percent = 0; percent <= 300; percent++)
            {
                var grade = scale.Of(percent)!;
                var inRange = scale.Grades.Where(g => percent >= g.AtLeast && (scale.UpperOf(g) is not { } u || percent <= u || scale.RankOf(g) == 0)).ToList();
                Assert.Equal(grade, inRange.First());
                if (scale.RankOf(grade) > 0) Assert.Equal(scale.Grades[scale.RankOf(grade) - 1].AtLeast - 1, scale.UpperOf(grade));
            }
        Assert.Equal(100, RatingScale.Default.UpperOf(RatingScale.Default.Grades[0]));
        Assert.Null(Sabc.UpperOf(Sabc.Grades[0]));
        Assert.Equal(1m, AchievementRule.Clamp(1.3m));
        Assert.Equal(1.3m, AchievementRule.Clamp(1.3m, null));
        Assert.Equal(0m, AchievementRule.Clamp(-0.2m, null));
    }

    private static Indicator FromBaseline(decimal baseline, decimal target, decimal actual) =>
        new("指標", new Quantity(target, "件"), new Quantity(actual, "件"), target > baseline ? TargetKind.AtLeast : TargetKind.AtMost, true, new Quantity(baseline, "件"));

    /// <summary>Property: 進捗率 is 0 at the baseline and 1 at the target, linear between, whichever way the target lies.</summary>
    [Fact]
    public void Progress_from_a_baseline_is_zero_at_the_baseline_and_one_at_the_target()
    {
        var rng = new Random(20);
        for (var n = 0; n < 2000; n++)
        {
            var baseline = (decimal)rng.Next(-1000, 1000);
            var target = (decimal)rng.Next(-1000, 1000);
            if (target == baseline) { Assert.Null(AchievementRule.Progress(baseline, target, 5)); continue; }
            Assert.Equal(0m, AchievementRule.Progress(baseline, target, baseline));
            Assert.Equal(1m, AchievementRule.Progress(baseline, target, target));
            var half = baseline + (target - baseline) / 2;
            Assert.Equal(0.5m, AchievementRule.Progress(baseline, target, half));
            Assert.Equal(0m, AchievementRule.Ratio(FromBaseline(baseline, target, baseline)));
            Assert.Equal(1m, AchievementRule.Ratio(FromBaseline(baseline, target, target)));
            // Beyond the target: capped at 1 by default, kept without a cap; behind the baseline: 0.
            var beyond = target + (target - baseline);
            Assert.Equal(1m, AchievementRule.Ratio(FromBaseline(baseline, target, beyond)));
            Assert.Equal(2m, AchievementRule.Ratio(FromBaseline(baseline, target, beyond), cap: null));
            Assert.Equal(0m, AchievementRule.Ratio(FromBaseline(baseline, target, baseline - (target - baseline))));
        }
        // 待機児童 from 40 (基準値) to 0 (目標, 以下), 10 left: (10 − 40) ÷ (0 − 40) = 75%.
        Assert.Equal(75, AchievementRule.For([FromBaseline(40, 0, 10)]).Percent);
    }

    private static Item Yearly(TargetKind kind, decimal target, params decimal[] results) => new(1, "例", ["課"], "1", Section.Empty, Section.Empty,
        results.Select((r, i) => new YearEntry(new FiscalYear(4 + i), EntryKind.Result,
            [new YearLine("効果額", [new Indicator("効果額", new Quantity(target, "円"), new Quantity(r, "円"), kind, true)])], null)).ToList());

    /// <summary>
    /// Property: a 累計 indicator's ratio in a year is the sum of its yearly results up to that year ÷ the total target —
    /// it reaches 100% exactly when the running sum reaches the target, never before, and each year's figure is of its
    /// own running sum (a later year never changes an earlier one).
    /// </summary>
    [Fact]
    public void A_cumulative_total_reaches_100_percent_exactly_when_the_sum_does()
    {
        var rng = new Random(21);
        for (var n = 0; n < 500; n++)
        {
            var target = (decimal)rng.Next(1, 5000);
            var results = Enumerable.Range(0, rng.Next(1, 5)).Select(_ => (decimal)rng.Next(0, 2000)).ToArray();
            var years = EvaluatedPlan.Of(PlanOf(Yearly(TargetKind.Cumulative, target, results)))[1].Years;
            var sum = 0m;
            for (var i = 0; i < results.Length; i++)
            {
                sum += results[i];
                var year = years[i];
                Assert.Equal(sum, year.Indicators.Single().Total!.Value);
                Assert.Equal(Math.Min(1m, sum / target), year.Indicators.Single().Ratio);
                Assert.Equal(sum >= target, year.Indicators.Single().Ratio == 1m);   // the ratio, before rounding to a whole percent
                if (sum >= target) Assert.Equal(100, year.Computed.Percent);
            }
        }
        // The same figures written as 以上 compare each year alone: the sum is what makes 累計 differ.
        var plain = EvaluatedPlan.Of(PlanOf(Yearly(TargetKind.AtLeast, 300, 100, 100, 100)))[1].Years;
        Assert.Equal([33, 33, 33], plain.Select(y => y.Computed.Percent!.Value));
        var cumulative = EvaluatedPlan.Of(PlanOf(Yearly(TargetKind.Cumulative, 300, 100, 100, 100)))[1].Years;
        Assert.Equal([33, 67, 100], cumulative.Select(y => y.Computed.Percent!.Value));
    }

    private static Indicator Stage(string target, string actual, string? baseline = null) =>
        new("策定状況", null, null, TargetKind.Stage, true, Words: new IndicatorWords(target, actual, baseline));

    private static readonly string[] Stages = ["未着手", "検討", "策定", "実施"];

    /// <summary>Property: a 段階 indicator is 0 at its baseline stage (the first stage without one), 1 at its target stage, and each stage between is its share of the way.</summary>
    [Fact]
    public void A_milestone_is_its_share_of_the_way_from_the_baseline_stage_to_the_target_stage()
    {
        for (var t = 1; t < Stages.Length; t++)
            for (var a = 0; a < Stages.Length; a++)
            {
                Assert.Equal(Math.Min(1m, (decimal)a / t), AchievementRule.Ratio(Stage(Stages[t], Stages[a]), 1m, Stages));
                for (var b = 0; b < t; b++)
                    Assert.Equal(Math.Max(0m, Math.Min(1m, (decimal)(a - b) / (t - b))), AchievementRule.Ratio(Stage(Stages[t], Stages[a], Stages[b]), 1m, Stages));
            }
        Assert.Equal(67, AchievementRule.For([Stage("実施", "策定")], 1m, Stages).Percent);
        Assert.Null(AchievementRule.Ratio(Stage("実施", "策定"), 1m, null));            // no stages declared: no ratio
        Assert.Null(AchievementRule.Ratio(Stage("実施", "完了"), 1m, Stages));          // a state not in the list
        Assert.Null(AchievementRule.Ratio(Stage("検討", "策定", "検討"), 1m, Stages));   // baseline at the target: nothing to progress
    }

    /// <summary>Property: 増加 / 減少 is 1 exactly when the result moved from the baseline the wanted way; no change is 0.</summary>
    [Fact]
    public void A_direction_is_met_only_by_moving_the_wanted_way_from_the_baseline()
    {
        var rng = new Random(22);
        for (var n = 0; n < 1000; n++)
        {
            var baseline = (decimal)rng.Next(-100, 100);
            var actual = (decimal)rng.Next(-100, 100);
            foreach (var kind in new[] { TargetKind.Increase, TargetKind.Decrease })
            {
                var indicator = new Indicator("貸出冊数", null, new Quantity(actual, "冊"), kind, true, new Quantity(baseline, "冊"));
                var wanted = kind == TargetKind.Increase ? actual > baseline : actual < baseline;
                Assert.Equal(wanted ? 1m : 0m, AchievementRule.Ratio(indicator));
            }
        }
    }

    /// <summary>A result that cannot be rated (評価不能) has no ratio and is not a zero: a year of only such results is 評価不能, not the worst grade.</summary>
    [Fact]
    public void A_result_that_cannot_be_rated_is_kept_apart_from_zero()
    {
        var notRatable = new Indicator("出生率", new Quantity(1.5m, ""), null, TargetKind.AtLeast, true, NotRatable: "評価不能");
        var zero = new Indicator("相談件数", new Quantity(10, "件"), new Quantity(0, "件"), TargetKind.AtLeast, true);
        Assert.Null(AchievementRule.Ratio(notRatable));
        var item = new Item(1, "例", ["課"], "1", Section.Empty, Section.Empty,
        [
            new YearEntry(new FiscalYear(4), EntryKind.Result, [new YearLine("a", [notRatable])], null),
            new YearEntry(new FiscalYear(5), EntryKind.Result, [new YearLine("a", [notRatable]), new YearLine("b", [zero])], null),
        ]);
        var years = EvaluatedPlan.Of(PlanOf(item))[1].Years;
        Assert.Equal(AchievementStatus.NotRatable, years[0].Status);
        Assert.Null(years[0].Computed.Percent);
        Assert.Null(years[0].Grade);
        Assert.Equal(0, years[1].Computed.Percent);      // the ratable one counts; the other is left out, not averaged in as 0
        Assert.Equal("未達成", years[1].Grade!.Word);
    }

    /// <summary>見込 is shown apart and never counted: a forecast of 100% leaves the year without results 実績未登録.</summary>
    [Fact]
    public void A_forecast_is_never_counted()
    {
        var forecast = new Indicator("相談件数", new Quantity(10, "件"), new Quantity(20, "件"), TargetKind.AtLeast, true);
        var item = new Item(1, "例", ["課"], "1", Section.Empty, Section.Empty,
            [new YearEntry(new FiscalYear(5), EntryKind.Forecast, [new YearLine("見込", [forecast])], null)]);
        var year = EvaluatedPlan.Of(PlanOf(item))[1].For(new FiscalYear(5));
        Assert.Equal(AchievementStatus.NoResults, year.Status);
        Assert.NotNull(year.Forecast);
        Assert.Null(year.Indicators.Single().Ratio);
    }

    /// <summary>Property: 集計 (実施率) is the share of items with results whose grade is one of the counted words, to one decimal, half up.</summary>
    [Fact]
    public void A_tally_is_the_share_of_items_with_a_counted_grade_rounded_half_up_to_one_decimal()
    {
        var scale = new RatingScale([new("◎", 100), new("○", 80), new("△", 1), new("×", 0)], 1m);
        var tally = new Tally("実施率", ["◎", "○"]);
        var rng = new Random(23);
        for (var n = 0; n < 300; n++)
        {
            var percents = Enumerable.Range(0, rng.Next(1, 40)).Select(_ => rng.Next(0, 101)).ToList();
            var years = percents.Select(p => new YearEvaluation(new FiscalYear(5), null, new YearEntry(new FiscalYear(5), EntryKind.Result, [], null),
                new Achievement(p, []), [], scale.Of(p))).ToList();
            var (counted, of, percent) = tally.Of(years.Append(new YearEvaluation(new FiscalYear(5), null, null, Achievement.None, [])));
            var expected = percents.Count(p => p >= 80);
            Assert.Equal((expected, percents.Count), (counted, of));   // a year without results is not counted at all
            Assert.Equal(Math.Round(expected * 100m / percents.Count, 1, MidpointRounding.AwayFromZero), percent);
        }
        Assert.Null(tally.Of([]).Percent);
    }
}

public class AccessibilityChecklistTests
{
    private static AuditRun Run(params AuditFinding[] failures) =>
        new("2026-11-25", "Chrome/1", "axe-core 4.14.0", ["index.html"],
            [new AuditRule("color-contrast", "", ["1.4.3"], failures.Length > 0 ? "failed" : "passed", 1), new AuditRule("html-has-lang", "", ["3.1.1"], "passed", 1)], failures);

    [Fact]
    public void There_are_38_criteria_25_A_and_13_AA()
    {
        Assert.Equal(38, Wcag20.All.Count);
        Assert.Equal(25, Wcag20.All.Count(c => c.Level == "A"));
        Assert.Equal(13, Wcag20.All.Count(c => c.Level == "AA"));
        Assert.Equal(38, Wcag20.All.Select(c => c.Number).Distinct().Count());
    }

    [Fact]
    public void Automatic_passes_alone_never_make_a_criterion_conform()
    {
        var rows = AccessibilityChecklist.Rows(new AccessibilityRecord(Run(), []));
        var contrast = rows.Single(r => r.Criterion.Number == "1.4.3");
        Assert.Equal(CheckResult.Unchecked, contrast.Result);
        Assert.True(contrast.AutomaticPassed);
        Assert.Equal(AccessibilityChecklist.Conformance.Considered, AccessibilityChecklist.Of(rows));
    }

    [Fact]
    public void Every_criterion_checked_gives_conforms_or_partially_conforms()
    {
        var all = Wcag20.All.Select(c => new ManualCheck(c.Number, CheckResult.Conforms, "2026-11-25", "総務広報課", "")).ToList();
        Assert.Equal(AccessibilityChecklist.Conformance.Conforms, AccessibilityChecklist.Of(AccessibilityChecklist.Rows(new AccessibilityRecord(Run(), all))));
        var failing = Run(new AuditFinding("index.html", "1.4.3", "axe color-contrast", "低いコントラスト"));
        var rows = AccessibilityChecklist.Rows(new AccessibilityRecord(failing, all));
        Assert.Equal(CheckResult.Fails, rows.Single(r => r.Criterion.Number == "1.4.3").Result);   // an automatic failure wins over a person's 適合
        Assert.Equal(AccessibilityChecklist.Conformance.PartiallyConforms, AccessibilityChecklist.Of(rows));
    }
}

public class MunicipalityCodeTests
{
    /// <summary>Published codes (総務省): 小郡市, 千代田区, 札幌市, 那覇市.</summary>
    [Theory]
    [InlineData("402168")]
    [InlineData("131016")]
    [InlineData("011002")]
    [InlineData("472018")]
    public void Published_codes_have_a_right_check_digit(string code) => Assert.True(MunicipalityCode.IsValid(code));

    /// <summary>Property: for any five digits exactly one sixth digit makes a valid code, the one CheckDigit gives.</summary>
    [Fact]
    public void Exactly_one_check_digit_fits_any_five_digits()
    {
        var rng = new Random(24);
        for (var n = 0; n < 2000; n++)
        {
            var five = rng.Next(0, 100000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            var valid = Enumerable.Range(0, 10).Where(d => MunicipalityCode.IsValid(five + d)).ToList();
            Assert.Equal([MunicipalityCode.CheckDigit(five)!.Value], valid);
        }
        Assert.Null(MunicipalityCode.CheckDigit("4021"));
        Assert.False(MunicipalityCode.IsValid("40216８"));
    }
}
