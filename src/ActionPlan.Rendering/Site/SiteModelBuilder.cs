using ActionPlan.Domain;

namespace ActionPlan.Rendering.Site;

/// <summary>
/// Compute → Render boundary: turns the evaluated plan into one model per page, every figure already computed and
/// formatted (和暦, 億/万, ratios, words), so templates only display. Links and navigation (<see cref="SiteLinks"/>),
/// the policy tree (<see cref="PolicyIndex"/>), chart geometry (<see cref="ChartGeometry"/>) and item pages
/// (<see cref="ItemPages"/>) each live in their own class; this one lists the pages and builds the lists.
/// </summary>
public sealed class SiteModelBuilder
{
    private readonly EvaluatedPlan _evaluated;
    private readonly Plan _plan;
    private readonly SiteInfo _site;
    private readonly SiteLinks _links;
    private readonly PolicyIndex _policies;
    private readonly ItemPages _items;

    public SiteModelBuilder(EvaluatedPlan evaluated, string? baseUrl, IReadOnlyList<string>? draftProblems = null)
    {
        _evaluated = evaluated;
        _plan = evaluated.Plan;
        var info = _plan.Info;
        _site = new SiteInfo(info.Title, info.Subtitle, info.City, info.Prefecture, info.Publisher,
            $"{info.Start.Japanese}～{info.End.Japanese}（{info.Start.Western}年度～{info.End.Western}年度）",
            info.PublicationKnown ? Wareki.Month(info.PublishedYear, info.PublishedMonth) : "（未記入）",
            string.IsNullOrWhiteSpace(baseUrl) ? null : baseUrl.TrimEnd('/'),
            draftProblems,
            _plan.DivisionNamed(info.Publisher) is { } publisher ? Contacts.Of(publisher) : null,
            info.OriginalUrl is { } original ? new Link(original, info.OriginalTitle ?? $"{info.Title}（市が公表した資料）") : null,
            _plan.Terms.Count > 0);
        _links = new SiteLinks(_plan);
        _policies = new PolicyIndex(_plan);
        _items = new ItemPages(evaluated, _site, _links, _policies);
    }

    /// <summary>Every page model, built now (tests and small sites).</summary>
    public IReadOnlyList<Page> Pages() => Specs().Select(s => s.Build()).ToList();

    /// <summary>
    /// Every page of the site, in a fixed order, each built only when asked: the renderer builds and renders pages on
    /// every core and lets each model go as soon as its page is written, so memory does not grow with the item count.
    /// </summary>
    public IReadOnlyList<PageSpec> Specs()
    {
        var specs = new List<PageSpec> { new(IndexPage.Kind, "index.html", Index) };
        for (var i = 0; i < _plan.Items.Count; i++)
        {
            var index = i;
            specs.Add(new(ItemPage.Kind, Slugs.Item(_plan.Items[i].Number), () => _items.Build(index)));
        }
        specs.AddRange(_plan.Policies.Select(p => new PageSpec(PolicyPage.Kind, Slugs.Policy(p.Code), () => Policy(p))));
        specs.Add(new(DivisionsPage.Kind, "divisions/index.html", DivisionsIndex));
        specs.AddRange(Divisions().Select(d => new PageSpec(DivisionPage.Kind, Slugs.Division(d.Slug), () => DivisionPageFor(d))));
        specs.AddRange(Divisions().SelectMany(d => d.FormerSlugs.Select(old => new PageSpec(RedirectPage.Kind, Slugs.Division(old), () => Redirect(old, d)))));
        specs.AddRange(_plan.Chapters.Select(c => new PageSpec(ChapterPage.Kind, Slugs.Chapter(c.Order), () => Chapter(c))));
        if (HasBooklet)
            specs.Add(new(BookletPage.Kind, BookletPage.PathName, () => new BookletBuilder(_evaluated, _site, _links, _policies, _plan.BookletPdf?.LongLength).Build()));
        specs.Add(new(OpenDataPage.Kind, "opendata/index.html", OpenData));
        if (_plan.Terms.Count > 0) specs.Add(new(GlossaryPage.Kind, GlossaryPath, Glossary));
        var count = specs.Count(s => s.Template != RedirectPage.Kind) + 3;
        specs.Add(new(AccessibilityPage.Kind, "accessibility.html", () => Accessibility(count)));
        var sitePages = specs.Where(s => s.Template != RedirectPage.Kind).Select(s => s.Path).Append(ResultsPath).Append("404.html").ToHashSet(StringComparer.Ordinal);
        specs.Add(new(AccessibilityResultsPage.Kind, ResultsPath, () => AccessibilityResults(sitePages)));
        specs.Add(new(NotFoundPage.Kind, "404.html", NotFound));
        return specs;
    }

    public const string GlossaryPath = "glossary.html";

