using ActionPlan.Domain;

namespace ActionPlan.Rendering.Site;

/// <summary>A link as the page shows it: the href is already relative to the page.</summary>
public sealed record Link(string Href, string Text, bool Current = false);

/// <summary>What every page shares: the site's name and navigation, resolved for the page's folder depth.</summary>
public sealed record SiteInfo(
    string Title,
    string Subtitle,
    string City,
    string Prefecture,
    string Publisher,
    string Period,
    string Published,
    string? BaseUrl,
    IReadOnlyList<string>? DraftProblems = null,
    ContactView? Contact = null,
    Link? Original = null,
    bool HasGlossary = false,
    string ItemLevel = "",
    string PolicyLevel = "",
    string? Notice = null)
{
    /// <summary>What the site is, in one sentence (meta description and sharing cards of pages without their own).</summary>
    public string Description { get; init; } = "";
    /// <summary>The sharing card's image as an absolute URL (only with --base-url and a theme that ships assets/share.png).</summary>
    public string? ShareImage { get; init; }
    /// <summary>What the image shows, for readers who cannot see it.</summary>
    public string ShareImageAlt { get; init; } = "";
    /// <summary>全国地方公共団体コード (plan.md), and the words that name it in structured data.</summary>
    public string? MunicipalityCode { get; init; }
    public string CodeLabel { get; init; } = "";
    /// <summary>The plan's period as ISO 8601 dates (2022-04-01/2027-03-31), and the open data's licence terms.</summary>
    public string Temporal { get; init; } = "";
    public string LicenceUrl { get; init; } = "";

    /// <summary>Who to ask about the site: the 担当 division of plan.md, with what divisions.csv gives for it.</summary>
    public string ContactName => Contact?.Name ?? Publisher;

    /// <summary>A draft (build --draft, serve) carries a visible 「下書き」 banner and is kept out of search engines.</summary>
    public bool IsDraft => DraftProblems is not null;

    /// <summary>Who publishes the site, as the footer shows it: 福岡県小郡市（総務広報課）.</summary>
    public string Owner => Prefecture + City + (Publisher.Length > 0 ? $"（{Publisher}）" : "");
}

/// <summary>A page still to be built: its template and path are known; the model is built when it is rendered.</summary>
public sealed record PageSpec(PageKind Kind, string Path, Func<Page> Build)
{
    public string Template => Kind.Template;
}

/// <summary>Base of every page model. Templates only display these properties.</summary>
public abstract record Page
{
    /// <summary>Output path relative to the site root, with forward slashes: items/05.html.</summary>
    public required string Path { get; init; }
    /// <summary>The page's own name; the document title adds the site's name after it.</summary>
    public required string Heading { get; init; }
    public required SiteInfo Site { get; init; }
    public string? Lead { get; init; }
    public IReadOnlyList<Link> Breadcrumbs { get; init; } = [];
    public IReadOnlyList<Link> Navigation { get; init; } = [];

    /// <summary>Kept out of search engines: every draft page, and redirect pages.</summary>
    public virtual bool NoIndex => Site.IsDraft;

    /// <summary>The scripts the page loads, in order (deferred): the search box's script on every page; the search page adds its index.</summary>
    public virtual IReadOnlyList<string> Scripts => [Root + SearchScript];

    /// <summary>The theme's script for the search box and the search page (progressive: without it the box is not shown).</summary>
    public const string SearchScript = "assets/search.js";

    /// <summary>Where the search box and the search page send a query, and where the Atom feed is, from this page.</summary>
    public string SearchHref => Root + Slugs.Search;
    public string FeedHref => Root + Feed.Path;

    /// <summary>The sharing card's og:type: the home page is the website, every other page an article of it.</summary>
    public string CardType => IsHome ? "website" : "article";

    /// <summary>Every page but the search page offers the search box in its header.</summary>
    public virtual bool ShowsSearchBox => true;

