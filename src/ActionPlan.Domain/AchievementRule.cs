namespace ActionPlan.Domain;

/// <summary>The ratio one counted indicator contributes, already clamped to [0, cap] (no upper bound without a cap).</summary>
public sealed record IndicatorRatio(Indicator Indicator, decimal Ratio);

/// <summary>年度計画達成度 of one item and year: a whole percent, or none when nothing is counted.</summary>
public sealed record Achievement(int? Percent, IReadOnlyList<IndicatorRatio> Ratios)
{
    public static Achievement None { get; } = new(null, []);
    public bool IsAssessed => Percent.HasValue;
    public string Display => Percent is { } p ? $"{p}%" : "—";
}

/// <summary>
/// The rule behind the published 年度計画達成度 (see docs/achievement.md):
/// per counted indicator, ratio = actual ÷ target for 以上 targets; for 以下 targets 1 when actual ≤ target,
/// else target ÷ actual. Each ratio is clamped to [0, 1]. The year's figure is the mean of its ratios as a
/// whole percent rounded half up; no counted indicator gives no figure.
/// Signed targets: 以上 with a negative target (「前年度比▲600時間以上」, a reduction of at least 600) divides the signed
/// values, so a smaller reduction scores less and any increase scores 0. 以下 with a negative target (「▲1%以下」) reads
/// two ways (a reduction of at most 1%, or a change of at most −1%): it has no ratio here, and the loader refuses it
/// with a message suggesting the 以上 form.
/// </summary>
public static class AchievementRule
{
    /// <summary>The clamped ratio of one indicator, or null when it does not count, lacks a figure or cannot be rated.</summary>
    /// <param name="cap">The plan's cap on a ratio (1 = 100%, the default scale's); null counts a ratio above the target as it is.</param>
    /// <param name="stages">The plan's 段階 list, first to last (for 段階 indicators).</param>
    /// <remarks>For 累計 the caller passes the indicator with <see cref="Indicator.Actual"/> already the running total (<see cref="Total"/>).</remarks>
    public static decimal? Ratio(Indicator indicator, decimal? cap = 1m, IReadOnlyList<string>? stages = null)
    {
        if (!indicator.Counted || indicator.Kind is not { } kind || indicator.NotRatable is not null) return null;
        switch (kind)
        {
            case TargetKind.Stage:
                if (stages is null || indicator.Words is not { Target: { } t, Actual: { } a } words) return null;
                int rt = IndexOf(stages, t), ra = IndexOf(stages, a), rb = words.Baseline is { } b ? IndexOf(stages, b) : 0;
                if (rt < 0 || ra < 0 || rb < 0) return null;
                return Progress(rb, rt, ra) is { } stage ? Clamp(stage, cap) : null;
            case TargetKind.Increase or TargetKind.Decrease:
                if (indicator.Baseline is null || indicator.Actual is null) return null;
                return Direction(kind, indicator.Baseline.Value, indicator.Actual.Value);
        }
        if (indicator.Target is null || indicator.Actual is null) return null;
        if (indicator.Baseline is { } baseline)
            return Progress(baseline.Value, indicator.Target.Value, indicator.Actual.Value) is { } progress ? Clamp(progress, cap) : null;
        if (!IsDefined(kind, indicator.Target.Value)) return null;
        return Clamp(RawRatio(indicator.Target.Value, indicator.Actual.Value, kind), cap);
    }

    /// <summary>
    /// The result against its baseline in the direction the plan wants (docs/achievement.md 2c): the way from the baseline
    /// to the target when both are given, else the kind's (以上・累計・増加 up, 以下・減少 down); stages by their place in
    /// the plan's 段階 list. Null without a baseline or a result, or when the indicator is not counted.
    /// </summary>
    /// <remarks>For 累計 the caller passes the indicator with <see cref="Indicator.Actual"/> already the running total.</remarks>
    public static BaselineChange? Change(Indicator indicator, IReadOnlyList<string>? stages = null)
    {
        if (!indicator.Counted || indicator.NotRatable is not null) return null;
        decimal baseline, actual, target;
        bool hasTarget;
        if (indicator.Kind == TargetKind.Stage)
        {
            if (stages is null || indicator.Words is not { Actual: { } a, Baseline: { } b } words) return null;
            baseline = IndexOf(stages, b);
            actual = IndexOf(stages, a);
            if (baseline < 0 || actual < 0) return null;
            hasTarget = words.Target is { } t && IndexOf(stages, t) >= 0;
            target = hasTarget ? IndexOf(stages, words.Target!) : 0;
        }
        else
        {
            if (indicator.Baseline is null || indicator.Actual is null) return null;
            baseline = indicator.Baseline.Value;
            actual = indicator.Actual.Value;
            hasTarget = indicator.Target is not null;
            target = indicator.Target?.Value ?? 0;
        }
        var wanted = hasTarget && target != baseline ? Math.Sign(target - baseline)
            : indicator.Kind is TargetKind.AtMost or TargetKind.Decrease ? -1 : 1;
        return new BaselineChange(Math.Sign(actual - baseline) * wanted, baseline, actual);
    }