    /// <summary>A booklet is a document to read through and print: up to <see cref="BookletPage.MaxItems"/> items.</summary>
    private bool HasBooklet => _plan.Items.Count <= BookletPage.MaxItems;

    private Link? BookletLink(string from) => HasBooklet ? new(SiteLinks.Rel(from, BookletPage.PathName), "冊子（全項目）") : null;

    /// <summary>The text marker for one page: signed figures read as マイナス／プラス, each 用語集 term linked on its first use.</summary>
    private Prose ProseFor(string path) => new(_plan.Terms, SiteLinks.Rel(path, GlossaryPath));

    // ---- lists -----------------------------------------------------------------------------------

    private T Base<T>(T page) where T : Page => page with { Navigation = _links.Navigation(page.Path) };

    private AchievementView Reporting(Item item) => AchievementView.Of(_evaluated[item.Number].For(_evaluated.ReportingYear));

    private ItemRow Row(Item item, string from) => new(
        $"No.{item.Number}",
        new Link(SiteLinks.Rel(from, Slugs.Item(item.Number)), item.Name),
        item.Divisions,
        Reporting(item));

    private string YearHeading => $"{_evaluated.ReportingYear.Japanese}の達成度";

    private IReadOnlyList<ItemTable> TablesByPolicy(string from, IEnumerable<Item> items)
    {
        var list = items.ToList();
        return _policies.Leaves.Select(leaf => (leaf, rows: list.Where(i => i.PolicyCode == leaf.Code).Select(i => Row(i, from)).ToList()))
            .Where(t => t.rows.Count > 0)
            .Select(t => new ItemTable(_policies.TrailText(t.leaf.Code), "policy-" + Slugs.Hash(t.leaf.Code), YearHeading, t.rows))
            .ToList();
    }

    // ---- pages -------------------------------------------------------------------------------------

    private IndexPage Index()
    {
        const string path = "index.html";
        var statuses = _plan.Items.Select(i => Reporting(i).Status).ToList();
        return Base(new IndexPage
        {
            Path = path,
            Heading = _site.Title,
            Lead = _site.Subtitle,
            Site = _site,
            Summary = new YearSummary(_evaluated.ReportingYear.JapaneseWithWestern,
                statuses.Count(s => s == AchievementStatus.Achieved),
                statuses.Count(s => s == AchievementStatus.Partial),
                statuses.Count(s => s == AchievementStatus.Unmet),
                statuses.Count(s => s is AchievementStatus.NotAssessed or AchievementStatus.NoResults),
                statuses.Count),
            Policies = _policies.Tree(path, ProseFor(path)),
            Tables = TablesByPolicy(path, _plan.Items),
            Glance = Glance(path),
            Chapters = _plan.Chapters.Select(c => new Link(Slugs.Chapter(c.Order), $"{c.Label} {c.Title}")).ToList(),
            Booklet = BookletLink(path),
        });
    }

    /// <summary>Items × years with results, once there are two or more such years (one year is the item tables already).</summary>
    private GlanceTable? Glance(string path)
    {
        var years = Enumerable.Range(_plan.Info.Start.Reiwa, Math.Max(0, _evaluated.ReportingYear.Reiwa - _plan.Info.Start.Reiwa + 1))
            .Select(r => new FiscalYear(r))
            .Where(y => _evaluated.Items.Any(i => i.For(y).HasResults)).ToList();
        if (years.Count < 2) return null;
        return new GlanceTable(
            $"年度ごとの年度計画達成度（{years[0].Japanese}～{years[^1].Japanese}）",
            years.Select(y => y.Japanese).ToList(),
            _plan.Items.Select(i => new GlanceRow($"No.{i.Number}", new Link(SiteLinks.Rel(path, Slugs.Item(i.Number)), i.Name),
                years.Select(y => AchievementView.Of(_evaluated[i.Number].For(y))).ToList())).ToList());
    }

    private PolicyPage Policy(Policy policy)
    {
        var path = Slugs.Policy(policy.Code);
        var trail = _policies.Trail(policy.Code);
        return Base(new PolicyPage
        {
            Path = path,
            Heading = $"実施方針 {string.Join(" ", trail.Select(p => $"{p.Label} {p.Name}"))}",
            Site = _site,
            Breadcrumbs = SiteLinks.Breadcrumbs(path, trail.Select(p => (Slugs.Policy(p.Code), $"{p.Label} {p.Name}")).ToArray()),
            Policy = _policies.Node(policy, path, ProseFor(path)),
            Tables = TablesByPolicy(path, _policies.ItemsUnder(policy.Code)),
        });
    }

    /// <summary>The divisions that have items, in divisions.csv's order (関係各課 is not a division and has no page).</summary>
    public IReadOnlyList<Division> Divisions() =>
        _plan.Divisions.Where(d => _plan.Items.Any(i => i.Divisions.Contains(d.Name))).ToList();

