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
    int PlanYearsShown = 2)
{

    public bool PublicationKnown => PublishedYear > 0;

    /// <summary>The scale this plan's years are rated on (plan.md 評価, 比率の上限), or the default one.</summary>
    public RatingScale Rating => Scale ?? RatingScale.Default;

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
            return $"実施項目 {ReportingYear.Japanese}実績{plans}";
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
public sealed record Policy(string Code, string? ParentCode, string Label, string Name, string Description, IReadOnlyList<string> Notes);

/// <summary>実施項目: one of the plan's items (No.1–No.16).</summary>
public sealed record Item(
    int Number,
    string Name,
    IReadOnlyList<string> Divisions,
    string PolicyCode,
    Section Issues,
    Section Goals,
    IReadOnlyList<YearEntry> Entries,
    ItemSource? Source = null);

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

/// <summary>計画 (what the year is to do) or 実績 (what it did).</summary>
public enum EntryKind { Plan, Result }

/// <summary>The lines of one item for one fiscal year and kind: R5年度計画, R4年度実績.</summary>
/// <param name="Given">The grade staff gave the year (items/NN.csv 評価), a word of the plan's scale; null when none is written.</param>
public sealed record YearEntry(FiscalYear Year, EntryKind Kind, IReadOnlyList<YearLine> Lines, PublishedAchievement? Published, GivenGrade? Given = null);

/// <summary>A grade staff gave an item's year (A 計画通り, ◎…), with the line it was written on.</summary>
public sealed record GivenGrade(string Word, int? Line = null);

/// <summary>One line of a year's plan or results, with the indicators it states.</summary>
public sealed record YearLine(string Text, IReadOnlyList<Indicator> Indicators);

/// <summary>以上 (at least; also 累計 and counts) or 以下 (at most; 以内).</summary>
public enum TargetKind { AtLeast, AtMost }

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
public sealed record Indicator(string Name, Quantity? Target, Quantity? Actual, TargetKind? Kind, bool Counted, Quantity? Baseline = null);

/// <summary>
/// The achievement the city published for a year (公表値): a percentage, or 「—」 for none. Reason, when given, explains
/// why the computed figure differs from it (shown on the page; the publish gate lets a disagreement through only with one).
/// </summary>
/// <param name="Line">The line of the results file it was read from (for located messages).</param>
public sealed record PublishedAchievement(int? Percent, string? Reason = null, int? Line = null)
{
    public string Display => Percent is { } p ? $"{p}%" : "—";
}
