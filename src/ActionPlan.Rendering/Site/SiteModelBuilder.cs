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

    /// <summary>The policy tree with the plan's level names, made once for the pages and the search index.</summary>
    public PolicyIndex Policies => _policies;
    private readonly ItemPages _items;
    private readonly Theme.Words _words;

    /// <param name="words">The theme's words (words/ja.txt): every heading, lead and label this model composes.</param>
    /// <param name="shareImage">Whether the theme ships assets/share.png (the sharing card's image, given with --base-url).</param>
    public SiteModelBuilder(EvaluatedPlan evaluated, Theme.Words words, string? baseUrl, IReadOnlyList<string>? draftProblems = null, bool shareImage = false)
    {
        _evaluated = evaluated;
        _words = words;
        _plan = evaluated.Plan;
        var info = _plan.Info;
        _site = new SiteInfo(info.Title, info.Subtitle, info.City, info.Prefecture, info.Publisher,
            words.Format("site.period", ("start", info.Start.Japanese), ("end", info.End.Japanese),
                ("startWestern", info.Start.Western), ("endWestern", info.End.Western)),
            info.PublicationKnown ? Wareki.Month(info.PublishedYear, info.PublishedMonth, words) : words["site.published-unknown"],
            string.IsNullOrWhiteSpace(baseUrl) ? null : baseUrl.TrimEnd('/'),
            draftProblems,
            _plan.DivisionNamed(info.Publisher) is { } publisher ? Contacts.Of(publisher) : null,
            info.OriginalUrl is { } original ? new Link(original, info.OriginalTitle ?? words.Format("site.original-document", ("title", info.Title))) : null,
            _plan.Terms.Count > 0);
        _links = new SiteLinks(_plan, words);
        _policies = new PolicyIndex(_plan, words);
        _site = _site with
        {
            ItemLevel = _policies.ItemLevel,
            PolicyLevel = _policies.LevelAt(0),
            Notice = info.Form.Notice,
            Description = words.Format("site.description", ("city", info.City), ("title", info.Title)),
            ShareImage = shareImage && _site.BaseUrl is { } root ? SiteLinks.Absolute(root, SiteRenderer.ShareImage) : null,
            ShareImageAlt = words["share.image-alt"],
            MunicipalityCode = info.MunicipalityCode,
            CodeLabel = words["opendata.column.municipality-code"],
            Temporal = $"{info.Start.FirstDay}/{info.End.LastDay}",
            LicenceUrl = words[$"licence.{info.Licence}.url"],
        };
        _items = new ItemPages(evaluated, _site, _links, _policies, words);
    }

    /// <summary>Every page model, built now (tests and small sites).</summary>
    public IReadOnlyList<Page> Pages() => Specs().Select(s => s.Build()).ToList();

    /// <summary>
    /// Every page of the site, in a fixed order, each built only when asked: the renderer builds and renders pages on
    /// every core and lets each model go as soon as its page is written, so memory does not grow with the item count.
    /// </summary>
    public IReadOnlyList<PageSpec> Specs()
    {
        var specs = new List<PageSpec> { new(PageKinds.Home, Slugs.Home, Index) };
        for (var i = 0; i < _plan.Items.Count; i++)
        {
            var index = i;
            specs.Add(new(PageKinds.Item, Slugs.Item(_plan.Items[i].Number), () => _items.Build(index)));
        }
        specs.AddRange(_plan.Policies.Select(p => new PageSpec(PageKinds.Policy, Slugs.Policy(p.Code), () => Policy(p))));
        specs.Add(new(PageKinds.Divisions, Slugs.Divisions, DivisionsIndex));
        specs.AddRange(Divisions().Select(d => new PageSpec(PageKinds.Division, Slugs.Division(d.Slug), () => DivisionPageFor(d))));
        specs.AddRange(Divisions().SelectMany(d => d.FormerSlugs.Select(old => new PageSpec(PageKinds.MovedDivision, Slugs.Division(old), () => Redirect(old, d)))));
        specs.AddRange(_plan.Chapters.Select(c => new PageSpec(PageKinds.Chapter, Slugs.Chapter(c.Order), () => Chapter(c))));
        if (HasBooklet)
            specs.Add(new(PageKinds.Booklet, Slugs.Booklet, () => new BookletBuilder(_evaluated, _site, _links, _policies, _plan.BookletPdf?.LongLength, _words).Build()));
        specs.Add(new(PageKinds.OpenData, Slugs.OpenData, OpenData));
        if (_plan.Terms.Count > 0) specs.Add(new(PageKinds.Glossary, Slugs.Glossary, Glossary));
        specs.Add(new(PageKinds.Search, Slugs.Search, SearchPageModel));
        specs.Add(new(PageKinds.Updates, Slugs.Updates, UpdatesPageModel));
        // The accessibility pages state how many pages the site has and which: every real page, themselves and 404 included.
        PageKind[] last = [PageKinds.Accessibility, PageKinds.AccessibilityResults, PageKinds.NotFound];
        var sitePages = specs.Where(s => s.Kind.IsPage).Select(s => s.Path).Concat(last.Select(k => k.FixedPath!)).ToHashSet(StringComparer.Ordinal);
        specs.Add(new(PageKinds.Accessibility, Slugs.Accessibility, () => Accessibility(sitePages.Count)));
        specs.Add(new(PageKinds.AccessibilityResults, Slugs.AccessibilityResults, () => AccessibilityResults(sitePages)));
        specs.Add(new(PageKinds.NotFound, Slugs.NotFound, NotFound));
        return specs;
    }


    /// <summary>A booklet is a document to read through and print: up to <see cref="BookletPage.MaxItems"/> items.</summary>
    private bool HasBooklet => _plan.Items.Count <= BookletPage.MaxItems;

    private Link? BookletLink(string from) => HasBooklet ? new(SiteLinks.Rel(from, Slugs.Booklet), _words["booklet.link"]) : null;

    /// <summary>The text marker for one page: signed figures read as マイナス／プラス, each 用語集 term linked on its first use.</summary>
    private Prose ProseFor(string path) => new(_plan.Terms, SiteLinks.Rel(path, Slugs.Glossary));

    // ---- lists -----------------------------------------------------------------------------------

    private T Base<T>(T page) where T : Page => page with { Navigation = _links.Navigation(page.Path) };

    private AchievementView Reporting(Item item) => AchievementView.Of(_evaluated[item.Number].For(_evaluated.ReportingYear));

    private ItemRow Row(Item item, string from) => new(
        $"No.{item.Number}",
        new Link(SiteLinks.Rel(from, Slugs.Item(item.Number)), item.Name),
        item.Divisions,
        Reporting(item));

    private string YearHeading => _words.Format("table.year-heading", ("year", _evaluated.ReportingYear.Japanese));

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
        const string path = Slugs.Home;
        return Base(new IndexPage
        {
            Path = path,
            Heading = _site.Title,
            Lead = _site.Subtitle,
            Site = _site,
            Summary = SummaryOf(_plan.Items),
            Policies = _policies.Tree(path, ProseFor(path)),
            Tables = TablesByPolicy(path, _plan.Items),
            Glance = Glance(path),
            Chapters = _plan.Chapters.Select(c => new Link(Slugs.Chapter(c.Order), $"{c.Label} {c.Title}")).ToList(),
            Booklet = BookletLink(path),
        });
    }

    /// <summary>The reporting year's items counted per grade of the plan's scale, then those without a grade (the index and each policy).</summary>
    private YearSummary SummaryOf(IEnumerable<Item> items)
    {
        var reporting = items.Select(i => _evaluated[i.Number].For(_evaluated.ReportingYear)).ToList();
        var scale = _plan.Info.Rating;
        var counts = scale.Grades.Select(g => new SummaryCount(reporting.Count(y => y.Status == AchievementStatus.Graded && y.Grade == g), GradeLabel(scale, g)))
            .Append(new SummaryCount(reporting.Count(y => y.Status != AchievementStatus.Graded), _words["summary.ungraded"])).ToList();
        var tally = _plan.Info.Form.Tally is { } t && t.Of(reporting) is { Percent: { } percent } result
            ? _words.Format(t.Over == TallyOver.Indicators ? "summary.tally-indicators" : "summary.tally", ("name", t.Name), ("percent", percent.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)),
                ("of", result.Of), ("count", result.Counted), ("grades", string.Join(_words["summary.tally-separator"], t.Grades)))
            : null;
        // Counts on the plan's other scales: a count per grade, then those without one.
        StatsView CountsOn(RatingScale scale, IReadOnlyList<Grade?> grades, string ungraded, string unit, string title, string id) =>
            new(scale.Grades.Select(g => new SummaryCount(grades.Count(x => x == g), g.Label)).Append(new SummaryCount(grades.Count(x => x is null), _words[ungraded])).ToList(),
                _words[unit], _words[title], id);
        var others = new List<StatsView>();
        if (_plan.Info.StaffScale is { } staff)
            others.Add(CountsOn(staff, reporting.Select(y => y.Staff).ToList(),
                "summary.staff-ungraded", "summary.unit-items", "summary.staff-title", "summary-staff"));
        if (_plan.Info.IndicatorScale is { } byIndicator)
            others.Add(CountsOn(byIndicator, reporting.Where(y => y.HasResults).SelectMany(y => y.Indicators.Where(i => i.Kind == EntryKind.Result && i.Indicator.Counted))
                .Select(i => i.Grade).ToList(),
                "summary.indicator-ungraded", "summary.unit-indicators", "summary.indicator-title", "summary-indicators"));
        return new YearSummary(_evaluated.ReportingYear.JapaneseWithWestern, counts, reporting.Count, tally) { Unit = _words["summary.unit-items"], Others = others };
    }

    /// <summary>「達成（100%）」「一部達成（1～99%）」「S（100%以上）」: a grade's word with the percents that earn it.</summary>
    private string GradeLabel(RatingScale scale, Grade grade)
    {
        if (grade.Rule != GradeRule.Percent) return grade.Label;   // a grade people give has no range
        var upper = scale.UpperOf(grade);
        var range = upper is null ? _words.Format("summary.range-from", ("low", grade.AtLeast))
            : upper == grade.AtLeast ? _words.Format("summary.range-exact", ("value", upper.Value))
            : _words.Format("summary.range", ("low", grade.AtLeast), ("high", upper.Value));
        return _words.Format("summary.grade", ("grade", grade.Label), ("range", range));
    }

    /// <summary>Items × years with results, once there are two or more such years (one year is the item tables already).</summary>
    private GlanceTable? Glance(string path)
    {
        var years = Enumerable.Range(_plan.Info.Start.Reiwa, Math.Max(0, _evaluated.ReportingYear.Reiwa - _plan.Info.Start.Reiwa + 1))
            .Select(r => new FiscalYear(r))
            .Where(y => _evaluated.Items.Any(i => i.For(y).HasResults)).ToList();
        if (years.Count < 2) return null;
        return new GlanceTable(
            _words.Format("glance.caption", ("first", years[0].Japanese), ("last", years[^1].Japanese)),
            years.Select(y => y.Japanese).ToList(),
            _plan.Items.Select(i => new GlanceRow($"No.{i.Number}", new Link(SiteLinks.Rel(path, Slugs.Item(i.Number)), i.Name),
                years.Select(y => AchievementView.Of(_evaluated[i.Number].For(y))).ToList())).ToList());
    }

    private PolicyPage Policy(Policy policy)
    {
        var path = Slugs.Policy(policy.Code);
        var trail = _policies.Trail(policy.Code);
        var items = _policies.ItemsUnder(policy.Code).ToList();
        var own = _evaluated.Policies.GetValueOrDefault(policy.Code);
        var indicators = new Indicators(_plan.Info, _words);
        return Base(new PolicyPage
        {
            Path = path,
            Heading = policy.Label.StartsWith(_policies.LevelOf(policy), StringComparison.Ordinal)
                ? string.Join(" ", trail.Select(p => $"{p.Label} {p.Name}"))
                : _words.Format("policy.heading", ("level", _policies.LevelOf(policy)), ("trail", string.Join(" ", trail.Select(p => $"{p.Label} {p.Name}")))),
            Site = _site,
            Breadcrumbs = _links.Breadcrumbs(PageKinds.Policy, path, trail.Select(p => (Slugs.Policy(p.Code), $"{p.Label} {p.Name}")).ToArray()),
            Policy = _policies.Node(policy, path, ProseFor(path)),
            Tables = TablesByPolicy(path, items),
            Summary = SummaryOf(items),
            Indicators = own is null ? [] : indicators.Rows(own),
            KpiCharts = own is null ? [] : indicators.Charts(own, "kpi-"),
            RatioHint = own is null ? null : indicators.RatioHint(own),
            Latest = own?.FirstOrDefault(y => y.Year == _evaluated.ReportingYear) is { HasResults: true } latest ? AchievementView.Of(latest) : null,
        });
    }

    /// <summary>The divisions that have items, in divisions.csv's order (関係各課 is not a division and has no page).</summary>
    public IReadOnlyList<Division> Divisions() =>
        _plan.Divisions.Where(d => _plan.Items.Any(i => i.Divisions.Contains(d.Name))).ToList();

    private DivisionsPage DivisionsIndex()
    {
        const string path = Slugs.Divisions;
        var related = _plan.Items.Count(i => i.Divisions.Contains(Division.Related));
        return Base(new DivisionsPage
        {
            Path = path,
            Heading = _words["divisions.heading"],
            Lead = _words["divisions.lead"],
            Site = _site,
            Breadcrumbs = _links.Breadcrumbs(PageKinds.Divisions, path),
            Divisions = Divisions().Select(d => (new Link(SiteLinks.Rel(path, Slugs.Division(d.Slug)), d.Name), _plan.Items.Count(i => i.Divisions.Contains(d.Name)))).ToList(),
            RelatedNote = related == 0 ? null
                : _words.Format("divisions.related-note", ("related", Division.Related), ("count", related)),
        });
    }

    private DivisionPage DivisionPageFor(Division division)
    {
        var path = Slugs.Division(division.Slug);
        var items = _plan.Items.Where(i => i.Divisions.Contains(division.Name)).ToList();
        return Base(new DivisionPage
        {
            Path = path,
            Heading = _words.Format("division.heading", ("division", division.Name)),
            Site = _site,
            Breadcrumbs = _links.Breadcrumbs(PageKinds.Division, path, (path, division.Name)),
            Note = null,
            Contact = Contacts.Of(division),
            Table = new ItemTable(TextView.Of(_words.Format("division.table-caption", ("division", division.Name), ("count", items.Count))), null, YearHeading, items.Select(i => Row(i, path)).ToList()),
        });
    }

    private RedirectPage Redirect(string oldSlug, Division division)
    {
        var path = Slugs.Division(oldSlug);
        var target = Slugs.Division(division.Slug);
        return Base(new RedirectPage
        {
            Path = path,
            Heading = _words.Format("division.moved-heading", ("division", division.Name)),
            Site = _site,
            Target = new Link(SiteLinks.Rel(path, target), _words.Format("division.heading", ("division", division.Name))),
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
            Breadcrumbs = _links.Breadcrumbs(PageKinds.Chapter, path, (path, $"{chapter.Label} {chapter.Title}")),
            BodyHtml = ProseMarkdown.ToHtml(chapter.Markdown, prose),
            Policies = chapter.ListsPolicies ? _policies.Tree(path, prose) : [],
            Chapters = _plan.Chapters.Select(c => new Link(SiteLinks.Rel(path, Slugs.Chapter(c.Order)), $"{c.Label} {c.Title}", c.Order == chapter.Order)).ToList(),
            Booklet = BookletLink(path),
        });
    }

    private OpenDataPage OpenData()
    {
        const string path = Slugs.OpenData;
        return Base(new OpenDataPage
        {
            Path = path,
            Heading = _words["opendata.heading"],
            Lead = _words["opendata.lead"],
            Site = _site,
            Breadcrumbs = _links.Breadcrumbs(PageKinds.OpenData, path),
            Files =
            [
                new(new Link(SiteLinks.Rel(path, OpenDataWriterPaths.Csv), _words["opendata.csv.link"]), _words["opendata.csv.format"], _words["opendata.csv.description"]),
                new(new Link(SiteLinks.Rel(path, OpenDataWriterPaths.Json), _words["opendata.json.link"]), _words["opendata.json.format"], _words["opendata.json.description"]),
                new(new Link(SiteLinks.Rel(path, OpenDataWriterPaths.Dictionary), _words["opendata.dictionary.link"]), _words["opendata.csv.format"], _words["opendata.dictionary.description"]),
                new(new Link(SiteLinks.Rel(path, OpenDataWriterPaths.Catalog), _words["opendata.catalog.link"]), _words["opendata.catalog.format"], _words["opendata.catalog.description"]),
            ],
            Licence = new Link(_words[$"licence.{_plan.Info.Licence}.url"], _words[$"licence.{_plan.Info.Licence}.name"]),
            Attribution = _words.Format("opendata.attribution", ("city", _plan.Info.City), ("title", _plan.Info.Title),
                ("address", _site.BaseUrl is { } b ? "（" + SiteLinks.Absolute(b, Slugs.OpenData) + "）" : "")),
            MunicipalityCode = _plan.Info.MunicipalityCode,
            Columns = OpenDataWriterPaths.CsvColumns(_words),
        });
    }

    private UpdatesPage UpdatesPageModel()
    {
        const string path = Slugs.Updates;
        return Base(new UpdatesPage
        {
            Path = path,
            Heading = _words["updates.heading"],
            Lead = _words["updates.lead"],
            Site = _site,
            Breadcrumbs = _links.Breadcrumbs(PageKinds.Updates, path),
            Editions = _plan.Editions.Select(e => new EditionView(Feed.Anchor(e), Wareki.Month(e.Year, e.Month, _words),
                e.Lines.Count == 0 ? [new UpdateLine(_words["updates.published"], null)]
                : e.Lines.Select(l => new UpdateLine(l.Text, l.Item is { } n && _plan.Items.FirstOrDefault(i => i.Number == n) is { } item
                    ? new Link(SiteLinks.Rel(path, Slugs.Item(n)), _words.Format("item.heading", ("number", n), ("name", item.Name))) : null)).ToList())).ToList(),
            Published = _site.Published,
            Feed = new Link(SiteLinks.Rel(path, Feed.Path), _words["updates.feed-link"]),
        });
    }

    private SearchPage SearchPageModel()
    {
        const string path = Slugs.Search;
        var scale = _plan.Info.Rating;
        return Base(new SearchPage
        {
            Path = path,
            Heading = _words["search.heading"],
            Lead = _words["search.lead"],
            Site = _site,
            Breadcrumbs = _links.Breadcrumbs(PageKinds.Search, path),
            PolicyLabel = _site.PolicyLevel,
            Policies = _plan.Policies.Select(p => new SearchChoice(p.Code,
                string.Concat(Enumerable.Repeat(_words["search.indent"], _policies.Trail(p.Code).Count - 1)) + $"{p.Label} {p.Name}")).ToList(),
            Divisions = Divisions().Select(d => new SearchChoice(d.Name, d.Name)).ToList(),
            Grades = scale.Grades.Select(g => new SearchChoice(g.Label, g.Label))
                .Concat(Enum.GetValues<AchievementStatus>()
                    .Where(s => s != AchievementStatus.Graded && (s != AchievementStatus.Ungraded || !scale.IsPercent))   // 評価未記入 only where people give the grades
                    .Select(s => new AchievementView(s, null, "").Word(_words)).Select(w => new SearchChoice(w, w))).ToList(),
            FoundMessage = _words["search.found"],
            NoneMessage = _words["search.none"],
            AllMessage = _words["search.all"],
            ReportingYear = _evaluated.ReportingYear.Japanese,
        });
    }

    private GlossaryPage Glossary()
    {
        const string path = Slugs.Glossary;
        return Base(new GlossaryPage
        {
            Path = path,
            Heading = _words["glossary.heading"],
            Lead = _words["glossary.lead"],
            Site = _site,
            Breadcrumbs = _links.Breadcrumbs(PageKinds.Glossary, path),
            Entries = _plan.Terms.Select(t => new GlossaryEntryView(Prose.Anchor(t.Term), t.Term, t.Reading.Length > 0 && t.Reading != t.Term ? t.Reading : null, t.Explanation)).ToList(),
        });
    }


    private IReadOnlyList<ChecklistRow> Checklist => AccessibilityChecklist.Rows(_plan.Accessibility ?? AccessibilityRecord.None);

    private string ConformanceWord(AccessibilityChecklist.Conformance c) => _words[c switch
    {
        AccessibilityChecklist.Conformance.Conforms => "accessibility.conforms",
        AccessibilityChecklist.Conformance.PartiallyConforms => "accessibility.partially-conforms",
        _ => "accessibility.considered",
    }];

    private AccessibilityPage Accessibility(int pageCount)
    {
        const string path = Slugs.Accessibility;
        return Base(new AccessibilityPage
        {
            Path = path,
            Heading = _words["accessibility.heading"],
            Site = _site,
            Breadcrumbs = _links.Breadcrumbs(PageKinds.Accessibility, path),
            PageCount = pageCount,
            Results = new Link(SiteLinks.Rel(path, Slugs.AccessibilityResults), _words["accessibility.results-link"]),
            Conformance = ConformanceWord(AccessibilityChecklist.Of(Checklist)),
        });
    }

    /// <param name="sitePages">Every real page of this site (redirect notices excepted), to compare with the last audit's list.</param>
    private AccessibilityResultsPage AccessibilityResults(IReadOnlySet<string> sitePages)
    {
        const string path = Slugs.AccessibilityResults;
        var record = _plan.Accessibility ?? AccessibilityRecord.None;
        var rows = Checklist;
        var conformance = AccessibilityChecklist.Of(rows);
        var word = ConformanceWord(conformance);
        var audit = record.Audit;
        // Every date a test was made on (the audit's and each person's check), oldest first: the period and 表明日.
        var dates = (audit is null ? [] : new[] { audit.Date }).Concat(record.Manual.Where(m => m.Result != CheckResult.Unchecked && m.Date.Length > 0).Select(m => m.Date))
            .Order(StringComparer.Ordinal).ToList();
        string Label(CheckResult r) => _words[r switch
        {
            CheckResult.Conforms => "results.result.conforms",
            CheckResult.NotApplicable => "results.result.not-applicable",
            CheckResult.Fails => "results.result.fails",
            _ => "results.result.unchecked",
        }];
        return Base(new AccessibilityResultsPage
        {
            Path = path,
            Heading = _words["results.heading"],
            Site = _site,
            Breadcrumbs = _links.Breadcrumbs(PageKinds.AccessibilityResults, path),
            Conformance = word,
            Statement = _words.Format("results.statement", ("conformance", word)),
            Explanation = _words[conformance switch
            {
                AccessibilityChecklist.Conformance.Conforms => "results.explanation.conforms",
                AccessibilityChecklist.Conformance.PartiallyConforms => "results.explanation.partially-conforms",
                _ => "results.explanation.considered",
            }],
            TestedOn = audit is null ? null : DateOf(audit.Date),
            Browser = audit?.Browser,
            Axe = audit?.Axe,
            TestedPages = audit?.Pages.Select(p => new TestedPageView(_site.BaseUrl is { } root ? root + "/" + p : p, sitePages.Contains(p) ? (_site.BaseUrl is { } b ? b + "/" + p : SiteLinks.Rel(path, p)) : null)).ToList() ?? [],
            UntestedPages = audit is null ? [] : sitePages.Where(p => !audit.Pages.Contains(p)).Order(StringComparer.Ordinal).Select(p => new Link(SiteLinks.Rel(path, p), p)).ToList(),
            Rows = rows.Select(r => new ChecklistRowView(r.Criterion.Number, r.Criterion.Name, r.Criterion.Level, Label(r.Result),
                r.ByPerson && r.AutomaticPassed ? _words["results.both"] : r.ByPerson ? _words["results.by-person"] : r.Result == CheckResult.Fails || r.AutomaticPassed ? _words["results.automatic"] : "—",
                r.ByPerson && IsDue(r.Criterion.Number) ? (r.Note.Length > 0 ? r.Note + _words["list.separator"] : "") + _words["results.due"] : r.Note)).ToList(),
            Failures = audit?.Failures.Select(f => new AuditFailureView(new Link(SiteLinks.Rel(path, f.Page), f.Page), f.Criterion, f.Message)).ToList() ?? [],
            Automatic = rows.Count(r => r.AutomaticPassed || (r.Result == CheckResult.Fails && !r.ByPerson)),
            ByPerson = rows.Count(r => r.ByPerson),
            Unchecked = rows.Count(r => r.Result == CheckResult.Unchecked),
            StatedOn = dates.Count == 0 ? null : DateOf(dates[^1]),
            Technologies = string.Join(_words["list.separator"], Technologies()),
            Selection = audit is null ? _words["results.selection.none"]
                : sitePages.All(audit.Pages.Contains) ? _words.Format("results.selection.all", ("count", audit.Pages.Count))
                : _words.Format("results.selection.some", ("count", audit.Pages.Count), ("total", sitePages.Count)),
            Period = dates.Count == 0 ? null : dates[0] == dates[^1] ? DateOf(dates[0]) : _words.Format("results.period", ("from", DateOf(dates[0])), ("to", DateOf(dates[^1]))),
            Testers = (audit is null ? [] : new[] { _words.Format("results.tester.machine", ("browser", audit.Browser), ("axe", audit.Axe)) })
                .Concat(record.Manual.Where(m => m.Result != CheckResult.Unchecked && m.By.Length > 0).Select(m => m.By).Distinct(StringComparer.Ordinal)
                    .Select(by => _words.Format("results.tester.person", ("name", by)))).ToList(),
            Due = rows.Count(r => r.ByPerson && IsDue(r.Criterion.Number)),
        });

        bool IsDue(string criterion) => _plan.Info.PublicationKnown && record.Manual.LastOrDefault(m => m.Criterion == criterion) is { Date.Length: > 0 } m
            && AccessibilityChecklist.IsDue(m.Date, _plan.Info.PublishedYear, _plan.Info.PublishedMonth);
    }

    /// <summary>
    /// 依存したウェブコンテンツ技術: what the pages rely on, from the site model — HTML and CSS always, SVG where a page
    /// draws a meter or a chart (every item's achievement), JavaScript where a page loads a script (the search box).
    /// </summary>
    private IEnumerable<string> Technologies()
    {
        yield return "HTML";
        yield return "CSS";
        if (_plan.Items.Count > 0) yield return "SVG";
        yield return "JavaScript";   // every page loads the search box's script (Page.Scripts); without it the pages still work
    }

    /// <summary>「2026-11-25」 → 「2026年11月25日」.</summary>
    private string DateOf(string iso)
    {
        var parts = iso.Split('-');
        return parts.Length == 3 && int.TryParse(parts[0], out var y) && int.TryParse(parts[1], out var m) && int.TryParse(parts[2], out var d)
            ? _words.Format("results.date", ("year", y),
                ("month", m), ("day", d))
            : iso;
    }

    private NotFoundPage NotFound()
    {
        var page = Base(new NotFoundPage { Path = Slugs.NotFound, Heading = _words["notfound.heading"], Site = _site });
        return _site.BaseUrl is null ? page : page with { Navigation = page.Navigation.Select(l => l with { Href = page.Root + l.Href }).ToList() };
    }
}
