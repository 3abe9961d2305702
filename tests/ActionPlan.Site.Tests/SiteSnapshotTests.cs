using System.Text;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// Every file of the built site is compared with its reviewed snapshot (Snapshots/*.verified.*). Reviewers read the
/// diff of these files before publishing; a change fails here until it is accepted.
/// </summary>
public class SiteSnapshotTests
{
    public static TheoryData<string> Files => new(SiteBuild.Real
        .Where(f => f.Path.EndsWith(".html") || f.Path.EndsWith(".csv") || f.Path.EndsWith(".json") || f.Path.EndsWith(".jsonld") || f.Path.EndsWith(".js") || f.Path.EndsWith(".txt") || f.Path.EndsWith(".css"))
        .Select(f => f.Path));

    private static string Parameter(string path) => "path=" + path.Replace('/', '-');

    [Theory]
    [MemberData(nameof(Files))]
    public void Page(string path)
    {
        var file = SiteBuild.Real.Single(f => f.Path == path);
        var text = Encoding.UTF8.GetString(file.Content).TrimStart('\uFEFF'); // BOM and CRLF are asserted in ContentTests
        var ext = Path.GetExtension(path).TrimStart('.');
        Snapshot.Match(text, Snapshot.Directory(), Snapshot.FileName(nameof(SiteSnapshotTests), nameof(Page), Parameter(path), ext));
    }

    /// <summary>The files only a site with a base URL has (sitemap.xml, the robots.txt sitemap line), from a build with one.</summary>
    [Theory]
    [InlineData("sitemap.xml")]
    [InlineData("robots.txt")]
    public void With_base_url(string path)
    {
        var file = WithBaseUrl.Value.Single(f => f.Path == path);
        Snapshot.Match(Encoding.UTF8.GetString(file.Content), Snapshot.Directory(),
            Snapshot.FileName(nameof(SiteSnapshotTests), nameof(With_base_url), Parameter(path), Path.GetExtension(path).TrimStart('.')));
    }

    private static readonly Lazy<IReadOnlyList<ActionPlan.Rendering.OutputFile>> WithBaseUrl = new(() => SiteBuild.Render(Repo.Input, "https://www.city.ogori.fukuoka.jp/actionplan"));

    // The examples' assets (assets/search.js) are the theme's, the seed's snapshot already reviews them.
    private static bool Reviewed(string path) => !path.StartsWith("assets/", StringComparison.Ordinal) && (
        path.EndsWith(".html") || path.EndsWith(".csv") || path.EndsWith(".json") || path.EndsWith(".jsonld") || path.EndsWith(".js") || path.EndsWith(".txt"));

    /// <summary>The plan-shape examples' pages and open data (`init --example`), reviewed like the seed's (their stylesheet is the seed's).</summary>
    public static TheoryData<string, string> ExampleFiles => new(SiteBuild.Examples
        .SelectMany(e => e.Value.Where(f => Reviewed(f.Path)).Select(f => (e.Key, f.Path))));

    private static string ExampleParameter(string example, string path) => $"example={example}_path={path.Replace('/', '-')}";

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example(string example, string path)
    {
        var file = SiteBuild.Examples[example].Single(f => f.Path == path);
        var text = Encoding.UTF8.GetString(file.Content).TrimStart('\uFEFF');
        Snapshot.Match(text, Snapshot.Directory(), Snapshot.FileName(nameof(SiteSnapshotTests), nameof(Example), ExampleParameter(example, path), Path.GetExtension(path).TrimStart('.')));
    }

    [Fact]
    public void No_snapshot_is_left_without_its_page()
    {
        var expected = SiteBuild.Real.Select(f => Snapshot.FileName(nameof(SiteSnapshotTests), nameof(Page), Parameter(f.Path), Path.GetExtension(f.Path).TrimStart('.')))
            .Concat(SiteBuild.Examples.SelectMany(e => e.Value.Where(f => Reviewed(f.Path))
                .Select(f => Snapshot.FileName(nameof(SiteSnapshotTests), nameof(Example), ExampleParameter(e.Key, f.Path), Path.GetExtension(f.Path).TrimStart('.')))))
            .ToHashSet();
        var stale = Directory.GetFiles(Snapshot.Directory(), $"{nameof(SiteSnapshotTests)}.*_*.verified.*")
            .Select(Path.GetFileName).Where(n => !expected.Contains(n!) && !n!.StartsWith($"{nameof(SiteSnapshotTests)}.{nameof(With_base_url)}_", StringComparison.Ordinal)).ToList();
        Assert.True(stale.Count == 0, "Snapshots of pages the site no longer has (delete them): " + string.Join(", ", stale));
    }

    [Fact]
    public void The_snapshot_helper_fails_with_a_diff_and_writes_received()
    {
        using var dir = new Repo.TempDir();
        File.WriteAllText(dir["X.M.verified.html"], "<p>a</p>\n<p>b</p>\n");
        var ex = Assert.ThrowsAny<Exception>(() => Snapshot.Match("<p>a</p>\n<p>c</p>\n", dir.Path, "X.M.verified.html", ci: false, accept: false));
        Assert.Contains("- <p>b</p>", ex.Message);
        Assert.Contains("+ <p>c</p>", ex.Message);
        Assert.Equal("<p>a</p>\n<p>c</p>\n", File.ReadAllText(dir["X.M.received.html"]));

        Snapshot.Match("<p>a</p>\n<p>c</p>\n", dir.Path, "X.M.verified.html", ci: false, accept: true);   // accepting
        Assert.Equal("<p>a</p>\n<p>c</p>\n", File.ReadAllText(dir["X.M.verified.html"]));
        Assert.False(File.Exists(dir["X.M.received.html"]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_missing_snapshot_fails_in_and_out_of_CI_unless_accepted(bool ci)
    {
        using var dir = new Repo.TempDir();
        var ex = Assert.ThrowsAny<Exception>(() => Snapshot.Match("<p>new</p>\n", dir.Path, "X.New.verified.html", ci, accept: false));
        Assert.Contains("Snapshot missing", ex.Message);
        Assert.False(File.Exists(dir["X.New.verified.html"]));
        Assert.True(File.Exists(dir["X.New.received.html"]));

        Snapshot.Match("<p>new</p>\n", dir.Path, "X.Other.verified.html", ci: false, accept: true);
        Assert.Equal("<p>new</p>\n", File.ReadAllText(dir["X.Other.verified.html"]));
    }

    [Fact]
    public void Accepting_is_refused_under_CI()
    {
        using var dir = new Repo.TempDir();
        var ex = Assert.ThrowsAny<Exception>(() => Snapshot.Match("<p>x</p>\n", dir.Path, "X.Ci.verified.html", ci: true, accept: true));
        Assert.Contains("refused under CI", ex.Message);
        Assert.False(File.Exists(dir["X.Ci.verified.html"]));
    }

    [Fact]
    public void The_diff_shows_every_hunk()
    {
        var before = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"<p>{i}</p>")) + "\n";
        var after = before.Replace("<p>3</p>", "<p>three</p>").Replace("<p>30</p>", "<p>thirty</p>");
        var diff = Snapshot.Diff(before, after);
        Assert.Contains("- <p>3</p>", diff);
        Assert.Contains("+ <p>three</p>", diff);
        Assert.Contains("- <p>30</p>", diff);
        Assert.Contains("+ <p>thirty</p>", diff);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(diff, "^@@ ", System.Text.RegularExpressions.RegexOptions.Multiline).Count);
    }
}
