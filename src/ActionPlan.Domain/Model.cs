namespace ActionPlan.Domain;

/// <summary>The whole plan: 小郡市行政経営行動計画.</summary>
public sealed record Plan(
    PlanInfo Info,
    IReadOnlyList<Chapter> Chapters,
    IReadOnlyList<Policy> Policies,
    IReadOnlyList<Item> Items,
    IReadOnlyList<Division> Divisions,
    AccessibilityRecord? Accessibility = null,
    IReadOnlyList<GlossaryTerm>? Glossary = null,
    byte[]? BookletPdf = null)
{
    /// <summary>用語集 (glossary.csv): the plan's terms explained for citizens; empty when the city keeps none.</summary>
    public IReadOnlyList<GlossaryTerm> Terms => Glossary ?? [];

    /// <summary>更新情報 (history.csv): every edition, newest first, each with what it changed; always at least this edition.</summary>
    public IReadOnlyList<Edition> Editions { get; init; } = [];

    /// <summary>The division record for a 担当課 name (every name an item uses is listed; 関係各課 is not a division).</summary>
    public Division? DivisionNamed(string name) => Divisions.FirstOrDefault(d => d.Name == name);
}

/// <summary>
/// The plan as loaded. BookletPdf is input/booklet.pdf (made by the `pdf` command) when staff keep one: the site
/// publishes it beside the booklet page with its size.
/// </summary>
public static class PlanFiles
{
    public const string BookletPdf = "booklet.pdf";
}

/// <summary>A term of the 用語集 (glossary.csv): how it is written, how it is read, and a short neutral explanation.</summary>
public sealed record GlossaryTerm(string Term, string Reading, string Explanation);

/// <summary>
/// 担当課 as the city lists them in divisions.csv: the name, the URL name the city chose (zaisei → divisions/zaisei.html),
/// contact details where the city gives them (never invented), and former URL names kept as redirects after a rename.
/// </summary>
public sealed record Division(string Name, string Slug, string Phone, string Email, string Url, IReadOnlyList<string> FormerSlugs)
{
    /// <summary>「関係各課」 means the divisions concerned, not one division: it has no page and needs no entry.</summary>
    public const string Related = "関係各課";
}