    /// <summary>The page in one sentence (meta description, og:description): the site's, unless the page has its own.</summary>
    public virtual string Description => Site.Description;

    /// <summary>The page's structured data (JSON-LD, schema.org): the site, the city, the breadcrumb; the open data page adds its Dataset.</summary>
    public virtual string StructuredData => global::ActionPlan.Rendering.Site.StructuredData.Of(this);

    /// <summary>The address of <paramref name="path"/> (from the site root) as this page links it: absolute with --base-url, else relative.</summary>
    public string AddressOf(string path) => Site.BaseUrl is { } b ? SiteLinks.Absolute(b, path) : Root + path;

    /// <summary>Where a moved page sends the reader (meta refresh, works without JavaScript); null for real pages.</summary>
    public virtual string? RefreshTo => null;

    /// <summary>What kind of page this is (<see cref="PageKinds"/>).</summary>
    public abstract PageKind Kind { get; }

    /// <summary>The template under theme/ that renders this page kind.</summary>
    public string Template => Kind.Template;

    /// <summary>「../」 per folder level, so every link works at a domain root, in a sub-folder and from disk.</summary>
    public virtual string Root => string.Concat(Enumerable.Repeat("../", Path.Count(c => c == '/')));

    /// <summary>The home page (its document title names the plan's progress rather than a page).</summary>
    public bool IsHome => Path == Slugs.Home;
    public string Stylesheet => Root + "assets/site.css";
    public virtual string? Canonical => CanonicalOf(Path);
    protected string? CanonicalOf(string path) => Site.BaseUrl is { } b ? SiteLinks.Absolute(b, path) : null;
    public string HomeHref => Root + Slugs.Home;
}

/// <summary>
/// 年度計画達成度 as shown: number, words and a bar, never colour alone. The grade's word is the plan's (plan.md 評価);
/// the CSS modifier follows from where the grade stands on the scale (best, between, worst), and the words for a year
/// without a grade are the theme's (words/ja.txt, status.none / status.pending).
/// </summary>
public sealed record AchievementView(AchievementStatus Status, int? Percent, string Year, string? GradeWord = null, GradePosition Position = GradePosition.Between)
{
    public static AchievementView Of(YearEvaluation year) => new(year.Status, year.Computed.Percent, year.Year.Japanese,
        year.Grade?.Label ?? (year.Status == AchievementStatus.NotRatable ? year.NotRatableWord : null), year.Position)
    {
        Staff = year.Staff?.Label,
    };

    /// <summary>The grade staff gave on the plan's 職員の評価 scale (「A 計画通り」), shown beside the computed one in words; null when the plan has no such scale or none was given.</summary>
    public string? Staff { get; init; }

    /// <summary>The staff grade as the page says it (the theme's meter.staff words), or null.</summary>
    public string? StaffText(Theme.Words words) => Staff is null ? null : words.Format("meter.staff", ("grade", Staff));

    public string Display => Percent is { } p ? $"{p}%" : "—";

    /// <summary>The words beside the figure: the grade's word, or the theme's word for a year without one (status.*).</summary>
    public string Word(Theme.Words words) => GradeWord ?? words["status." + Modifier];

    /// <summary>The meter's BEM modifier (ap-meter--achieved …), the theme's name for where the grade stands.</summary>
    public string Modifier => Status switch
    {
        AchievementStatus.Graded => Position switch { GradePosition.Best => "achieved", GradePosition.Worst => "unmet", _ => "partial" },
        AchievementStatus.NotAssessed => "none",
        AchievementStatus.NotRatable => "not-ratable",
        AchievementStatus.Ungraded => "ungraded",
        _ => "pending",
    };

    /// <summary>Bar length in the meter's 0–100 viewBox (an uncapped achievement above 100% fills it).</summary>
    public int Bar => Math.Min(Percent ?? 0, 100);
}

/// <summary>A row of an item table: No., name, divisions and the latest achievement.</summary>
public sealed record ItemRow(string NumberLabel, Link Item, IReadOnlyList<string> Divisions, AchievementView Achievement);