    private DivisionsPage DivisionsIndex()
    {
        const string path = "divisions/index.html";
        var related = _plan.Items.Count(i => i.Divisions.Contains(Division.Related));
        return Base(new DivisionsPage
        {
            Path = path,
            Heading = "担当課から探す",
            Lead = "担当課ごとに、その課が担当する実施項目を一覧にしています。複数の課が担当する項目は、それぞれの課に表示しています。",
            Site = _site,
            Breadcrumbs = SiteLinks.Breadcrumbs(path, (path, "担当課から探す")),
            Divisions = Divisions().Select(d => (new Link(SiteLinks.Rel(path, Slugs.Division(d.Slug)), d.Name), _plan.Items.Count(i => i.Divisions.Contains(d.Name)))).ToList(),
            RelatedNote = related == 0 ? null
                : $"担当課が「{Division.Related}」の項目（{related}項目）は、関係する複数の課が連携して取り組みます。主な担当課の一覧から探せます。",
        });
    }

    private DivisionPage DivisionPageFor(Division division)
    {
        var path = Slugs.Division(division.Slug);
        var items = _plan.Items.Where(i => i.Divisions.Contains(division.Name)).ToList();
        return Base(new DivisionPage
        {
            Path = path,
            Heading = $"{division.Name}の実施項目",
            Site = _site,
            Breadcrumbs = SiteLinks.Breadcrumbs(path, ("divisions/index.html", "担当課から探す"), (path, division.Name)),
            Note = null,
            Contact = Contacts.Of(division),
            Table = new ItemTable(TextView.Of($"{division.Name}が担当する実施項目（{items.Count}項目）"), null, YearHeading, items.Select(i => Row(i, path)).ToList()),
        });
    }

    private RedirectPage Redirect(string oldSlug, Division division)
    {
        var path = Slugs.Division(oldSlug);
        var target = Slugs.Division(division.Slug);
        return Base(new RedirectPage
        {
            Path = path,
            Heading = $"{division.Name}のページは移動しました",
            Site = _site,
            Target = new Link(SiteLinks.Rel(path, target), $"{division.Name}の実施項目"),
            TargetPath = target,
        });
    }

    private ChapterPage Chapter(Chapter chapter)
    {
        var path = Slugs.Chapter(chapter.Order);
        var prose = ProseFor(path);
        return Base(new ChapterPage
        {
            Path = path,
            Heading = $"{chapter.Label} {chapter.Title}",
            Site = _site,
            Breadcrumbs = SiteLinks.Breadcrumbs(path, (path, $"{chapter.Label} {chapter.Title}")),
            BodyHtml = ProseMarkdown.ToHtml(chapter.Markdown, prose),
            Policies = chapter.ListsPolicies ? _policies.Tree(path, prose) : [],
            Chapters = _plan.Chapters.Select(c => new Link(SiteLinks.Rel(path, Slugs.Chapter(c.Order)), $"{c.Label} {c.Title}", c.Order == chapter.Order)).ToList(),
            Booklet = BookletLink(path),
        });
    }

    private OpenDataPage OpenData()
    {
        const string path = "opendata/index.html";
        return Base(new OpenDataPage
        {
            Path = path,
            Heading = "オープンデータ",
            Lead = "実施項目の指標と年度計画達成度を、機械で読みやすい形式で公開しています。",
            Site = _site,
            Breadcrumbs = SiteLinks.Breadcrumbs(path, (path, "オープンデータ")),
            Files =
            [
                new(new Link(SiteLinks.Rel(path, OpenDataWriterPaths.Csv), "年度計画達成度と指標（CSV）"), "CSV（UTF-8 BOM付き、CRLF、見出し行あり）", "実施項目×年度×指標ごとに1行。Excelでそのまま開けます。"),
                new(new Link(SiteLinks.Rel(path, OpenDataWriterPaths.Json), "計画の全データ（JSON）"), "JSON（UTF-8）", "計画・実施方針・実施項目・年度ごとの計画と実績・指標・達成度をすべて含みます。"),
            ],
            Columns = OpenDataWriterPaths.CsvColumns,
        });
    }

    private GlossaryPage Glossary()
    {
        const string path = GlossaryPath;
        return Base(new GlossaryPage
        {
            Path = path,
            Heading = "用語集",
            Lead = "計画や実績の文章に出てくる言葉の意味です。各ページでは、その言葉が最初に出てくるところから、ここへリンクしています。",
            Site = _site,
            Breadcrumbs = SiteLinks.Breadcrumbs(path, (path, "用語集")),
            Entries = _plan.Terms.Select(t => new GlossaryEntryView(Prose.Anchor(t.Term), t.Term, t.Reading.Length > 0 && t.Reading != t.Term ? t.Reading : null, t.Explanation)).ToList(),
        });
    }

