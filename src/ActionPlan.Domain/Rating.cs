namespace ActionPlan.Domain;

/// <summary>Where a grade stands on its scale: the meter shows the best and the worst apart from those between.</summary>
public enum GradePosition { Best, Between, Worst }

/// <summary>A grade of the plan's rating scale: the word the city uses and the lowest whole percent that earns it.</summary>
public sealed record Grade(string Word, int AtLeast);

/// <summary>
/// The plan's rating scale (plan.md 「評価」) and the cap on an indicator's ratio (「比率の上限」): a year's achievement,
/// a whole percent, gets the first grade whose lower bound it reaches, the grades listed from the best down. The best
/// grade is shown in the meter's best colour, the last in its worst, the others between; the words are always shown, so
/// colour never carries the grade alone. Without a cap a ratio above the target counts as it is (達成率 130%).
/// </summary>
public sealed record RatingScale(IReadOnlyList<Grade> Grades, decimal? Cap)
{
    /// <summary>
    /// The scale a plan without 「評価」 is rated on — 達成 (100%) / 一部達成 (1–99%) / 未達成 (0%), ratios capped at
    /// 100% — written out in docs/plan-shapes.md; a plan that rates otherwise declares its own.
    /// </summary>
    public static RatingScale Default { get; } = new([new("達成", 100), new("一部達成", 1), new("未達成", 0)], 1m);

    /// <summary>The grade of a whole percent: the first whose bound it reaches (below every bound, the last).</summary>
    public Grade Of(int percent) => Grades.FirstOrDefault(g => percent >= g.AtLeast) ?? Grades[^1];

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