/// <summary>A table of items under a caption (the index groups them by policy).</summary>
public sealed record ItemTable(TextView Caption, string? Id, string YearHeading, IReadOnlyList<ItemRow> Rows)
{
    /// <summary>The caption's id, which names the table's scroll region for screen readers.</summary>
    public string CaptionId => (Id ?? "items") + "-caption";
}

/// <summary>A node of the policy tree with its link and children.</summary>
/// <param name="Level">The name of the policy's level (plan.md 階層: 基本目標, 施策); <paramref name="ChildLevel"/> the level below it (its children's, or the items').</param>
public sealed record PolicyNode(string Label, string Name, Link Link, TextView Description, IReadOnlyList<TextView> Notes, IReadOnlyList<PolicyNode> Children, int ItemCount,
    string Level = "", string ChildLevel = "")
{
    /// <summary>「実施方針 1」; a label that already names its level (基本目標1) is not prefixed again.</summary>
    public string Caption => Label.StartsWith(Level, StringComparison.Ordinal) ? Label : $"{Level} {Label}";
}

/// <summary>One line of the index summary: how many items got a grade (or no grade), with the grade's word and range.</summary>
public sealed record SummaryCount(int Count, string Label);

/// <summary>Counts for the latest year's summary on the index: one per grade of the plan's scale, then the items without one.</summary>
/// <param name="Tally">The plan's declared count (plan.md 集計) in words: 「実施率 75.0%（8項目中6項目が◎・○）」; null when the plan declares none.</param>
public sealed record YearSummary(string Year, IReadOnlyList<SummaryCount> Counts, int Total, string? Tally = null)
{
    /// <summary>The items per grade of the plan's scale, as the stats component shows them.</summary>
    public StatsView Stats => new(Counts, Unit);

    /// <summary>What the main counts count (the theme's summary.unit-items: 項目).</summary>
    public string Unit { get; init; } = "";

    /// <summary>Counts on the plan's other scales (職員の評価 per item, 指標の評価 per indicator), each with its title; empty when it declares none.</summary>
    public IReadOnlyList<StatsView> Others { get; init; } = [];
}

/// <summary>Counts per grade of one scale: what they count (項目, 指標) and, for a scale beside the plan's own, its title.</summary>
public sealed record StatsView(IReadOnlyList<SummaryCount> Counts, string Unit, string? Title = null, string? Id = null);

/// <summary>
/// Years at a glance: every item × every fiscal year with results, each cell the achievement in number and words.
/// Shown once two or more years have results.
/// </summary>
public sealed record GlanceTable(string Caption, IReadOnlyList<string> Years, IReadOnlyList<GlanceRow> Rows);
public sealed record GlanceRow(string NumberLabel, Link Item, IReadOnlyList<AchievementView> Years);

public sealed record IndexPage : Page
{
    public required GlanceTable? Glance { get; init; }
    public override PageKind Kind => PageKinds.Home;
    public required YearSummary? Summary { get; init; }
    public required IReadOnlyList<PolicyNode> Policies { get; init; }
    public required IReadOnlyList<ItemTable> Tables { get; init; }
    public required IReadOnlyList<Link> Chapters { get; init; }
    /// <summary>「冊子（全項目）」: the whole plan on one page, to read or print (none above BookletPage.MaxItems items).</summary>
    public required Link? Booklet { get; init; }
}

/// <summary>One line of a year's plan or results; its indicators are listed in the indicator table.</summary>
public sealed record LineView(TextView Text, bool Counted)
{
    public static LineView Of(YearLine line, Prose prose) => new(prose.Text(line.Text), line.Indicators.Any(i => i.Counted));
}

