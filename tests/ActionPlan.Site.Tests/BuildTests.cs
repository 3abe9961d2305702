using ActionPlan.Rendering;
using ActionPlan.Site.Output;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

public class BuildTests
{
    private static void AssertSameTree(Dictionary<string, byte[]> a, Dictionary<string, byte[]> b)
    {
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[path]), $"{path} differs");
    }

    [Fact]
    public void Two_builds_of_the_same_input_are_byte_identical()
    {
        using var dir = new Repo.TempDir();
        Assert.Equal(0, Cli.Invoke("build", "--input", Repo.Input, "--output", dir["a"], "--theme", Repo.Theme, "--quiet").ExitCode);
        Assert.Equal(0, Cli.Invoke("build", "--input", Repo.Input, "--output", dir["b"], "--theme", Repo.Theme, "--quiet").ExitCode);
        var a = Repo.Tree(dir["a"]);
        Assert.True(a.Count > 30);
        AssertSameTree(a, Repo.Tree(dir["b"]));
    }

    [Fact]
    public void A_failing_build_leaves_the_previous_output_byte_identical()
    {
        using var dir = Repo.CopyOf();
        var output = dir["_site"];
        Assert.Equal(0, Cli.Invoke("build", "--input", dir["input"], "--output", output, "--theme", Repo.Theme, "--quiet").ExitCode);
        var before = Repo.Tree(output);
        var stamps = Directory.GetFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        File.WriteAllText(dir["input/items/05.csv"], File.ReadAllText(dir["input/items/05.csv"]).Replace("5.59億円", "abc"));
        var run = Cli.Invoke("build", "--input", dir["input"], "--output", output, "--theme", Repo.Theme);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("変更していません", run.Err);
        AssertSameTree(before, Repo.Tree(output));
        foreach (var (file, stamp) in stamps) Assert.Equal(stamp, File.GetLastWriteTimeUtc(file));
        Assert.DoesNotContain(Directory.GetDirectories(dir.Path), d => Path.GetFileName(d).StartsWith("_site."));
    }

    [Fact]
    public void A_write_that_fails_midway_leaves_the_previous_output_and_no_temporaries()
    {
        using var dir = new Repo.TempDir();
        var output = dir["_site"];
        SiteWriter.Write([new OutputFile("index.html", "old"u8.ToArray())], output);
        var files = new List<OutputFile> { new("a.html", "new"u8.ToArray()), new("../escape.html", "x"u8.ToArray()) };
        Assert.Throws<OutputException>(() => SiteWriter.Write(files, output));
        Assert.Equal("old", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.False(File.Exists(Path.Combine(output, "a.html")));
        Assert.False(File.Exists(dir["escape.html"]));
        Assert.Equal([output], Directory.GetDirectories(dir.Path));
    }

    [Fact]
    public void A_previous_output_left_aside_by_a_killed_swap_is_recovered()
    {
        using var dir = new Repo.TempDir();
        var output = dir["_site"];
        SiteWriter.Write([new OutputFile("index.html", "v1"u8.ToArray())], output);
        Directory.Move(output, output + ".old-123-abc");        // killed between the two renames
        Directory.CreateDirectory(output + ".tmp-123-abc");     // and a half-written temporary
        SiteWriter.Recover(output);
        Assert.Equal("v1", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Equal([output], Directory.GetDirectories(dir.Path));
    }

    [Fact]
    public void Unchanged_files_keep_their_timestamps_and_only_changed_files_are_rewritten()
    {
        using var dir = Repo.CopyOf();
        var output = dir["_site"];
        Assert.Equal(0, Cli.Invoke("build", "--input", dir["input"], "--output", output, "--theme", Repo.Theme, "--quiet").ExitCode);
        var old = DateTime.UtcNow.AddDays(-1);
        foreach (var f in Directory.GetFiles(output, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(f, old);

        File.WriteAllText(dir["input/items/05.csv"], File.ReadAllText(dir["input/items/05.csv"]).Replace("実績は831品。", "実績は831品です。"));
        var run = Cli.Invoke("build", "--input", dir["input"], "--output", output, "--theme", Repo.Theme);

        Assert.Equal(0, run.ExitCode);
        var changed = Directory.GetFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => File.GetLastWriteTimeUtc(f) != old).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order().ToList();
        // The booklet carries every line too; the search index carries the text; the catalogue the JSON's new checksum.
        Assert.Equal(["booklet.html", "items/05.html", "opendata/catalog.jsonld", "opendata/plan.json", "search/index.js"], changed);
    }

    [Fact]
    public void Sitemap_and_canonical_links_only_with_a_base_url()
    {
        var without = SiteBuild.Real;
        Assert.DoesNotContain(without, f => f.Path == "sitemap.xml");
        var with = SiteBuild.Render(Repo.Input, "https://www.city.ogori.fukuoka.jp/actionplan/");
        var sitemap = System.Text.Encoding.UTF8.GetString(with.Single(f => f.Path == "sitemap.xml").Content);
        Assert.Contains("<loc>https://www.city.ogori.fukuoka.jp/actionplan/items/05.html</loc>", sitemap);
        Assert.Contains("<link rel=\"canonical\" href=\"https://www.city.ogori.fukuoka.jp/actionplan/items/05.html\">",
            System.Text.Encoding.UTF8.GetString(with.Single(f => f.Path == "items/05.html").Content));
        Assert.Contains("Sitemap: https://www.city.ogori.fukuoka.jp/actionplan/sitemap.xml", System.Text.Encoding.UTF8.GetString(with.Single(f => f.Path == "robots.txt").Content));
        var notFound = System.Text.Encoding.UTF8.GetString(with.Single(f => f.Path == "404.html").Content);
        Assert.Contains("<link rel=\"stylesheet\" href=\"https://www.city.ogori.fukuoka.jp/actionplan/assets/site.css\">", notFound);
        Assert.Contains("href=\"https://www.city.ogori.fukuoka.jp/actionplan/divisions/index.html\"", notFound);
        Assert.DoesNotContain("href=\"index.html\"", notFound);
    }
}