    public const string ResultsPath = "accessibility-results.html";

    private IReadOnlyList<ChecklistRow> Checklist => AccessibilityChecklist.Rows(_plan.Accessibility ?? AccessibilityRecord.None);

    private static string ConformanceWord(AccessibilityChecklist.Conformance c) => c switch
    {
        AccessibilityChecklist.Conformance.Conforms => "準拠",
        AccessibilityChecklist.Conformance.PartiallyConforms => "一部準拠",
        _ => "配慮",
    };

    private AccessibilityPage Accessibility(int pageCount)
    {
        const string path = "accessibility.html";
        return Base(new AccessibilityPage
        {
            Path = path,
            Heading = "ウェブアクセシビリティ方針",
            Site = _site,
            Breadcrumbs = SiteLinks.Breadcrumbs(path, (path, "ウェブアクセシビリティ方針")),
            PageCount = pageCount,
            Results = new Link(SiteLinks.Rel(path, ResultsPath), "試験結果"),
            Conformance = ConformanceWord(AccessibilityChecklist.Of(Checklist)),
        });
    }

    /// <param name="sitePages">Every real page of this site (redirect notices excepted), to compare with the last audit's list.</param>
    private AccessibilityResultsPage AccessibilityResults(IReadOnlySet<string> sitePages)
    {
        const string path = ResultsPath;
        var record = _plan.Accessibility ?? AccessibilityRecord.None;
        var rows = Checklist;
        var conformance = AccessibilityChecklist.Of(rows);
        var word = ConformanceWord(conformance);
        var audit = record.Audit;
        string Label(CheckResult r) => r switch { CheckResult.Conforms => "適合", CheckResult.NotApplicable => "該当なし", CheckResult.Fails => "不適合", _ => "未確認" };
        return Base(new AccessibilityResultsPage
        {
            Path = path,
            Heading = "ウェブアクセシビリティ試験結果",
            Site = _site,
            Breadcrumbs = SiteLinks.Breadcrumbs(path, ("accessibility.html", "ウェブアクセシビリティ方針"), (path, "試験結果")),
            Conformance = word,
            Statement = $"JIS X 8341-3:2016 の適合レベル AA に{word}",
            Explanation = conformance switch
            {
                AccessibilityChecklist.Conformance.Conforms => "38項目すべての達成基準を、自動の試験と人による確認で試験し、すべて満たしています。",
                AccessibilityChecklist.Conformance.PartiallyConforms => "38項目すべての達成基準を試験しました。満たしていない達成基準があります（下の表の「不適合」）。",
                _ => "人による確認がまだ終わっていない達成基準があるため（下の表の「未確認」）、「準拠」とは表記していません。自動の試験だけでは準拠を確かめられません。",
            },
            TestedOn = audit is null ? null : DateOf(audit.Date),
            Browser = audit?.Browser,
            Axe = audit?.Axe,
            TestedPages = audit?.Pages.Select(p => new TestedPageView(p, sitePages.Contains(p) ? SiteLinks.Rel(path, p) : null)).ToList() ?? [],
            UntestedPages = audit is null ? [] : sitePages.Where(p => !audit.Pages.Contains(p)).Order(StringComparer.Ordinal).Select(p => new Link(SiteLinks.Rel(path, p), p)).ToList(),
            Rows = rows.Select(r => new ChecklistRowView(r.Criterion.Number, r.Criterion.Name, r.Criterion.Level, Label(r.Result),
                r.ByPerson ? "人による確認" : r.Result == CheckResult.Fails || r.AutomaticPassed ? "自動" : "—", r.Note)).ToList(),
            Failures = audit?.Failures.Select(f => new AuditFailureView(new Link(SiteLinks.Rel(path, f.Page), f.Page), f.Criterion, f.Message)).ToList() ?? [],
            Automatic = rows.Count(r => r.AutomaticPassed || (r.Result == CheckResult.Fails && !r.ByPerson)),
            ByPerson = rows.Count(r => r.ByPerson),
            Unchecked = rows.Count(r => r.Result == CheckResult.Unchecked),
        });
    }

    /// <summary>「2026-11-25」 → 「2026年11月25日」.</summary>
    private static string DateOf(string iso)
    {
        var parts = iso.Split('-');
        return parts.Length == 3 && int.TryParse(parts[0], out var y) && int.TryParse(parts[1], out var m) && int.TryParse(parts[2], out var d)
            ? $"{y}年{m}月{d}日" : iso;
    }

    private NotFoundPage NotFound()
    {
        var page = Base(new NotFoundPage { Path = "404.html", Heading = "ページが見つかりません", Site = _site });
        return _site.BaseUrl is null ? page : page with { Navigation = page.Navigation.Select(l => l with { Href = page.Root + l.Href }).ToList() };
    }
}
