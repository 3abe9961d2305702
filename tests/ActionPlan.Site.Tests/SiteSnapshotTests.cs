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
        .Where(f => f.Path.EndsWith(".html") || f.Path.EndsWith(".csv") || f.Path.EndsWith(".json") || f.Path.EndsWith(".txt"))
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

    [Fact]
    public void No_snapshot_is_left_without_its_page()
    {
        var expected = SiteBuild.Real.Select(f => Snapshot.FileName(nameof(SiteSnapshotTests), nameof(Page), Parameter(f.Path), Path.GetExtension(f.Path).TrimStart('.'))).ToHashSet();
        var stale = Directory.GetFiles(Snapshot.Directory(), $"{nameof(SiteSnapshotTests)}.{nameof(Page)}_*.verified.*")
            .Select(Path.GetFileName).Where(n => !expected.Contains(n!)).ToList();
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

    [Fact]
    public void A_missing_snapshot_fails_under_CI_and_is_created_otherwise()
    {
        using var dir = new Repo.TempDir();
        var ex = Assert.ThrowsAny<Exception>(() => Snapshot.Match("<p>new</p>\n", dir.Path, "X.New.verified.html", ci: true, accept: false));
        Assert.Contains("Snapshot missing", ex.Message);
        Assert.False(File.Exists(dir["X.New.verified.html"]));
        Assert.True(File.Exists(dir["X.New.received.html"]));

        Snapshot.Match("<p>new</p>\n", dir.Path, "X.Other.verified.html", ci: false, accept: false);
        Assert.Equal("<p>new</p>\n", File.ReadAllText(dir["X.Other.verified.html"]));
    }
}