/// <summary>現状・課題 or 目標 as shown: groups of bullets, each bullet's text with its signs and first-use terms marked.</summary>
/// <param name="SubheadingLevel">The level of sub-headings such as （普及）: 3 under an item page's h2, 5 under a booklet item's h4.</param>
public sealed record SectionView(IReadOnlyList<BulletGroupView> Groups, int SubheadingLevel = 3)
{
    public static SectionView Of(Section section, Prose prose, int subheadingLevel = 3) => new(section.Groups
        .Select(g => new BulletGroupView(g.Heading, g.Bullets.Select(b => new BulletView(prose.Text(b.Text), b.Tags)).ToList(), g.Notes.Select(prose.Text).ToList()))
        .ToList(), subheadingLevel);
}
public sealed record BulletGroupView(string? Heading, IReadOnlyList<BulletView> Bullets, IReadOnlyList<TextView> Notes);
public sealed record BulletView(TextView Text, IReadOnlyList<string> Tags);

/// <summary>One fiscal year of an item: plan lines, result lines and the achievement.</summary>
public sealed record YearView(
    string Id,
    string Heading,
    IReadOnlyList<LineView> Plan,
    IReadOnlyList<LineView> Results,
    AchievementView? Achievement,
    string? Published,
    TextView? PublishedNote,
    IReadOnlyList<LineView>? Forecast = null)
{
    /// <summary>見込: what a year still under way is expected to reach, shown apart from results.</summary>
    public IReadOnlyList<LineView> ForecastLines => Forecast ?? [];
}

/// <summary>An extra field the plan declares for its items (今後の方向性), as the item fills it.</summary>
public sealed record FieldView(string Id, string Name, SectionView Content);

/// <summary>A point of an indicator's chart: a result (filled), a forecast (hollow, joined by a dashed line) or the baseline.</summary>
public sealed record KpiPoint(string Year, string ShortYear, string Display, string Kind, double X, double Y, double LabelY, bool IsForecast);

/// <summary>
/// One indicator's values over the years as an inline SVG (KPIs with a baseline or a final target): results joined
/// by a solid line, a forecast drawn apart (dashed, hollow point), the baseline and the target as labelled horizontal
/// lines; the same values in a table beside it. Ids are per chart so a page can hold several.
/// </summary>
public sealed record KpiChartView(string Id, string Title, string Description, double Width, double Height, double PlotLeft, double PlotRight, double PlotTop, double PlotBottom,
    IReadOnlyList<(double Y, string Label)> Gridlines, IReadOnlyList<KpiPoint> Points, string ResultLine, string ForecastLine,
    (double Y, string Label)? Baseline, (double Y, string Label)? Target, IReadOnlyList<(double X, string Label)> Years);

/// <summary>
/// A figure with its spoken form for screen readers (▲ read as マイナス). A signed figure of a change (「前年度比▲600時間以上」)
/// also says in words what it means (「600時間以上の削減」): shown under the figure and read in its place.
/// </summary>
/// <param name="Note">What qualifies the figure, shown after it: 「令和7年度の目標」, 「9月30日現在」, 「累計 1.2億円」.</param>
public sealed record FigureView(string Display, string Spoken, string? Meaning = null, string? Note = null)
{
    public bool NeedsSpoken => Display != Spoken;
}

/// <param name="Baseline">基準値, when the indicator has one (the table then shows the column).</param>
public sealed record IndicatorRow(string Year, string Name, FigureView Target, FigureView Actual, string Unit, string Kind, string Ratio, string Counted, bool IsCounted, FigureView? Baseline = null,
    bool IsForecast = false)
{
    /// <summary>The indicator's grade on the plan's 指標の評価 (「基準値超え」, 「—」 when it has none); null when the plan declares no such scale.</summary>
    public string? Grade { get; init; }
}

/// <summary>The indicator table: its rows, and whether any has a 基準値 (only then is the column shown).</summary>
public sealed record IndicatorTableView(IReadOnlyList<IndicatorRow> Rows)
{
    public bool HasBaseline => Rows.Any(r => r.Baseline is not null);

    /// <summary>Whether the rows carry the plan's 指標の評価 (only then is the 評価 column shown).</summary>
    public bool HasGrade => Rows.Any(r => r.Grade is not null);
}