    private static int IndexOf(IReadOnlyList<string> stages, string stage)
    {
        for (var i = 0; i < stages.Count; i++)
            if (stages[i] == stage) return i;
        return -1;
    }

    /// <summary>増加 / 減少: 1 when the result moved from the baseline the way the plan wants, else 0 (no change is 0).</summary>
    public static decimal Direction(TargetKind kind, decimal baseline, decimal actual) =>
        kind == TargetKind.Increase ? (actual > baseline ? 1 : 0) : (actual < baseline ? 1 : 0);

    /// <summary>
    /// 累計: the sum of the yearly results up to and including <paramref name="year"/> (each year's 実績値 is that year's
    /// amount), in the unit and shape of the latest one; null when none of those years has a result.
    /// </summary>
    public static Quantity? Total(IEnumerable<(FiscalYear Year, Quantity Actual)> yearly, FiscalYear year)
    {
        Quantity? latest = null;
        var sum = 0m;
        foreach (var (y, actual) in yearly.Where(x => x.Year <= year).OrderBy(x => x.Year))
        {
            sum += actual.Value;
            latest = actual;
        }
        return latest is null ? null : latest with { Value = sum, Approximate = false };
    }

    /// <summary>Whether a target of this kind and sign has one meaning (以下 with a negative target does not).</summary>
    public static bool IsDefined(TargetKind kind, decimal target) => Targets.HaveOneMeaning(kind, target);

    /// <summary>The unclamped ratio. A zero target is met by any actual at or on the right side of zero.</summary>
    public static decimal RawRatio(decimal target, decimal actual, TargetKind kind)
    {
        switch (kind)
        {
            case TargetKind.AtLeast or TargetKind.Cumulative:
                if (target == 0) return actual >= 0 ? 1 : 0;
                return actual / target;
            case TargetKind.AtMost:
                if (target < 0) throw new ArgumentOutOfRangeException(nameof(target), "以下 with a negative target is ambiguous (see IsDefined)");
                if (actual <= target) return 1;
                if (actual == 0) return 0;
                return target / actual;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>
    /// 進捗率 = (実績 − 基準値) ÷ (目標 − 基準値): 0 at the baseline, 1 at the target, for a target above the baseline
    /// (以上) and below it (以下) alike; null when the target is the baseline (nothing to progress).
    /// </summary>
    public static decimal? Progress(decimal baseline, decimal target, decimal actual) =>
        target == baseline ? null : (actual - baseline) / (target - baseline);

    public static decimal Clamp(decimal ratio, decimal? cap = 1m) => ratio < 0 ? 0 : cap is { } c && ratio > c ? c : ratio;

    /// <summary>Mean of the ratios as a whole percent, rounded half up.</summary>
    public static int ToPercent(IReadOnlyCollection<decimal> ratios)
    {
        if (ratios.Count == 0) throw new ArgumentException("at least one ratio is needed", nameof(ratios));
        var mean = ratios.Sum() / ratios.Count;
        return (int)Math.Floor(mean * 100m + 0.5m);
    }

    /// <summary>The achievement of the indicators stated by a year's result lines.</summary>
    public static Achievement For(IEnumerable<Indicator> indicators, decimal? cap = 1m, IReadOnlyList<string>? stages = null)
    {
        var ratios = new List<IndicatorRatio>();
        foreach (var indicator in indicators)
            if (Ratio(indicator, cap, stages) is { } r) ratios.Add(new IndicatorRatio(indicator, r));
        return Of(ratios);
    }

    /// <summary>The achievement of ratios already computed: their mean as a whole percent, or none.</summary>
    public static Achievement Of(IReadOnlyList<IndicatorRatio> ratios) =>
        ratios.Count == 0 ? Achievement.None : new Achievement(ToPercent(ratios.Select(r => r.Ratio).ToList()), ratios);

    /// <summary>The achievement of an item for a year, from its 実績 entry (none when no results yet).</summary>
    public static Achievement For(Item item, FiscalYear year) =>
        For(item.Entries.Where(e => e.Year == year && e.Kind == EntryKind.Result).SelectMany(e => e.Lines).SelectMany(l => l.Indicators));
}