/// <summary>
/// Title, city and period of the plan; ReportingYear is the fiscal year whose results this edition reports (実績年度);
/// 公表 is the publication month (令和6年2月), 0/0 while it is still to be filled in (after next-year); 原本 and 原本名
/// are the address and name of the city's own document (the booklet PDF), linked from every page when given.
/// </summary>
public sealed record PlanInfo(
    string Title,
    string Subtitle,
    string City,
    string Prefecture,
    string Publisher,
    FiscalYear Start,
    FiscalYear End,
    int PublishedYear,
    int PublishedMonth,
    FiscalYear ReportingYear,
    string? OriginalUrl = null,
    string? OriginalTitle = null,
    RatingScale? Scale = null,
    int PlanYearsShown = 2,
    PlanShape? Shape = null)
{
    /// <summary>全国地方公共団体コード (plan.md 自治体コード, six digits with the check digit); null when not written.</summary>
    public string? MunicipalityCode { get; init; }

    /// <summary>The open data's licence (plan.md ライセンス): <see cref="Licences.Pdl"/> unless the plan says otherwise.</summary>
    public string Licence { get; init; } = Licences.Pdl;

    /// <summary>The plan's declared shape beyond the scale (levels, stages, tally, extra fields, example notice); Ogori's plan declares none of it.</summary>
    public PlanShape Form => Shape ?? PlanShape.Default;

    public bool PublicationKnown => PublishedYear > 0;

    /// <summary>公表 as YYYY-MM (open data, catalogue, history's key); null while it is still to be filled in.</summary>
    public string? PublishedKey => PublicationKnown ? $"{PublishedYear:D4}-{PublishedMonth:D2}" : null;

    /// <summary>The scale this plan's years are rated on (plan.md 評価, 比率の上限), or the default one.</summary>
    public RatingScale Rating => Scale ?? RatingScale.Default;

    /// <summary>指標の評価: the scale each indicator is graded on (e.g. against its baseline), when the plan declares one apart from 評価.</summary>
    public RatingScale? IndicatorScale { get; init; }

    /// <summary>職員の評価: the scale staff give their grade on, shown beside the computed one, when the plan declares one apart from 評価.</summary>
    public RatingScale? StaffScale { get; init; }

    /// <summary>The scale indicators are graded on: 指標の評価, or 評価.</summary>
    public RatingScale IndicatorRating => IndicatorScale ?? Rating;

    /// <summary>The scale staff grades are written on: 職員の評価, or 評価.</summary>
    public RatingScale StaffRating => StaffScale ?? Rating;

    /// <summary>
    /// The last year whose plan this edition shows: <see cref="PlanYearsShown"/> years after the reporting year (plan.md
    /// 「示す計画の年数」, 2 when not written — Ogori's rolling plan), within the period.
    /// </summary>
    public FiscalYear LastPlanShown => new(Math.Min(ReportingYear.Reiwa + PlanYearsShown, End.Reiwa));

    /// <summary>The subtitle this edition's years call for: 「実施項目 令和4年度実績・令和5～6年度計画」.</summary>
    public string DerivedSubtitle
    {
        get
        {
            var first = ReportingYear.Next;
            var last = LastPlanShown;
            var plans = first > End || first > last ? "" : first == last ? $"・{first.Japanese}計画" : $"・令和{first.Reiwa}～{last.Reiwa}年度計画";
            return $"{Form.ItemLevel ?? "実施項目"} {ReportingYear.Japanese}実績{plans}";
        }
    }

    public IEnumerable<FiscalYear> Years
    {
        get { for (var y = Start; y <= End; y = y.Next) yield return y; }
    }

    public bool Contains(FiscalYear year) => year >= Start && year <= End;
}

/// <summary>A chapter of prose (第1 計画策定の背景 …), kept as Markdown source; ListsPolicies: the chapter shows the policy tree (第3 実施方針).</summary>
public sealed record Chapter(int Order, string Label, string Title, string Markdown, bool ListsPolicies = false);

/// <summary>実施方針: a node of the policy tree (1 健全な財政基盤の確立 → (1) 歳出の抑制).</summary>
/// <param name="Entries">The policy's own indicators (a 基本目標's 数値目標), from policies/CODE.csv in the item table's form; empty when it has none.</param>
public sealed record Policy(string Code, string? ParentCode, string Label, string Name, string Description, IReadOnlyList<string> Notes,
    IReadOnlyList<YearEntry>? Entries = null)
{
    public IReadOnlyList<YearEntry> Indicators => Entries ?? [];
}

/// <summary>実施項目: one of the plan's items (No.1–No.16).</summary>
public sealed record Item(
    int Number,
    string Name,
    IReadOnlyList<string> Divisions,
    string PolicyCode,
    Section Issues,
    Section Goals,
    IReadOnlyList<YearEntry> Entries,
    ItemSource? Source = null,
    IReadOnlyList<ItemField>? Fields = null)
{
    /// <summary>The plan's extra fields this item fills (今後の方向性, 効果額…), in the plan's order.</summary>
    public IReadOnlyList<ItemField> Extra => Fields ?? [];
}

/// <summary>An extra field the plan declares for its items (plan.md 項目の欄): its heading and what the item writes under it.</summary>
public sealed record ItemField(string Name, Section Content);

/// <summary>The files an item was read from, as messages name them (input/items/05.md, input/items/05.csv).</summary>
public sealed record ItemSource(string MarkdownFile, string ResultsFile);

/// <summary>A prose section of an item (現状・課題 or 目標): groups of bullets with their notes.</summary>
public sealed record Section(IReadOnlyList<BulletGroup> Groups)
{
    public static Section Empty { get; } = new([]);
}