/// <summary>The achievement trend as an inline SVG: geometry computed here, the template only draws it.</summary>
public sealed record ChartPoint(string Year, string ShortYear, int? Percent, string Display, double X, double Y, double LabelY);

public sealed record ChartView(string Title, string Description, double Width, double Height, double PlotLeft, double PlotRight, double PlotTop, double PlotBottom,
    IReadOnlyList<(double Y, string Label)> Gridlines, IReadOnlyList<ChartPoint> Points, string PolylinePoints);

/// <summary>A 担当課 as an item names it: a link to its page, or plain text for 関係各課 (not one division).</summary>
public sealed record DivisionRef(string Name, string? Href);

/// <summary>How to reach a division, only with what the city gave in divisions.csv (nothing is ever made up).</summary>
public sealed record ContactView(string Name, string? Phone, string? Email, string? PageUrl)
{
    public string? PhoneHref => Phone is null ? null : "tel:" + new string(Phone.Where(char.IsAsciiDigit).ToArray());
    /// <summary>The number as written, with non-breaking hyphens so it never wraps mid-number.</summary>
    public string? PhoneDisplay => Phone?.Replace('-', '\u2011');
    public string? EmailHref => Email is null ? null : "mailto:" + Email;
}

public sealed record ItemPage : Page
{
    public override PageKind Kind => PageKinds.Item;
    public required string NumberLabel { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<DivisionRef> Divisions { get; init; }
    /// <summary>Contact details of the item's divisions that have any (empty when the city gave none).</summary>
    public required IReadOnlyList<ContactView> Contacts { get; init; }
    public required IReadOnlyList<Link> PolicyTrail { get; init; }
    public required SectionView Issues { get; init; }
    public required SectionView Goals { get; init; }
    public required AchievementView? Latest { get; init; }
    public required IReadOnlyList<YearView> Years { get; init; }
    public required IReadOnlyList<IndicatorRow> Indicators { get; init; }
    /// <summary>最終更新: the edition that last changed the item (和暦), and a note when it has not changed for two editions or more.</summary>
    public string? LastUpdated { get; init; }
    public string? StaleNote { get; init; }
    /// <summary>The item in one sentence with its reporting year's achievement (meta description, sharing card).</summary>
    public required string Summary { get; init; }
    public override string Description => Summary;
    /// <summary>What （※） and 公表値 mean, above the years.</summary>
    public required string YearsHint { get; init; }
    /// <summary>How the ratio column is computed, including the reduction rule when a target is a signed change.</summary>
    public required string RatioHint { get; init; }
    public required ChartView? Chart { get; init; }
    /// <summary>The plan's extra fields this item fills (plan.md 項目の欄), in the plan's order.</summary>
    public IReadOnlyList<FieldView> Fields { get; init; } = [];
    /// <summary>A chart per indicator with a baseline or a final target.</summary>
    public IReadOnlyList<KpiChartView> KpiCharts { get; init; } = [];
    public required Link? Previous { get; init; }
    public required Link? Next { get; init; }
}

public sealed record PolicyPage : Page
{
    public override PageKind Kind => PageKinds.Policy;
    public required PolicyNode Policy { get; init; }
    public required IReadOnlyList<ItemTable> Tables { get; init; }
    /// <summary>The items under this policy counted per grade for the reporting year (the group's 「達成 3件・一部達成 1件」).</summary>
    public required YearSummary Summary { get; init; }
    /// <summary>The policy's own indicators (a 基本目標's 数値目標, policies/CODE.csv), with their charts and how the ratio is computed.</summary>
    public IReadOnlyList<IndicatorRow> Indicators { get; init; } = [];
    public IReadOnlyList<KpiChartView> KpiCharts { get; init; } = [];
    public string? RatioHint { get; init; }
    /// <summary>The reporting year's achievement of the policy's own indicators, when they have one.</summary>
    public AchievementView? Latest { get; init; }
}

public sealed record DivisionPage : Page
{
    public override PageKind Kind => PageKinds.Division;
    public required string? Note { get; init; }
    public required ContactView? Contact { get; init; }
    public required ItemTable Table { get; init; }
}

public sealed record DivisionsPage : Page
{
    public override PageKind Kind => PageKinds.Divisions;
    public required IReadOnlyList<(Link Link, int Count)> Divisions { get; init; }
    /// <summary>Explains 関係各課 when some items name it.</summary>
    public required string? RelatedNote { get; init; }
}

/// <summary>
/// A division's former address after the city renamed its URL name (Hugo's aliases): sends the reader on with a meta
/// refresh and a plain link, and is kept out of search engines.
/// </summary>
public sealed record RedirectPage : Page
{
    public override PageKind Kind => PageKinds.MovedDivision;
    public required Link Target { get; init; }
    /// <summary>The page moved to, from the site root (its canonical address).</summary>
    public required string TargetPath { get; init; }
    public override bool NoIndex => true;
    public override string? Canonical => CanonicalOf(TargetPath);
    public override string? RefreshTo => Target.Href;
}

public sealed record ChapterPage : Page
{
    public override PageKind Kind => PageKinds.Chapter;
    /// <summary>Chapter prose rendered from Markdown (raw HTML disabled, so it is safe to emit).</summary>
    public required string BodyHtml { get; init; }
    public required IReadOnlyList<PolicyNode> Policies { get; init; }
    public required IReadOnlyList<Link> Chapters { get; init; }
    public required Link? Booklet { get; init; }
}

/// <summary>用語集: every term of glossary.csv with its reading and explanation; pages link a term's first use here.</summary>
public sealed record GlossaryPage : Page
{
    public override PageKind Kind => PageKinds.Glossary;
    public required IReadOnlyList<GlossaryEntryView> Entries { get; init; }
}

public sealed record GlossaryEntryView(string Id, string Term, string? Reading, string Explanation);

public sealed record AccessibilityPage : Page
{
    public override PageKind Kind => PageKinds.Accessibility;
    public required int PageCount { get; init; }
    public required Link Results { get; init; }
    /// <summary>「準拠」「一部準拠」「配慮」, as the 試験結果 page states it.</summary>
    public required string Conformance { get; init; }
}

/// <summary>One row of the 達成基準チェックリスト as shown.</summary>
public sealed record ChecklistRowView(string Number, string Name, string Level, string Result, string Method, string Note);

/// <summary>A page of the last audit: linked when the site still has it.</summary>
public sealed record TestedPageView(string Path, string? Href);

/// <summary>A failure the last audit found, as shown.</summary>
public sealed record AuditFailureView(Link Page, string Criterion, string Message);

/// <summary>
/// 試験結果 (JIS X 8341-3 test results) in the form the 総務省 guideline uses: the standard and level, the honest 表記,
/// the date, the pages, every WCAG 2.0 A/AA criterion with its result and how it was reached, and the tools.
/// </summary>
public sealed record AccessibilityResultsPage : Page
{
    public override PageKind Kind => PageKinds.AccessibilityResults;
    public required string Conformance { get; init; }
    public required string Statement { get; init; }
    public required string Explanation { get; init; }
    public required string? TestedOn { get; init; }
    public required string? Browser { get; init; }
    public required string? Axe { get; init; }
    /// <summary>The pages the last audit opened; a page the site no longer has is listed without a link.</summary>
    public required IReadOnlyList<TestedPageView> TestedPages { get; init; }
    /// <summary>Pages of this site the last audit did not open (added since): the results do not cover them yet.</summary>
    public required IReadOnlyList<Link> UntestedPages { get; init; }
    public required IReadOnlyList<ChecklistRowView> Rows { get; init; }
    public required IReadOnlyList<AuditFailureView> Failures { get; init; }
    public required int Automatic { get; init; }
    public required int ByPerson { get; init; }
    public required int Unchecked { get; init; }
    /// <summary>JIS X 8341-3:2016 Annex JB: 表明日, the technologies relied upon, how the pages were chosen, the test period and who tested.</summary>
    public required string? StatedOn { get; init; }
    public required string Technologies { get; init; }
    public required string Selection { get; init; }
    public required string? Period { get; init; }
    public required IReadOnlyList<string> Testers { get; init; }
    /// <summary>Criteria a person checked more than a year before this edition's 公表: due to be checked again.</summary>
    public required int Due { get; init; }
}

public sealed record OpenDataFile(Link Link, string Format, string Description);
/// <summary>A column of the open data CSV: its id (ASCII, stable), its Japanese name (the CSV header) and what it holds.</summary>
public sealed record OpenDataColumn(string Id, string Name, string Description);

public sealed record OpenDataPage : Page
{
    public override PageKind Kind => PageKinds.OpenData;
    public required IReadOnlyList<OpenDataFile> Files { get; init; }
    public required IReadOnlyList<OpenDataColumn> Columns { get; init; }
    /// <summary>The licence the plan declares (plan.md ライセンス), linked to its terms.</summary>
    public required Link Licence { get; init; }
    /// <summary>How a reuser credits the data (出典).</summary>
    public required string Attribution { get; init; }
    /// <summary>全国地方公共団体コード, when the plan gives it.</summary>
    public string? MunicipalityCode { get; init; }

