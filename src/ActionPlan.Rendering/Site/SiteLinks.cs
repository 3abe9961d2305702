using ActionPlan.Domain;

namespace ActionPlan.Rendering.Site;

/// <summary>
/// Links and navigation: every href relative to the page it is on, so the site works in any sub-folder and from disk.
/// The labels are the theme's words (<see cref="Theme.Words"/>, nav.*).
/// </summary>
public sealed class SiteLinks(Plan plan, Theme.Words words)
{
    /// <summary>
    /// The address of <paramref name="path"/> (from the site root) under the site's --base-url: the home page is the
    /// folder itself (https://…/koudoukeikaku/), every other page its file. A trailing 「/」 on the base is not doubled.
    /// </summary>
    public static string Absolute(string baseUrl, string path) => baseUrl.TrimEnd('/') + "/" + (path == Slugs.Home ? "" : path);

    /// <summary>The path from <paramref name="fromPath"/> to <paramref name="toPath"/> (both from the site root).</summary>
    public static string Rel(string fromPath, string toPath) =>
        string.Concat(Enumerable.Repeat("../", fromPath.Count(c => c == '/'))) + toPath;

    /// <summary>The chapter the plan's pages open with (「計画について」), if the plan has chapters.</summary>
    private Chapter? First => plan.Chapters.FirstOrDefault();

    /// <summary>The chapter that lists the policies (front matter 「一覧: 実施方針」), if any.</summary>
    public Chapter? PolicyChapter => plan.Chapters.FirstOrDefault(c => c.ListsPolicies);

    /// <summary>
    /// The navigation bar: the kinds that have a navigation word (<see cref="PageKinds"/>), in their order, with the plan's
    /// opening chapter and its policy list after home.
    /// </summary>
    public IReadOnlyList<Link> Navigation(string path)
    {
        var entries = PageKinds.All.Where(k => k.NavWord is not null).Select(k => (Target: k.FixedPath!, Text: words[k.NavWord!])).ToList();
        var chapters = new List<(string, string)>();
        if (First is { } first) chapters.Add((Slugs.Chapter(first.Order), words["nav.about"]));
        if (PolicyChapter is { } policies) chapters.Add((Slugs.Chapter(policies.Order), words["nav.policies"]));
        entries.InsertRange(1, chapters);
        return entries.Select(e => new Link(Rel(path, e.Target), e.Text, e.Target == path)).ToList();
    }

    /// <summary>
    /// Home, then the pages of fixed path the kind goes up through (their theme words), then <paramref name="trail"/>: the
    /// crumbs only this page knows (its policies, its own name). A page of fixed path with no trail ends with its own word.
    /// </summary>
    public IReadOnlyList<Link> Breadcrumbs(PageKind kind, string path, params (string Target, string Text)[] trail)
    {
        var crumbs = new List<(string Target, string Text)> { (Slugs.Home, words[PageKinds.Home.TitleWord!]) };
        crumbs.AddRange(kind.Ancestors().Select(k => (k.FixedPath!, words[k.TitleWord!])));
        if (trail.Length == 0 && kind.FixedPath is not null) crumbs.Add((kind.FixedPath, words[kind.TitleWord!]));
        crumbs.AddRange(trail);
        return crumbs.Select(t => new Link(Rel(path, t.Target), t.Text, t.Target == path)).ToList();
    }
}
