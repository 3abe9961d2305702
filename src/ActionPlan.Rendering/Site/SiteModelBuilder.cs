using System.Globalization;
using ActionPlan.Domain;

namespace ActionPlan.Rendering.Site;

/// <summary>
/// Compute → Render boundary: turns the plan into one model per page, with every figure already computed
/// and formatted (和暦, 億/万, ratios, words), so templates only display.
/// </summary>
public sealed class SiteModelBuilder
{
    private readonly Plan _plan;
    private readonly SiteInfo _site;
    private readonly FiscalYear _latest;
    private readonly Dictionary<string, Policy> _policies;
    private readonly Dictionary<int, IReadOnlyList<YearAchievement>> _evaluations;

    public SiteModelBuilder(Plan plan, string? baseUrl, IReadOnlyList<string>? draftProblems = null)
    {
        _plan = plan;
        var info = plan.Info;
        _site = new SiteInfo(info.Title, info.Subtitle, info.City, info.Prefecture, info.Publisher,
            $"{info.Start.Japanese}～{info.End.Japanese}（{info.Start.Western}年度～{info.End.Western}年度）",
            info.PublicationKnown ? Wareki.Month(info.PublishedYear, info.PublishedMonth) : "（未記入）",
            string.IsNullOrWhiteSpace(baseUrl) ? null : baseUrl.TrimEnd('/'),
            draftProblems);
        _latest = info.ReportingYear;
        _policies = plan.Policies.ToDictionary(p => p.Code);
        _evaluations = plan.Items.ToDictionary(i => i.Number, Evaluation.ForItem);
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
            specs.Add(new(ItemPage.Kind, Slugs.Item(_plan.Items[i].Number), () => Item(index)));
        }
        specs.AddRange(_plan.Policies.Select(p => new PageSpec(PolicyPage.Kind, Slugs.Policy(p.Code), () => Policy(p))));
        specs.Add(new(DivisionsPage.Kind, "divisions/index.html", DivisionsIndex));
        specs.AddRange(Divisions().Select(d => new PageSpec(DivisionPage.Kind, Slugs.Division(d.Slug), () => DivisionPageFor(d))));
        specs.AddRange(Divisions().SelectMany(d => d.FormerSlugs.Select(old => new PageSpec(RedirectPage.Kind, Slugs.Division(old), () => Redirect(old, d)))));
        specs.AddRange(_plan.Chapters.Select(c => new PageSpec(ChapterPage.Kind, Slugs.Chapter(c.Order), () => Chapter(c))));
        specs.Add(new(OpenDataPage.Kind, "opendata/index.html", OpenData));
        var count = specs.Count + 2;
        specs.Add(new(AccessibilityPage.Kind, "accessibility.html", () => Accessibility(count)));
        specs.Add(new(NotFoundPage.Kind, "404.html", NotFound));
        return specs;
    }

    // ---- shared pieces -------------------------------------------------------------------------

    private static string Rel(string fromPath, string toPath) =>
        string.Concat(Enumerable.Repeat("../", fromPath.Count(c => c == '/'))) + toPath;

    private IReadOnlyList<Link> Nav(string path)
    {
        (string Target, string Text)[] entries =
        [
            ("index.html", "ホーム"),
            (Slugs.Chapter(1), "計画について"),
            (_plan.Chapters.Any(c => c.Order == 3) ? Slugs.Chapter(3) : Slugs.Chapter(1), "実施方針"),
            ("divisions/index.html", "担当課から探す"),
            ("opendata/index.html", "オープンデータ"),
            ("accessibility.html", "アクセシビリティ"),
        ];
        return entries.Where(e => e.Target != Slugs.Chapter(1) || _plan.Chapters.Count > 0)
            .Select(e => new Link(Rel(path, e.Target), e.Text, e.Target == path)).ToList();
    }

    private IReadOnlyList<Link> Crumbs(string path, params (string Target, string Text)[] trail) =>
        new (string Target, string Text)[] { ("index.html", "ホーム") }.Concat(trail).Select(t => new Link(Rel(path, t.Target), t.Text, t.Target == path)).ToList();

    private T Base<T>(T page) where T : Page => page with { Navigation = Nav(page.Path) };

    public static AchievementView View(Achievement achievement, FiscalYear year, bool hasResults)
    {
        var label = year.Japanese;
        if (!hasResults) return new AchievementView(null, "—", "実績未登録", "pending", label);
        return achievement.Percent switch
        {
            null => new AchievementView(null, "—", "評価対象外（数値目標なし）", "none", label),
            100 => new AchievementView(100, "100%", "達成", "achieved", label),
            0 => new AchievementView(0, "0%", "未達成", "unmet", label),
            var p => new AchievementView(p, $"{p}%", "一部達成", "partial", label),
        };
    }

    /// <summary>Shown in list rows when no item has results yet.</summary>
    private static readonly AchievementView NoResultsYet = new(null, "—", "実績未登録", "pending", "");

    /// <summary>The item's achievement in the edition's reporting year (実績年度), read from the evaluations computed once.</summary>
    private AchievementView? LatestView(Item item)
    {
        var year = _latest;
        var evaluation = _evaluations[item.Number].FirstOrDefault(e => e.Year == year);
        return View(evaluation?.Computed ?? Achievement.None, year, hasResults: evaluation is not null);
    }

    private IEnumerable<Policy> Trail(string code)
    {
        var stack = new List<Policy>();
        for (var p = _policies.GetValueOrDefault(code); p is not null; p = p.ParentCode is null ? null : _policies.GetValueOrDefault(p.ParentCode))
            stack.Insert(0, p);
        return stack;
    }

    private string TrailText(string code) => string.Join(" ＞ ", Trail(code).Select(p => $"{p.Label} {p.Name}"));

    private ItemRow Row(Item item, string from) => new(
        $"No.{item.Number}",
        new Link(Rel(from, Slugs.Item(item.Number)), item.Name),
        item.Divisions,
        LatestView(item) ?? NoResultsYet);

    private string YearHeading => $"{_latest.Japanese}の達成度";

    private IEnumerable<Policy> Leaves => _plan.Policies.Where(p => _plan.Policies.All(c => c.ParentCode != p.Code));

    private IReadOnlyList<ItemTable> TablesByPolicy(string from, IEnumerable<Item> items)
    {
        var list = items.ToList();
        return Leaves.Select(leaf => (leaf, rows: list.Where(i => i.PolicyCode == leaf.Code).Select(i => Row(i, from)).ToList()))
            .Where(t => t.rows.Count > 0)
            .Select(t => new ItemTable(TrailText(t.leaf.Code), "policy-" + Slugs.Hash(t.leaf.Code), YearHeading, t.rows))
            .ToList();
    }

    private PolicyNode Node(Policy p, string from) => new(
        p.Label, p.Name, new Link(Rel(from, Slugs.Policy(p.Code)), p.Name), p.Description, p.Notes,
        _plan.Policies.Where(c => c.ParentCode == p.Code).Select(c => Node(c, from)).ToList(),
        _plan.Items.Count(i => Trail(i.PolicyCode).Any(t => t.Code == p.Code)));

    private IReadOnlyList<PolicyNode> PolicyTree(string from) =>
        _plan.Policies.Where(p => p.ParentCode is null).Select(p => Node(p, from)).ToList();

    // ---- pages ---------------------------------------------------------------------------------

    private IndexPage Index()
    {
        const string path = "index.html";
        YearSummary? summary = null;
        {
            var views = _plan.Items.Select(LatestView).ToList();
            summary = new YearSummary(_latest.JapaneseWithWestern,
                views.Count(v => v!.Modifier == "achieved"),
                views.Count(v => v!.Modifier == "partial"),
                views.Count(v => v!.Modifier == "unmet"),
                views.Count(v => v!.Modifier is "none" or "pending"),
                views.Count);
        }
        return Base(new IndexPage
        {
            Path = path,
            Heading = _site.Title,
            Lead = _site.Subtitle,
            Site = _site,
            Summary = summary,
            Policies = PolicyTree(path),
            Tables = TablesByPolicy(path, _plan.Items),
            Chapters = _plan.Chapters.Select(c => new Link(Slugs.Chapter(c.Order), $"{c.Label} {c.Title}")).ToList(),
        });
    }

    private ItemPage Item(int index)
    {
        var item = _plan.Items[index];
        var path = Slugs.Item(item.Number);
        var trail = Trail(item.PolicyCode).ToList();
        var years = item.Entries.Select(e => e.Year).Distinct().Order().ToList();
        var evaluations = _evaluations[item.Number];

        var yearViews = years.Select(y =>
        {
            var plan = item.Entries.FirstOrDefault(e => e.Year == y && e.Kind == EntryKind.Plan);
            var result = item.Entries.FirstOrDefault(e => e.Year == y && e.Kind == EntryKind.Result);
            var eval = evaluations.FirstOrDefault(e => e.Year == y);
            string? published = null, note = null;
            if (eval?.Published is { } pub)
            {
                published = pub.Display;
                if (eval.Agreement == Agreement.Disagrees)
                    note = $"計算した達成度（{eval.Computed.Display}）は公表値（{pub.Display}）と異なります。このページには計算した値を表示しています。" +
                           (pub.Reason is { } reason ? $"異なる理由: {reason}" : "");
            }
            return new YearView(
                "year-" + y.Short.ToLowerInvariant(),
                y.JapaneseWithWestern,
                plan?.Lines.Select(l => new LineView(l.Text, l.Indicators.Any(i => i.Counted))).ToList() ?? [],
                result?.Lines.Select(l => new LineView(l.Text, l.Indicators.Any(i => i.Counted))).ToList() ?? [],
                result is null ? null : View(eval!.Computed, y, true),
                published,
                note);
        }).ToList();

        var indicators = item.Entries
            .SelectMany(e => e.Lines.SelectMany(l => l.Indicators).Select(i => (e, i)))
            .Select(t => new IndicatorRow(
                $"{t.e.Year.Japanese}{(t.e.Kind == EntryKind.Result ? "実績" : "計画")}",
                t.i.Name,
                Figure(t.i.Target),
                Figure(t.i.Actual),
                t.i.Actual?.Unit is { Length: > 0 } u ? u : t.i.Target?.Unit is { Length: > 0 } tu ? tu : "—",
                t.i.Kind switch { TargetKind.AtLeast => "以上", TargetKind.AtMost => "以下", _ => "—" },
                AchievementRule.Ratio(t.i) is { } r ? (r * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—",
                t.i.Counted ? "※ 対象" : "対象外",
                t.i.Counted))
            .ToList();

        return Base(new ItemPage
        {
            Path = path,
            Heading = $"No.{item.Number} {item.Name}",
            Site = _site,
            NumberLabel = $"No.{item.Number}",
            Name = item.Name,
            Divisions = item.Divisions.Select(d => new DivisionRef(d, _plan.DivisionNamed(d) is { } div ? Rel(path, Slugs.Division(div.Slug)) : null)).ToList(),
            Contacts = item.Divisions.Select(_plan.DivisionNamed).OfType<Division>().Select(Contact).OfType<ContactView>().ToList(),
            PolicyTrail = trail.Select(p => new Link(Rel(path, Slugs.Policy(p.Code)), $"{p.Label} {p.Name}")).ToList(),
            Breadcrumbs = Crumbs(path, trail.Select(p => (Slugs.Policy(p.Code), $"{p.Label} {p.Name}")).Append((path, $"No.{item.Number} {item.Name}")).ToArray()),
            Issues = item.Issues,
            Goals = item.Goals,
            Latest = LatestView(item),
            Years = yearViews,
            Indicators = indicators,
            Chart = Chart(item, evaluations),
            Previous = index > 0 ? new Link(Rel(path, Slugs.Item(_plan.Items[index - 1].Number)), $"No.{_plan.Items[index - 1].Number} {_plan.Items[index - 1].Name}") : null,
            Next = index + 1 < _plan.Items.Count ? new Link(Rel(path, Slugs.Item(_plan.Items[index + 1].Number)), $"No.{_plan.Items[index + 1].Number} {_plan.Items[index + 1].Name}") : null,
        });
    }

    private static FigureView Figure(Quantity? q) => q is null ? FigureView.None : new FigureView(q.Display, q.Spoken);

    /// <summary>Achievement across the plan's years; null when the item has no assessed year.</summary>
    private ChartView? Chart(Item item, IReadOnlyList<YearAchievement> evaluations)
    {
        if (evaluations.All(e => e.Computed.Percent is null)) return null;
        const double width = 560, height = 260, left = 56, right = 540, top = 20, bottom = 220;
        var years = _plan.Info.Years.ToList();
        var step = years.Count > 1 ? (right - left - 40) / (years.Count - 1) : 0;
        double YOf(int p) => bottom - (bottom - top) * p / 100.0;
        var points = years.Select((y, i) =>
        {
            var eval = evaluations.FirstOrDefault(e => e.Year == y);
            var pct = eval?.Computed.Percent;
            var yPos = pct is { } p ? YOf(p) : bottom;
            return new ChartPoint(y.JapaneseWithWestern, y.Short, pct, eval is null ? "実績なし" : eval.Computed.Display,
                Math.Round(left + 20 + step * i, 2), Math.Round(yPos, 2), Math.Round(pct is { } q && q > 85 ? yPos + 18 : yPos - 10, 2));
        }).ToList();
        var assessed = points.Where(p => p.Percent is not null).ToList();
        return new ChartView(
            $"No.{item.Number}の年度計画達成度の推移",
            string.Join("、", assessed.Select(p => $"{p.Year} {p.Display}")),
            width, height, left, right, top, bottom,
            new[] { 0, 25, 50, 75, 100 }.Select(p => (Math.Round(YOf(p), 2), $"{p}%")).ToList(),
            points,
            string.Join(" ", assessed.Select(p => $"{p.X.ToString(CultureInfo.InvariantCulture)},{p.Y.ToString(CultureInfo.InvariantCulture)}")));
    }

    private PolicyPage Policy(Policy policy)
    {
        var path = Slugs.Policy(policy.Code);
        var trail = Trail(policy.Code).ToList();
        var items = _plan.Items.Where(i => Trail(i.PolicyCode).Any(p => p.Code == policy.Code));
        return Base(new PolicyPage
        {
            Path = path,
            Heading = $"実施方針 {string.Join(" ", trail.Select(p => $"{p.Label} {p.Name}"))}",
            Site = _site,
            Breadcrumbs = Crumbs(path, trail.Select(p => (Slugs.Policy(p.Code), $"{p.Label} {p.Name}")).ToArray()),
            Policy = Node(policy, path),
            Tables = TablesByPolicy(path, items),
        });
    }

    /// <summary>The divisions that have items, in divisions.csv's order (関係各課 is not a division and has no page).</summary>
    public IReadOnlyList<Division> Divisions() =>
        _plan.Divisions.Where(d => _plan.Items.Any(i => i.Divisions.Contains(d.Name))).ToList();

    private static ContactView? Contact(Division d)
    {
        static string? Given(string s) => s.Length == 0 ? null : s;
        return d.Phone.Length + d.Email.Length + d.Url.Length == 0 ? null : new ContactView(d.Name, Given(d.Phone), Given(d.Email), Given(d.Url));
    }

    private DivisionsPage DivisionsIndex()
    {
        const string path = "divisions/index.html";
        return Base(new DivisionsPage
        {
            Path = path,
            Heading = "担当課から探す",
            Lead = "担当課ごとに、その課が担当する実施項目を一覧にしています。複数の課が担当する項目は、それぞれの課に表示しています。",
            Site = _site,
            Breadcrumbs = Crumbs(path, (path, "担当課から探す")),
            Divisions = Divisions().Select(d => (new Link(Rel(path, Slugs.Division(d.Slug)), d.Name), _plan.Items.Count(i => i.Divisions.Contains(d.Name)))).ToList(),
            RelatedNote = _plan.Items.Any(i => i.Divisions.Contains(Division.Related))
                ? $"担当課が「{Division.Related}」の項目（{_plan.Items.Count(i => i.Divisions.Contains(Division.Related))}項目）は、関係する複数の課が連携して取り組みます。主な担当課の一覧から探せます。"
                : null,
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
            Breadcrumbs = Crumbs(path, ("divisions/index.html", "担当課から探す"), (path, division.Name)),
            Note = null,
            Contact = Contact(division),
            Table = new ItemTable($"{division.Name}が担当する実施項目（{items.Count}項目）", null, YearHeading, items.Select(i => Row(i, path)).ToList()),
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
            Target = new Link(Rel(path, target), $"{division.Name}の実施項目"),
            TargetPath = target,
        });
    }

    private ChapterPage Chapter(Chapter chapter)
    {
        var path = Slugs.Chapter(chapter.Order);
        return Base(new ChapterPage
        {
            Path = path,
            Heading = $"{chapter.Label} {chapter.Title}",
            Site = _site,
            Breadcrumbs = Crumbs(path, (path, $"{chapter.Label} {chapter.Title}")),
            BodyHtml = ProseMarkdown.ToHtml(chapter.Markdown),
            Policies = chapter.Order == 3 ? PolicyTree(path) : [],
            Chapters = _plan.Chapters.Select(c => new Link(Rel(path, Slugs.Chapter(c.Order)), $"{c.Label} {c.Title}", c.Order == chapter.Order)).ToList(),
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
            Breadcrumbs = Crumbs(path, (path, "オープンデータ")),
            Files =
            [
                new(new Link(Rel(path, OpenDataWriterPaths.Csv), "年度計画達成度と指標（CSV）"), "CSV（UTF-8 BOM付き、CRLF、見出し行あり）", "実施項目×年度×指標ごとに1行。Excelでそのまま開けます。", ""),
                new(new Link(Rel(path, OpenDataWriterPaths.Json), "計画の全データ（JSON）"), "JSON（UTF-8）", "計画・実施方針・実施項目・年度ごとの計画と実績・指標・達成度をすべて含みます。", ""),
            ],
            Columns = OpenDataWriterPaths.CsvColumns,
        });
    }

    private AccessibilityPage Accessibility(int pageCount)
    {
        const string path = "accessibility.html";
        return Base(new AccessibilityPage
        {
            Path = path,
            Heading = "ウェブアクセシビリティ方針",
            Site = _site,
            Breadcrumbs = Crumbs(path, (path, "ウェブアクセシビリティ方針")),
            PageCount = pageCount,
        });
    }

    private NotFoundPage NotFound()
    {
        var page = Base(new NotFoundPage { Path = "404.html", Heading = "ページが見つかりません", Site = _site });
        return _site.BaseUrl is null ? page : page with { Navigation = page.Navigation.Select(l => l with { Href = page.Root + l.Href }).ToList() };
    }
}