    public override string StructuredData => global::ActionPlan.Rendering.Site.StructuredData.Of(this, global::ActionPlan.Rendering.Site.StructuredData.Dataset(this));
}

/// <summary>One line of an edition on the 更新情報 page: its text, and a link to the item it is about.</summary>
public sealed record UpdateLine(string Text, Link? Item);

/// <summary>An edition on the 更新情報 page: its anchor, its month (和暦) and what it changed.</summary>
public sealed record EditionView(string Id, string Heading, IReadOnlyList<UpdateLine> Lines);

/// <summary>更新情報: every edition, newest first, with the change report's sentences; the Atom feed has the same entries.</summary>
public sealed record UpdatesPage : Page
{
    public override PageKind Kind => PageKinds.Updates;
    public required IReadOnlyList<EditionView> Editions { get; init; }
    public required string Published { get; init; }
    public required Link Feed { get; init; }
}

/// <summary>A choice of a search filter: its value in the address (?policy=1-2) and its label.</summary>
public sealed record SearchChoice(string Value, string Label);

/// <summary>
/// サイト内検索: the form (a word, and filters by policy on any level, division and grade) and the place the page's
/// script lists the results in; the texts the script shows come from here (the theme's words), never from the script.
/// </summary>
public sealed record SearchPage : Page
{
    public override PageKind Kind => PageKinds.Search;
    public override IReadOnlyList<string> Scripts => [Root + Slugs.SearchIndex, Root + SearchScript];
    public override bool ShowsSearchBox => false;
    public required IReadOnlyList<SearchChoice> Policies { get; init; }
    public required IReadOnlyList<SearchChoice> Divisions { get; init; }
    public required IReadOnlyList<SearchChoice> Grades { get; init; }
    public required string PolicyLabel { get; init; }
    /// <summary>「「{query}」の検索結果: {count}件」 and the others, with {query} and {count} for the script to fill.</summary>
    public required string FoundMessage { get; init; }
    public required string NoneMessage { get; init; }
    public required string AllMessage { get; init; }
    public required string ReportingYear { get; init; }
}

/// <summary>
/// 404.html is served for any missing address, at any depth, so relative links cannot work there: with --base-url its
/// links are absolute; without it they are relative to the site root (right for a 404 at the root of a host).
/// </summary>
public sealed record NotFoundPage : Page
{
    public override PageKind Kind => PageKinds.NotFound;
    public override string Root => Site.BaseUrl is { } baseUrl ? baseUrl.TrimEnd('/') + "/" : "";
}
