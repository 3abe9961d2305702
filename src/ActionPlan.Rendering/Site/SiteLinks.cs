using ActionPlan.Domain;

namespace ActionPlan.Rendering.Site;

/// <summary>
/// Links and navigation: every href relative to the page it is on, so the site works in any sub-folder and from disk.
/// The labels are the theme's words (<see cref="Theme.Words"/>, nav.*).
/// </summary>
public sealed class SiteLinks(Plan plan, Theme.Words words)
{
    /// <summary>The path from <paramref name="fromPath"/> to <paramref name="toPath"/> (both from the site root).</summary>
    public static string Rel(string fromPath, string toPath) =>
        string.Concat(Enumerable.Repeat("../", fromPath.Count(c => c == '/'))) + toPath;

    /// <summary>The chapter the plan's pages open with (「計画について」), if the plan has chapters.</summary>
    private Chapter? First => plan.Chapters.FirstOrDefault();

    /// <summary>The chapter that lists the policies (front matter 「一覧: 実施方針」), if any.</summary>
    public Chapter? PolicyChapter => plan.Chapters.FirstOrDefault(c => c.ListsPolicies);

    public IReadOnlyList<Link> Navigation(string path)
    {
        var entries = new List<(string Target, string Text)> { (Slugs.Home, words["nav.home"]) };
        if (First is { } first) entries.Add((Slugs.Chapter(first.Order), words["nav.about"]));
        if (PolicyChapter is { } policies) entries.Add((Slugs.Chapter(policies.Order), words["nav.policies"]));
        entries.AddRange([(Slugs.Divisions, words["nav.divisions"]), (Slugs.OpenData, words["nav.opendata"]), (Slugs.Accessibility, words["nav.accessibility"])]);
        return entries.Select(e => new Link(Rel(path, e.Target), e.Text, e.Target == path)).ToList();
    }

    public IReadOnlyList<Link> Breadcrumbs(string path, params (string Target, string Text)[] trail) =>
        new (string Target, string Text)[] { (Slugs.Home, words["nav.home"]) }.Concat(trail).Select(t => new Link(Rel(path, t.Target), t.Text, t.Target == path)).ToList();
}
