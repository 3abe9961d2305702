namespace ActionPlan.Rendering.Site;

/// <summary>
/// A kind of page: its id, the template that renders it, where its page lives (a fixed path, or one per item, policy,
/// division or chapter, made by <see cref="Slugs"/>), its title (a theme word, or the name of what it shows), the kind its
/// breadcrumb goes up to, its navigation word, and whether the sitemap lists it.
/// </summary>
/// <param name="FixedPath">The one page of this kind; null when there is a page per item, policy, division or chapter.</param>
/// <param name="TitleWord">The theme word that names a page of a fixed path (its breadcrumb); null when the page is named by what it shows.</param>
/// <param name="Parent">The kind the breadcrumb goes up to (home is always the first crumb); null for the home page and notices.</param>
/// <param name="NavWord">The navigation bar's word for this page, when the bar links it.</param>
/// <param name="IsPage">False for notices that only send the reader on (a moved division's address): not counted, not in the sitemap.</param>
/// <param name="InSitemap">Whether sitemap.xml lists the pages of this kind.</param>
public sealed record PageKind(string Id, string Template, string? FixedPath, string? TitleWord, PageKind? Parent,
    string? NavWord = null, bool IsPage = true, bool InSitemap = true)
{
    /// <summary>The kinds from the top down to this one, home excepted: the breadcrumb's fixed part.</summary>
    public IEnumerable<PageKind> Ancestors()
    {
        var chain = new List<PageKind>();
        for (var k = Parent; k is not null && k != PageKinds.Home; k = k.Parent) chain.Insert(0, k);
        return chain;
    }
}

/// <summary>
/// The one list of the site's page kinds. <see cref="SiteModelBuilder.Specs"/> makes the pages from it, <see cref="SiteLinks"/>
/// the navigation bar and the breadcrumbs, the renderer the sitemap; a page's template is its kind's.
/// </summary>
public static class PageKinds
{
    public static readonly PageKind Home = new("home", "pages/Index.cshtml", Slugs.Home, "nav.home", null, NavWord: "nav.home");
    public static readonly PageKind Item = new("item", "pages/Item.cshtml", null, null, Home);
    public static readonly PageKind Policy = new("policy", "pages/Policy.cshtml", null, null, Home);
    public static readonly PageKind Divisions = new("divisions", "pages/Divisions.cshtml", Slugs.Divisions, "divisions.heading", Home, NavWord: "nav.divisions");
    public static readonly PageKind Division = new("division", "pages/Division.cshtml", null, null, Divisions);
    public static readonly PageKind MovedDivision = new("moved-division", "pages/Redirect.cshtml", null, null, null, IsPage: false, InSitemap: false);
    public static readonly PageKind Chapter = new("chapter", "pages/Chapter.cshtml", null, null, Home);
    public static readonly PageKind Booklet = new("booklet", "pages/Booklet.cshtml", Slugs.Booklet, "booklet.link", Home);
    public static readonly PageKind OpenData = new("opendata", "pages/OpenData.cshtml", Slugs.OpenData, "opendata.heading", Home, NavWord: "nav.opendata");
    public static readonly PageKind Glossary = new("glossary", "pages/Glossary.cshtml", Slugs.Glossary, "glossary.heading", Home);
    public static readonly PageKind Accessibility = new("accessibility", "pages/Accessibility.cshtml", Slugs.Accessibility, "accessibility.heading", Home, NavWord: "nav.accessibility");
    public static readonly PageKind AccessibilityResults = new("accessibility-results", "pages/AccessibilityResults.cshtml", Slugs.AccessibilityResults, "accessibility.results-link", Accessibility);
    public static readonly PageKind NotFound = new("not-found", "pages/NotFound.cshtml", Slugs.NotFound, "notfound.heading", null, InSitemap: false);
    public static readonly PageKind Search = new("search", "pages/Search.cshtml", Slugs.Search, "search.heading", Home);
    public static readonly PageKind Updates = new("updates", "pages/Updates.cshtml", Slugs.Updates, "updates.heading", Home);

    /// <summary>Every kind, in the order the site lists its pages.</summary>
    public static readonly IReadOnlyList<PageKind> All =
        [Home, Item, Policy, Divisions, Division, MovedDivision, Chapter, Booklet, OpenData, Glossary, Search, Updates, Accessibility, AccessibilityResults, NotFound];
}