/// <summary>Bullets under an optional sub-heading such as （普及）, followed by notes (※…).</summary>
public sealed record BulletGroup(string? Heading, IReadOnlyList<Bullet> Bullets, IReadOnlyList<string> Notes);

/// <summary>One bullet (○ in the document); tags such as 【もっとつながるまち小郡アクションプラン指標】 kept apart.</summary>
public sealed record Bullet(string Text, IReadOnlyList<string> Tags);

/// <summary>計画 (what the year is to do), 実績 (what it did) or 見込 (what a year still under way is expected to reach: shown apart, never counted).</summary>
public enum EntryKind { Plan, Result, Forecast }

/// <summary>The lines of one item for one fiscal year and kind: R5年度計画, R4年度実績.</summary>
/// <param name="Given">The grade staff gave the year (items/NN.csv 評価), a word of the plan's scale; null when none is written.</param>
public sealed record YearEntry(FiscalYear Year, EntryKind Kind, IReadOnlyList<YearLine> Lines, PublishedAchievement? Published, GivenGrade? Given = null);

/// <summary>A grade staff gave an item's year (A 計画通り, ◎…), with the line it was written on.</summary>
public sealed record GivenGrade(string Word, int? Line = null);

/// <summary>One line of a year's plan or results, with the indicators it states.</summary>
public sealed record YearLine(string Text, IReadOnlyList<Indicator> Indicators);

/// <summary>
/// What a target means (docs/achievement.md): 以上 (at least; counts), 以下 (at most; 以内), 累計 (the yearly results
/// summed against a total), 段階 (a stage of the plan's 段階 list, e.g. 未着手 → 検討 → 策定 → 実施), 増加 / 減少 (only a
/// direction from the baseline, no target figure).
/// </summary>
public enum TargetKind { AtLeast, AtMost, Cumulative, Stage, Increase, Decrease }

/// <summary>What a target means (docs/achievement.md, 「Signed targets」).</summary>
public static class Targets
{
    /// <summary>
    /// 以上 with a negative target is a reduction of at least that much; 以下 with a negative target reads two ways (a
    /// reduction of at most N, or a change of at most −N), so it has no single meaning and is refused at load.
    /// </summary>
    public static bool HaveOneMeaning(TargetKind kind, decimal target) => !(kind == TargetKind.AtMost && target < 0);
}

/// <summary>A figure a line states: a target from the year's plan and the actual value; Counted = marked (※).</summary>
/// <param name="Baseline">基準値: where the indicator started; with one, the ratio is progress from it (docs/achievement.md).</param>
/// <param name="Words">The values written as words, not numbers: a stage (策定), or a plain word (設置) on an indicator that is not counted.</param>
/// <param name="TargetYear">目標年度: the year the target is for, when it is one final target (令和7年度末) rather than the year's own.</param>
/// <param name="BaselineYear">基準年度: the year the baseline was measured.</param>
/// <param name="AsOf">時点: when within its year the value was observed (「9月30日現在」), as staff wrote it.</param>
/// <param name="NotRatable">The word staff wrote for a result that cannot be rated (評価不能, －, 対象外): kept apart from zero.</param>
public sealed record Indicator(string Name, Quantity? Target, Quantity? Actual, TargetKind? Kind, bool Counted, Quantity? Baseline = null,
    IndicatorWords? Words = null, FiscalYear? TargetYear = null, FiscalYear? BaselineYear = null, string? AsOf = null, string? NotRatable = null)
{
    /// <summary>How the target reads on the page: the figure, or the word (策定, 設置).</summary>
    public string? TargetDisplay => Target?.Display ?? Words?.Target;
    public string? ActualDisplay => Actual?.Display ?? Words?.Actual ?? NotRatable;
    public string? BaselineDisplay => Baseline?.Display ?? Words?.Baseline;
}

