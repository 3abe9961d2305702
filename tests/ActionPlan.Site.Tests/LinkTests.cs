using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>Zero broken internal links or fragment anchors, at a domain root and inside a sub-folder of a city site.</summary>
public class LinkTests
{
    private static string BuildInto(Repo.TempDir dir, string relative)
    {
        var output = dir[relative];
        Assert.Equal(0, Cli.Invoke("build", "--input", Repo.Input, "--output", output, "--theme", Repo.Theme, "--quiet").ExitCode);
        return output;
    }

    [Fact]
    public void No_broken_links_at_the_root()
    {
        using var dir = new Repo.TempDir();
        var (count, broken) = LinkChecker.Check(BuildInto(dir, "_site"));
        Assert.True(count > 500, $"only {count} links checked");
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public void No_broken_links_in_a_sub_folder_of_the_city_homepage()
    {
        using var dir = new Repo.TempDir();
        File.WriteAllText(dir["index.html"], "<!doctype html><title>city</title>");
        var (count, broken) = LinkChecker.Check(BuildInto(dir, "soshiki/somu/actionplan"));
        Assert.True(count > 500);
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public void The_checker_finds_broken_links()
    {
        using var dir = new Repo.TempDir();
        File.WriteAllText(dir["a.html"], "<a href=\"b.html\">b</a><a href=\"#nope\">x</a><a href=\"/abs.html\">y</a><a href=\"../up.html\">z</a><p id=\"here\"></p><a href=\"#here\">ok</a>");
        var (_, broken) = LinkChecker.Check(dir.Path);
        Assert.Equal(["b.html", "#nope", "/abs.html", "../up.html"], broken.Select(b => b.Href));
    }
}
