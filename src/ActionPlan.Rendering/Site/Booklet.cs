using ActionPlan.Domain;

namespace ActionPlan.Rendering.Site;

/// <summary>One entry of the booklet's 目次: a link to an anchor on the page, with the entries under it.</summary>
public sealed record ContentsEntry(string Id, TextView Text, IReadOnlyList<ContentsEntry> Children)
{
    public string Href => "#" + Id;
}

/// <summary>A chapter as the booklet shows it: 第1 … with its prose (and the policy list in 第3).</summary>
public sealed record BookletChapter(string Id, string Heading, string BodyHtml, IReadOnlyList<PolicyNode> Policies);

/// <summary>
/// A row of an item's 年度行動計画及び実績: 「令和4年度実績」 with its lines and achievement, or 「令和5年度計画」 with its
/// lines (no achievement).
/// </summary>
public sealed record BookletYearRow(string Label, IReadOnlyList<LineView> Lines, AchievementView? Achievement);

/// <summary>An item laid out as the city's table: No., 項目名, 担当課, 現状・課題, 目標, and the years.</summary>
public sealed record BookletItem(
    string Id,
    string NumberLabel,
    string Name,
    string Divisions,
    TextView PolicyTrail,
    SectionView Issues,
    SectionView Goals,
    IReadOnlyList<BookletYearRow> Years,
    Link Page,
    string PolicyLevel = "",
    IReadOnlyList<FieldView>? Fields = null)
{
    /// <summary>The plan's extra fields the item fills (今後の方向性), after its years.</summary>
    public IReadOnlyList<FieldView> ExtraFields => Fields ?? [];
}

/// <summary>Items under one policy (the document groups them: 1 健全な財政基盤の確立 、(1) 歳出の抑制).</summary>
public sealed record BookletGroup(string Id, TextView Heading, IReadOnlyList<BookletItem> Items);

/// <summary>
/// 冊子（全項目）: the whole plan on one page in the document's order — cover, contents, the chapters, then every item as the
/// city's table — so a citizen can read or print everything at once, and `pdf` prints it into the committee's booklet.
/// </summary>
public sealed record BookletPage : Page
{
    public override PageKind Kind => PageKinds.Booklet;
    /// <summary>The PDF published beside the site (input/booklet.pdf, copied by build), when there is one.</summary>
    public const string PdfName = "booklet.pdf";
    /// <summary>
    /// Above this many items there is no booklet page: it would be thousands of printed pages and one page of tens of
    /// megabytes (10,000 synthetic items: 55 MB, and the build took 2.4× as long). A city's plan has tens of items.
    /// </summary>
    public const int MaxItems = 500;
    public required string Period { get; init; }
    public required string Published { get; init; }
    public required string Publisher { get; init; }
    public required IReadOnlyList<ContentsEntry> Contents { get; init; }
    public required IReadOnlyList<BookletChapter> Chapters { get; init; }
    public required string ItemsHeading { get; init; }
    public required string ItemsLead { get; init; }
    public required IReadOnlyList<BookletGroup> Groups { get; init; }
    /// <summary>「冊子のPDF（1.2MB）」 when the PDF is published beside the site; never printed.</summary>
    public required Link? Pdf { get; init; }
}

/// <summary>Builds the booklet from the evaluated plan: the same sources and figures as every other page.</summary>
public sealed class BookletBuilder(EvaluatedPlan evaluated, SiteInfo site, SiteLinks links, PolicyIndex policies, long? pdfBytes, Theme.Words words)
{

    private Plan Plan => evaluated.Plan;