/// <summary>An indicator's values written as words (a stage of the plan's 段階, or 設置 / なし on an uncounted indicator).</summary>
public sealed record IndicatorWords(string? Target, string? Actual, string? Baseline);

/// <summary>
/// The achievement the city published for a year (公表値): a percentage, or 「—」 for none. Reason, when given, explains
/// why the computed figure differs from it (shown on the page; the publish gate lets a disagreement through only with one).
/// </summary>
/// <param name="Line">The line of the results file it was read from (for located messages).</param>
public sealed record PublishedAchievement(int? Percent, string? Reason = null, int? Line = null)
{
    public string Display => Percent is { } p ? $"{p}%" : "—";
}

/// <summary>
/// What a plan declares about its shape in plan.md (docs/plan-shapes.md), each part optional:
/// <paramref name="Levels"/> 階層 — the names of the policy tree's levels from the top, then the items' name
/// (「基本目標 > 施策 > 具体的な取組み」); empty: the theme's words. <paramref name="Stages"/> 段階 — the stages a 段階
/// indicator moves through, first to last. <paramref name="Tally"/> 集計 — a plan-wide count shown beside the grades.
/// <paramref name="Fields"/> 項目の欄 — extra sections each item may write. <paramref name="Notice"/> 例 — a sentence
/// every page shows (an example plan with invented figures says so).
/// </summary>
public sealed record PlanShape(
    IReadOnlyList<string> Levels,
    IReadOnlyList<string> Stages,
    Tally? Tally,
    IReadOnlyList<string> Fields,
    string? Notice)
{
    public static PlanShape Default { get; } = new([], [], null, [], null);

    /// <summary>評価不能: the plan's word for a year whose counted results cannot be rated (the theme's when null).</summary>
    public string? NotRatable { get; init; }

    /// <summary>The name of the policy level at <paramref name="depth"/> (0 = top), or null when the plan does not name it.</summary>
    public string? PolicyLevel(int depth) => Levels.Count >= 2 && depth < Levels.Count - 1 ? Levels[depth] : null;

    /// <summary>The items' level name (the last of 階層), or null.</summary>
    public string? ItemLevel => Levels.Count >= 2 ? Levels[^1] : null;
}

/// <summary>
/// 集計: a count the plan reports beside its grades — <see cref="Name"/> (実施率) = the items whose grade for the year is
/// one of <see cref="Grades"/> ÷ the items with results, as a percent to one decimal, rounded half up.
/// </summary>
public sealed record Tally(string Name, IReadOnlyList<string> Grades)
{
    /// <summary>What is counted: items by their year's grade (the default), items by the grade staff gave, or counted indicators by their own grade.</summary>
    public TallyOver Over { get; init; } = TallyOver.Grades;

    /// <summary>(counted, of, percent) over the years given; percent null when none has results.</summary>
    public (int Counted, int Of, decimal? Percent) Of(IEnumerable<YearEvaluation> years)
    {
        var withResults = years.Where(y => y.HasResults).ToList();
        var grades = Over switch
        {
            TallyOver.Indicators => withResults.SelectMany(y => y.Indicators.Where(i => i.Kind == EntryKind.Result && i.Indicator.Counted)).Select(i => i.Grade).ToList(),
            TallyOver.StaffGrades => withResults.Select(y => y.Staff).ToList(),
            _ => withResults.Select(y => y.Grade).ToList(),
        };
        var counted = grades.Count(g => g is not null && Grades.Contains(g.Word));
        return (counted, grades.Count, grades.Count == 0 ? null : Math.Floor(counted * 1000m / grades.Count + 0.5m) / 10m);
    }
}

/// <summary>What a 集計 counts (docs/plan-shapes.md): items by the year's grade, items by the grade staff gave (職員の評価), or counted indicators by their grade (指標の評価).</summary>
public enum TallyOver { Grades, StaffGrades, Indicators }