/// <summary>Where the open data lives and what its CSV columns mean (shown on the open data page).</summary>
public static class OpenDataWriterPaths
{
    public const string Csv = "opendata/achievements.csv";
    public const string Json = "opendata/plan.json";

    public static readonly IReadOnlyList<OpenDataColumn> CsvColumns =
    [
        new("自治体名", "計画を定めた自治体（例: 小郡市）"),
        new("計画名", "計画の名称"),
        new("項目番号", "実施項目の番号（1～）"),
        new("項目名", "実施項目の名称"),
        new("担当課", "担当課。複数の場合は「、」区切り"),
        new("実施方針", "項目が属する実施方針"),
        new("年度", "和暦の年度（例: 令和4年度）"),
        new("西暦年度", "年度の始まる西暦年（例: 2022）"),
        new("指標", "指標の名称。数値目標のない年度は空欄"),
        new("目標値", "目標値。単位の列の単位での符号付きの数（億・万は展開済み。例: 1500000000）"),
        new("目標値表記", "公表資料での目標値の書き方（例: 15億円）"),
        new("実績値", "実績値。目標値と同じ形式"),
        new("実績値表記", "公表資料での実績値の書き方（例: 約9億円）"),
        new("単位", "目標値・実績値の単位（例: 円、%、時間）"),
        new("目標の種類", "以上（多いほど良い）または以下（少ないほど良い）"),
        new("達成度対象", "年度計画達成度の計算に含める指標は 1、含めない指標は 0"),
        new("比率", "達成度対象の指標の達成比率（0～1、小数第4位まで）"),
        new("年度計画達成度", "その年度の項目の達成度（%、整数）。計算対象の指標がない場合は空欄"),
        new("公表達成度", "市が公表した達成度（%）。公表値がない場合は空欄"),
    ];
}
