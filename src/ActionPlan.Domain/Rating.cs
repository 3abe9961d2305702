namespace ActionPlan.Domain;

/// <summary>Where a grade stands on its scale: the meter shows the best and the worst apart from those between.</summary>
public enum GradePosition { Best, Between, Worst }

/// <summary>
/// How a grade is earned (docs/achievement.md 「評価の段階」): <see cref="Percent"/> — a whole percent at or above
/// <see cref="Grade.AtLeast"/>; <see cref="TargetReached"/> — the indicator reached its target (ratio 100% or more);
/// <see cref="AboveBaseline"/>, <see cref="NearBaseline"/>, <see cref="BelowBaseline"/> — the result against the
/// baseline, in the direction the plan wants, beyond, within or below a band of ±<see cref="Grade.Band"/> of the
/// baseline; <see cref="NotRatable"/> — a counted result that no other grade can rate; <see cref="Given"/> — given
/// by people, never computed.
/// </summary>
public enum GradeRule { Percent, TargetReached, AboveBaseline, NearBaseline, BelowBaseline, NotRatable, Given }

/// <summary>
/// A grade of a rating scale: the word (or symbol) the city uses and how it is earned; <see cref="AtLeast"/> is the
/// lowest whole percent for a <see cref="GradeRule.Percent"/> grade (0 otherwise). <see cref="Meaning"/> is the words
/// after a symbol (A 計画通り); <see cref="Band"/> the ±share of the baseline a <see cref="GradeRule.NearBaseline"/> grade
/// allows (0.1 = ±10%).
/// </summary>
public sealed record Grade(string Word, int AtLeast)
{
    public GradeRule Rule { get; init; } = GradeRule.Percent;
    public string? Meaning { get; init; }
    public decimal Band { get; init; }

    /// <summary>The grade as the page shows it: 「A 計画通り」, or the word alone.</summary>
    public string Label => Meaning is null ? Word : $"{Word} {Meaning}";
}

/// <summary>
/// A result measured against its baseline, in the direction the plan wants (docs/achievement.md 2c):
/// <see cref="Direction"/> +1 better, −1 worse, 0 the same; <see cref="Within"/> whether it stays within ±band of the
/// baseline (|実績 − 基準値| ≤ band × |基準値|; a zero baseline has no band but itself).
/// </summary>
public sealed record BaselineChange(int Direction, decimal Baseline, decimal Actual)
{
    public bool Within(decimal band) => Direction == 0 || Math.Abs(Actual - Baseline) <= band * Math.Abs(Baseline);
}

/// <summary>
/// A rating scale — the plan's (plan.md 「評価」), the one its indicators are graded on (「指標の評価」) or the one people
/// give (「職員の評価」) — and the cap on an indicator's ratio (「比率の上限」). A percent scale gives a year's
/// achievement, a whole percent, the first grade whose lower bound it reaches, the grades listed from the best down.
/// An indicator scale may also grade against the target and the baseline. The best grade is shown in the meter's best
/// colour, the last in its worst, the others between; the words are always shown, so colour never carries the grade
/// alone. Without a cap a ratio above the target counts as it is (達成率 130%).
/// </summary>
public sealed record RatingScale(IReadOnlyList<Grade> Grades, decimal? Cap)
{
    /// <summary>
    /// The scale a plan without 「評価」 is rated on — 達成 (100%) / 一部達成 (1–99%) / 未達成 (0%), ratios capped at
    /// 100% — written out in docs/plan-shapes.md; a plan that rates otherwise declares its own.
    /// </summary>
    public static RatingScale Default { get; } = new([new("達成", 100), new("一部達成", 1), new("未達成", 0)], 1m);

    /// <summary>Every grade is earned by a percent (the scale can grade a year's achievement).</summary>
    public bool IsPercent => Grades.All(g => g.Rule == GradeRule.Percent);

    /// <summary>Every grade is given by people (words only).</summary>
    public bool IsGiven => Grades.All(g => g.Rule == GradeRule.Given);

    /// <summary>The grade of a whole percent: the first percent grade whose bound it reaches (below every bound, the last); null on a scale without percent grades.</summary>
    public Grade? Of(int percent)
    {
        var percents = Grades.Where(g => g.Rule == GradeRule.Percent).ToList();
        return percents.Count == 0 ? null : percents.FirstOrDefault(g => percent >= g.AtLeast) ?? percents[^1];
    }

    /// <summary>
    /// An indicator's grade: the first grade, best first, whose rule holds for its ratio (null when it has none) and its
    /// change from the baseline (null without one); a counted result nothing else rates gets the not-ratable grade.
    /// The band of the scale's <see cref="GradeRule.NearBaseline"/> grade bounds 「above」 and 「below」 too, so the three
    /// baseline grades never overlap.
    /// </summary>
    /// <param name="hasTarget">The indicator has a target to reach (増加 / 減少 have only a direction: 目標達成 never holds for them).</param>
    public Grade? OfIndicator(decimal? ratio, BaselineChange? change, bool counted, bool hasTarget = true)
    {
        var band = Grades.FirstOrDefault(g => g.Rule == GradeRule.NearBaseline)?.Band ?? 0m;
        foreach (var grade in Grades)
        {
            var holds = grade.Rule switch
            {
                GradeRule.Percent => ratio is { } r && AchievementRule.ToPercent([r]) >= grade.AtLeast,
                GradeRule.TargetReached => hasTarget && ratio >= 1m,
                GradeRule.AboveBaseline => change is { Direction: > 0 } c && !c.Within(band),
                GradeRule.NearBaseline => change is { } c && c.Within(band),
                GradeRule.BelowBaseline => change is { Direction: < 0 } c && !c.Within(band),
                _ => false,
            };
            if (holds) return grade;
        }
        return counted ? Grades.FirstOrDefault(g => g.Rule == GradeRule.NotRatable) : null;
    }

    /// <summary>The grade staff wrote: its word, its meaning (計画通り) or both (A 計画通り), spaces, widths and letter case folded.</summary>
    public Grade? Find(string written)
    {
        var w = Fold(written);
        return Grades.FirstOrDefault(g => Fold(g.Word) == w) ?? Grades.FirstOrDefault(g => g.Meaning is { } m && (Fold(m) == w || Fold(g.Label) == w));
    }

    private static string Fold(string s) => string.Concat(s.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>0 for the best grade, Grades.Count − 1 for the last.</summary>
    public int RankOf(Grade grade)
    {
        for (var i = 0; i < Grades.Count; i++)
            if (Grades[i] == grade) return i;
        return -1;
    }

    /// <summary>The best grade, the last one, or one between (a one-grade scale has only the best).</summary>
    public GradePosition PositionOf(Grade grade)
    {
        var rank = RankOf(grade);
        return rank == 0 ? GradePosition.Best : rank == Grades.Count - 1 ? GradePosition.Worst : GradePosition.Between;
    }

    /// <summary>The highest whole percent that still earns <paramref name="grade"/>: one below the next better grade's bound, or the cap's percent for the best grade (null without a cap).</summary>
    public int? UpperOf(Grade grade)
    {
        var rank = RankOf(grade);
        if (rank > 0) return Grades[rank - 1].AtLeast - 1;
        return Cap is { } cap ? (int)Math.Floor(cap * 100m) : null;
    }
}