    public BookletPage Build()
    {
        const string path = Slugs.Booklet;
        var prose = new Prose(Plan.Terms, Slugs.Glossary);
        var chapters = Plan.Chapters.Select(c => new BookletChapter(
            $"chapter-{c.Order}", $"{c.Label} {c.Title}", ProseMarkdown.ToHtml(c.Markdown, prose, headingShift: 1), c.ListsPolicies ? policies.Tree(path, prose) : [])).ToList();

        var groups = policies.Leaves
            .Select(leaf => (leaf, items: Plan.Items.Where(i => i.PolicyCode == leaf.Code).ToList()))
            .Where(g => g.items.Count > 0)
            .Select(g => new BookletGroup("policy-" + Slugs.Hash(g.leaf.Code), policies.TrailText(g.leaf.Code), g.items.Select(i => Item(i, prose, path)).ToList()))
            .ToList();

        var itemsHeading = words.Format("booklet.items-heading", ("chapter", Plan.Chapters.Count + 1));
        var contents = chapters.Select(c => new ContentsEntry(c.Id, TextView.Of(c.Heading), [])).ToList();
        contents.Add(new ContentsEntry("items", TextView.Of(itemsHeading), groups
            .Select(g => new ContentsEntry(g.Id, g.Heading, g.Items.Select(i => new ContentsEntry(i.Id, TextView.Of($"{i.NumberLabel} {i.Name}"), [])).ToList()))
            .ToList()));

        return new BookletPage
        {
            Path = path,
            Heading = words["booklet.link"],
            Site = site,
            Navigation = links.Navigation(path),
            Breadcrumbs = links.Breadcrumbs(PageKinds.Booklet, path),
            Period = site.Period,
            Published = site.Published,
            Publisher = site.Owner,
            Contents = contents,
            Chapters = chapters,
            ItemsHeading = itemsHeading,
            ItemsLead = Plan.Info.Subtitle,
            Groups = groups,
            Pdf = pdfBytes is { } bytes ? new Link(BookletPage.PdfName, words.Format("booklet.pdf-link", ("size", Size(bytes)))) : null,
        };
    }

    /// <summary>「1.2MB」「840KB」: the size a citizen on a phone plan wants to know before downloading.</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024m * 1024m)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "MB"
        : Math.Max(1, (bytes + 1023) / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) + "KB";

    private BookletItem Item(Item item, Prose prose, string path)
    {
        var evaluation = evaluated[item.Number];
        var reporting = evaluated.ReportingYear;
        var last = Plan.Info.LastPlanShown;
        var rows = evaluation.Years.Where(y => y.Year <= reporting)
            .Select(y => new BookletYearRow(words.Format("indicator.row-result", ("year", y.Year.Japanese)), y.Results?.Lines.Select(l => LineView.Of(l, prose)).ToList() ?? [], AchievementView.Of(y)))
            .Concat(evaluation.Years.Where(y => y.Year > reporting && y.Year <= last && y.Plan is not null)
                .Select(y => new BookletYearRow(words.Format("indicator.row-plan", ("year", y.Year.Japanese)), y.Plan!.Lines.Select(l => LineView.Of(l, prose)).ToList(), null)))
            .Concat(evaluation.Years.Where(y => y.Forecast is not null)
                .Select(y => new BookletYearRow(words.Format("indicator.row-forecast", ("year", y.Year.Japanese)), y.Forecast!.Lines.Select(l => LineView.Of(l, prose)).ToList(), null)))
            .ToList();
        var fields = item.Extra.Select((f, i) => new FieldView($"item-{item.Number}-field-{i + 1}", f.Name, SectionView.Of(f.Content, prose, subheadingLevel: 5))).ToList();
        return new BookletItem(
            $"item-{item.Number}",
            words.Format("item.number", ("number", item.Number)),
            item.Name,
            string.Join(words["list.separator"], item.Divisions),
            policies.TrailText(item.PolicyCode),
            SectionView.Of(item.Issues, prose, subheadingLevel: 5),
            SectionView.Of(item.Goals, prose, subheadingLevel: 5),
            rows,
            new Link(SiteLinks.Rel(path, Slugs.Item(item.Number)), words.Format("booklet.item-page-link", ("number", item.Number))),
            site.PolicyLevel,
            fields);
    }

}
