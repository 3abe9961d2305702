namespace ActionPlan.Domain;

/// <summary>How the computed figure compares with the published one (公表値).</summary>
public enum Agreement { Agrees, Disagrees, NotPublished }

/// <summary>Where an item stands for a year, told in words on the site and never by colour alone.</summary>
public enum AchievementStatus
{
    /// <summary>An achievement, rated on the plan's scale (<see cref="YearEvaluation.Grade"/>).</summary>
    Graded,
    /// <summary>Results, but no counted indicator: 評価対象外（数値目標なし）.</summary>
    NotAssessed,
    /// <summary>Counted indicators, but none could be rated (評価不能, －): the plan's not-ratable word, kept apart from zero.</summary>
    NotRatable,
    /// <summary>No results for the year yet: 実績未登録.</summary>
    NoResults,
    /// <summary>A figure, but the plan's scale (評価) is given by people and no grade was given for the year: 評価未記入.</summary>
    Ungraded,
}

/// <summary>One indicator with the ratio the rule gives it (null when it does not count or cannot be computed).</summary>
/// <param name="Total">累計: the running total up to this year, which the ratio is of.</param>
/// <param name="Grade">The indicator's own grade on the plan's scale (its ratio as a whole percent), when it has a ratio.</param>
public sealed record IndicatorEvaluation(Indicator Indicator, EntryKind Kind, decimal? Ratio, Quantity? Total = null, Grade? Grade = null);

/// <summary>An item's year, evaluated: its achievement, its status, the published figure and whether they agree.</summary>
public sealed record YearEvaluation(
    FiscalYear Year,
    YearEntry? Plan,
    YearEntry? Results,
    Achievement Computed,
    IReadOnlyList<IndicatorEvaluation> Indicators,
    Grade? Grade = null,
    GradePosition Position = GradePosition.Between)
{
    public bool HasResults => Results is not null;
    public PublishedAchievement? Published => Results?.Published;

    public Agreement Agreement =>
        Published is null ? Agreement.NotPublished
        : Published.Percent == Computed.Percent ? Agreement.Agrees
        : Agreement.Disagrees;

    /// <summary>The ratio the rule gave this indicator of the year (null when it does not count).</summary>
    public decimal? RatioOf(Indicator indicator) => Indicators.FirstOrDefault(i => ReferenceEquals(i.Indicator, indicator))?.Ratio;

    public AchievementStatus Status =>
        !HasResults ? AchievementStatus.NoResults
        : Grade is not null ? AchievementStatus.Graded
        : Computed.Percent is not null ? AchievementStatus.Ungraded
        : Results!.Lines.SelectMany(l => l.Indicators).Any(i => i.Counted && i.NotRatable is not null) ? AchievementStatus.NotRatable
        : AchievementStatus.NotAssessed;

    /// <summary>The year's 見込 (forecast) lines, shown apart from results.</summary>
    public YearEntry? Forecast { get; init; }

    /// <summary>The plan's word for a year that cannot be rated (plan.md 評価不能), when it declares one.</summary>
    public string? NotRatableWord { get; init; }

    /// <summary>The grade staff gave on the plan's own 職員の評価 scale, shown beside the computed one; null when the plan has no such scale or none was given.</summary>
    public Grade? Staff { get; init; }

    /// <summary>The grade staff gave, on whichever scale they give (職員の評価, or the plan's 評価).</summary>
    public Grade? GivenGrade { get; init; }

    /// <summary>The grade the computed figure earns on the scale staff give, when that scale is one of percents.</summary>
    public Grade? StaffComputed { get; init; }

    /// <summary>What the computed figure earns on the scale staff gave their grade on (for the message when they disagree).</summary>
    public Grade? ComputedOnGivenScale => Staff is null ? Grade : StaffComputed;

    /// <summary>Staff gave a grade with a percent rule and the figure computes to another one (the publish gate stops this).</summary>
    public bool GivenGradeDisagrees => GivenGrade is { Rule: GradeRule.Percent } given && Computed.Percent is not null
        && ComputedOnGivenScale is { } c && c != given;
}

/// <summary>An item with every year it has a plan or results for, evaluated.</summary>
public sealed record ItemEvaluation(Item Item, IReadOnlyList<YearEvaluation> Years)
{
    /// <summary>最終更新: the edition that last changed the item (history.csv), worked out once; null without editions.</summary>
    public ItemUpdate? Update { get; init; }

    /// <summary>The year's evaluation; a year without plan or results is evaluated as 実績未登録.</summary>
    public YearEvaluation For(FiscalYear year) =>
        Years.FirstOrDefault(y => y.Year == year) ?? new YearEvaluation(year, null, null, Achievement.None, []);

    public IEnumerable<YearEvaluation> WithResults => Years.Where(y => y.HasResults);
}

/// <summary>
/// The Compute stage: the whole plan evaluated once, right after Load — every item's every year, every indicator's
/// ratio, achievement, status and agreement with 公表値. The site model, open data, check, the change report and the
/// publish gate read this; none of them applies the rule again.
/// </summary>
public sealed class EvaluatedPlan
{
    private readonly Dictionary<int, ItemEvaluation> _byNumber;

