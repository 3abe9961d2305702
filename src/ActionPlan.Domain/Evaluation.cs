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
    /// <summary>No results for the year yet: 実績未登録.</summary>
    NoResults,
}

/// <summary>One indicator with the ratio the rule gives it (null when it does not count or cannot be computed).</summary>
public sealed record IndicatorEvaluation(Indicator Indicator, EntryKind Kind, decimal? Ratio);

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
        : Grade is null ? AchievementStatus.NotAssessed
        : AchievementStatus.Graded;

    /// <summary>Staff gave a grade and the figure computes to another one (the publish gate stops this).</summary>
    public bool GivenGradeDisagrees => Results?.Given is { } given && Computed.Percent is not null && Grade is { } g && g.Word != given.Word;
}

/// <summary>An item with every year it has a plan or results for, evaluated.</summary>
public sealed record ItemEvaluation(Item Item, IReadOnlyList<YearEvaluation> Years)
{
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

    public static EvaluatedPlan Of(Plan plan) => new(plan, plan.Items.Select(i => Evaluate(i, plan.Info.Rating)).ToList());

    private static ItemEvaluation Evaluate(Item item, RatingScale scale) =>
        new(item, item.Entries.Select(e => e.Year).Distinct().Order().Select(year =>
        {
            var plan = item.Entries.FirstOrDefault(e => e.Year == year && e.Kind == EntryKind.Plan);
            var results = item.Entries.FirstOrDefault(e => e.Year == year && e.Kind == EntryKind.Result);
            var indicators = item.Entries.Where(e => e.Year == year).OrderBy(e => e.Kind)
                .SelectMany(e => e.Lines.SelectMany(l => l.Indicators).Select(i => new IndicatorEvaluation(i, e.Kind, AchievementRule.Ratio(i, scale.Cap))))
                .ToList();
            var computed = results is null ? Achievement.None : AchievementRule.For(results.Lines.SelectMany(l => l.Indicators), scale.Cap);
            // The computed figure's grade; without one, the grade staff gave (a plan rated by people), if it is on the scale.
            var grade = computed.Percent is { } p ? scale.Of(p) : scale.Grades.FirstOrDefault(g => g.Word == results?.Given?.Word);
            return new YearEvaluation(year, plan, results, computed, indicators, grade, grade is null ? GradePosition.Between : scale.PositionOf(grade));
        }).ToList());
}