    public Plan Plan { get; }
    public IReadOnlyList<ItemEvaluation> Items { get; }

    /// <summary>The edition's reporting year (実績年度), the year the index summarises.</summary>
    public FiscalYear ReportingYear => Plan.Info.ReportingYear;

    private EvaluatedPlan(Plan plan, IReadOnlyList<ItemEvaluation> items)
    {
        Plan = plan;
        Items = items;
        _byNumber = items.ToDictionary(i => i.Item.Number);
    }

    public ItemEvaluation this[int number] => _byNumber[number];

    /// <summary>The policies' own indicators (a 基本目標's 数値目標), evaluated like an item's; only policies that have some.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<YearEvaluation>> Policies { get; private init; } = new Dictionary<string, IReadOnlyList<YearEvaluation>>();

    public static EvaluatedPlan Of(Plan plan) => new(plan, plan.Items.Select(i => new ItemEvaluation(i, Evaluate(i.Entries, plan.Info))
        {
            Update = ItemUpdate.Of(plan.Editions, i.Number),
        }).ToList())
    {
        Policies = plan.Policies.Where(p => p.Indicators.Count > 0).ToDictionary(p => p.Code, p => Evaluate(p.Indicators, plan.Info)),
    };

    /// <summary>Every year of one item's (or policy's) entries: each indicator's ratio and grade, the year's achievement and grade.</summary>
    public static IReadOnlyList<YearEvaluation> Evaluate(IReadOnlyList<YearEntry> entries, PlanInfo info)
    {
        var scale = info.Rating;
        var stages = info.Form.Stages;
        // 累計: each counted indicator's yearly results by name, summed up to the year evaluated.
        var yearly = entries.Where(e => e.Kind == EntryKind.Result)
            .SelectMany(e => e.Lines.SelectMany(l => l.Indicators).Where(i => i.Kind == TargetKind.Cumulative && i.Actual is not null).Select(i => (e.Year, i)))
            .ToLookup(x => x.i.Name, x => (x.Year, x.i.Actual!));
        return entries.Select(e => e.Year).Distinct().Order().Select(year =>
        {
            var plan = entries.FirstOrDefault(e => e.Year == year && e.Kind == EntryKind.Plan);
            var results = entries.FirstOrDefault(e => e.Year == year && e.Kind == EntryKind.Result);
            var forecast = entries.FirstOrDefault(e => e.Year == year && e.Kind == EntryKind.Forecast);
            var indicators = entries.Where(e => e.Year == year).OrderBy(e => e.Kind)
                .SelectMany(e => e.Lines.SelectMany(l => l.Indicators).Select(i => EvaluateIndicator(i, e.Kind, year, yearly, info)))
                .ToList();
            var computed = results is null ? Achievement.None
                : AchievementRule.Of(indicators.Where(i => i.Kind == EntryKind.Result && i.Ratio is not null).Select(i => new IndicatorRatio(i.Indicator, i.Ratio!.Value)).ToList());
            // The computed figure's grade; without one, the grade staff gave (a plan rated by people), if it is on the scale.
            var given = results?.Given is { } g ? info.StaffRating.Find(g.Word) : null;
            var grade = (computed.Percent is { } p ? scale.Of(p) : null) ?? (info.StaffScale is null ? given : null);
            return new YearEvaluation(year, plan, results, computed, indicators, grade, grade is null ? GradePosition.Between : scale.PositionOf(grade))
            {
                Forecast = forecast,
                NotRatableWord = info.Form.NotRatable,
                Staff = info.StaffScale is null ? null : given,
                GivenGrade = given,
                StaffComputed = computed.Percent is { } q && given?.Rule == GradeRule.Percent ? info.StaffRating.Of(q) : null,
            };
        }).ToList();
    }

    private static IndicatorEvaluation EvaluateIndicator(Indicator indicator, EntryKind kind, FiscalYear year, ILookup<string, (FiscalYear, Quantity)> yearly, PlanInfo info)
    {
        if (kind == EntryKind.Forecast) return new IndicatorEvaluation(indicator, kind, null);
        Quantity? total = null;
        var rated = indicator;
        if (indicator.Kind == TargetKind.Cumulative && kind == EntryKind.Result && indicator.Actual is not null)
        {
            total = AchievementRule.Total(yearly[indicator.Name], year);
            rated = indicator with { Actual = total };
        }
        var ratio = AchievementRule.Ratio(rated, info.Rating.Cap, info.Form.Stages);
        var grade = kind != EntryKind.Result ? null
            : info.IndicatorRating.IsPercent ? ratio is { } r ? info.IndicatorRating.Of(AchievementRule.ToPercent([r])) : null
            : info.IndicatorRating.OfIndicator(ratio, AchievementRule.Change(rated, info.Form.Stages),
                indicator.Counted && (rated.Actual is not null || rated.Words?.Actual is not null || rated.NotRatable is not null),
                indicator.Kind is not (TargetKind.Increase or TargetKind.Decrease));
        return new IndicatorEvaluation(indicator, kind, ratio, total, grade);
    }
}
